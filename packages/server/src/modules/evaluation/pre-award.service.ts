import {
  preAwardPassed,
  type AttachmentView,
  type CreatePreAwardEvaluationInput,
  type PreAwardEvaluationQuery,
  type PreAwardEvaluationView,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import { can, type Actor } from '../../platform/auth/actor';
import { writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import type { OrganisationLookup } from '../organisations';
import type { ProcurementLookup } from '../purchasing';
import { evaluationLevel } from './rectifications.policy';
import { preAwardRepository as repo, preAwardScope, type PreAwardRow } from './pre-award.repository';

export interface PreAwardServiceDeps {
  db: Db;
  clock: Clock;
  procurements: ProcurementLookup;
  organisations: Pick<OrganisationLookup, 'get' | 'names'>;
  /** The agency's report files, by evaluation. */
  files(ids: string[]): Promise<Map<string, AttachmentView[]>>;
}

/** R-EVAL-1 (《实施方案》六（六）): the county that runs the procurement records its third-party pre-award evaluations. */
export const recordsPreAward = (actor: Actor): boolean =>
  evaluationLevel(actor) === 'county' && can(actor, 'evaluations:score');

const day = (v: string) => String(v).slice(0, 10);

/**
 * 立项评估 (R-EVAL-1): a third-party agency's evaluation of a candidate contractor for a procurement on 专业资质,
 * 内部管理 and 人才资源, recorded by the county before (or, late, after) the award. The award is not refused for want
 * of one: the plan asks for the evaluation, it does not make it a legal condition of the award; the procurement page
 * warns instead.
 */
export function createPreAwardService(d: PreAwardServiceDeps) {
  const { db, clock } = d;

  async function views(actor: Actor, rows: PreAwardRow[]): Promise<PreAwardEvaluationView[]> {
    const ids = rows.map((r) => r.id);
    const [names, files] = await Promise.all([d.organisations.names(rows.map((r) => r.organisationId)), d.files(ids)]);
    return rows.map((r) => ({
      id: r.id,
      procurementId: r.procurementId,
      organisationId: r.organisationId,
      organisationName: names.get(r.organisationId) ?? '',
      agency: r.agency,
      evaluatedOn: day(r.evaluatedOn),
      qualification: r.qualification,
      management: r.management,
      talent: r.talent,
      passed: r.passed,
      summary: r.summary,
      attachments: files.get(r.id) ?? [],
      createdAt: r.createdAt.toISOString(),
      abilities: { upload: recordsPreAward(actor) },
    }));
  }

  async function find(ctx: ActorContext, id: string): Promise<PreAwardRow> {
    const row = await repo.findInScope(db, preAwardScope(ctx.actor), id);
    if (!row) throw notFound('立项评估');
    return row;
  }

  return {
    async list(ctx: ActorContext, q: PreAwardEvaluationQuery) {
      return { items: await views(ctx.actor, await repo.list(db, preAwardScope(ctx.actor), q)) };
    },

    get: async (ctx: ActorContext, id: string) => (await views(ctx.actor, [await find(ctx, id)]))[0],

    /**
     * R-EVAL-1: allowed after the award too (a late evaluation is still a record worth keeping); the procurement
     * page shows that the awarded organisation had none passed before the award was made.
     */
    async create(ctx: ActorContext, input: CreatePreAwardEvaluationInput): Promise<PreAwardEvaluationView> {
      const p = await d.procurements.awardOf(ctx.actor.scope, input.procurementId);
      if (!p) throw notFound('采购项目');
      if (!recordsPreAward(ctx.actor)) throw new AppError('FORBIDDEN', '立项评估由组织采购的县（区）民政部门登记');
      const today = clock.today();
      if (input.evaluatedOn > today) throw fieldError('evaluatedOn', `不能晚于今天（${today}）`);
      const org = await d.organisations.get(input.organisationId);
      if (!org) throw fieldError('organisationId', '所选机构不存在，请重新选择');
      const duplicate = () => new AppError('DUPLICATE', `该机构在本采购项目已有立项评估（${org.name}），不能重复登记`);
      if (await repo.findPair(db, p.id, org.id)) throw duplicate();
      const aspects = { qualification: input.qualification, management: input.management, talent: input.talent };
      const passed = preAwardPassed(aspects);
      const by = ctx.actor.userId;
      const id = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, {
          procurementId: p.id,
          organisationId: org.id,
          countyCode: p.countyCode,
          divisionPath: p.divisionPath,
          agency: input.agency,
          evaluatedOn: input.evaluatedOn,
          ...aspects,
          passed,
          summary: input.summary,
          createdBy: by,
          updatedBy: by,
        });
        if (!row) throw duplicate();
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'preAwardEvaluation',
          entityId: row.id,
          divisionPath: row.divisionPath,
          summary: `登记立项评估（${input.agency}）：${org.name}${passed ? '通过' : '未通过'}`,
          after: { procurementId: p.id, organisationId: org.id, agency: input.agency, ...aspects, passed },
        });
        return row.id;
      });
      return (await views(ctx.actor, [await find(ctx, id)]))[0];
    },

    /** The evaluation whose report files are read (anyone who reads it) or added (the county that records them). */
    async forFiles(ctx: ActorContext, id: string, write: boolean) {
      const r = await find(ctx, id);
      if (write && !recordsPreAward(ctx.actor))
        throw new AppError('FORBIDDEN', '立项评估报告由组织采购的县（区）民政部门上传');
      return { id: r.id, divisionPath: r.divisionPath, summary: `立项评估报告（${r.agency}）` };
    },
  };
}
export type PreAwardService = ReturnType<typeof createPreAwardService>;
