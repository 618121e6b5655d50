import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Only for .ci/check-exit-code: one deliberately failing fixture behind the same global setup as
 * the integration project of vitest.config.ts (that is where the services are started), so CI
 * proves a failing test still fails the run. Keep globalSetup and hookTimeout as there.
 */
export default defineConfig({
  root,
  test: {
    name: 'exit-code',
    include: ['test/fixtures/exit-code/*.fixture.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    hookTimeout: 300_000,
  },
});
