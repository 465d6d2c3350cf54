/**
 * R-EVAL-1: the city's spot check drawn at random, reproducibly. The pool is sorted by id, then shuffled by a PRNG
 * seeded from the recorded seed (FNV-1a → mulberry32), so the same seed and pool always give the same sample, and
 * anyone can draw it again to check.
 */
export function drawSample<T extends { id: string }>(pool: T[], size: number, seed: string): T[] {
  const sorted = [...pool].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const next = mulberry32(fnv1a(seed));
  // Fisher–Yates, stopped once the sample is drawn.
  const n = Math.min(size, sorted.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(next() * (sorted.length - i));
    [sorted[i], sorted[j]] = [sorted[j]!, sorted[i]!];
  }
  return sorted.slice(0, n);
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(a: number): () => number {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
