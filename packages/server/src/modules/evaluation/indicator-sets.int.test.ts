import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXAMPLE_INDICATOR_SET,
  indicatorSetProblems,
  type IndicatorSetInput,
  type IndicatorSetView,
} from '@shegong/shared';
import { auditEvents } from '../../platform/audit/audit.table';
import { contractFixture } from '../../test-support/contract-fixture';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { evaluationRounds, indicatorSets } from './evaluation.table';
import { indicatorSetsRepository } from './indicator-sets.repository';
import { createIndicatorSetService, EXAMPLE_FAMILY_ID } from './indicator-sets.service';

// 评估指标体系 (R-EVAL-2, 《实施方案》六（六）) through the HTTP API: the shipped example, the draft → in use → retired
// life of a version, the frozen rule, the tree's sums and bands checked by field with nothing written, and who may
// read and write.
let t: TestApp;
let city: Session;
let county: Session;
let org: Session;
let contractId: string;
let organisationId: string;

/** A small valid set made here, independently of the example: 2 dimensions, 60 + 40 = 100 points. */
function smallSet(name: string): IndicatorSetInput {
  const item = (n: string, points: number) => ({
    name: n,
    points,
    scoringType: 'graded' as const,
    guide: '按达成程度给分',
    evidence: '台账',
    party: 'purchaser' as const,
    measure: null,
  });
  return {
    name,
    note: '',
    dimensions: [
      {
        name: '服务成效',
        points: 60,
        groups: [{ name: '服务开展', points: 60, items: [item('个案服务', 35), item('小组活动', 25)] }],
      },
      { name: '项目管理', points: 40, groups: [{ name: '制度', points: 40, items: [item('制度健全', 40)] }] },
    ],
    bands: [
      { label: '优秀', min: 90 },
      { label: '合格', min: 60 },
      { label: '不合格', min: 0 },
    ],
    passLine: 60,
    combination: { midtermWeight: 40, finalWeight: 60, spotCheck: 'veto' },
  };
}

async function ok<T = IndicatorSetView>(
  s: Session,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  body?: unknown,
  status = 200,
) {
  const r = await t.call(s, method, url, body);
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}
const create = (body: unknown) => ok(city, 'POST', '/api/v1/indicator-sets', body, 201);
const rowOf = async (id: string) => (await t.db.select().from(indicatorSets).where(eq(indicatorSets.id, id)))[0]!;
const auditOf = async (id: string) =>
  (
    await t.db
      .select({ summary: auditEvents.summary, action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, id))
      .orderBy(asc(auditEvents.at))
  ).map((e) => e.summary);

beforeAll(async () => {
  t = await createTestApp();
  city = (await t.as('city_admin', DIV.city)).session;
  const f = await contractFixture(t, 211);
  county = f.county;
  org = f.org;
  organisationId = f.ids.org;
  contractId = (await ok<{ items: { id: string }[] }>(county, 'GET', '/api/v1/contracts')).items[0]!.id;
});
afterAll(() => t?.close());

