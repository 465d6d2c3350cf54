import { and, eq } from 'drizzle-orm';
import {
  checkCitizenId,
  hiringBreaches,
  maskCitizenId,
  type CreateWorkerInput,
  type EducationLevel,
  type UpdateWorkerInput,
  type WorkerView,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import { can, type Actor } from '../../platform/auth/actor';
import { hashPassword } from '../../platform/auth/passwords';
import { pathInScope } from '../../platform/auth/scope';
import { diff, writeAudit, type RequestContext } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { AppError, fieldError, isUniqueViolation, notFound } from '../../platform/http/errors';
import { usersRepository } from '../users';
import { workerScope, workersRepository as repo, type WorkerRow } from './workers.repository';
import { hiringExceptions, workerAssignments, workers } from './workers.table';
import { canApproveFiling, seesWorkerPii, viewContext, workerView, type WorkerViewDeps } from './workers.view';

type Ctx = RequestContext & { actor: Actor };
/** Facts whose change sends a filed worker back through filing (R-STAFF-6). */
const FILED_FACTS = [
  'name',
  'idNumber',
  'education',
  'socialWorkMajor',
  'certificateLevel',
  'role',
  'hireDate',
] as const;

export interface WorkerDeps extends WorkerViewDeps {
  db: Db;
  clock: Clock;
}

/** The roster (R-STAFF-1…6): hiring checks, computed qualification and deadlines, assignments, filing, masking. */
export function createWorkerService(d: WorkerDeps) {
  const { db, clock } = d;
  const scopeOf = (a: Actor) => workerScope(a.scope, clock.today());

  async function views(rows: WorkerRow[], actor: Actor): Promise<WorkerView[]> {
    const ctx = await viewContext(d, rows);
    const today = clock.today();
    return rows.map((w) => workerView(w, actor, ctx, today));
  }

  /** R-SCOPE-2: a read that shows ID numbers and phones in clear is an audit event naming the records (one per request). */
  async function auditClearRead(ctx: Ctx, rows: WorkerRow[], what: string) {
    if (!seesWorkerPii(ctx.actor) || rows.length === 0) return;
    await writeAudit(db, ctx, {
      action: 'read_pii',
      entityType: 'worker',
      entityId: rows.length === 1 ? rows[0].id : undefined,
      divisionPath: rows[0].currentPath,
      summary: `${what}：${rows
        .slice(0, 20)
        .map((w) => w.name)
        .join('、')}${rows.length > 20 ? ` 等 ${rows.length} 人` : ''}（身份证号、电话明文）`,
      after: { workerIds: rows.map((w) => w.id) },
    });
  }

  async function load(actor: Actor, id: string): Promise<WorkerRow> {
    const w = await repo.findInScope(db, scopeOf(actor), id, clock.today());
    if (!w) throw notFound('社工');
    return w;
  }
  /** A worker of the caller's own organisation, for the employer's changes (404 for anyone else). */
  async function loadOwn(ctx: Ctx, id: string): Promise<WorkerRow> {
    const w = await load(ctx.actor, id);
    if (
      ctx.actor.scope.kind !== 'organisation' ||
      ctx.actor.scope.organisationId !== w.organisationId ||
      !can(ctx.actor, 'workers:write')
    )
      throw notFound('社工');
    return w;
  }
  const reload = async (actor: Actor, id: string) => (await views([await load(actor, id)], actor))[0];

  function checkId(idNumber: string) {
    const r = checkCitizenId(idNumber, clock.today());
    if (!r.ok) throw fieldError('idNumber', r.message);
    return r;
  }

  /** R-STAFF-1: a person is on one roster city-wide at a time. */
  async function checkOneRoster(idNumber: string, organisationId: string, exceptId?: string) {
    const holder = await repo.holderOf(db, idNumber, exceptId);
    if (!holder) return;
    throw fieldError(
      'idNumber',
      holder.organisationId === organisationId
        ? '本机构已登记该身份证号'
        : '该身份证号已在其他承接机构的名册中：一人同一时间只能在一家承接机构的名册中（《实施方案》四（五））',
    );
  }

  return {
    load,
    loadOwn,
    /** Views with the path each worker is counted at, without an audit line: for aggregates that show no personal data. */
    async countedViews(actor: Actor) {
      const rows = await repo.list(db, scopeOf(actor), {}, clock.today());
      const items = await views(rows, actor);
      return items.map((v, i) => ({ view: v, divisionPath: rows[i].currentPath }));
    },
    async list(ctx: Ctx, q: { stationId?: string; role?: string; filingStatus?: string; deadline?: string }) {
      const rows = await repo.list(db, scopeOf(ctx.actor), q, clock.today());
      let items = await views(rows, ctx.actor);
      if (q.deadline) items = items.filter((w) => w.deadline.status === q.deadline);
      const shown = new Set(items.map((w) => w.id));
      await auditClearRead(
        ctx,
        rows.filter((w) => shown.has(w.id)),
        '查看社工名册',
      );
      return { items, total: items.length };
    },
    async get(ctx: Ctx, id: string) {
      const w = await load(ctx.actor, id);
      await auditClearRead(ctx, [w], '查看社工详情');
      return (await views([w], ctx.actor))[0];
    },

    async create(ctx: Ctx, input: CreateWorkerInput) {
      if (ctx.actor.scope.kind !== 'organisation' || !can(ctx.actor, 'workers:write'))
        throw new AppError('FORBIDDEN', '只有承接机构可以登记本机构的社工');
      const orgId = ctx.actor.scope.organisationId;
      const id = checkId(input.idNumber);
      if (input.hireDate < id.birthDate) throw fieldError('hireDate', `不能早于出生日期 ${id.birthDate}`);
      await checkOneRoster(input.idNumber, orgId);
      const breaches = hiringBreaches({
        birthDate: id.birthDate,
        hireDate: input.hireDate,
        education: input.education,
      });
      let exception: string | null = null;
      if (breaches.length) {
        const ex = await repo.hiringException(db, orgId, input.idNumber);
        if (!ex) {
          throw new AppError(
            'HIRING_REFUSED',
            `不符合聘用条件（R-STAFF-2）：${breaches.map((b) => b.message).join('；')}。如确需聘用，须由县（区）民政局登记例外及理由`,
            { findings: breaches, fieldErrors: { hireDate: breaches.map((b) => b.message).join('；') } },
          );
        }
        exception = `${ex.reason}（${ex.createdByName} 登记）`;
      }
      const org = await d.organisations.get(orgId);
      if (!org) throw notFound('承接机构');
      const now = clock.now();
      const created = await db.transaction(async (tx) => {
        const [w] = await tx
          .insert(workers)
          .values({
            ...input,
            organisationId: orgId,
            divisionPath: org.divisionPath,
            birthDate: id.birthDate,
            gender: id.gender,
            hiringExceptionReason: exception,
            createdAt: now,
            updatedAt: now,
            createdBy: ctx.actor.userId,
            updatedBy: ctx.actor.userId,
          })
          .returning();
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'worker',
          entityId: w.id,
          divisionPath: w.divisionPath,
          summary: `登记社工 ${w.name}（${maskCitizenId(w.idNumber)}）`,
          after: input,
        });
        return w;
      });
      return (await views([{ ...created, currentPath: created.divisionPath }], ctx.actor))[0];
    },

    async update(ctx: Ctx, workerId: string, input: UpdateWorkerInput) {
      const w = await loadOwn(ctx, workerId);
      if (w.version !== input.version) throw new AppError('VERSION_CONFLICT', '该社工信息已被他人修改，请刷新后再保存');
      const { version, ...fields } = input;
      const next = {
        ...w,
        ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      } as WorkerRow;
      const id = checkId(next.idNumber);
      if (next.hireDate < id.birthDate) throw fieldError('hireDate', `不能早于出生日期 ${id.birthDate}`);
      if (next.idNumber !== w.idNumber) await checkOneRoster(next.idNumber, w.organisationId, w.id);
      if (!w.hiringExceptionReason) {
        const breaches = hiringBreaches({
          birthDate: id.birthDate,
          hireDate: next.hireDate,
          education: next.education as EducationLevel,
        });
        if (breaches.length)
          throw new AppError(
            'HIRING_REFUSED',
            `不符合聘用条件（R-STAFF-2）：${breaches.map((b) => b.message).join('；')}`,
            { findings: breaches },
          );
      }
      const refile =
        w.filingStatus !== 'draft' && FILED_FACTS.some((k) => fields[k] !== undefined && fields[k] !== w[k]);
      const updated = await db.transaction(async (tx) => {
        const [n] = await tx
          .update(workers)
          .set({
            ...fields,
            birthDate: id.birthDate,
            gender: id.gender,
            ...(refile ? { filingStatus: 'draft' as const, filingComment: '关键信息已变更，须重新备案' } : {}),
            version: version + 1,
            updatedAt: clock.now(),
            updatedBy: ctx.actor.userId,
          })
          .where(and(eq(workers.id, workerId), eq(workers.version, version)))
          .returning();
        if (!n) throw new AppError('VERSION_CONFLICT', '该社工信息已被他人修改，请刷新后再保存');
        // Birth date and gender follow from the ID number: the audit keeps neither (writeAudit masks the ID itself).
        const facts = ({ birthDate: _b, gender: _g, createdAt: _c, updatedAt: _u, currentPath: _p, ...r }: WorkerRow) =>
          r;
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'worker',
          entityId: n.id,
          divisionPath: w.currentPath,
          summary: `修改社工 ${n.name}${refile ? '（须重新备案）' : ''}`,
          ...diff(facts(w), facts({ ...n, currentPath: w.currentPath })),
        });
        return { ...n, currentPath: w.currentPath };
      });
      return (await views([updated], ctx.actor))[0];
    },

    /**
     * Assigns a worker to a station the organisation's live contract covers; the worker's scope moves the same day.
     * R-STAFF-1: a resident worker is resident at one station at a time, so another open assignment must end first.
     */
    async assign(ctx: Ctx, workerId: string, input: { stationId: string; startOn: string }) {
      const w = await loadOwn(ctx, workerId);
      if (!(await d.contracts.covers(w.organisationId, input.stationId)))
        throw fieldError('stationId', '该社工站不在本机构有效合同的服务范围内');
      const current = (await repo.assignmentsOf(db, [workerId])).filter(
        (a) => a.endOn === null || a.endOn >= input.startOn,
      );
      if (current.some((a) => a.stationId === input.stationId)) throw fieldError('stationId', '已派驻该社工站');
      if (current.length) {
        const [other] = await d.stations.summaries([current[0].stationId]);
        throw fieldError(
          'stationId',
          `${w.name}目前派驻在${other?.name ?? '其他社工站'}：驻站社工同一时间只驻一个社工站，请先结束该派驻（《实施方案》四（五））`,
        );
      }
      const [station] = await d.stations.summaries([input.stationId]);
      await db.transaction(async (tx) => {
        await tx.insert(workerAssignments).values({
          workerId,
          stationId: input.stationId,
          divisionPath: station.divisionPath,
          startOn: input.startOn,
          createdBy: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'worker',
          entityId: workerId,
          divisionPath: station.divisionPath,
          summary: `派驻 ${w.name} 到社工站（${input.startOn} 起）`,
          after: input,
        });
      });
      return reload(ctx.actor, workerId);
    },
    async endAssignment(ctx: Ctx, workerId: string, assignmentId: string, endOn: string) {
      const w = await loadOwn(ctx, workerId);
      const a = (await repo.assignmentsOf(db, [workerId])).find((x) => x.id === assignmentId);
      if (!a) throw notFound('派驻记录');
      if (endOn < a.startOn) throw fieldError('endOn', `不能早于派驻开始日期 ${a.startOn}`);
      await db.transaction(async (tx) => {
        await tx.update(workerAssignments).set({ endOn }).where(eq(workerAssignments.id, assignmentId));
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'worker',
          entityId: workerId,
          divisionPath: a.divisionPath,
          summary: `结束 ${w.name} 的派驻（${endOn}）`,
          after: { assignmentId, endOn },
        });
      });
      return reload(ctx.actor, workerId);
    },

    /** R-STAFF-6 filing: the organisation submits, the county approves or returns with comments. */
    async filing(
      ctx: Ctx,
      workerId: string,
      action: 'submit' | 'approve' | 'return',
      version: number,
      comment: string,
    ) {
      const w = await load(ctx.actor, workerId);
      const v = (await views([w], ctx.actor))[0];
      const allowed = action === 'submit' ? v.abilities.submit : canApproveFiling(ctx.actor, w);
      if (!allowed)
        throw new AppError(
          'INVALID_TRANSITION',
          action === 'submit' ? '当前状态不能报备' : '只有社工所在县（区）民政局可以审核已报备的社工',
        );
      if (action === 'return' && !comment) throw fieldError('comment', '退回时须填写意见');
      if (w.version !== version) throw new AppError('VERSION_CONFLICT', '该社工信息已被他人修改，请刷新后再操作');
      const to = { submit: 'submitted', approve: 'filed', return: 'returned' }[action] as WorkerRow['filingStatus'];
      await db.transaction(async (tx) => {
        await tx
          .update(workers)
          .set({
            filingStatus: to,
            filingComment: comment,
            ...(to === 'filed' ? { filedAt: clock.now() } : {}),
            version: version + 1,
            updatedAt: clock.now(),
            updatedBy: ctx.actor.userId,
          })
          .where(eq(workers.id, workerId));
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'worker',
          entityId: workerId,
          divisionPath: w.currentPath,
          summary: `社工 ${w.name} 备案：${{ submit: '报备', approve: '审核通过', return: '退回' }[action]}${comment ? `（${comment}）` : ''}`,
          before: { filingStatus: w.filingStatus },
          after: { filingStatus: to },
        });
      });
      return reload(ctx.actor, workerId);
    },

    /** Shows one worker's ID number and phone to an officer who states why; the reading is audited (R-SCOPE-2). */
    async unmask(ctx: Ctx, workerId: string, reason: string) {
      const w = await load(ctx.actor, workerId);
      if (!can(ctx.actor, 'workers:unmask')) throw new AppError('FORBIDDEN', '您的角色不能查看明文个人信息');
      await writeAudit(db, ctx, {
        action: 'unmask',
        entityType: 'worker',
        entityId: w.id,
        divisionPath: w.currentPath,
        summary: `查看社工 ${w.name} 的身份证号和电话：${reason}`,
      });
      return { idNumber: w.idNumber, phone: w.phone };
    },

    /**
     * R-STAFF-2: a county records an exception for a contractor that works in its unit (registered there, or holding a
     * live contract there); any other organisation answers exactly like a missing one.
     */
    async recordException(ctx: Ctx, input: { organisationId: string; idNumber: string; reason: string }) {
      checkId(input.idNumber);
      const org = await d.organisations.get(input.organisationId);
      const ours =
        !!org &&
        (pathInScope(ctx.actor.scope, org.divisionPath) || (await d.contracts.worksIn(org.id, ctx.actor.scope)));
      if (!org || !ours) throw fieldError('organisationId', '承接机构不存在或不在本单位');
      const [e] = await db.transaction(async (tx) => {
        const rows = await tx
          .insert(hiringExceptions)
          .values({
            ...input,
            divisionPath: ctx.actor.scope.path,
            createdAt: clock.now(),
            createdBy: ctx.actor.userId,
            createdByName: ctx.actor.displayName,
          })
          .returning();
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'hiringException',
          entityId: rows[0].id,
          divisionPath: ctx.actor.scope.path,
          summary: `登记聘用条件例外：${org.name} ${maskCitizenId(input.idNumber)}，理由：${input.reason}`,
        });
        return rows;
      });
      return { id: e.id, organisationId: e.organisationId, idNumber: maskCitizenId(e.idNumber), reason: e.reason };
    },

    /** The stations a worker is assigned to today: a social worker's scope, recomputed on every request. */
    stationsToday: (workerId: string) => repo.activeStations(db, workerId, clock.today()),
    /** Resident workers assigned to each station today (R-STAFF-1). */
    residentsToday: (stationIds: string[]) => repo.residentsAt(db, stationIds, clock.today()),

    /** Gives a worker a login (驻站社工) that must change its password first; audited. */
    async createAccount(ctx: Ctx, workerId: string, input: { username: string; password: string }) {
      const w = await loadOwn(ctx, workerId);
      if (await usersRepository.usernameOrWorkerTaken(db, input.username, workerId))
        throw fieldError('username', '用户名已被使用，或该社工已有账号');
      const org = await d.organisations.get(w.organisationId);
      if (!org) throw notFound('承接机构');
      const passwordHash = await hashPassword(input.password);
      // The unique index on users.worker_id decides between two requests sent at once.
      await db
        .transaction(async (tx) => {
          const now = clock.now();
          const u = await usersRepository.insert(tx, {
            username: input.username,
            displayName: w.name,
            role: 'social_worker',
            divisionCode: org.divisionCode,
            divisionPath: org.divisionPath,
            organisationId: w.organisationId,
            workerId,
            passwordHash,
            mustChangePassword: true,
            createdAt: now,
            updatedAt: now,
            createdBy: ctx.actor.userId,
            updatedBy: ctx.actor.userId,
          });
          if (!u) throw fieldError('username', '用户名已被使用，或该社工已有账号');
          await writeAudit(tx, ctx, {
            action: 'create',
            entityType: 'user',
            entityId: u.id,
            divisionPath: org.divisionPath,
            summary: `为社工 ${w.name} 开通账号 ${u.username}（驻站社工）`,
          });
        })
        .catch((e: unknown) => {
          if (isUniqueViolation(e)) throw fieldError('username', '用户名已被使用，或该社工已有账号');
          throw e;
        });
      return { username: input.username };
    },
  };
}
export type WorkerService = ReturnType<typeof createWorkerService>;
