import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app';
import { contractFixture } from '../../test-support/contract-fixture';
import { makeCitizenId } from '../../test-support/citizen-ids';
import { multipartWith } from '../../test-support/images';
import { workerAssignments, workers } from './workers.table';
import { NUMBER_ID_MESSAGE } from '@shegong/shared';
import { ROSTER_COLUMNS } from './roster-import';

let t: TestApp;
let county: Session;
let org: Session;
let ids: Record<string, string> = {};
const A = makeCitizenId('19950312', 122);
const B = makeCitizenId('19920808', 131);

async function xlsx(rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('社工名册');
  ws.addRow(ROSTER_COLUMNS);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const row = (name: string, id: string, extra: Partial<Record<string, string>> = {}) =>
  ROSTER_COLUMNS.map(
    (c) =>
      ({
        姓名: name,
        身份证号: id,
        联系电话: '13812345678',
        学历: '本科',
        专业: '社会工作',
        社会工作专业毕业: '是',
        证书等级: '',
        证书编号: '',
        本地户籍: '是',
        聘用日期: '2026-03-01',
        岗位: '驻站社工',
        派驻社工站: '柳屯镇社会工作服务站',
        ...extra,
      })[c] ?? '',
  );
const upload = (bytes: Buffer, dryRun: boolean) => {
  const mp = multipartWith(
    {},
    'file',
    '名册.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes,
  );
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/workers/import?dryRun=${dryRun}`,
    headers: { cookie: org.cookie, 'x-csrf-token': org.csrf, 'content-type': mp.contentType },
    payload: mp.payload,
  });
};
const counts = async () => [
  (await t.db.select({ n: count() }).from(workers))[0].n,
  (await t.db.select({ n: count() }).from(workerAssignments))[0].n,
];

beforeAll(async () => {
  // Pinned: the fixture contract runs 2026–2028 and rows are hired in 2026.
  t = await createTestApp({ today: '2026-11-28' });
  ({ county, org, ids } = await contractFixture(t, 61));
});
afterAll(() => t?.close());

describe('roster import (R-STAFF-2, R-STAFF-6)', () => {
  it('reports bad check digits, unknown stations, duplicates and hiring breaches; writes nothing', async () => {
    const before = await counts();
    const bad = A.slice(0, 17) + (A.endsWith('1') ? '2' : '1');
    const r = await upload(
      await xlsx([
        row('张晓梅', A),
        row('坏号码', bad),
        row('刘伟', B, { 派驻社工站: '文留镇社会工作服务站' }),
        row('张晓梅', A),
        row('年长者', makeCitizenId('19780101', 33), { 学历: '中专', 岗位: '社工' }),
      ]),
      false,
    );
    const body = r.json();
    expect(body).toMatchObject({ committed: false, rows: 5 });
    const at = (n: number, column: string) =>
      body.issues.find((i: { row: number; column: string }) => i.row === n && i.column === column);
    expect(at(3, '身份证号').message).toContain('校验位');
    expect(at(4, '派驻社工站').message).toContain('不是本机构有效合同覆盖的社工站');
    expect(at(5, '身份证号').message).toContain('与第 2 行重复');
    expect(at(6, '岗位').rule).toBe('取值');
    // R-STAFF-2: a low degree points at 学历, not at the hire date.
    expect(at(6, '学历')).toMatchObject({ rule: 'R-STAFF-2', message: expect.stringContaining('学历低于大专') });
    expect(await counts()).toEqual(before);
  });

  it('flags the R-STAFF-2 breaches of an otherwise valid row, each on its own cell', async () => {
    const r = (await upload(await xlsx([row('年长者', makeCitizenId('19780101', 33), { 学历: '中专' })]), true)).json();
    expect(r.issues).toEqual([
      expect.objectContaining({
        row: 2,
        column: '聘用日期',
        rule: 'R-STAFF-2',
        message: expect.stringContaining('48 周岁'),
      }),
      expect.objectContaining({
        row: 2,
        column: '学历',
        rule: 'R-STAFF-2',
        value: '中专',
        message: expect.stringContaining('学历低于大专'),
      }),
    ]);
  });

  it('commits a clean file with the assignments; the station is staffed', async () => {
    const file = await xlsx([
      row('张晓梅', A),
      row('刘伟', B, { 社会工作专业毕业: '否', 证书等级: '助理社会工作师', 证书编号: 'A2019001' }),
    ]);
    expect((await upload(file, true)).json()).toMatchObject({ dryRun: true, issues: [], committed: false });
    expect((await upload(file, false)).json()).toMatchObject({ committed: true, rows: 2 });
    const list = (await t.call(org, 'GET', '/api/v1/workers')).json().items;
    expect(list.map((w: { name: string }) => w.name).sort()).toEqual(['刘伟', '张晓梅']);
    expect(list.every((w: { qualification: { qualified: boolean } }) => w.qualification.qualified)).toBe(true);
    const station = (await t.call(county, 'GET', `/api/v1/stations/${ids.liutun}`)).json();
    expect(station.residentWorkers).toBe(2);
    expect((await upload(file, true)).json().issues[0].message).toContain('已登记该身份证号');
  });
});

describe('roster import: the dry run checks what the commit would (defect 13)', () => {
  const upload = async (ws: (sheet: ExcelJS.Worksheet) => void, dryRun: boolean) => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('社工名册');
    sheet.addRow(ROSTER_COLUMNS);
    ws(sheet);
    const mp = multipartWith(
      {},
      'file',
      '名册.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/workers/import?dryRun=${dryRun}`,
      headers: { cookie: org.cookie, 'x-csrf-token': org.csrf, 'content-type': mp.contentType },
      payload: mp.payload,
    });
  };
  const row = (name: unknown, id: unknown, hireDate: unknown) => [
    name,
    id,
    '',
    '本科',
    '社会工作',
    '是',
    '',
    '',
    '是',
    hireDate,
    '驻站社工',
    '',
  ];

  it('an impossible date is reported by the dry run, and the commit refuses it with no 500', async () => {
    for (const dryRun of [true, false]) {
      const r = await upload((s) => s.addRow(row('李四', makeCitizenId('19920808', 139), '2026-02-30')), dryRun);
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({
        committed: false,
        issues: [expect.objectContaining({ row: 2, column: '聘用日期' })],
      });
    }
  });

  it('an ID typed into a number cell is refused with the reason, whatever its check digit', async () => {
    const id = makeCitizenId('19930707', 141);
    const r = (await upload((s) => s.addRow(row('王五', Number(id), '2026-03-01')), true)).json();
    expect(r.issues).toEqual([expect.objectContaining({ row: 2, column: '身份证号', message: NUMBER_ID_MESSAGE })]);
  });

  it('a NUL or a direction override typed in Excel (stored as _x0000_, _x202E_) is refused like anywhere else', async () => {
    const r = (
      await upload((s) => s.addRow(row('张_x0000_三', makeCitizenId('19910101', 171), '2026-03-01')), true)
    ).json();
    expect(r.issues).toEqual([
      expect.objectContaining({ row: 2, column: '姓名', message: expect.stringContaining('控制字符') }),
    ]);
  });

  it('a hire date before the birth date is refused', async () => {
    const r = (await upload((s) => s.addRow(row('钱七', makeCitizenId('19930303', 181), '1990-01-01')), true)).json();
    expect(r.issues).toEqual([
      expect.objectContaining({ column: '聘用日期', message: expect.stringContaining('不能早于出生日期') }),
    ]);
    const single = await t.call(org, 'POST', '/api/v1/workers', {
      name: '钱七',
      idNumber: makeCitizenId('19930303', 181),
      education: 'bachelor',
      hireDate: '1990-01-01',
      role: 'resident',
    });
    expect(single.json().details.fieldErrors.hireDate).toContain('不能早于出生日期');
  });

  it('a name typed in two fonts is stored as its text', async () => {
    const id = makeCitizenId('19940909', 151);
    const richName = { richText: [{ text: '赵' }, { font: { bold: true, name: '宋体' }, text: '六' }] };
    const r = (await upload((s) => s.addRow(row(richName, id, '2026-03-01')), false)).json();
    expect(r).toMatchObject({ committed: true, issues: [] });
    const names = (await t.call(org, 'GET', '/api/v1/workers')).json().items.map((w: { name: string }) => w.name);
    expect(names).toContain('赵六');
  });
});
