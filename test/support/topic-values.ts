/** What a test reads back from the adapter's topics, by base topic name. */
import type { MonitoringStage } from '../../src/contract/messages.js';
import { Topics, type TopicName } from '../../src/contract/topics.js';
import type { Harness } from './adapter-harness.js';

/** The decoded values read so far on a topic of the harness's prefix. */
export const topicValues = (h: Harness, base: TopicName) =>
  h.reader.on(h.topic(base)).map((m) => m.value as Record<string, unknown>);

/** The stage codes reported for one application, in the order read. */
export const stageCodesOf = (h: Harness, applicationId: string) =>
  topicValues(h, Topics.monitoringStages)
    .map((v) => v as unknown as MonitoringStage)
    .filter((s) => s.applicationId === applicationId)
    .map((s) => s.stage as string);
