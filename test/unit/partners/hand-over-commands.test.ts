import { describe, expect, it } from 'vitest';
import type { CollegeDecisionMessage, CorporationApplicationMessage } from '../../../src/contract/messages.js';
import { Topics } from '../../../src/contract/topics.js';
import { commandOfDecision } from '../../../src/partners/college/handle-decision.js';
import { commandOfCorporation } from '../../../src/partners/psc/handle-corporation.js';
import { COLLEGE_BIN, samples } from '../../support/samples.js';

const byKind = <M extends { kind: string }>(list: readonly M[], kind: string): M => list.find((m) => m.kind === kind)!;

describe('hand-over messages as commands (item 61)', () => {
  it('a hand-over at the college office is HandOver at COLLEGE_OFFICE with the officer and the document presented', () => {
    const m = byKind(samples[Topics.collegeDecisions] as readonly CollegeDecisionMessage[], 'RESULT_HANDED_OVER');
    expect(commandOfDecision(m)).toStrictEqual({
      type: 'HandOver',
      applicationId: m.applicationId,
      collegeBin: COLLEGE_BIN,
      at: '2026-03-20T15:30:00.000+05:00',
      place: 'COLLEGE_OFFICE',
      operatorId: 'OFFICE-7',
      identityDocument: 'ID_CARD',
    });
  });

  it('an application received at the office names the college that sent it, for the core to compare with the form', () => {
    const m = byKind(
      samples[Topics.collegeDecisions] as readonly CollegeDecisionMessage[],
      'APPLICATION_RECEIVED_AT_OFFICE',
    );
    expect(commandOfDecision({ ...m, collegeBin: '991240018472' })).toMatchObject({
      type: 'ReceiveApplication',
      collegeBin: '991240018472',
      application: { channel: 'COLLEGE_OFFICE', collegeBin: COLLEGE_BIN },
    });
  });

  it('a PSC hand-over keeps the document type as presented, for the core to judge (no silent ID_CARD)', () => {
    const m = byKind(
      samples[Topics.corporationApplications] as readonly CorporationApplicationMessage[],
      'RESULT_HANDED_OVER',
    ) as Extract<CorporationApplicationMessage, { kind: 'RESULT_HANDED_OVER' }>;
    const presented = {
      ...m,
      resultHandedOver: {
        ...m.resultHandedOver,
        identityDocument: { ...m.resultHandedOver.identityDocument, type: 'ORIGINAL_EDUCATION_DOCUMENT' as const },
      },
    };
    expect(commandOfCorporation(presented)).toMatchObject({
      type: 'HandOver',
      place: 'PSC',
      identityDocument: 'ORIGINAL_EDUCATION_DOCUMENT',
    });
  });
});

describe('the hearing as a command (item 58)', () => {
  const held = byKind(samples[Topics.collegeDecisions] as readonly CollegeDecisionMessage[], 'HEARING_HELD') as Extract<
    CollegeDecisionMessage,
    { kind: 'HEARING_HELD' }
  >;
  const withSummary = (objectionSummary: string | null) => ({
    ...held,
    hearingHeld: { ...held.hearingHeld, objectionSummary },
  });

  it('an objection with its summary keeps it', () => {
    expect(commandOfDecision(held)).toMatchObject({
      type: 'HoldHearing',
      objection: { receivedOn: '2026-03-24', summary: held.hearingHeld.objectionSummary },
    });
  });

  it.each([[null], ['   ']])(
    'an objection without a summary (%j) passes null, for the core to record its default',
    (objectionSummary) => {
      expect(commandOfDecision(withSummary(objectionSummary))).toMatchObject({
        type: 'HoldHearing',
        objection: { receivedOn: '2026-03-24', summary: null },
      });
    },
  );

  it('no objection filed: no objection, whatever the summary field says', () => {
    const none = { ...held, hearingHeld: { ...held.hearingHeld, objectionFiled: false, objectionReceivedAt: null } };
    expect(commandOfDecision(none)).toMatchObject({ type: 'HoldHearing', objection: null });
  });
});
