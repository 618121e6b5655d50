/** egov.monitoring.stages.v1: one stage of provision (item 64), from the core's stage intent. */
import type { StageIntent } from '../../core/application/effects/index.js';
import { Topics } from '../../contract/topics.js';
import type { TopicMessage } from '../../pipeline/outbox/outbox-queries.js';
import type { OutboundMeta } from '../../pipeline/saga/outbound-meta.js';

export function buildStage(
  intent: StageIntent,
  meta: OutboundMeta,
  sequence: number,
): TopicMessage<typeof Topics.monitoringStages> {
  return {
    topic: Topics.monitoringStages,
    key: meta.applicationId,
    value: {
      ...meta.header,
      applicationId: meta.applicationId,
      stage: intent.stage,
      channel: meta.channel,
      collegeBin: meta.collegeBin,
      serviceTermEndsAt: intent.serviceTermEndsAt,
      stageDeadline: intent.stageDeadline,
      slaStatus: intent.slaStatus,
      sequence,
      calendarVersion: intent.calendar?.calendarVersion ?? null,
      deadlinesProvisional: intent.calendar?.provisional ?? false,
      revision: intent.revision,
    },
  };
}
