/**
 * Every statement one service-record create runs, in order (issue 11: a create's cost is mostly its round trips):
 *   BENCH_REUSE=shegong_bench_… npx tsx bench/create-statements.ts
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { systemClock } from '../packages/server/src/platform/clock';
import { PASSWORD } from './services-setup';
import { startOnBenchWorld } from './services-app';
import { loginAt } from './services-load';

const { database, setup, app, base } = await startOnBenchWorld();
const w = setup.writers[0];
const session = await loginAt(base, w.username, PASSWORD);
const seen: string[] = [];
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const q = args[0] as string | { text: string };
  seen.push((typeof q === 'string' ? q : q.text).replace(/\s+/g, ' ').slice(0, 150));
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;
for (const round of [1, 2]) {
  seen.length = 0;
  const res = await fetch(`${base}/api/v1/service-records`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify({
      id: randomUUID(),
      stationId: w.stationId,
      servedOn: systemClock.today(),
      durationMinutes: 30,
      form: 'home_visit',
      catalogueCode: '5.1',
      beneficiaryIds: [w.people[round]],
      summary: '入户走访，了解近期生活情况',
    }),
  });
  console.log(`create ${round}: ${res.status}, ${seen.length} statements`);
  if (round === 2) for (const s of seen) console.log(`  ${s}`);
}
await app.close();
await database.close();
