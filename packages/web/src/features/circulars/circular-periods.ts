import dayjs from 'dayjs';
import { circularPeriod } from '@shegong/shared';

// The platform's first stations were built in 2021 (附件1): periods start there.
const FIRST_YEAR = 2021;

/**
 * The periods one may pick, newest first, up to the server's year (its Clock, not the browser's): a year, its halves
 * and quarters, and for 完成及时率 its months too. Labels as people write them (2026年第三季度).
 */
export function periodOptions(shownYear: number, withMonths: boolean) {
  // Up to this year whichever period is shown (picking 2024 must not hide 2025), and only periods that have begun
  // (the server refuses the others). The browser's date only bounds a list; the server judges every period.
  const today = dayjs().format('YYYY-MM-DD');
  const lastYear = Math.max(shownYear || 0, Number(today.slice(0, 4)));
  const out: { value: string; label: string }[] = [];
  for (let y = lastYear; y >= FIRST_YEAR; y--) {
    const keys = [String(y), `${y}-H2`, `${y}-H1`, `${y}-Q4`, `${y}-Q3`, `${y}-Q2`, `${y}-Q1`];
    if (withMonths) for (let m = 12; m >= 1; m--) keys.push(`${y}-${String(m).padStart(2, '0')}`);
    for (const k of keys.filter((k) => circularPeriod(k).from <= today))
      out.push({ value: k, label: k.length === 4 ? `${y}年（全年）` : circularPeriod(k).label });
  }
  return out;
}

/** `2026年第三季度（2026-07-01 至 2026-09-30）`. */
export const periodWords = (p: { period: string; from: string; to: string }) =>
  `${circularPeriod(p.period).label}（${p.from} 至 ${p.to}）`;
