import type { StaffOverviewRow } from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { ContractLookup } from '../contracts';
import type { DivisionService } from '../divisions';
import type { StationLookup } from '../stations';
import { writeAudit } from '../../platform/audit/audit';
import type { ActorContext } from '../../platform/http/context';
import { staffOverviewWorkbook } from './staff-overview.export';
import { workerScope, workersRepository as repo } from './workers.repository';
import { firstPlacements, hoursByWorker } from './workers.view';

/**
 * Per unit: operating stations short of two resident workers, and workers qualified, at risk, overdue and filed.
 * A constant number of queries whatever the number of workers: the qualifying facts of every worker in scope (with
 * the path each is counted at), their hours and assignments, the contracts' first cycles, the stations and their
 * residents; qualification and deadlines come from the same rule (`standing` via `firstPlacements`) the views use.
 */
export function createStaffOverview(d: {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: StationLookup;
  contracts: ContractLookup;
}) {
  return {
    async perUnit(actor: Actor): Promise<StaffOverviewRow[]> {
      const today = d.clock.today();
      const units = d.divisions.countiesIn(actor.scope);
      const where = repo.where(workerScope(actor.scope, today), {}, today);
      const [operating, facts] = await Promise.all([
        d.stations.inScope(actor.scope, ['operating']),
        repo.qualificationFacts(d.db, where, today),
      ]);
      const [residents, { standingOf }] = await Promise.all([
        repo.residentsAt(
          d.db,
          operating.map((s) => s.id),
          today,
        ),
        firstPlacements(d.contracts, facts.assignments),
      ]);
      const hours = hoursByWorker(facts.hours);
      const unitOf = (path: string) => units.find((u) => path.startsWith(u.path))?.code;
      const rows = units.map((u) => ({
        countyCode: u.code,
        countyName: u.name,
        operatingStations: 0,
        understaffedStations: 0,
        workers: 0,
        qualified: 0,
        atRisk: 0,
        overdue: 0,
        filed: 0,
      }));
      const byCode = new Map(rows.map((r) => [r.countyCode, r]));
      for (const s of operating) {
        const r = byCode.get(s.countyCode);
        if (!r) continue;
        r.operatingStations++;
        if ((residents.get(s.id) ?? 0) < 2) r.understaffedStations++;
      }
      for (const w of facts.rows) {
        const r = byCode.get(unitOf(w.currentPath) ?? '');
        if (!r) continue;
        const { q, status } = standingOf(w, hours.get(w.id) ?? [], today);
        r.workers++;
        if (q.qualified) r.qualified++;
        if (status === 'at_risk') r.atRisk++;
        if (status === 'overdue') r.overdue++;
        if (w.filingStatus === 'filed') r.filed++;
      }
      return rows;
    },
    /** The overview as an audited .xlsx. */
    async exportWorkbook(ctx: ActorContext) {
      const rows = await this.perUnit(ctx.actor);
      const buf = await staffOverviewWorkbook(
        rows,
        d.divisions.find(ctx.actor.divisionCode)?.name ?? '',
        d.clock.now(),
      );
      await writeAudit(d.db, ctx, { action: 'export', entityType: 'worker', summary: '导出队伍概况' });
      return buf;
    },
  };
}
export type StaffOverview = ReturnType<typeof createStaffOverview>;
