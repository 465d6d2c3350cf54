import {
  EVALUATION_KIND_LABELS,
  gradeOf,
  passes,
  roundTotal,
  type SaveScoresInput,
  type ScoredItem,
} from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import type { ActorContext } from '../../platform/http/context';
import { AppError, fieldError } from '../../platform/http/errors';
import { indicatorSetsRepository, type IndicatorSetRow } from './indicator-sets.repository';
import { runsKind, thirdParty } from './rounds.policy';
import { roundsRepository as repo, type RoundRow } from './rounds.repository';
import type { RoundDeps, RoundService } from './rounds.service';
import { scoredItems } from './rounds.view';

const tenths = (n: number) => Math.round(n * 10);
/** An item whose score differs from what the platform measured needs the evaluator's reason (R-EVAL-2). */
const needsReason = (it: Pick<ScoredItem, 'score' | 'suggested' | 'reason'>) =>
  it.score !== null && it.suggested !== null && tenths(it.score) !== tenths(it.suggested) && !it.reason.trim();

/** R-EVAL-1, R-EVAL-2: scoring a round item by item, and its sign-off, which may decide the year (R-CON-2). */
export function createRoundScoring(d: RoundDeps, rounds: RoundService) {
  const { db, clock } = d;

  /** The round, if it is the actor's level's to score and still being scored; its set and the figures measured now. */
  async function open(ctx: ActorContext, id: string, step: 'score' | 'signOff') {
    const r = await rounds.load(ctx.actor, id);
    // An assigned third-party evaluator scores (六（六）); signing off stays with the bureau that runs the round.
    if (!runsKind(ctx.actor, r.kind) && !(step === 'score' && thirdParty(ctx.actor, r.kind)))
      throw new AppError('FORBIDDEN', `${EVALUATION_KIND_LABELS[r.kind]}由开展该评估的部门评分和签署`);
    if (r.status === 'signed_off') throw new AppError('EVALUATION_SIGNED_OFF', '该评估已签署，评分不能再修改');
    const set = (await indicatorSetsRepository.byId(db, r.setId))!;
    // Measured before any transaction: PGlite has one connection, and the figures read through the pool.
    const live = await rounds.measureNow(r);
    return { r, set, live };
  }

  /** Score rows for items; `all` keeps unscored, unmeasured ones too (a save that clears a score writes the null). */
  const frozen = (items: ScoredItem[], roundId: string, by: string, at: Date, all = false) =>
    items
      .filter((it) => all || it.score !== null || it.figure !== null)
      .map((it) => ({
        roundId,
        itemKey: it.key,
        score: it.score,
        suggested: it.suggested,
        figure: it.figure,
        reason: it.reason,
        note: it.note,
        updatedAt: at,
        updatedBy: by,
      }));

  return {
    /**
     * Evidence files (R-EVAL-1 “scoring per indicator with evidence”): added by whoever may score the round while it
     * is being scored; read by whoever reads the round.
     */
    async forFiles(ctx: ActorContext, id: string, write: boolean) {
      const r = await rounds.load(ctx.actor, id);
      if (write) {
        if (r.status === 'signed_off') throw new AppError('EVALUATION_SIGNED_OFF', '该评估已签署，不能再上传佐证材料');
        if (!runsKind(ctx.actor, r.kind) && !thirdParty(ctx.actor, r.kind))
          throw new AppError('FORBIDDEN', '由评分的人员上传佐证材料');
      }
      return {
        id: r.id,
        divisionPath: r.divisionPath,
        summary: `${EVALUATION_KIND_LABELS[r.kind]}佐证材料（第 ${r.yearNo} 年度）`,
      };
    },

    /** PUT …/scores: some items' scores (each within its points, a reason where it departs from the figure). */
    async save(ctx: ActorContext, id: string, input: SaveScoresInput) {
      const { r, set, live } = await open(ctx, id, 'score');
      if (r.version !== input.version) throw conflict();
      const current = new Map(scoredItems(set, await repo.scores(db, r.id), live).map((it) => [it.key, it]));
      const errors: Record<string, string> = {};
      const changed: ScoredItem[] = [];
      input.scores.forEach((s, i) => {
        const it = current.get(s.key);
        if (!it) return void (errors[`scores.${i}.key`] = `指标 ${s.key} 不在本评估的指标体系中`);
        if (s.score !== null && tenths(s.score) > tenths(it.points))
          return void (errors[`scores.${i}.score`] = `“${it.name}”得分不能超过本项分值 ${it.points} 分`);
        const next = { ...it, score: s.score, reason: s.reason, note: s.note };
        if (needsReason(next))
          errors[`scores.${i}.reason`] =
            `“${it.name}”得分与平台按数据计算的建议分 ${it.suggested} 分不同，请说明调整理由`;
        changed.push(next);
      });
      if (input.visitOn && input.visitOn > clock.today()) errors.visitOn = '实地评估日期不能晚于今天';
      if (Object.keys(errors).length) throw validation(errors);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await bump(tx, r, {
          updatedAt: now,
          updatedBy: ctx.actor.userId,
          ...(input.evaluators !== undefined ? { evaluators: input.evaluators } : {}),
          ...(input.visitOn !== undefined ? { visitOn: input.visitOn } : {}),
          ...(input.visitNotes !== undefined ? { visitNotes: input.visitNotes } : {}),
          ...(input.findings !== undefined ? { findings: input.findings } : {}),
        });
        await repo.upsertScores(tx, frozen(changed, r.id, ctx.actor.userId, now, true));
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'evaluationRound',
          entityId: r.id,
          divisionPath: r.divisionPath,
          summary: `${EVALUATION_KIND_LABELS[r.kind]}评分：${changed.map((c) => `${c.key} ${c.name} ${c.score ?? '未评'}`).join('；') || '更新评估记录'}`,
          before: Object.fromEntries(changed.map((c) => [c.key, current.get(c.key)!.score])),
          after: Object.fromEntries(changed.map((c) => [c.key, { score: c.score, reason: c.reason }])),
        });
      });
      return rounds.get(ctx.actor, id);
    },

    /**
     * POST …/sign-off: every item scored; the total, grade and pass are fixed and the figures frozen. When this
     * completes the agreement year's rounds (R-CON-2), the year's result is recorded on the contract in the same
     * transaction: passed lets the next agreement be signed, failed ends the contract with that year.
     */
    async signOff(ctx: ActorContext, id: string, version: number) {
      const { r, set, live } = await open(ctx, id, 'signOff');
      if (r.version !== version) throw conflict();
      const items = scoredItems(set, await repo.scores(db, r.id), live);
      const unscored = items.filter((it) => it.score === null);
      if (unscored.length)
        throw validation(
          {
            scores: `尚有 ${unscored.length} 项指标未评分：${unscored.map((it) => `${it.key} ${it.name}`).join('、')}`,
          },
          `尚有 ${unscored.length} 项指标未评分，全部评分后才能签署`,
        );
      const unexplained = items.filter(needsReason);
      if (unexplained.length)
        throw validation({
          scores: `以下指标得分与平台建议分不同且未说明理由：${unexplained.map((it) => it.name).join('、')}`,
        });
      const total = roundTotal(items.map((it) => it.score));
      const grade = gradeOf(total, set.bands);
      const passed = passes(total, set.passLine);
      const year = await rounds.yearOf(r);
      const now = clock.now();
      await db.transaction(async (tx) => {
        // The year's rounds locked first: two sign-offs at once are decided one after the other, so the second sees
        // the first signed and the year's result is recorded by whichever completes it (R-CON-2).
        await repo.lockYear(tx, r.contractId, r.yearNo);
        await bump(tx, r, {
          status: 'signed_off',
          total,
          grade,
          passed,
          signedOffAt: now,
          signedOffBy: ctx.actor.userId,
          updatedAt: now,
          updatedBy: ctx.actor.userId,
        });
        await repo.upsertScores(tx, frozen(items, r.id, ctx.actor.userId, now));
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'evaluationRound',
          entityId: r.id,
          divisionPath: r.divisionPath,
          summary: `签署${EVALUATION_KIND_LABELS[r.kind]}：《${year.title}》第 ${r.yearNo} 年度 ${total} 分，${grade}`,
          after: { status: 'signed_off', total, grade, passed },
        });
        await decideYear(ctx, tx, { ...r, status: 'signed_off', total }, set, year);
      });
      return rounds.get(ctx.actor, id);
    },
  };

  /** R-CON-2: records the year's result once its rounds are complete and nothing was recorded before. */
  async function decideYear(
    ctx: ActorContext,
    tx: DbOrTx,
    r: RoundRow,
    set: IndicatorSetRow,
    year: Awaited<ReturnType<RoundService['yearOf']>>,
  ) {
    if (r.kind === 'self_assessment' || year.result) return;
    const annual = await rounds.annualOf(tx, r, set);
    if (!annual?.complete) return;
    await d.years.recordResult(tx, ctx, year, {
      passed: annual.passed,
      score: annual.score,
      grade: annual.grade,
      evaluatedOn: clock.today(),
      summary: annual.basis,
    });
  }

  async function bump(tx: DbOrTx, r: RoundRow, set: Parameters<typeof repo.update>[3]) {
    if (!(await repo.update(tx, r.id, r.version, set))) throw conflict();
  }
}

const conflict = () => new AppError('VERSION_CONFLICT', '该评估已被他人修改，请刷新后重试');
function validation(fieldErrors: Record<string, string>, message?: string) {
  const first = Object.entries(fieldErrors)[0]!;
  return message
    ? new AppError('VALIDATION_FAILED', message, { fieldErrors })
    : Object.keys(fieldErrors).length === 1
      ? fieldError(first[0], first[1])
      : new AppError('VALIDATION_FAILED', Object.values(fieldErrors).join('；'), { fieldErrors });
}
