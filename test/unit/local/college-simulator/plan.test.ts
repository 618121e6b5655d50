import { describe, expect, it } from 'vitest';
import { checkKindFields } from '../../../../src/contract/kinds.js';
import { millisToInstant } from '../../../../src/contract/logical-types.js';
import { messageKey } from '../../../../src/contract/message-key.js';
import type { CollegeApplicationRegistered, CollegeDecisionMessage } from '../../../../src/contract/messages.js';
import { topicSchema } from '../../../../src/contract/schemas.js';
import { Topics } from '../../../../src/contract/topics.js';
import { drawCollege, pathFor, type CollegeMix } from '../../../../src/local/college-simulator/draws.js';
import {
  decisionMessageId,
  hearingTime,
  planCollegeDecisions,
  type CollegeSettings,
} from '../../../../src/local/college-simulator/plan.js';
import { collegeOfficeHours, dateOf } from '../../../../src/local/simulator-kit/office-hours.js';
import { shippedCalendar } from '../../../support/calendar.js';
import { samples } from '../../../support/samples.js';

const cal = shippedCalendar();
const office = collegeOfficeHours(cal);
const type = topicSchema(Topics.collegeDecisions).type;
const only = (path: keyof CollegeMix): CollegeMix => ({
  issue: 0,
  hearingThenIssue: 0,
  hearingThenRefuse: 0,
  silent: 0,
  [path]: 1,
});
const settings = (over: Partial<CollegeSettings> = {}): CollegeSettings => ({
  seed: 312,
  mix: { issue: 0.7, hearingThenIssue: 0.1, hearingThenRefuse: 0.2, silent: 0 },
  objectionRate: 0.5,
  registrationDelayHours: 0.25,
  reviewHours: 16,
  hearingAfterNoticeHours: 8,
  decisionAfterHearingHours: 4,
  collectionHours: 8,
  ...over,
});
const [pscSample, portalSample] = samples[Topics.collegeApplications];
const app = (over: Partial<CollegeApplicationRegistered> = {}): CollegeApplicationRegistered => ({
  ...portalSample!,
  ...over,
});

function expectValid(messages: CollegeDecisionMessage[]): void {
  for (const m of messages) {
    const problems: string[] = [];
    expect(type.isValid(m, { errorHook: (p) => problems.push(p.join('.')) }), problems.join(', ')).toBe(true);
    expect(() => checkKindFields(Topics.collegeDecisions, m as unknown as Record<string, unknown>)).not.toThrow();
    expect(messageKey(Topics.collegeDecisions, m)).toBe(m.applicationId);
  }
}

