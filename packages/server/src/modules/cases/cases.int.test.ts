import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/audit.table';
import { AppError } from '../../platform/http/errors';
import { makeCitizenId } from '../../test-support/citizen-ids';
import { contractFixture } from '../../test-support/contract-fixture';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { createCaseGate } from './cases.gate';
import { caseEvents, cases } from './cases.table';

// Case work (个案, R-SVC-3, MZ/T 094) and who sees its notes (R-SCOPE-2), through the HTTP API on both databases.
const TODAY = '2026-11-28';
const INTAKE = '老人独居，子女外出务工，近期多次摔倒';
let t: TestApp;
let org: Session;
let county: Session;
let lead: Session;
let otherLead: Session;
let qfOfficer: Session;
let cityOfficer: Session;
const sw: Record<string, Session> = {};
const ids: Record<string, string> = {};
const goalId = randomUUID();
const taskId = randomUUID();

async function workerLogin(key: string, name: string, idNumber: string, stationId: string) {
  ids[key] = (
    await t.call(org, 'POST', '/api/v1/workers', {
      name,
      idNumber,
      education: 'bachelor',
      socialWorkMajor: true,
      hireDate: '2026-03-01',
      role: 'resident',
    })
  ).json().id;
  await t.call(org, 'POST', `/api/v1/workers/${ids[key]}/assignments`, { stationId, startOn: '2026-03-01' });
  await t.call(org, 'POST', `/api/v1/workers/${ids[key]}/account`, {
    username: `${key}.sw`,
    password: 'Worker-Pass-01',
  });
  const first = await t.login(`${key}.sw`, 'Worker-Pass-01');
  await t.call(first, 'POST', '/api/v1/auth/password', {
    currentPassword: 'Worker-Pass-01',
    newPassword: 'Worker-Pass-02',
  });
  sw[key] = await t.login(`${key}.sw`, 'Worker-Pass-02');
}

const rows = async () => ({
  cases: (await t.db.select({ n: count() }).from(cases))[0].n,
  events: (await t.db.select({ n: count() }).from(caseEvents))[0].n,
});
const view = async (s: Session, id = ids.case) => (await t.call(s, 'GET', `/api/v1/cases/${id}`)).json();
const act = async (s: Session, action: string, body: Record<string, unknown> = {}, id = ids.case) =>
  t.call(s, 'POST', `/api/v1/cases/${id}/${action}`, { version: (await view(lead, id)).version, ...body });
const patch = async (s: Session, body: Record<string, unknown>, id = ids.case) =>
  t.call(s, 'PATCH', `/api/v1/cases/${id}`, { version: (await view(lead, id)).version, ...body });
const opening = (extra: Record<string, unknown> = {}) => ({
  stationId: ids.liutun,
  beneficiaryId: ids.elder,
  source: 'visit',
  openedOn: '2026-11-20',
  intakeNote: INTAKE,
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp({ today: TODAY });
  const f = await contractFixture(t, 61);
  ({ org, county } = f);
  Object.assign(ids, f.ids);
  await workerLogin('zhang', '张晓梅', makeCitizenId('19950312', 162), ids.liutun);
  await workerLogin('li', '李建国', makeCitizenId('19900101', 171), ids.liutun);
  lead = await t.login((await t.makeUser('project_lead', DIV.city, { organisationId: ids.org })).username);
  otherLead = await t.login((await t.makeUser('project_lead', DIV.city, { organisationId: ids.other })).username);
  qfOfficer = (await t.as('county_officer', DIV.qingfeng)).session;
  cityOfficer = (await t.as('city_officer', DIV.city)).session;
  const person = await t.call(sw.zhang, 'POST', '/api/v1/beneficiaries', {
    stationId: ids.liutun,
    name: '王秀英',
    idNumber: makeCitizenId('19480305', 63),
    village: '柳屯东村',
    categories: [{ category: 'dibao', startedOn: '2024-01-01', source: '濮阳县民政局低保名册' }],
  });
  ids.elder = person.json().id;
}, 120_000);
afterAll(() => t?.close());

