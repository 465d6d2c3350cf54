import type { StaffOverviewRow } from '@shegong/shared';
import type { Actor } from '../../platform/auth/actor';
import type { DivisionService } from '../divisions';
import type { StationLookup } from '../stations';
import type { WorkerService } from './workers.service';

/** Per unit: operating stations short of two resident workers, and workers qualified, at risk, overdue and filed. */
export async function staffOverview(
  actor: Actor,
  d: { divisions: DivisionService; stations: StationLookup; workers: WorkerService },
): Promise<StaffOverviewRow[]> {
  const units = d.divisions.list({ level: 'county' }).filter((u) => u.path.startsWith(actor.scope.path));
  const operating = await d.stations.inScope(actor.scope, ['operating']);
  const [residents, counted] = await Promise.all([
    d.workers.residentsToday(operating.map((s) => s.id)),
    d.workers.countedViews(actor),
  ]);
  const unitOf = (path: string) => units.find((u) => path.startsWith(u.path))?.code;
  return units.map((u) => {
    const mine = counted.filter((w) => unitOf(w.divisionPath) === u.code).map((w) => w.view);
    const st = operating.filter((s) => s.countyCode === u.code);
    return {
      countyCode: u.code,
      countyName: u.name,
      operatingStations: st.length,
      understaffedStations: st.filter((s) => (residents.get(s.id) ?? 0) < 2).length,
      workers: mine.length,
      qualified: mine.filter((w) => w.qualification.qualified).length,
      atRisk: mine.filter((w) => w.deadline.status === 'at_risk').length,
      overdue: mine.filter((w) => w.deadline.status === 'overdue').length,
      filed: mine.filter((w) => w.filingStatus === 'filed').length,
    };
  });
}
