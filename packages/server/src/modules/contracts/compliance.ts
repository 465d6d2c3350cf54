import type { ContractComplianceRow } from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { DivisionService } from '../divisions';
import type { StationLookup } from '../stations';
import { complianceWorkbook } from './contracts.export';
import { contractScope, contractsRepository } from './contracts.repository';
import { countByCode, findingsOf } from './contracts.view';
import type { ActorContext } from '../../platform/http/context';

/**
 * Contract compliance per unit for the city and counties: late signing (R-CON-1), unpublished contracts or
 * agreements (R-CON-3), agreements ending within 60 days and operating stations without a live contract (R-CON-2).
 * Built with a constant number of queries (contracts in scope, their parts, built stations, live coverage) and
 * counted by the findings' stable codes, so rewording a message changes no figure.
 */
export function createComplianceReport(d: {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: StationLookup;
}) {
  async function byUnit(actor: Actor): Promise<ContractComplianceRow[]> {
    const today = d.clock.today();
    const units = d.divisions.countiesIn(actor.scope);
    const rows = await contractsRepository.allInScope(d.db, contractScope(actor.scope));
    const [parts, built] = await Promise.all([
      contractsRepository.partsOf(
        d.db,
        rows.map((c) => c.id),
      ),
      d.stations.inScope(actor.scope, ['operating', 'suspended']),
    ]);
    const live = await contractsRepository.liveByStation(
      d.db,
      built.map((s) => s.id),
      today,
    );
    const covered = new Set(live.map((r) => r.stationId));
    const counts = countByCode(
      rows.map((c) => ({ countyCode: c.countyCode, findings: findingsOf(c, parts.get(c.id)!, today) })),
    );
    return units.map((u) => ({
      countyCode: u.code,
      countyName: u.name,
      ...(counts.get(u.code) ?? { contracts: 0, lateSigning: 0, unpublished: 0, endingSoon: 0 }),
      stationsWithoutContract: built.filter((s) => s.countyCode === u.code && !covered.has(s.id)).length,
    }));
  }
  return {
    byUnit,
    /** The overview as an audited .xlsx export. */
    async exportWorkbook(ctx: ActorContext) {
      const rows = await byUnit(ctx.actor);
      const buf = await complianceWorkbook(rows, d.divisions.find(ctx.actor.divisionCode)?.name ?? '', d.clock.now());
      await writeAudit(d.db, ctx, { action: 'export', entityType: 'contract', summary: '导出合同合规情况' });
      return buf;
    },
  };
}
export type ComplianceReport = ReturnType<typeof createComplianceReport>;
