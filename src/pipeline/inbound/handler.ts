import type { Knex } from 'knex';
import type { TopicName } from '../../contract/topics.js';
import type { SagaWork } from '../saga/saga-work.js';

/** What a handler gets for one decoded message, inside the batch's transaction. */
export interface InboundMessage<T = Record<string, unknown>> {
  base: TopicName;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: T;
  tx: Knex.Transaction;
  /** The saga's unit of work of the batch (or of this message alone), in `tx`. */
  work: SagaWork;
}

/**
 * A handler maps one message to a command and runs it. It throws a RejectedInputError for input
 * that is decodable but cannot be applied (unknown application, decision that does not fit the
 * state...): the consumer parks it on the DLQ with that code and goes on. Any other error aborts
 * the batch, which is retried: nothing is committed, so nothing is lost.
 */
export type InboundHandler = (m: InboundMessage) => Promise<void>;

/** The event-log cause of a command that comes from this message. */
export function causeOf(m: InboundMessage): {
  kind: 'message';
  topic: string;
  partition: number;
  offset: string;
  messageId: string;
} {
  return {
    kind: 'message',
    topic: m.topic,
    partition: m.partition,
    offset: m.offset,
    messageId: String(m.value.messageId),
  };
}
