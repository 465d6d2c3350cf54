import {
  formatFen,
  maskName,
  REFERRAL_NEXT,
  REFERRAL_STATUS_LABELS,
  REFERRAL_TARGET_LABELS,
  type CreateReferralInput,
  type ReferralQuery,
  type ReferralView,
  type UpdateReferralInput,
} from '@shegong/shared';
import type { z } from 'zod';
import type { createReferralSchema } from '@shegong/shared';
import type { Db, DbOrTx } from '../../db/database';
import { diff, writeAudit } from '../../platform/audit/audit';
import { can, seesNamesInClear, type Actor } from '../../platform/auth/actor';
import { stationInScope } from '../../platform/auth/scope';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import { currentReferralConsent, peopleAtStations, personAtStation } from '../beneficiaries';
import type { StationLookup } from '../stations';
import type { UserLookup } from '../users';
import { referralScope, referralsRepository as repo, type ReferralRow } from './referrals.repository';

export interface ReferralDeps {
  db: Db;
  clock: Clock;
  stations: StationLookup;
  users: UserLookup;
  /** The organisation a user works for (contractor staff): the referral is counted under it (statistics by organisation). */
  organisationOf(userId: string): Promise<string | null>;
}
export type { CreateReferralInput };

/** Change status and outcome: the station's staff (services:write), never an officer (they read). */
const canUpdate = (actor: Actor) => can(actor, 'services:write') && actor.scope.kind !== 'division';

