import { describe, expect, it } from 'vitest';
import { buildReport, summarize, type StageRecord } from '../../../src/local/demo/report.js';
import { shippedCalendar } from '../../support/calendar.js';

const rec = (applicationId: string, stage: string, occurredAt: string, stageDeadline: string | null = null) =>
  ({
    applicationId,
    stage,
    channel: applicationId.startsWith('PSC') ? 'PSC' : 'PORTAL',
    occurredAt,
    stageDeadline,
    slaStatus: 'ON_TIME',
    receivedAtMs: Date.parse(occurredAt) / 1000,
  }) satisfies StageRecord;

// Monday 1 March 2027; 8 March (Monday) is a holiday.
const records: StageRecord[] = [
  rec('PRT-1', 'SUBMITTED', '2027-03-01T09:00:00.000+05:00'),
  rec('PRT-1', 'REGISTERED_AT_COLLEGE', '2027-03-02T10:00:00.000+05:00', '2027-03-03T18:30:00.000+05:00'),
  rec('PRT-1', 'DUPLICATE_ISSUED', '2027-03-09T10:00:00.000+05:00', '2027-03-19T18:30:00.000+05:00'),
  rec('PSC-2', 'ACCEPTED', '2027-03-01T09:00:00.000+05:00'),
  rec('PSC-2', 'REGISTERED_AT_COLLEGE', '2027-03-04T10:00:00.000+05:00', '2027-03-03T18:30:00.000+05:00'),
  rec('PSC-2', 'SLA_BREACHED', '2027-03-04T10:00:01.000+05:00'),
];
const input = {
  records,
  size: 2,
  speed: 3000,
  startedAtMs: 0,
  endedAtMs: 10_000,
  complete: false,
  workingDaysBetween: (a: string, b: string) => shippedCalendar().workingDaysBetween(a, b),
};

describe('the demo report', () => {
  it('counts the applications at each stage by channel, and by final stage', () => {
    const s = summarize(input);
    expect(s.applications).toBe(2);
    expect(s.counts.REGISTERED_AT_COLLEGE).toEqual({ PORTAL: 1, PSC: 1 });
    expect(s.counts.SUBMITTED).toEqual({ PORTAL: 1 });
    expect(s.finalStages).toEqual({ DUPLICATE_ISSUED: 1, REGISTERED_AT_COLLEGE: 1 });
    expect(s.slaSignals).toEqual({ SLA_BREACHED: 1 });
  });

  it('distributes the time to each stage in working days, against its deadline', () => {
    const t = Object.fromEntries(summarize(input).timings.map((x) => [x.stage, x]));
    expect(t.REGISTERED_AT_COLLEGE!.distribution).toEqual({ 1: 1, 3: 1 });
    expect(t.REGISTERED_AT_COLLEGE!.deadlineDays).toBe(2);
    expect(t.REGISTERED_AT_COLLEGE!.late).toBe(1);
    // 2..5 March and 9 March: 8 March is a day off.
    expect(t.DUPLICATE_ISSUED!.distribution).toEqual({ 5: 1 });
    expect(t.SUBMITTED!.distribution).toEqual({ 0: 1 });
  });

  it('writes one HTML page with the numbers and the inlined chart library', () => {
    const html = buildReport({ ...input, chartJs: '/* chart.js </script> */' });
    expect(html).toContain('Applications: <b>2</b>');
    expect(html).toContain('<td>REGISTERED_AT_COLLEGE</td><td>1</td><td>1</td><td>2</td>');
    expect(html).not.toContain('chart.js </script>');
    expect(html).toContain('new Chart(');
  });
});
