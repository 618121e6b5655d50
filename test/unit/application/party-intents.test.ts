/**
 * Who is told what (effects/party-intents.ts): the application for the college, the notices of the
 * result to the applicant and to the PSC, the digital diploma. Runs real commands through
 * decide / evolve / intentsOf.
 */
import { describe, expect, it } from 'vitest';
import { at, cmd, intentsOfType, officeApp, portalApp, pscApp, registerIdOf, runIntents } from './fixtures.js';

describe('the application reaches the college once, and the end of a later identity check (items 49, 54, 57)', () => {
  it('a portal application whose identity check fails (NOT_FOUND, or no answer) is sent without identity, with why', () => {
    const failures = [
      { command: cmd.identityFailed(at('06', '10:01'), 'NOT_FOUND'), reason: 'NOT_FOUND', detail: null },
      { command: cmd.identityOverdue(at('06', '10:05')), reason: 'NO_ANSWER', detail: 'no answer after 1 requests' },
    ] as const;
    for (const f of failures) {
      const { steps, state } = runIntents([cmd.receive(portalApp()), f.command]);
      const failed = steps.find((s) => s.event.type === 'IdentityFailed')!;
      expect(intentsOfType(failed.intents, 'SendToCollege')).toEqual([
        expect.objectContaining({
          dispatchRegisterId: null,
          identity: null,
          identityFailure: { reason: f.reason, attempts: 1, detail: f.detail },
          officeReceipt: null,
        }),
      ]);
      expect(state.sentToCollegeAt).toBe(failed.event.at);
      expect(state.phase).toBe('AWAITING_REGISTRATION');
    }
  });

  it('a verified portal application is sent with the person, and no failure', () => {
    const { intents } = runIntents([cmd.receive(portalApp()), cmd.identityOk(at('06', '10:01'))]);
    const sent = intentsOfType(intents, 'SendToCollege');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ identity: { iin: '900101400122' }, identityFailure: null });
  });

  it('after a failure, the identity verified on an operator retry is sent as IDENTITY_CHECKED, not as a new application', () => {
    const { steps } = runIntents([
      cmd.receive(portalApp()),
      cmd.identityFailed(at('06', '10:01'), 'NOT_FOUND'),
      cmd.identityRetry(at('06', '10:30')),
      cmd.identityOk(at('06', '10:31'), undefined, 2),
    ]);
    const sentBy = steps.flatMap((s) =>
      intentsOfType(s.intents, 'SendToCollege').map((i) => [s.event.type, i.purpose, i.identity?.iin ?? null]),
    );
    expect(sentBy).toEqual([
      ['IdentityFailed', 'APPLICATION', null],
      ['IdentityVerified', 'IDENTITY_CHECKED', '900101400122'],
    ]);
  });

  it('a late FOUND after NO_ANSWER, and a second failure after a retry, are told as IDENTITY_CHECKED', () => {
    const late = runIntents([
      cmd.receive(portalApp()),
      cmd.identityOverdue(at('06', '10:05')),
      cmd.identityOk(at('06', '10:07')),
    ]);
    expect(late.steps.map((s) => s.event.type)).toEqual(['ApplicationSubmitted', 'IdentityFailed', 'IdentityVerified']);
    expect(intentsOfType(late.intents, 'SendToCollege').map((i) => i.purpose)).toEqual([
      'APPLICATION',
      'IDENTITY_CHECKED',
    ]);
    const twice = runIntents([
      cmd.receive(portalApp()),
      cmd.identityFailed(at('06', '10:01'), 'NOT_FOUND'),
      cmd.identityRetry(at('06', '10:30')),
      cmd.identityFailed(at('06', '10:31'), 'NOT_FOUND', 2),
    ]);
    const sent = intentsOfType(twice.intents, 'SendToCollege');
    expect(sent.map((i) => i.purpose)).toEqual(['APPLICATION', 'IDENTITY_CHECKED']);
    expect(sent[1]).toMatchObject({ identity: null, identityFailure: { reason: 'NOT_FOUND' } });
  });

  it('a portal application the college registered already is not sent on a later answer', () => {
    const { steps } = runIntents([
      cmd.receive(portalApp()),
      cmd.register(at('06', '10:02')),
      cmd.identityFailed(at('06', '10:05'), 'NOT_FOUND'),
    ]);
    expect(intentsOfType(steps.at(-1)!.intents, 'SendToCollege')).toEqual([]);
  });

  it('PSC and office applications are sent once as the application; a check ended after it follows as IDENTITY_CHECKED', () => {
    const office = runIntents([cmd.receive(officeApp()), cmd.identityFailed(at('06', '10:01'), 'NOT_FOUND')]);
    const byEvent = (r: ReturnType<typeof runIntents>) =>
      r.steps.flatMap((s) => intentsOfType(s.intents, 'SendToCollege').map((i) => [s.event.type, i.purpose]));
    expect(byEvent(office)).toEqual([
      ['ApplicationAccepted', 'APPLICATION'],
      ['IdentityFailed', 'IDENTITY_CHECKED'],
    ]);
    expect(intentsOfType(office.intents, 'SendToCollege')[1]).toMatchObject({
      identityFailure: { reason: 'NOT_FOUND' },
      officeReceipt: null,
    });
    const rid = registerIdOf(pscApp());
    const psc = runIntents([
      cmd.receive(pscApp()),
      cmd.identityFailed(at('06', '10:01'), 'NOT_FOUND'),
      cmd.dispatchRegister(at('06', '13:00'), rid),
      cmd.deliverRegister(at('06', '15:00'), rid),
      cmd.identityRetry(at('06', '15:10')),
      cmd.identityOk(at('06', '15:11'), undefined, 2),
    ]);
    expect(byEvent(psc)).toEqual([
      ['DeliveredToCollege', 'APPLICATION'],
      ['IdentityVerified', 'IDENTITY_CHECKED'],
    ]);
    const sent = intentsOfType(psc.intents, 'SendToCollege');
    // The register arrived while the check had failed: the college learns why there is no identity.
    expect(sent[0]).toMatchObject({
      dispatchRegisterId: rid,
      identity: null,
      identityFailure: { reason: 'NOT_FOUND' },
    });
    // The operator's retry found the person: the college is told, in the same register.
    expect(sent[1]).toMatchObject({
      dispatchRegisterId: rid,
      identity: { iin: '900101400122' },
      identityFailure: null,
    });
  });
});

