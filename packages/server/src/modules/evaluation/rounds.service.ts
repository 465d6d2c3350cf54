import { randomUUID } from 'node:crypto';
import {
  EVALUATION_KIND_LABELS,
  agreementHalfEnd,
  annualResult,
  drawSample,
  type CreateEvaluationRoundsInput,
  type EvaluationKind,
  type EvaluationRoundQuery,
  type EvaluationSubject,
} from '@shegong/shared';
import type { Db, DbOrTx } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { Attachments } from '../../platform/files/attachments';
import type { ActorContext } from '../../platform/http/context';
import { AppError, fieldError, isUniqueViolation, notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import type { AgreementYear, AgreementYears } from '../contracts';
import type { DivisionService } from '../divisions';
import type { OrganisationLookup } from '../organisations';
import type { UserLookup } from '../users';
import type { RoundSample } from './rounds.repository';
import { indicatorSetsRepository, type IndicatorSetRow } from './indicator-sets.repository';
import { runsKind } from './rounds.policy';
import type { RoundMeasures } from './rounds.measures';
import { roundsRepository as repo, type RoundRow } from './rounds.repository';
import { roundListItem, roundView, scoredItems, type RoundNames } from './rounds.view';

export interface RoundDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  organisations: OrganisationLookup;
  users: UserLookup;
  years: AgreementYears;
  measures: RoundMeasures;
  stationIdsOf: (contractId: string) => Promise<string[]>;
  attachments: Attachments;
}

/** 五（三）: who runs each kind, said when someone else tries. */
const NOT_YOURS: Record<EvaluationKind, string> = {
  midterm: '中期评估由购买服务的县级民政部门开展（《实施方案》五（三））',
  final: '末期评估由购买服务的县级民政部门开展（《实施方案》五（三））',
  spot_check: '抽查评估由市级民政部门开展（《实施方案》五（三））',
  self_assessment: '自评由承接机构开展（《实施方案》六（六））',
};

/** The part of an agreement year a kind covers: 中期 its first six months, the others the whole year. */
function periodOf(kind: EvaluationKind, y: AgreementYear) {
  if (kind !== 'midterm') return { periodStart: y.periodStart, periodEnd: y.periodEnd };
  // The same first half as the agreement's mid-term report (R-REP-1), so the report and the evaluation agree.
  return { periodStart: y.periodStart, periodEnd: agreementHalfEnd(y.periodStart, y.periodEnd) };
}

const subjectKey = (s: EvaluationSubject) => `${s.contractId}/${s.yearNo}`;

