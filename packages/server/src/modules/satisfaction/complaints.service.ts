import {
  COMPLAINT_SOURCE_LABELS,
  type AnswerComplaintInput,
  type CloseComplaintInput,
  type ComplaintQuery,
  type ComplaintView,
  type CreateComplaintInput,
} from '@shegong/shared';
import type { Db, DbOrTx } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import { stationInScope } from '../../platform/auth/scope';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import type { StationLookup } from '../stations';
import { complaintScope, complaintsRepository as repo, type ComplaintRow } from './complaints.repository';
import type { NamesOf } from './satisfaction.names';
import { complaintAbilities } from './satisfaction.policy';
import { clearContact, complaintView } from './satisfaction.view';

export interface ComplaintDeps {
  db: Db;
  clock: Clock;
  stations: StationLookup;
  namesOf: NamesOf;
  organisationOn(stationId: string, day: string): Promise<string | null>;
}

const stale = () => new AppError('VERSION_CONFLICT', '投诉已被他人处理，请刷新后重试');

/** 投诉 (R-EVAL-3, 《实施方案》四（四）): routed to the station's project lead and the county, answered, then closed. */
export function createComplaintService(d: ComplaintDeps) {
  const { db, clock } = d;

  async function load(ctx: ActorContext, id: string): Promise<ComplaintRow> {
    const row = await repo.findInScope(db, complaintScope(ctx.actor), id);
    if (!row) throw notFound('投诉');
    return row;
  }

  /** The view; a contact in clear (the project lead's) is an audited read of personal data (R-SCOPE-2). */
  async function viewOf(ctx: ActorContext, row: ComplaintRow): Promise<ComplaintView> {
    const names = await d.namesOf([row], [row.answeredBy, row.closedBy]);
    if (clearContact(ctx.actor, row))
      await writeAudit(db, ctx, {
        action: 'read_pii',
        entityType: 'complaint',
        entityId: row.id,
        divisionPath: row.divisionPath,
        summary: `查看投诉人联系方式：${names.stations.get(row.stationId) ?? ''}`,
      });
    return complaintView(ctx.actor, row, names);
  }

  async function audit(tx: DbOrTx, ctx: ActorContext, row: ComplaintRow, what: string, after: object) {
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'complaint',
      entityId: row.id,
      divisionPath: row.divisionPath,
      summary: `${what}：${COMPLAINT_SOURCE_LABELS[row.source]}投诉`,
      after,
    });
  }

  return {
    async list(ctx: ActorContext, q: ComplaintQuery) {
      const { items, total } = await repo.page(db, complaintScope(ctx.actor), q);
      const names = await d.namesOf(
        items,
        items.flatMap((r) => [r.answeredBy, r.closedBy]),
      );
      const clear = items.filter((r) => clearContact(ctx.actor, r));
      if (clear.length)
        await writeAudit(db, ctx, {
          action: 'read_pii',
          entityType: 'complaint',
          summary: `查看投诉人联系方式（${clear.length} 条）`,
        });
      return pageOf(
        items.map((r) => complaintView(ctx.actor, r, names)),
        total,
        q,
      );
    },

    async get(ctx: ActorContext, id: string) {
      return viewOf(ctx, await load(ctx, id));
    },

    /** A complaint received by phone, visit or letter at a station the caller serves or oversees. */
    async create(ctx: ActorContext, input: CreateComplaintInput) {
      const [station] = await d.stations.summaries([input.stationId]);
      if (!station || !stationInScope(ctx.actor.scope, station))
        throw fieldError('stationId', '社工站不存在或不在您的管辖范围内');
      if (input.receivedOn > clock.today()) throw fieldError('receivedOn', '收到日期不能晚于今天');
      const organisationId =
        ctx.actor.scope.kind === 'organisation'
          ? ctx.actor.scope.organisationId
          : // The contractor then in charge, or — for a complaint about a time no contract covered — today's, so a
            // complaint always reaches a project lead as well as the county.
            ((await d.organisationOn(station.id, input.receivedOn)) ??
            (await d.organisationOn(station.id, clock.today())));
      const row = await db.transaction(async (tx) => {
        const created = await repo.insert(tx, {
          stationId: station.id,
          divisionPath: station.divisionPath,
          organisationId,
          source: input.source,
          receivedOn: input.receivedOn,
          content: input.content,
          anonymous: input.anonymous,
          contactName: input.anonymous ? null : input.contactName,
          contactPhone: input.anonymous ? null : input.contactPhone,
          createdBy: ctx.actor.userId,
          updatedBy: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'complaint',
          entityId: created.id,
          divisionPath: station.divisionPath,
          summary: `登记${COMPLAINT_SOURCE_LABELS[input.source]}投诉：${station.name}`,
          after: { source: input.source, receivedOn: input.receivedOn, status: 'open' },
        });
        return created;
      });
      return viewOf(ctx, row);
    },

    /** open → answered: the project lead or the county writes the answer given to the complainant. */
    async answer(ctx: ActorContext, id: string, input: AnswerComplaintInput) {
      const row = await load(ctx, id);
      if (!complaintAbilities(ctx.actor, row.status).answer) {
        if (row.status !== 'open') throw new AppError('INVALID_TRANSITION', '该投诉已答复，不能再次答复');
        throw new AppError('FORBIDDEN', '投诉由项目负责人或县（区）民政部门答复');
      }
      if (row.version !== input.version) throw stale();
      const after = await db.transaction(async (tx) => {
        const now = clock.now();
        const by = ctx.actor.userId;
        const next = await repo.step(tx, id, input.version, 'open', {
          status: 'answered',
          answer: input.answer,
          answeredAt: now,
          answeredBy: by,
          updatedAt: now,
          updatedBy: by,
        });
        if (!next) throw stale();
        await audit(tx, ctx, next, '答复投诉', { status: 'answered' });
        return next;
      });
      return viewOf(ctx, after);
    },

    /** answered → closed: the county confirms the complaint is settled. */
    async close(ctx: ActorContext, id: string, input: CloseComplaintInput) {
      const row = await load(ctx, id);
      if (!complaintAbilities(ctx.actor, row.status).close) {
        if (row.status === 'open') throw new AppError('INVALID_TRANSITION', '投诉尚未答复，不能办结');
        if (row.status === 'closed') throw new AppError('INVALID_TRANSITION', '该投诉已办结');
        throw new AppError('FORBIDDEN', '投诉由县（区）民政部门确认办结');
      }
      if (row.version !== input.version) throw stale();
      const after = await db.transaction(async (tx) => {
        const now = clock.now();
        const by = ctx.actor.userId;
        const next = await repo.step(tx, id, input.version, 'answered', {
          status: 'closed',
          closedAt: now,
          closedBy: by,
          updatedAt: now,
          updatedBy: by,
        });
        if (!next) throw stale();
        await audit(tx, ctx, next, '办结投诉', { status: 'closed' });
        return next;
      });
      return viewOf(ctx, after);
    },
  };
}
export type ComplaintService = ReturnType<typeof createComplaintService>;
