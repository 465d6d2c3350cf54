import {
  ALERT_KIND_LABELS,
  type AlertActionInput,
  type AlertQuery,
  type AlertSummary,
  type AlertView,
  type CloseAlertInput,
  type RaiseAlertInput,
} from '@shegong/shared';
import type { Db, DbOrTx } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/actor';
import { stationInScope } from '../../platform/auth/scope';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import { peopleAtStations, personAtStation } from '../beneficiaries';
import type { StationLookup } from '../stations';
import type { UserLookup } from '../users';
import { createAlertRaiser } from './alerts.raiser';
import { abilitiesOf, seesDetails } from './alerts.policy';
import { alertScope, alertsRepository as repo, type AlertRow } from './alerts.repository';
import { alertListItem, alertView, factsOf, type AlertContext } from './alerts.view';

export interface AlertDeps {
  db: Db;
  clock: Clock;
  stations: StationLookup;
  users: UserLookup;
  /** The organisation a user works for (contractor staff), which the alert is filed under. */
  organisationOf(userId: string): Promise<string | null>;
}

/** How many unhandled alerts the login banner lists. */
const BANNER_TOP = 5;

/** 预警 (R-SVC-5): raising on a person, the lists, and acknowledging, acting on and closing an alert. */
export function createAlertService(d: AlertDeps) {
  const { db, clock } = d;
  const raiser = createAlertRaiser({ clock });

  /** Outside any transaction: the lookups run on their own connection (PGlite has one, a transaction holds it). */
  async function contextOf(rows: AlertRow[], userIds: (string | null)[] = []): Promise<AlertContext> {
    const pairs = rows
      .filter((r) => r.beneficiaryId)
      .map((r) => ({ beneficiaryId: r.beneficiaryId!, stationId: r.stationId }));
    const users = [...rows.flatMap((r) => [r.raisedBy, r.acknowledgedBy, r.closedBy]), ...userIds].filter(
      (u): u is string => !!u,
    );
    const [stations, userNames, people] = await Promise.all([
      d.stations.summaries(rows.map((r) => r.stationId)),
      d.users.displayNames(users),
      peopleAtStations(db, pairs),
    ]);
    return { now: clock.now(), stationNames: new Map(stations.map((s) => [s.id, s.name])), userNames, people };
  }

  async function load(tx: DbOrTx, actor: Actor, id: string): Promise<AlertRow> {
    const row = await repo.findInScope(tx, alertScope(actor, clock.now()), id);
    if (!row) throw notFound('预警');
    return row;
  }

  /** The view of one alert, details included for those who may read them (the clear read audited by the caller). */
  async function viewOf(actor: Actor, row: AlertRow) {
    const actions = await repo.actionsOf(db, row.id);
    const ctx = await contextOf(
      [row],
      actions.map((a) => a.createdBy),
    );
    const clear = seesDetails(actor, factsOf(row, ctx));
    return { view: alertView(row, actor, ctx, clear ? actions : null), clear };
  }

  /** A transition by someone who may handle this alert (else 403; out of scope is 404 before). */
  async function handle(ctx: ActorContext, id: string, step: (tx: DbOrTx, row: AlertRow) => Promise<AlertRow>) {
    const row = await load(db, ctx.actor, id);
    const abilities = abilitiesOf(ctx.actor, factsOf(row, await contextOf([row])));
    if (!abilities.act) {
      if (row.status === 'closed') throw new AppError('INVALID_TRANSITION', '该预警已关闭，不能再处理');
      throw new AppError(
        'FORBIDDEN',
        '您的角色不能处理该预警（由项目负责人、县（区）民政部门处理，超时未响应的由市级处理）',
      );
    }
    // Each step re-checks the status it starts from inside its transaction (repo.step): two handlers cannot both take it.
    const after = await db.transaction((tx) => step(tx, row));
    // The answer carries the details: a clear read like a GET's (R-SCOPE-2).
    const { view, clear } = await viewOf(ctx.actor, after);
    if (clear) await auditClearRead(ctx, after, view.stationName);
    return view;
  }

  /** A read of an alert's details in clear is a read_pii audit event (R-SCOPE-2). */
  function auditClearRead(ctx: ActorContext, row: AlertRow, stationName: string) {
    return writeAudit(db, ctx, {
      action: 'read_pii',
      entityType: 'alert',
      entityId: row.id,
      divisionPath: row.divisionPath,
      summary: `查看预警详情：${ALERT_KIND_LABELS[row.kind]}（${stationName}）`,
    });
  }

  const stale = () => new AppError('INVALID_TRANSITION', '预警状态已变化，请刷新后重试');

  return {
    raiser,

    /** R-SVC-5: a person flagged directly by the station's staff; raised at once, in one transaction with its audit. */
    async raise(ctx: ActorContext, input: RaiseAlertInput): Promise<AlertView> {
      const [station] = await d.stations.summaries([input.stationId]);
      if (!station || ctx.actor.scope.kind === 'division' || !stationInScope(ctx.actor.scope, station))
        throw fieldError('stationId', '不存在或不是您服务的社工站');
      const organisationId =
        ctx.actor.scope.kind === 'organisation'
          ? ctx.actor.scope.organisationId
          : await d.organisationOf(ctx.actor.userId);
      const { id } = await db.transaction(async (tx) => {
        const person = await personAtStation(tx, input.beneficiaryId, station.id);
        if (!person) throw fieldError('beneficiaryId', '不是该社工站的服务对象');
        return raiser.raise(tx, ctx, {
          stationId: station.id,
          divisionPath: station.divisionPath,
          organisationId,
          beneficiaryId: person.id,
          serviceRecordId: null,
          kind: input.kind,
          description: input.description,
        });
      });
      return (await viewOf(ctx.actor, await load(db, ctx.actor, id))).view;
    },

    /** The list: kind, station, status and times (never a description), unhandled first. */
    async list(ctx: ActorContext, q: AlertQuery) {
      const now = clock.now();
      const { items, total } = await repo.page(db, alertScope(ctx.actor, now), q, now);
      const actx = await contextOf(items);
      return pageOf(
        items.map((r) => alertListItem(r, ctx.actor, actx)),
        total,
        q,
      );
    },

    /** The login / 工作台 banner: counts and the oldest few unhandled alerts in reach. */
    async summary(ctx: ActorContext): Promise<AlertSummary> {
      const now = clock.now();
      const s = await repo.summary(db, alertScope(ctx.actor, now), now, BANNER_TOP);
      const actx = await contextOf(s.rows);
      return {
        open: s.open,
        active: s.active,
        escalated: s.escalated,
        top: s.rows.map((r) => alertListItem(r, ctx.actor, actx)),
      };
    },

    /** One alert; a read of its details in clear is a read_pii audit event (R-SCOPE-2). */
    async get(ctx: ActorContext, id: string): Promise<AlertView> {
      const row = await load(db, ctx.actor, id);
      const { view, clear } = await viewOf(ctx.actor, row);
      if (clear) await auditClearRead(ctx, row, view.stationName);
      return view;
    },

    async acknowledge(ctx: ActorContext, id: string) {
      return handle(ctx, id, async (tx, row) => {
        if (row.status !== 'open') throw new AppError('INVALID_TRANSITION', '该预警已响应');
        const by = ctx.actor.userId;
        const after = await repo.step(tx, id, ['open'], {
          status: 'acknowledged',
          acknowledgedAt: clock.now(),
          acknowledgedBy: by,
          updatedBy: by,
          updatedAt: clock.now(),
        });
        if (!after) throw stale();
        await audit(tx, ctx, after, '响应预警', { status: 'acknowledged' });
        return after;
      });
    },

    async addAction(ctx: ActorContext, id: string, input: AlertActionInput) {
      return handle(ctx, id, async (tx, row) => {
        const after = await repo.step(tx, id, ['open', 'acknowledged'], { updatedBy: ctx.actor.userId });
        if (!after) throw stale();
        await repo.insertAction(tx, { alertId: id, note: input.note, at: clock.now(), createdBy: ctx.actor.userId });
        await audit(tx, ctx, row, '记录预警处置', {});
        return after;
      });
    },

    /** Closing with a note; an alert closed before it was acknowledged counts as acknowledged then. */
    async close(ctx: ActorContext, id: string, input: CloseAlertInput) {
      return handle(ctx, id, async (tx, row) => {
        const now = clock.now();
        const by = ctx.actor.userId;
        const after = await repo.step(tx, id, [row.status], {
          status: 'closed',
          closedAt: now,
          closedBy: by,
          closingNote: input.note,
          acknowledgedAt: row.acknowledgedAt ?? now,
          acknowledgedBy: row.acknowledgedBy ?? by,
          updatedBy: by,
          updatedAt: now,
        });
        if (!after) throw stale();
        await audit(tx, ctx, after, '关闭预警', { status: 'closed' });
        return after;
      });
    },
  };
}
export type AlertService = ReturnType<typeof createAlertService>;

/** The change's audit event; the notes themselves are sensitive and stay out of the log. */
async function audit(tx: DbOrTx, ctx: ActorContext, row: AlertRow, what: string, after: Record<string, unknown>) {
  await writeAudit(tx, ctx, {
    action: 'update',
    entityType: 'alert',
    entityId: row.id,
    divisionPath: row.divisionPath,
    summary: `${what}：${ALERT_KIND_LABELS[row.kind]}`,
    after,
  });
}