/** R-EVAL-1: evaluation rounds — opened by the level that runs them, listed and read within the caller's scope. */
export function createRoundService(d: RoundDeps) {
  const { db, clock } = d;

  async function names(rows: RoundRow[]): Promise<RoundNames> {
    const [contracts, organisations, sets, openRectifications] = await Promise.all([
      d.years.titles(rows.map((r) => r.contractId)),
      d.organisations.names([...new Set(rows.map((r) => r.organisationId))]),
      repo.setNames(db, [...new Set(rows.map((r) => r.setId))]),
      repo.openRectifications(
        db,
        rows.map((r) => r.id),
      ),
    ]);
    return { contracts, organisations, sets, openRectifications, units: (c) => d.divisions.find(c)?.name ?? c };
  }

  async function load(actor: Actor, id: string): Promise<RoundRow> {
    const row = await repo.findInScope(db, actor.scope, id);
    if (!row) throw notFound('评估');
    return row;
  }

  /** The round's agreement year, read by the system (the round was already found in the caller's scope). */
  async function yearOf(r: RoundRow): Promise<AgreementYear> {
    const [y] = await d.years.inScope({ kind: 'division', path: r.divisionPath }, [r]);
    if (!y) throw notFound('年度协议');
    return y;
  }

  /** The agreement years a request names, or drawn at random for a spot check, with how the sample was made. */
  async function subjectsOf(actor: Actor, input: CreateEvaluationRoundsInput) {
    const today = clock.today();
    if (input.kind === 'spot_check' && input.sample.mode === 'random') {
      const on = input.sample.on ?? today;
      if (on > today) throw fieldError('sample.on', '抽查基准日不能晚于今天');
      const inForce = await d.years.inForceOn(actor.scope, on);
      const taken = new Set((await repo.existing(db, 'spot_check', inForce)).map(subjectKey));
      // The pool: years in force that day, not yet decided and not already spot-checked.
      const pool = inForce.filter((y) => y.result === null && !taken.has(subjectKey(y)));
      if (pool.length === 0) throw fieldError('sample.size', `${on} 没有可供抽查的在履行年度协议`);
      const seed = input.sample.seed || randomUUID().slice(0, 8);
      const drawn = drawSample(
        pool.map((y) => ({ ...y, id: subjectKey(y) })),
        input.sample.size,
        seed,
      );
      const sample: RoundSample = { mode: 'random', seed, reason: null, poolSize: pool.length, on };
      return { years: drawn as AgreementYear[], sample };
    }
    const named: EvaluationSubject[] =
      input.kind !== 'spot_check' ? input.subjects : input.sample.mode === 'chosen' ? input.sample.subjects : [];
    const unique = [...new Map(named.map((s) => [subjectKey(s), s])).values()];
    const years = await d.years.inScope(actor.scope, unique);
    if (years.length !== unique.length) throw notFound('合同或年度协议');
    const sample: RoundSample | null =
      input.kind === 'spot_check' && input.sample.mode === 'chosen'
        ? { mode: 'chosen', seed: null, reason: input.sample.reason, poolSize: null, on: null }
        : null;
    return { years, sample };
  }

  return {
    load,
    yearOf,
    names,

    async list(actor: Actor, q: EvaluationRoundQuery) {
      const unitPath = q.unit ? d.divisions.find(q.unit)?.path : undefined;
      if (q.unit && !unitPath) return pageOf([], 0, q);
      const { items, total } = await repo.list(db, actor.scope, q, unitPath);
      const n = await names(items);
      return pageOf(
        items.map((r) => roundListItem(r, n)),
        total,
        q,
      );
    },

    async create(ctx: ActorContext, input: CreateEvaluationRoundsInput) {
      const { actor } = ctx;
      if (!runsKind(actor, input.kind)) throw new AppError('FORBIDDEN', NOT_YOURS[input.kind]);
      const set = await indicatorSetsRepository.byId(db, input.setId);
      if (!set || set.status !== 'in_use')
        throw fieldError('setId', '请选择已启用的指标体系（草稿和已停用的版本不能用于评估）');
      const { years, sample } = await subjectsOf(actor, input);
      const today = clock.today();
      const label = EVALUATION_KIND_LABELS[input.kind];
      for (const y of years) {
        if (y.periodStart > today) throw fieldError('subjects', `《${y.title}》第 ${y.yearNo} 年度协议尚未开始履行`);
        if (input.kind !== 'self_assessment' && y.result)
          throw fieldError('subjects', `《${y.title}》第 ${y.yearNo} 年度评估结果已记录，不能再开展${label}`);
      }
      // One indicator set per agreement year: its rounds are combined into one result under one rule (R-CON-2).
      if (input.kind !== 'self_assessment') {
        const used = await repo.setsOfYears(db, [...new Set(years.map((y) => y.contractId))]);
        const other = used.find(
          (u) => u.setId !== set.id && years.some((y) => y.contractId === u.contractId && y.yearNo === u.yearNo),
        );
        if (other)
          throw fieldError('setId', '该年度协议已按另一版本的指标体系开展评估，同一年度的各次评估须使用同一指标体系');
      }
      const dup = await repo.existing(db, input.kind, years);
      const dupKeys = new Set(dup.map(subjectKey));
      const again = years.find((y) => dupKeys.has(subjectKey(y)));
      if (again) throw new AppError('DUPLICATE', `《${again.title}》第 ${again.yearNo} 年度已开展${label}`);
      const rows = await db
        .transaction(async (tx) => {
          const made = await repo.insertMany(
            tx,
            years.map((y) => ({
              kind: input.kind,
              contractId: y.contractId,
              yearNo: y.yearNo,
              ...periodOf(input.kind, y),
              divisionPath: y.divisionPath,
              countyCode: y.countyCode,
              organisationId: y.organisationId,
              setId: set.id,
              evaluators: input.evaluators,
              sample,
              createdBy: actor.userId,
              updatedBy: actor.userId,
            })),
          );
          for (const r of made) await auditOpened(tx, ctx, r, years, label);
          return made;
        })
        .catch((e: unknown) => {
          if (isUniqueViolation(e)) throw new AppError('DUPLICATE', `所选年度协议已开展${label}`);
          throw e;
        });
      const n = await names(rows);
      return { items: rows.map((r) => roundListItem(r, n)), sample: sample ?? null };
    },

    async get(actor: Actor, id: string) {
      const r = await load(actor, id);
      const set = (await indicatorSetsRepository.byId(db, r.setId))!;
      const [scores, n, live, annual, evaluatorIds, files] = await Promise.all([
        repo.scores(db, r.id),
        names([r]),
        r.status === 'scoring' ? measureNow(r) : Promise.resolve(null),
        annualOf(db, r, set),
        repo.evaluatorsOf(db, r.id),
        d.attachments.list('evaluationRound', [r.id]),
      ]);
      const people = await d.users.displayNames([...(r.signedOffBy ? [r.signedOffBy] : []), ...evaluatorIds]);
      return roundView(actor, r, n, set, scoredItems(set, scores, live), {
        annual,
        signedOffBy: r.signedOffBy ? (people.get(r.signedOffBy) ?? null) : null,
        evaluatorUsers: evaluatorIds.map((uid) => ({ id: uid, name: people.get(uid) ?? '' })),
        files: files.get(r.id) ?? [],
      });
    },

    measureNow,
    annualOf,
  };

  /** Every measure's figure for the round's part of its agreement year, from the records as they stand now. */
  async function measureNow(r: RoundRow) {
    const [year, stationIds] = await Promise.all([yearOf(r), d.stationIdsOf(r.contractId)]);
    return d.measures.measure({
      year,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      stationIds,
      unitCode: r.countyCode,
    });
  }

  /** R-CON-2: the agreement year's result as its signed-off rounds stand, under the round's set's rule. */
  async function annualOf(tx: DbOrTx, r: RoundRow, set: Pick<IndicatorSetRow, 'combination' | 'passLine' | 'bands'>) {
    if (r.kind === 'self_assessment') return null;
    const rounds = await repo.ofYear(tx, r.contractId, r.yearNo);
    const signed = rounds
      .filter((x) => x.status === 'signed_off' && x.total !== null)
      .map((x) => ({ kind: x.kind, total: x.total! }));
    const openSpots = rounds.filter((x) => x.kind === 'spot_check' && x.status === 'scoring').length;
    return annualResult(signed, set, openSpots);
  }
}
export type RoundService = ReturnType<typeof createRoundService>;

async function auditOpened(tx: DbOrTx, ctx: ActorContext, r: RoundRow, years: AgreementYear[], label: string) {
  const y = years.find((x) => x.contractId === r.contractId && x.yearNo === r.yearNo)!;
  await writeAudit(tx, ctx, {
    action: 'create',
    entityType: 'evaluationRound',
    entityId: r.id,
    divisionPath: r.divisionPath,
    summary: `开展${label}：《${y.title}》第 ${r.yearNo} 年度（${r.periodStart} 至 ${r.periodEnd}）${
      r.sample?.mode === 'random' ? `，随机抽取（种子 ${r.sample.seed}）` : r.sample ? '，指定抽查' : ''
    }`,
    after: { kind: r.kind, contractId: r.contractId, yearNo: r.yearNo, setId: r.setId, sample: r.sample },
  });
}
