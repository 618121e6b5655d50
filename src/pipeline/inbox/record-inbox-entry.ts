import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

export interface InboxEntry {
  messageId: string;
  topic: string;
  partition: number;
  offset: string;
  /** sha256 of the topic and the value bytes ({@link messageDigest}); absent for the consumer's own markers. */
  digest?: Buffer;
}

/** What makes a message the same message: its (full) topic and its value bytes. */
export function messageDigest(topic: string, value: Buffer): Buffer {
  return createHash('sha256').update(topic).update('\u0000').update(value).digest();
}

/**
 * Records that a message was consumed. Returns false when its messageId was seen before: the
 * caller then compares digests ({@link selectInboxEntry}): the same message again changes
 * nothing (a redelivery after a crash or a rebalance), another one under the same id is parked.
 */
export async function recordInboxEntry(tx: Knex.Transaction | Knex, e: InboxEntry): Promise<boolean> {
  const rows = await tx('inbox')
    .insert({
      message_id: e.messageId,
      topic: e.topic,
      partition: e.partition,
      offset: e.offset,
      digest: e.digest ?? null,
    })
    .onConflict('message_id')
    .ignore()
    .returning('message_id');
  return rows.length === 1;
}

/** The first consumption of a messageId: where it came from and its digest (null for rows from before digests). */
export async function selectInboxEntry(
  tx: Knex.Transaction | Knex,
  messageId: string,
): Promise<Required<Omit<InboxEntry, 'digest'>> & { digest: Buffer | null }> {
  const row = (await tx('inbox').where({ message_id: messageId }).first('topic', 'partition', 'offset', 'digest')) as
    { topic: string; partition: number; offset: string; digest: Buffer | null } | undefined;
  if (!row) throw new Error(`inbox has no entry ${messageId}`);
  return { messageId, topic: row.topic, partition: row.partition, offset: String(row.offset), digest: row.digest };
}
