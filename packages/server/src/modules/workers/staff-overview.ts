import { and, eq, isNull } from 'drizzle-orm';
import type { StaffOverviewRow } from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { scopeCondition } from '../../platform/auth/scope';
import type { DivisionService } from '../divisions';
import { stations } from '../stations';
import type { WorkerService } from './workers.service';

/** Per unit: operating stations short of two resident workers, and workers qualified, at risk, overdue and filed. */
export async function staffOverview(db: Db, actor: Actor, divisions: DivisionService, workerService: WorkerService): Promise<StaffOverviewRow[]> {
  const units = divisions.list({ level: 'county' }).filter((u) => u.path.startsWith(actor.scope.path));
  const operating = await db
    .select({ id: stations.id, countyCode: stations.countyCode })
    .from(stations)
    .where(and(scopeCondition(actor.scope, { divisionPath: stations.divisionPath, stationId: stations.id }), isNull(stations.archivedAt), eq(stations.status, 'operating')));
  const residents = await workerService.residentsToday(operating.map((s) => s.id));
  const { items } = await workerService.list(actor, {});
  const unitOf = (path: string) => units.find((u) => path.startsWith(u.path))?.code;
  const paths = new Map((await workerService.paths(items.map((w) => w.id))).map((p) => [p.id, p.divisionPath]));
  return units.map((u) => {
    const mine = items.filter((w) => unitOf(paths.get(w.id) ?? '') === u.code);
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
