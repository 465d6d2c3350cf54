import {
  EVALUATION_KIND_LABELS,
  EVALUATOR_PARTY_LABELS,
  SCORING_TYPE_LABELS,
  type EvaluationRoundView,
  type ScoredItem,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import { safeFileName } from '../../platform/documents/file-name';
import type { Clock } from '../../platform/clock';
import { shanghaiDate } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { reportWorkbook, type SheetColumn } from '../../platform/http/xlsx';
import { CITY_CODE, type DivisionService } from '../divisions';
import { roundDocument, roundTitle } from './rounds.document';
import { roundsRepository } from './rounds.repository';
import type { RoundService } from './rounds.service';

export interface RoundExportDeps {
  db: Db;
  clock: Clock;
  divisions: Pick<DivisionService, 'find'>;
  rounds: RoundService;
}

const COLUMNS: SheetColumn<ScoredItem | { total: number | null; points: number }>[] = [
  { header: '编号', kind: 'text', width: 8, value: (r) => ('key' in r ? r.key : '合计') },
  { header: '一级指标', kind: 'text', width: 12, value: (r) => ('key' in r ? r.dimension : '') },
  { header: '二级指标', kind: 'text', width: 16, value: (r) => ('key' in r ? r.group : '') },
  { header: '三级指标', kind: 'wraptext', width: 22, value: (r) => ('key' in r ? r.name : '') },
  { header: '分值', kind: 'number', width: 8, value: (r) => r.points },
  { header: '计分方式', kind: 'text', width: 10, value: (r) => ('key' in r ? SCORING_TYPE_LABELS[r.scoringType] : '') },
  { header: '评分主体', kind: 'text', width: 10, value: (r) => ('key' in r ? EVALUATOR_PARTY_LABELS[r.party] : '') },
  { header: '平台数据', kind: 'wraptext', width: 36, value: (r) => ('key' in r ? (r.figure?.text ?? '') : '') },
  { header: '建议分', kind: 'number', width: 8, value: (r) => ('key' in r ? r.suggested : null) },
  { header: '得分', kind: 'number', width: 8, value: (r) => ('key' in r ? r.score : r.total) },
  { header: '调整理由', kind: 'wraptext', width: 24, value: (r) => ('key' in r ? r.reason : '') },
  { header: '评分依据', kind: 'wraptext', width: 24, value: (r) => ('key' in r ? r.note : '') },
];

/**
 * R-EVAL-1 exports: a round as its evaluation report (Word, 公文 layout) and its scores (Excel), from the same view its
 * page shows (404 outside the reader's scope), each export audited once the file is made.
 */
export function createRoundExports(d: RoundExportDeps) {
  const cityBureau = () => `${d.divisions.find(CITY_CODE)?.name ?? ''}民政局`;
  const sender = (v: EvaluationRoundView) =>
    v.kind === 'spot_check' ? cityBureau() : v.kind === 'self_assessment' ? v.organisationName : `${v.unitName}民政局`;
  const audit = async (ctx: ActorContext, v: EvaluationRoundView, what: string) => {
    const r = await d.rounds.load(ctx.actor, v.id);
    await writeAudit(d.db, ctx, {
      action: 'export',
      entityType: 'evaluationRound',
      entityId: v.id,
      divisionPath: r.divisionPath,
      summary: `导出${what}：${roundTitle(v)}`,
    });
  };
  return {
    async document(ctx: ActorContext, id: string) {
      const view = await d.rounds.get(ctx.actor, id);
      // Rectification is between the bureau and the contractor: a third-party evaluator's copy leaves it out.
      const items = ctx.actor.role === 'evaluator' ? [] : await roundsRepository.rectificationsOf(d.db, id);
      const bytes = await roundDocument({
        view,
        items,
        sender: sender(view),
        addressee: view.kind === 'self_assessment' ? `${view.unitName}民政局` : view.organisationName,
        date: view.signedOffAt ? shanghaiDate(new Date(view.signedOffAt)) : d.clock.today(),
      });
      await audit(ctx, view, '评估报告（Word）');
      return { bytes, filename: safeFileName(roundTitle(view), 'docx') };
    },
    async workbook(ctx: ActorContext, id: string) {
      const v = await d.rounds.get(ctx.actor, id);
      const bytes = await reportWorkbook({
        name: '评分表',
        title: `${v.contractTitle}第${v.yearNo}年度${EVALUATION_KIND_LABELS[v.kind]}评分表`,
        scope: `${v.organisationName}（${v.unitName}）`,
        filters: `评估期间 ${v.periodStart} 至 ${v.periodEnd}；指标体系 ${v.setName}${
          v.status === 'signed_off' ? `；总分 ${v.total} 分，${v.grade}` : '；评估尚未签署'
        }`,
        exportedAt: d.clock.now(),
        columns: COLUMNS,
        rows: v.items,
        total: { total: v.total, points: v.totalPoints },
      });
      await audit(ctx, v, '评分表（Excel）');
      return { bytes, filename: safeFileName(`${roundTitle(v).replace(/报告$/, '')}评分表`, 'xlsx') };
    },
  };
}
export type RoundExports = ReturnType<typeof createRoundExports>;
