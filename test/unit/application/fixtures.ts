/**
 * Test fixtures of the application workflow: applications of each channel, command builders and
 * histories produced by running real commands through decide/evolve on the shipped calendar.
 *
 * Reference dates (2026 calendar, no holidays in April): submission Mon 2026-04-06 10:00;
 * the term ends on the 15th working day after it, Mon 2026-04-27; "at risk" from Fri 2026-04-24;
 * the hearing notice is due by Wed 2026-04-22.
 */
import { shippedCalendar } from '../../support/calendar.js';
import type { Application } from '../../../src/core/application/model.js';
import type { ApplicationCommand } from '../../../src/core/application/workflow/commands.js';
import { decide } from '../../../src/core/application/workflow/decide.js';
import type { ApplicationEvent } from '../../../src/core/application/workflow/events.js';
import { evolve } from '../../../src/core/application/workflow/evolve.js';
import { initialState, type ApplicationState } from '../../../src/core/application/workflow/state.js';
import type { DecideContext, DecidePolicy } from '../../../src/core/application/workflow/context.js';
import type { RegisterPerson } from '../../../src/core/application/model.js';
import { registerPlanOf } from '../../../src/core/application/workflow/decide-register.js';
import { intentsOf, type Intent } from '../../../src/core/application/effects/index.js';

/** The identity policy of the fixtures: one request, then IDENTITY_FAILED (NO_ANSWER) when it is overdue. */
export const policy: DecidePolicy = {
  identity: { maxAttempts: 1, responseTimeoutMs: 20_000, minBackoffMs: 2_000, maxBackoffMs: 60_000 },
};
export const ctx: DecideContext = { calendar: shippedCalendar(), policy };
/** The same with three requests per check. */
export const ctx3: DecideContext = { ...ctx, policy: { identity: { ...policy.identity, maxAttempts: 3 } } };
export const ID = 'APP-1';

/** An instant in April 2026, Kazakhstan time: at('06', '10:00') = 2026-04-06T10:00:00+05:00. */
export function at(day: string, time = '10:00', month = '04'): string {
  return `2026-${month}-${day}T${time}:00+05:00`;
}

const base: Application = {
  applicationId: ID,
  channel: 'PORTAL',
  submittedAt: at('06'),
  collegeBin: '040740005191',
  collegeName: 'Almaty Polytechnic College',
  collegeHeadName: 'Серікбаев Нұрлан',
  applicant: {
    surname: 'Ахметова',
    name: 'Айгерім',
    patronymic: 'Сериковна',
    iin: '900101400122',
    phone: '+77011234567',
  },
  institutionName: 'Almaty Polytechnic College',
  graduationYear: 2012,
  specialtyName: 'Accounting',
  requestedDocument: 'DIPLOMA_WITH_SUPPLEMENT',
  reason: 'LOST',
  personalDataConsent: true,
  signature: { kind: 'EDS', reference: 'eds-ref-1', signedAt: at('06') },
  presentedDocuments: [],
  resultPlace: { kind: 'PORTAL' },
};

export function portalApp(over: Partial<Application> = {}): Application {
  return { ...base, ...over };
}

export function pscApp(over: Partial<Application> = {}): Application {
  const { signature: _s, ...rest } = base;
  return {
    ...rest,
    channel: 'PSC',
    presentedDocuments: [
      { type: 'APPLICATION_FORM' },
      { type: 'ID_CARD', number: '045678912', validUntil: '2030-05-01', holderIin: base.applicant.iin },
    ],
    resultPlace: { kind: 'PSC', branchId: 'PSC-ALM-07' },
    psc: { receiptNumber: 'R-2026-000123', branchId: 'PSC-ALM-07', operatorId: 'OP-15' },
    ...over,
  };
}

