import { eq, sql } from 'drizzle-orm';
import { ROLE_PERMISSIONS, type Role } from '@shegong/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/audit.table';
import type { Actor } from '../../platform/auth/actor';
import { createTestApp, DIV, stationBody, type TestApp } from '../../test-support/test-app';
import { createStationLookup } from '../stations';
import { users } from '../users/users.table';
import { createNoteService, type NoteService } from './index';

// The template must work when copied: scope on every read, 404 outside it, paging in SQL at a constant cost, audit in
// the same transaction, optimistic locking. A real module gets its table from a migration; here the test creates it.
describe('module template (station notes)', () => {
  let t: TestApp;
  let service: NoteService;
  let mine: Actor;
  let other: Actor;
  let myStation: string;
  let otherStation: string;

  async function actor(role: Role, division: string): Promise<Actor> {
    const u = await t.makeUser(role, division);
    const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
    const scope = { kind: 'division' as const, path: row.divisionPath };
    return {
      userId: u.id,
      username: u.username,
      displayName: u.username,
      role,
      divisionCode: division,
      permissions: ROLE_PERMISSIONS[role],
      scope,
      sessionId: '',
      csrfToken: '',
      mustChangePassword: false,
    };
  }
  const ctx = (a: Actor) => ({ actor: a, ip: null, requestId: 'template-test' });
  async function station(division: string, township: string) {
    const admin = await t.as('county_admin', division);
    return (await t.call(admin.session, 'POST', '/api/v1/stations', stationBody(township))).json().id as string;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await t.db.execute(sql`create table template_notes (
      id uuid primary key default gen_random_uuid(), station_id uuid not null references stations(id),
      division_path text not null, title text not null, body text not null default '',
      created_at timestamptz not null default now(), updated_at timestamptz not null default now(),
      created_by uuid, updated_by uuid, version integer not null default 1, archived_at timestamptz)`);
    service = createNoteService({ db: t.db, clock: t.clock, stations: createStationLookup({ db: t.db }) });
    mine = await actor('county_admin', DIV.puyangCounty);
    other = await actor('county_admin', DIV.qingfeng);
    myStation = await station(DIV.puyangCounty, DIV.liutun);
    otherStation = await station(DIV.qingfeng, DIV.chengguanQF);
  });
  afterAll(() => t.close());

  it('creates, reads and pages within the scope, and audits the change with it', async () => {
    const note = await service.create(ctx(mine), { stationId: myStation, title: '例会', body: '' });
    expect(await service.get(mine, note.id)).toMatchObject({ title: '例会', canEdit: true, version: 1 });
    expect(await service.list(mine, { page: 1, pageSize: 20 })).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, note.id));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('R-SCOPE-1: another county neither sees nor writes, and its answer is the one for a missing record', async () => {
    const note = await service.create(ctx(mine), { stationId: myStation, title: '走访安排', body: '' });
    await expect(service.get(other, note.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await service.list(other, { page: 1, pageSize: 20 })).total).toBe(0);
    await expect(service.create(ctx(other), { stationId: myStation, title: 'x', body: '' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect((await service.create(ctx(other), { stationId: otherStation, title: '本县', body: '' })).stationId).toBe(
      otherStation,
    );
  });

  it('refuses a stale version and keeps the newer text', async () => {
    const note = await service.create(ctx(mine), { stationId: myStation, title: '初稿', body: '' });
    await service.update(ctx(mine), note.id, { version: 1, title: '第二稿' });
    await expect(service.update(ctx(mine), note.id, { version: 1, title: '旧稿' })).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    expect((await service.get(mine, note.id)).title).toBe('第二稿');
  });

  it('a page of 1 and a page of 50 cost the same number of queries', async () => {
    const q = { stationId: otherStation, page: 1, pageSize: 50 };
    const one = await t.countQueries(() => service.list(other, q));
    for (let i = 0; i < 49; i++)
      await service.create(ctx(other), { stationId: otherStation, title: `记事${i}`, body: '' });
    expect((await service.list(other, q)).items).toHaveLength(50);
    expect(await t.countQueries(() => service.list(other, q))).toBe(one);
  });
});
