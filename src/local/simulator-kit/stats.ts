/** What a simulator did with the messages it consumed since it started. */
export interface SimulatorStats {
  /** Messages consumed (redeliveries included). */
  received: number;
  /** Messages that could not be decoded, skipped. */
  undecodable: number;
  /** Decoded messages it cannot answer (e.g. an instant it cannot read), skipped with a warning. */
  invalid: number;
  /** Messages for a case it already planned in this run (a redelivery, a re-send): not planned again. */
  redelivered: number;
  /** Messages that ask for no answer (e.g. the end of an identity check the college is told of). */
  noted: number;
  /** Cases planned (applications for the college, orders for the courier). */
  planned: number;
  /** Planned cases by the path drawn (e.g. ISSUE, HEARING_REFUSE; DELIVERED, LOST, DELAYED). */
  paths: Record<string, number>;
  /** Messages published, by kind. */
  published: Record<string, number>;
  /** Planned cases whose messages are not all published yet. */
  pending: number;
  /** Failed sends, each retried. */
  publishRetries: number;
}

export function emptySimulatorStats(): SimulatorStats {
  return {
    received: 0,
    undecodable: 0,
    invalid: 0,
    redelivered: 0,
    noted: 0,
    planned: 0,
    paths: {},
    published: {},
    pending: 0,
    publishRetries: 0,
  };
}

export function copySimulatorStats(s: SimulatorStats): SimulatorStats {
  return { ...s, paths: { ...s.paths }, published: { ...s.published } };
}

export function countIn(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}