describe('the mix draw', () => {
  it('takes the shares as weights, in order issue, hearing-then-issue, hearing-then-refuse, silent', () => {
    const mix = { issue: 2, hearingThenIssue: 1, hearingThenRefuse: 1, silent: 0 };
    expect(pathFor(0, mix, true)).toBe('ISSUE');
    expect(pathFor(0.49, mix, true)).toBe('ISSUE');
    expect(pathFor(0.5, mix, true)).toBe('HEARING_ISSUE');
    expect(pathFor(0.74, mix, true)).toBe('HEARING_ISSUE');
    expect(pathFor(0.75, mix, true)).toBe('HEARING_REFUSE');
    expect(pathFor(0.999999999, mix, true)).toBe('HEARING_REFUSE');
  });

  it('without consent never issues without a hearing, and refuses after it when no other share is left', () => {
    expect(pathFor(0.1, { issue: 1, hearingThenIssue: 1, hearingThenRefuse: 0, silent: 0 }, false)).toBe(
      'HEARING_ISSUE',
    );
    expect(pathFor(0.1, only('issue'), false)).toBe('HEARING_REFUSE');
  });

  it('is deterministic by seed and application id, and follows the mix over many applications', () => {
    const mix = { issue: 0.6, hearingThenIssue: 0.1, hearingThenRefuse: 0.2, silent: 0.1 };
    const a = drawCollege(1, 'APP-1', mix, 0.5, true);
    expect(drawCollege(1, 'APP-1', mix, 0.5, true)).toEqual(a);
    const counts: Record<string, number> = {};
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const d = drawCollege(7, `APP-${i}`, mix, 0.5, true);
      counts[d.path] = (counts[d.path] ?? 0) + 1;
    }
    expect(counts.ISSUE! / n).toBeCloseTo(0.6, 1);
    expect(counts.HEARING_ISSUE! / n).toBeCloseTo(0.1, 1);
    expect(counts.HEARING_REFUSE! / n).toBeCloseTo(0.2, 1);
    expect(counts.SILENT! / n).toBeCloseTo(0.1, 1);
    const other = Array.from({ length: 50 }, (_, i) => drawCollege(8, `APP-${i}`, mix, 0.5, true).path);
    const same = Array.from({ length: 50 }, (_, i) => drawCollege(7, `APP-${i}`, mix, 0.5, true).path);
    expect(other).not.toEqual(same);
  });

  it('draws G3 exactly when the applicant gave no consent', () => {
    for (let i = 0; i < 200; i++) {
      expect(drawCollege(3, `A${i}`, only('hearingThenRefuse'), 0, false).ground).toBe('G3_NO_CONSENT');
      expect(drawCollege(3, `A${i}`, only('hearingThenRefuse'), 0, true).ground).not.toBe('G3_NO_CONSENT');
    }
  });
});

