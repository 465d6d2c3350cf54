import {
  checkPeriod,
  CATEGORY_LABELS,
  HEALTH_CATEGORIES,
  maskName,
  periodDetails,
  RISK_LABELS,
  CONSENT_KIND_LABELS,
  CONSENT_DECISION_LABELS,
  type BeneficiaryCategory,
  type DisabilityGrade,
  type DisabilityKind,
  type TekunForm,
  type ConsentInput,
  type RiskInput,
} from '@shegong/shared';
import type { z } from 'zod';
import type { categoryInputSchema } from '@shegong/shared';
import { writeAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/http/context';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import { canChange, isRestricted } from './beneficiaries.policy';
import type { BeneficiaryDeps, BeneficiaryReads } from './beneficiaries.reads';
import { beneficiariesRepository as repo } from './beneficiaries.repository';
import { categoryView, consentView, policyFacts, riskView } from './beneficiaries.view';

type CategoryInput = z.infer<typeof categoryInputSchema>;

/** The log names a health category only as such (its readers are administrators; R-SCOPE-2). */
const loggedCategory = (c: BeneficiaryCategory) => (HEALTH_CATEGORIES.includes(c) ? 'health' : c);
const loggedLabel = (c: BeneficiaryCategory) => (HEALTH_CATEGORIES.includes(c) ? '健康类别' : CATEGORY_LABELS[c]);

/**
 * A person's history: category periods (added, ended, never overwritten — R-SVC-1), risk assessments (R-SVC-5) and
 * consent records. Reading them follows the record's policy: a restricted record shows no history.
 */
export function createBeneficiaryHistory(d: BeneficiaryDeps & { reads: BeneficiaryReads }) {
  const { db, clock, reads } = d;

  /** The record, its facts, and whether the caller may see (and change) its history. */
  async function open(actor: Actor, id: string) {
    const row = await reads.load(actor, id);
    const lc = await reads.listContext([row]);
    const facts = policyFacts(row, lc);
    const today = clock.today();
    return { row, lc, restricted: isRestricted(actor, facts, today), change: canChange(actor, facts, today) };
  }
  async function forRead(actor: Actor, id: string) {
    const r = await open(actor, id);
    if (r.restricted)
      throw new AppError('FORBIDDEN', '该记录含未成年人或健康信息，仅负责社工、项目主管和县级民政可查看');
    return r;
  }
  async function forChange(actor: Actor, id: string) {
    const r = await open(actor, id);
    if (!r.change) throw new AppError('FORBIDDEN', '您不能修改该服务对象的记录');
    return r;
  }
  return {
    async categories(actor: Actor, id: string) {
      const { row, lc } = await forRead(actor, id);
      return { items: (lc.categories.get(row.id) ?? []).map((c) => categoryView(c, clock.today())) };
    },

    /**
     * R-SVC-1: a new period in a category, checked against the person's other periods of it. The person's row is
     * locked first, so two additions at once cannot both pass the overlap check (PostgreSQL runs them in parallel).
     */
    async addCategory(ctx: ActorContext, id: string, input: CategoryInput) {
      const { row } = await forChange(ctx.actor, id);
      const created = await db.transaction(async (tx) => {
        await repo.lockPerson(tx, row.id);
        const existing = await repo.categoriesOf(tx, [row.id]);
        const errors = checkPeriod(input, row, existing, clock.today());
        const first = Object.values(errors)[0];
        if (first)
          throw new AppError('VALIDATION_FAILED', `「${CATEGORY_LABELS[input.category]}」${first}`, {
            fieldErrors: errors,
          });
        const [c] = await repo.insertCategories(tx, [
          {
            beneficiaryId: row.id,
            category: input.category,
            ...periodDetails(input),
            startedOn: input.startedOn,
            endedOn: input.endedOn,
            source: input.source,
            createdBy: ctx.actor.userId,
            updatedBy: ctx.actor.userId,
          },
        ]);
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'beneficiary',
          entityId: row.id,
          divisionPath: row.divisionPath,
          summary: `服务对象 ${maskName(row.name)}：新增类别 ${loggedLabel(input.category)}（${input.startedOn} 起）`,
          after: { category: loggedCategory(input.category), startedOn: input.startedOn, endedOn: input.endedOn },
        });
        return c;
      });
      return categoryView(created, clock.today());
    },

    /** Ending a period (the person left the category): the end must not precede the start or reach another period. */
    async endCategory(ctx: ActorContext, id: string, categoryId: string, endedOn: string) {
      const { row, lc } = await forChange(ctx.actor, id);
      const all = lc.categories.get(row.id) ?? [];
      const period = all.find((c) => c.id === categoryId);
      if (!period) throw notFound('类别记录');
      if (period.endedOn) throw fieldError('endedOn', `该时段已于 ${period.endedOn} 结束`);
      // A future end would lock the period (it counts as ended): record the end when it comes.
      if (endedOn > clock.today()) throw fieldError('endedOn', '结束日期不能晚于今天：到期时再登记结束');
      const others = all
        .filter((c) => c.id !== categoryId)
        .map((c) => ({ ...c, category: c.category as BeneficiaryCategory }));
      const errors = checkPeriod(
        {
          category: period.category as BeneficiaryCategory,
          tekunForm: period.tekunForm as TekunForm | null,
          disabilityKind: period.disabilityKind as DisabilityKind | null,
          disabilityGrade: period.disabilityGrade as DisabilityGrade | null,
          startedOn: period.startedOn,
          endedOn,
        },
        row,
        others,
        clock.today(),
      );
      const rule = errors.endedOn ?? errors.startedOn;
      if (rule) throw fieldError('endedOn', rule);
      const updated = await db.transaction(async (tx) => {
        const u = await repo.endCategory(tx, categoryId, period.version, endedOn, ctx.actor.userId, clock.now());
        if (!u) throw new AppError('VERSION_CONFLICT', '该类别记录已被他人修改，请刷新后再操作');
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'beneficiary',
          entityId: row.id,
          divisionPath: row.divisionPath,
          summary: `服务对象 ${maskName(row.name)}：${loggedLabel(period.category)}于 ${endedOn} 结束`,
          before: { endedOn: null },
          after: { endedOn },
        });
        return u;
      });
      return categoryView(updated, clock.today());
    },

    async risks(actor: Actor, id: string) {
      const { row } = await forRead(actor, id);
      const rows = await repo.risksOf(db, row.id);
      const names = await d.users.displayNames(rows.map((r) => r.createdBy).filter((u): u is string => !!u));
      return { items: rows.map((r) => riskView(r, names)) };
    },

    /** R-SVC-5: a risk grade with its reason and date; the latest becomes the person's grade. */
    async assessRisk(ctx: ActorContext, id: string, input: RiskInput) {
      const { row } = await forChange(ctx.actor, id);
      if (input.assessedOn > clock.today()) throw fieldError('assessedOn', '评估日期不能晚于今天');
      const created = await db.transaction(async (tx) => {
        const r = await repo.insertRisk(tx, { beneficiaryId: row.id, ...input, createdBy: ctx.actor.userId });
        const [latest] = await repo.risksOf(tx, row.id);
        await repo.setRisk(tx, row.id, latest.level, input.assessedOn);
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'beneficiary',
          entityId: row.id,
          divisionPath: row.divisionPath,
          summary: `服务对象 ${maskName(row.name)}：风险评估 ${RISK_LABELS[input.level]}（${input.assessedOn}）`,
          // The reason may describe health or abuse: it stays on the record, not in the log.
          after: { level: input.level, assessedOn: input.assessedOn },
        });
        return r;
      });
      return riskView(created, new Map([[ctx.actor.userId, ctx.actor.displayName]]));
    },

    async consents(actor: Actor, id: string) {
      const { row } = await forRead(actor, id);
      const rows = await repo.consentsOf(db, row.id);
      const names = await d.users.displayNames(rows.map((r) => r.createdBy).filter((u): u is string => !!u));
      return { items: rows.map((c) => consentView(c, names)) };
    },

    /** A consent given, refused or withdrawn, with its scope and date; records are added, never edited. */
    async recordConsent(ctx: ActorContext, id: string, input: ConsentInput) {
      const { row } = await forChange(ctx.actor, id);
      if (input.recordedOn > clock.today()) throw fieldError('recordedOn', '记录日期不能晚于今天');
      const created = await db.transaction(async (tx) => {
        const c = await repo.insertConsent(tx, { beneficiaryId: row.id, ...input, createdBy: ctx.actor.userId });
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'beneficiary',
          entityId: row.id,
          divisionPath: row.divisionPath,
          summary: `服务对象 ${maskName(row.name)}：${CONSENT_KIND_LABELS[input.kind]} ${CONSENT_DECISION_LABELS[input.decision]}（${input.recordedOn}）`,
          after: { kind: input.kind, decision: input.decision, givenBy: input.givenBy, recordedOn: input.recordedOn },
        });
        return c;
      });
      return consentView(created, new Map([[ctx.actor.userId, ctx.actor.displayName]]));
    },
  };
}
