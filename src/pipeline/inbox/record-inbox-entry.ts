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
  return (await recordInboxEntries(tx, [e])).has(e.messageId);
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

/**
 * Records the messages of a batch as consumed, one statement (each messageId once in the list).
 * Returns the ids recorded now; the others were seen before ({@link selectInboxEntries}).
 */
export async function recordInboxEntries(
  tx: Knex.Transaction | Knex,
  entries: readonly InboxEntry[],
): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  const rows = await tx('inbox')
    .insert(
      entries.map((e) => ({
        message_id: e.messageId,
        topic: e.topic,
        partition: e.partition,
        offset: e.offset,
        digest: e.digest ?? null,
      })),
    )
    .onConflict('message_id')
    .ignore()
    .returning('message_id');
  return new Set(rows.map((r: { message_id: string }) => r.message_id));
}

/** The first consumption of each of these messageIds that the inbox has, one statement. */
export async function selectInboxEntries(
  tx: Knex.Transaction | Knex,
  messageIds: readonly string[],
): Promise<Map<string, Required<Omit<InboxEntry, 'digest'>> & { digest: Buffer | null }>> {
  const found = new Map<string, Required<Omit<InboxEntry, 'digest'>> & { digest: Buffer | null }>();
  if (messageIds.length === 0) return found;
  const rows = (await tx('inbox')
    .whereIn('message_id', messageIds)
    .select('message_id', 'topic', 'partition', 'offset', 'digest')) as {
    message_id: string;
    topic: string;
    partition: number;
    offset: string;
    digest: Buffer | null;
  }[];
  for (const r of rows)
    found.set(r.message_id, {
      messageId: r.message_id,
      topic: r.topic,
      partition: r.partition,
      offset: String(r.offset),
      digest: r.digest,
    });
  return found;
}
