import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { BeneficiaryImportResult } from '@shegong/shared';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { contractFixture, orgAdmin } from '../../test-support/contract-fixture';
import { makeCitizenId } from '../../test-support/citizen-ids';
import { multipartWith } from '../../test-support/images';
import { beneficiaries, beneficiaryCategories, beneficiaryStations } from './beneficiaries.table';
import { BENEFICIARY_COLUMNS } from './beneficiaries-import.spec';

// R-SVC-1 import of the assistance systems' rosters through the real routes, on both databases: each row new, matched
// (a new category period, a link to the importing station, empty fields filled) or unchanged; refusals write nothing.

const FIXTURES = new URL('../../../test-fixtures/imports/', import.meta.url);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let lead: Session;
let ids: Record<string, string> = {};
const paths: Record<string, string> = {};

const MATCHED = makeCitizenId('19580402', 211); // registered here, no category yet, no phone
const UNCHANGED = makeCitizenId('19600915', 222); // registered here, 低保 since 2024
const ELSEWHERE = makeCitizenId('19550101', 231); // registered at 文留镇 (outside the lead's stations)
const NEW = makeCitizenId('19701123', 241);
const OVERLAP = makeCitizenId('19620707', 252); // a 低保 period 2020–2025 on record

const post = (s: Session, query: string, name: string, bytes: Buffer, path = 'import') => {
  const mp = multipartWith({}, 'file', name, name.endsWith('.csv') ? 'text/csv' : XLSX, bytes);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/beneficiaries/${path}?${query}`,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': mp.contentType },
    payload: mp.payload,
  });
};
const run = async (query: string, name: string, bytes: Buffer) => {
  const r = await post(lead, query, name, bytes);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<BeneficiaryImportResult>();
};

/** A 低保 roster as the 民政 system prints it: a title, households by their head, no 类别 column. */
async function dibaoRoster(rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('低保名册');
  ws.addRow(['濮阳县城乡低保对象花名册（2026年11月）']);
  ws.addRow([
    '序号',
    '户主姓名',
    '户主身份证号',
    '保障人数',
    '乡镇',
    '村（居）委会',
    '家庭住址',
    '联系电话',
    '审批日期',
  ]);
  rows.forEach((r, i) => ws.addRow([String(i + 1), ...r]));
  ws.getColumn(3).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const household = (name: string, id: string, extra: Partial<Record<string, string>> = {}) => {
  const v = {
    人数: '2',
    乡镇: '柳屯镇',
    村: '前柳屯村',
    住址: '前柳屯村二组',
    电话: '13903931234',
    审批: '2026-09-01',
    ...extra,
  };
  return [name, id, v.人数, v.乡镇, v.村, v.住址, v.电话, v.审批];
};

const counts = async () => [
  (await t.db.select({ n: count() }).from(beneficiaries))[0].n,
  (await t.db.select({ n: count() }).from(beneficiaryCategories))[0].n,
  (await t.db.select({ n: count() }).from(beneficiaryStations))[0].n,
];
const person = async (idNumber: string) =>
  (await t.db.select().from(beneficiaries).where(eq(beneficiaries.idNumber, idNumber)))[0];
const periodsOf = async (beneficiaryId: string) =>
  t.db
    .select()
    .from(beneficiaryCategories)
    .where(and(eq(beneficiaryCategories.beneficiaryId, beneficiaryId), isNull(beneficiaryCategories.archivedAt)));

async function register(idNumber: string, name: string, station: 'liutun' | 'wenliu', extra = {}) {
  const [p] = await t.db
    .insert(beneficiaries)
    .values({
      stationId: ids[station],
      divisionPath: paths[station],
      name,
      idNumber,
      gender: Number(idNumber[16]) % 2 ? 'male' : 'female',
      birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
      birthYear: Number(idNumber.slice(6, 10)),
      ...extra,
    })
    .returning();
  await t.db.insert(beneficiaryStations).values({
    beneficiaryId: p.id,
    stationId: p.stationId,
    divisionPath: p.divisionPath,
    since: '2025-01-01',
  });
  return p;
}

beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-28' });
  ({ ids } = await contractFixture(t, 71));
  const all = (await t.call(null, 'GET', '/api/v1/divisions')).json().items as { code: string; parentCode: string }[];
  const pathOf = (code: string): string => {
    const d = all.find((x) => x.code === code);
    return d?.parentCode ? `${pathOf(d.parentCode)}${code}/` : `/${code}/`;
  };
  paths.liutun = pathOf(DIV.liutun);
  paths.wenliu = pathOf(DIV.wenliu);
  const u = await t.makeUser('project_lead', DIV.city, { organisationId: ids.org });
  lead = await t.login(u.username);
  await register(MATCHED, '王秀英', 'liutun', { village: '前柳屯村' });
  const unchanged = await register(UNCHANGED, '张国强', 'liutun', {
    phone: '13903930000',
    village: '前柳屯村',
    address: '前柳屯村二组',
  });
  await t.db.insert(beneficiaryCategories).values({
    beneficiaryId: unchanged.id,
    category: 'dibao',
    startedOn: '2024-03-01',
    source: '低保名册 2024-03',
  });
  await register(ELSEWHERE, '刘玉兰', 'wenliu');
  const overlap = await register(OVERLAP, '陈志明', 'liutun');
  await t.db.insert(beneficiaryCategories).values({
    beneficiaryId: overlap.id,
    category: 'dibao',
    startedOn: '2020-01-01',
    endedOn: '2026-10-31',
    source: '低保名册 2020-01',
  });
});
afterAll(() => t?.close());

describe('beneficiaries import (R-SVC-1)', () => {
  it('R-SVC-1: a 低保 roster matched against existing people: new, matched with a new category, unchanged, refused; a refused file writes nothing', async () => {
    const before = await counts();
    const file = await dibaoRoster([
      household('赵新民', NEW),
      household('王秀英', MATCHED, { 村: '后柳屯村' }),
      household('张国强', UNCHANGED, { 电话: '13903930000' }),
      household('刘玉兰', ELSEWHERE),
      household('陈志明', OVERLAP, { 审批: '2026-10-01' }),
      household('重复者', NEW),
    ]);
    const dry = await run('dryRun=true&category=dibao', '濮阳县低保名册2026年11月.xlsx', file);
    expect(dry.missing).toEqual([]);
    expect(dry.columns.find((c) => c.header === '户主姓名')).toMatchObject({ column: '姓名', how: 'synonym' });
    expect(dry.columns.find((c) => c.header === '审批日期')).toMatchObject({ column: '开始日期' });
    expect(dry.summary).toEqual({ added: 1, matched: 2, unchanged: 1 });
    const preview = Object.fromEntries(dry.preview.map((p) => [p.name, p]));
    expect(preview['赵新民']).toMatchObject({ outcome: 'new', row: 3 });
    expect(preview['王秀英'].outcome).toBe('matched');
    expect(preview['王秀英'].changes).toEqual([
      '新增类别：最低生活保障对象（2026-09-01 起）',
      '补充联系电话',
      '补充住址',
      '村（社区）与已登记的不同（保留已登记的，不覆盖）',
    ]);
    expect(preview['张国强']).toMatchObject({ outcome: 'unchanged', changes: [] });
    expect(preview['刘玉兰'].changes).toContain('关联到柳屯镇社会工作服务站（已在其他社工站登记，同一人只登记一次）');
    // Refused: a period overlapping the one on record, and the same person twice in the file.
    expect(dry.issues.map((i) => [i.row, i.column, i.name])).toEqual([
      [7, '开始日期', '陈志明'],
      [8, '身份证号', '重复者'],
    ]);
    expect(dry.issues[0].message).toContain('重叠');
    expect(dry.issues[1].message).toContain('与第 3 行重复');

    const refused = await run('dryRun=false&category=dibao', '濮阳县低保名册2026年11月.xlsx', file);
    expect(refused.committed).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('R-SVC-1: the commit adds periods (never overwrites), links the importing station and fills only empty fields', async () => {
    const before = await counts();
    const file = await dibaoRoster([
      household('赵新民', NEW),
      household('王秀英', MATCHED, { 村: '后柳屯村' }),
      household('张国强', UNCHANGED, { 电话: '13903930000' }),
      household('刘玉兰', ELSEWHERE),
    ]);
    const r = await run('dryRun=false&category=dibao', '濮阳县低保名册2026年11月.xlsx', file);
    expect(r).toMatchObject({ committed: true, issues: [], summary: { added: 1, matched: 2, unchanged: 1 } });
    expect(await counts()).toEqual([before[0] + 1, before[1] + 3, before[2] + 2]);
    const added = await person(NEW);
    expect(added).toMatchObject({ name: '赵新民', stationId: ids.liutun, gender: 'male', birthDate: '1970-11-23' });
    expect(await periodsOf(added.id)).toMatchObject([
      { category: 'dibao', startedOn: '2026-09-01', endedOn: null, source: '濮阳县低保名册2026年11月' },
    ]);
    const matched = await person(MATCHED);
    // Only empty fields are filled: the village on record stays.
    expect(matched).toMatchObject({ phone: '13903931234', address: '前柳屯村二组', village: '前柳屯村', version: 2 });
    expect((await periodsOf((await person(UNCHANGED)).id)).length).toBe(1);
    const elsewhere = await person(ELSEWHERE);
    expect(elsewhere.stationId).toBe(ids.wenliu);
    const links = await t.db
      .select()
      .from(beneficiaryStations)
      .where(eq(beneficiaryStations.beneficiaryId, elsewhere.id));
    expect(links.sort((a, b) => a.since.localeCompare(b.since))).toMatchObject([
      { stationId: ids.wenliu, since: '2025-01-01' },
      { stationId: ids.liutun, since: '2026-11-28' },
    ]);
    // Through the registry's own list: the new person and the linked one are the lead's people now.
    for (const name of ['赵新民', '刘玉兰']) {
      const list = await t.call(lead, 'GET', `/api/v1/beneficiaries?q=${encodeURIComponent(name)}`);
      expect(list.json(), name).toMatchObject({ total: 1, items: [{ name }] });
    }

    // The same roster again: everyone is on record now, nothing to add.
    const again = await run('dryRun=true&category=dibao', '濮阳县低保名册2026年11月.xlsx', file);
    expect(again.summary).toEqual({ added: 0, matched: 0, unchanged: 4 });
  });

  it('R-SVC-1: the template round-trips: its own header, a filled row, committed as written', async () => {
    const res = await t.call(lead, 'GET', '/api/v1/beneficiaries/template.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as string[]).slice(1)).toEqual(BENEFICIARY_COLUMNS);
    const id = makeCitizenId('20150606', 262);
    const row: Record<string, string> = {
      姓名: '周小雨',
      身份证号: id,
      联系电话: '13803930101',
      '村（社区）': '前柳屯村',
      住址: '前柳屯村五组 3 号',
      '乡镇（街道）': '柳屯镇',
      类别: '农村留守儿童',
      开始日期: '2026-03-01',
      来源: '入户排查 2026-03',
      监护人姓名: '周建国',
      监护人关系: '祖父',
      监护人电话: '13803930102',
    };
    ws.addRow(BENEFICIARY_COLUMNS.map((c) => row[c] ?? ''));
    // A child with no guardian is refused by the single create's rule.
    const noGuardian = makeCitizenId('20160101', 272);
    ws.addRow(
      BENEFICIARY_COLUMNS.map(
        (c) =>
          ({ ...row, 姓名: '无监护', 身份证号: noGuardian, 监护人姓名: '', 监护人关系: '', 监护人电话: '' })[c] ?? '',
      ),
    );
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const dry = await run('dryRun=true', '排查名单.xlsx', bytes);
    expect(dry.columns.every((c) => c.how === 'exact')).toBe(true);
    expect(dry.issues.map((i) => [i.row, i.column])).toEqual([[3, '监护人姓名']]);
    ws.spliceRows(3, 1);
    const r = await run('dryRun=false', '排查名单.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r).toMatchObject({ committed: true, summary: { added: 1 } });
    const child = await person(id);
    expect(child).toMatchObject({ guardianName: '周建国', guardianRelation: '祖父', village: '前柳屯村' });
    expect(await periodsOf(child.id)).toMatchObject([{ category: 'left_behind_child', source: '入户排查 2026-03' }]);
  });

  it('R-SVC-1: a 特困 roster saved as CSV in GBK reads like .xlsx (供养方式, dates as offices type them)', async () => {
    const bytes = readFileSync(new URL('beneficiaries-tekun-gbk.csv', FIXTURES));
    const r = await run('dryRun=false&category=tekun', '特困名册.csv', bytes);
    expect(r).toMatchObject({ committed: true, rows: 3, issues: [], summary: { added: 3 } });
    const sun = await person('410928193801113335');
    expect(sun).toMatchObject({ name: '孙长河', village: '东柳屯村', phone: '03934812345' });
    expect(await periodsOf(sun.id)).toMatchObject([
      { category: 'tekun', tekunForm: 'dispersed', startedOn: '2016-03-01' },
    ]);
    const zhao = await person('410928194508173229');
    expect(await periodsOf(zhao.id)).toMatchObject([{ tekunForm: 'centralised', startedOn: '2021-06-01' }]);
  });

  it("R-SVC-1: 3,000 rows of Chinese text (well past the reader's 64 KB chunks) are read without a garbled character", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['姓名', '身份证号', '住址', '村（社区）']);
    const day = (i: number) => new Date(Date.UTC(1950, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 3000; i++)
      ws.addRow([
        `王秀英${'甲乙丙丁戊己庚辛壬癸'[i % 10]}`,
        makeCitizenId(day(i).replaceAll('-', ''), 301),
        `前柳屯村第${i}户东侧院落（柳屯镇人民政府西北方向）`,
        '前柳屯村',
      ]);
    const r = await run('dryRun=true', '长名单.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.issues).toEqual([]);
    expect(r.summary).toEqual({ added: 3000, matched: 0, unchanged: 0 });
  });

  it('R-SCOPE-2: a station outside the caller’s stations is refused; roles without write may not import', async () => {
    const file = await dibaoRoster([household('吴文', makeCitizenId('19800101', 281), { 乡镇: '文留镇' })]);
    const r = await run('dryRun=true&category=dibao', '名册.xlsx', file);
    expect(r.issues).toMatchObject([{ row: 3, column: '乡镇（街道）', rule: '范围' }]);
    for (const role of ['county_officer', 'city_officer'] as const) {
      const s = (await t.as(role, role === 'city_officer' ? DIV.city : DIV.puyangCounty)).session;
      expect((await post(s, 'dryRun=true&category=dibao', '名册.xlsx', file)).statusCode).toBe(403);
    }
  });

  it('R-SCOPE-2: a person registered elsewhere is linked and says nothing of that station’s record; a colleague cannot change a withheld record', async () => {
    // 文留镇 holds a person with a health period the importing lead's stations do not see.
    const sick = makeCitizenId('19660606', 261);
    const other = await register(sick, '周明亮', 'wenliu');
    await t.db.insert(beneficiaryCategories).values({
      beneficiaryId: other.id,
      category: 'mental_disorder',
      startedOn: '2021-01-01',
      source: '文留镇入户核实',
    });
    const roster = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('名单');
      ws.addRow(['姓名', '身份证号', '所属社工站', '类别', '开始日期', '联系电话']);
      for (const r of rows) ws.addRow(r);
      ws.getColumn(2).numFmt = '@';
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const dry = await run(
      'dryRun=true',
      '名单.xlsx',
      await roster([['周明亮', sick, '柳屯镇社会工作服务站', '精神障碍患者', '2022-01-01', '13900009999']]),
    );
    expect(dry.issues).toEqual([]);
    expect(dry.preview[0]).toMatchObject({ outcome: 'matched' });
    expect(dry.preview[0].changes).toEqual([expect.stringContaining('关联到')]);
    expect(JSON.stringify(dry)).not.toMatch(/2021-01-01|周\*亮/);
    const wrongName = await run('dryRun=true', '名单.xlsx', await roster([['周明', sick, '', '', '', '']]));
    expect(wrongName.issues[0].message).toBe('与该身份证号登记的姓名不同：请核对身份证号或姓名');

    // A child registered at 柳屯镇 by nobody in particular: a resident social worker there is not responsible.
    const child = makeCitizenId('20160303', 272);
    await register(child, '孙小雨', 'liutun', { guardianName: '孙大海', guardianRelation: '父亲' });
    const org = await orgAdmin(t, 'org71.import', ids.org);
    const w = await t.call(org, 'POST', '/api/v1/workers', {
      name: '郑晓丽',
      idNumber: makeCitizenId('19940404', 283),
      education: 'bachelor',
      socialWorkMajor: true,
      hireDate: '2026-03-01',
      role: 'resident',
    });
    await t.call(org, 'POST', `/api/v1/workers/${w.json().id}/assignments`, {
      stationId: ids.liutun,
      startOn: '2026-03-01',
    });
    await t.call(org, 'POST', `/api/v1/workers/${w.json().id}/account`, {
      username: 'zheng.import',
      password: 'Worker-Pass-01',
    });
    const first = await t.login('zheng.import', 'Worker-Pass-01');
    await t.call(first, 'POST', '/api/v1/auth/password', {
      currentPassword: 'Worker-Pass-01',
      newPassword: 'Worker-Pass-02',
    });
    const colleague = await t.login('zheng.import', 'Worker-Pass-02');
    const file = await roster([['孙小雨', child, '柳屯镇社会工作服务站', '困境儿童', '2026-01-01', '']]);
    const refused = await post(colleague, 'dryRun=false', '名单.xlsx', file);
    expect(refused.json().committed).toBe(false);
    expect(refused.json().issues[0].message).toContain('仅由其负责社工或项目主管维护');
    const byLead = await run('dryRun=true', '名单.xlsx', file);
    expect(byLead.issues).toEqual([]);
  });
});
