import { and, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import {
  ORGANISER_LEVEL_LABELS,
  QUALIFYING_ORGANISERS,
  type CreateTrainingInput,
  type OrganiserLevel,
  type TrainingView,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import { can, type Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { scopeCondition } from '../../platform/auth/scope';
import { writeAudit, type RequestContext } from '../../platform/audit/audit';
import { AppError, fieldError } from '../../platform/http/errors';
import { trainingAttendance, trainings, workers } from './workers.table';
import { workerScope } from './workers.repository';
import type { Attachments } from '../../platform/files/attachments';
import { notFound } from '../../platform/http/errors';

type Ctx = RequestContext & { actor: Actor };

/** R-TAL-1 / R-STAFF-5: training sessions with their attendees; hours feed qualification and continuing education. */
type TrainingRow = typeof trainings.$inferSelect;

/** R-STAFF-3: an officer in whose division the record sits confirms the organiser of a contractor's training. */
const canConfirm = (actor: Actor, t: TrainingRow) =>
  can(actor, 'trainings:confirm') && actor.scope.kind === 'division' && t.divisionPath.startsWith(actor.scope.path);

export function createTrainingService(db: Db, clock: Clock, attachments: Attachments) {
  async function views(rows: TrainingRow[], actor: Actor): Promise<TrainingView[]> {
    const ids = rows.map((r) => r.id);
    const files = await attachments.list('training', ids);
    const att = ids.length
      ? await db
          .select({
            trainingId: trainingAttendance.trainingId,
            workerId: trainingAttendance.workerId,
            hours: trainingAttendance.hours,
            name: workers.name,
          })
          .from(trainingAttendance)
          .innerJoin(workers, eq(workers.id, trainingAttendance.workerId))
          .where(inArray(trainingAttendance.trainingId, ids))
      : [];
    return rows.map((t) => ({
      id: t.id,
      title: t.title,
      organiser: t.organiser,
      organiserLevel: t.organiserLevel as OrganiserLevel,
      startOn: t.startOn,
      endOn: t.endOn,
      hours: Number(t.hours),
      qualifying: QUALIFYING_ORGANISERS.includes(t.organiserLevel as OrganiserLevel),
      organiserConfirmed: !!t.organiserConfirmedAt,
      organiserConfirmedBy: t.organiserConfirmedBy,
      abilities: { confirm: !t.organiserConfirmedAt && canConfirm(actor, t) },
      attendees: att
        .filter((a) => a.trainingId === t.id)
        .map((a) => ({ workerId: a.workerId, name: a.name, hours: Number(a.hours) })),
      files: files.get(t.id) ?? [],
    }));
  }

  /** Workers the caller may record attendance for: its own staff for a contractor, workers in scope for officers. */
  async function checkWorkers(actor: Actor, ids: string[]) {
    if (ids.length === 0) return;
    const scope = workerScope(actor.scope, clock.today());
    const found = await db
      .select({ id: workers.id })
      .from(workers)
      .where(and(inArray(workers.id, [...new Set(ids)]), scope, isNull(workers.archivedAt)));
    if (found.length !== new Set(ids).size) throw fieldError('workerIds', '包含不存在或不在本单位范围内的社工');
  }

  /** A session the caller may read: organised in its area, by its organisation, or attended by workers it may see. */
  function readable(actor: Actor): SQL | undefined {
    const attendedBy = (who: SQL) =>
      inArray(
        trainings.id,
        db
          .select({ id: trainingAttendance.trainingId })
          .from(trainingAttendance)
          .innerJoin(workers, eq(workers.id, trainingAttendance.workerId))
          .where(who),
      );
    if (actor.scope.kind === 'organisation')
      return or(
        eq(trainings.organisationId, actor.scope.organisationId),
        attendedBy(eq(workers.organisationId, actor.scope.organisationId)),
      );
    // A social worker sees the sessions they and their colleagues at the same stations attended.
    if (actor.scope.kind === 'stations') return attendedBy(workerScope(actor.scope, clock.today()));
    return scopeCondition(actor.scope, { divisionPath: trainings.divisionPath });
  }

  const service = {
    /** The session, if the caller may read it (404 otherwise); `own` when the caller recorded it. */
    async load(actor: Actor, id: string) {
      const t = (
        await db
          .select()
          .from(trainings)
          .where(and(eq(trainings.id, id), readable(actor)))
          .limit(1)
      )[0];
      if (!t) throw notFound('培训');
      return {
        training: t,
        own:
          t.createdBy === actor.userId ||
          (actor.scope.kind === 'organisation' && t.organisationId === actor.scope.organisationId) ||
          (actor.scope.kind === 'division' && t.divisionPath.startsWith(actor.scope.path)),
      };
    },
    async list(actor: Actor) {
      const rows = await db.select().from(trainings).where(readable(actor)).orderBy(desc(trainings.startOn));
      const items = await views(rows, actor);
      return { items, total: items.length };
    },
    async create(ctx: Ctx, input: CreateTrainingInput) {
      await checkWorkers(ctx.actor, input.workerIds);
      // An officer's own record needs no confirmation; a contractor's counts once an officer confirms the organiser.
      const officer = ctx.actor.scope.kind === 'division';
      const now = clock.now();
      const created = await db.transaction(async (tx) => {
        const [t] = await tx
          .insert(trainings)
          .values({
            title: input.title,
            organiser: input.organiser,
            organiserLevel: input.organiserLevel,
            startOn: input.startOn,
            endOn: input.endOn,
            hours: input.hours,
            divisionPath: ctx.actor.scope.path,
            organisationId: ctx.actor.scope.kind === 'organisation' ? ctx.actor.scope.organisationId : null,
            organiserConfirmedAt: officer ? now : null,
            organiserConfirmedBy: officer ? ctx.actor.displayName : null,
            createdAt: now,
            createdBy: ctx.actor.userId,
          })
          .returning();
        if (input.workerIds.length)
          await tx
            .insert(trainingAttendance)
            .values(
              [...new Set(input.workerIds)].map((workerId) => ({ trainingId: t.id, workerId, hours: input.hours })),
            );
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'training',
          entityId: t.id,
          divisionPath: t.divisionPath,
          summary: `登记培训 ${t.title}（${input.hours} 学时，${input.workerIds.length} 人）`,
          after: input,
        });
        return t;
      });
      return (await views([created], ctx.actor))[0];
    },
    /** R-STAFF-3: an officer confirms, and may correct, the organiser level of a contractor's record; audited. */
    async confirm(ctx: Ctx, id: string, organiserLevel: OrganiserLevel) {
      const { training: t } = await service.load(ctx.actor, id);
      if (!canConfirm(ctx.actor, t)) throw new AppError('NOT_FOUND', '培训不存在或无权访问');
      if (t.organiserConfirmedAt) throw new AppError('INVALID_TRANSITION', '该培训的主办单位已确认');
      const [n] = await db.transaction(async (tx) => {
        const rows = await tx
          .update(trainings)
          .set({
            organiserLevel,
            organiserConfirmedAt: clock.now(),
            organiserConfirmedBy: ctx.actor.displayName,
            version: t.version + 1,
          })
          .where(eq(trainings.id, id))
          .returning();
        const corrected =
          organiserLevel !== t.organiserLevel
            ? `，主办单位类别由“${ORGANISER_LEVEL_LABELS[t.organiserLevel as OrganiserLevel]}”改为“${ORGANISER_LEVEL_LABELS[organiserLevel]}”`
            : '';
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'training',
          entityId: id,
          divisionPath: t.divisionPath,
          summary: `确认培训 ${t.title} 的主办单位${corrected}`,
          before: { organiserLevel: t.organiserLevel },
          after: { organiserLevel, confirmed: true },
        });
        return rows;
      });
      return (await views([n], ctx.actor))[0];
    },
  };
  return service;
}
export type TrainingService = ReturnType<typeof createTrainingService>;
