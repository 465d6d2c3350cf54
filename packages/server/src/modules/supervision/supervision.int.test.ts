import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/audit.table';
import { makeCitizenId } from '../../test-support/citizen-ids';
import { createTestApp, type Session } from '../../test-support/test-app';
import { buildTwoWorlds, WORLDS_TODAY, type TwoWorlds, type World } from '../../test-support/two-worlds';
import { openWorldCases } from '../../test-support/world-cases';
import { createSupervisionCoverage } from './index';
import { supervisionAttendees, supervisionReviews, supervisionSessions } from './supervision.table';

const t = await createTestApp({ today: WORLDS_TODAY });
afterAll(() => t.close());

let worlds: TwoWorlds;
let A: World;
let B: World;
/** A second worker of world A at its station from 2026-03-01, and one who only arrives on 2026-06-01. */
const extra = { wang: '', zhao: '' };
/** Every session this file recorded for world A's station: the expected figures are summed from here. */
const recorded: { hours: number; workerIds: string[]; heldOn: string }[] = [];

async function hire(name: string, n: number, startOn: string) {
  const oa = A.sessions.org_admin;
  const w = await t.call(oa, 'POST', '/api/v1/workers', {
    name,
    idNumber: makeCitizenId('19920615', 600 + n),
    education: 'bachelor',
    socialWorkMajor: true,
    hireDate: '2026-03-01',
    role: 'resident',
  });
  expect(w.statusCode, w.body).toBe(201);
  const a = await t.call(oa, 'POST', `/api/v1/workers/${w.json().id}/assignments`, {
    stationId: A.ids.station,
    startOn,
  });
  expect(a.statusCode, a.body).toBe(200);
  return w.json().id as string;
}

beforeAll(async () => {
  worlds = await buildTwoWorlds(t);
  await openWorldCases(t, worlds);
  ({ A, B } = worlds);
  extra.wang = await hire('王秀兰', 1, '2026-03-01');
  extra.zhao = await hire('赵志强', 2, '2026-06-01');
});

const sessionsApi = '/api/v1/supervision-sessions';
const reviewsApi = '/api/v1/supervision-reviews';

function sessionBody(over: Record<string, unknown> = {}) {
  return {
    stationId: A.ids.station,
    supervisorName: '陈敏',
    supervisorKind: 'external',
    heldOn: '2026-05-10',
    hours: 2.5,
    topics: '个案记录的规范与反思',
    followUp: '下次督导检查个案计划',
    workerIds: [A.ids.worker, extra.wang],
    ...over,
  };
}
async function record(s: Session, over: Record<string, unknown> = {}) {
  const body = sessionBody(over);
  const res = await t.call(s, 'POST', sessionsApi, body);
  expect(res.statusCode, res.body).toBe(201);
  recorded.push({ hours: body.hours, workerIds: [...new Set(body.workerIds)], heldOn: body.heldOn });
  return res.json();
}
async function call(s: Session, method: 'GET' | 'POST', url: string, body?: unknown, status = 200) {
  const res = await t.call(s, method, url, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}
const counts = async () => ({
  sessions: (await t.db.select().from(supervisionSessions)).length,
  attendees: (await t.db.select().from(supervisionAttendees)).length,
  reviews: (await t.db.select().from(supervisionReviews)).length,
});
const auditOf = (type: 'supervisionSession' | 'supervisionReview', id: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, type), eq(auditEvents.entityId, id)))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));

