import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { loadReferenceData } from '../modules/divisions';
import { fixedClock, systemClock } from '../platform/clock';
import { buildDemo, DemoRefused } from './demo-build';

// npm run demo [-- --people 3000 --seed 1]: fills a fresh database (DATA_DIR's embedded one, or DATABASE_URL) with a
// believable Puyang and prints one login per role. Never part of `npm start`; refuses a database that holds data.

const USAGE = '用法：npm run demo [-- --people 3000] [--seed 20210701]';

async function main() {
  const { values } = parseArgs({
    options: { people: { type: 'string', default: '3000' }, seed: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const people = Number(values.people);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (!Number.isInteger(people) || people < 0 || people > 200_000 || (seed !== undefined && !Number.isInteger(seed))) {
    console.error(`参数有误：--people 应为 0–200000 的整数，--seed 应为整数。\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const clock = config.today ? fixedClock(config.today) : systemClock;
  mkdirSync(config.dataDir, { recursive: true });
  const where = config.databaseUrl ? 'DATABASE_URL 指定的 PostgreSQL 数据库' : path.join(config.dataDir, 'pglite');
  console.log(`演示数据：写入 ${where}（今天按 ${clock.today()} 计）`);
  const database = await openDatabase({ url: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
  const quiet = { info() {}, warn() {}, error() {}, debug() {} } as never;
  try {
    await loadReferenceData(database.db, quiet);
    const started = performance.now();
    const result = await buildDemo({
      db: database.db,
      dataDir: config.dataDir,
      clock,
      people,
      seed,
      log: (line) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} 秒] ${line}`),
    });
    const c = result.counts;
    console.log(
      `\n完成（${((performance.now() - started) / 1000).toFixed(0)} 秒）：社工站 ${c.stations} 个、社会组织 ${c.organisations} 家、` +
        `合同 ${c.contracts} 份（另有上一周期已结束的 ${c.endedContracts} 份）、社工 ${c.workers} 人、服务对象 ${c.people} 人。`,
    );
    console.log('\n演示账号（首次登录无需改密码）：');
    for (const l of result.logins)
      console.log(`  ${l.label.padEnd(12, '　')} ${l.username.padEnd(12)} 密码 ${l.password}   ${l.sees}`);
    console.log('  其他各县（区）民政账号为 demo.<区划代码前 6 位>（如 demo.410922 清丰县），密码相同。');
    // The same settings bring `npm start` to the same database (and the same "today", if it was pinned).
    const env = [
      config.databaseUrl ? 'DATABASE_URL=…' : '',
      process.env.DATA_DIR ? `DATA_DIR=${process.env.DATA_DIR}` : '',
      process.env.PORT ? `PORT=${config.port}` : '',
      config.today ? `SHEGONG_TODAY=${config.today}` : '',
    ].filter(Boolean);
    console.log(`\n启动：${[...env, 'npm start'].join(' ')}，然后打开 http://localhost:${config.port}`);
    return 0;
  } catch (err) {
    if (err instanceof DemoRefused) {
      console.error(`未生成演示数据：${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`演示数据生成失败：${err.message}`);
    process.exit(1);
  },
);
