import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import {
  ageOn, checkCitizenId, continuingEducation, deadlineStatus, hiringBreaches, maskCitizenId, maskPhone, qualification, qualificationDeadline,
  type CertificateLevel, type CreateWorkerInput, type EducationLevel, type Finding, type OrganiserLevel, type UpdateWorkerInput, type WorkerView,
} from '@shegong/shared';
import type { Db, DbOrTx } from '../../db/database';
import { can, type Actor } from '../../platform/auth/actor';
import { pathInScope, scopeCondition } from '../../platform/auth/scope';
import { diff, writeAudit, type RequestContext } from '../../platform/audit/audit';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import { contracts, contractStations } from '../contracts';
import { liveContract, todayInChina } from '../contracts/station-contracts';
import { organisations } from '../organisations';
import { stations } from '../stations';
import { hiringExceptions, trainingAttendance, trainings, workerAssignments, workers } from './workers.table';
import { users } from '../users/users.table';
import { hashPassword } from '../../platform/auth/passwords';
import type { Attachments } from '../../platform/files/attachments';

type Ctx = RequestContext & { actor: Actor };
type WorkerRow = typeof workers.$inferSelect;
/** Facts whose change sends a filed worker back through filing (R-STAFF-6). */
const FILED_FACTS = ['name', 'idNumber', 'education', 'socialWorkMajor', 'certificateLevel', 'role', 'hireDate'] as const;

