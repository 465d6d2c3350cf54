import { z } from 'zod';
import { isoDate } from '../common';
import { BENEFICIARY_CATEGORIES } from '../beneficiaries/categories';
import { SERVICE_FORMS } from './service-enums';

// Service statistics (R-SVC-2…5, R-REP-3): figures for a station, an organisation, a division or the city over a
// period, read from the month rollups kept with every record (no nightly job). Units and stations may be compared;
// individual workers are never ranked (UX.md, no formalism).

/** What a statistics scope names. */
export const STATISTICS_SCOPE_KINDS = ['city', 'unit', 'township', 'organisation', 'station'] as const;
export type StatisticsScopeKind = (typeof STATISTICS_SCOPE_KINDS)[number];

/** The longest period one request covers, in months. */
export const MAX_STATISTICS_MONTHS = 60;

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为 YYYY-MM 格式的月份');

/**
 * `GET /statistics/services?scope=&from=&to=`: `scope` is a division code (city, unit, township) or the id of a
 * station or an organisation, always intersected with the caller's own scope; absent = the caller's whole scope.
 * `from`/`to` are months (`2026-01`) or dates, widened to whole months (the rollups are monthly); without either, the
 * year to date.
 */
export const statisticsQuerySchema = z.strictObject({
  scope: z
    .string()
    .trim()
    .regex(/^(\d{12}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, '应为区划代码、社工站或机构编号')
    .optional(),
  from: yearMonth.or(isoDate).optional(),
  to: yearMonth.or(isoDate).optional(),
});
export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;

const figures = {
  records: z.number().int(),
  /** Named people of each record summed (a person served twice counts twice). */
  personServices: z.number().int(),
  /** People counted without names (community activities, outreach). */
  headCount: z.number().int(),
  minutes: z.number().int(),
};

export const statisticsSchema = z.object({
  scope: z.object({ kind: z.enum(STATISTICS_SCOPE_KINDS), id: z.string(), name: z.string() }),
  /** The whole months covered. */
  from: z.string(),
  to: z.string(),
  totals: z.object({
    ...figures,
    /** Distinct named people served in the period. */
    peopleServed: z.number().int(),
  }),
  byDomain: z.array(z.object({ domainCode: z.number().int(), ...figures })),
  byItem: z.array(z.object({ code: z.string(), domainCode: z.number().int(), ...figures })),
  byForm: z.array(z.object({ form: z.enum(SERVICE_FORMS), ...figures })),
  byMonth: z.array(z.object({ month: z.string(), records: z.number().int(), personServices: z.number().int() })),
  /**
   * People served in the period by the categories they were in during it (a person in two categories counts in
   * both). Health categories only for those who may see them.
   */
  byCategory: z.array(z.object({ category: z.enum(BENEFICIARY_CATEGORIES), people: z.number().int() })),
  /** Visits by risk (R-SVC-5): see `VISIT_COMPLETION_DEFINITION`. */
  visits: z.object({ due: z.number().int(), done: z.number().int(), percent: z.number().nullable() }),
  cases: z.object({ opened: z.number().int(), active: z.number().int(), closed: z.number().int() }),
  alerts: z.object({
    raised: z.number().int(),
    handled: z.number().int(),
    /** Mean hours from raised to acknowledged, of those acknowledged in the period; null when none. */
    meanHoursToAcknowledge: z.number().nullable(),
  }),
  referrals: z.object({ submitted: z.number().int(), obtained: z.number().int(), amountFen: z.number().int() }),
  /** The figures by child unit (the city's units) or by station (below a unit); empty for one station. */
  breakdown: z.array(
    z.object({
      kind: z.enum(['unit', 'station']),
      id: z.string(),
      name: z.string(),
      ...figures,
      peopleServed: z.number().int(),
    }),
  ),
});
export type ServiceStatistics = z.infer<typeof statisticsSchema>;

/** The plain definition of visit completion, shown in the API and on the page. */
export const VISIT_COMPLETION_DEFINITION =
  '应访：有风险等级的服务对象中，按其等级的走访周期在统计期内应当走访的人数（统计期开始前最近一次入户走访加上走访周期不晚于统计期末；从未走访的，自首次风险评估之日起即应走访）。已访：其中在统计期内有入户走访记录的人数。';
