import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCitizenId } from '@shegong/shared';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { contractFixture, orgAdmin } from '../../test-support/contract-fixture';
import { multipartWith } from '../../test-support/images';
import ExcelJS from 'exceljs';
import { makeCitizenId } from '../../test-support/citizen-ids';

let t: TestApp;
let county: Session;
let org: Session;
let ids: Record<string, string> = {};
const worker = (extra: Record<string, unknown> = {}) => ({
  name: '张晓梅',
  idNumber: makeCitizenId('19950312', 122),
  phone: '13812345678',
  education: 'bachelor',
  major: '汉语言文学',
  socialWorkMajor: false,
  localHukou: true,
  hireDate: '2026-03-01',
  role: 'resident',
  ...extra,
});

beforeAll(async () => {
  // Pinned: the fixture contract runs 2026–2028; deadlines and hires are dated in 2026.
  t = await createTestApp({ today: '2026-11-28' });
  ({ county, org, ids } = await contractFixture(t, 31));
});
afterAll(() => t?.close());

describe('roster and hiring checks (R-STAFF-2)', () => {
  it('the test ID numbers are valid GB 11643 numbers', () => {
    expect(checkCitizenId(makeCitizenId('19950312', 122), '2026-11-28')).toMatchObject({
      ok: true,
      birthDate: '1995-03-12',
      gender: 'female',
    });
  });

  it('registers a worker, derives birth date and gender, and computes qualification', async () => {
    const r = await t.call(org, 'POST', '/api/v1/workers', worker());
    expect(r.statusCode).toBe(201);
    ids.zhang = r.json().id;
    expect(r.json()).toMatchObject({
      birthDate: '1995-03-12',
      gender: 'female',
      masked: false,
      idNumber: makeCitizenId('19950312', 122),
      qualification: { qualified: false, hoursMissing: 60 },
    });
  });

  it('refuses a bad check digit, a duplicate ID and an unknown field, writing nothing', async () => {
    const bad = makeCitizenId('19900101', 11).slice(0, 17) + (makeCitizenId('19900101', 11).endsWith('1') ? '2' : '1');
    const r = await t.call(org, 'POST', '/api/v1/workers', worker({ idNumber: bad }));
    expect(r.statusCode).toBe(400);
    expect(r.json().details.fieldErrors.idNumber).toContain('校验位');
    expect((await t.call(org, 'POST', '/api/v1/workers', worker())).json().details.fieldErrors.idNumber).toContain(
      '已登记',
    );
    expect(
      (
        await t.call(org, 'POST', '/api/v1/workers', {
          ...worker({ idNumber: makeCitizenId('19900101', 13) }),
          salary: 1,
        })
      ).statusCode,
    ).toBe(400);
    expect((await t.call(org, 'GET', '/api/v1/workers')).json().total).toBe(1);
  });

  it('age 46 at the hire date is refused until the county records an exception with its reason', async () => {
    const old = makeCitizenId('19800215', 35);
    const refused = await t.call(
      org,
      'POST',
      '/api/v1/workers',
      worker({ name: '李建国', idNumber: old, hireDate: '2026-03-01' }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain('《实施方案》四（五）');
    expect(refused.json().message).toContain('46 周岁');
    expect(
      (
        await t.call(org, 'POST', '/api/v1/hiring-exceptions', {
          organisationId: ids.org,
          idNumber: old,
          reason: '本地资深社区工作者',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.call(county, 'POST', '/api/v1/hiring-exceptions', {
          organisationId: ids.org,
          idNumber: old,
          reason: '本地资深社区工作者，经局务会研究同意',
        })
      ).statusCode,
    ).toBe(201);
    const ok = await t.call(
      org,
      'POST',
      '/api/v1/workers',
      worker({
        name: '李建国',
        idNumber: old,
        hireDate: '2026-03-01',
        certificateLevel: 'assistant',
        certificateNumber: 'A2019001',
      }),
    );
    expect(ok.statusCode).toBe(201);
    ids.li = ok.json().id;
    expect(ok.json().findings[0]).toMatchObject({
      ruleId: 'R-STAFF-2',
      message: expect.stringContaining('经局务会研究同意'),
    });
    expect(ok.json().qualification).toMatchObject({ qualified: true, path: 'certificate' });
  });
});

describe('assignments, staffing (R-STAFF-1), training (R-STAFF-3) and deadlines (R-STAFF-4)', () => {
  it('assigns only to stations the organisation’s live contract covers', async () => {
    expect(
      (
        await t.call(org, 'POST', `/api/v1/workers/${ids.zhang}/assignments`, {
          stationId: ids.wenliu,
          startOn: '2026-03-01',
        })
      ).json().details.fieldErrors.stationId,
    ).toContain('合同');
    const r = await t.call(org, 'POST', `/api/v1/workers/${ids.zhang}/assignments`, {
      stationId: ids.liutun,
      startOn: '2026-03-01',
    });
    expect(r.json().assignments).toEqual([expect.objectContaining({ stationName: '柳屯镇社会工作服务站' })]);
    expect(r.json().deadline).toEqual({ on: '2027-12-31', status: 'ok' });
  });

  it('a station with one resident worker has a staffing finding; a second clears it', async () => {
    const one = (await t.call(county, 'GET', `/api/v1/stations/${ids.liutun}`)).json();
    expect(one.residentWorkers).toBe(1);
    expect(one.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('R-STAFF-1');
    await t.call(org, 'POST', `/api/v1/workers/${ids.li}/assignments`, {
      stationId: ids.liutun,
      startOn: '2026-03-01',
    });
    const two = (await t.call(county, 'GET', `/api/v1/stations/${ids.liutun}`)).json();
    expect(two.residentWorkers).toBe(2);
    expect(two.findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('R-STAFF-1');
  });

  it('60 hours of county training qualifies; other organisers do not count', async () => {
    const other = await t.call(org, 'POST', '/api/v1/trainings', {
      title: '机构内部培训',
      organiser: '本机构',
      organiserLevel: 'other',
      startOn: '2026-04-01',
      endOn: '2026-04-02',
      hours: 30,
      workerIds: [ids.zhang],
    });
    expect(other.json()).toMatchObject({ qualifying: false });
    await t.call(county, 'POST', '/api/v1/trainings', {
      title: '社会工作实务培训（一）',
      organiser: '濮阳县民政局',
      organiserLevel: 'county_civil_affairs',
      startOn: '2026-05-01',
      endOn: '2026-05-05',
      hours: 40,
      workerIds: [ids.zhang],
    });
    const mid = (await t.call(org, 'GET', `/api/v1/workers/${ids.zhang}`)).json();
    expect(mid.qualification).toMatchObject({ qualified: false, trainingHours: 40, hoursMissing: 20 });
    await t.call(county, 'POST', '/api/v1/trainings', {
      title: '社会工作实务培训（二）',
      organiser: '濮阳县民政局',
      organiserLevel: 'county_civil_affairs',
      startOn: '2026-06-01',
      endOn: '2026-06-03',
      hours: 20,
      workerIds: [ids.zhang],
    });
    const done = (await t.call(org, 'GET', `/api/v1/workers/${ids.zhang}`)).json();
    expect(done.qualification).toMatchObject({ qualified: true, path: 'training', trainingHours: 60 });
    expect(done.deadline.status).toBe('qualified');
    expect(done.continuingEducation).toMatchObject({ year: 2026, hours: 90 });
  });
});

describe('staffing overview per unit', () => {
  it('counts understaffed operating stations and qualified workers per unit; a county sees only its own', async () => {
    const city = (await t.as('city_officer', DIV.city)).session;
    const rows = (await t.call(city, 'GET', '/api/v1/workers/overview')).json().items;
    expect(rows).toHaveLength(9);
    expect(rows.find((r: { countyName: string }) => r.countyName === '濮阳县')).toMatchObject({
      operatingStations: 2,
      understaffedStations: 1,
      workers: 2,
      qualified: 2,
      atRisk: 0,
      overdue: 0,
      filed: 0,
    });
    expect(
      (await t.call(county, 'GET', '/api/v1/workers/overview'))
        .json()
        .items.map((r: { countyName: string }) => r.countyName),
    ).toEqual(['濮阳县']);
    expect((await t.call(org, 'GET', '/api/v1/workers/overview')).statusCode).toBe(403);
  });
});

describe('privacy (R-SCOPE-2) and filing (R-STAFF-6)', () => {
  it('officers see masked ID numbers and phones; unmasking asks for a reason and is audited', async () => {
    const list = (await t.call(county, 'GET', '/api/v1/workers')).json();
    const z = list.items.find((w: { id: string }) => w.id === ids.zhang);
    expect(z).toMatchObject({
      idNumber: '410928********122' + makeCitizenId('19950312', 122).slice(17),
      phone: '138****5678',
      masked: true,
      birthDate: null,
    });
    expect((await t.call(county, 'POST', `/api/v1/workers/${ids.zhang}/unmask`, { reason: '查' })).statusCode).toBe(
      400,
    );
    const clear = await t.call(county, 'POST', `/api/v1/workers/${ids.zhang}/unmask`, { reason: '核查社保缴纳情况' });
    expect(clear.json()).toEqual({ idNumber: makeCitizenId('19950312', 122), phone: '13812345678' });
    const audit = (
      await t.call((await t.as('city_admin', DIV.city)).session, 'GET', '/api/v1/audit-events?action=unmask')
    ).json();
    expect(audit.items[0].summary).toContain('核查社保缴纳情况');
    expect(JSON.stringify(audit)).not.toContain(makeCitizenId('19950312', 122));
  });

  it('another county and another organisation get 404', async () => {
    const qf = (await t.as('county_officer', DIV.qingfeng)).session;
    expect((await t.call(qf, 'GET', `/api/v1/workers/${ids.zhang}`)).statusCode).toBe(404);
    expect(
      (await t.call(qf, 'POST', `/api/v1/workers/${ids.zhang}/unmask`, { reason: '越权查看明文' })).statusCode,
    ).toBe(404);
    const otherOrg = await orgAdmin(t, 'other.hr', ids.other);
    expect((await t.call(otherOrg, 'GET', `/api/v1/workers/${ids.zhang}`)).statusCode).toBe(404);
    expect((await t.call(otherOrg, 'GET', '/api/v1/workers')).json().total).toBe(0);
  });

  it('the organisation submits, the county approves; a change of key facts needs filing again', async () => {
    let w = (await t.call(org, 'GET', `/api/v1/workers/${ids.zhang}`)).json();
    expect(
      (await t.call(county, 'POST', `/api/v1/workers/${ids.zhang}/filing/approve`, { version: w.version })).statusCode,
    ).toBe(409);
    w = (await t.call(org, 'POST', `/api/v1/workers/${ids.zhang}/filing/submit`, { version: w.version })).json();
    expect(w.filingStatus).toBe('submitted');
    w = (await t.call(county, 'POST', `/api/v1/workers/${ids.zhang}/filing/approve`, { version: w.version })).json();
    expect(w.filingStatus).toBe('filed');
    expect(w.findings.map((f: { message: string }) => f.message)).not.toContain('尚未报县（区）民政局备案');
    const changed = (
      await t.call(org, 'PATCH', `/api/v1/workers/${ids.zhang}`, { version: w.version, education: 'master' })
    ).json();
    expect(changed).toMatchObject({ filingStatus: 'draft', filingComment: expect.stringContaining('重新备案') });
  });
});

describe('documents (R-STAFF-6, R-TAL-1)', () => {
  it('the employer attaches the labour contract; officers without the right to personal data cannot download it', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');
    const mp = multipartWith({ label: '劳动合同' }, 'file', '劳动合同.pdf', 'application/pdf', pdf);
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workers/${ids.li}/files`,
      headers: { cookie: org.cookie, 'x-csrf-token': org.csrf, 'content-type': mp.contentType },
      payload: mp.payload,
    });
    expect(up.statusCode).toBe(201);
    const w = (await t.call(org, 'GET', `/api/v1/workers/${ids.li}`)).json();
    expect(w.files).toEqual([expect.objectContaining({ name: '劳动合同.pdf', label: '劳动合同' })]);
    expect(
      (await t.call(org, 'GET', `/api/v1/workers/${ids.li}/files/${w.files[0].fileId}`)).rawPayload.equals(pdf),
    ).toBe(true);
    expect((await t.call(county, 'GET', `/api/v1/workers/${ids.li}/files/${w.files[0].fileId}`)).statusCode).toBe(403);
  });

  it('the organiser attaches a sign-in sheet to a training; attendees’ employer can read it', async () => {
    const tr = (await t.call(county, 'GET', '/api/v1/trainings')).json().items[0];
    const xlsx = Buffer.from(
      await (() => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('签到').addRow(['张晓梅', '已到']);
        return wb.xlsx.writeBuffer();
      })(),
    );
    const mp = multipartWith(
      { label: '签到表' },
      'file',
      '签到表.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      xlsx,
    );
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/trainings/${tr.id}/files`,
      headers: { cookie: county.cookie, 'x-csrf-token': county.csrf, 'content-type': mp.contentType },
      payload: mp.payload,
    });
    expect(up.statusCode).toBe(201);
    const mine = (await t.call(org, 'GET', '/api/v1/trainings'))
      .json()
      .items.find((x: { id: string }) => x.id === tr.id);
    expect(mine.files).toHaveLength(1);
    expect((await t.call(org, 'GET', `/api/v1/trainings/${tr.id}/files/${mine.files[0].fileId}`)).statusCode).toBe(200);
    const qf = (await t.as('county_officer', DIV.qingfeng)).session;
    expect((await t.call(qf, 'GET', `/api/v1/trainings/${tr.id}/files/${mine.files[0].fileId}`)).statusCode).toBe(404);
  });
});
