import { TOPIC_KINDS, kindField } from './kinds.js';
import type { TopicName } from './topics.js';

/** A multi-kind message: `kind`, its record under the kind's field, every other kind field null. */
export function envelope<T>(topic: TopicName, kind: string, body: object, header: Record<string, unknown>): T {
  const fields: Record<string, unknown> = {};
  for (const k of TOPIC_KINDS[topic] ?? []) fields[kindField(k)] = null;
  return { ...header, kind, ...fields, [kindField(kind)]: body } as T;
}
