/**
 * The courier's answers to one dispatch order (items 54-55: a register from a PSC branch to a
 * college; items 58-59, 62: a result from the college to a PSC branch), as a pure function of the
 * order and the settings:
 *
 *   PICKED_UP   pickupDelayMinutes after the slot opens (or after the order, if it came later),
 *               never after the slot closes (unless the order itself came after it)
 *   DELIVERED   transitMinutes later (+ delayMinutes for a delayed order), when the receiving
 *               office is open if officeHours is on (the college office for a register, the PSC
 *               for a result); a lost order is never delivered
 *
 * The events name the register or the application (the other one null), copy the order's
 * correlationId and carry orderMessageId = the order's messageId. Lost and delayed are drawn from
 * a hash of (seed, order messageId): the same order always has the same fate; an order sent
 * again with a new messageId draws again (a re-sent order may arrive).
 */
import { envelope } from '../../contract/envelope.js';
import { instantToMillis, millisToInstant } from '../../contract/logical-types.js';
import type { CourierEventKind, CourierEventMessage, CourierOrderMessage } from '../../contract/messages.js';
import { Topics } from '../../contract/topics.js';
import { KAZAKH, RUSSIAN } from '../gateway-stub/names.js';
import { intBelow, pick, randomFor } from '../gateway-stub/random.js';
import { uuidV5 } from '../simulator-kit/deterministic-id.js';
import { MS_PER_MINUTE, nextOfficeMoment, type OfficeHours } from '../simulator-kit/office-hours.js';
import type { PlannedStep } from '../simulator-kit/planned-responder.js';

export interface CourierSettings {
  readonly seed: number;
  readonly pickupDelayMinutes: number;
  readonly transitMinutes: number;
  readonly lostRate: number;
  readonly delayedRate: number;
  readonly delayMinutes: number;
  readonly officeHours: boolean;
}

/** DELIVERED, LOST (picked up, never delivered) or DELAYED (delivered delayMinutes late). */
export type CourierPath = 'DELIVERED' | 'LOST' | 'DELAYED';

export interface CourierPlan {
  readonly path: CourierPath;
  /** registerId for a register dispatch, applicationId for a result dispatch: the events' key. */
  readonly shipmentId: string;
  readonly trackingNumber: string;
  readonly steps: PlannedStep<CourierEventMessage>[];
}

/** Where the courier delivers: the college office (register) or the PSC branch (result). */
export interface Receivers {
  readonly college: OfficeHours;
  readonly psc: OfficeHours;
}

/** The message id of one event about an order: the same on every run. */
export function courierEventMessageId(orderMessageId: string, kind: CourierEventKind): string {
  return uuidV5(`courier.events:${orderMessageId}:${kind}`);
}

export function drawCourier(
  seed: number,
  orderMessageId: string,
  settings: Pick<CourierSettings, 'lostRate' | 'delayedRate'>,
): { path: CourierPath; trackingNumber: string; receivedBy: string } {
  const rnd = randomFor(`${seed}:courier:${orderMessageId}`);
  const lost = rnd() < settings.lostRate;
  const delayed = rnd() < settings.delayedRate;
  const trackingNumber = `KZP-${String(intBelow(rnd, 1_000_000_000)).padStart(9, '0')}`;
  const names = rnd() < 0.7 ? KAZAKH : RUSSIAN;
  const female = rnd() < 0.5;
  const surname = pick(rnd, names.surnames);
  const name = pick(rnd, female ? names.femaleNames : names.maleNames);
  const receivedBy = `${female ? `${surname}а` : surname} ${name}`;
  return { path: lost ? 'LOST' : delayed ? 'DELAYED' : 'DELIVERED', trackingNumber, receivedBy };
}

export function planCourierEvents(order: CourierOrderMessage, settings: CourierSettings, to: Receivers): CourierPlan {
  const register = order.kind === 'REGISTER_DISPATCH' ? order.registerDispatch : null;
  const result = order.kind === 'RESULT_DISPATCH' ? order.resultDispatch : null;
  const slot = (register ?? result)!.slot;
  const ref = register
    ? { registerId: register.registerId, applicationId: null }
    : { registerId: null, applicationId: result!.applicationId };
  const shipmentId = (ref.registerId ?? ref.applicationId)!;
  const draw = drawCourier(settings.seed, order.messageId, settings);

  const ordered = instantToMillis(order.occurredAt);
  const opens = Math.max(instantToMillis(slot.from), ordered);
  const slotEnd = instantToMillis(slot.to);
  // An order sent after its slot closed (late) is picked up as soon as the courier can come.
  const closes = slotEnd >= opens ? slotEnd : Number.POSITIVE_INFINITY;
  const pickedUpAt = Math.min(opens + settings.pickupDelayMinutes * MS_PER_MINUTE, closes);
  const extra = draw.path === 'DELAYED' ? settings.delayMinutes : 0;
  const arrives = pickedUpAt + (settings.transitMinutes + extra) * MS_PER_MINUTE;
  const deliveredAt = settings.officeHours ? nextOfficeMoment(register ? to.college : to.psc, arrives) : arrives;

  const steps: PlannedStep<CourierEventMessage>[] = [];
  const add = (kind: CourierEventKind, at: number, body: object) => {
    const header = {
      messageId: courierEventMessageId(order.messageId, kind),
      correlationId: order.correlationId,
      occurredAt: millisToInstant(at),
      orderMessageId: order.messageId,
    };
    steps.push({ at, label: kind, value: envelope<CourierEventMessage>(Topics.courierEvents, kind, body, header) });
  };
  add('PICKED_UP', pickedUpAt, { ...ref, at: millisToInstant(pickedUpAt), trackingNumber: draw.trackingNumber });
  if (draw.path !== 'LOST') {
    add('DELIVERED', deliveredAt, { ...ref, at: millisToInstant(deliveredAt), receivedBy: draw.receivedBy });
  }
  return { path: draw.path, shipmentId, trackingNumber: draw.trackingNumber, steps };
}
