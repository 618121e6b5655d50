import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, StateDecodeError } from '../../../src/core/application/codec/state-codec.js';
import type { Application } from '../../../src/core/application/model.js';
import type { ApplicationCommand } from '../../../src/core/application/workflow/commands.js';
import { decide } from '../../../src/core/application/workflow/decide.js';
import { evolve } from '../../../src/core/application/workflow/evolve.js';
import { initialState, type ApplicationState } from '../../../src/core/application/workflow/state.js';
import { cmd, ctx, officeApp, portalApp, pscApp, registerIdOf, registerPerson } from './fixtures.js';

/** An instant `minutes` after Mon 2026-04-06 10:00 Kazakhstan time. */
function instant(minutes: number): string {
  const d = new Date(Date.UTC(2026, 3, 6, 5, 0) + minutes * 60_000);
  return d.toISOString().replace('Z', '+00:00');
}

type Step = (t: string) => ApplicationCommand;
const steps: Step[] = [
  (t) => cmd.identityOk(t, registerPerson({ surname: 'Ә ө ү «» "quotes" \\ back' })),
  (t) => cmd.identityFailed(t),
  (t) => cmd.identityError(t),
  (t) => cmd.identityRetry(t),
  (t) => cmd.dispatchRegister(t),
  (t) => cmd.deliverRegister(t),
  (t) => cmd.register(t),
  (t) => cmd.preliminary(t, t),
  (t) => cmd.hearing(t, { receivedOn: t.slice(0, 10), summary: 'objection' }),
  (t) => cmd.hearing(t),
  (t) => cmd.issue(t),
  (t) => cmd.refuse(t),
  (t) => cmd.dispatchResult(t),
  (t) => cmd.deliverResult(t),
  (t) => cmd.notifyReady(t),
  (t) => cmd.handOver(t, 'PSC'),
  (t) => cmd.handOver(t, 'COLLEGE_OFFICE'),
  (t) => cmd.returnToCollege(t),
  (t) => cmd.requestBack(t),
  (t) => cmd.checkSla(t),
];

const appArb: fc.Arbitrary<Application> = fc
  .record({
    kind: fc.constantFrom('portal', 'portal-psc', 'psc', 'office'),
    surname: fc.string({ unit: 'grapheme', maxLength: 12 }),
    patronymic: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
    consent: fc.boolean(),
    refuse: fc.boolean(),
  })
  .map(({ kind, surname, patronymic, consent }) => {
    const applicant = {
      surname,
      name: 'Айгерім',
      iin: '900101400122',
      ...(patronymic === undefined ? {} : { patronymic }),
    };
    const over = { applicant, personalDataConsent: consent };
    if (kind === 'psc') return pscApp(over);
    if (kind === 'office') return officeApp({ ...over, formerInstitution: { name: 'Old name', address: 'Almaty' } });
    if (kind === 'portal-psc') return portalApp({ ...over, resultPlace: { kind: 'PSC', branchId: 'PSC-1' } });
    return portalApp(over);
  });

/** Every state reached by a random walk of commands (at each move, the first accepted step from a random one). */
function walk(app: Application, refuse: boolean, moves: { step: number; gap: number }[]): ApplicationState[] {
  let s = initialState;
  const states: ApplicationState[] = [s];
  let minutes = 0;
  const apply = (c: ApplicationCommand): boolean => {
    const r = decide(s, c, ctx);
    if (!r.ok || r.events.length === 0) return false;
    for (const e of r.events) {
      s = evolve(s, e);
      states.push(s);
    }
    return true;
  };
  // A refused variant: the package lacks its identity document (PSC, office) or its signature (portal).
  const refused =
    app.channel === 'PORTAL'
      ? { ...app, signature: undefined }
      : { ...app, presentedDocuments: [{ type: 'APPLICATION_FORM' as const }] };
  apply(cmd.receive(refuse ? refused : app));
  for (const m of moves) {
    minutes += m.gap;
    // The first step, from the drawn one on, that the state accepts: the walk keeps moving.
    for (let k = 0; k < steps.length; k += 1) if (apply(steps[(m.step + k) % steps.length]!(instant(minutes)))) break;
  }
  return states;
}

