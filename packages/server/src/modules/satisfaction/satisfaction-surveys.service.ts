import { randomBytes } from 'node:crypto';
import {
  drawSample,
  type CreateSatisfactionSurveyInput,
  type RecordSatisfactionCallInput,
  type SatisfactionSurveyQuery,
  type SatisfactionSurveyView,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import { stationInScope } from '../../platform/auth/scope';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import { callListOf, sensitiveAmong } from '../beneficiaries';
import { peopleServedAt } from '../services';
import type { StationLookup } from '../stations';
import type { NamesOf } from './satisfaction.names';
import { responsesRepository } from './satisfaction.repository';
import { surveyScope, surveysRepository as repo, type SurveyRow } from './satisfaction-surveys.repository';
import { callView, surveyView } from './satisfaction.view';

export interface SurveyDeps {
  db: Db;
  clock: Clock;
  stations: StationLookup;
  namesOf: NamesOf;
  organisationOn(stationId: string, day: string): Promise<string | null>;
}

/**
 * 随机回访 (R-EVAL-3): the county or the city draws, with a recorded seed, a random sample of the people served at a
 * station in a period (as Guangzhou's evaluators do), so satisfaction does not rest on who chose to answer; the
 * surveyor calls each and records the outcome, an answered call becoming an answer of channel call_back.
 */
export function createSurveyService(d: SurveyDeps) {
  const { db, clock } = d;

  async function load(ctx: ActorContext, id: string): Promise<SurveyRow> {
    const row = await repo.findInScope(db, surveyScope(ctx.actor), id);
    if (!row) throw notFound('回访抽样');
    return row;
  }

  /** The survey with its call list: names and phones for the surveyor, a read of personal data (audited). */
  async function detail(ctx: ActorContext, row: SurveyRow): Promise<SatisfactionSurveyView> {
    const calls = await repo.callsOf(db, row.id);
    const [counts, people, names, answers] = await Promise.all([
      repo.counts(db, [row.id]),
      callListOf(
        db,
        calls.map((c) => c.beneficiaryId),
      ),
      d.namesOf([row]),
      responsesRepository.byIds(
        db,
        calls.map((c) => c.responseId).filter((x): x is string => !!x),
      ),
    ]);
    const overall = new Map(answers.map((a) => [a.id, a.overall]));
    const callViews = calls.map((c) =>
      callView(c, people.get(c.beneficiaryId), c.responseId ? (overall.get(c.responseId) ?? null) : null),
    );
    await writeAudit(db, ctx, {
      action: 'read_pii',
      entityType: 'satisfactionSurvey',
      entityId: row.id,
      divisionPath: row.divisionPath,
      summary: `查看回访名单：${names.stations.get(row.stationId) ?? ''}（${calls.length} 人）`,
    });
    return surveyView(ctx.actor, row, counts.get(row.id)!, names, callViews);
  }

  return {
    async list(ctx: ActorContext, q: SatisfactionSurveyQuery) {
      const { items, total } = await repo.page(db, surveyScope(ctx.actor), q);
      const [counts, names] = await Promise.all([
        repo.counts(
          db,
          items.map((r) => r.id),
        ),
        d.namesOf(items),
      ]);
      return pageOf(
        items.map((r) => surveyView(ctx.actor, r, counts.get(r.id)!, names)),
        total,
        q,
      );
    },

    async get(ctx: ActorContext, id: string) {
      return detail(ctx, await load(ctx, id));
    },

    /** Draws the sample: the pool is the distinct people on the station's service records in the period. */
    async create(ctx: ActorContext, input: CreateSatisfactionSurveyInput) {
      const [station] = await d.stations.summaries([input.stationId]);
      if (!station || !stationInScope(ctx.actor.scope, station))
        throw fieldError('stationId', '社工站不存在或不在您的管辖范围内');
      const today = clock.today();
      if (input.periodEnd > today) throw fieldError('periodEnd', '结束日期不能晚于今天');
      const served = await peopleServedAt(db, station.id, input.periodStart, input.periodEnd);
      // R-SCOPE-2: minors and people in health categories are never called back (their records are withheld).
      const withheld = await sensitiveAmong(db, served, today);
      const pool = served.filter((id) => !withheld.has(id));
      if (pool.length === 0) throw fieldError('periodStart', '该期间内本站的服务记录中没有服务对象，无法抽取');
      const seed = input.seed || randomBytes(6).toString('hex');
      const drawn = drawSample(
        pool.map((id) => ({ id })),
        input.sampleSize,
        seed,
      ).map((p) => p.id);
      const organisationId = await d.organisationOn(station.id, input.periodEnd);
      const row = await db.transaction(async (tx) => {
        const created = await repo.insert(
          tx,
          {
            stationId: station.id,
            divisionPath: station.divisionPath,
            organisationId,
            periodStart: input.periodStart,
            periodEnd: input.periodEnd,
            seed,
            poolSize: pool.length,
            sampleSize: drawn.length,
            createdBy: ctx.actor.userId,
            updatedBy: ctx.actor.userId,
          },
          drawn,
        );
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'satisfactionSurvey',
          entityId: created.id,
          divisionPath: station.divisionPath,
          summary: `抽取回访样本：${station.name}（${input.periodStart} 至 ${input.periodEnd}，${pool.length} 人中抽取 ${drawn.length} 人）`,
          after: { seed, poolSize: pool.length, sampleSize: drawn.length },
        });
        return created;
      });
      return detail(ctx, row);
    },

    /** One call's outcome, once; an answered call writes its answer in the same transaction. */
    async recordCall(ctx: ActorContext, surveyId: string, callId: string, input: RecordSatisfactionCallInput) {
      const survey = await load(ctx, surveyId);
      const call = await repo.call(db, surveyId, callId);
      if (!call) throw notFound('回访对象');
      if (call.status !== 'pending') throw new AppError('INVALID_TRANSITION', '该对象的回访结果已记录');
      if (call.version !== input.version) throw new AppError('VERSION_CONFLICT', '回访记录已被他人修改，请刷新后重试');
      if (input.calledOn > clock.today()) throw fieldError('calledOn', '回访日期不能晚于今天');
      if (input.calledOn < String(survey.periodStart)) throw fieldError('calledOn', '回访日期不能早于服务期间');
      const organisationId =
        input.status === 'answered' ? await d.organisationOn(survey.stationId, input.calledOn) : null;
      await db.transaction(async (tx) => {
        let responseId: string | null = null;
        if (input.status === 'answered') {
          const answer = await responsesRepository.insert(tx, {
            stationId: survey.stationId,
            divisionPath: survey.divisionPath,
            organisationId,
            channel: 'call_back',
            answeredOn: input.calledOn,
            overall: input.overall!,
            attitude: input.attitude,
            timeliness: input.timeliness,
            effect: input.effect,
            comment: input.comment,
            anonymous: true,
            createdBy: ctx.actor.userId,
          });
          responseId = answer.id;
          await writeAudit(tx, ctx, {
            action: 'create',
            entityType: 'satisfactionResponse',
            entityId: answer.id,
            divisionPath: survey.divisionPath,
            summary: '记录回访评价',
            after: { overall: answer.overall, channel: 'call_back' },
          });
        }
        const after = await repo.record(tx, call.id, input.version, {
          status: input.status,
          calledOn: input.calledOn,
          note: input.note,
          responseId,
          updatedBy: ctx.actor.userId,
          updatedAt: clock.now(),
        });
        if (!after) throw new AppError('VERSION_CONFLICT', '回访记录已被他人修改，请刷新后重试');
        await repo.touch(tx, survey.id, ctx.actor.userId);
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'satisfactionSurvey',
          entityId: survey.id,
          divisionPath: survey.divisionPath,
          summary: '记录回访结果',
          after: { callId: call.id, status: input.status, calledOn: input.calledOn },
        });
      });
      return detail(ctx, await load(ctx, surveyId));
    },
  };
}
export type SurveyService = ReturnType<typeof createSurveyService>;