describe('opening a case (R-SVC-3)', () => {
  it('R-SVC-3 the worker opens a case for a person the station serves; the step is in the timeline and the log', async () => {
    const r = await t.call(sw.zhang, 'POST', '/api/v1/cases', opening());
    expect(r.statusCode, r.body).toBe(201);
    ids.case = r.json().id;
    expect(r.json()).toMatchObject({
      status: 'intake',
      personName: '王秀英',
      workerId: ids.zhang,
      workerName: '张晓梅',
      intakeNote: INTAKE,
      notesVisible: true,
      timeline: [{ kind: 'opened' }],
      abilities: { edit: true, submitPlan: true, approvePlan: false, addRecord: true },
    });
    const [logged] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, ids.case), eq(auditEvents.action, 'create')));
    expect(logged.summary).toMatch(/^接案/);
    expect(JSON.stringify(logged)).not.toContain(INTAKE); // case notes stay out of the log
  });

  it('R-SVC-3 bad input answers a Chinese 4xx naming the field and writes nothing', async () => {
    const before = await rows();
    const refused: [Record<string, unknown>, string, RegExp][] = [
      [opening({ openedOn: '2026-12-01', beneficiaryId: randomUUID() }), 'openedOn', /不能晚于今天/],
      [opening({ beneficiaryId: randomUUID() }), 'beneficiaryId', /不是该社工站登记的服务对象/],
      [opening({ workerId: ids.li }), 'workerId', /只能为自己开案/],
      [opening({ stationId: ids.wenliu }), 'stationId', /不是您服务的社工站/],
    ];
    for (const [body, field, rule] of refused) {
      const r = await t.call(sw.zhang, 'POST', '/api/v1/cases', body);
      expect(r.statusCode, field).toBe(400);
      expect(r.json().details.fieldErrors[field], field).toMatch(rule);
      expect(r.json().message).toMatch(/「.+」/);
    }
    const twice = await t.call(sw.zhang, 'POST', '/api/v1/cases', opening());
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toMatch(/已有未结案的个案/);
    expect(await rows()).toEqual(before);
  });
});

describe('assessment and plan, approved by the project lead (R-SVC-3)', () => {
  it('R-SVC-3 a plan is not submitted before the assessment, a goal rated before and a task', async () => {
    const r = await act(sw.zhang, 'submit-plan');
    expect(r.statusCode).toBe(400);
    expect(Object.keys(r.json().details.fieldErrors).sort()).toEqual(['goals', 'needs', 'riskLevel', 'tasks']);
    expect((await view(lead)).status).toBe('intake');
  });

  it('R-SVC-3 the case worker writes the assessment and the plan; a colleague may not', async () => {
    const plan = {
      needs: [{ domainCode: 2, note: '日常照料与防跌倒' }],
      riskLevel: 'high',
      strengths: '邻居愿意每日探望',
      goals: [{ id: goalId, title: '建立日常照料安排', scoreBefore: 3 }],
      tasks: [{ id: taskId, goalId, title: '联系邻里互助并安装扶手', dueOn: '2026-12-20' }],
    };
    const colleague = await patch(sw.li, plan);
    expect(colleague.statusCode).toBe(403);
    const badTask = await patch(sw.zhang, { ...plan, tasks: [{ ...plan.tasks[0], goalId: randomUUID() }] });
    expect(badTask.statusCode).toBe(400);
    expect(badTask.json().message).toMatch(/任务第 1 项所属目标/);
    const r = await patch(sw.zhang, plan);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'assessment',
      riskLevel: 'high',
      goals: [{ id: goalId, scoreBefore: 3, scoreAfter: null }],
      tasks: [{ id: taskId, goalId, dueOn: '2026-12-20' }],
    });
  });

  it('R-SVC-3 only the case worker submits; only the project lead approves or returns, with a reason', async () => {
    expect((await act(sw.li, 'submit-plan')).statusCode).toBe(403);
    expect((await act(lead, 'submit-plan')).statusCode).toBe(403);
    const submitted = await act(sw.zhang, 'submit-plan');
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().abilities).toMatchObject({ edit: false, submitPlan: false });
    // A submitted plan is locked; a worker cannot approve (no permission), a second submission is the wrong stage.
    const locked = await patch(sw.zhang, { strengths: '改动' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().message).toMatch(/计划待审核/);
    expect((await act(sw.zhang, 'approve-plan')).statusCode).toBe(403);
    const again = await act(sw.zhang, 'submit-plan');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringMatching(/不能提交服务计划/),
    });

    const awaiting = (await t.call(lead, 'GET', '/api/v1/cases?view=awaiting')).json();
    expect(awaiting.items.map((c: { id: string }) => c.id)).toEqual([ids.case]);
    expect((await view(lead)).abilities).toMatchObject({ approvePlan: true, returnPlan: true });

    const before = await rows();
    const noReason = await act(lead, 'return-plan', { note: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details.fieldErrors.note).toMatch(/退回的原因/);
    expect(await rows()).toEqual(before);
    const returned = await act(lead, 'return-plan', { note: '请补充家属联系方式' });
    expect(returned.json()).toMatchObject({ status: 'assessment' });
    expect(returned.json().timeline.at(-1)).toMatchObject({ kind: 'return-plan', note: '请补充家属联系方式' });

    expect((await act(sw.zhang, 'submit-plan')).statusCode).toBe(200);
    const stale = await t.call(lead, 'POST', `/api/v1/cases/${ids.case}/approve-plan`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const approved = await act(lead, 'approve-plan');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'intervention', planApprovedAt: expect.any(String) });
    expect((await view(sw.zhang)).abilities).toMatchObject({ edit: true, submitClosure: true, addRecord: true });
  });
});

