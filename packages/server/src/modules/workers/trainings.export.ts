import { ORGANISER_LEVEL_LABELS, type TrainingQuery, type TrainingView } from '@shegong/shared';
import type { Db } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { reportWorkbook } from '../../platform/http/xlsx';
import type { DivisionService } from '../divisions';
import { EXPORT_MAX_ROWS, cutShort } from './roster.export';
import type { TrainingService } from './trainings.service';

export interface TrainingExportDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  trainings: Pick<TrainingService, 'list'>;
}

const yesNo = (b: boolean) => (b ? '是' : '否');

/** 培训记录 as the trainings list shows them (same scope and filters), attendees with their hours. */
export async function exportTrainings(d: TrainingExportDeps, ctx: ActorContext, q: TrainingQuery) {
  const { items, total } = await d.trainings.list(ctx.actor, { ...q, page: 1, pageSize: EXPORT_MAX_ROWS });
  const worker = q.workerId ? items[0]?.attendees.find((a) => a.workerId === q.workerId)?.name : undefined;
  const filters = [q.workerId && `参训社工：${worker ?? '—'}`, q.pendingConfirm === 'true' && '待确认主办单位']
    .concat(cutShort(total, items.length))
    .filter(Boolean)
    .join('，');
  const buf = await reportWorkbook<TrainingView>({
    name: '培训记录',
    title: '社会工作者培训记录',
    scope: d.divisions.find(ctx.actor.divisionCode)?.name ?? '',
    filters,
    exportedAt: d.clock.now(),
    rows: items,
    columns: [
      { header: '培训名称', kind: 'wraptext', width: 24, value: (t) => t.title },
      { header: '主办单位', kind: 'wraptext', width: 18, value: (t) => t.organiser },
      { header: '主办层级', kind: 'text', width: 10, value: (t) => ORGANISER_LEVEL_LABELS[t.organiserLevel] },
      { header: '开始日期', kind: 'date', value: (t) => t.startOn },
      { header: '结束日期', kind: 'date', value: (t) => t.endOn },
      { header: '学时', kind: 'number', width: 6, value: (t) => t.hours },
      { header: '计入资质学时', kind: 'text', width: 8, value: (t) => yesNo(t.qualifying) },
      { header: '主办单位已确认', kind: 'text', width: 8, value: (t) => yesNo(t.organiserConfirmed) },
      { header: '参训人数', kind: 'number', width: 7, value: (t) => t.attendees.length },
      {
        header: '参训社工（学时）',
        kind: 'wraptext',
        width: 40,
        value: (t) => t.attendees.map((a) => `${a.name}（${a.hours}）`).join('、'),
      },
    ],
  });
  await writeAudit(d.db, ctx, {
    action: 'export',
    entityType: 'training',
    summary: `导出培训记录（${items.length} 条）`,
    after: { filters: { workerId: q.workerId, pendingConfirm: q.pendingConfirm } },
  });
  return buf;
}
