/**
 * The application state as stored in PostgreSQL (jsonb). The state is plain JSON already, so
 * encoding is JSON; decoding checks the shape (a corrupt or foreign row is an error, not a
 * half-read state). Nested payloads the core only carries (the application, findings, receipts)
 * are checked loosely and kept whole (passthrough), so decode(encode(s)) equals s.
 */
import { z } from 'zod';
import type { ApplicationState } from '../workflow/state.js';

export const STATE_SCHEMA_VERSION = 1;

const str = z.string();
const nstr = z.string().nullable();
const loose = z.object({}).passthrough();
const slot = z.object({ slotId: str, pickupAt: str }).strict();

const phase = z.enum([
  'NEW',
  'INTAKE_REFUSED',
  'AWAITING_REGISTER_DISPATCH',
  'REGISTER_IN_TRANSIT',
  'AWAITING_REGISTRATION',
  'UNDER_REVIEW',
  'HEARING_PENDING',
  'AWAITING_DECISION',
  'DECIDED',
  'RESULT_IN_TRANSIT',
  'READY',
  'RETURNED_TO_COLLEGE',
  'REQUESTED_BACK',
  'HANDED_OVER',
]);
const ground = z.enum(['G1_UNRELIABLE_DATA', 'G2_NONCOMPLIANT_DOCUMENTS', 'G3_NO_CONSENT']);
const deadlineFinding = z.object({ code: str, message: str }).strict();

/**
 * States stored before the courier orders of the result were counted: the count is the number of
 * the planned order (rd-<id>-<n>), or 0 without one (a portal or office place).
 */
function withDispatchSequence(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || 'dispatchSequence' in raw) return raw;
  const planned = (raw as { plannedDispatch?: { dispatchId?: unknown } | null }).plannedDispatch;
  const n = typeof planned?.dispatchId === 'string' ? /-(\d+)$/.exec(planned.dispatchId)?.[1] : undefined;
  return { ...raw, dispatchSequence: n === undefined ? 0 : Number(n) };
}

const stateSchema = z
  .object({
    phase,
    version: z.number().int().nonnegative(),
    applicationId: nstr,
    application: loose
      .extend({ applicationId: str, channel: z.enum(['PORTAL', 'PSC', 'COLLEGE_OFFICE']), submittedAt: str })
      .nullable(),
    deadlines: z
      .object({
        registrationDate: str,
        termEndDate: str,
        termEndsAt: str,
        resultToPscLatest: str,
        hearingNoticeLatest: str,
      })
      .strict()
      .nullable(),
    atRiskFrom: nstr,
    // States stored before the calendar version was recorded read as null: the next revision sets it.
    calendar: z.object({ calendarVersion: str, provisional: z.boolean() }).strict().nullable().default(null),
    intakeFindings: z.array(loose),
    consentMissing: z.boolean(),
    identity: z
      .object({
        status: z.enum(['PENDING', 'VERIFIED', 'FAILED']),
        requestId: nstr,
        // States stored before the attempt was kept read as the first attempt.
        attempt: z.number().int().nonnegative().default(1),
        findings: z.array(
          z.object({ code: z.enum(['NAME_MISMATCH', 'DECEASED', 'DOCUMENT_INVALID']), detail: str }).strict(),
        ),
        failure: z
          .object({ reason: z.enum(['NOT_FOUND', 'NO_ANSWER']), attempts: z.number().int(), detail: nstr })
          .strict()
          .nullable(),
        retries: z.number().int().nonnegative(),
        updatedAt: nstr,
        person: loose.extend({ iin: str }).nullable().default(null),
      })
      .strict()
      .nullable(),
    registerPlan: z.object({ registerId: str, courierSlot: slot }).strict().nullable().default(null),
    // States stored before the register's order was recorded read as null (ordered before: unknown).
    registerOrder: z.object({ registerId: str, orderMessageId: str, orderedAt: str }).strict().nullable().default(null),
    register: z
      .object({ registerId: str, courierSlot: slot, dispatchedAt: str, deliveredAt: nstr })
      .strict()
      .nullable(),
    // States stored before it was recorded read as null here and are filled in by sentToCollegeOf.
    sentToCollegeAt: nstr.default(null),
    college: z
      .object({ registrationNumber: str, registeredAt: str, registeredOn: str, reviewDeadline: str })
      .strict()
      .nullable(),
    preliminaryRefusal: z
      .object({
        ground,
        // States stored before the motivation was bilingual carry one text: it serves both languages.
        motivation: z.union([z.object({ kk: str, ru: str }).strict(), str.transform((t) => ({ kk: t, ru: t }))]),
        hearing: loose.extend({ at: str }),
        noticeChannel: str,
        noticeAt: str,
        noticeDate: str,
        noticeReceivedOn: str,
        hearingLatest: str,
        objectionWindowEnd: str,
        findings: z.array(deadlineFinding),
      })
      .strict()
      .nullable(),
    hearing: z
      .object({
        heldAt: str,
        objection: z.object({ receivedOn: str, summary: str }).strict().nullable(),
        findings: z.array(deadlineFinding),
      })
      .strict()
      .nullable(),
    decision: z
      .discriminatedUnion('outcome', [
        z
          .object({
            outcome: z.literal('DUPLICATE_ISSUED'),
            at: str,
            series: str,
            number: str,
            issuedOn: str,
            digitalPublishedAt: nstr,
          })
          .strict(),
        z
          .object({
            outcome: z.literal('REFUSED'),
            at: str,
            ground,
            motivation: z.object({ kk: str, ru: str }).strict(),
          })
          .strict(),
      ])
      .nullable(),
    heldDecision: z.object({ at: str, series: str, number: str, issuedOn: str }).strict().nullable().default(null),
    result: z.preprocess(
      withDispatchSequence,
      z
        .object({
          place: loose.extend({ kind: z.enum(['PORTAL', 'PSC', 'COLLEGE_OFFICE']) }),
          outcome: z.enum(['DUPLICATE', 'REFUSAL']),
          plannedDispatch: z.object({ dispatchId: str, deliverBy: nstr }).strict().nullable().default(null),
          dispatchSequence: z.number().int().nonnegative(),
          returnDueAt: nstr.default(null),
          dispatch: z.object({ dispatchId: str, courierSlot: slot, at: str }).strict().nullable(),
          firstReadyAt: nstr,
          readyOn: nstr,
          storageEnd: nstr,
          returnedAt: nstr,
          requestedBackAt: nstr,
          handedOverAt: nstr,
        })
        .strict()
        .nullable(),
    ),
    sla: z
      .object({ atRiskReportedAt: nstr, breachedReportedAt: nstr, stageBreaches: z.array(str).default([]) })
      .strict(),
    lastEventAt: nstr,
  })
  .strict();

