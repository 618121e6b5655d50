/**
 * Consumer lag per topic and partition: the end of each partition minus the group's committed
 * offset (a partition the group never committed counts from its start). Read from the broker when
 * scraped, with the admin client the caller keeps connected.
 */
import type { Admin } from 'kafkajs';

export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

export async function readConsumerLag(admin: Admin, groupId: string, topics: string[]): Promise<PartitionLag[]> {
  const committed = await admin.fetchOffsets({ groupId, topics });
  const out: PartitionLag[] = [];
  for (const { topic, partitions } of committed) {
    const ends = await admin.fetchTopicOffsets(topic);
    const at = new Map(partitions.map((p) => [p.partition, Number(p.offset)]));
    for (const end of ends) {
      const high = Number(end.high);
      const low = Number(end.low);
      const done = at.get(end.partition) ?? -1;
      // Below the low mark (retention deleted them), nothing is left to consume there.
      out.push({ topic, partition: end.partition, lag: Math.max(0, high - Math.max(done, low)) });
    }
  }
  return out;
}