export function officeApp(over: Partial<Application> = {}): Application {
  const { signature: _s, ...rest } = base;
  return {
    ...rest,
    channel: 'COLLEGE_OFFICE',
    presentedDocuments: [
      { type: 'APPLICATION_FORM' },
      { type: 'PASSPORT', number: 'N1234567', validUntil: '2029-01-01' },
    ],
    resultPlace: { kind: 'COLLEGE_OFFICE' },
    ...over,
  };
}

/** Command builders; every command is for application ID unless `applicationId` is overridden. */
type C<T extends ApplicationCommand['type']> = Extract<ApplicationCommand, { type: T }>;

/** The state register's record of the fixtures' applicant (it matches the application), with changes. */
export function registerPerson(over: Partial<RegisterPerson> = {}): RegisterPerson {
  const a = base.applicant;
  return {
    iin: a.iin,
    surname: a.surname,
    name: a.name,
    patronymic: a.patronymic ?? null,
    birthDate: '1990-01-01',
    deceased: false,
    documents: [
      { type: 'ID_CARD', number: '045678912', validUntil: '2030-05-01' },
      { type: 'PASSPORT', number: 'N1234567', validUntil: '2029-01-01' },
    ],
    ...over,
  };
}

/** A PSC application refused at intake (item 52): no identity document presented. */
export function refusedPscApp(over: Partial<Application> = {}): Application {
  return pscApp({ presentedDocuments: [{ type: 'APPLICATION_FORM' }], ...over });
}

/** The register the fixtures' PSC application (accepted Mon 6 April 10:00) travels in: the 13:00 slot of PSC-ALM-07. */
export const REGISTER_ID = 'reg-PSC-ALM-07-040740005191-202604061300';
/** The register a PSC application travels in (planned at acceptance). */
export function registerIdOf(app: Application): string {
  return registerPlanOf(app, ctx)!.registerId;
}

/** The courier order of the result to the PSC after the decision (the order's message id). */
export const DISPATCH_ID = `rd-APP-1-1`;
/** The same, back from the college after storage (item 62). */
export const DISPATCH_BACK_ID = `rd-APP-1-2`;

/** The request id of the n-th identity check of application ID. */
export const requestNo = (n = 1) => `idr-${ID}-${n}`;

