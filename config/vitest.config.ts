import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The fault suite (`npm run test:faults`, test/faults/run.ts sets TVET_FAULTS=1): real processes
 * stopped, frozen and killed, minutes long, so neither `npm test` nor CI runs it.
 */
const faults = process.env.TVET_FAULTS === '1';

export default defineConfig({
  root,
  test: {
    // Tests that make their own kafkajs clients get the Node 24 timer fix too (no TimeoutNegativeWarning).
    setupFiles: ['src/platform/messaging/kafkajs-timeouts.ts'],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'text'],
      // The regulation core must be exact: every deadline reported to monitoring comes from it.
      thresholds: {
        'src/core/application/**': { lines: 95 },
        'src/core/calendar/**': { lines: 95 },
        'src/core/deadlines/**': { lines: 95 },
        'src/core/identity-numbers/**': { lines: 95 },
        'src/core/checks/**': { lines: 95 },
      },
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        // Processes and topics: whole lifecycles on an accelerated clock that each file pins itself
        // (a March 2027 with holidays on the way), so `npm test` runs them and `test:dates` does not.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      ...(faults
        ? [
            {
              extends: true as const,
              test: {
                name: 'faults',
                include: ['test/faults/**/*.test.ts'],
                globalSetup: ['test/support/global-setup.ts'],
                testTimeout: 900_000,
                hookTimeout: 300_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
