import type { ContractComplianceRow } from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { writeAudit, type RequestContext } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { ExcelJS, titledSheet } from '../../platform/http/xlsx';
import type { DivisionService } from '../divisions';
import type { StationLookup } from '../stations';
import type { ContractLookup } from './contracts.lookup';
import type { ContractService } from './contracts.service';

/**
 * Contract compliance per unit for the city and counties: late signing (R-CON-1), unpublished contracts or
 * agreements (R-CON-3), agreements ending within 60 days and operating stations without a live contract (R-CON-2).
 */
export function createComplianceReport(d: {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  contracts: ContractService;
  stations: StationLookup;
  lookup: ContractLookup;
}) {
  return {
    byUnit: (actor: Actor) => complianceByUnit(d, actor),
    /** The overview as an audited .xlsx export. */
    async exportWorkbook(ctx: RequestContext & { actor: Actor }) {
      const rows = await complianceByUnit(d, ctx.actor);
      const buf = await complianceWorkbook(rows, d.divisions.find(ctx.actor.divisionCode)?.name ?? '', d.clock.now());
      await writeAudit(d.db, ctx, { action: 'export', entityType: 'contract', summary: '导出合同合规情况' });
      return buf;
    },
  };
}
export type ComplianceReport = ReturnType<typeof createComplianceReport>;

async function complianceByUnit(
  d: { divisions: DivisionService; contracts: ContractService; stations: StationLookup; lookup: ContractLookup },
  actor: Actor,
): Promise<ContractComplianceRow[]> {
  const units = d.divisions.list({ level: 'county' }).filter((u) => u.path.startsWith(actor.scope.path));
  const { items } = await d.contracts.list(actor, {});
  const built = await d.stations.inScope(actor.scope, ['operating', 'suspended']);
  const covered = await d.lookup.stationContracts(built.map((s) => s.id));
  return units.map((u) => {
    const mine = items.filter((c) => c.countyCode === u.code);
    const has = (c: (typeof mine)[number], rule: string, text?: string) =>
      c.findings.some((f) => f.ruleId === rule && (!text || f.message.includes(text)));
    return {
      countyCode: u.code,
      countyName: u.name,
      contracts: mine.length,
      lateSigning: mine.filter((c) => has(c, 'R-CON-1')).length,
      unpublished: mine.filter((c) => has(c, 'R-CON-3')).length,
      endingSoon: mine.filter((c) => has(c, 'R-CON-2', '到期') || has(c, 'R-CON-2', '结束')).length,
      stationsWithoutContract: built.filter((s) => s.countyCode === u.code && !covered.has(s.id)).length,
    };
  });
}

async function complianceWorkbook(rows: ContractComplianceRow[], scopeName: string, exportedAt: Date) {
  const wb = new ExcelJS.Workbook();
  const ws = titledSheet(
    wb,
    '合同合规',
    '政府购买服务合同合规情况',
    `范围：${scopeName}`,
    [
      '单位',
      '合同数',
      '超期签订（通知书发出 30 日后）',
      '合同或协议未公告',
      '60 日内到期或终止',
      '无有效合同的已建成站点',
    ],
    exportedAt,
  );
  for (const r of rows)
    ws.addRow([r.countyName, r.contracts, r.lateSigning, r.unpublished, r.endingSoon, r.stationsWithoutContract]);
  const sum = (k: keyof ContractComplianceRow) => rows.reduce((n, r) => n + (r[k] as number), 0);
  ws.addRow([
    '合计',
    sum('contracts'),
    sum('lateSigning'),
    sum('unpublished'),
    sum('endingSoon'),
    sum('stationsWithoutContract'),
  ]).font = { bold: true };
  return wb.xlsx.writeBuffer();
}
