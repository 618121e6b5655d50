import { describe, expect, it } from 'vitest';
import { checkKindFields } from '../../../../src/contract/kinds.js';
import { millisToInstant } from '../../../../src/contract/logical-types.js';
import { messageKey } from '../../../../src/contract/message-key.js';
import type { CourierEventMessage, CourierOrderMessage } from '../../../../src/contract/messages.js';
import { topicSchema } from '../../../../src/contract/schemas.js';
import { Topics } from '../../../../src/contract/topics.js';
import {
  courierEventMessageId,
  drawCourier,
  planCourierEvents,
  type CourierSettings,
} from '../../../../src/local/courier-simulator/plan.js';
import { collegeOfficeHours, pscHours } from '../../../../src/local/simulator-kit/office-hours.js';
import { shippedCalendar } from '../../../support/calendar.js';
import { REGISTER_ID, samples } from '../../../support/samples.js';

const cal = shippedCalendar();
const to = { college: collegeOfficeHours(cal), psc: pscHours(cal) };
const type = topicSchema(Topics.courierEvents).type;
const [registerOrder, resultOrder] = samples[Topics.courierOrders] as [CourierOrderMessage, CourierOrderMessage];
const settings = (over: Partial<CourierSettings> = {}): CourierSettings => ({
  seed: 54,
  pickupDelayMinutes: 15,
  transitMinutes: 90,
  lostRate: 0,
  delayedRate: 0,
  delayMinutes: 1440,
  officeHours: true,
  ...over,
});
const times = (steps: { label: string; at: number }[]) => steps.map((s) => [s.label, millisToInstant(s.at)]);

function expectValid(messages: CourierEventMessage[], key: string): void {
  for (const m of messages) {
    const problems: string[] = [];
    expect(type.isValid(m, { errorHook: (p) => problems.push(p.join('.')) }), problems.join(', ')).toBe(true);
    expect(() => checkKindFields(Topics.courierEvents, m as unknown as Record<string, unknown>)).not.toThrow();
    expect(messageKey(Topics.courierEvents, m)).toBe(key);
  }
}

describe('the courier events of a register dispatch', () => {
  it('PICKED_UP 15 minutes into the slot, DELIVERED 90 minutes later, for the register, answering the order', () => {
    // Slot 15:00-16:00 on Tuesday 3 March 2026.
    const plan = planCourierEvents(registerOrder, settings(), to);
    expect(plan.path).toBe('DELIVERED');
    expect(times(plan.steps)).toEqual([
      ['PICKED_UP', '2026-03-03T15:15:00.000+05:00'],
      ['DELIVERED', '2026-03-03T16:45:00.000+05:00'],
    ]);
    const [picked, delivered] = plan.steps.map((s) => s.value);
    expect(picked).toMatchObject({
      kind: 'PICKED_UP',
      orderMessageId: registerOrder.messageId,
      correlationId: registerOrder.correlationId,
      occurredAt: '2026-03-03T15:15:00.000+05:00',
      pickedUp: { registerId: REGISTER_ID, applicationId: null, at: '2026-03-03T15:15:00.000+05:00' },
      delivered: null,
    });
    expect(picked!.kind === 'PICKED_UP' && picked!.pickedUp.trackingNumber).toMatch(/^KZP-\d{9}$/);
    expect(delivered).toMatchObject({
      kind: 'DELIVERED',
      pickedUp: null,
      delivered: { registerId: REGISTER_ID, applicationId: null, at: '2026-03-03T16:45:00.000+05:00' },
    });
    expect(delivered!.kind === 'DELIVERED' && delivered!.delivered.receivedBy).toMatch(/^\S+ \S+$/);
    expect(plan.steps.map((s) => s.value.messageId)).toEqual([
      courierEventMessageId(registerOrder.messageId, 'PICKED_UP'),
      courierEventMessageId(registerOrder.messageId, 'DELIVERED'),
    ]);
    expectValid(
      plan.steps.map((s) => s.value),
      REGISTER_ID,
    );
  });

  it('delivers to the college office only when it is open (the 20:00 slot arrives next morning)', () => {
    const late: CourierOrderMessage = {
      ...registerOrder,
      registerDispatch: {
        ...registerOrder.registerDispatch!,
        slot: { from: '2026-03-06T20:00:00.000+05:00', to: '2026-03-06T20:30:00.000+05:00' },
      },
    } as CourierOrderMessage;
    // Friday 6 March 20:15 + 90 min = 21:45; Saturday, Sunday and the moved Monday 9 March are off.
    expect(times(planCourierEvents(late, settings(), to).steps)).toEqual([
      ['PICKED_UP', '2026-03-06T20:15:00.000+05:00'],
      ['DELIVERED', '2026-03-10T09:00:00.000+05:00'],
    ]);
    expect(times(planCourierEvents(late, settings({ officeHours: false }), to).steps)[1]).toEqual([
      'DELIVERED',
      '2026-03-06T21:45:00.000+05:00',
    ]);
  });

  it('picks up no later than the slot closes, and not before the order was sent', () => {
    const plan = planCourierEvents(registerOrder, settings({ pickupDelayMinutes: 600 }), to);
    expect(millisToInstant(plan.steps[0]!.at)).toBe('2026-03-03T16:00:00.000+05:00');
    const afterSlot = { ...registerOrder, occurredAt: '2026-03-03T17:00:00.000+05:00' } as CourierOrderMessage;
    expect(millisToInstant(planCourierEvents(afterSlot, settings(), to).steps[0]!.at)).toBe(
      '2026-03-03T17:15:00.000+05:00',
    );
  });
});

