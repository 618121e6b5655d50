import type { Knex } from 'knex';
import type { TopicName } from '../../contract/topics.js';

/** What a handler gets for one decoded message, inside the batch's transaction. */
export interface InboundMessage<T = Record<string, unknown>> {
  base: TopicName;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: T;
  tx: Knex.Transaction;
}

/**
 * A handler applies one message. It throws an AppError (typed, with a code) for input that is
 * decodable but cannot be applied (unknown application, decision that does not fit the state...):
 * the consumer parks it on the DLQ with that code and goes on. Any other error aborts the batch,
 * which is retried: nothing is committed, so nothing is lost.
 */
export type InboundHandler = (m: InboundMessage) => Promise<void>;
