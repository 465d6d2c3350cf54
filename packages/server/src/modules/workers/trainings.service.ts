import {
  ORGANISER_LEVEL_LABELS,
  QUALIFYING_ORGANISERS,
  type CreateTrainingInput,
  type OrganiserLevel,
  type TrainingQuery,
  type TrainingView,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import { can, type Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { writeAudit } from '../../platform/audit/audit';
import type { Attachments } from '../../platform/files/attachments';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import {
  awaitingConfirmation,
  trainingScope,
  trainingsRepository as repo,
  type TrainingRow,
} from './trainings.repository';
import { workerScope, workersRepository } from './workers.repository';
import { canConfirm } from './workers.policy';
import type { ActorContext } from '../../platform/http/context';
import type { DivisionService } from '../divisions';
import { exportTrainings } from './trainings.export';

/** R-TAL-1 / R-STAFF-5: training sessions with their attendees; hours feed qualification and continuing education. */
export function createTrainingService(d: {
  db: Db;
  clock: Clock;
  attachments: Attachments;
  divisions: DivisionService;
}) {
  const { db, clock, attachments } = d;
  const scopeOf = (actor: Actor) => trainingScope(actor.scope, clock.today());

  /** Views of a set of sessions: two queries (attendees, files) whatever their number. */
  async function views(rows: TrainingRow[], actor: Actor): Promise<TrainingView[]> {
    const ids = rows.map((r) => r.id);
    const [files, att] = await Promise.all([attachments.list('training', ids), repo.attendees(db, ids)]);
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
    const unique = [...new Set(ids)];
    const found = await workersRepository.idsIn(db, workerScope(actor.scope, clock.today()), unique);
    if (found.length !== unique.length) throw fieldError('workerIds', '包含不存在或不在本单位范围内的社工');
  }

  const service = {
    /** The session, if the caller may read it (404 otherwise); `own` when the caller recorded it. */
    async load(actor: Actor, id: string) {
      const t = await repo.findInScope(db, scopeOf(actor), id);
      if (!t) throw notFound('培训');
      return {
        training: t,
        own:
          t.createdBy === actor.userId ||
          (actor.scope.kind === 'organisation' && t.organisationId === actor.scope.organisationId) ||
          (actor.scope.kind === 'division' && t.divisionPath.startsWith(actor.scope.path)),
      };
    },
    /** One page of the sessions the caller may read: four queries whatever the page size. */
    async list(actor: Actor, q: TrainingQuery) {
      const pending =
        q.pendingConfirm === 'true' ? awaitingConfirmation(actor.scope, can(actor, 'trainings:confirm')) : undefined;
      const { rows, total } = await repo.page(db, scopeOf(actor), q, pending);
      return pageOf(await views(rows, actor), total, q);
    },
    async create(ctx: ActorContext, input: CreateTrainingInput) {
      await checkWorkers(ctx.actor, input.workerIds);
      // An officer's own record needs no confirmation; a contractor's counts once an officer confirms the organiser.
      const officer = ctx.actor.scope.kind === 'division';
      const now = clock.now();
      const created = await db.transaction(async (tx) => {
        const t = await repo.insert(
          tx,
          {
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
          },
          [...new Set(input.workerIds)],
          input.hours,
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
    async confirm(ctx: ActorContext, id: string, organiserLevel: OrganiserLevel) {
      const { training: t } = await service.load(ctx.actor, id);
      if (!canConfirm(ctx.actor, t)) throw new AppError('NOT_FOUND', '培训不存在或无权访问');
      if (t.organiserConfirmedAt) throw new AppError('INVALID_TRANSITION', '该培训的主办单位已确认');
      const n = await db.transaction(async (tx) => {
        const row = await repo.update(tx, id, {
          organiserLevel,
          organiserConfirmedAt: clock.now(),
          organiserConfirmedBy: ctx.actor.displayName,
          version: t.version + 1,
        });
        const label = (l: string) => ORGANISER_LEVEL_LABELS[l as OrganiserLevel];
        const corrected =
          organiserLevel !== t.organiserLevel
            ? `，主办单位类别由“${label(t.organiserLevel)}”改为“${label(organiserLevel)}”`
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
        return row;
      });
      return (await views([n], ctx.actor))[0];
    },
  };
  return {
    ...service,
    /** The list's sessions as an audited .xlsx. */
    exportWorkbook: (ctx: ActorContext, q: TrainingQuery) => exportTrainings({ ...d, trainings: service }, ctx, q),
  };
}
export type TrainingService = ReturnType<typeof createTrainingService>;
