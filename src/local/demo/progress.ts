/**
 * The demo's live view: a consumer of the monitoring topic that keeps the stages of the demo's
 * applications, and the progress line drawn from them (applications by phase, stages per second,
 * SLA at risk / breached, dead letters).
 */
import { randomUUID } from 'node:crypto';
import type { MonitoringStage } from '../../contract/messages.js';
import { Topics } from '../../contract/topics.js';
import type { AppConfig } from '../../platform/config/schema.js';
import type { Logger } from '../../platform/logging/logger.js';
import { connectMessaging } from '../../platform/messaging/bootstrap.js';
import type { StageRecord } from './report.js';

export interface StageMonitor {
  readonly records: StageRecord[];
  stop(): Promise<void>;
}

export async function startStageMonitor(config: AppConfig, log: Logger): Promise<StageMonitor> {
  const { kafka, codec } = await connectMessaging(config, log, '-demo-monitor');
  const consumer = kafka.consumer({ groupId: `${config.kafka.groupId}-demo-monitor-${randomUUID()}` });
  const records: StageRecord[] = [];
  const seen = new Set<string>();
  await consumer.connect();
  await consumer.subscribe({ topic: codec.topic(Topics.monitoringStages), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (!message.value) return;
      const m = await codec.decode<MonitoringStage>(message.value);
      if (seen.has(m.messageId)) return;
      seen.add(m.messageId);
      records.push({
        applicationId: m.applicationId,
        stage: m.stage,
        channel: m.channel,
        occurredAt: m.occurredAt,
        stageDeadline: m.stageDeadline,
        slaStatus: m.slaStatus,
        receivedAtMs: Date.now(),
      });
    },
  });
  return { records, stop: () => consumer.disconnect() };
}

/** The applications by their latest stage (SLA signals aside), for `ids` (not yet seen: FILED). */
export function phases(records: readonly StageRecord[], ids: readonly string[]): Record<string, number> {
  const last = new Map<string, string>();
  for (const r of records) if (!r.stage.startsWith('SLA_')) last.set(r.applicationId, r.stage);
  const out: Record<string, number> = {};
  for (const id of ids) {
    const p = last.get(id) ?? 'FILED';
    out[p] = (out[p] ?? 0) + 1;
  }
  return out;
}

/** One progress line. `recentPerSecond`: stages per second over the last interval. */
export function progressLine(o: {
  records: readonly StageRecord[];
  ids: readonly string[];
  done: number;
  clock: string;
  recentPerSecond: number;
  dlq: number;
}): string {
  const ph = Object.entries(phases(o.records, o.ids))
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const risk = o.records.filter((r) => r.stage === 'SLA_AT_RISK').length;
  const breached = o.records.filter((r) => r.stage === 'SLA_BREACHED').length;
  return (
    `[${o.clock.slice(0, 16)}] done ${o.done}/${o.ids.length} | ${ph} | ${o.recentPerSecond.toFixed(1)} stages/s` +
    ` | SLA at risk ${risk}, breached ${breached} | DLQ ${o.dlq}`
  );
}
