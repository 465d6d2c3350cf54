import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, checkCreditCode } from '@shegong/shared';
import { TEST_TODAY, createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { makeCreditCode } from '../../test-support/credit-codes';
import { multipartWith } from '../../test-support/images';
import ExcelJS from 'exceljs';

let t: TestApp;
let py: Session;
let qf: Session;
beforeAll(async () => {
  t = await createTestApp();
  py = (await t.as('county_officer', DIV.puyangCounty)).session;
  qf = (await t.as('county_officer', DIV.qingfeng)).session;
});
afterAll(() => t?.close());

const org = (extra: Record<string, unknown> = {}) => ({
  name: '濮阳市益民社会工作服务中心',
  creditCode: makeCreditCode(1),
  type: 'social_work_agency',
  socialWorkInScope: true,
  local: true,
  divisionCode: DIV.puyangCounty,
  registrationAuthority: '濮阳县民政局',
  registeredOn: '2019-03-01',
  legalRepresentative: '李华',
  grade: '3A',
  gradeValidUntil: addDays(TEST_TODAY, 400),
  ...extra,
});

describe('organisations (R-ORG-1)', () => {
  it('the test codes are valid GB 32100 codes', () => {
    expect(checkCreditCode(makeCreditCode(1))).toEqual({ ok: true });
    expect(checkCreditCode(makeCreditCode(77))).toEqual({ ok: true });
  });

  it('registers an organisation and lists it by county', async () => {
    const r = await t.call(py, 'POST', '/api/v1/organisations', org());
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ creditCodeValid: true, divisionName: '濮阳县', findings: [] });
    expect((await t.call(qf, 'GET', `/api/v1/organisations?county=${DIV.puyangCounty}`)).json().total).toBe(1);
    expect((await t.call(qf, 'GET', `/api/v1/organisations?county=${DIV.qingfeng}`)).json().total).toBe(0);
  });

  it('a code failing the checksum needs a stated reason, then is kept with a warning', async () => {
    const bad = makeCreditCode(2).slice(0, 17) + (makeCreditCode(2).endsWith('0') ? '1' : '0');
    const refused = await t.call(py, 'POST', '/api/v1/organisations', org({ name: '早期代码机构', creditCode: bad }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.fieldErrors.creditCodeReason).toBeTruthy();
    expect(refused.json().message).toContain('《实施方案》四（一）');
    const kept = await t.call(
      py,
      'POST',
      '/api/v1/organisations',
      org({ name: '早期代码机构', creditCode: bad, creditCodeReason: '2016 年试点地区赋码，与登记证书一致' }),
    );
    expect(kept.statusCode).toBe(201);
    expect(kept.json().creditCodeValid).toBe(false);
    expect(kept.json().findings[0]).toMatchObject({ ruleId: 'R-ORG-1', severity: 'warning' });
  });

  it('refuses a malformed code, a duplicate code and another unit as registrar', async () => {
    expect((await t.call(py, 'POST', '/api/v1/organisations', org({ creditCode: 'ABC' }))).statusCode).toBe(400);
    const dup = await t.call(py, 'POST', '/api/v1/organisations', org());
    expect(dup.json().details.fieldErrors.creditCode).toContain('已登记');
    const other = await t.call(
      py,
      'POST',
      '/api/v1/organisations',
      org({ creditCode: makeCreditCode(3), divisionCode: DIV.qingfeng }),
    );
    expect(other.statusCode).toBe(400);
  });

  it('another county reads but cannot change the organisation (404 on write)', async () => {
    const list = (await t.call(qf, 'GET', '/api/v1/organisations?q=益民')).json();
    const o = list.items[0];
    expect(o.abilities.update).toBe(false);
    expect(
      (await t.call(qf, 'PATCH', `/api/v1/organisations/${o.id}`, { version: o.version, name: '越权' })).statusCode,
    ).toBe(404);
  });

  it('R-ORG-2: the contractor admin publishes disclosures that the public portal shows; it sees only its own organisation', async () => {
    const o = (await t.call(py, 'GET', '/api/v1/organisations?q=益民')).json().items[0];
    const other = (await t.call(py, 'GET', '/api/v1/organisations?q=早期')).json().items[0];
    const admin = (await t.as('county_admin', DIV.puyangCounty)).session;
    const mk = await t.call(admin, 'POST', '/api/v1/users', {
      username: 'yimin.admin',
      displayName: '益民管理员',
      role: 'org_admin',
      divisionCode: DIV.puyangCounty,
      organisationId: o.id,
      password: 'Org-Admin-123',
    });
    expect(mk.statusCode).toBe(201);
    expect(mk.json()).toMatchObject({ organisationName: '濮阳市益民社会工作服务中心' });
    const login = await t.call(null, 'POST', '/api/v1/auth/login', {
      username: 'yimin.admin',
      password: 'Org-Admin-123',
    });
    const s = {
      cookie: `sg_session=${login.cookies.find((c) => c.name === 'sg_session')!.value}`,
      csrf: login.json().csrfToken,
    };
    await t.call(s, 'POST', '/api/v1/auth/password', {
      currentPassword: 'Org-Admin-123',
      newPassword: 'Org-Admin-456',
    });
    const list = (await t.call(s, 'GET', '/api/v1/organisations')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([o.id]);
    expect((await t.call(s, 'GET', `/api/v1/organisations/${other.id}`)).statusCode).toBe(404);
    const d = await t.call(s, 'POST', `/api/v1/organisations/${o.id}/disclosures`, {
      kind: 'financial_report',
      title: '2021 年度财务报告',
      content: '收入 80 万元，支出 76 万元',
      year: 2021,
    });
    expect(d.statusCode).toBe(201);
    expect(
      (
        await t.call(s, 'POST', `/api/v1/organisations/${o.id}/disclosures`, {
          kind: 'financial_report',
          title: '缺年度',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await t.call(s, 'POST', `/api/v1/organisations/${other.id}/disclosures`, { kind: 'basic', title: '越权公开' }))
        .statusCode,
    ).toBe(404);
    const xlsx = Buffer.from(
      await (() => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('财务').addRow(['收入', 800000]);
        return wb.xlsx.writeBuffer();
      })(),
    );
    const mp = multipartWith(
      { label: '财务报表' },
      'file',
      '2021年度财务报表.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      xlsx,
    );
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${o.id}/disclosures/${d.json().id}/files`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': mp.contentType },
      payload: mp.payload,
    });
    expect(up.statusCode).toBe(201);
    const pub = (await t.call(null, 'GET', '/api/v1/public/organisations')).json();
    const mine = pub.items.find((x: { id: string }) => x.id === o.id);
    expect(mine.disclosures[0]).toMatchObject({
      title: '2021 年度财务报告',
      year: 2021,
      files: [expect.objectContaining({ name: '2021年度财务报表.xlsx' })],
    });
    const file = await t.call(
      null,
      'GET',
      `/api/v1/public/organisations/${o.id}/disclosures/${d.json().id}/files/${mine.disclosures[0].files[0].fileId}`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(xlsx)).toBe(true);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('2021年度财务报表.xlsx'));
    expect(JSON.stringify(pub)).not.toContain('李华');
  });
});