describe('the PSC branch told (items 50, 58, 61-62)', () => {
  const app = pscApp({ resultPlace: { kind: 'PSC', branchId: 'PSC-AST-01' } });
  const rid = registerIdOf(app);
  const { intents } = runIntents([
    cmd.receive(app),
    cmd.identityOk(at('06', '10:01')),
    cmd.dispatchRegister(at('06', '13:00'), rid),
    cmd.deliverRegister(at('06', '15:00'), rid),
    cmd.register(at('06', '15:30')),
    cmd.preliminary(at('08'), at('10', '11:00')),
    cmd.hearing(at('10', '11:30')),
    cmd.issue(at('13')),
    cmd.dispatchResult(at('14')),
    cmd.deliverResult(at('15')),
    cmd.storageElapsed('2026-05-16T00:00:00+05:00'),
  ]);
  const told = intentsOfType(intents, 'NotifyPsc').map((n) => [n.notice.kind, n.branchId]);

  it('the result is kept, and its month ends, at the branch chosen for the result, not the accepting one', () => {
    expect(intentsOfType(intents, 'OrderResultDispatch')[0]!.toBranchId).toBe('PSC-AST-01');
    expect(told).toContainEqual(['RESULT_READY_FOR_HANDOVER', 'PSC-AST-01']);
    expect(told).toContainEqual(['RETURN_TO_COLLEGE_DUE', 'PSC-AST-01']);
  });

  it('the receipt and the hearing notice go to the branch that accepted the documents', () => {
    expect(told).toContainEqual(['RECEIPT', 'PSC-ALM-07']);
    expect(told).toContainEqual(['HEARING_NOTICE', 'PSC-ALM-07']);
    expect(told).toHaveLength(4);
  });
});

describe('the digital diploma (items 59-60)', () => {
  it("is published with the paper duplicate's date of issue", () => {
    const { intents } = runIntents([
      cmd.receive(portalApp()),
      cmd.identityOk(at('06', '10:01')),
      cmd.register(at('06', '11:00')),
      { ...cmd.issue(at('09', '09:00')), issuedOn: '2026-04-08' },
    ]);
    expect(intentsOfType(intents, 'PublishDigitalDiploma')).toEqual([
      {
        type: 'PublishDigitalDiploma',
        documentKind: 'DIPLOMA_WITH_SUPPLEMENT',
        series: 'TKB',
        number: '0012345',
        issuedOn: '2026-04-08',
      },
    ]);
  });
});