const envelopeSchema = z.object({ schemaVersion: z.literal(STATE_SCHEMA_VERSION), state: z.unknown() }).strict();

/** The stored row cannot be read as an application state. */
export class StateDecodeError extends Error {
  readonly code = 'STATE_DECODE_FAILED';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `Stored application state is not readable (${problems.slice(0, 5).join('; ')}); ` +
        'restore the row from the event log (fold the events) instead of editing it by hand.',
    );
    this.name = 'StateDecodeError';
    this.problems = problems;
  }
}

/** The state as a JSON value for a jsonb column, with its schema version. */
export function encodeState(state: ApplicationState): string {
  return JSON.stringify({ schemaVersion: STATE_SCHEMA_VERSION, state });
}

/** Reads what `encodeState` wrote (a JSON string, or the already-parsed jsonb value). */
export function decodeState(stored: string | unknown): ApplicationState {
  let raw: unknown = stored;
  if (typeof stored === 'string') {
    try {
      raw = JSON.parse(stored);
    } catch (err) {
      throw new StateDecodeError([`not JSON: ${(err as Error).message}`]);
    }
  }
  const env = envelopeSchema.safeParse(raw);
  if (!env.success)
    throw new StateDecodeError(env.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  const parsed = stateSchema.safeParse(env.data.state);
  if (!parsed.success)
    throw new StateDecodeError(parsed.error.issues.map((i) => `state.${i.path.join('.')}: ${i.message}`));
  const state = parsed.data as unknown as ApplicationState;
  return state.sentToCollegeAt === null ? { ...state, sentToCollegeAt: sentToCollegeOf(state) } : state;
}

/**
 * A state stored before sentToCollegeAt was recorded: an office application went to the college at
 * acceptance, a PSC one on its register's delivery (so the end of a check still running is sent as
 * IDENTITY_CHECKED, not lost). A portal one reads as not sent: the releases before sent a portal
 * application only when its identity was verified, and a verified identity is not answered again;
 * a failed check is sent on its next answer.
 */
function sentToCollegeOf(s: ApplicationState): string | null {
  const app = s.application;
  if (!app || s.phase === 'NEW' || s.phase === 'INTAKE_REFUSED') return null;
  if (app.channel === 'COLLEGE_OFFICE') return app.submittedAt;
  return s.register?.deliveredAt ?? null;
}
