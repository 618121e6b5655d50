import { describe, expect, it } from 'vitest';
import { given } from './given.js';
import {
  at,
  cmd,
  continueFrom,
  DISPATCH_BACK_ID,
  DISPATCH_ID,
  history,
  paths,
  portalApp,
  withHearingHeld,
} from './fixtures.js';
import type { ApplicationEvent } from '../../../src/core/application/workflow/events.js';

const endOf = (d: string) => `${d}T23:59:59.999+05:00`;
const then = (past: ApplicationEvent[], ...c: Parameters<typeof continueFrom>[1][]) => [
  ...past,
  ...continueFrom(past, ...c),
];

const pscDecided = () => then(paths.pscRegistered(), cmd.issue(at('09')));
const pscReady = () => then(pscDecided(), cmd.dispatchResult(at('09', '14:00')), cmd.deliverResult(at('10', '11:00')));
const returned = () => then(pscReady(), cmd.returnToCollege(at('11', '10:00', '05')));

describe('result to the PSC (items 58-59, 61-62)', () => {
  it('dispatched by courier, due one day before the term ends', () => {
    const { after } = given(pscDecided())
      .when(cmd.dispatchResult(at('09', '14:00')))
      .then([
        {
          type: 'ResultDispatched',
          dispatchId: DISPATCH_ID,
          outcome: 'DUPLICATE',
          fromCollegeBin: '040740005191',
          toBranchId: 'PSC-ALM-07',
          afterReturn: false,
          stageDeadline: '2026-04-26T23:59:59.999+05:00',
        },
      ]);
    expect(after.phase).toBe('RESULT_IN_TRANSIT');
  });

  it('a portal application with a PSC place also goes by courier (item 59, R16)', () => {
    const reg = history(
      cmd.receive(portalApp({ resultPlace: { kind: 'PSC', branchId: 'PSC-AST-01' } })),
      cmd.identityOk(at('06', '10:01')),
      cmd.register(at('06', '11:00')),
    );
    given(then(reg, cmd.issue(at('08'))))
      .when(cmd.dispatchResult(at('08', '15:00')))
      .then([{ type: 'ResultDispatched', toBranchId: 'PSC-AST-01' }]);
  });

  it('a motivated refusal travels to the PSC too (item 58)', () => {
    given(then(withHearingHeld(paths.pscRegistered()), cmd.refuse(at('13'))))
      .when(cmd.dispatchResult(at('13', '15:00')))
      .then([{ type: 'ResultDispatched', outcome: 'REFUSAL' }]);
  });

  it('delivered to the PSC: RESULT_READY, stored one month (item 62)', () => {
    const { after } = given(then(pscDecided(), cmd.dispatchResult(at('09', '14:00'))))
      .when(cmd.deliverResult(at('10', '11:00')))
      .then([
        {
          type: 'ResultReady',
          place: { kind: 'PSC', branchId: 'PSC-ALM-07' },
          outcome: 'DUPLICATE',
          readyOn: '2026-04-10',
          storageEnd: '2026-05-10',
          afterReturn: false,
          // Items 58-59: due at the PSC one day (24 hours) before the term ends.
          stageDeadline: endOf('2026-04-26'),
        },
      ]);
    expect(after.phase).toBe('READY');
    expect(after.result?.firstReadyAt).toBe(at('10', '11:00'));
  });

  it('handed over at the PSC on presentation of an identity document (item 61), then closed', () => {
    const { after } = given(pscReady())
      .when(cmd.handOver(at('15')))
      .then([{ type: 'HandedOver', place: 'PSC', identityDocument: 'ID_CARD', stageDeadline: endOf('2026-05-10') }]);
    expect(after.phase).toBe('HANDED_OVER');
    given(then(pscReady(), cmd.handOver(at('15'))))
      .when(cmd.returnToCollege(at('11', '10:00', '05')))
      .then({ error: 'APPLICATION_CLOSED' });
  });

  it('after a month returned to the college, requested back, dispatched, ready again, handed over (item 62, R13)', () => {
    given(pscReady())
      .when(cmd.returnToCollege(at('11', '10:00', '05')))
      .then([{ type: 'ReturnedToCollege', storageEnd: '2026-05-10', collegeBin: '040740005191', stageDeadline: null }]);
    const { after: back } = given(returned())
      .when(cmd.requestBack(at('02', '10:00', '06')))
      .then([{ type: 'ResultRequestedBack', branchId: 'PSC-ALM-07' }]);
    expect(back.phase).toBe('REQUESTED_BACK');
    const requested = then(returned(), cmd.requestBack(at('02', '10:00', '06')));
    // The way back is a courier order of its own (item 62).
    expect(back.result?.plannedDispatch).toEqual({ dispatchId: DISPATCH_BACK_ID, deliverBy: null });
    given(requested)
      .when(cmd.dispatchResult(at('03', '10:00', '06'), DISPATCH_ID))
      .then({ error: 'DISPATCH_MISMATCH' });
    given(requested)
      .when(cmd.dispatchResult(at('03', '10:00', '06'), DISPATCH_BACK_ID))
      .then([{ type: 'ResultDispatched', dispatchId: DISPATCH_BACK_ID, afterReturn: true, stageDeadline: null }]);
    const inTransit = then(requested, cmd.dispatchResult(at('03', '10:00', '06'), DISPATCH_BACK_ID));
    const { after } = given(inTransit)
      .when(cmd.deliverResult(at('04', '10:00', '06'), DISPATCH_BACK_ID))
      .then([
        {
          type: 'ResultReady',
          afterReturn: true,
          readyOn: '2026-06-04',
          storageEnd: '2026-07-04',
          stageDeadline: null,
        },
      ]);
    expect(after.result?.firstReadyAt).toBe(at('10', '11:00'));
    given(then(inTransit, cmd.deliverResult(at('04', '10:00', '06'), DISPATCH_BACK_ID)))
      .when(cmd.handOver(at('05', '10:00', '06')))
      .then([{ type: 'HandedOver' }]);
  });

  it('rejects a return before the month is over, a hand-over from college storage, a wrong dispatch', () => {
    given(pscReady())
      .when(cmd.returnToCollege(at('10', '18:00', '05')))
      .then({ error: 'STORAGE_PERIOD_NOT_OVER' });
    given(returned())
      .when(cmd.handOver(at('12', '10:00', '05')))
      .then({ error: 'INVALID_TRANSITION' });
    given(then(pscDecided(), cmd.dispatchResult(at('09', '14:00'))))
      .when(cmd.deliverResult(at('10'), 'DSP-X'))
      .then({ error: 'DISPATCH_MISMATCH' });
    given(pscReady())
      .when(cmd.dispatchResult(at('10', '12:00'), 'DSP-X'))
      .then({ error: 'DISPATCH_MISMATCH' });
    given(pscReady())
      .when(cmd.requestBack(at('12')))
      .then({ error: 'INVALID_TRANSITION' });
    given(returned())
      .when({ ...cmd.requestBack(at('12', '10:00', '05')), branchId: '' })
      .then({ error: 'INVALID_COMMAND' });
    given(pscDecided())
      .when({ ...cmd.dispatchResult(at('09', '14:00')), dispatchId: '' })
      .then({ error: 'INVALID_COMMAND' });
    given(pscReady())
      .when({ ...cmd.handOver(at('15')), identityDocument: 'LIBRARY_CARD' as never })
      .then({ error: 'INVALID_COMMAND' });
    // A document that does not identify a person (item 61), as the PSC may report it, is refused too.
    given(pscReady())
      .when({ ...cmd.handOver(at('15')), identityDocument: 'ORIGINAL_EDUCATION_DOCUMENT' })
      .then({ error: 'INVALID_COMMAND' });
    given(pscReady())
      .when(cmd.handOver(at('15'), 'COLLEGE_OFFICE'))
      .then({ error: 'NOT_APPLICABLE_TO_RESULT_PLACE' });
    given(pscDecided())
      .when(cmd.notifyReady(at('09')))
      .then({ error: 'NOT_APPLICABLE_TO_RESULT_PLACE' });
  });
});

