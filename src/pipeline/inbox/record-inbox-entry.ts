import type { Knex } from 'knex';

export interface InboxEntry {
  messageId: string;
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Records that a message was consumed. Returns false when its messageId was seen before: the
 * caller then skips it (a redelivery after a crash or a rebalance changes nothing).
 */
export async function recordInboxEntry(tx: Knex.Transaction | Knex, e: InboxEntry): Promise<boolean> {
  const rows = await tx('inbox')
    .insert({ message_id: e.messageId, topic: e.topic, partition: e.partition, offset: e.offset })
    .onConflict('message_id')
    .ignore()
    .returning('message_id');
  return rows.length === 1;
}
