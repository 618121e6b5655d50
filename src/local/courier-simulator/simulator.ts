/**
 * The courier simulator as a Kafka participant (tests, demo): reads courier.orders.v1 (register
 * dispatches keyed by register id, result dispatches keyed by application id) and answers each on
 * courier.events.v1 with PICKED_UP and DELIVERED (see plan.ts), each when the adapter's clock
 * (config clock.*) reaches it. The receiving offices' hours come from the calendar directory
 * (config calendar.dir, by default the shipped config/calendar) and schedules.json.
 */
import type { CourierOrderMessage } from '../../contract/messages.js';
import { Topics } from '../../contract/topics.js';
import { SHIPPED_CALENDAR_DIR } from '../../platform/calendar/calendar-store.js';
import { loadCalendarDirectory } from '../../platform/calendar/load-calendar-directory.js';
import { createClock } from '../../platform/clock/clock.js';
import type { AppConfig } from '../../platform/config/schema.js';
import type { Logger } from '../../platform/logging/logger.js';
import { collegeOfficeHours, pscHours } from '../simulator-kit/office-hours.js';
import { startPlannedResponder } from '../simulator-kit/planned-responder.js';
import type { SimulatorStats } from '../simulator-kit/stats.js';
import { planCourierEvents } from './plan.js';

export interface CourierSimulator {
  stop(): Promise<void>;
  stats(): SimulatorStats;
  /** Full names of the topics it consumes and answers on. */
  readonly ordersTopic: string;
  readonly eventsTopic: string;
}

export async function startCourierSimulator(config: AppConfig, log: Logger): Promise<CourierSimulator> {
  const calendar = loadCalendarDirectory(config.calendar.dir || SHIPPED_CALENDAR_DIR);
  const receivers = { college: collegeOfficeHours(calendar), psc: pscHours(calendar) };
  const settings = config.courierSimulator;
  const responder = await startPlannedResponder(config, log, {
    name: 'courier-simulator',
    inTopic: Topics.courierOrders,
    outTopic: Topics.courierEvents,
    clock: createClock(config.clock),
    plan: (order: CourierOrderMessage) => {
      const logIds = { orderMessageId: order.messageId, kind: order.kind };
      const body = order.kind === 'REGISTER_DISPATCH' ? order.registerDispatch : order.resultDispatch;
      if (!body) return { kind: 'SKIP', reason: `kind ${order.kind} without its record`, logIds };
      const plan = planCourierEvents(order, settings, receivers);
      return {
        kind: 'PLAN',
        caseId: order.messageId,
        path: plan.path,
        steps: plan.steps,
        logIds: { ...logIds, shipmentId: plan.shipmentId },
      };
    },
  });
  return {
    ordersTopic: responder.inTopic,
    eventsTopic: responder.outTopic,
    stats: responder.stats,
    stop: responder.stop,
  };
}