/** The roster (R-STAFF-1…6): hiring checks, computed qualification and deadlines, assignments, filing, masking. */
export function createWorkerService(db: Db, attachments: Attachments) {
  const scopeOf = (a: Actor): SQL =>
    a.scope.kind === 'stations'
      ? // A social worker sees the colleagues assigned to the same stations today.
        sql`${workers.id} in (select worker_id from worker_assignments where station_id = any(${sql.param(a.scope.stationIds)}::uuid[])
          and start_on <= ${todayInChina()}::date and (end_on is null or end_on >= ${todayInChina()}::date))`
      : scopeCondition(a.scope, { divisionPath: workers.divisionPath, organisationId: workers.organisationId });

  async function context(rows: WorkerRow[]) {
    const ids = rows.map((w) => w.id);
    if (ids.length === 0) return { hours: new Map(), assigned: new Map(), orgNames: new Map(), starts: new Map(), files: new Map() };
    const [att, asg, orgs, files] = await Promise.all([
      db.select({ workerId: trainingAttendance.workerId, hours: trainingAttendance.hours, organiserLevel: trainings.organiserLevel, endedOn: trainings.endOn }).from(trainingAttendance).innerJoin(trainings, eq(trainings.id, trainingAttendance.trainingId)).where(inArray(trainingAttendance.workerId, ids)),
      db.select({ a: workerAssignments, stationName: stations.name }).from(workerAssignments).innerJoin(stations, eq(stations.id, workerAssignments.stationId)).where(inArray(workerAssignments.workerId, ids)).orderBy(asc(workerAssignments.startOn)),
      db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, [...new Set(rows.map((w) => w.organisationId))])),
      attachments.list('worker', ids),
    ]);
    const stationIds = [...new Set(asg.map((x) => x.a.stationId))];
    // The start of the earliest contract covering each station: the 2-year clock of R-STAFF-4 runs from there.
    const starts = new Map<string, string>();
    if (stationIds.length) {
      for (const r of await db.select({ stationId: contractStations.stationId, start: sql<string>`min(${contracts.cycleStart})` }).from(contractStations).innerJoin(contracts, eq(contracts.id, contractStations.contractId)).where(inArray(contractStations.stationId, stationIds)).groupBy(contractStations.stationId)) {
        starts.set(r.stationId, String(r.start).slice(0, 10));
      }
    }
    const group = <T extends { workerId: string }>(xs: T[]) => xs.reduce((m, x) => m.set(x.workerId, [...(m.get(x.workerId) ?? []), x]), new Map<string, T[]>());
    return { hours: group(att), assigned: group(asg.map((x) => ({ ...x.a, stationName: x.stationName }))), orgNames: new Map(orgs.map((o) => [o.id, o.name])), starts, files };
  }

  function view(w: WorkerRow, actor: Actor, ctx: Awaited<ReturnType<typeof context>>): WorkerView {
    const today = todayInChina();
    const clear = can(actor, 'workers:pii');
    const training = (ctx.hours.get(w.id) ?? []).map((t: { hours: number; organiserLevel: string; endedOn: string }) => ({ hours: Number(t.hours), organiserLevel: t.organiserLevel as OrganiserLevel, endedOn: t.endedOn }));
    const q = qualification({ socialWorkMajor: w.socialWorkMajor, education: w.education as EducationLevel, certificateLevel: w.certificateLevel as CertificateLevel | null }, training, today);
    const assignments = (ctx.assigned.get(w.id) ?? []) as (typeof workerAssignments.$inferSelect & { stationName: string })[];
    const first = assignments[0];
    const deadlineOn = first ? qualificationDeadline(w.role, { assignedOn: first.startOn, contractStart: ctx.starts.get(first.stationId) ?? null }) : null;
    const status = deadlineOn ? deadlineStatus(q.qualified, deadlineOn, today) : 'unassigned';
    const year = Number(today.slice(0, 4));
    const ce = continuingEducation(year, training, today);
    const lastYear = continuingEducation(year - 1, training, today);
    const findings: Finding[] = [];
    if (w.hiringExceptionReason) findings.push({ ruleId: 'R-STAFF-2', severity: 'warning', message: `聘用条件例外：${w.hiringExceptionReason}`, action: '例外已由民政部门登记' });
    if (!w.localHukou) findings.push({ ruleId: 'R-STAFF-2', severity: 'info', message: '非本地户籍（本地户籍人员优先）', action: '—' });
    if (status === 'overdue') findings.push({ ruleId: 'R-STAFF-4', severity: 'error', message: `${w.role === 'project_lead' ? '项目主管须在任职时' : '驻站社工须在项目实施 2 年内'}具备社会工作专业资质，期限 ${deadlineOn} 已过`, action: q.explanation });
    if (status === 'at_risk') findings.push({ ruleId: 'R-STAFF-4', severity: 'warning', message: `须在 ${deadlineOn} 前具备社会工作专业资质`, action: q.explanation });
    if (first && lastYear.finding && lastYear.finding.severity === 'error' && w.hireDate < `${year}-01-01`) findings.push(lastYear.finding);
    if (!w.labourContractStart) findings.push({ ruleId: 'R-STAFF-6', severity: 'warning', message: '未登记劳动合同', action: '签订劳动合同并登记起止日期' });
    if (!w.archiveKept) findings.push({ ruleId: 'R-STAFF-6', severity: 'warning', message: '未建立人事档案', action: '建立并妥善保管人事档案' });
    if (w.filingStatus !== 'filed') findings.push({ ruleId: 'R-STAFF-6', severity: 'warning', message: '尚未报县（区）民政局备案', action: '提交备案' });
    const mine = actor.scope.kind === 'organisation' && actor.scope.organisationId === w.organisationId;
    return {
      id: w.id, organisationId: w.organisationId, organisationName: ctx.orgNames.get(w.organisationId) ?? '', name: w.name,
      idNumber: clear ? w.idNumber : maskCitizenId(w.idNumber), phone: clear || !w.phone ? w.phone : maskPhone(w.phone), masked: !clear,
      birthDate: clear ? w.birthDate : null, gender: w.gender, age: ageOn(w.birthDate, today), education: w.education as EducationLevel, major: w.major,
      socialWorkMajor: w.socialWorkMajor, certificateLevel: w.certificateLevel as CertificateLevel | null, certificateNumber: w.certificateNumber, certificateDate: w.certificateDate,
      localHukou: w.localHukou, hireDate: w.hireDate, role: w.role, labourContractStart: w.labourContractStart, labourContractEnd: w.labourContractEnd, archiveKept: w.archiveKept,
      hiringExceptionReason: w.hiringExceptionReason, qualification: q, deadline: { on: deadlineOn, status }, continuingEducation: { year, hours: ce.hours },
      assignments: assignments.map((a) => ({ id: a.id, stationId: a.stationId, stationName: a.stationName, startOn: a.startOn, endOn: a.endOn })),
      filingStatus: w.filingStatus, filingComment: w.filingComment, files: ctx.files.get(w.id) ?? [], findings, version: w.version,
      abilities: {
        update: mine && can(actor, 'workers:write'),
        submit: mine && can(actor, 'workers:write') && (w.filingStatus === 'draft' || w.filingStatus === 'returned'),
        approve: can(actor, 'workers:approve') && pathInScope(actor.scope, w.divisionPath) && w.filingStatus === 'submitted',
        unmask: !clear && can(actor, 'workers:unmask'),
      },
    };
  }

  const views = async (rows: WorkerRow[], actor: Actor) => {
    const ctx = await context(rows);
    return rows.map((w) => view(w, actor, ctx));
  };

  async function load(actor: Actor, id: string) {
    const rows = await db.select().from(workers).where(and(eq(workers.id, id), scopeOf(actor), isNull(workers.archivedAt))).limit(1);
    if (!rows[0]) throw notFound('社工');
    return rows[0];
  }
  async function loadOwn(ctx: Ctx, id: string) {
    const w = await load(ctx.actor, id);
    if (ctx.actor.scope.kind !== 'organisation' || ctx.actor.scope.organisationId !== w.organisationId || !can(ctx.actor, 'workers:write')) throw notFound('社工');
    return w;
  }
  async function reload(actor: Actor, id: string) {
    return (await views([await load(actor, id)], actor))[0];
  }

  /** The station's path when a worker is assigned, so the county that owns the station sees the worker. */
  async function homePath(tx: DbOrTx, workerId: string, orgPath: string) {
    const today = todayInChina();
    const rows = await tx
      .select({ path: stations.divisionPath })
      .from(workerAssignments)
      .innerJoin(stations, eq(stations.id, workerAssignments.stationId))
      .where(and(eq(workerAssignments.workerId, workerId), sql`${workerAssignments.startOn} <= ${today}::date`, sql`(${workerAssignments.endOn} is null or ${workerAssignments.endOn} >= ${today}::date)`))
      .orderBy(asc(workerAssignments.startOn))
      .limit(1);
    return rows[0]?.path ?? orgPath;
  }

  function checkId(idNumber: string) {
    const r = checkCitizenId(idNumber);
    if (!r.ok) throw fieldError('idNumber', r.message);
    return r;
  }

  return {
    load,
    loadOwn,
    async list(actor: Actor, q: { stationId?: string; role?: string; filingStatus?: string; deadline?: string }) {
      const conds: (SQL | undefined)[] = [scopeOf(actor), isNull(workers.archivedAt)];
      if (q.role) conds.push(eq(workers.role, q.role as WorkerRow['role']));
      if (q.filingStatus) conds.push(eq(workers.filingStatus, q.filingStatus as WorkerRow['filingStatus']));
      if (q.stationId) conds.push(sql`${workers.id} in (select worker_id from worker_assignments where station_id = ${q.stationId} and (end_on is null or end_on >= ${todayInChina()}::date))`);
      const rows = await db.select().from(workers).where(and(...conds)).orderBy(asc(workers.name));
      let items = await views(rows, actor);
      if (q.deadline) items = items.filter((w) => w.deadline.status === q.deadline);
      return { items, total: items.length };
    },
    get: reload,

    async create(ctx: Ctx, input: CreateWorkerInput) {
      if (ctx.actor.scope.kind !== 'organisation' || !can(ctx.actor, 'workers:write')) throw new AppError('FORBIDDEN', '只有承接机构可以登记本机构的社工');
      const orgId = ctx.actor.scope.organisationId;
      const id = checkId(input.idNumber);
      const dup = await db.select({ id: workers.id }).from(workers).where(and(eq(workers.organisationId, orgId), eq(workers.idNumber, input.idNumber), isNull(workers.archivedAt))).limit(1);
      if (dup[0]) throw fieldError('idNumber', '本机构已登记该身份证号');
      const breaches = hiringBreaches({ birthDate: id.birthDate, hireDate: input.hireDate, education: input.education });
      let exception: string | null = null;
      if (breaches.length) {
        const ex = (await db.select().from(hiringExceptions).where(and(eq(hiringExceptions.organisationId, orgId), eq(hiringExceptions.idNumber, input.idNumber))).limit(1))[0];
        if (!ex) {
          throw new AppError('HIRING_REFUSED', `不符合聘用条件（R-STAFF-2）：${breaches.map((b) => b.message).join('；')}。如确需聘用，须由县（区）民政局登记例外及理由`, { findings: breaches, fieldErrors: { hireDate: breaches.map((b) => b.message).join('；') } });
        }
        exception = `${ex.reason}（${ex.createdByName} 登记）`;
      }
      const org = (await db.select().from(organisations).where(eq(organisations.id, orgId)))[0];
      const created = await db.transaction(async (tx) => {
        const [w] = await tx
          .insert(workers)
          .values({ ...input, organisationId: orgId, divisionPath: org.divisionPath, birthDate: id.birthDate, gender: id.gender, hiringExceptionReason: exception, createdBy: ctx.actor.userId, updatedBy: ctx.actor.userId })
          .returning();
        await writeAudit(tx, ctx, { action: 'create', entityType: 'worker', entityId: w.id, divisionPath: w.divisionPath, summary: `登记社工 ${w.name}（${maskCitizenId(w.idNumber)}）`, after: { ...input, idNumber: maskCitizenId(input.idNumber), phone: input.phone ? maskPhone(input.phone) : '' } });
        return w;
      });
      return (await views([created], ctx.actor))[0];
    },

    async update(ctx: Ctx, workerId: string, input: UpdateWorkerInput) {
      const w = await loadOwn(ctx, workerId);
      if (w.version !== input.version) throw new AppError('VERSION_CONFLICT', '该社工信息已被他人修改，请刷新后再保存');
      const { version, ...fields } = input;
      const next = { ...w, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) } as WorkerRow;
      const id = checkId(next.idNumber);
      if (!w.hiringExceptionReason) {
        const breaches = hiringBreaches({ birthDate: id.birthDate, hireDate: next.hireDate, education: next.education as EducationLevel });
        if (breaches.length) throw new AppError('HIRING_REFUSED', `不符合聘用条件（R-STAFF-2）：${breaches.map((b) => b.message).join('；')}`, { findings: breaches });
      }
      const refile = w.filingStatus !== 'draft' && FILED_FACTS.some((k) => fields[k] !== undefined && fields[k] !== w[k]);
      const updated = await db.transaction(async (tx) => {
        const [n] = await tx
          .update(workers)
          .set({ ...fields, birthDate: id.birthDate, gender: id.gender, ...(refile ? { filingStatus: 'draft' as const, filingComment: '关键信息已变更，须重新备案（R-STAFF-6）' } : {}), version: version + 1, updatedAt: new Date(), updatedBy: ctx.actor.userId })
          .where(and(eq(workers.id, workerId), eq(workers.version, version)))
          .returning();
        if (!n) throw new AppError('VERSION_CONFLICT', '该社工信息已被他人修改，请刷新后再保存');
        const mask = (r: WorkerRow) => ({ ...r, idNumber: maskCitizenId(r.idNumber), phone: r.phone ? maskPhone(r.phone) : '' });
        await writeAudit(tx, ctx, { action: 'update', entityType: 'worker', entityId: n.id, divisionPath: n.divisionPath, summary: `修改社工 ${n.name}${refile ? '（须重新备案）' : ''}`, ...diff(mask(w) as never, mask(n) as never) });
        return n;
      });
      return (await views([updated], ctx.actor))[0];
    },

    /** Assigns a worker to a station the organisation's live contract covers; the worker's scope moves the same day. */
    async assign(ctx: Ctx, workerId: string, input: { stationId: string; startOn: string }) {
      const w = await loadOwn(ctx, workerId);
      const covered = await db
        .select({ id: contractStations.stationId })
        .from(contractStations)
        .innerJoin(contracts, eq(contracts.id, contractStations.contractId))
        .where(and(eq(contractStations.stationId, input.stationId), eq(contracts.organisationId, w.organisationId), liveContract))
        .limit(1);
      if (!covered[0]) throw fieldError('stationId', '该社工站不在本机构有效合同的服务范围内');
      const open = await db.select({ id: workerAssignments.id }).from(workerAssignments).where(and(eq(workerAssignments.workerId, workerId), eq(workerAssignments.stationId, input.stationId), isNull(workerAssignments.endOn))).limit(1);
      if (open[0]) throw fieldError('stationId', '已派驻该社工站');
      // The assignment, the worker's new home path (scope of the county that sees them) and the audit commit together.
      await db.transaction(async (tx) => {
        await tx.insert(workerAssignments).values({ workerId, stationId: input.stationId, startOn: input.startOn, createdBy: ctx.actor.userId });
        await tx.update(workers).set({ divisionPath: await homePath(tx, workerId, w.divisionPath) }).where(eq(workers.id, workerId));
        await writeAudit(tx, ctx, { action: 'update', entityType: 'worker', entityId: workerId, divisionPath: w.divisionPath, summary: `派驻 ${w.name} 到社工站（${input.startOn} 起）`, after: input });
      });
      return reload(ctx.actor, workerId);
    },
    async endAssignment(ctx: Ctx, workerId: string, assignmentId: string, endOn: string) {
      const w = await loadOwn(ctx, workerId);
      const a = (await db.select().from(workerAssignments).where(and(eq(workerAssignments.id, assignmentId), eq(workerAssignments.workerId, workerId))).limit(1))[0];
      if (!a) throw notFound('派驻记录');
      if (endOn < a.startOn) throw fieldError('endOn', `不能早于派驻开始日期 ${a.startOn}`);
      const org = (await db.select().from(organisations).where(eq(organisations.id, w.organisationId)))[0];
      await db.transaction(async (tx) => {
        await tx.update(workerAssignments).set({ endOn }).where(eq(workerAssignments.id, assignmentId));
        await tx.update(workers).set({ divisionPath: await homePath(tx, workerId, org.divisionPath) }).where(eq(workers.id, workerId));
        await writeAudit(tx, ctx, { action: 'update', entityType: 'worker', entityId: workerId, divisionPath: w.divisionPath, summary: `结束 ${w.name} 的派驻（${endOn}）`, after: { assignmentId, endOn } });
      });
      return reload(ctx.actor, workerId);
    },

    /** R-STAFF-6 filing: the organisation submits, the county approves or returns with comments. */
    async filing(ctx: Ctx, workerId: string, action: 'submit' | 'approve' | 'return', version: number, comment: string) {
      const w = await load(ctx.actor, workerId);
      const v = (await views([w], ctx.actor))[0];
      const allowed = action === 'submit' ? v.abilities.submit : (can(ctx.actor, 'workers:approve') && pathInScope(ctx.actor.scope, w.divisionPath) && w.filingStatus === 'submitted');
      if (!allowed) throw new AppError('INVALID_TRANSITION', action === 'submit' ? '当前状态不能报备' : '只有社工所在县（区）民政局可以审核已报备的社工');
      if (action === 'return' && !comment) throw fieldError('comment', '退回时须填写意见');
      if (w.version !== version) throw new AppError('VERSION_CONFLICT', '该社工信息已被他人修改，请刷新后再操作');
      const to = { submit: 'submitted', approve: 'filed', return: 'returned' }[action] as WorkerRow['filingStatus'];
      await db.transaction(async (tx) => {
        await tx.update(workers).set({ filingStatus: to, filingComment: comment, ...(to === 'filed' ? { filedAt: new Date() } : {}), version: version + 1, updatedAt: new Date(), updatedBy: ctx.actor.userId }).where(eq(workers.id, workerId));
        await writeAudit(tx, ctx, { action: 'update', entityType: 'worker', entityId: workerId, divisionPath: w.divisionPath, summary: `社工 ${w.name} 备案：${{ submit: '报备', approve: '审核通过', return: '退回' }[action]}${comment ? `（${comment}）` : ''}`, before: { filingStatus: w.filingStatus }, after: { filingStatus: to } });
      });
      return reload(ctx.actor, workerId);
    },

    /** Shows one worker's ID number and phone to an officer who states why; the reading is audited (R-SCOPE-2). */
    async unmask(ctx: Ctx, workerId: string, reason: string) {
      const w = await load(ctx.actor, workerId);
      if (!can(ctx.actor, 'workers:unmask')) throw new AppError('FORBIDDEN', '您的角色不能查看明文个人信息');
      await writeAudit(db, ctx, { action: 'unmask', entityType: 'worker', entityId: w.id, divisionPath: w.divisionPath, summary: `查看社工 ${w.name} 的身份证号和电话：${reason}` });
      return { idNumber: w.idNumber, phone: w.phone };
    },

    async recordException(ctx: Ctx, input: { organisationId: string; idNumber: string; reason: string }) {
      checkId(input.idNumber);
      const org = (await db.select().from(organisations).where(eq(organisations.id, input.organisationId)).limit(1))[0];
      if (!org) throw fieldError('organisationId', '承接机构不存在');
      const [e] = await db.transaction(async (tx) => {
        const rows = await tx.insert(hiringExceptions).values({ ...input, divisionPath: ctx.actor.scope.path, createdBy: ctx.actor.userId, createdByName: ctx.actor.displayName }).returning();
        await writeAudit(tx, ctx, { action: 'create', entityType: 'hiringException', entityId: rows[0].id, divisionPath: ctx.actor.scope.path, summary: `登记聘用条件例外：${org.name} ${maskCitizenId(input.idNumber)}，理由：${input.reason}` });
        return rows;
      });
      return { id: e.id, organisationId: e.organisationId, idNumber: maskCitizenId(e.idNumber), reason: e.reason };
    },

    /** Where each worker is counted (the assigned station's unit, or the organisation's). */
    paths: (ids: string[]) => (ids.length ? db.select({ id: workers.id, divisionPath: workers.divisionPath }).from(workers).where(inArray(workers.id, ids)) : Promise.resolve([])),

    /** The stations a worker is assigned to today: a social worker's scope, recomputed on every request. */
    async stationsToday(workerId: string): Promise<string[]> {
      const today = todayInChina();
      const rows = await db
        .select({ stationId: workerAssignments.stationId })
        .from(workerAssignments)
        .where(and(eq(workerAssignments.workerId, workerId), sql`${workerAssignments.startOn} <= ${today}::date`, sql`(${workerAssignments.endOn} is null or ${workerAssignments.endOn} >= ${today}::date)`));
      return rows.map((r) => r.stationId);
    },

    /** Gives a worker a login (驻站社工) that must change its password first; audited. */
    async createAccount(ctx: Ctx, workerId: string, input: { username: string; password: string }) {
      const w = await loadOwn(ctx, workerId);
      const taken = await db.select({ id: users.id }).from(users).where(sql`${users.username} = ${input.username} or ${users.workerId} = ${workerId}`).limit(1);
      if (taken[0]) throw fieldError('username', '用户名已被使用，或该社工已有账号');
      const org = (await db.select().from(organisations).where(eq(organisations.id, w.organisationId)))[0];
      const passwordHash = await hashPassword(input.password);
      await db.transaction(async (tx) => {
        const [u] = await tx
          .insert(users)
          .values({ username: input.username, displayName: w.name, role: 'social_worker', divisionCode: org.divisionCode, divisionPath: org.divisionPath, organisationId: w.organisationId, workerId, passwordHash, mustChangePassword: true, createdBy: ctx.actor.userId, updatedBy: ctx.actor.userId })
          .returning();
        await writeAudit(tx, ctx, { action: 'create', entityType: 'user', entityId: u.id, divisionPath: org.divisionPath, summary: `为社工 ${w.name} 开通账号 ${u.username}（驻站社工）` });
      });
      return { username: input.username };
    },

    /** Resident workers assigned to each station today (R-STAFF-1). */
    async residentsToday(stationIds: string[]): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      if (stationIds.length === 0) return out;
      const today = todayInChina();
      const rows = await db
        .select({ stationId: workerAssignments.stationId, n: sql<number>`count(distinct ${workers.id})::int` })
        .from(workerAssignments)
        .innerJoin(workers, eq(workers.id, workerAssignments.workerId))
        .where(and(inArray(workerAssignments.stationId, stationIds), eq(workers.role, 'resident'), isNull(workers.archivedAt), sql`${workerAssignments.startOn} <= ${today}::date`, sql`(${workerAssignments.endOn} is null or ${workerAssignments.endOn} >= ${today}::date)`))
        .groupBy(workerAssignments.stationId);
      for (const r of rows) out.set(r.stationId, r.n);
      return out;
    },
  };
}
export type WorkerService = ReturnType<typeof createWorkerService>;
