import {
  CASE_STATUS_LABELS,
  lockedFields,
  maskName,
  type CreateCaseInput,
  type UpdateCaseInput,
} from '@shegong/shared';
import type { z } from 'zod';
import type { createCaseSchema, updateCaseSchema } from '@shegong/shared';
import { writeAudit } from '../../platform/audit/audit';
import { stationInScope } from '../../platform/auth/scope';
import type { ActorContext } from '../../platform/http/context';
import { AppError } from '../../platform/http/errors';
import { refuse } from './cases.errors';
import { isApprover, isWriter } from './cases.policy';
import { createCaseReads, type CaseDeps } from './cases.reads';
import { casesRepository as repo } from './cases.repository';
import { createCaseWorkflow } from './cases.workflow';

type CreateInput = z.infer<typeof createCaseSchema>;
type UpdateInput = z.infer<typeof updateCaseSchema>;
export type { CreateCaseInput, UpdateCaseInput };

/** Case work's use cases (R-SVC-3): reading, opening a case and writing its stages here; the workflow steps apart. */
export function createCaseService(d: CaseDeps) {
  const { db, clock } = d;
  const reads = createCaseReads(d);
  const workflow = createCaseWorkflow({ ...d, reads });

  return {
    list: reads.list,
    get: reads.get,
    load: reads.load,
    act: workflow.act,
    transfer: workflow.transfer,

    /** 接案: a person served by the station, a source, the presenting problem; the case worker is the caller by default. */
    async create(ctx: ActorContext, input: CreateInput) {
      const { actor } = ctx;
      const today = clock.today();
      const errors: Record<string, string> = {};
      if (input.openedOn > today) errors.openedOn = '不能晚于今天';
      const [station] = await d.stations.summaries([input.stationId]);
      if (!station || actor.scope.kind === 'division' || !stationInScope(actor.scope, station))
        refuse({ ...errors, stationId: '不存在或不是您服务的社工站' });
      const personName = await d.people.servedAt(actor, input.beneficiaryId, station.id);
      if (!personName) errors.beneficiaryId = '不存在或不是该社工站登记的服务对象';
      const workerId = input.workerId ?? actor.workerId ?? null;
      if (!workerId) errors.workerId = '请选择个案社工';
      else if (workerId !== actor.workerId && !isApprover(actor)) errors.workerId = '只能为自己开案，或由项目主管指派';
      else if (!(await d.workers.assignedToday([station.id])).some((w) => w.workerId === workerId))
        errors.workerId = '须是今天在该社工站工作的社工';
      refuse(errors);
      if (await repo.openFor(db, input.beneficiaryId, station.id))
        throw new AppError('DUPLICATE', '该服务对象在本站已有未结案的个案，请在原个案中继续服务', {
          fieldErrors: { beneficiaryId: '已有未结案的个案' },
        });
      const by = actor.userId;
      const row = await db.transaction(async (tx) => {
        const created = await repo.insert(tx, {
          stationId: station.id,
          divisionPath: station.divisionPath,
          organisationId: actor.scope.kind === 'organisation' ? actor.scope.organisationId : null,
          beneficiaryId: input.beneficiaryId,
          workerId,
          source: input.source,
          openedOn: input.openedOn,
          intakeNote: input.intakeNote,
          createdBy: by,
          updatedBy: by,
        });
        await repo.addEvent(tx, { caseId: created.id, kind: 'opened', createdBy: by, at: clock.now() });
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'case',
          entityId: created.id,
          divisionPath: created.divisionPath,
          summary: `接案：${maskName(personName!)}（${station.name}）`,
          // The intake note is a case note (R-SCOPE-2): the log's readers are administrators, so it stays out.
          after: { stationId: station.id, beneficiaryId: input.beneficiaryId, workerId, source: input.source },
        });
        return created;
      });
      return reads.viewOf(actor, row);
    },

    /** The stage's content (version-checked): the plan until it is submitted; scores, tasks and the closure in 介入. */
    async update(ctx: ActorContext, id: string, input: UpdateInput) {
      const { actor } = ctx;
      const today = clock.today();
      const current = await reads.load(actor, id);
      if (!isWriter(actor, current)) throw new AppError('FORBIDDEN', '只有个案社工可以修改个案内容');
      const { version, ...fields } = input;
      const sent = Object.entries(fields)
        .filter(([, v]) => v !== undefined)
        .map(([k]) => k);
      const locked = lockedFields(current.status, sent);
      if (locked.length)
        throw new AppError(
          'INVALID_TRANSITION',
          `个案处于「${CASE_STATUS_LABELS[current.status]}」阶段，这些内容不能修改`,
        );
      const [goals, tasks] = await Promise.all([repo.goalsOf(db, id), repo.tasksOf(db, id)]);
      const errors: Record<string, string> = {};
      if (input.goals && current.status === 'intervention') {
        const before = new Map(goals.map((g) => [g.id, g.title]));
        if (input.goals.length !== goals.length || input.goals.some((g) => before.get(g.id) !== g.title))
          errors.goals = '计划批准后目标不能增删或改名，只能填写评分';
      }
      const finalGoalIds = new Set((input.goals ?? goals).map((g) => g.id));
      const finalTasks = input.tasks ?? tasks;
      finalTasks.forEach((t, i) => {
        if (t.goalId && !finalGoalIds.has(t.goalId)) errors[`tasks.${i}.goalId`] = '不在服务计划的目标中';
        if (t.dueOn < current.openedOn) errors[`tasks.${i}.dueOn`] = '不能早于开案日期';
        if (t.doneOn && t.doneOn > today) errors[`tasks.${i}.doneOn`] = '不能晚于今天';
      });
      const ids = [...(input.goals ?? []).map((g) => g.id), ...(input.tasks ?? []).map((t) => t.id)];
      if (new Set(ids).size !== ids.length) errors.goals = '目标或任务的编号重复';
      const foreign = await repo.foreignIds(
        db,
        id,
        (input.goals ?? []).map((g) => g.id),
        (input.tasks ?? []).map((t) => t.id),
      );
      if (foreign.length) errors.tasks = '目标或任务的编号已被使用';
      refuse(errors);
      const assessed = current.status === 'intake' && (!!input.needs || !!input.riskLevel || !!input.strengths);
      const by = actor.userId;
      const row = await db.transaction(async (tx) => {
        const updated = await repo.update(tx, id, version, {
          ...(input.source && { source: input.source }),
          ...(input.intakeNote !== undefined && { intakeNote: input.intakeNote }),
          ...(input.needs && { needs: input.needs }),
          ...(input.riskLevel !== undefined && { riskLevel: input.riskLevel }),
          ...(input.strengths !== undefined && { strengths: input.strengths }),
          ...(input.closure && {
            closureReason: input.closure.reason,
            closureNote: input.closure.note,
            followUpOn: input.closure.followUpOn,
            satisfaction: input.closure.satisfaction,
          }),
          ...(assessed && { status: 'assessment' as const }),
          updatedBy: by,
          updatedAt: clock.now(),
        });
        if (!updated) throw new AppError('VERSION_CONFLICT', '该个案已被他人修改，请刷新后再保存');
        if (input.tasks)
          await repo.deleteTasksExcept(
            tx,
            id,
            input.tasks.map((t) => t.id),
          );
        if (input.goals)
          await repo.upsertGoals(
            tx,
            id,
            input.goals.map((g, position) => ({ ...g, position })),
            by,
          );
        if (input.tasks) await repo.upsertTasks(tx, id, input.tasks, by);
        if (input.goals)
          await repo.deleteGoalsExcept(
            tx,
            id,
            input.goals.map((g) => g.id),
          );
        if (assessed) await repo.addEvent(tx, { caseId: id, kind: 'assessed', createdBy: by, at: clock.now() });
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'case',
          entityId: id,
          divisionPath: updated.divisionPath,
          summary: `修改个案内容（${CASE_STATUS_LABELS[updated.status]}）`,
          // Which parts changed, never their text (case notes stay out of the log, R-SCOPE-2).
          after: { changed: sent, goals: input.goals?.length, tasks: input.tasks?.length },
        });
        return updated;
      });
      return reads.viewOf(actor, row);
    },
  };
}
export type CaseService = ReturnType<typeof createCaseService>;