describe('督导记录 (R-EVAL-4)', () => {
  it('R-EVAL-4 the contractor records a session for its station; the list, detail, filters and audit show it', async () => {
    const s = await record(A.sessions.org_admin, { supervisorName: '  陈敏  ' });
    expect(s).toMatchObject({
      stationId: A.ids.station,
      organisationId: A.ids.organisation,
      organisationName: A.organisation.name,
      supervisorName: '陈敏',
      supervisorKind: 'external',
      heldOn: '2026-05-10',
      hours: 2.5,
      version: 1,
      abilities: { review: true },
    });
    expect(s.stationName).not.toBe('');
    expect(s.workers.map((w: { id: string }) => w.id).sort()).toEqual([A.ids.worker, extra.wang].sort());
    expect(s.workers.map((w: { name: string }) => w.name)).toEqual(
      [A.workerName, '王秀兰'].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    );
    const events = await auditOf('supervisionSession', s.id);
    expect(events.map((e) => e.action)).toEqual(['create']);

    // The county reads it (not record); the lead of the organisation too; filters by year, unit, worker.
    const county = await call(A.sessions.county_officer, 'GET', `${sessionsApi}/${s.id}`);
    expect(county.abilities).toEqual({ review: false });
    const ids = async (q: string) =>
      (await call(A.sessions.county_officer, 'GET', `${sessionsApi}?pageSize=200&${q}`)).items.map(
        (x: { id: string }) => x.id,
      );
    expect(await ids('year=2026')).toContain(s.id);
    expect(await ids('year=2025')).not.toContain(s.id);
    expect(await ids(`unit=${A.countyCode}`)).toContain(s.id);
    expect(await ids(`unit=${B.countyCode}`)).not.toContain(s.id);
    expect(await ids(`workerId=${extra.wang}`)).toContain(s.id);
    expect(await ids(`workerId=${extra.zhao}`)).not.toContain(s.id);
    expect(await ids(`stationId=${A.ids.station}&organisationId=${A.ids.organisation}`)).toContain(s.id);
  });

  it('R-EVAL-4 the form picks from the workers assigned to the station on the day; nobody of a station not covered', async () => {
    const names = async (q: string, s = A.sessions.org_admin) =>
      (await call(s, 'GET', `/api/v1/supervision-attendees?${q}`)).items.map((x: { name: string }) => x.name);
    const early = [A.workerName, '王秀兰'].sort((a, b) => a.localeCompare(b, 'zh-CN'));
    expect(await names(`stationId=${A.ids.station}&on=2026-05-10`)).toEqual(early);
    // Today (the Clock's 2026-06-15) 赵志强 has arrived.
    expect(await names(`stationId=${A.ids.station}`)).toEqual(
      [...early, '赵志强'].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    );
    expect(await names(`stationId=${B.ids.station}`)).toEqual([]);
    await call(
      A.sessions.social_worker,
      'GET',
      `/api/v1/supervision-attendees?stationId=${A.ids.station}`,
      undefined,
      403,
    );
  });

  it('R-EVAL-4 a social worker sees the sessions they attended only', async () => {
    const theirs = await record(A.sessions.org_admin, { heldOn: '2026-05-20', hours: 1.5 });
    const notTheirs = await record(A.sessions.org_admin, { heldOn: '2026-06-10', hours: 3, workerIds: [extra.zhao] });
    const list = await call(A.sessions.social_worker, 'GET', `${sessionsApi}?pageSize=200`);
    const seen = list.items.map((x: { id: string }) => x.id);
    expect(seen).toContain(theirs.id);
    expect(seen).not.toContain(notTheirs.id);
    expect(list.items.every((x: { abilities: { review: boolean } }) => !x.abilities.review)).toBe(true);
    await call(A.sessions.social_worker, 'GET', `${sessionsApi}/${notTheirs.id}`, undefined, 404);
    // Nor may they record one.
    const refused = await call(A.sessions.social_worker, 'POST', sessionsApi, sessionBody(), 403);
    expect(refused.message).toContain('承接机构');
  });

  it('R-EVAL-4 bad input answers a Chinese 400 naming the field and writes nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ heldOn: '2026-06-16' }, 'heldOn', '不能晚于今天'],
      [{ hours: 0 }, 'hours', '大于 0'],
      [{ hours: 24.5 }, 'hours', '24'],
      [{ hours: 1.25 }, 'hours', '一位小数'],
      [{ workerIds: [] }, 'workerIds', '请选择'],
      // 赵志强 arrives at the station on 2026-06-01; world B's worker never works there.
      [{ workerIds: [A.ids.worker, extra.zhao] }, 'workerIds', '未派驻'],
      [{ workerIds: [B.ids.worker] }, 'workerIds', '未派驻'],
      [{ stationId: B.ids.station, workerIds: [B.ids.worker] }, 'stationId', '不是本机构'],
      [{ supervisorKind: 'peer' }, 'supervisorKind', '内部督导或外部督导'],
      [{ topics: '  ' }, 'topics', '请填写'],
    ];
    for (const [over, field, words] of cases) {
      const res = await call(A.sessions.org_admin, 'POST', sessionsApi, sessionBody(over), 400);
      expect(res.code, JSON.stringify(over)).toBe('VALIDATION_FAILED');
      expect(res.details.fieldErrors[field], JSON.stringify(res)).toContain(words);
      expect(res.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await counts()).toEqual(before);
  });

  it('R-EVAL-4 hours per worker per year are the sums of the sessions they attended, ordered by station and name', async () => {
    await record(A.sessions.org_admin, { heldOn: '2026-04-02', hours: 0.5, workerIds: [extra.wang, extra.wang] });
    await record(A.sessions.project_lead, { heldOn: '2026-06-15', hours: 4, supervisorKind: 'internal' });
    // The test's own sums.
    const expected = new Map<string, { hours: number; sessions: number }>();
    for (const r of recorded.filter((x) => x.heldOn.startsWith('2026')))
      for (const w of r.workerIds) {
        const e = expected.get(w) ?? { hours: 0, sessions: 0 };
        expected.set(w, { hours: e.hours + r.hours, sessions: e.sessions + 1 });
      }
    const got = await call(A.sessions.org_admin, 'GET', '/api/v1/supervision-hours?year=2026');
    expect(got.year).toBe(2026);
    const mine = got.items.filter((x: { stationId: string }) => x.stationId === A.ids.station);
    expect(
      Object.fromEntries(
        mine.map((x: { workerId: string; hours: number; sessions: number }) => [
          x.workerId,
          { hours: x.hours, sessions: x.sessions },
        ]),
      ),
    ).toEqual(Object.fromEntries(expected));
    const names = mine.map((x: { workerName: string }) => x.workerName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(names).toContain('王秀兰');

    // The worker sees their own row only; another year is empty; another organisation sees none of world A.
    const own = await call(A.sessions.social_worker, 'GET', '/api/v1/supervision-hours?year=2026');
    expect(own.items).toEqual([
      expect.objectContaining({ workerId: A.ids.worker, ...expected.get(A.ids.worker), workerName: A.workerName }),
    ]);
    expect((await call(A.sessions.org_admin, 'GET', '/api/v1/supervision-hours?year=2025')).items).toEqual([]);
    // Without a year: the Clock's.
    expect(await call(A.sessions.org_admin, 'GET', '/api/v1/supervision-hours')).toEqual(got);
    for (const s of [B.sessions.org_admin, B.sessions.county_officer]) {
      const other = await call(s, 'GET', '/api/v1/supervision-hours?year=2026');
      expect(other.items.filter((x: { stationId: string }) => x.stationId === A.ids.station)).toEqual([]);
    }
    const bad = await call(A.sessions.org_admin, 'GET', '/api/v1/supervision-hours?year=abc', undefined, 400);
    expect(bad.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('督导意见 (R-EVAL-4)', () => {
  it('R-EVAL-4 a comment on a case file: answered by the worker, closed by the contractor, each step audited', async () => {
    const [session] = (await call(A.sessions.org_admin, 'GET', `${sessionsApi}?pageSize=1`)).items;
    const review = await call(
      A.sessions.org_admin,
      'POST',
      reviewsApi,
      {
        targetKind: 'case',
        targetId: A.ids.case,
        reviewerName: '陈敏',
        comment: '预估表缺少家庭支持网络的评估',
        sessionId: session.id,
      },
      201,
    );
    expect(review).toMatchObject({
      status: 'open',
      workerId: A.ids.worker,
      workerName: A.workerName,
      sessionId: session.id,
      version: 1,
      abilities: { answer: false, close: false },
    });
    const open = await call(A.sessions.social_worker, 'GET', `${reviewsApi}?status=open`);
    const item = open.items.find((x: { id: string }) => x.id === review.id);
    expect(item.abilities).toEqual({ answer: true, close: false });

    // Closing before the answer is a wrong state; a stale version a conflict.
    expect(
      (await call(A.sessions.org_admin, 'POST', `${reviewsApi}/${review.id}/close`, { version: 1 }, 409)).code,
    ).toBe('INVALID_TRANSITION');
    const empty = await call(
      A.sessions.social_worker,
      'POST',
      `${reviewsApi}/${review.id}/answer`,
      { version: 1, answer: ' ' },
      400,
    );
    expect(empty.details.fieldErrors.answer).toContain('请填写');
    const answered = await call(A.sessions.social_worker, 'POST', `${reviewsApi}/${review.id}/answer`, {
      version: 1,
      answer: '已补充家庭支持网络评估',
    });
    expect(answered).toMatchObject({ status: 'answered', answer: '已补充家庭支持网络评估', version: 2 });
    expect(answered.answeredAt).not.toBeNull();
    expect(
      (await call(A.sessions.social_worker, 'POST', `${reviewsApi}/${review.id}/close`, { version: 2 }, 403)).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await call(
          A.sessions.social_worker,
          'POST',
          `${reviewsApi}/${review.id}/answer`,
          { version: 2, answer: '再答' },
          409,
        )
      ).code,
    ).toBe('INVALID_TRANSITION');
    const closed = await call(A.sessions.org_admin, 'POST', `${reviewsApi}/${review.id}/close`, { version: 2 });
    expect(closed).toMatchObject({ status: 'closed', version: 3, abilities: { answer: false, close: false } });

    const events = await auditOf('supervisionReview', review.id);
    expect(events.map((e) => [e.action, (e.after as { status?: string } | null)?.status ?? null])).toEqual([
      ['create', null],
      ['update', 'answered'],
      ['update', 'closed'],
    ]);
  });

  it('R-EVAL-4 a comment on a service record goes to the worker who did it; the lead may answer; stale is a conflict', async () => {
    const review = await call(
      A.sessions.project_lead,
      'POST',
      reviewsApi,
      { targetKind: 'service_record', targetId: A.ids.serviceRecord, reviewerName: '李督导', comment: '走访记录过简' },
      201,
    );
    expect(review).toMatchObject({ workerId: A.ids.worker, targetKind: 'service_record', sessionId: null });
    expect(
      (
        await call(
          A.sessions.project_lead,
          'POST',
          `${reviewsApi}/${review.id}/answer`,
          { version: 9, answer: 'x' },
          409,
        )
      ).code,
    ).toBe('VERSION_CONFLICT');
    const answered = await call(A.sessions.project_lead, 'POST', `${reviewsApi}/${review.id}/answer`, {
      version: 1,
      answer: '已要求补充走访情况',
    });
    expect(answered.status).toBe('answered');
  });

  it("R-EVAL-4 a social worker sees the comments on their own work only, and cannot answer a colleague's", async () => {
    const rec = await call(
      A.sessions.project_lead,
      'POST',
      '/api/v1/service-records',
      {
        id: randomUUID(),
        stationId: A.ids.station,
        servedOn: '2026-06-02',
        durationMinutes: 30,
        form: 'home_visit',
        catalogueCode: '1.2',
        beneficiaryIds: [A.ids.beneficiary],
        workerIds: [extra.wang],
        summary: '入户',
      },
      201,
    );
    const review = await call(
      A.sessions.org_admin,
      'POST',
      reviewsApi,
      { targetKind: 'service_record', targetId: rec.id, reviewerName: '陈敏', comment: '王秀兰的记录需补充' },
      201,
    );
    expect(review).toMatchObject({ workerId: extra.wang, workerName: '王秀兰' });
    const mine = await call(A.sessions.social_worker, 'GET', `${reviewsApi}?pageSize=200`);
    expect(mine.items.map((x: { id: string }) => x.id)).not.toContain(review.id);
    expect(mine.items.every((x: { workerId: string }) => x.workerId === A.ids.worker)).toBe(true);
    await call(A.sessions.social_worker, 'GET', `${reviewsApi}/${review.id}`, undefined, 404);
    await call(
      A.sessions.social_worker,
      'POST',
      `${reviewsApi}/${review.id}/answer`,
      { version: 1, answer: '答' },
      404,
    );
  });

  it('R-EVAL-4 a record of another station, a wrong kind or a session elsewhere answers 404 and writes nothing', async () => {
    const before = await counts();
    const body = { reviewerName: '陈敏', comment: '意见' };
    for (const [targetKind, targetId] of [
      ['case', B.ids.case],
      ['service_record', B.ids.serviceRecord],
      ['case', A.ids.serviceRecord],
      ['service_record', A.ids.case],
    ]) {
      const res = await call(A.sessions.org_admin, 'POST', reviewsApi, { ...body, targetKind, targetId }, 404);
      expect(res.message).toContain('不存在');
    }
    const bSession = await call(
      B.sessions.org_admin,
      'POST',
      sessionsApi,
      {
        ...sessionBody(),
        stationId: B.ids.station,
        workerIds: [B.ids.worker],
      },
      201,
    );
    await call(
      A.sessions.org_admin,
      'POST',
      reviewsApi,
      { ...body, targetKind: 'case', targetId: A.ids.case, sessionId: bSession.id },
      404,
    );
    const refused = await call(
      A.sessions.social_worker,
      'POST',
      reviewsApi,
      { ...body, targetKind: 'case', targetId: A.ids.case },
      403,
    );
    expect(refused.message).toContain('承接机构');
    const after = await counts();
    expect(after).toEqual({ ...before, sessions: before.sessions + 1, attendees: before.attendees + 1 });
  });

  it("R-EVAL-4 another county's officer and another organisation's staff get 404 on every route with an id", async () => {
    const session = await record(A.sessions.org_admin, { heldOn: '2026-06-01', hours: 1 });
    const review = await call(
      A.sessions.org_admin,
      'POST',
      reviewsApi,
      { targetKind: 'case', targetId: A.ids.case, reviewerName: '陈敏', comment: '个案目标不够具体' },
      201,
    );
    const before = await counts();
    for (const s of [
      B.sessions.county_officer,
      B.sessions.county_admin,
      B.sessions.org_admin,
      B.sessions.project_lead,
      B.sessions.social_worker,
    ]) {
      await call(s, 'GET', `${sessionsApi}/${session.id}`, undefined, 404);
      await call(s, 'GET', `${reviewsApi}/${review.id}`, undefined, 404);
      await call(s, 'POST', `${reviewsApi}/${review.id}/answer`, { version: 1, answer: '答' }, 404);
      await call(s, 'POST', `${reviewsApi}/${review.id}/close`, { version: 1 }, 404);
      const sessions = await call(s, 'GET', `${sessionsApi}?pageSize=200`);
      expect(sessions.items.map((x: { id: string }) => x.id)).not.toContain(session.id);
      const reviews = await call(s, 'GET', `${reviewsApi}?pageSize=200`);
      expect(reviews.items.map((x: { id: string }) => x.id)).not.toContain(review.id);
    }
    expect(await counts()).toEqual(before);
    // The city reads both.
    await call(worlds.city.city_officer, 'GET', `${sessionsApi}/${session.id}`);
    await call(worlds.city.city_officer, 'GET', `${reviewsApi}/${review.id}`);
  });
});

describe('督导覆盖 for the evaluation (R-EVAL-4)', () => {
  it('R-EVAL-4 coverage of a station over a period: workers who attended, hours, sessions, comments still open', async () => {
    const coverage = createSupervisionCoverage({ db: t.db });
    const within = (from: string, to: string) => recorded.filter((r) => r.heldOn >= from && r.heldOn <= to);
    const expectFor = (from: string, to: string) => {
      const rs = within(from, to);
      return {
        workers: new Set(rs.flatMap((r) => r.workerIds)).size,
        hours: Math.round(rs.reduce((a, r) => a + r.hours, 0) * 10) / 10,
        sessions: rs.length,
      };
    };
    const open = await t.db
      .select()
      .from(supervisionReviews)
      .where(and(inArray(supervisionReviews.stationId, [A.ids.station]), eq(supervisionReviews.status, 'open')));
    const got = await coverage.ofStations([A.ids.station], '2026-01-01', '2026-12-31');
    expect(got).toEqual({ ...expectFor('2026-01-01', '2026-12-31'), reviewsOpen: open.length });
    expect(open.length).toBeGreaterThan(0);
    // A narrower period; a period before any session; no stations.
    expect(await coverage.ofStations([A.ids.station], '2026-05-01', '2026-05-31')).toEqual({
      ...expectFor('2026-05-01', '2026-05-31'),
      reviewsOpen: 0,
    });
    expect(await coverage.ofStations([A.ids.station], '2025-01-01', '2025-12-31')).toEqual({
      workers: 0,
      hours: 0,
      sessions: 0,
      reviewsOpen: 0,
    });
    expect(await coverage.ofStations([], '2026-01-01', '2026-12-31')).toEqual({
      workers: 0,
      hours: 0,
      sessions: 0,
      reviewsOpen: 0,
    });
    // World B's one session counts for B only.
    expect(await coverage.ofStations([B.ids.station], '2026-01-01', '2026-12-31')).toMatchObject({
      workers: 1,
      sessions: 1,
    });
  });
});