describe('out of order and repeated courier events of the result (items 58-59)', () => {
  it('a delivery without its pick-up records both; a repeated pick-up or delivery changes nothing', () => {
    const { events } = given(pscDecided())
      .when(cmd.deliverResult(at('10', '11:00')))
      .then([
        { type: 'ResultDispatched', dispatchId: DISPATCH_ID },
        { type: 'ResultReady', readyOn: '2026-04-10' },
      ]);
    const ready = [...pscDecided(), ...events];
    given(ready)
      .when(cmd.deliverResult(at('10', '11:05')))
      .then([]);
    given(ready)
      .when(cmd.dispatchResult(at('10', '11:10')))
      .then([]);
    given(then(pscDecided(), cmd.dispatchResult(at('09', '14:00'))))
      .when(cmd.dispatchResult(at('09', '14:30')))
      .then([]);
  });
});

describe('storage at the PSC (item 62)', () => {
  it('the storage timer tells the PSC, once, after the month (the day after storage end)', () => {
    given(pscReady())
      .when(cmd.storageElapsed(at('10', '23:00', '05')))
      .then([]);
    const { events } = given(pscReady())
      .when(cmd.storageElapsed(at('11', '00:00', '05')))
      .then([{ type: 'ReturnToCollegeDue', storageEnd: '2026-05-10' }]);
    given([...pscReady(), ...events])
      .when(cmd.storageElapsed(at('12', '00:00', '05')))
      .then([]);
    given(then(pscReady(), cmd.handOver(at('15'))))
      .when(cmd.storageElapsed(at('11', '00:00', '05')))
      .then({ error: 'APPLICATION_CLOSED' });
  });
});

