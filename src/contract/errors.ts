/**
 * Errors of the message contract. Every error carries a stable `code` (used in DLQ records and
 * alerts) and a message that tells the operator what to do.
 */
import { AppError } from '../platform/errors/app-error.js';

export class ContractError extends AppError {}

/** Stable codes raised by src/contract. */
export const ContractErrorCode = {
  /** A topic name is not one of SPEC section 3. */
  UNKNOWN_TOPIC: 'CONTRACT_UNKNOWN_TOPIC',
  /** A topic prefix contains characters Kafka does not allow. */
  INVALID_TOPIC_PREFIX: 'CONTRACT_INVALID_TOPIC_PREFIX',
  /** A .avsc file is missing or not a valid Avro schema. */
  SCHEMA_LOAD_FAILED: 'CONTRACT_SCHEMA_LOAD_FAILED',
  /** A value for a timestamp-millis or date field is not in the agreed form. */
  INVALID_LOGICAL_VALUE: 'CONTRACT_INVALID_LOGICAL_VALUE',
  /** A multi-kind message does not have exactly the kind field named by `kind` set. */
  KIND_MISMATCH: 'CONTRACT_KIND_MISMATCH',
  /** A message has no value for the field its topic is keyed by. */
  MISSING_KEY: 'CONTRACT_MISSING_KEY',
} as const;