describe('the college decisions of one application', () => {
  it('ISSUE: REGISTERED on the day it arrives, DUPLICATE_ISSUED after the review in working hours', () => {
    // Arrives Friday 13 February 2026 at 18:00: registered 18:15, 2 working hours later is Monday 10:45.
    const a = app({ occurredAt: '2026-02-13T18:00:00.000+05:00' });
    const plan = planCollegeDecisions(a, settings({ mix: only('issue'), reviewHours: 2 }), cal, office);
    expect(plan.path).toBe('ISSUE');
    const [registered, issued] = plan.steps.map((s) => s.value);
    expect(plan.steps.map((s) => s.label)).toEqual(['REGISTERED', 'DUPLICATE_ISSUED']);
    expect(registered).toMatchObject({
      kind: 'REGISTERED',
      applicationId: a.applicationId,
      collegeBin: a.collegeBin,
      correlationId: a.correlationId,
      occurredAt: '2026-02-13T18:15:00.000+05:00',
      registered: { registeredAt: '2026-02-13T18:15:00.000+05:00' },
      preliminaryRefusal: null,
      hearingHeld: null,
      duplicateIssued: null,
      refused: null,
    });
    expect(registered!.kind === 'REGISTERED' && registered!.registered.registrationNumber).toMatch(/^№ \d+-Т\/2026$/);
    expect(issued).toMatchObject({
      kind: 'DUPLICATE_ISSUED',
      occurredAt: '2026-02-16T10:45:00.000+05:00',
      duplicateIssued: { documentKind: a.form.requestedDocument, issuedOn: '2026-02-16', series: 'ТКБ' },
      registered: null,
    });
    expect(millisToInstant(plan.steps[1]!.at)).toBe('2026-02-16T10:45:00.000+05:00');
    expectValid(plan.steps.map((s) => s.value));
  });

  it('a result collected at the office: RESULT_HANDED_OVER collectionHours after DUPLICATE_ISSUED; none for a PSC', () => {
    const atOffice = samples[Topics.collegeApplications][2]!;
    expect(atOffice.resultPlace.kind).toBe('COLLEGE_OFFICE');
    // Arrives Monday 16 February 2026 at 10:00: registered 10:15, issued 2 working hours later at 12:15,
    // collected 3 working hours after that: 13:00-14:00 is lunch, so 16:15.
    const a = { ...atOffice, occurredAt: '2026-02-16T10:00:00.000+05:00' };
    const s = settings({ mix: only('issue'), reviewHours: 2, collectionHours: 3 });
    const plan = planCollegeDecisions(a, s, cal, office);
    expect(plan.steps.map((x) => x.label)).toEqual(['REGISTERED', 'DUPLICATE_ISSUED', 'RESULT_HANDED_OVER']);
    const handed = plan.steps[2]!.value;
    expect(handed).toMatchObject({
      kind: 'RESULT_HANDED_OVER',
      occurredAt: '2026-02-16T16:15:00.000+05:00',
      resultHandedOver: {
        handedOverAt: '2026-02-16T16:15:00.000+05:00',
        recipientIin: a.form.applicant.iin,
        identityDocument: { type: a.presentedDocuments.find((d) => d.type !== 'APPLICATION_FORM')?.type ?? 'ID_CARD' },
      },
    });
    expectValid(plan.steps.map((x) => x.value));
    const psc = planCollegeDecisions({ ...a, resultPlace: { kind: 'PSC', branchId: 'B-1' } }, s, cal, office);
    expect(psc.steps.map((x) => x.label)).toEqual(['REGISTERED', 'DUPLICATE_ISSUED']);
  });

  it('an application that arrives on a weekend evening is registered at the next opening', () => {
    const a = app({ occurredAt: '2026-03-21T21:00:00.000+05:00' });
    const plan = planCollegeDecisions(a, settings({ mix: only('silent') }), cal, office);
    expect(plan.steps.map((s) => [s.label, millisToInstant(s.at)])).toEqual([
      ['REGISTERED', '2026-03-26T09:15:00.000+05:00'],
    ]);
  });

  it('HEARING_REFUSE: preliminary refusal, hearing within 2 working days, hearing held, refusal on the same ground', () => {
    const a = app({ occurredAt: '2026-02-11T10:00:00.000+05:00' });
    const s = settings({ mix: only('hearingThenRefuse'), objectionRate: 1 });
    const plan = planCollegeDecisions(a, s, cal, office);
    expect(plan.steps.map((x) => x.label)).toEqual(['REGISTERED', 'PRELIMINARY_REFUSAL', 'HEARING_HELD', 'REFUSED']);
    const [, pre, held, refused] = plan.steps.map((x) => x.value);
    if (pre!.kind !== 'PRELIMINARY_REFUSAL' || held!.kind !== 'HEARING_HELD' || refused!.kind !== 'REFUSED') {
      throw new Error('kinds out of order');
    }
    const p = pre!.preliminaryRefusal;
    expect(p.noticeSentAt).toBe(pre!.occurredAt);
    expect(p.motivationKk).toMatch(/[әғқңөұүһі]/);
    expect(p.motivationRu).toMatch(/заслушивании/);
    expect(p.noticeChannel).toBe('SMS'); // the applicant has a mobile number
    expect(p.noticeReference).toMatch(/^SMS-\d{9}$/);
    expect(dateOf(Date.parse(p.hearingAt)) <= cal.addWorkingDays(dateOf(Date.parse(p.noticeSentAt)), 2)).toBe(true);
    expect(held!.hearingHeld).toMatchObject({ heldAt: p.hearingAt, objectionFiled: true });
    expect(Date.parse(held!.hearingHeld.objectionReceivedAt!)).toBeGreaterThanOrEqual(Date.parse(p.noticeSentAt));
    expect(Date.parse(held!.hearingHeld.objectionReceivedAt!)).toBeLessThanOrEqual(Date.parse(p.hearingAt));
    expect(refused!.refused.ground).toBe(p.ground);
    expect(refused!.refused.motivationKk).toMatch(/Тыңдау нәтижесі бойынша/);
    expect(refused!.refused.motivationRu).toMatch(/По итогам заслушивания/);
    expect(refused!.refused.decidedOn).toBe(dateOf(plan.steps[3]!.at));
    const times = plan.steps.map((x) => x.at);
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expectValid(plan.steps.map((x) => x.value));
  });

  it('HEARING_ISSUE without objection: the duplicate after the hearing; G3 when there is no consent', () => {
    const a = app({
      occurredAt: '2026-02-11T10:00:00.000+05:00',
      form: { ...portalSample!.form, personalDataConsent: false },
    });
    const plan = planCollegeDecisions(a, settings({ mix: only('hearingThenIssue'), objectionRate: 0 }), cal, office);
    expect(plan.steps.map((x) => x.label)).toEqual([
      'REGISTERED',
      'PRELIMINARY_REFUSAL',
      'HEARING_HELD',
      'DUPLICATE_ISSUED',
    ]);
    const [, pre, held] = plan.steps.map((x) => x.value);
    expect(pre).toMatchObject({ preliminaryRefusal: { ground: 'G3_NO_CONSENT' } });
    expect(held).toMatchObject({
      hearingHeld: { objectionFiled: false, objectionReceivedAt: null, objectionSummary: null },
    });
    expectValid(plan.steps.map((x) => x.value));
  });

  it('a refusal is never planned without a preliminary refusal and a hearing before it', () => {
    for (let i = 0; i < 300; i++) {
      const a = app({ applicationId: `APP-${i}`, correlationId: `APP-${i}`, form: pscSample!.form });
      const labels = planCollegeDecisions(a, settings(), cal, office).steps.map((s) => s.label);
      expect([
        'REGISTERED,DUPLICATE_ISSUED',
        'REGISTERED,PRELIMINARY_REFUSAL,HEARING_HELD,DUPLICATE_ISSUED',
        'REGISTERED,PRELIMINARY_REFUSAL,HEARING_HELD,REFUSED',
      ]).toContain(labels.join(','));
    }
  });

  it('keeps the hearing within 2 working days of the notice however long the configured delay', () => {
    // Notice on Friday 6 March 2026 at 15:00; 9 March is a moved day off: the latest day is Wednesday 11 March.
    const notice = Date.parse('2026-03-06T15:00:00+05:00');
    expect(millisToInstant(hearingTime(cal, office, notice, 40))).toBe('2026-03-11T14:00:00.000+05:00');
    expect(millisToInstant(hearingTime(cal, office, notice, 2))).toBe('2026-03-06T17:00:00.000+05:00');
  });

  it('is the same plan with the same message ids every time, and different ids per step and application', () => {
    const a = app({ occurredAt: '2026-02-11T10:00:00.000+05:00' });
    const s = settings({ mix: only('hearingThenRefuse') });
    const one = planCollegeDecisions(a, s, cal, office);
    expect(planCollegeDecisions(a, s, cal, office)).toEqual(one);
    const ids = one.steps.map((x) => x.value.messageId);
    expect(new Set(ids).size).toBe(4);
    expect(ids[0]).toBe(decisionMessageId(a.applicationId, 'REGISTERED'));
    expect(decisionMessageId('OTHER', 'REGISTERED')).not.toBe(ids[0]);
  });

  it('writes to a representative by e-mail, or by registered letter when there is no contact', () => {
    const form = pscSample!.form;
    const noContact = {
      ...form,
      representative: form.representative && { ...form.representative, phone: null, email: null },
      applicant: { ...form.applicant, phone: null, email: null },
    };
    const a = app({ form: noContact, occurredAt: '2026-02-11T10:00:00.000+05:00' });
    const plan = planCollegeDecisions(a, settings({ mix: only('hearingThenRefuse') }), cal, office);
    expect(plan.steps[1]!.value).toMatchObject({ preliminaryRefusal: { noticeChannel: 'REGISTERED_LETTER' } });
    expect(
      plan.steps[1]!.value.kind === 'PRELIMINARY_REFUSAL' && plan.steps[1]!.value.preliminaryRefusal,
    ).toMatchObject({ noticeReference: expect.stringMatching(/^RR\d{9}KZ$/) });
    expectValid(plan.steps.map((x) => x.value));
  });
});