describe('a second month of storage, and a second way back (item 62)', () => {
  // The first month reported and over, the result returned, requested back and at the PSC again.
  const readyAgain = () =>
    then(
      pscReady(),
      cmd.storageElapsed(at('11', '00:00', '05')),
      cmd.returnToCollege(at('11', '10:00', '05')),
      cmd.requestBack(at('02', '10:00', '06')),
      cmd.dispatchResult(at('03', '10:00', '06'), DISPATCH_BACK_ID),
      cmd.deliverResult(at('04', '10:00', '06'), DISPATCH_BACK_ID),
    );

  it('the end of the second month is reported too (each arrival starts its own month)', () => {
    const { events } = given(readyAgain())
      .when(cmd.storageElapsed(at('05', '00:00', '07')))
      .then([{ type: 'ReturnToCollegeDue', storageEnd: '2026-07-04' }]);
    given([...readyAgain(), ...events])
      .when(cmd.storageElapsed(at('06', '00:00', '07')))
      .then([]);
  });

  it('a second request back orders its own courier order (rd-<id>-3), whose pick-up and delivery are recorded', () => {
    const returnedAgain = then(readyAgain(), cmd.returnToCollege(at('05', '10:00', '07')));
    const { after } = given(returnedAgain)
      .when(cmd.requestBack(at('10', '10:00', '07')))
      .then([{ type: 'ResultRequestedBack' }]);
    const third = 'rd-APP-1-3';
    expect(after.result?.plannedDispatch).toEqual({ dispatchId: third, deliverBy: null });
    expect(after.result?.dispatchSequence).toBe(3);
    const requested = then(returnedAgain, cmd.requestBack(at('10', '10:00', '07')));
    given(requested)
      .when(cmd.dispatchResult(at('11', '10:00', '07'), DISPATCH_BACK_ID))
      .then({ error: 'DISPATCH_MISMATCH' });
    given(requested)
      .when(cmd.deliverResult(at('13', '10:00', '07'), third))
      .then([
        { type: 'ResultDispatched', dispatchId: third, afterReturn: true },
        { type: 'ResultReady', afterReturn: true, readyOn: '2026-07-13', storageEnd: '2026-08-13' },
      ]);
  });
});

describe('result on the portal / at the college office (item 58, R14)', () => {
  const decided = () => then(paths.portalRegistered(), cmd.issue(at('09')));

  it('ready at the college office with the decision; handed over there', () => {
    const after = given(decided()).state;
    expect(after.phase).toBe('READY');
    expect(after.result).toMatchObject({
      place: { kind: 'PORTAL' },
      outcome: 'DUPLICATE',
      storageEnd: null,
      firstReadyAt: at('09'),
    });
    given(decided())
      .when(cmd.handOver(at('10'), 'COLLEGE_OFFICE'))
      .then([{ type: 'HandedOver', place: 'COLLEGE_OFFICE', stageDeadline: null }]);
    // The explicit "ready" notice of earlier versions has nothing left to do.
    given(decided())
      .when(cmd.notifyReady(at('09', '12:00')))
      .then({ error: 'INVALID_TRANSITION' });
  });

  it('a refusal at the office is ready the same way', () => {
    given(withHearingHeld(paths.officeRegistered()))
      .when(cmd.refuse(at('13')))
      .then([
        { type: 'ApplicationRefused' },
        { type: 'ResultReady', place: { kind: 'COLLEGE_OFFICE' }, outcome: 'REFUSAL' },
      ]);
  });

  it('rejects courier, storage and PSC hand-over for a result that is not at a PSC', () => {
    given(decided())
      .when(cmd.dispatchResult(at('09')))
      .then({ error: 'NOT_APPLICABLE_TO_RESULT_PLACE' });
    given(decided())
      .when(cmd.returnToCollege(at('11', '10:00', '05')))
      .then({ error: 'NOT_APPLICABLE_TO_RESULT_PLACE' });
    given(decided())
      .when(cmd.handOver(at('10'), 'PSC'))
      .then({ error: 'NOT_APPLICABLE_TO_RESULT_PLACE' });
    given(paths.portalRegistered())
      .when(cmd.notifyReady(at('09')))
      .then({ error: 'INVALID_TRANSITION' });
    given(paths.portalRegistered())
      .when(cmd.handOver(at('09'), 'COLLEGE_OFFICE'))
      .then({ error: 'INVALID_TRANSITION' });
  });
});
