/**
 * Load helpers for the services benchmark: concurrent HTTP clients on their own thread that may POST (each request
 * with its own session and body), and a recorder of the SQL the server runs for each request (tagged per request by an
 * AsyncLocalStorage entered in an onRequest hook), so that the same statements can be run again directly.
 */
import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { stats, type Stats } from './bench-load';

export interface Req {
  method: 'GET' | 'POST';
  url: string;
  /** Index into the sessions passed to httpRequests. */
  session: number;
  body?: unknown;
  /** Tags the request so its SQL can be found again (sent as x-bench-tag). */
  tag?: string;
}
export interface Session {
  cookie: string;
  csrf: string;
}

/** Logs a bench user in through the API: the session cookie and CSRF token its requests carry. */
export async function loginAt(base: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('sg_session=')) ?? '').split(';')[0];
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

const CLIENTS = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, sessions, reqs, concurrency, warmup, maxMs } = workerData;
(async () => {
  const one = async (r) => {
    const s = sessions[r.session];
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    if (r.tag) headers['x-bench-tag'] = r.tag;
    if (r.body !== undefined) headers['content-type'] = 'application/json';
    const t = performance.now();
    const res = await fetch(base + r.url, { method: r.method, headers, body: r.body === undefined ? undefined : JSON.stringify(r.body) });
    const text = await res.text();
    return [performance.now() - t, res.status, text];
  };
  for (const r of reqs.slice(0, warmup)) await one(r);
  const lat = []; let errors = 0; let next = warmup; let firstError = null;
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < reqs.length && performance.now() - start < maxMs) {
      const r = reqs[next++];
      const [ms, status, text] = await one(r);
      lat.push(ms);
      if (status >= 300) { errors++; firstError ??= status + ' ' + r.url + ' ' + text.slice(0, 300); }
    }
  }));
  parentPort.postMessage({ lat, wall: performance.now() - start, errors, firstError });
})();`;

/**
 * Sends `reqs` (the first `warmup` unmeasured) with `concurrency` in flight, from a worker thread; no new request after
 * `maxMs` (a slow query is measured on fewer requests rather than for hours).
 */
export function httpRequests(
  base: string,
  sessions: Session[],
  reqs: Req[],
  concurrency: number,
  maxMs = Number(process.env.BENCH_SECONDS ?? 90) * 1000,
  warmup = 3,
) {
  return new Promise<Stats & { firstError: string | null }>((resolve, reject) => {
    const w = new Worker(CLIENTS, { eval: true, workerData: { base, sessions, reqs, concurrency, warmup, maxMs } });
    w.once('error', reject);
    w.once('message', (m: { lat: number[]; wall: number; errors: number; firstError: string | null }) => {
      void w.terminate();
      resolve({ ...stats(m.lat, m.wall, m.errors), firstError: m.firstError });
    });
  });
}

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * Records every statement the app's pg clients run while a request tagged `x-bench-tag` is handled, by tag. Install
 * before the app is built; `hook` is the onRequest hook to add to the app.
 */
export function sqlRecorder() {
  const als = new AsyncLocalStorage<string>();
  const byTag = new Map<string, Statement[]>();
  let on = false;
  const original = pg.Client.prototype.query;
  // A pooled query waiting for a free connection is sent from the callback pg-pool calls when another request releases
  // one — in that request's async context. Bound to the caller's context, each statement is recorded under its own
  // request (without this, under load some went to another request's tag or to none).
  const connect = pg.Pool.prototype.connect as (this: pg.Pool, cb?: (...a: unknown[]) => void) => unknown;
  pg.Pool.prototype.connect = function (this: pg.Pool, cb?: (...a: unknown[]) => void) {
    return cb ? connect.call(this, AsyncResource.bind(cb)) : connect.call(this);
  } as typeof pg.Pool.prototype.connect;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const tag = on ? als.getStore() : undefined;
    if (tag) {
      const [q, v] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
      const st = typeof q === 'string' ? { text: q, values: v ?? [] } : { text: q.text, values: q.values ?? v ?? [] };
      if (typeof st.text === 'string') byTag.set(tag, [...(byTag.get(tag) ?? []), st]);
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
  return {
    byTag,
    start: () => ((on = true), byTag.clear()),
    stop: () => (on = false),
    hook: (req: { headers: Record<string, unknown> }, _reply: unknown, done: () => void) => {
      const tag = req.headers['x-bench-tag'];
      if (typeof tag === 'string') als.enterWith(tag);
      done();
    },
  };
}

/** Statements that read what the request is about (the session, actor and audit bookkeeping left out). */
export const isWork = (s: Statement) =>
  !/\b(sessions|users|audit_events|worker_assignments)\b/.test(s.text) &&
  !/^\s*(begin|commit|rollback|set|savepoint|release)\b/i.test(s.text);

/**
 * A create's writes as the server ran them — its transaction (from its `begin` to its `commit`, in order, on one
 * connection), or its one statement when the record needs no transaction (`with "r" as (insert …`) — with the
 * record's id replaced by a new one so that it writes a new record.
 */
export function transactionOf(group: Statement[], oldId: string, newId: () => string): Statement[] {
  const begin = group.findIndex((s) => /^\s*begin/i.test(s.text));
  const commit = group.map((s) => /^\s*commit/i.test(s.text)).lastIndexOf(true);
  const single = group.filter((s) => /^\s*with "r" as \(insert into "service_records"/i.test(s.text));
  const writes = begin >= 0 && commit > begin ? group.slice(begin, commit + 1) : single;
  const id = newId();
  return writes.map((s) => ({ text: s.text, values: s.values.map((v) => (v === oldId ? id : v)) }));
}

/** The replay's pool: as the app's (its size BENCH_POOL, JIT off as the app's connections have it). */
const POOL = Number(process.env.BENCH_POOL ?? 10);

/** Runs each group's statements in order on one connection (a transaction), `concurrency` groups in flight. */
const maxMs = Number(process.env.BENCH_SECONDS ?? 90) * 1000;

export async function replaySerial(url: string, groups: Statement[][], concurrency: number) {
  const pool = new pg.Pool({ connectionString: url, max: POOL, options: '-c jit=off' });
  let failed = 0;
  try {
    const lat: number[] = [];
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < groups.length && performance.now() - start < maxMs) {
          const g = groups[next++];
          const t = performance.now();
          const c = await pool.connect();
          try {
            for (const s of g) await c.query(s.text, s.values);
          } catch {
            failed++;
            await c.query('rollback');
          } finally {
            c.release();
          }
          lat.push(performance.now() - t);
        }
      }),
    );
    return { ...stats(lat, performance.now() - start), errors: failed, slowest: [] as string[] };
  } finally {
    await pool.end();
  }
}

/** Runs each request's statements (all at once, as the service's Promise.all does) with `concurrency` requests in flight. */
export async function replay(url: string, groups: Statement[][], concurrency: number, parallel = true) {
  const pool = new pg.Pool({ connectionString: url, max: POOL, options: '-c jit=off' });
  let failed = 0;
  const cost = new Map<string, { n: number; ms: number }>();
  try {
    const run = async (g: Statement[]) => {
      // A statement the server itself failed on fails here too: counted, not fatal.
      const one = async (s: Statement) => {
        const t = performance.now();
        await pool.query(s.text, s.values).catch(() => void failed++);
        const key = s.text.replace(/\s+/g, ' ').slice(0, 160);
        const e = cost.get(key) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += performance.now() - t;
        cost.set(key, e);
      };
      if (parallel) await Promise.all(g.map(one));
      else for (const s of g) await one(s);
    };
    for (const g of groups.slice(0, 2)) await run(g);
    const lat: number[] = [];
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < groups.length && performance.now() - start < maxMs) {
          const g = groups[next++];
          const t = performance.now();
          await run(g);
          lat.push(performance.now() - t);
        }
      }),
    );
    const slowest = [...cost]
      .sort((a, b) => b[1].ms / b[1].n - a[1].ms / a[1].n)
      .slice(0, Number(process.env.BENCH_SLOWEST ?? 3))
      .map(([text, e]) => `${(e.ms / e.n).toFixed(1)} ms avg: ${text}`);
    return { ...stats(lat, performance.now() - start), errors: failed, slowest };
  } finally {
    await pool.end();
  }
}
