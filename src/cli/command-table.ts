import type { AppConfig } from '../platform/config/schema.js';
import type { Logger } from '../platform/logging/logger.js';
import { migrate } from '../adapter/adapter.js';
import { runCollegeSimulatorCommand } from './college-simulator.js';
import { runCourierSimulatorCommand } from './courier-simulator.js';
import { runGatewayStubCommand } from './gateway-stub.js';
import { POPULATION_USAGE, runGatewayStubPopulation } from './gateway-stub-population.js';
import { runInfra } from './infra.js';
import {
  runCalendarCheck,
  runCalendarShow,
  runDlqList,
  runDlqReplay,
  runHistory,
  runIdentityRetry,
  runOutboxFailed,
  runOutboxRetry,
} from '../ops/commands.js';
import { runStart } from './start.js';
import { DEMO_USAGE, runDemo } from './demo.js';

export type Run = (config: AppConfig, log: Logger, args: string[]) => Promise<void>;

export const commands: Record<string, { help: string; run: Run }> = {
  start: {
    help: 'the whole system on this machine: infrastructure, migrations, adapter, gateway stub, college and courier simulators',
    run: (c, l) => runStart(c, l, true),
  },
  demo: {
    help: `${DEMO_USAGE}: the whole system on a fast clock with generated applications, a live progress line and a report (demo-report/index.html)`,
    run: runDemo,
  },
  adapter: {
    help: 'the adapter alone, against KAFKA_BROKERS / SCHEMA_REGISTRY_URL / DATABASE_URL (or started infrastructure)',
    run: (c, l) => runStart(c, l, false),
  },
  'gateway-stub': {
    help: 'the e-government gateway stub (answers identity requests)',
    run: () => runGatewayStubCommand(),
  },
  'gateway-stub-population': {
    help: `${POPULATION_USAGE}: the persons the stub answers FOUND (IIN, names, documents)`,
    run: (c, _l, args) => runGatewayStubPopulation(c, args),
  },
  'college-simulator': {
    help: 'the college stand-in (answers college.applications.v1 with decisions on college.decisions.v1)',
    run: () => runCollegeSimulatorCommand(),
  },
  'courier-simulator': {
    help: 'the courier stand-in (answers courier.orders.v1 with PICKED_UP and DELIVERED on courier.events.v1)',
    run: () => runCourierSimulatorCommand(),
  },
  infra: {
    help: 'Kafka, the schema registry and PostgreSQL in the foreground; prints their connection strings',
    run: (c, l) => runInfra(c, l),
  },
  migrate: {
    help: 'apply pending database migrations (owner role)',
    run: async (c) => {
      const applied = await migrate(c);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
    },
  },
  'dlq-list': { help: 'dlq-list <inbound topic>: the dead letters of a topic with their reasons', run: runDlqList },
  'dlq-replay': {
    help: 'dlq-replay <inbound topic> [<partition>/<offset> ...]: put dead letters back on their topic',
    run: runDlqReplay,
  },
  'outbox-failed': {
    help: 'outbox-failed: the outbox rows the relay set aside, with their errors (never the values)',
    run: (c) => runOutboxFailed(c),
  },
  'outbox-retry': {
    help: 'outbox-retry <id ...|all>: give rows set aside back to the relay, after a fix',
    run: runOutboxRetry,
  },
  'identity-retry': {
    help: 'identity-retry <applicationId> [operatorId]: ask the gateway again after IDENTITY_FAILED',
    run: runIdentityRetry,
  },
  history: {
    help: 'history <applicationId>: the events of an application, their causes and the messages sent (personal data masked)',
    run: runHistory,
  },
  'calendar-show': {
    help: 'calendar-show <year>: every day off of a year with its reason and source, the status, the version',
    run: runCalendarShow,
  },
  'calendar-check': {
    help: 'calendar-check <file>: check a new statute.json or <year>.json before it is deployed',
    run: runCalendarCheck,
  },
};
