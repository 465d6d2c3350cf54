import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The integration suite on a driver; `today` moves the default test clock (tests that mean a particular date pin
 * their own): run years ahead, it catches a test or a rule that silently depends on the calendar.
 */
// Tests that touch neither the database nor the calendar (the workbook reader, a process start) run once.
// The print tests convert exports and documents in LibreOffice: once is enough.
const ONCE = [
  'packages/server/src/platform/http/xlsx-import.int.test.ts',
  'packages/server/src/main.int.test.ts',
  'packages/server/src/platform/http/exports-print.int.test.ts',
  'packages/server/src/modules/reports/reports-export.int.test.ts',
  'packages/server/src/modules/reports/circulars-print.int.test.ts',
  'packages/server/src/modules/evaluation/rounds-export.int.test.ts',
];

/**
 * Files whose every test app pins its own date (`createTestApp({ today: … })`): moving the default clock changes
 * nothing for them, so the run years ahead skips them (it exists for the tests that take the default date).
 */
function pinnedFiles(dir = 'packages/server/src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return pinnedFiles(p);
    if (!e.name.endsWith('.int.test.ts')) return [];
    const calls = readFileSync(p, 'utf8').match(/createTestApp\([^)]*\)/g) ?? [];
    return calls.length > 0 && calls.every((c) => /today\s*:/.test(c)) ? [p] : [];
  });
}

const AHEAD = '2031-06-30';

function integration(driver: 'pglite' | 'pg', today?: string) {
  const first = driver === 'pglite' && !today;
  return {
    test: {
      name: driver === 'pg' ? 'integration-pg' : today ? 'integration-ahead' : 'integration',
      include: ['packages/server/src/**/*.int.test.ts'],
      // On PostgreSQL every file runs (files that pin their own date run on their date); on PGlite years ahead, only
      // the files that take the default date.
      exclude: first ? [] : driver === 'pglite' ? [...ONCE, ...pinnedFiles()] : ONCE,
      env: { SHEGONG_TEST_DRIVER: driver, ...(today ? { SHEGONG_TEST_TODAY: today } : {}) },
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  };
}

// Three projects: pure unit tests, integration tests on the real app and database, browser journeys.
export default defineConfig({
  test: {
    // Two integration files at a time (Vitest's default on two cores is one): a file often waits on PostgreSQL, and
    // every file has its own database — the unit and integration suites took 489 s so against 643 s one at a time. The browser journeys stay one at a time, after them: two at once took as long
    // (each already runs a server and Chromium) and timed out under the load.
    maxWorkers: 2,
    projects: [
      {
        test: { name: 'unit', include: ['packages/shared/src/**/*.test.ts', 'packages/server/src/**/*.unit.test.ts'] },
      },
      integration('pglite'),
      // The same suite on PostgreSQL when TEST_DATABASE_URL names a server (CI sets it), with the clock years ahead:
      // one run checks both the second database and the calendar. Without a server, the years-ahead run is on PGlite.
      process.env.TEST_DATABASE_URL ? integration('pg', AHEAD) : integration('pglite', AHEAD),
      {
        test: {
          name: 'e2e',
          include: ['packages/e2e/src/**/*.e2e.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
