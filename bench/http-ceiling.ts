/**
 * The HTTP stack's ceiling on the services benchmark's world (issue 11): 16 clients GET a trivial route as the 16 bench
 * social workers — `/api/health`, and `/api/v1/auth/me` (session, user and the worker's stations: what every logged-in
 * request pays) — so a route's own cost can be told from the stack's.
 *   BENCH_REUSE=shegong_bench_… npx tsx bench/http-ceiling.ts   # URLS=/a,/b to choose the routes
 */
import { PASSWORD } from './services-setup';
import { startOnBenchWorld } from './services-app';
import { httpRequests, loginAt, type Req } from './services-load';

const { database, setup, app, base } = await startOnBenchWorld();
const sessions = await Promise.all(setup.writers.map((w) => loginAt(base, w.username, PASSWORD)));
for (const url of (process.env.URLS ?? '/api/health,/api/v1/auth/me').split(',')) {
  const reqs: Req[] = Array.from({ length: 3000 }, (_, i) => ({ method: 'GET', url, session: i % sessions.length }));
  const s = await httpRequests(base, sessions, reqs, 16, 20_000);
  console.log(
    url,
    s.n,
    'req',
    s.rps.toFixed(0),
    '/s p50',
    s.p50.toFixed(1),
    'p95',
    s.p95.toFixed(1),
    'errors',
    s.errors,
  );
}
await app.close();
await database.close();
