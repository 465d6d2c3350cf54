import {
  CONTRIBUTION_FIELDS,
  INSURANCE_ITEMS,
  maskCitizenId,
  missingMonths,
  type ContributionField,
  type InsuranceItem,
  type PayrollGrid,
  type PayrollQuery,
  type PayrollRowView,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { DivisionService } from '../divisions';
import type { OrganisationLookup } from '../organisations';
import type { StationLookup } from '../stations';
import { payrollRepository as repo, type PayrollRecordRow } from './payroll.repository';
import { workerScope, workersRepository } from './workers.repository';
import { seesWorkerPii } from './workers.policy';

export const INSURANCE_KEYS = Object.keys(INSURANCE_ITEMS) as InsuranceItem[];
const CONTRIBUTIONS: Record<ContributionField, 'insuranceBaseFen' | 'employerShareFen' | 'employeeShareFen'> = {
  insuranceBase: 'insuranceBaseFen',
  employerShare: 'employerShareFen',
  employeeShare: 'employeeShareFen',
};
export const monthEnd = (m: string) => {
  const days = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate();
  return `${m}-${String(days).padStart(2, '0')}`;
};
/** The month before `YYYY-MM`. */
export const prevMonth = (m: string) =>
  m.endsWith('-01')
    ? `${Number(m.slice(0, 4)) - 1}-12`
    : `${m.slice(0, 4)}-${String(Number(m.slice(5, 7)) - 1).padStart(2, '0')}`;
const backMonths = (m: string, n: number) => Array.from({ length: n }).reduce<string>((x) => prevMonth(x), m);

/**
 * R-STAFF-6: what a worker's month lacks: 工资 (amount and paid date), each 五险一金 item not paid, and — once any item
 * is paid — the 缴费基数 and the 单位/个人 shares, which are then required.
 */
export function missingOf(r: PayrollRecordRow | undefined): string[] {
  const ticked = INSURANCE_KEYS.filter((k) => r?.[k]);
  return [
    ...(!r?.salaryFen || !r?.paidOn ? ['工资'] : []),
    ...INSURANCE_KEYS.filter((k) => !r?.[k]).map((k) => INSURANCE_ITEMS[k]),
    ...(ticked.length
      ? (Object.keys(CONTRIBUTIONS) as ContributionField[])
          .filter((f) => r?.[CONTRIBUTIONS[f]] == null)
          .map((f) => CONTRIBUTION_FIELDS[f])
      : []),
  ];
}

const sum = (rows: PayrollRowView[], f: (r: PayrollRowView) => number | null) =>
  rows.reduce((t, r) => t + (f(r) ?? 0), 0);
export function totalsOf(items: PayrollRowView[]): PayrollGrid['totals'] {
  return {
    workers: items.length,
    paid: items.filter((r) => !!r.salaryFen && !!r.paidOn).length,
    salaryFen: sum(items, (r) => r.salaryFen),
    insuranceBaseFen: sum(items, (r) => r.insuranceBaseFen),
    employerShareFen: sum(items, (r) => r.employerShareFen),
    employeeShareFen: sum(items, (r) => r.employeeShareFen),
    missing: items.filter((r) => r.missing.length > 0).length,
  };
}

export interface PayrollGridDeps {
  db: Db;
  clock: Clock;
  stations: StationLookup;
  divisions: DivisionService;
  organisations: OrganisationLookup;
}

/** The month's grid (R-STAFF-6), narrowed by unit and organisation: six queries whatever the number of workers. */
export async function payrollGrid(d: PayrollGridDeps, actor: Actor, month: string, q: PayrollQuery = {}) {
  const today = d.clock.today();
  const unit = q.county ? d.divisions.require(q.county, 'county', 'county') : undefined;
  const staff = await repo.staffOf(d.db, workerScope(actor.scope, today), monthEnd(month), {
    today,
    unitPath: unit?.path,
    organisationId: q.organisationId,
  });
  if (staff.length === 0) return { items: [], totals: totalsOf([]) };
  const ids = staff.map((w) => w.id);
  const from = backMonths(month, 12);
  const [records, asg, orgNames] = await Promise.all([
    repo.records(d.db, ids, from, month),
    workersRepository.assignmentsOf(d.db, ids),
    d.organisations.names(staff.map((w) => w.organisationId)),
  ]);
  const during = asg.filter((a) => a.startOn <= monthEnd(month) && (a.endOn === null || a.endOn >= `${month}-01`));
  const names = new Map((await d.stations.summaries(during.map((a) => a.stationId))).map((s) => [s.id, s.name]));
  const clear = seesWorkerPii(actor);
  const unitName = (path: string) => d.divisions.unitOf(path.split('/').filter(Boolean).at(-1) ?? '')?.name ?? '';
  const items: PayrollRowView[] = staff.map((w) => {
    const mine = records.filter((r) => r.workerId === w.id);
    const r = mine.find((x) => x.month === month);
    const start = w.hireDate.slice(0, 7) > from ? w.hireDate.slice(0, 7) : from;
    const gaps =
      start <= prevMonth(month)
        ? missingMonths(start, prevMonth(month), new Set(mine.filter((x) => !missingOf(x).length).map((x) => x.month)))
        : [];
    return {
      workerId: w.id,
      name: w.name,
      idNumber: clear ? w.idNumber : maskCitizenId(w.idNumber),
      stationNames: during
        .filter((a) => a.workerId === w.id)
        .map((a) => names.get(a.stationId) ?? '')
        .join('、'),
      organisationName: orgNames.get(w.organisationId) ?? '',
      countyName: unitName(w.path),
      salaryFen: r?.salaryFen ?? null,
      paidOn: r?.paidOn ?? null,
      insuranceBaseFen: r?.insuranceBaseFen ?? null,
      employerShareFen: r?.employerShareFen ?? null,
      employeeShareFen: r?.employeeShareFen ?? null,
      insurance: Object.fromEntries(INSURANCE_KEYS.map((k) => [k, !!r?.[k]])) as Record<InsuranceItem, boolean>,
      missing: missingOf(r),
      gaps,
    };
  });
  return { items, totals: totalsOf(items) };
}
