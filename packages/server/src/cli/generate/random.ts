// A small seeded random source: the generator's output depends on the seed alone, so a benchmark or a demo can be
// made again row for row.

/** Draws from a seeded stream (mulberry32). */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One key of a weighted table (weights need not add up to 1). */
  weighted<K extends string>(table: readonly (readonly [K, number])[]): K;
  /** A random (version 4 shaped) uuid from the stream: ids are known before the insert, so children can point at them. */
  uuid(): string;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function createRng(seed: number): Rng {
  let a = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const u32 = () => Math.floor(next() * 4294967296) >>> 0;
  const hex4 = (x: number) => HEX[(x >>> 8) & 255] + HEX[x & 255];
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    weighted(table) {
      let total = 0;
      for (const [, w] of table) total += w;
      let r = next() * total;
      for (const [k, w] of table) if ((r -= w) < 0) return k;
      return table[table.length - 1][0];
    },
    uuid() {
      const [a, b, c, d] = [u32(), u32(), u32(), u32()];
      const ver = (b & 0x0fff) | 0x4000;
      const vari = ((c >>> 16) & 0x3fff) | 0x8000;
      return `${hex4(a >>> 16)}${hex4(a)}-${hex4(b >>> 16)}-${hex4(ver)}-${hex4(vari)}-${hex4(c)}${hex4(d >>> 16)}${hex4(d)}`;
    },
  };
}

/** Adds days to an ISO date (UTC arithmetic on the calendar date, no clock involved). */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (ISO dates). */
export const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The date `years` after an ISO date (29 February becomes 1 March in a common year). */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return `${y}-03-01`;
  return `${y}-${md}`;
}
