import { addDays, daysBetween } from '../policy/contract-rules';
import type { ReportKind } from './report-enums';

// The reporting calendar (R-REP-1, R-REP-2): which reports are owed for which period, and when each is due. Pure
// functions of the contracts, the settings and the Clock's today, so the schedule exists by itself.

/** Due dates the city may change (GET|PUT /report-settings); these are the defaults. */
export interface ReportSettings {
  /** Day of the next month a station's monthly brief is due. */
  stationMonthlyDay: number;
  /** Day of the month after the quarter a station's quarterly brief is due. */
  stationQuarterlyDay: number;
  /** Days after the half / the end of an agreement year the mid-term / final report is due. */
  agreementReportDays: number;
  /** Day of the month after the quarter a county's quarterly report is due. */
  countyQuarterlyDay: number;
  /** `MM-DD` the city's first-half report is due (same year) and the second-half report (next year). */
  cityFirstHalfDue: string;
  citySecondHalfDue: string;
  /**
   * `YYYY-MM`: the month from which reports are owed on the platform (reports of earlier periods went on paper before
   * it was in use); null: from each contract's start.
   */
  startsOn: string | null;
}
export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  stationMonthlyDay: 5,
  stationQuarterlyDay: 10,
  agreementReportDays: 15,
  countyQuarterlyDay: 15,
  cityFirstHalfDue: '07-20',
  citySecondHalfDue: '01-20',
  startsOn: null,
};

/** One report owed: its kind, period and due date; the subject is filled in by whoever owes it. */
export interface ReportPeriod {
  kind: ReportKind;
  /** `2026-11`, `2026-Q3`, `2026-H1`, or `<agreement start>` for agreement-year reports. */
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** The last day of a month (1-based). */
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** A day of a month, clamped to the month's length (the 31st of February is its last day). */
const dayOf = (y: number, m: number, d: number) => iso(y, m, Math.min(d, lastDay(y, m)));
const nextMonth = (y: number, m: number): [number, number] => (m === 12 ? [y + 1, 1] : [y, m + 1]);

/** The months that overlap `[from, to]` and have begun by `today`: monthly briefs. */
export function monthlyPeriods(from: string, to: string, today: string, s: ReportSettings): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  let [y, m] = [+from.slice(0, 4), +from.slice(5, 7)];
  const last = (to < today ? to : today).slice(0, 7);
  while (`${y}-${pad(m)}` <= last) {
    const [ny, nm] = nextMonth(y, m);
    out.push({
      kind: 'station_monthly',
      periodKey: `${y}-${pad(m)}`,
      periodStart: iso(y, m, 1),
      periodEnd: iso(y, m, lastDay(y, m)),
      dueOn: dayOf(ny, nm, s.stationMonthlyDay),
    });
    [y, m] = [ny, nm];
  }
  return out;
}

/** The quarters that overlap `[from, to]` and have begun by `today`, for a station brief or a county report. */
export function quarterlyPeriods(
  kind: 'station_quarterly' | 'county_quarterly',
  from: string,
  to: string,
  today: string,
  s: ReportSettings,
): ReportPeriod[] {
  const day = kind === 'station_quarterly' ? s.stationQuarterlyDay : s.countyQuarterlyDay;
  const out: ReportPeriod[] = [];
  let [y, q] = [+from.slice(0, 4), Math.ceil(+from.slice(5, 7) / 3)];
  const last = to < today ? to : today;
  while (iso(y, q * 3 - 2, 1) <= last) {
    const [ny, nm] = nextMonth(y, q * 3);
    out.push({
      kind,
      periodKey: `${y}-Q${q}`,
      periodStart: iso(y, q * 3 - 2, 1),
      periodEnd: iso(y, q * 3, lastDay(y, q * 3)),
      dueOn: dayOf(ny, nm, day),
    });
    [y, q] = q === 4 ? [y + 1, 1] : [y, q + 1];
  }
  return out;
}

/** The half-years that overlap `[from, to]` and have begun by `today`: the city's reports to the province. */
export function halfYearPeriods(from: string, to: string, today: string, s: ReportSettings): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  let [y, h] = [+from.slice(0, 4), +from.slice(5, 7) <= 6 ? 1 : 2];
  const last = to < today ? to : today;
  while (iso(y, h === 1 ? 1 : 7, 1) <= last) {
    out.push({
      kind: 'city_half_year',
      periodKey: `${y}-H${h}`,
      periodStart: iso(y, h === 1 ? 1 : 7, 1),
      periodEnd: h === 1 ? iso(y, 6, 30) : iso(y, 12, 31),
      dueOn: h === 1 ? `${y}-${s.cityFirstHalfDue}` : `${y + 1}-${s.citySecondHalfDue}`,
    });
    [y, h] = h === 2 ? [y + 1, 1] : [y, 2];
  }
  return out;
}

/**
 * The last day of an agreement year's first half (six months, the day clamped to the month: 08-31 → 02-28, then the
 * day before), never after the year's end: what the mid-term report and the 中期评估 cover alike.
 */
export function agreementHalfEnd(periodStart: string, periodEnd: string): string {
  const [y, m, d] = [+periodStart.slice(0, 4), +periodStart.slice(5, 7), +periodStart.slice(8, 10)];
  const [hy, hm] = m + 6 > 12 ? [y + 1, m - 6] : [y, m + 6];
  const half = addDays(dayOf(hy, hm, d), -1);
  return half < periodEnd ? half : periodEnd;
}

/**
 * The mid-term and final report of one agreement year (一年一签) that has begun by `today`: the mid-term covers the
 * year's first half (six months), the final the whole year; each is due some days after its period ends.
 */
export function agreementPeriods(
  periodStart: string,
  periodEnd: string,
  today: string,
  s: ReportSettings,
): ReportPeriod[] {
  if (periodStart > today) return [];
  const midEnd = agreementHalfEnd(periodStart, periodEnd);
  return [
    {
      kind: 'agreement_midterm',
      periodKey: periodStart,
      periodStart,
      periodEnd: midEnd,
      dueOn: addDays(midEnd, s.agreementReportDays),
    },
    {
      kind: 'agreement_final',
      periodKey: periodStart,
      periodStart,
      periodEnd,
      dueOn: addDays(periodEnd, s.agreementReportDays),
    },
  ];
}

/**
 * Lateness (R-REP-3): a report is late when it was first submitted after its due date (the due date itself is in
 * time), or, not yet submitted, when today is after it. `daysLate` counts from the due date.
 */
export function lateness(
  dueOn: string,
  firstSubmittedOn: string | null,
  today: string,
): { late: boolean; daysLate: number } {
  const on = firstSubmittedOn ?? today;
  const days = daysBetween(dueOn, on);
  return { late: days > 0, daysLate: Math.max(0, days) };
}
