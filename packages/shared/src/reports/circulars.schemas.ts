import { z } from 'zod';
import { REPORT_KINDS } from './report-enums';

// Completeness and timeliness (R-REP-3, as DHIS2 counts them) and the city's 通报 (R-REP-4 六（七）): units and
// organisations are compared; people never are (UX.md, no formalism).

export const timelinessQuerySchema = z.strictObject({
  /** A year (`2026`) or a period key; the reports whose periods fall in it. Default: this year. */
  period: z
    .string()
    .regex(/^(19|20)\d{2}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/, '应为 2026、2026-11、2026-Q3 或 2026-H1 格式的期间')
    .optional(),
  kind: z.enum(REPORT_KINDS, '报告类型不正确').optional(),
});
export type TimelinessQuery = z.infer<typeof timelinessQuerySchema>;

const timelinessFigures = {
  /** Reports due by today in the period. */
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  /** Due and not submitted. */
  missing: z.number().int(),
  completeness: z.number().nullable(),
  timeliness: z.number().nullable(),
};
export const timelinessSchema = z.object({
  period: z.string(),
  /** The period's first and last day: the reports whose periods begin inside it are counted. */
  from: z.string(),
  to: z.string(),
  byUnit: z.array(z.object({ code: z.string(), name: z.string(), ...timelinessFigures })),
  byOrganisation: z.array(z.object({ id: z.string(), name: z.string(), ...timelinessFigures })),
  /** By the month the reports' periods begin (`YYYY-MM`, as `/reports?period=` filters), for the trend. */
  byMonth: z.array(z.object({ month: z.string(), ...timelinessFigures })),
  total: z.object(timelinessFigures),
});
export type Timeliness = z.infer<typeof timelinessSchema>;

/** What the 通报 ranks units on. */
export const CIRCULAR_MEASURES = [
  'plan',
  'reports',
  'staffing',
  'qualified',
  'services',
  'visits',
  'evaluations',
] as const;
export type CircularMeasure = (typeof CIRCULAR_MEASURES)[number];
export const CIRCULAR_MEASURE_LABELS: Record<CircularMeasure, string> = {
  plan: '建设进度（已建/计划）',
  reports: '报告按时率',
  staffing: '配齐两名驻站社工的站点比例',
  qualified: '具备专业资质的社工比例',
  services: '站均服务记录数',
  visits: '走访完成率',
  evaluations: '年度评估合格率（期间内得出结果的年度协议中合格的比例）',
};

export const circularQuerySchema = z.strictObject({
  period: z
    .string()
    .regex(/^(19|20)\d{2}(-(Q[1-4]|H[12]))?$/, '应为 2026、2026-Q3 或 2026-H1 格式的期间')
    .optional(),
});
export type CircularQuery = z.infer<typeof circularQuerySchema>;

export const circularSchema = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  /** How many units the ranks are among (the city's); a county reads only its own row. */
  unitCount: z.number().int(),
  rows: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      /** Each measure's value (a percentage, or records per station) and the unit's rank on it (1 = best). */
      values: z.record(z.enum(CIRCULAR_MEASURES), z.number().nullable()),
      ranks: z.record(z.enum(CIRCULAR_MEASURES), z.number().int().nullable()),
      /** What each value is made of: built / planned, on time / expected, records / operating stations … */
      counts: z.record(z.enum(CIRCULAR_MEASURES), z.object({ part: z.number().int(), whole: z.number().int() })),
      /** The mean of the unit's ranks, ascending: the overall order. */
      overallRank: z.number().int(),
      commended: z.boolean(),
      commendationNote: z.string().nullable(),
    }),
  ),
  abilities: z.object({ commend: z.boolean() }),
});
export type Circular = z.infer<typeof circularSchema>;

/** `PUT /circulars/commendations`: the city marks units for commendation (二（一）), with a note. */
export const commendationSchema = z.strictObject({
  period: z.string().regex(/^(19|20)\d{2}(-(Q[1-4]|H[12]))?$/, '应为 2026、2026-Q3 或 2026-H1 格式的期间'),
  unit: z.string().regex(/^\d{12}$/, '应为 12 位区划代码'),
  commended: z.boolean(),
  note: z.string().trim().max(500, '表彰说明不超过 500 字').default(''),
});

const QUARTER_NAMES = ['一', '二', '三', '四'];
const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The days a 通报 or timeliness period key covers and how it reads: `2026` (a year), `2026-11`, `2026-Q3`, `2026-H1`.
 * The key is already valid by the query schemas' pattern.
 */
export function circularPeriod(key: string): { from: string; to: string; label: string } {
  const y = Number(key.slice(0, 4));
  const span = (m1: number, m2: number) => ({
    from: `${y}-${pad2(m1)}-01`,
    to: `${y}-${pad2(m2)}-${lastDayOf(y, m2)}`,
  });
  const rest = key.slice(5);
  if (!rest) return { ...span(1, 12), label: `${y}年` };
  if (rest.startsWith('Q')) {
    const q = Number(rest.slice(1));
    return { ...span(q * 3 - 2, q * 3), label: `${y}年第${QUARTER_NAMES[q - 1]}季度` };
  }
  if (rest.startsWith('H')) {
    const h = Number(rest.slice(1));
    return { ...(h === 1 ? span(1, 6) : span(7, 12)), label: `${y}年${h === 1 ? '上' : '下'}半年` };
  }
  const m = Number(rest);
  return { ...span(m, m), label: `${y}年${m}月` };
}
