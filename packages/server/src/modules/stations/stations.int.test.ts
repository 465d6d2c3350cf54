import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { auditEvents } from '../../platform/audit/audit.table';
import { files } from '../../platform/files/files.table';
import { createTestApp, DIV, stationBody, type Session, type TestApp } from '../../test-support/test-app';
import { makePng, multipart } from '../../test-support/images';
import { stations } from './stations.table';

let t: TestApp;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp();
  officer = (await t.as('county_officer', DIV.puyangCounty)).session;
});
afterAll(() => t?.close());

const rowCounts = async () => {
  const [[s], [a], [f]] = await Promise.all([
    t.db.select({ n: count() }).from(stations),
    t.db.select({ n: count() }).from(auditEvents),
    t.db.select({ n: count() }).from(files),
  ]);
  return { stations: s.n, audit: a.n, files: f.n };
};

describe('station registry (R-ST-1…4)', () => {
  let id: string;
  it('registers a station with the required name by default and lists it', async () => {
    const r = await t.call(
      officer,
      'POST',
      '/api/v1/stations',
      stationBody(DIV.liutun, { address: '柳屯镇政府院内', officeAreaM2: 18.5 }),
    );
    expect(r.statusCode).toBe(201);
    const s = r.json();
    id = s.id;
    expect(s).toMatchObject({
      name: '柳屯镇社会工作服务站',
      townshipName: '柳屯镇',
      countyName: '濮阳县',
      status: 'planned',
      version: 1,
      officeAreaM2: 18.5,
    });
    const list = await t.call(officer, 'GET', '/api/v1/stations?status=planned&batchYear=2021&page=1&pageSize=10');
    expect(list.json()).toMatchObject({ total: 1, items: [{ id }] });
  });

  it('R-ST-1: refuses a second station for the same township with 409', async () => {
    const before = await rowCounts();
    const r = await t.call(officer, 'POST', '/api/v1/stations', stationBody(DIV.liutun));
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'STATION_EXISTS_FOR_TOWNSHIP' });
    expect(r.json().message).toContain('《实施方案》四（六）');
    expect(await rowCounts()).toEqual(before);
  });

  it('shows findings once building: office < 20 m², no signage, missing equipment and institutions', async () => {
    const r = await t.call(officer, 'PATCH', `/api/v1/stations/${id}`, {
      version: 1,
      status: 'building',
      buildingStartedOn: '2021-05-01',
      site: { activityRoom: true, computer: true },
    });
    expect(r.statusCode).toBe(200);
    const findings = (await t.call(officer, 'GET', `/api/v1/stations/${id}/findings`)).json().items as {
      ruleId: string;
      message: string;
    }[];
    const text = findings.map((f) => `${f.ruleId} ${f.message}`).join('\n');
    expect(text).toContain('R-ST-2 办公用房面积 18.5 ㎡，少于 20 ㎡');
    expect(text).toContain('R-ST-1 未上传“社会工作服务站”标牌照片');
    expect(text).toContain('R-ST-2 缺少设施设备：办公桌椅（沙发）、资料（档案）柜、打印机（扫描仪）、电话、传真机');
    expect(text).toMatch(/R-ST-4 制度建设缺项：组织架构/);
  });

  it('a stale version gets 409 and changes nothing', async () => {
    const r = await t.call(officer, 'PATCH', `/api/v1/stations/${id}`, { version: 1, address: '别处' });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('VERSION_CONFLICT');
    expect((await t.call(officer, 'GET', `/api/v1/stations/${id}`)).json().address).toBe('柳屯镇政府院内');
  });

  it('uploads a real image as the signage photo and serves it back; the finding clears', async () => {
    const png = makePng();
    const mp = multipart('file', '标牌.png', 'image/png', png);
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/v1/stations/${id}/signage`,
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': mp.contentType },
      payload: mp.payload,
    });
    expect(r.statusCode).toBe(200);
    const s = r.json();
    expect(s.signagePhotoId).toBeTruthy();
    expect(s.findings.map((f: { message: string }) => f.message)).not.toContain('未上传“社会工作服务站”标牌照片');
    const file = await t.call(officer, 'GET', `/api/v1/stations/${id}/signage`);
    expect(file.statusCode).toBe(200);
    // There is no route that serves a file by its id alone: a file is reached through its record.
    expect((await t.call(officer, 'GET', `/api/v1/files/${s.signagePhotoId}`)).statusCode).toBe(404);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(png)).toBe(true);
  });

  it('refuses a file that only claims to be an image, and writes nothing', async () => {
    const before = await rowCounts();
    const mp = multipart('file', 'photo.png', 'image/png', Buffer.from('<script>alert(1)</script> not an image'));
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/v1/stations/${id}/signage`,
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': mp.contentType },
      payload: mp.payload,
    });
    expect(r.statusCode).toBe(415);
    expect(r.json().message).toContain('JPEG、PNG 或 WebP');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses an image over 5 MB with 413', async () => {
    const big = Buffer.concat([makePng(), Buffer.alloc(5 * 1024 * 1024 + 10)]);
    const mp = multipart('file', 'big.png', 'image/png', big);
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/v1/stations/${id}/signage`,
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': mp.contentType },
      payload: mp.payload,
    });
    expect(r.statusCode).toBe(413);
  });

  it('stores quotes, SQL and HTML literally', async () => {
    const nasty = `'); drop table stations; -- <img src=x onerror=alert(1)> "引号"`;
    const s = (await t.call(officer, 'GET', `/api/v1/stations/${id}`)).json();
    const r = await t.call(officer, 'PATCH', `/api/v1/stations/${id}`, { version: s.version, notes: nasty });
    expect(r.statusCode).toBe(200);
    expect((await t.call(officer, 'GET', `/api/v1/stations/${id}`)).json().notes).toBe(nasty);
    expect((await t.call(officer, 'GET', '/api/v1/stations')).json().total).toBe(1);
  });

  it('status dates: an operating station needs its opening date; status cannot go back to 规划', async () => {
    const s = (await t.call(officer, 'GET', `/api/v1/stations/${id}`)).json();
    const noDate = await t.call(officer, 'PATCH', `/api/v1/stations/${id}`, {
      version: s.version,
      status: 'operating',
    });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().details.fieldErrors.openedOn).toContain('运营日期');
    const ok = await t.call(officer, 'PATCH', `/api/v1/stations/${id}`, {
      version: s.version,
      status: 'operating',
      openedOn: '2021-09-01',
    });
    expect(ok.statusCode).toBe(200);
    const back = await t.call(officer, 'PATCH', `/api/v1/stations/${id}`, {
      version: s.version + 1,
      status: 'planned',
    });
    expect(back.statusCode).toBe(400);
    expect(back.json().message).toContain('不能从“运营中”改为“规划”');
  });

  it('exports the station register as a real .xlsx with the filter in words', async () => {
    const res = await t.call(officer, 'GET', '/api/v1/stations/export?status=operating');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('社工站台账')!;
    expect(String(ws.getCell('A3').value)).toBe('筛选条件：状态：运营中');
    const header = ws.getRow(5).values as string[];
    const row = ws.getRow(6);
    expect(row.getCell(header.indexOf('站点名称')).value).toBe('柳屯镇社会工作服务站');
    expect(String(row.getCell(header.indexOf('合规提示')).value)).toContain('《实施方案》四（三）');
  });

  it('every change is audited with before and after', async () => {
    const r = await t.call(
      (await t.as('city_admin', DIV.city)).session,
      'GET',
      '/api/v1/audit-events?entityType=station&action=update',
    );
    const items = r.json().items as { before: Record<string, unknown>; after: Record<string, unknown> }[];
    const statusChange = items.find((e) => e.after?.status === 'operating');
    expect(statusChange?.before).toMatchObject({ status: 'building' });
  });
});

