import { lateness, reportPeriodLabel, reportTitle, type ReportListItem } from '@shegong/shared';
import type { DivisionService } from '../divisions';
import type { OrganisationLookup } from '../organisations';
import type { StationLookup } from '../stations';
import type { ReportRow } from './reports.repository';

export interface NameDeps {
  divisions: DivisionService;
  stations: Pick<StationLookup, 'summaries'>;
  organisations: Pick<OrganisationLookup, 'names'>;
}

/** The names a page of reports shows, read in two batches whatever the page's length. */
export async function namesFor(d: NameDeps, rows: ReportRow[]) {
  const [stations, orgs] = await Promise.all([
    d.stations.summaries(rows.flatMap((r) => (r.stationId ? [r.stationId] : []))),
    d.organisations.names(rows.flatMap((r) => (r.organisationId ? [r.organisationId] : []))),
  ]);
  const station = new Map(stations.map((s) => [s.id, s.name]));
  return {
    organisation: (r: ReportRow) => (r.organisationId ? (orgs.get(r.organisationId) ?? '') : null),
    unit: (r: ReportRow) => d.divisions.find(r.unitCode)?.name ?? '',
    subject(r: ReportRow): string {
      if (r.stationId) return station.get(r.stationId) ?? '';
      if (r.contractId) return orgs.get(r.organisationId ?? '') ?? '';
      return d.divisions.find(r.unitCode)?.name ?? '';
    },
  };
}
export type ReportNames = Awaited<ReturnType<typeof namesFor>>;

const day = (v: string | null) => (v ? String(v).slice(0, 10) : null);

/** A report as a list shows it: what, whose, when due, and whether late and by how long (R-REP-3). */
export function listItem(r: ReportRow, names: ReportNames, today: string): ReportListItem {
  const period = {
    kind: r.kind,
    periodKey: r.periodKey,
    periodStart: day(r.periodStart)!,
    periodEnd: day(r.periodEnd)!,
    agreementYear: r.agreementYear,
  };
  const subjectName = names.subject(r);
  const { late, daysLate } = lateness(day(r.dueOn)!, day(r.firstSubmittedOn), today);
  return {
    id: r.id,
    kind: r.kind,
    title: reportTitle(period, subjectName),
    periodKey: r.periodKey,
    periodLabel: reportPeriodLabel(period),
    periodStart: period.periodStart,
    periodEnd: period.periodEnd,
    dueOn: day(r.dueOn)!,
    status: r.status,
    subjectName,
    unitCode: r.unitCode,
    unitName: names.unit(r),
    organisationId: r.organisationId,
    organisationName: names.organisation(r),
    stationId: r.stationId,
    firstSubmittedOn: day(r.firstSubmittedOn),
    acceptedOn: day(r.acceptedOn),
    late,
    daysLate,
    revision: r.revision,
  };
}
