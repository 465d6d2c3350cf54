import {
  CATEGORY_SHORT,
  GENDER_LABELS,
  RISK_LABELS,
  maskPhone,
  type BeneficiaryListItem,
  type BeneficiaryQuery,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import { can } from '../../platform/auth/actor';
import { stationInScope } from '../../platform/auth/scope';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { AppError } from '../../platform/http/errors';
import { reportWorkbook } from '../../platform/http/xlsx';
import type { DivisionService } from '../divisions';
import type { StationLookup } from '../stations';
import { seesPii } from './beneficiaries.policy';
import { beneficiariesRepository as repo } from './beneficiaries.repository';
import type { BeneficiaryService } from './beneficiaries.service';
import { listItem, policyFacts } from './beneficiaries.view';

/** An export holds every row the filters select, not a page; a ceiling keeps one request bounded. */
export const BENEFICIARY_EXPORT_MAX_ROWS = 20_000;

export type BeneficiaryExportQuery = Omit<BeneficiaryQuery, 'page' | 'pageSize'>;

type Row = BeneficiaryListItem & { phone: string };

/**
 * 服务对象名单 as the list shows it (R-SCOPE-2): the list's scope, filters and masking — names as initials for upper
 * levels, ID numbers and phones in clear only for the roles that see them on screen, a restricted record without its
 * details, health categories left out for a caller who may not see them — one audit event naming how many rows were in
 * clear, and the cut-off said in the filter line.
 */
export function createBeneficiaryExport(d: {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: StationLookup;
  beneficiaries: Pick<BeneficiaryService, 'listContext' | 'whereOf'>;
}) {
  return async function exportList(ctx: ActorContext, q: BeneficiaryExportQuery): Promise<Buffer> {
    const { actor } = ctx;
    if (!can(actor, 'beneficiaries:read')) throw new AppError('FORBIDDEN', '您的角色不能查看服务对象');
    const today = d.clock.today();
    const where = d.beneficiaries.whereOf(actor, q);
    const { items: rows, total } = await repo.page(d.db, where, { page: 1, pageSize: BENEFICIARY_EXPORT_MAX_ROWS });
    const lc = await d.beneficiaries.listContext(rows, q.asOf);
    let clear = 0;
    const items: Row[] = rows.map((r) => {
      const item = listItem(r, actor, lc);
      const inClear = seesPii(actor, policyFacts(r, lc), today);
      if (inClear) clear++;
      return { ...item, phone: item.restricted || !r.phone ? '' : inClear ? r.phone : maskPhone(r.phone) };
    });
    // A filter naming a station outside the scope must not reveal that station's name.
    const [station] = q.stationId ? await d.stations.summaries([q.stationId]) : [];
    const filters = [
      q.q && `搜索：${q.q}`,
      q.village && `村（社区）：${q.village}`,
      q.category && `类别：${CATEGORY_SHORT[q.category]}`,
      q.risk && `风险：${RISK_LABELS[q.risk]}`,
      q.countyCode && `县（区）：${d.divisions.find(q.countyCode)?.name ?? q.countyCode}`,
      q.stationId && `社工站：${station && stationInScope(actor.scope, station) ? station.name : '—'}`,
      q.workerId && '负责社工：已筛选',
      q.sensitive !== undefined && (q.sensitive ? '仅敏感记录' : '不含敏感记录'),
      q.noServiceDays && `${q.noServiceDays} 天内无服务`,
      `类别截至：${q.asOf ?? today}`,
      total > items.length && `共 ${total} 人，仅导出前 ${items.length} 人：请缩小筛选范围后分批导出`,
    ]
      .filter(Boolean)
      .join('，');
    const buf = await reportWorkbook<Row>({
      name: '服务对象名单',
      title: '社会工作服务站服务对象名单',
      scope: d.divisions.find(actor.divisionCode)?.name ?? '',
      filters,
      exportedAt: d.clock.now(),
      rows: items,
      columns: [
        { header: '县（区）', kind: 'text', width: 9, value: (r) => r.countyName },
        { header: '社工站', kind: 'wraptext', width: 20, value: (r) => r.stationName },
        { header: '姓名', kind: 'text', width: 8, value: (r) => r.name },
        { header: '性别', kind: 'text', width: 5, value: (r) => (r.gender ? GENDER_LABELS[r.gender] : '') },
        { header: '年龄', kind: 'number', width: 5, value: (r) => r.age },
        { header: '身份证号', kind: 'id', width: 20, value: (r) => r.idNumber ?? '' },
        { header: '联系电话', kind: 'id', width: 13, value: (r) => r.phone },
        { header: '村（社区）', kind: 'wraptext', width: 12, value: (r) => r.village },
        {
          header: '类别',
          kind: 'wraptext',
          width: 18,
          value: (r) => (r.restricted ? '（敏感记录，不显示）' : r.categories.map((c) => CATEGORY_SHORT[c]).join('、')),
        },
        { header: '风险', kind: 'text', width: 7, value: (r) => (r.riskLevel ? RISK_LABELS[r.riskLevel] : '') },
        { header: '负责社工', kind: 'text', width: 8, value: (r) => r.workerName ?? '' },
      ],
    });
    await writeAudit(d.db, ctx, {
      action: 'export',
      entityType: 'beneficiary',
      summary: `导出服务对象名单（${items.length} 人${clear ? `，其中 ${clear} 人身份证号、电话为明文` : ''}）`,
      after: { filters: q, rows: items.length, clear },
    });
    return buf;
  };
}
export type BeneficiaryExport = ReturnType<typeof createBeneficiaryExport>;