describe('state codec: jsonb round trip', () => {
  it('decode(encode(state)) equals the state for every state of random histories', () => {
    fc.assert(
      fc.property(
        appArb,
        fc.boolean(),
        fc.array(
          fc.record({ step: fc.nat({ max: steps.length - 1 }), gap: fc.integer({ min: 1, max: 3 * 24 * 60 }) }),
          { maxLength: 30, size: 'max' },
        ),
        (app, refuseFlag, moves) => {
          for (const s of walk(app, refuseFlag && app.channel !== 'PORTAL', moves)) {
            const encoded = encodeState(s);
            expect(decodeState(encoded)).toStrictEqual(s);
            expect(decodeState(JSON.parse(encoded))).toStrictEqual(s);
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 30_000);

  it('random histories reach late phases too (the generator is not stuck at intake)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        appArb,
        fc.array(fc.record({ step: fc.nat({ max: steps.length - 1 }), gap: fc.integer({ min: 1, max: 600 }) }), {
          maxLength: 40,
          size: 'max',
        }),
        (app, moves) => {
          for (const s of walk(app, false, moves)) seen.add(s.phase);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
    expect(seen).toContain('DECIDED');
    expect(seen).toContain('READY');
  }, 30_000);

  it('reads states stored before sentToCollegeAt, heldDecision and result.dispatchSequence were recorded', () => {
    const recalled = [
      cmd.receive(pscApp()),
      cmd.identityOk(instant(1)),
      cmd.register(instant(2)),
      cmd.issue(instant(3)),
      cmd.deliverResult(instant(4)),
      cmd.returnToCollege('2026-05-20T10:00:00+05:00'),
      cmd.requestBack('2026-05-21T10:00:00+05:00'),
    ];
    let s = initialState;
    for (const c of recalled) {
      const r = decide(s, c, ctx);
      if (!r.ok) throw new Error(r.rejection.message);
      s = r.events.reduce(evolve, s);
    }
    expect(s.result).toMatchObject({ plannedDispatch: { dispatchId: 'rd-APP-1-2' }, dispatchSequence: 2 });
    const old = JSON.parse(encodeState(s));
    delete old.state.sentToCollegeAt;
    delete old.state.heldDecision;
    delete old.state.result.dispatchSequence;
    const read = decodeState(old);
    // Its register was delivered: it went to the college then (filled in, as below).
    expect(read.sentToCollegeAt).toBe(s.register!.deliveredAt);
    expect(read.heldDecision).toBeNull();
    // The count of courier orders is the number of the order planned last.
    expect(read.result?.dispatchSequence).toBe(2);
    delete old.state.result.dispatchSequence;
    old.state.result.plannedDispatch = null;
    expect(decodeState(old).result?.dispatchSequence).toBe(0);
  });

  it('fills in sentToCollegeAt of an office application, and of a delivered PSC register, stored before it was recorded', () => {
    const stateAfter = (commands: ApplicationCommand[]) => {
      let s = initialState;
      for (const c of commands) {
        const r = decide(s, c, ctx);
        if (!r.ok) throw new Error(r.rejection.message);
        s = r.events.reduce(evolve, s);
      }
      return s;
    };
    const stored = (s: ApplicationState) => {
      const old = JSON.parse(encodeState(s));
      delete old.state.sentToCollegeAt;
      return decodeState(old).sentToCollegeAt;
    };
    const office = stateAfter([cmd.receive(officeApp())]);
    expect(office.sentToCollegeAt).not.toBeNull();
    expect(stored(office)).toBe(office.application!.submittedAt);
    const rid = registerIdOf(pscApp());
    const delivered = stateAfter([
      cmd.receive(pscApp()),
      cmd.dispatchRegister(instant(1), rid),
      cmd.deliverRegister(instant(2), rid),
    ]);
    expect(stored(delivered)).toBe(delivered.register!.deliveredAt);
    expect(stored(stateAfter([cmd.receive(pscApp())]))).toBeNull();
    expect(stored(stateAfter([cmd.receive(portalApp())]))).toBeNull();
  });

  it('a corrupt or foreign row is an error with a code, never a half-read state', () => {
    expect(() => decodeState('{not json')).toThrow(StateDecodeError);
    expect(() => decodeState(JSON.stringify({ schemaVersion: 99, state: initialState }))).toThrow(StateDecodeError);
    const bad = JSON.parse(encodeState(initialState));
    bad.state.phase = 'LOST';
    try {
      decodeState(bad);
      expect.unreachable();
    } catch (e) {
      expect((e as StateDecodeError).code).toBe('STATE_DECODE_FAILED');
      expect((e as StateDecodeError).problems.join()).toContain('state.phase');
    }
  });
});
