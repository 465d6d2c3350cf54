/**
 * Load helpers for the benchmarks: concurrent HTTP clients on their own thread (so that the clients' work does not
 * run on the server's event loop), the same concurrency for direct calls, percentiles, and a /api/health poller.
 */
import { Worker } from 'node:worker_threads';

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
  /** Requests per second over the run's wall time. */
  rps: number;
  /** Answers other than 200 (should be none). */
  errors: number;
}

export function stats(latencies: number[], wallMs: number, errors = 0): Stats {
  const s = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return {
    n: s.length,
    p50: at(0.5),
    p95: at(0.95),
    max: s[s.length - 1] ?? 0,
    rps: (s.length / wallMs) * 1000,
    errors,
  };
}

const CLIENTS = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, headers, urls, concurrency, warmup } = workerData;
(async () => {
  const one = async (u) => { const t = performance.now(); const r = await fetch(base + u, { headers }); await r.arrayBuffer(); return [performance.now() - t, r.status]; };
  for (const u of urls.slice(0, warmup)) await one(u);
  const lat = []; let errors = 0; let next = 0; let firstError = null;
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < urls.length) { const u = urls[next++]; const [ms, status] = await one(u); lat.push(ms); if (status !== 200) { errors++; firstError ??= status + ' ' + u; } }
  }));
  parentPort.postMessage({ lat, wall: performance.now() - start, errors, firstError });
})();`;

/** GETs every url (after `warmup` of them, unmeasured) with `concurrency` requests in flight, from a worker thread. */
export function httpLoad(base: string, headers: Record<string, string>, urls: string[], concurrency: number) {
  return new Promise<Stats & { firstError: string | null }>((resolve, reject) => {
    const w = new Worker(CLIENTS, { eval: true, workerData: { base, headers, urls, concurrency, warmup: 10 } });
    w.once('error', reject);
    w.once('message', (m: { lat: number[]; wall: number; errors: number; firstError: string | null }) => {
      void w.terminate();
      resolve({ ...stats(m.lat, m.wall, m.errors), firstError: m.firstError });
    });
  });
}

/** Runs `fn` for every item with `concurrency` calls in flight (after 10 unmeasured), in this thread. */
export async function directLoad<T>(items: T[], concurrency: number, fn: (item: T) => Promise<unknown>) {
  for (const it of items.slice(0, 10)) await fn(it);
  const lat: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const it = items[next++];
        const t = performance.now();
        await fn(it);
        lat.push(performance.now() - t);
      }
    }),
  );
  return stats(lat, performance.now() - start);
}

const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
let on = true; const lat = [];
parentPort.on('message', () => { on = false; });
(async () => {
  let n = 0;
  while (on) {
    const t = performance.now();
    await fetch(workerData.url).then((r) => r.text());
    if (n++) lat.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, workerData.every));
  }
  parentPort.postMessage(lat);
})();`;

/** Polls `url` every `every` ms on its own thread until the returned stop() answers the latencies' stats. */
export function pollHealth(url: string, every = 100) {
  const w = new Worker(POLLER, { eval: true, workerData: { url, every } });
  return async () => {
    const done = new Promise<number[]>((resolve) => w.once('message', resolve));
    w.postMessage('stop');
    const lat = await done;
    await w.terminate();
    return stats(lat, 1);
  };
}