describe('the courier order of the result (items 58-59)', () => {
  const decidedOn = (when: string) => {
    const rid = registerIdOf(pscApp());
    const { intents } = runIntents([
      cmd.receive(pscApp()),
      cmd.identityOk(at('06', '10:01')),
      cmd.dispatchRegister(at('06', '13:00'), rid),
      cmd.deliverRegister(at('06', '15:00'), rid),
      cmd.register(at('06', '15:30')),
      cmd.issue(when),
    ]);
    return intentsOfType(intents, 'OrderResultDispatch')[0]!;
  };

  it('in time: the pick-up window ends at the legal limit', () => {
    expect(decidedOn(at('09'))).toMatchObject({
      deliverBy: '2026-04-26T23:59:59.999+05:00',
      pickupWindow: { from: at('09'), to: '2026-04-26T23:59:59.999+05:00' },
    });
  });

  it('placed after the limit: the window still ends after it starts; deliverBy stays the legal limit', () => {
    const order = decidedOn(at('27', '12:00'));
    expect(order.deliverBy).toBe('2026-04-26T23:59:59.999+05:00');
    expect(order.pickupWindow).toEqual({ from: at('27', '12:00'), to: '2026-04-28T23:59:59.999+05:00' });
  });
});

describe('a PSC application whose result waits at the college office (item 58)', () => {
  const registered = (kind: 'COLLEGE_OFFICE' | 'PORTAL') => {
    const app = pscApp({ resultPlace: { kind } });
    const rid = registerIdOf(app);
    return [
      cmd.receive(app),
      cmd.identityOk(at('06', '10:01')),
      cmd.dispatchRegister(at('06', '13:00'), rid),
      cmd.deliverRegister(at('06', '15:00'), rid),
      cmd.register(at('06', '15:30')),
    ];
  };
  const resultNotices = (steps: ReturnType<typeof runIntents>['steps']) =>
    steps
      .filter((s) => ['DuplicateIssued', 'ApplicationRefused', 'ResultReady'].includes(s.event.type))
      .flatMap((s) => s.intents)
      .filter((i) => i.type === 'NotifyPsc' || i.type === 'NotifyPortal');

  it.each(['COLLEGE_OFFICE', 'PORTAL'] as const)(
    'place %s: the accepting PSC is told the duplicate is ready at the college office',
    (kind) => {
      const { steps, state } = runIntents([...registered(kind), cmd.issue(at('07'))]);
      expect(state.phase).toBe('READY');
      expect(resultNotices(steps)).toEqual([
        {
          type: 'NotifyPsc',
          branchId: 'PSC-ALM-07',
          notice: {
            kind: 'RESULT_AT_COLLEGE',
            receiptNumber: 'R-2026-000123',
            resultKind: 'DUPLICATE',
            readyAt: at('07'),
            collegeBin: '040740005191',
            placeAddress: 'канцелярия колледжа «Almaty Polytechnic College»',
            refusalGround: null,
            digitalDiplomaPublished: true,
            text: {
              kk:
                'Телнұсқа дайын. Алу орны: Almaty Polytechnic College колледжінің кеңсесі. ' +
                'Цифрлық нұсқасы eGov Mobile «Цифрлық құжаттар» сервисінде.',
              ru:
                'Дубликат готов. Место получения: канцелярия колледжа «Almaty Polytechnic College». ' +
                'Цифровая версия — в сервисе «Цифровые документы» eGov Mobile.',
            },
          },
        },
      ]);
    },
  );

  it.each(['COLLEGE_OFFICE', 'PORTAL'] as const)(
    'place %s: the accepting PSC is told of the motivated refusal, its ground and motivation, and where it waits',
    (kind) => {
      const { steps } = runIntents([
        ...registered(kind),
        cmd.preliminary(at('08'), at('10', '11:00')),
        cmd.hearing(at('10', '11:30')),
        cmd.refuse(at('13')),
      ]);
      const told = resultNotices(steps);
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({
        type: 'NotifyPsc',
        branchId: 'PSC-ALM-07',
        notice: {
          kind: 'RESULT_AT_COLLEGE',
          resultKind: 'MOTIVATED_REFUSAL',
          refusalGround: 'G1_UNRELIABLE_DATA',
          digitalDiplomaPublished: false,
          text: {
            kk: expect.stringContaining(
              'Деректер расталмады. Дәлелді бас тартуды алу орны: Almaty Polytechnic College',
            ),
            ru: expect.stringContaining('Сведения не подтверждены. Мотивированный отказ можно получить: канцелярия'),
          },
        },
      });
      const text = (told[0] as { notice: { text: { kk: string; ru: string } } }).notice.text;
      for (const t of [text.kk, text.ru]) expect(t).not.toMatch(/G[123]_|[A-Z]{4,}_[A-Z]/);
    },
  );

  it('an office application collected at the office: the college tells its own applicant, nothing is sent', () => {
    const office = runIntents([
      cmd.receive(officeApp()),
      cmd.identityOk(at('06', '10:01')),
      cmd.register(at('06', '10:30')),
      cmd.issue(at('08')),
    ]);
    expect(resultNotices(office.steps)).toEqual([]);
  });
});
