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
