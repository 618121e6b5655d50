/**
 * A timer worker in a process of its own, for dead-pool.test.ts: it registers its pool and runs
 * the `hang` task, which never ends, until the test SIGKILLs it (the job stays locked by its pool).
 * Arguments: the runtime role's URL, the application's schema, the timer queue's schema.
 */
import { connect } from '../../../src/platform/db/connect.js';
import { createLogger } from '../../../src/platform/logging/logger.js';
import { startTimerWorker } from '../../../src/timers/worker.js';

const [url, schema, timersSchema] = process.argv.slice(2) as [string, string, string];
const log = createLogger({ level: 'warn', name: 'hanging-pool' });
const db = connect({ url, schema, poolMax: 2 });
await startTimerWorker({
  connectionString: url,
  schema: timersSchema,
  concurrency: 1,
  pollIntervalMs: 100,
  tasks: { hang: () => new Promise<void>(() => undefined) },
  registry: { db, schema },
  log,
});
process.stdout.write('started\n');
