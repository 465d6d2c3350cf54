import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { contractFixture } from '../../test-support/contract-fixture';
import { makeCitizenId } from '../../test-support/citizen-ids';
import { multipart } from '../../test-support/images';
import { auditEvents } from './audit.table';
import { loggableError, redactText } from './redact';

/** Defects 1, 6 and 11 (R-SCOPE-2): personal data reaches neither the audit log nor the server log in clear, and clear reads are audited. */
let t: TestApp;
let county: Session;
let org: Session;
let ids: Record<string, string>;
const ID_A = makeCitizenId('19950312', 122);
const ID_B = makeCitizenId('19960415', 124);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp({ today: '2026-06-15' });
  ({ county, org, ids } = await contractFixture(t, 71));
  const w = await t.call(org, 'POST', '/api/v1/workers', {
    name: '张晓梅',
    idNumber: ID_A,
    phone: '13812345678',
    education: 'bachelor',
    socialWorkMajor: true,
    hireDate: '2026-03-01',
    role: 'resident',
  });
  expect(w.statusCode).toBe(201);
  ids.worker = w.json().id;
  const mp = multipart('file', '劳动合同.pdf', 'application/pdf', PDF);
  const up = await t.app.inject({
    method: 'POST',
    url: `/api/v1/workers/${ids.worker}/files`,
    headers: { cookie: org.cookie, 'x-csrf-token': org.csrf, 'content-type': mp.contentType },
    payload: mp.payload,
  });
  expect(up.statusCode).toBe(201);
  ids.file = up.json().fileId;
});
afterAll(() => t?.close());

const eventsOf = (action: string) => t.db.select().from(auditEvents).where(eq(auditEvents.action, action));
const inClear = (row: unknown, id: string) => JSON.stringify(row).includes(id.slice(6, 14));

describe('the audit log never holds an ID number or its birth date in clear (defect 6)', () => {
  it('changing a worker ID number leaves only masked numbers and no birth date in the diff', async () => {
    const r = await t.call(org, 'PATCH', `/api/v1/workers/${ids.worker}`, { version: 1, idNumber: ID_B });
    expect(r.statusCode).toBe(200);
    const rows = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'worker'), eq(auditEvents.entityId, ids.worker)));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(inClear(row, ID_A)).toBe(false);
      expect(inClear(row, ID_B)).toBe(false);
      expect(JSON.stringify(row)).not.toContain('13812345678');
    }
    const update = rows.find((x) => x.action === 'update')!;
    expect(update.after).toMatchObject({ idNumber: `${ID_B.slice(0, 6)}********${ID_B.slice(14)}` });
  });

  it('a database error logged by the server carries neither its SQL parameters nor an ID number', async () => {
    const err = await t.db.execute(sql`select ${ID_A}::int`).catch((e: unknown) => e);
    const logged = JSON.stringify(loggableError(err));
    expect(logged).not.toContain(ID_A);
    expect(logged).toContain('params: （已省略）');
    expect(redactText(`身份证 ${ID_A}，电话 13812345678`)).toBe(
      `身份证 ${ID_A.slice(0, 6)}********${ID_A.slice(14)}，电话 138****5678`,
    );
  });
});

describe('clear reads by the employer are audited (defect 11)', () => {
  it('the roster, a worker detail and the payroll grid in clear each write one event naming the records', async () => {
    const before = (await eventsOf('read_pii')).length;
    const list = await t.call(org, 'GET', '/api/v1/workers');
    expect(list.json().items[0].idNumber).toBe(ID_B);
    await t.call(org, 'GET', `/api/v1/workers/${ids.worker}`);
    await t.call(org, 'GET', '/api/v1/payroll/2026-05');
    const events = (await eventsOf('read_pii')).slice(before);
    expect(events).toHaveLength(3);
    for (const e of events) {
      expect(JSON.stringify(e.after)).toContain(ids.worker);
      expect(inClear(e, ID_B)).toBe(false);
    }
    expect(events.map((e) => e.summary).join('；')).toContain('张晓梅');
  });

  it('a masked read by an officer writes no such event', async () => {
    const before = (await eventsOf('read_pii')).length;
    const list = await t.call(county, 'GET', '/api/v1/workers');
    expect(list.json().items[0].idNumber).toContain('********');
    expect((await eventsOf('read_pii')).length).toBe(before);
  });
});

describe('personnel files only through the worker, for the employer (defect 1)', () => {
  it('officers and liaisons cannot download a labour contract by any route; the employer can, audited', async () => {
    const officers: Session[] = [
      county,
      (await t.as('county_admin', DIV.puyangCounty)).session,
      (await t.as('city_officer', DIV.city)).session,
      (await t.as('township_liaison', DIV.liutun)).session,
    ];
    for (const s of officers) {
      expect((await t.call(s, 'GET', `/api/v1/files/${ids.file}`)).statusCode).toBe(404);
      expect([403, 404]).toContain(
        (await t.call(s, 'GET', `/api/v1/workers/${ids.worker}/files/${ids.file}`)).statusCode,
      );
    }
    const before = (await eventsOf('download')).length;
    const ok = await t.call(org, 'GET', `/api/v1/workers/${ids.worker}/files/${ids.file}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.rawPayload.equals(PDF)).toBe(true);
    const [e] = (await eventsOf('download')).slice(before);
    expect(e).toMatchObject({
      entityType: 'worker',
      entityId: ids.worker,
      summary: expect.stringContaining('劳动合同.pdf'),
    });
  });

  it('a file is offered under an extension that matches its bytes (a PDF named .html is saved as .pdf)', async () => {
    const mp = multipart('file', '档案.html', 'text/html', PDF);
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workers/${ids.worker}/files`,
      headers: { cookie: org.cookie, 'x-csrf-token': org.csrf, 'content-type': mp.contentType },
      payload: mp.payload,
    });
    expect(up.json().name).toBe('档案.pdf');
    const dl = await t.call(org, 'GET', `/api/v1/workers/${ids.worker}/files/${up.json().fileId}`);
    expect(String(dl.headers['content-disposition'])).toContain(encodeURIComponent('档案.pdf'));
  });
});