describe('R-EVAL-2 indicator sets', () => {
  it('R-EVAL-2 a fresh app holds the shipped example as a valid draft, marked as an example', async () => {
    const page = await ok<{ items: { id: string; isExample: boolean; status: string; totalPoints: number }[] }>(
      city,
      'GET',
      '/api/v1/indicator-sets?status=draft',
    );
    const examples = page.items.filter((i) => i.isExample);
    expect(examples).toHaveLength(1);
    const v = await ok(city, 'GET', `/api/v1/indicator-sets/${examples[0]!.id}`);
    expect(v).toMatchObject({ status: 'draft', versionNo: 1, isExample: true, roundCount: 0 });
    expect(v.name).toBe(EXAMPLE_INDICATOR_SET.name);
    expect(v.dimensions).toEqual(EXAMPLE_INDICATOR_SET.dimensions);
    const input = { name: v.name, note: v.note, dimensions: v.dimensions, bands: v.bands, passLine: v.passLine };
    expect(indicatorSetProblems({ ...input, combination: v.combination })).toEqual({});
    // Points summed here, from the leaves up.
    const leaves = v.dimensions.flatMap((d) => d.groups.flatMap((g) => g.items.map((i) => i.points)));
    expect(v.totalPoints).toBe(leaves.reduce((a, n) => a + n, 0));
    expect(v.itemCount).toBe(leaves.length);
    expect(v.abilities).toEqual({ edit: true, adopt: true, newVersion: false });
    // One example row, in the fixed family; a second process starting at once inserts nothing (ON CONFLICT).
    const rows = await t.db.select().from(indicatorSets).where(eq(indicatorSets.isExample, true));
    expect(rows.map((r) => [r.familyId, r.versionNo])).toEqual([[EXAMPLE_FAMILY_ID, 1]]);
    const again = await indicatorSetsRepository.insertOnce(t.db, {
      ...EXAMPLE_INDICATOR_SET,
      familyId: EXAMPLE_FAMILY_ID,
      versionNo: 1,
      isExample: true,
    });
    expect(again).toBeUndefined();
    await createIndicatorSetService({ db: t.db, clock: t.clock }).seedExample();
    expect(await t.db.$count(indicatorSets, eq(indicatorSets.isExample, true))).toBe(1);
  });

  it('R-EVAL-2 create → edit the draft → adopt; then an edit answers INDICATOR_SET_FROZEN and the row is unchanged', async () => {
    const made = await create(smallSet('甲体系'));
    expect(made).toMatchObject({ status: 'draft', versionNo: 1, isExample: false, totalPoints: 100, itemCount: 3 });
    const changed = smallSet('甲体系（修订）');
    changed.passLine = 90;
    const edited = await ok(city, 'PATCH', `/api/v1/indicator-sets/${made.id}`, { ...changed, version: made.version });
    expect(edited).toMatchObject({ name: '甲体系（修订）', passLine: 90, version: made.version + 1 });

    // A stale version is a conflict, never an overwrite.
    const staleEdit = await t.call(city, 'PATCH', `/api/v1/indicator-sets/${made.id}`, {
      ...changed,
      version: made.version,
    });
    expect(staleEdit.statusCode).toBe(409);
    expect(staleEdit.json().code).toBe('VERSION_CONFLICT');

    const adopted = await ok(city, 'PATCH', `/api/v1/indicator-sets/${made.id}`, {
      adopt: true,
      version: edited.version,
    });
    expect(adopted).toMatchObject({ status: 'in_use', abilities: { edit: false, adopt: false, newVersion: true } });
    expect(adopted.adoptedAt).not.toBeNull();
    const before = await rowOf(made.id);
    expect(before.adoptedBy).not.toBeNull();

    const refused = await t.call(city, 'PATCH', `/api/v1/indicator-sets/${made.id}`, {
      ...smallSet('改不了'),
      version: adopted.version,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('INDICATOR_SET_FROZEN');
    expect(refused.json().message).toContain('新建版本');
    expect(refused.json().message).toContain('《实施方案》六（六）');
    expect(await rowOf(made.id)).toEqual(before);

    expect(await auditOf(made.id)).toEqual([
      '新建指标体系“甲体系”第 1 版（草稿）',
      '修改指标体系“甲体系（修订）”第 1 版（草稿）',
      '启用指标体系“甲体系（修订）”第 1 版',
    ]);
  });

  it('R-EVAL-2 a new version copies its source; one draft per family; adopting it retires the old one', async () => {
    const v1 = await create(smallSet('乙体系'));
    const v1InUse = await ok(city, 'PATCH', `/api/v1/indicator-sets/${v1.id}`, { adopt: true, version: v1.version });
    const v2 = await create({ basedOn: v1.id });
    expect(v2).toMatchObject({ familyId: v1.familyId, versionNo: 2, status: 'draft' });
    expect(v2.id).not.toBe(v1.id);
    expect({ d: v2.dimensions, b: v2.bands, p: v2.passLine, c: v2.combination, n: v2.name }).toEqual({
      d: v1InUse.dimensions,
      b: v1InUse.bands,
      p: v1InUse.passLine,
      c: v1InUse.combination,
      n: v1InUse.name,
    });
    // While v2 is a draft, v1 offers no new version and a second draft is refused in Chinese.
    expect((await ok(city, 'GET', `/api/v1/indicator-sets/${v1.id}`)).abilities.newVersion).toBe(false);
    const second = await t.call(city, 'POST', '/api/v1/indicator-sets', { basedOn: v1.id });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toMatch(/已有草稿（第 2 版）/);

    await ok(city, 'PATCH', `/api/v1/indicator-sets/${v2.id}`, { adopt: true, version: v2.version });
    const old = await ok(city, 'GET', `/api/v1/indicator-sets/${v1.id}`);
    expect(old.status).toBe('retired');
    expect((await ok(city, 'GET', `/api/v1/indicator-sets/${v2.id}`)).status).toBe('in_use');
    const oldEdit = await t.call(city, 'PATCH', `/api/v1/indicator-sets/${v1.id}`, {
      ...smallSet('乙'),
      version: old.version,
    });
    expect(oldEdit.json().code).toBe('INDICATOR_SET_FROZEN');

    // The list: the newest family first, its newest version first.
    const list = await ok<{ items: { id: string; familyId: string; versionNo: number }[] }>(
      city,
      'GET',
      '/api/v1/indicator-sets?pageSize=200',
    );
    expect(list.items.slice(0, 2).map((i) => [i.familyId, i.versionNo])).toEqual([
      [v1.familyId, 2],
      [v1.familyId, 1],
    ]);
    expect(await auditOf(v1.id)).toEqual([
      '新建指标体系“乙体系”第 1 版（草稿）',
      '启用指标体系“乙体系”第 1 版',
      '停用指标体系“乙体系”第 1 版（已启用第 2 版）',
    ]);
    expect(await auditOf(v2.id)).toEqual(['新建指标体系“乙体系”第 2 版（复制第 1 版）', '启用指标体系“乙体系”第 2 版']);
  });

  it('R-EVAL-2 a draft that an evaluation round scores on is frozen too', async () => {
    const draft = await create(smallSet('丙体系'));
    await t.db.insert(evaluationRounds).values({
      kind: 'self_assessment',
      contractId,
      yearNo: 1,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      divisionPath: '/410900000000/410928000000/410928101000/',
      countyCode: DIV.puyangCounty,
      organisationId,
      setId: draft.id,
    });
    const v = await ok(city, 'GET', `/api/v1/indicator-sets/${draft.id}`);
    expect(v.roundCount).toBe(1);
    expect(v.abilities.edit).toBe(false);
    const r = await t.call(city, 'PATCH', `/api/v1/indicator-sets/${draft.id}`, { ...smallSet('丁'), version: 1 });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'INDICATOR_SET_FROZEN' });
    expect(r.json().message).toContain('已有 1 次评估使用该版本');
  });

  it('R-EVAL-2 sums, bands and weights that do not hold answer 400 on their fields and write nothing', async () => {
    const count = async () => (await t.db.select({ id: indicatorSets.id }).from(indicatorSets)).length;
    const n = await count();
    const bad = smallSet('坏体系');
    bad.dimensions[0]!.groups[0]!.items[0]!.points = 36; // group 60 ≠ 36 + 25
    bad.dimensions[1]!.points = 45; // dimension 45 ≠ its group's 40
    bad.bands = [
      { label: '优秀', min: 60 },
      { label: '合格', min: 90 },
      { label: '不合格', min: 0 },
    ];
    bad.combination.finalWeight = 70;
    const r = await t.call(city, 'POST', '/api/v1/indicator-sets', bad);
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('VALIDATION_FAILED');
    expect(Object.keys(r.json().details.fieldErrors).sort()).toEqual(
      ['bands', 'combination.finalWeight', 'dimensions.0.groups.0.points', 'dimensions.1.points'].sort(),
    );
    expect(r.json().details.fieldErrors['dimensions.0.groups.0.points']).toContain('61');
    expect(await count()).toBe(n);

    // The same on an edit: the draft stays as it was, audit included.
    const draft = await create(smallSet('戊体系'));
    const before = await rowOf(draft.id);
    const e = await t.call(city, 'PATCH', `/api/v1/indicator-sets/${draft.id}`, { ...bad, version: draft.version });
    expect(e.statusCode).toBe(400);
    expect(e.json().details.fieldErrors).toHaveProperty(['dimensions.1.points']);
    expect(await rowOf(draft.id)).toEqual(before);
    expect(await auditOf(draft.id)).toHaveLength(1);

    // The schema's own rules (an empty name) name the field too, never a 500.
    const empty = await t.call(city, 'POST', '/api/v1/indicator-sets', { ...smallSet(''), name: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details.fieldErrors).toHaveProperty('name');
  });

  it('R-EVAL-2 the county reads but may not write (403); a contractor reads; the example reads the same to all', async () => {
    const list = await ok<{ items: { id: string }[]; total: number }>(county, 'GET', '/api/v1/indicator-sets');
    expect(list.total).toBeGreaterThan(0);
    const id = list.items[0]!.id;
    expect((await ok(county, 'GET', `/api/v1/indicator-sets/${id}`)).abilities).toEqual({
      edit: false,
      adopt: false,
      newVersion: false,
    });
    expect((await t.call(county, 'POST', '/api/v1/indicator-sets', smallSet('县级'))).statusCode).toBe(403);
    expect(
      (await t.call(county, 'PATCH', `/api/v1/indicator-sets/${id}`, { adopt: true, version: 1 })).statusCode,
    ).toBe(403);
    const orgView = await ok(org, 'GET', `/api/v1/indicator-sets/${id}`);
    expect(orgView.abilities.edit).toBe(false);
    expect((await t.call(org, 'POST', '/api/v1/indicator-sets', smallSet('机构'))).statusCode).toBe(403);
    const missing = await t.call(org, 'GET', '/api/v1/indicator-sets/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });
});