describe('who sees the case and its notes (R-SCOPE-2, R-SCOPE-1)', () => {
  it('R-SCOPE-2 notes are for the case worker, the project lead and the county officer; each clear read is logged', async () => {
    const logged = async () =>
      (
        await t.db
          .select({ n: count() })
          .from(auditEvents)
          .where(and(eq(auditEvents.entityId, ids.case), eq(auditEvents.action, 'read_pii')))
      )[0].n;
    for (const s of [sw.zhang, lead, county]) {
      const before = await logged();
      const v = await view(s);
      expect(v).toMatchObject({ notesVisible: true, intakeNote: INTAKE, riskLevel: 'high' });
      expect(await logged()).toBe(before + 1);
    }
    for (const s of [org, sw.li, cityOfficer]) {
      const before = await logged();
      const r = await t.call(s, 'GET', `/api/v1/cases/${ids.case}`);
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({
        notesVisible: false,
        intakeNote: null,
        goals: [],
        tasks: [],
        status: 'intervention',
      });
      expect(r.body).not.toContain(INTAKE);
      expect(r.body).not.toContain('请补充家属联系方式');
      expect(await logged()).toBe(before);
    }
    expect((await view(cityOfficer)).personName).not.toBe('王秀英'); // initials for upper levels
  });

  it('R-SCOPE-1 another organisation and another unit answer 404, and list nothing', async () => {
    for (const s of [otherLead, qfOfficer]) {
      const r = await t.call(s, 'GET', `/api/v1/cases/${ids.case}`);
      expect(r.statusCode).toBe(404);
      expect(r.json().message).toBe('个案不存在或无权访问');
      expect((await t.call(s, 'GET', '/api/v1/cases')).json().total).toBe(0);
    }
    // The other organisation's lead may approve cases, but not this one: it does not exist for them.
    const foreign = [
      ['approve-plan', { version: 1 }],
      ['transfer', { version: 1, workerId: ids.li }],
    ] as const;
    for (const [action, body] of foreign)
      expect((await t.call(otherLead, 'POST', `/api/v1/cases/${ids.case}/${action}`, body)).statusCode).toBe(404);
  });
});