/** 资源链接 / 转介 (R-SVC-3, 附件2 (一)3): referrals with the person's consent, their status steps and what they obtained. */
export function createReferralService(d: ReferralDeps) {
  const { db, clock } = d;

  async function views(tx: DbOrTx, actor: Actor, rows: ReferralRow[]): Promise<ReferralView[]> {
    const [stations, users, people] = await Promise.all([
      d.stations.summaries(rows.map((r) => r.stationId)),
      d.users.displayNames(rows.map((r) => r.createdBy).filter((u): u is string => !!u)),
      peopleAtStations(
        tx,
        rows.map((r) => ({ beneficiaryId: r.beneficiaryId, stationId: r.stationId })),
      ),
    ]);
    const names = new Map(stations.map((s) => [s.id, s.name]));
    return rows.map((r) => {
      const name = people.get(`${r.beneficiaryId}:${r.stationId}`)?.name ?? '';
      return {
        id: r.id,
        version: r.version,
        stationId: r.stationId,
        stationName: names.get(r.stationId) ?? '',
        beneficiaryId: r.beneficiaryId,
        // Names in clear for station and organisation staff, initials for upper levels (DESIGN §4).
        beneficiaryName: seesNamesInClear(actor) ? name : maskName(name),
        caseId: r.caseId,
        serviceRecordId: r.serviceRecordId,
        target: r.target,
        agency: r.agency,
        submittedOn: r.submittedOn,
        status: r.status,
        decidedOn: r.decidedOn,
        amountFen: r.amountFen,
        outcome: r.outcome,
        consentId: r.consentId,
        createdByName: r.createdBy ? (users.get(r.createdBy) ?? null) : null,
        createdAt: r.createdAt.toISOString(),
        abilities: { update: canUpdate(actor) && REFERRAL_NEXT[r.status].length > 0 },
      };
    });
  }

  async function load(tx: DbOrTx, actor: Actor, id: string) {
    const row = await repo.findInScope(tx, referralScope(actor), id);
    if (!row) throw notFound('转介记录');
    return row;
  }

  const audit = (tx: DbOrTx, ctx: ActorContext, row: ReferralRow, summary: string, change: object) =>
    writeAudit(tx, ctx, {
      action: 'create' in change ? 'create' : 'update',
      entityType: 'referral',
      entityId: row.id,
      divisionPath: row.divisionPath,
      summary,
      ...change,
    });

  return {
    async list(ctx: ActorContext, q: ReferralQuery) {
      const { items, total } = await repo.page(db, referralScope(ctx.actor), q);
      return pageOf(await views(db, ctx.actor, items), total, q);
    },

    async get(ctx: ActorContext, id: string): Promise<ReferralView> {
      const [view] = await views(db, ctx.actor, [await load(db, ctx.actor, id)]);
      return view;
    },

    /**
     * 附件2 (一)3: a referral of a person the station serves, relying on their recorded consent to referral (the latest
     * decision `given`); without it a Chinese 4xx and nothing written. The consent's id is kept on the referral.
     */
    async create(ctx: ActorContext, input: z.infer<typeof createReferralSchema>): Promise<ReferralView> {
      const [station] = await d.stations.summaries([input.stationId]);
      if (!station || !canUpdate(ctx.actor) || !stationInScope(ctx.actor.scope, station))
        throw fieldError('stationId', '不存在或不是您服务的社工站');
      if (input.submittedOn > clock.today()) throw fieldError('submittedOn', '不能晚于今天');
      const by = ctx.actor.userId;
      const organisationId =
        ctx.actor.scope.kind === 'organisation' ? ctx.actor.scope.organisationId : await d.organisationOf(by);
      const row = await db.transaction(async (tx) => {
        const person = await personAtStation(tx, input.beneficiaryId, station.id);
        if (!person) throw fieldError('beneficiaryId', '不是该社工站的服务对象');
        // In force on the referral's day, and not withdrawn since (the latest decision counts).
        const consentId = await currentReferralConsent(tx, person.id, input.submittedOn);
        const stillGiven = consentId && (await currentReferralConsent(tx, person.id, clock.today()));
        if (!consentId || !stillGiven)
          throw new AppError('CONSENT_REQUIRED', '转介须先记录服务对象（或监护人）同意转介', {
            fieldErrors: { beneficiaryId: '尚未记录同意转介（或已拒绝、撤回）' },
          });
        if (input.caseId && !(await repo.caseOf(tx, input.caseId, station.id, person.id)))
          throw fieldError('caseId', '不是该服务对象在本站的个案');
        if (input.serviceRecordId && !(await repo.recordOf(tx, input.serviceRecordId, station.id)))
          throw fieldError('serviceRecordId', '不是本站的服务记录');
        const created = await repo.insert(tx, {
          stationId: station.id,
          divisionPath: station.divisionPath,
          organisationId,
          beneficiaryId: person.id,
          caseId: input.caseId,
          serviceRecordId: input.serviceRecordId,
          target: input.target,
          agency: input.agency,
          submittedOn: input.submittedOn,
          outcome: input.outcome,
          consentId,
          createdBy: by,
          updatedBy: by,
        });
        await audit(tx, ctx, created, `转介 ${maskName(person.name)}：${REFERRAL_TARGET_LABELS[input.target]}`, {
          create: true,
          after: { target: input.target, agency: input.agency, submittedOn: input.submittedOn, consentId },
        });
        return created;
      });
      return (await views(db, ctx.actor, [row]))[0];
    },

    /** A status step (已提交 → 已受理 → 已获得 | 未获得) and/or the outcome; refused steps write nothing. */
    async update(ctx: ActorContext, id: string, input: UpdateReferralInput): Promise<ReferralView> {
      const today = clock.today();
      const row = await db.transaction(async (tx) => {
        const before = await load(tx, ctx.actor, id);
        if (!canUpdate(ctx.actor)) throw new AppError('FORBIDDEN', '您的角色不能更新转介记录');
        if (before.version !== input.version)
          throw new AppError('VERSION_CONFLICT', '转介记录已被他人修改，请刷新后重试');
        const status = input.status ?? before.status;
        if (status !== before.status && !REFERRAL_NEXT[before.status].includes(status))
          throw new AppError(
            'INVALID_TRANSITION',
            `转介状态不能从「${REFERRAL_STATUS_LABELS[before.status]}」改为「${REFERRAL_STATUS_LABELS[status]}」`,
          );
        const decided = status === 'obtained' || status === 'not_obtained';
        const decidedOn = input.decidedOn === undefined ? before.decidedOn : input.decidedOn;
        if (decided && !decidedOn) throw fieldError('decidedOn', '已获得或未获得时须填写办结日期');
        if (!decided && decidedOn) throw fieldError('decidedOn', '尚未办结，不能填写办结日期');
        if (decidedOn && decidedOn > today) throw fieldError('decidedOn', '不能晚于今天');
        if (decidedOn && decidedOn < before.submittedOn) throw fieldError('decidedOn', '不能早于提交日期');
        const amountFen = input.amountFen === undefined ? before.amountFen : input.amountFen;
        if (amountFen != null && status !== 'obtained') throw fieldError('amountFen', '只有「已获得」时才填写获得金额');
        const set = {
          status,
          decidedOn: decidedOn ?? null,
          amountFen: amountFen ?? null,
          agency: input.agency ?? before.agency,
          outcome: input.outcome ?? before.outcome,
        };
        const after = await repo.update(tx, id, input.version, {
          ...set,
          updatedBy: ctx.actor.userId,
          updatedAt: clock.now(),
        });
        if (!after) throw new AppError('VERSION_CONFLICT', '转介记录已被他人修改，请刷新后重试');
        const change = diff(
          { status: before.status, decidedOn: before.decidedOn, amountFen: before.amountFen, agency: before.agency },
          { status: set.status, decidedOn: set.decidedOn, amountFen: set.amountFen, agency: set.agency },
        );
        const money = set.amountFen != null ? `，${formatFen(set.amountFen)}` : '';
        await audit(
          tx,
          ctx,
          after,
          `转介${REFERRAL_STATUS_LABELS[status]}：${REFERRAL_TARGET_LABELS[after.target]}${money}`,
          change,
        );
        return after;
      });
      return (await views(db, ctx.actor, [row]))[0];
    },
  };
}
export type ReferralService = ReturnType<typeof createReferralService>;
