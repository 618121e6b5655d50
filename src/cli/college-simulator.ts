/**
 * `college-simulator`: the college stand-in as its own process. Answers college.applications.v1
 * with decisions on college.decisions.v1 until SIGINT or SIGTERM, then stops cleanly (answers not
 * yet due are answered after the next start: their offsets were not committed). Also runnable
 * directly: `npx tsx src/cli/college-simulator.ts` (configuration from config/*.json and the
 * environment).
 */

import { startCollegeSimulator } from '../local/college-simulator/simulator.js';
import { runIfEntry, runStandIn } from './stand-in-process.js';

export function runCollegeSimulatorCommand(): Promise<void> {
  return runStandIn('college simulator', startCollegeSimulator, (config, sim) => ({
    applicationsTopic: sim.applicationsTopic,
    decisionsTopic: sim.decisionsTopic,
    clock: config.clock,
    settings: config.collegeSimulator,
  }));
}

runIfEntry(import.meta.url, runCollegeSimulatorCommand);
