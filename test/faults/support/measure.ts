/**
 * The figures of a fault from what a read_committed reader saw: stages of the test's applications
 * on the monitoring topic (each record once, by partition and offset), against the stages each
 * application must have; dead letters by code; gaps and recovery from when the reader got them.
 */
import type { MonitoringStage } from '../../../src/contract/messages.js';
import { INBOUND_TOPICS, Topics, dlqTopic } from '../../../src/contract/topics.js';
import type { Harness } from '../../support/adapter-harness.js';
import type { Read } from '../../support/topic-reader.js';

export interface Window {
  /** performance.now() when the fault began and when it was lifted (the service back). */
  from: number;
  to: number;
}

export interface WireFigures {
  stagesExpected: number;
  stagesSeen: number;
  duplicates: number;
  lost: number;
  slaSignals: number;
  parked: Record<string, number>;
  /** Applications with a stage missing or doubled, at most 10, for the failure message. */
  wrong: string[];
}

const isSla = (stage: string) => stage.startsWith('SLA_');

export function stageRecords(h: Harness): Read[] {
  return h.reader.on(h.topic(Topics.monitoringStages));
}

export function stagesByApplication(h: Harness): Map<string, MonitoringStage[]> {
  const map = new Map<string, MonitoringStage[]>();
  for (const r of stageRecords(h)) {
    const s = r.value as unknown as MonitoringStage;
    const list = map.get(s.applicationId);
    if (list) list.push(s);
    else map.set(s.applicationId, [s]);
  }
  return map;
}

export function parkedByCode(h: Harness): Record<string, number> {
  const parked: Record<string, number> = {};
  for (const t of INBOUND_TOPICS)
    for (const r of h.reader.on(dlqTopic(h.topic(t)))) {
      const code = String(r.value.errorCode);
      parked[code] = (parked[code] ?? 0) + 1;
    }
  return parked;
}

function counts(list: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of list) m.set(s, (m.get(s) ?? 0) + 1);
  return m;
}

/**
 * Compares, per application, how often each stage was seen (distinct records) with how often it is
 * due: more is a duplicate, fewer is lost. SLA signals are counted apart.
 */
export function wireFigures(h: Harness, expected: ReadonlyMap<string, readonly string[]>): WireFigures {
  const seenKeys = new Set<string>();
  const byApp = new Map<string, string[]>();
  let slaSignals = 0;
  const messageIds = new Set<string>();
  let repeatedIds = 0;
  for (const r of stageRecords(h)) {
    const s = r.value as unknown as MonitoringStage;
    if (!expected.has(s.applicationId)) continue;
    const key = `${r.partition}/${r.offset}`;
    if (seenKeys.has(key)) continue;
    seenKeys.add(key);
    if (messageIds.has(s.messageId)) repeatedIds++;
    messageIds.add(s.messageId);
    if (isSla(s.stage)) {
      slaSignals++;
      continue;
    }
    const list = byApp.get(s.applicationId);
    if (list) list.push(s.stage);
    else byApp.set(s.applicationId, [s.stage]);
  }
  let stagesExpected = 0;
  let stagesSeen = 0;
  let duplicates = repeatedIds;
  let lost = 0;
  const wrong: string[] = [];
  for (const [id, due] of expected) {
    stagesExpected += due.length;
    const got = byApp.get(id) ?? [];
    stagesSeen += got.length;
    const want = counts(due);
    const have = counts(got);
    let bad = false;
    for (const [stage, n] of want) {
      const m = have.get(stage) ?? 0;
      if (m < n) {
        lost += n - m;
        bad = true;
      }
    }
    for (const [stage, m] of have) {
      const n = want.get(stage) ?? 0;
      if (m > n) {
        duplicates += m - n;
        bad = true;
      }
    }
    if (bad && wrong.length < 10) wrong.push(`${id}: due ${due.join(',')}; seen ${got.join(',')}`);
  }
  return { stagesExpected, stagesSeen, duplicates, lost, slaSignals, parked: parkedByCode(h), wrong };
}

/**
 * When the adapter published a record, on the performance.now() scale of the windows: its
 * timestamp (the relay's produce time), so a reader that itself reconnects late after a broker
 * outage does not count as the adapter's delay.
 */
export function publishedAt(r: Read): number {
  return r.timestamp - performance.timeOrigin;
}

/**
 * Seconds from `at` to the first stage record published after it, of `stages` and of
 * `applications` if given (null: none came).
 */
export function firstStageAfter(
  h: Harness,
  at: number,
  stages?: readonly string[],
  applications?: ReadonlySet<string>,
): number | null {
  const after = stageRecords(h).filter((r) => {
    const s = r.value as unknown as MonitoringStage;
    return (
      publishedAt(r) > at &&
      (!stages || stages.includes(s.stage)) &&
      (!applications || applications.has(s.applicationId))
    );
  });
  if (after.length === 0) return null;
  return Math.round((Math.min(...after.map(publishedAt)) - at) / 100) / 10;
}

/**
 * The longest gap between two consecutive stage records published between `from` and `until`
 * (performance.now() values), not counting time inside the fault windows: a stall is the adapter
 * standing still while work is due, not the outage the test made.
 */
export function maxStall(h: Harness, from: number, until: number, faults: readonly Window[] = []): number {
  const times = [from, ...stageRecords(h).map(publishedAt), until]
    .filter((t) => t >= from && t <= until)
    .sort((a, b) => a - b);
  // Overlapping windows (a fault over a weekend of the clock) are merged: each moment counts once.
  const merged: Window[] = [];
  for (const w of [...faults].sort((a, b) => a.from - b.from)) {
    const last = merged.at(-1);
    if (last && w.from <= last.to) last.to = Math.max(last.to, w.to);
    else merged.push({ ...w });
  }
  let worst = 0;
  for (let i = 1; i < times.length; i++) {
    let gap = times[i]! - times[i - 1]!;
    for (const w of merged) {
      const overlap = Math.min(times[i]!, w.to) - Math.max(times[i - 1]!, w.from);
      if (overlap > 0) gap -= overlap;
    }
    worst = Math.max(worst, gap);
  }
  return Math.round(worst / 100) / 10;
}

/** The suite's bar for every fault: nothing lost, nothing doubled, no stall, recovery within 30 s. */
export function cleanVerdict(f: {
  lost: number;
  duplicates: number;
  maxStallSeconds: number;
  recoverySeconds: number | null;
  wrong?: string[];
}): Record<string, unknown> {
  return {
    lost: f.lost,
    duplicates: f.duplicates,
    stallWithin30s: f.maxStallSeconds <= 30,
    recoveredWithin30s: f.recoverySeconds !== null && f.recoverySeconds <= 30,
    wrong: f.wrong ?? [],
  };
}

export const CLEAN = { lost: 0, duplicates: 0, stallWithin30s: true, recoveredWithin30s: true, wrong: [] };