export const cmd = {
  receive: (application: Application): C<'ReceiveApplication'> => ({
    type: 'ReceiveApplication',
    applicationId: application.applicationId,
    at: application.submittedAt,
    application,
  }),
  /** The gateway found the person (the register's record, by default matching the application). */
  identityOk: (when: string, person: RegisterPerson = registerPerson(), check = 1): C<'RecordIdentityAnswer'> => ({
    type: 'RecordIdentityAnswer',
    applicationId: ID,
    at: when,
    requestId: requestNo(check),
    answer: { status: 'FOUND', person },
  }),
  /** NOT_FOUND: the gateway's answer; NO_ANSWER: the overdue timer of the (only, under `policy`) request. */
  identityFailed: (
    when: string,
    reason: 'NOT_FOUND' | 'NO_ANSWER' = 'NO_ANSWER',
    check = 1,
  ): C<'RecordIdentityAnswer'> | C<'RecordIdentityOverdue'> =>
    reason === 'NOT_FOUND'
      ? {
          type: 'RecordIdentityAnswer',
          applicationId: ID,
          at: when,
          requestId: requestNo(check),
          answer: { status: 'NOT_FOUND' },
        }
      : { type: 'RecordIdentityOverdue', applicationId: ID, at: when, requestId: requestNo(check) },
  identityError: (when: string, check = 1): C<'RecordIdentityAnswer'> => ({
    type: 'RecordIdentityAnswer',
    applicationId: ID,
    at: when,
    requestId: requestNo(check),
    answer: { status: 'ERROR', errorCode: 'GBDFL_UNAVAILABLE', errorMessage: 'state database unavailable' },
  }),
  identityOverdue: (when: string, check = 1): C<'RecordIdentityOverdue'> => ({
    type: 'RecordIdentityOverdue',
    applicationId: ID,
    at: when,
    requestId: requestNo(check),
  }),
  identityRetry: (when: string): C<'RetryIdentityCheck'> => ({
    type: 'RetryIdentityCheck',
    applicationId: ID,
    at: when,
    operatorId: 'OPS-3',
  }),
  dispatchRegister: (when: string, registerId = REGISTER_ID): C<'DispatchRegister'> => ({
    type: 'DispatchRegister',
    applicationId: ID,
    at: when,
    registerId,
  }),
  deliverRegister: (when: string, registerId = REGISTER_ID): C<'DeliverRegister'> => ({
    type: 'DeliverRegister',
    applicationId: ID,
    at: when,
    registerId,
  }),
  register: (when: string): C<'RegisterAtCollege'> => ({
    type: 'RegisterAtCollege',
    applicationId: ID,
    at: when,
    registrationNumber: 'C-77',
  }),
  preliminary: (
    when: string,
    hearingAt: string,
    over: Partial<Extract<ApplicationCommand, { type: 'IssuePreliminaryRefusal' }>> = {},
  ): C<'IssuePreliminaryRefusal'> => ({
    type: 'IssuePreliminaryRefusal',
    applicationId: ID,
    at: when,
    ground: 'G1_UNRELIABLE_DATA',
    motivation: {
      kk: 'Бітірген жылы мұрағат деректеріне сәйкес келмейді.',
      ru: 'Год окончания не совпадает с данными архива.',
    },
    hearing: { at: hearingAt, venue: { kind: 'PLACE', address: 'Room 12, college main building' } },
    noticeChannel: 'SMS',
    ...over,
  }),
  hearing: (
    when: string,
    objection: { receivedOn: string; summary: string | null } | null = null,
  ): C<'HoldHearing'> => ({
    type: 'HoldHearing',
    applicationId: ID,
    at: when,
    objection,
  }),
  issue: (when: string): C<'IssueDuplicate'> => ({
    type: 'IssueDuplicate',
    applicationId: ID,
    at: when,
    series: 'TKB',
    number: '0012345',
    issuedOn: when.slice(0, 10),
  }),
  refuse: (
    when: string,
    ground: 'G1_UNRELIABLE_DATA' | 'G2_NONCOMPLIANT_DOCUMENTS' | 'G3_NO_CONSENT' = 'G1_UNRELIABLE_DATA',
  ): C<'RefuseApplication'> => ({
    type: 'RefuseApplication',
    applicationId: ID,
    at: when,
    ground,
    motivation: { kk: 'Деректер расталмады.', ru: 'Сведения не подтверждены.' },
  }),
  dispatchResult: (when: string, dispatchId = DISPATCH_ID): C<'DispatchResult'> => ({
    type: 'DispatchResult',
    applicationId: ID,
    at: when,
    dispatchId,
    courierSlot: { slotId: 'SLOT-R', pickupAt: when },
  }),
  deliverResult: (when: string, dispatchId = DISPATCH_ID): C<'DeliverResultToPsc'> => ({
    type: 'DeliverResultToPsc',
    applicationId: ID,
    at: when,
    dispatchId,
  }),
  notifyReady: (when: string): C<'NotifyResultReady'> => ({ type: 'NotifyResultReady', applicationId: ID, at: when }),
  handOver: (when: string, place: 'PSC' | 'COLLEGE_OFFICE' = 'PSC'): C<'HandOver'> => ({
    type: 'HandOver',
    applicationId: ID,
    at: when,
    place,
    operatorId: 'OP-15',
    identityDocument: 'ID_CARD',
  }),
  returnToCollege: (when: string): C<'ReturnToCollege'> => ({ type: 'ReturnToCollege', applicationId: ID, at: when }),
  requestBack: (when: string): C<'RequestResultBack'> => ({
    type: 'RequestResultBack',
    applicationId: ID,
    at: when,
    branchId: 'PSC-ALM-07',
  }),
  checkSla: (when: string): C<'CheckSla'> => ({ type: 'CheckSla', applicationId: ID, at: when }),
  storageElapsed: (when: string): C<'RecordStorageElapsed'> => ({
    type: 'RecordStorageElapsed',
    applicationId: ID,
    at: when,
  }),
};

