import { defineConfig } from 'vitest/config';

function integration(driver: 'pglite' | 'pg') {
  return {
    test: {
      name: driver === 'pg' ? 'integration-pg' : 'integration',
      include: ['packages/server/src/**/*.int.test.ts'],
      env: { SHEGONG_TEST_DRIVER: driver },
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  };
}

// Three projects: pure unit tests, integration tests on the real app and database, browser journeys.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['packages/shared/src/**/*.test.ts', 'packages/server/src/**/*.unit.test.ts'] } },
      integration('pglite'),
      // The same suite on PostgreSQL when TEST_DATABASE_URL names a server (CI sets it).
      ...(process.env.TEST_DATABASE_URL ? [integration('pg')] : []),
      { test: { name: 'e2e', include: ['packages/e2e/src/**/*.e2e.test.ts'], testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
