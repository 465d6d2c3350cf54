import { z } from 'zod';

/** Yuan as entered (number or text, at most two decimals, not negative); stored as integer fen. */
export const yuanSchema = z
  .union([z.number(), z.string()], '应为金额（元）')
  .refine((v) => /^\d{1,12}(\.\d{1,2})?$/.test(String(v).trim()), '应为不小于 0、最多两位小数的金额（元）')
  .transform((v) => yuanToFen(String(v)));

export function yuanToFen(yuan: string): number {
  const [int, dec = ''] = yuan.trim().split('.');
  return Number(int) * 100 + Number((dec + '00').slice(0, 2));
}

/** `¥1,234.50` (UX.md). */
export function formatFen(fen: number | null | undefined): string {
  if (fen == null) return '—';
  const yuan = Math.floor(Math.abs(fen) / 100).toLocaleString('en-US');
  return `${fen < 0 ? '-' : ''}¥${yuan}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
}
