import type { Db } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import type { DivisionService } from '../divisions';
import { stationScope, stationsRepository as repo } from './stations.repository';
import type { StationContractLookup, StationStaffLookup } from './stations.service';
import { stationView } from './stations.view';

/**
 * What the 工作台 needs of the stations in the caller's scope: those with a finding that is a breach (R-ST-1…4 and
 * the staffing and contract rules a station view checks), judged by the same view the station list shows, in three
 * queries whatever their number (the stations, their live contracts, their residents).
 */
export function createStationDesk(d: {
  db: Db;
  divisions: DivisionService;
  contractsOf: StationContractLookup;
  residentsOf: StationStaffLookup;
}) {
  return {
    async breaches(actor: Actor) {
      const rows = await repo.all(d.db, stationScope(actor.scope), {});
      const ids = rows.map((r) => r.id);
      const [contracts, residents] = await Promise.all([d.contractsOf(ids), d.residentsOf(ids)]);
      const failing = rows
        .map((r) => stationView(d.divisions, r, actor, contracts.get(r.id) ?? null, residents.get(r.id) ?? 0))
        .filter((s) => s.findings.some((f) => f.severity === 'error'));
      // The rule most of them break names the clause of the to-do.
      const rules = new Map<string, number>();
      for (const s of failing)
        for (const f of s.findings) if (f.severity === 'error') rules.set(f.ruleId, (rules.get(f.ruleId) ?? 0) + 1);
      return {
        count: failing.length,
        firstId: failing[0]?.id ?? null,
        // 城关镇 exists in five counties: a station is named with its county.
        names: failing.map((s) => `${s.name}（${s.countyName}）`),
        ruleId: [...rules].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'R-ST-1',
      };
    },
  };
}
export type StationDesk = ReturnType<typeof createStationDesk>;
