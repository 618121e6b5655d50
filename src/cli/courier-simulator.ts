/**
 * `courier-simulator`: the courier stand-in as its own process. Answers courier.orders.v1 with
 * PICKED_UP and DELIVERED on courier.events.v1 until SIGINT or SIGTERM, then stops cleanly (events
 * not yet due are sent after the next start: their offsets were not committed). Also runnable
 * directly: `npx tsx src/cli/courier-simulator.ts` (configuration from config/*.json and the
 * environment).
 */

import { startCourierSimulator } from '../local/courier-simulator/simulator.js';
import { runIfEntry, runStandIn } from './stand-in-process.js';

export function runCourierSimulatorCommand(): Promise<void> {
  return runStandIn('courier simulator', startCourierSimulator, (config, sim) => ({
    ordersTopic: sim.ordersTopic,
    eventsTopic: sim.eventsTopic,
    clock: config.clock,
    settings: config.courierSimulator,
  }));
}

runIfEntry(import.meta.url, runCourierSimulatorCommand);