describe('bad input never gets a 500 and never half-writes', () => {
  const cases: [string, unknown, number, string][] = [
    ['unknown field', { ...stationBody(DIV.wenliu), hacker: 1 }, 400, 'hacker'],
    ['wrong type', { ...stationBody(DIV.wenliu), batchYear: '二〇二一' }, 400, 'batchYear'],
    ['year out of range', stationBody(DIV.wenliu, { batchYear: 2019 }), 400, 'batchYear'],
    ['negative area', stationBody(DIV.wenliu, { officeAreaM2: -3 }), 400, 'officeAreaM2'],
    ['three decimals', stationBody(DIV.wenliu, { officeAreaM2: 20.123 }), 400, 'officeAreaM2'],
    ['bad status', stationBody(DIV.wenliu, { status: 'done' }), 400, 'status'],
    ['township that does not exist', stationBody('410928999000'), 400, 'townshipCode'],
    ['a county code as township', stationBody(DIV.puyangCounty), 400, 'townshipCode'],
    ['township of another county', stationBody(DIV.chengguanQF), 400, 'townshipCode'],
    ['unknown checklist item', stationBody(DIV.wenliu, { site: { jacuzzi: true } }), 400, 'site.jacuzzi'],
    ['bad phone', stationBody(DIV.wenliu, { phone: 'call me' }), 400, 'phone'],
  ];
  it.each(cases)('%s: 4xx with a Chinese message naming the field', async (_name, body, status, field) => {
    const before = await rowCounts();
    const r = await t.call(officer, 'POST', '/api/v1/stations', body);
    expect(r.statusCode).toBe(status);
    const b = r.json();
    expect(b.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(b.details.fieldErrors)).toContain(field);
    expect(b.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await rowCounts()).toEqual(before);
  });

  it('an oversized body answers 413', async () => {
    const r = await t.call(
      officer,
      'POST',
      '/api/v1/stations',
      stationBody(DIV.wenliu, { notes: 'x'.repeat(1_100_000) }),
    );
    expect(r.statusCode).toBe(413);
    expect(r.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a wrong content type answers 415', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/stations',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'text/plain' },
      payload: 'townshipCode=1',
    });
    expect(r.statusCode).toBe(415);
    expect(r.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('malformed JSON answers 400', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/stations',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'application/json' },
      payload: '{"townshipCode":',
    });
    expect(r.statusCode).toBe(400);
  });
});