describe('the courier events of a result dispatch', () => {
  it('name the application, not a register, and deliver within the PSC hours', () => {
    // Slot 10:00-12:00 on Tuesday 17 March 2026.
    const plan = planCourierEvents(resultOrder, settings(), to);
    const appId = resultOrder.kind === 'RESULT_DISPATCH' ? resultOrder.resultDispatch.applicationId : '';
    expect(plan.shipmentId).toBe(appId);
    expect(times(plan.steps)).toEqual([
      ['PICKED_UP', '2026-03-17T10:15:00.000+05:00'],
      ['DELIVERED', '2026-03-17T11:45:00.000+05:00'],
    ]);
    expect(plan.steps[1]!.value).toMatchObject({ delivered: { registerId: null, applicationId: appId } });
    expectValid(
      plan.steps.map((s) => s.value),
      appId,
    );
  });
});

describe('lost and delayed orders', () => {
  it('a lost order is picked up and never delivered; a delayed one arrives delayMinutes late', () => {
    expect(planCourierEvents(resultOrder, settings({ lostRate: 1 }), to).steps.map((s) => s.label)).toEqual([
      'PICKED_UP',
    ]);
    const delayed = planCourierEvents(resultOrder, settings({ delayedRate: 1, delayMinutes: 24 * 60 }), to);
    expect(delayed.path).toBe('DELAYED');
    expect(times(delayed.steps)[1]).toEqual(['DELIVERED', '2026-03-18T11:45:00.000+05:00']);
  });

  it('are drawn per order message, deterministically, in the configured shares', () => {
    const s = { lostRate: 0.2, delayedRate: 0.25 };
    expect(drawCourier(1, 'ORDER-1', s)).toEqual(drawCourier(1, 'ORDER-1', s));
    const n = 4000;
    const counts: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      const p = drawCourier(9, `ORDER-${i}`, s).path;
      counts[p] = (counts[p] ?? 0) + 1;
    }
    expect(counts.LOST! / n).toBeCloseTo(0.2, 1);
    expect(counts.DELAYED! / n).toBeCloseTo(0.8 * 0.25, 1);
  });
});
