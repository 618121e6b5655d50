import { TOPIC_KINDS, kindField } from '../../contract/kinds.js';
import type { TopicName } from '../../contract/topics.js';

/** A multi-kind message: `kind`, its record under the kind's field, every other kind field null. */
export function envelope(topic: TopicName, kind: string, body: object, header: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const k of TOPIC_KINDS[topic] ?? []) fields[kindField(k)] = null;
  return { ...header, kind, ...fields, [kindField(kind)]: body };
}