/** Runs commands through decide/evolve from the initial state; fails the test on a rejection. */
export function history(...commands: ApplicationCommand[]): ApplicationEvent[] {
  let state: ApplicationState = initialState;
  const events: ApplicationEvent[] = [];
  for (const c of commands) {
    const r = decide(state, c, ctx);
    if (!r.ok) throw new Error(`fixture command rejected: ${r.rejection.code} ${r.rejection.message}`);
    for (const e of r.events) {
      events.push(e);
      state = evolve(state, e);
    }
  }
  return events;
}

/** Common histories. */
export const paths = {
  portalReceived: () => history(cmd.receive(portalApp())),
  portalRegistered: () =>
    history(cmd.receive(portalApp()), cmd.identityOk(at('06', '10:01')), cmd.register(at('06', '11:00'))),
  pscAccepted: () => history(cmd.receive(pscApp())),
  pscRegistered: () =>
    history(
      cmd.receive(pscApp()),
      cmd.identityOk(at('06', '10:01')),
      cmd.dispatchRegister(at('06', '13:00')),
      cmd.deliverRegister(at('06', '15:00')),
      cmd.register(at('06', '15:30')),
    ),
  officeRegistered: () =>
    history(cmd.receive(officeApp()), cmd.identityOk(at('06', '10:01')), cmd.register(at('06', '10:30'))),
};

export function withHearingHeld(
  registered: ApplicationEvent[],
  ground: 'G1_UNRELIABLE_DATA' | 'G3_NO_CONSENT' = 'G1_UNRELIABLE_DATA',
): ApplicationEvent[] {
  return [
    ...registered,
    ...continueFrom(
      registered,
      cmd.preliminary(at('08'), at('10', '11:00'), { ground }),
      cmd.hearing(at('10', '11:30')),
    ),
  ];
}

/** Runs more commands after an existing history; returns only the new events. */
export function continueFrom(past: ApplicationEvent[], ...commands: ApplicationCommand[]): ApplicationEvent[] {
  let state = past.reduce(evolve, initialState);
  const events: ApplicationEvent[] = [];
  for (const c of commands) {
    const r = decide(state, c, ctx);
    if (!r.ok) throw new Error(`fixture command rejected: ${r.rejection.code} ${r.rejection.message}`);
    for (const e of r.events) {
      events.push(e);
      state = evolve(state, e);
    }
  }
  return events;
}

/** One event of a run with the intents it caused. */
export interface RunStep {
  event: ApplicationEvent;
  intents: Intent[];
}

/**
 * Runs commands through decide/evolve/intentsOf from `from` (the initial state by default), each
 * event's intents computed at its own instant; fails the test on a rejection.
 */
export function runIntents(
  commands: ApplicationCommand[],
  context: DecideContext = ctx,
  from: ApplicationState = initialState,
): { steps: RunStep[]; intents: Intent[]; state: ApplicationState } {
  let state = from;
  const steps: RunStep[] = [];
  for (const c of commands) {
    const r = decide(state, c, context);
    if (!r.ok) throw new Error(`fixture command rejected: ${r.rejection.code} ${r.rejection.message}`);
    for (const event of r.events) {
      const next = evolve(state, event);
      steps.push({
        event,
        intents: intentsOf(event, state, next, { now: event.at, policy: context.policy, calendar: context.calendar }),
      });
      state = next;
    }
  }
  return { steps, intents: steps.flatMap((x) => x.intents), state };
}

/** The intents of one type, narrowed. */
export function intentsOfType<T extends Intent['type']>(
  xs: readonly Intent[],
  type: T,
): Extract<Intent, { type: T }>[] {
  return xs.filter((i): i is Extract<Intent, { type: T }> => i.type === type);
}