describe('transfer, evaluation and closure (R-SVC-3)', () => {
  it('R-SVC-3 the case moves to a colleague of the station and back; the timeline keeps it', async () => {
    const away = await act(sw.zhang, 'transfer', { workerId: randomUUID() });
    expect(away.statusCode).toBe(400);
    expect(away.json().details.fieldErrors.workerId).toMatch(/该社工站工作/);
    const moved = await act(sw.zhang, 'transfer', { workerId: ids.li, note: '张晓梅休产假' });
    expect(moved.json()).toMatchObject({ workerId: ids.li, workerName: '李建国' });
    expect(moved.json().timeline.at(-1)).toMatchObject({ kind: 'transferred' });
    expect((await patch(sw.zhang, { strengths: '前任社工改动' })).statusCode).toBe(403);
    expect((await view(sw.li)).notesVisible).toBe(true);
    expect((await act(lead, 'transfer', { workerId: ids.zhang })).json().workerId).toBe(ids.zhang);
  });

  it('R-SVC-3 a closure needs a reason, a follow-up date and each goal rated after; approved goals keep their titles', async () => {
    const early = await act(sw.zhang, 'submit-closure');
    expect(early.statusCode).toBe(400);
    expect(Object.keys(early.json().details.fieldErrors).sort()).toEqual(['closureReason', 'followUpOn', 'goals']);
    const renamed = await patch(sw.zhang, {
      goals: [{ id: goalId, title: '改了目标', scoreBefore: 3, scoreAfter: 8 }],
    });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().details.fieldErrors.goals).toMatch(/不能增删或改名/);
    const filled = await patch(sw.zhang, {
      goals: [{ id: goalId, title: '建立日常照料安排', scoreBefore: 3, scoreAfter: 8 }],
      tasks: [{ id: taskId, goalId, title: '联系邻里互助并安装扶手', dueOn: '2026-12-20', doneOn: '2026-11-27' }],
      closure: { reason: 'goals_met', note: '照料安排稳定', followUpOn: '2027-01-15', satisfaction: 5 },
    });
    expect(filled.statusCode, filled.body).toBe(200);
    expect(filled.json()).toMatchObject({
      goals: [{ scoreBefore: 3, scoreAfter: 8 }],
      closure: { reason: 'goals_met', followUpOn: '2027-01-15', satisfaction: 5 },
    });
    expect((await act(sw.zhang, 'submit-closure')).json().status).toBe('closure_submitted');
    expect((await act(sw.zhang, 'approve-closure')).statusCode).toBe(403);
    expect((await act(lead, 'return-closure', { note: '请补充回访安排' })).json().status).toBe('intervention');
    expect((await act(sw.zhang, 'submit-closure')).statusCode).toBe(200);
    const closed = await act(lead, 'approve-closure');
    expect(closed.json()).toMatchObject({ status: 'closed', closedOn: TODAY });
    expect(closed.json().abilities).toMatchObject({ edit: false, transfer: false, addRecord: false });
    expect(closed.json().timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'opened',
      'assessed',
      'submit-plan',
      'return-plan',
      'submit-plan',
      'approve-plan',
      'transferred',
      'transferred',
      'submit-closure',
      'return-closure',
      'submit-closure',
      'approve-closure',
    ]);
  });

  it('R-SVC-3 a closed case takes no change, no transfer and no new service record', async () => {
    const before = await rows();
    expect(
      (await patch(sw.zhang, { closure: { reason: 'moved', note: '', followUpOn: null, satisfaction: null } }))
        .statusCode,
    ).toBe(409);
    expect((await act(lead, 'transfer', { workerId: ids.li })).json()).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await rows()).toEqual(before);
    // Through the services module's own route (R-SVC-3): the record is refused and nothing is written.
    const record = (caseId: string) => ({
      id: randomUUID(),
      stationId: ids.liutun,
      servedOn: TODAY,
      durationMinutes: 40,
      form: 'case_work',
      catalogueCode: '2.3',
      beneficiaryIds: [ids.elder],
      summary: '结案后回访',
      caseId,
    });
    const late = await t.call(sw.zhang, 'POST', '/api/v1/service-records', record(ids.case));
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'CASE_CLOSED', message: '个案已结案，不能再添加服务记录' });
    expect((await t.call(sw.zhang, 'GET', `/api/v1/service-records?caseId=${ids.case}`)).json().total).toBe(0);
    const gate = createCaseGate(t.db);
    const refused = await gate.checkForRecord(t.db, ids.case, ids.liutun).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'CASE_CLOSED', status: 409, message: '个案已结案，不能再添加服务记录' });
    const elsewhere = await gate.checkForRecord(t.db, ids.case, ids.wenliu).catch((e: unknown) => e);
    expect(elsewhere).toMatchObject({ code: 'CASE_NOT_FOUND', status: 404 });
    // A new case for the same person is open again, and takes records.
    const reopened = await t.call(sw.zhang, 'POST', '/api/v1/cases', opening({ source: 'self' }));
    expect(reopened.statusCode).toBe(201);
    expect(await gate.checkForRecord(t.db, reopened.json().id, ids.liutun)).toEqual({ beneficiaryId: ids.elder });
    const served = await t.call(sw.zhang, 'POST', '/api/v1/service-records', record(reopened.json().id));
    expect(served.statusCode, served.body).toBe(201);
  });
});
