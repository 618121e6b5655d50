/**
 * `gateway-stub`: the e-government gateway stub as its own process. Answers identity requests
 * until SIGINT or SIGTERM, then stops cleanly. Also runnable directly:
 * `npx tsx src/cli/gateway-stub.ts` (configuration from config/*.json and the environment).
 */

import { startGatewayStub } from '../local/gateway-stub/stub.js';
import { runIfEntry, runStandIn } from './stand-in-process.js';

export function runGatewayStubCommand(): Promise<void> {
  return runStandIn('gateway stub', startGatewayStub, (config, stub) => {
    const g = config.gatewayStub;
    return {
      requestsTopic: stub.requestsTopic,
      responsesTopic: stub.responsesTopic,
      populationSize: g.populationSize,
      populationSeed: g.populationSeed,
      latencyMs: g.latencyMs,
      errorRate: g.errorRate,
      notFoundRate: g.notFoundRate,
      outages: g.outages,
    };
  });
}

runIfEntry(import.meta.url, runGatewayStubCommand);
