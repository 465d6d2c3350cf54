import { afterEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { EXAMPLE_INDICATOR_SET, keyedItems } from '@shegong/shared';
import { auditEvents } from '../../platform/audit/audit.table';
import { adoptedSet, evaluationFixture, openRound } from '../../test-support/evaluation-fixture';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { PDF, upload } from '../../test-support/two-worlds';
import { evaluationRounds, evaluationScores } from './evaluation.table';

// 2026-12-20: the contract's first agreement year (2026-01-01 … 2026-12-31) is nearly over; both county rounds are due.
const TODAY = '2026-12-20';
let t: TestApp;
afterEach(async () => t?.close());

interface Item {
  key: string;
  name: string;
  points: number;
  measure: string | null;
  suggested: number | null;
  figure: { text: string; rate: number | null } | null;
}
const tenths = (n: number) => Math.round(n * 10);

/** Scores every item: `pick` chooses each score; a score departing from the suggestion carries a reason. */
async function scoreAll(s: Session, id: string, pick: (it: Item) => number) {
  const round = (await t.call(s, 'GET', `/api/v1/evaluation-rounds/${id}`)).json();
  const scores = (round.items as Item[]).map((it) => {
    const score = pick(it);
    const departs = it.suggested !== null && tenths(score) !== tenths(it.suggested);
    return { key: it.key, score, reason: departs ? '实地查看后调整' : '', note: '查阅台账' };
  });
  const saved = await t.call(s, 'PUT', `/api/v1/evaluation-rounds/${id}/scores`, { version: round.version, scores });
  expect(saved.statusCode, saved.body).toBe(200);
  // The expected total, summed here in tenths from the scores sent.
  return { version: saved.json().version, total: scores.reduce((a, x) => a + tenths(x.score), 0) / 10 };
}

async function signOff(s: Session, id: string, version: number) {
  return t.call(s, 'POST', `/api/v1/evaluation-rounds/${id}/sign-off`, { version });
}

describe('evaluation rounds', () => {
  it('R-EVAL-1 R-CON-2: the county’s 中期 and 末期 decide the year, and the next agreement follows', async () => {
    t = await createTestApp({ today: TODAY });
    const f = await evaluationFixture(t, 901);
    const mid = await openRound(t, f.county, { kind: 'midterm', setId: f.setId, contractId: f.contractId });
    const fin = await openRound(t, f.county, { kind: 'final', setId: f.setId, contractId: f.contractId });
    const midView = (await t.call(f.county, 'GET', `/api/v1/evaluation-rounds/${mid}`)).json();
    expect(midView).toMatchObject({
      kind: 'midterm',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      status: 'scoring',
      abilities: { score: true, signOff: true },
    });
    expect(midView.items).toHaveLength(keyedItems(EXAMPLE_INDICATOR_SET.dimensions).length);
    expect(midView.annual).toEqual({ complete: false, missing: '中期评估尚未签署' });
    // A year with rounds is decided by them: nobody types its result in.
    const typed = await t.call(f.county, 'POST', `/api/v1/contracts/${f.contractId}/evaluations`, {
      yearNo: 1,
      result: 'passed',
      evaluatedOn: TODAY,
      evaluator: '濮阳县民政局',
    });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().details.fieldErrors.yearNo).toContain('自动得出');

    // Midterm 75.0-ish, final: the test's own totals; the year is 40/60 of them.
    const m = await scoreAll(f.county, mid, (it) => it.suggested ?? it.points - 1);
    expect((await signOff(f.county, mid, m.version)).json()).toMatchObject({ status: 'signed_off', total: m.total });
    const contractBefore = (await t.call(f.county, 'GET', `/api/v1/contracts/${f.contractId}`)).json();
    expect(contractBefore.evaluations).toEqual([]);

    const fn = await scoreAll(f.county, fin, (it) => it.points);
    const signed = (await signOff(f.county, fin, fn.version)).json();
    const year = tenths((m.total * 40 + fn.total * 60) / 100) / 10;
    expect(signed.annual).toMatchObject({ complete: true, score: year, passed: year >= 60 });
    expect(year).toBeGreaterThanOrEqual(60);

    const contract = (await t.call(f.county, 'GET', `/api/v1/contracts/${f.contractId}`)).json();
    expect(contract.evaluations).toEqual([
      expect.objectContaining({ yearNo: 1, result: 'passed', evaluatedOn: TODAY, evaluator: '濮阳县民政局' }),
    ]);
    // R-REP-4: the 通报 counts the decided year for the unit (年度评估合格率).
    const circular = (await t.call(f.city, 'GET', '/api/v1/circulars?period=2026')).json();
    const unit = circular.rows.find((r: { code: string }) => r.code === DIV.puyangCounty);
    expect(unit.counts.evaluations).toEqual({ part: 1, whole: 1 });
    expect(unit.values.evaluations).toBe(100);
    const renewed = await t.call(f.county, 'POST', `/api/v1/contracts/${f.contractId}/agreements`, {
      yearNo: 2,
      amount: 500000,
      signedOn: TODAY,
    });
    expect(renewed.statusCode, renewed.body).toBe(201);

    // Signed rounds are final; the audit holds the opening, the scoring and both sign-offs in order.
    const again = await t.call(f.county, 'PUT', `/api/v1/evaluation-rounds/${fin}/scores`, {
      version: signed.version,
      scores: [],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('EVALUATION_SIGNED_OFF');
    const events = await t.db
      .select({ summary: auditEvents.summary })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, fin))
      .orderBy(asc(auditEvents.at));
    expect(events.map((e) => e.summary.slice(0, 4))).toEqual(['开展末期', '末期评估', '签署末期']);
  });

  it('R-CON-2: a failing year ends the contract with that year and refuses the next agreement', async () => {
    t = await createTestApp({ today: TODAY });
    const f = await evaluationFixture(t, 902);
    for (const kind of ['midterm', 'final'] as const) {
      const id = await openRound(t, f.county, { kind, setId: f.setId, contractId: f.contractId });
      const s = await scoreAll(f.county, id, (it) => Math.floor(it.points / 2));
      expect((await signOff(f.county, id, s.version)).statusCode).toBe(200);
    }
    const contract = (await t.call(f.county, 'GET', `/api/v1/contracts/${f.contractId}`)).json();
    expect(contract).toMatchObject({ status: 'ending', endsOn: '2026-12-31' });
    expect(contract.evaluations[0]).toMatchObject({ yearNo: 1, result: 'failed' });
    const renew = await t.call(f.county, 'POST', `/api/v1/contracts/${f.contractId}/agreements`, {
      yearNo: 2,
      amount: 500000,
      signedOn: TODAY,
    });
    expect(renew.statusCode).toBe(422);
  });

  it('R-EVAL-2: measured figures suggest scores; a departure needs a reason, points are a ceiling, and a refused save writes nothing', async () => {
    t = await createTestApp({ today: TODAY });
    const f = await evaluationFixture(t, 903);
    const id = await openRound(t, f.county, { kind: 'midterm', setId: f.setId, contractId: f.contractId });
    const round = (await t.call(f.county, 'GET', `/api/v1/evaluation-rounds/${id}`)).json();
    const by = (m: string) => (round.items as Item[]).find((it) => it.measure === m)!;
    // One operating station without resident workers: none staffed; the year-1 agreement was announced 2025-12-21.
    expect(by('staffing').figure).toMatchObject({ rate: 0 });
    expect(by('staffing').figure!.text).toContain('运营站点 1 个，配足 2 名驻站社工的 0 个');
    expect(by('staffing').suggested).toBe(0);
    expect(by('disclosure').figure!.text).toContain('2025-12-21');
    expect(by('disclosure').suggested).toBe(by('disclosure').points);
    // Reports on time: the contractor's reports of the first half, due before today, none submitted.
    const reports = (await t.call(f.county, 'GET', `/api/v1/reports?organisationId=${f.ids.org}&pageSize=200`)).json();
    const owed = (reports.items as { periodStart: string; dueOn: string }[]).filter(
      (r) => r.periodStart >= '2026-01-01' && r.periodStart <= '2026-06-30' && r.dueOn < TODAY,
    ).length;
    expect(owed).toBeGreaterThan(0);
    expect(by('reports_on_time').figure!.text).toContain(`应交报告 ${owed} 份，按时提交 0 份`);
    // No answers and no workers yet: no rate, so the evaluator scores them; the words say what was counted.
    expect(by('satisfaction').figure).toMatchObject({ rate: null, link: '/satisfaction' });
    expect(by('satisfaction').figure!.text).toContain('满意度评价 0 份');
    expect(by('supervision').figure).toMatchObject({ rate: null, link: '/supervision' });
    expect(by('supervision').figure!.text).toContain('期间督导 0 次');
    expect(by('alerts_handled').figure).toMatchObject({
      rate: null,
      text: expect.stringContaining('预警 0 条，24 小时内确认 0 条'),
    });

    const staffing = by('staffing');
    const refused = await t.call(f.county, 'PUT', `/api/v1/evaluation-rounds/${id}/scores`, {
      version: round.version,
      scores: [
        { key: staffing.key, score: 4 },
        { key: by('disclosure').key, score: 99 },
        { key: '9.9.9', score: 1 },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(Object.keys(refused.json().details.fieldErrors).sort()).toEqual([
      'scores.0.reason',
      'scores.1.score',
      'scores.2.key',
    ]);
    expect(refused.json().details.fieldErrors['scores.0.reason']).toContain('调整理由');
    expect(await t.db.select().from(evaluationScores).where(eq(evaluationScores.roundId, id))).toEqual([]);

    const ok = await t.call(f.county, 'PUT', `/api/v1/evaluation-rounds/${id}/scores`, {
      version: round.version,
      scores: [{ key: staffing.key, score: 4, reason: '两名社工已到岗，名册尚未录入' }],
      visitOn: '2026-12-18',
      visitNotes: '查看站点台账',
    });
    expect(ok.statusCode).toBe(200);
    const kept = (ok.json().items as (Item & { score: number; reason: string })[]).find((x) => x.key === staffing.key)!;
    expect(kept).toMatchObject({ score: 4, suggested: 0, reason: '两名社工已到岗，名册尚未录入' });

    // Evidence for an item: a file labelled with the item, on the round's page; none once the round is signed.
    const evidence = await upload(
      t,
      f.county,
      `/api/v1/evaluation-rounds/${id}/files`,
      { name: '站点台账.pdf', type: 'application/pdf', bytes: PDF },
      { label: `${staffing.key} ${staffing.name}` },
    );
    expect(evidence.statusCode, evidence.body).toBe(201);
    expect((await t.call(f.org, 'POST', `/api/v1/evaluation-rounds/${id}/files`)).statusCode).toBe(403);
    const withFile = (await t.call(f.county, 'GET', `/api/v1/evaluation-rounds/${id}`)).json();
    expect(withFile.files).toEqual([expect.objectContaining({ name: '站点台账.pdf', label: '1.1.1 驻站社工配备' })]);
    // The same item twice in one save is refused on its field; a score cleared (null) is cleared.
    const other = (round.items as Item[]).find((x) => x.measure === null)!;
    const twice = await t.call(f.county, 'PUT', `/api/v1/evaluation-rounds/${id}/scores`, {
      version: ok.json().version,
      scores: [
        { key: other.key, score: 1 },
        { key: other.key, score: 2 },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().details.fieldErrors['scores.1.key']).toContain('重复');
    const set1 = await t.call(f.county, 'PUT', `/api/v1/evaluation-rounds/${id}/scores`, {
      version: ok.json().version,
      scores: [{ key: other.key, score: 1 }],
    });
    const cleared = await t.call(f.county, 'PUT', `/api/v1/evaluation-rounds/${id}/scores`, {
      version: set1.json().version,
      scores: [{ key: other.key, score: null }],
    });
    expect(
      (cleared.json().items as { key: string; score: number | null }[]).find((x) => x.key === other.key)!.score,
    ).toBe(null);
    const early = await signOff(f.county, id, cleared.json().version);
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain(`尚有 ${round.items.length - 1} 项指标未评分`);
    const stale = await t.call(f.county, 'PUT', `/api/v1/evaluation-rounds/${id}/scores`, {
      version: round.version,
      scores: [],
    });
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('R-EVAL-1: each level opens its own kind, only on an adopted set, once per year; other scopes answer 404', async () => {
    t = await createTestApp({ today: TODAY });
    const f = await evaluationFixture(t, 904);
    const body = (kind: string, setId = f.setId) => ({
      kind,
      setId,
      subjects: [{ contractId: f.contractId, yearNo: 1 }],
    });
    const byOrg = await t.call(f.org, 'POST', '/api/v1/evaluation-rounds', body('midterm'));
    expect(byOrg.statusCode).toBe(403);
    expect(byOrg.json().message).toContain('县级民政部门');
    const self = await t.call(f.org, 'POST', '/api/v1/evaluation-rounds', body('self_assessment'));
    expect(self.statusCode).toBe(201);

    const city = (await t.as('city_admin', DIV.city)).session;
    const draft = await t.call(city, 'POST', '/api/v1/indicator-sets', { ...EXAMPLE_INDICATOR_SET, name: '草稿' });
    const onDraft = await t.call(f.county, 'POST', '/api/v1/evaluation-rounds', body('midterm', draft.json().id));
    expect(onDraft.statusCode).toBe(400);
    expect(onDraft.json().details.fieldErrors.setId).toContain('已启用');
    const before = await t.db.select().from(evaluationRounds);

    const mid = await t.call(f.county, 'POST', '/api/v1/evaluation-rounds', body('midterm'));
    expect(mid.statusCode).toBe(201);
    const twice = await t.call(f.county, 'POST', '/api/v1/evaluation-rounds', body('midterm'));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain('已开展中期评估');
    expect((await t.db.select().from(evaluationRounds)).length).toBe(before.length + 1);

    // One indicator set per agreement year: the 末期 cannot be scored on another version than the 中期.
    const second = await adoptedSet(t, { name: '第二套指标体系' });
    const mixed = await t.call(f.county, 'POST', '/api/v1/evaluation-rounds', body('final', second));
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().details.fieldErrors.setId).toContain('同一指标体系');

    const id = mid.json().items[0].id;
    const other = (await t.as('county_officer', DIV.qingfeng)).session;
    const foreign = [
      await t.call(other, 'GET', `/api/v1/evaluation-rounds/${id}`),
      await t.call(other, 'PUT', `/api/v1/evaluation-rounds/${id}/scores`, { version: 1, scores: [] }),
      await t.call(other, 'POST', `/api/v1/evaluation-rounds/${id}/sign-off`, { version: 1 }),
      await t.call(other, 'POST', '/api/v1/evaluation-rounds', body('final')),
    ];
    expect(foreign.map((r) => r.statusCode)).toEqual([404, 404, 404, 404]);
    expect((await t.call(other, 'GET', '/api/v1/evaluation-rounds')).json().total).toBe(0);
    // The city reads the county's round but does not score it.
    const cityScore = await t.call(f.city, 'PUT', `/api/v1/evaluation-rounds/${id}/scores`, { version: 1, scores: [] });
    expect(cityScore.statusCode).toBe(403);
    // The contractor sees its own rounds, and scores only its self-assessment.
    const mine = (await t.call(f.org, 'GET', '/api/v1/evaluation-rounds')).json();
    expect(mine.items.map((r: { kind: string }) => r.kind).sort()).toEqual(['midterm', 'self_assessment']);
  });

  it('R-EVAL-1: a random spot check is reproducible from its seed, and under veto a failed one fails the year', async () => {
    t = await createTestApp({ today: TODAY });
    const f = await evaluationFixture(t, 905);
    const spot = await t.call(f.city, 'POST', '/api/v1/evaluation-rounds', {
      kind: 'spot_check',
      setId: f.setId,
      sample: { mode: 'random', size: 3, seed: 'puyang-2026' },
    });
    expect(spot.statusCode, spot.body).toBe(201);
    // One agreement year is in force on TODAY in the whole city: the pool is it, and the draw takes it.
    expect(spot.json().sample).toEqual({ mode: 'random', seed: 'puyang-2026', reason: null, poolSize: 1, on: TODAY });
    expect(spot.json().items.map((r: { contractId: string }) => r.contractId)).toEqual([f.contractId]);
    const county = await t.call(f.county, 'POST', '/api/v1/evaluation-rounds', {
      kind: 'spot_check',
      setId: f.setId,
      sample: { mode: 'random', size: 1 },
    });
    expect(county.statusCode).toBe(403);
    const noReason = await t.call(f.city, 'POST', '/api/v1/evaluation-rounds', {
      kind: 'spot_check',
      setId: f.setId,
      sample: { mode: 'chosen', subjects: [{ contractId: f.contractId, yearNo: 1 }], reason: '' },
    });
    expect(noReason.statusCode).toBe(400);

    for (const kind of ['midterm', 'final'] as const) {
      const id = await openRound(t, f.county, { kind, setId: f.setId, contractId: f.contractId });
      const s = await scoreAll(f.county, id, (it) => it.points);
      const signed = (await signOff(f.county, id, s.version)).json();
      if (kind === 'final') expect(signed.annual).toEqual({ complete: false, missing: '抽查评估尚未签署' });
    }
    const spotId = spot.json().items[0].id;
    const s = await scoreAll(f.city, spotId, (it) => Math.floor(it.points / 2));
    const signed = (await signOff(f.city, spotId, s.version)).json();
    expect(signed.annual).toMatchObject({ complete: true, score: 100, passed: false });
    const contract = (await t.call(f.county, 'GET', `/api/v1/contracts/${f.contractId}`)).json();
    expect(contract.evaluations[0]).toMatchObject({ result: 'failed' });
  });

  it('R-EVAL-2: grade bands at their boundaries come from the set the round uses', async () => {
    t = await createTestApp({ today: TODAY });
    const f = await evaluationFixture(t, 906);
    const strict = await adoptedSet(t, {
      name: '严格版',
      bands: [
        { label: '优秀', min: 95 },
        { label: '合格', min: 70 },
        { label: '不合格', min: 0 },
      ],
      passLine: 70,
    });
    const id = await openRound(t, f.county, { kind: 'midterm', setId: strict, contractId: f.contractId });
    // Exactly 70: every item at full points, then 30 points taken off the largest items.
    let off = 30;
    const s = await scoreAll(f.county, id, (it) => {
      const cut = Math.min(off, it.points);
      off -= cut;
      return it.points - cut;
    });
    expect(s.total).toBe(70);
    expect((await signOff(f.county, id, s.version)).json()).toMatchObject({ total: 70, grade: '合格', passed: true });
  });

  it('R-EVAL-1: a third-party evaluator reaches only the rounds assigned to it and their stations, scores, never signs', async () => {
    t = await createTestApp({ today: TODAY });
    const f = await evaluationFixture(t, 907);
    const ev = await t.as('evaluator', DIV.city);
    const id = await openRound(t, f.county, { kind: 'midterm', setId: f.setId, contractId: f.contractId });
    // Before it is assigned, the evaluator reaches nothing.
    expect((await t.call(ev.session, 'GET', `/api/v1/evaluation-rounds/${id}`)).statusCode).toBe(404);
    expect((await t.call(ev.session, 'GET', '/api/v1/stations')).json().total).toBe(0);

    const candidates = (await t.call(f.county, 'GET', '/api/v1/evaluation-rounds/evaluator-users')).json();
    expect(candidates.items.map((u: { id: string }) => u.id)).toContain(ev.user.id);
    const wrong = await t.call(f.county, 'PUT', `/api/v1/evaluation-rounds/${id}/evaluators`, {
      version: 1,
      userIds: [f.ids.org],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details.fieldErrors.userIds).toContain('第三方评估人员');
    const byOrg = await t.call(f.org, 'PUT', `/api/v1/evaluation-rounds/${id}/evaluators`, {
      version: 1,
      userIds: [ev.user.id],
    });
    expect(byOrg.statusCode).toBe(403);
    const assigned = await t.call(f.county, 'PUT', `/api/v1/evaluation-rounds/${id}/evaluators`, {
      version: 1,
      userIds: [ev.user.id],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().evaluatorUsers).toEqual([{ id: ev.user.id, name: expect.any(String) }]);

    const mine = (await t.call(ev.session, 'GET', '/api/v1/evaluation-rounds')).json();
    expect(mine.items.map((r: { id: string }) => r.id)).toEqual([id]);
    const view = (await t.call(ev.session, 'GET', `/api/v1/evaluation-rounds/${id}`)).json();
    expect(view.abilities).toMatchObject({ score: true, signOff: false, rectify: false, assign: false });
    // The contract's station (柳屯镇) and no other; nothing the role has no permission for.
    const stations = (await t.call(ev.session, 'GET', '/api/v1/stations')).json();
    expect(stations.items.map((x: { id: string }) => x.id)).toEqual([f.ids.liutun]);
    expect((await t.call(ev.session, 'GET', `/api/v1/stations/${f.ids.wenliu}`)).statusCode).toBe(404);
    expect((await t.call(ev.session, 'GET', '/api/v1/contracts')).statusCode).toBe(403);
    expect((await t.call(ev.session, 'GET', '/api/v1/beneficiaries')).statusCode).toBe(403);

    const s = await scoreAll(ev.session, id, (it) => it.points);
    const sign = await signOff(ev.session, id, s.version);
    expect(sign.statusCode).toBe(403);
    expect((await signOff(f.county, id, s.version)).statusCode).toBe(200);
    // Signed: the round stays readable to its evaluator, its stations do not.
    expect((await t.call(ev.session, 'GET', `/api/v1/evaluation-rounds/${id}`)).statusCode).toBe(200);
    expect((await t.call(ev.session, 'GET', '/api/v1/stations')).json().total).toBe(0);
  });
});
