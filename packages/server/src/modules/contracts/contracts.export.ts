import {
  CONTRACT_STATUS_LABELS,
  clauseOf,
  withClauses,
  type ContractComplianceRow,
  type ContractQuery,
  type ContractView,
} from '@shegong/shared';
import { writeAudit } from '../../platform/audit/audit';
import type { ActorContext } from '../../platform/http/context';
import { reportWorkbook } from '../../platform/http/xlsx';
import type { ContractReads } from './contracts.reads';
import { contractScope, contractsRepository } from './contracts.repository';
import type { ContractDeps } from './contracts.service';

const yuan = (fen: number | undefined) => (fen == null ? null : fen / 100);
const findingsText = (c: ContractView) =>
  c.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => `[${clauseOf(f.ruleId)}] ${withClauses(f.message)}`)
    .join('\n');

/** The contracts the list's filter selects, as an audited .xlsx (newest signing first, like the list). */
export async function exportContracts(d: ContractDeps, reads: ContractReads, ctx: ActorContext, q: ContractQuery) {
  const rows = (await contractsRepository.allInScope(d.db, contractScope(ctx.actor.scope)))
    .filter((c) => !q.county || c.countyCode === q.county)
    .sort((a, b) => b.signedOn.localeCompare(a.signedOn) || a.id.localeCompare(b.id));
  const items = await reads.views(rows, ctx.actor);
  const buf = await reportWorkbook<ContractView>({
    name: '购买服务合同',
    title: '政府购买社会工作服务合同台账',
    scope: d.divisions.find(ctx.actor.divisionCode)?.name ?? '',
    filters: q.county ? `县（区）：${d.divisions.find(q.county)?.name ?? q.county}` : '',
    exportedAt: d.clock.now(),
    rows: items,
    columns: [
      { header: '县（区）', kind: 'text', width: 9, value: (c) => c.countyName },
      { header: '合同名称', kind: 'wraptext', width: 24, value: (c) => c.title },
      { header: '承接机构', kind: 'wraptext', width: 20, value: (c) => c.contractorName },
      { header: '服务站点', kind: 'wraptext', width: 24, value: (c) => c.stations.map((s) => s.name).join('\n') },
      { header: '签订日期', kind: 'date', value: (c) => c.signedOn },
      { header: '公告日期', kind: 'date', value: (c) => c.publishedOn },
      { header: '服务期起', kind: 'date', value: (c) => c.cycleStart },
      { header: '服务期止', kind: 'date', value: (c) => c.cycleEnd },
      { header: '当前年度', kind: 'number', width: 8, value: (c) => c.currentYearNo },
      {
        header: '本年度协议金额（元）',
        kind: 'money',
        value: (c) => yuan(c.agreements.find((a) => a.yearNo === c.currentYearNo)?.amountFen),
      },
      {
        header: '协议金额合计（元）',
        kind: 'money',
        value: (c) => yuan(c.agreements.reduce((n, a) => n + a.amountFen, 0)),
      },
      { header: '状态', kind: 'wraptext', width: 10, value: (c) => CONTRACT_STATUS_LABELS[c.status] },
      { header: '合规提示', kind: 'wraptext', width: 36, value: findingsText },
    ],
  });
  await writeAudit(d.db, ctx, {
    action: 'export',
    entityType: 'contract',
    summary: `导出合同台账（${items.length} 条）`,
    after: { filters: { county: q.county } },
  });
  return buf;
}

/** The compliance overview per unit with a total row. */
export function complianceWorkbook(rows: ContractComplianceRow[], scope: string, exportedAt: Date) {
  const sum = (k: keyof Omit<ContractComplianceRow, 'countyCode' | 'countyName'>) => rows.reduce((n, r) => n + r[k], 0);
  return reportWorkbook<ContractComplianceRow>({
    name: '合同合规',
    title: '政府购买服务合同合规情况',
    scope,
    filters: '',
    exportedAt,
    rows,
    total: {
      countyCode: '',
      countyName: '合计',
      contracts: sum('contracts'),
      lateSigning: sum('lateSigning'),
      unpublished: sum('unpublished'),
      endingSoon: sum('endingSoon'),
      stationsWithoutContract: sum('stationsWithoutContract'),
    },
    columns: [
      { header: '单位', kind: 'text', width: 12, value: (r) => r.countyName },
      { header: '合同数', kind: 'number', value: (r) => r.contracts },
      { header: '超期签订（通知书发出 30 日后）', kind: 'number', width: 16, value: (r) => r.lateSigning },
      { header: '合同或协议未公告', kind: 'number', width: 14, value: (r) => r.unpublished },
      { header: '60 日内到期或终止', kind: 'number', width: 14, value: (r) => r.endingSoon },
      { header: '无有效合同的已建成站点', kind: 'number', width: 16, value: (r) => r.stationsWithoutContract },
    ],
  });
}
