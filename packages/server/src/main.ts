import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { openWithRetry } from './db/open-with-retry';
import { bootstrapAdmin } from './modules/auth';
import { loadReferenceData } from './modules/divisions';
import { fixedClock, systemClock } from './platform/clock';
import { loggerOptions } from './platform/http/logging';

// The process only: config → database → migrations → reference data → app → listen → graceful shutdown.
async function main() {
  const config = loadConfig();
  const log = pino(loggerOptions(config.logLevel));
  const clock = config.today ? fixedClock(config.today) : systemClock;
  if (config.today)
    log.warn(
      { today: config.today },
      'SHEGONG_TODAY is set: the server treats that date as today (training/demo only)',
    );
  mkdirSync(config.dataDir, { recursive: true });
  const database = await openWithRetry(
    () => openDatabase({ url: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') }),
    log,
  );
  log.info({ driver: database.driver }, 'database ready, migrations applied');
  await loadReferenceData(database.db, log);
  await bootstrapAdmin({ db: database.db, log, password: config.adminPassword, clock });
  const app = await buildApp({
    db: database.db,
    dataDir: config.dataDir,
    webDist: config.webDist,
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    clock,
    logger: loggerOptions(config.logLevel),
  });
  await app.listen({ port: config.port, host: config.host });
  log.info(`社工站综合管理平台 listening on http://localhost:${config.port}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: Error) => {
  // A clear line for the operator, not a stack: configuration problems are already worded for people.
  console.error(`社工站综合管理平台未能启动：${err.message}`);
  process.exit(1);
});
