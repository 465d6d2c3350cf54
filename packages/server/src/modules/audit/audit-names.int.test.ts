import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_LABELS } from '@shegong/shared';
import { createTestApp, DIV, type Session, type TestApp } from '../../test-support/test-app';
import { contractFixture } from '../../test-support/contract-fixture';
import { makeCitizenId } from '../../test-support/citizen-ids';
import { NAME_OF, auditNamesRepository } from './audit-names.repository';

// The audit log names what each event is about: the kind in Chinese and the record (a station, a contract's title,
// the worker of an assignment or a payroll row), never an ID number.
let t: TestApp;
let admin: Session;
let org: Session;
let ids: Record<string, string> = {};
const ID_NUMBER = makeCitizenId('19940506', 301);
type Event = { entityType: string | null; entityName: string | null; summary: string; action: string };

beforeAll(async () => {
  // The contract's assignment needs the contract running: the clock is pinned inside its term.
  t = await createTestApp({ today: '2026-11-28' });
  ({ org, ids } = await contractFixture(t, 81));
  admin = (await t.as('city_admin', DIV.city)).session;
  const w = await t.call(org, 'POST', '/api/v1/workers', {
    name: '周芳',
    idNumber: ID_NUMBER,
    education: 'bachelor',
    hireDate: '2026-01-05',
    role: 'resident',
  });
  ids.worker = w.json().id;
  const a = await t.call(org, 'POST', `/api/v1/workers/${ids.worker}/assignments`, {
    stationId: ids.liutun,
    startOn: '2026-01-05',
  });
  expect(a.statusCode, a.body).toBeLessThan(300);
  const p = await t.call(org, 'PUT', '/api/v1/payroll/2026-01', {
    rows: [
      {
        workerId: ids.worker,
        salary: 3000,
        paidOn: '2026-02-10',
        pension: true,
        medical: true,
        unemployment: true,
        injury: true,
        maternity: true,
        housingFund: true,
      },
    ],
  });
  expect(p.statusCode, p.body).toBe(200);
});
afterAll(() => t?.close());

const events = async (q = '') =>
  (await t.call(admin, 'GET', `/api/v1/audit-events?pageSize=200${q}`)).json().items as Event[];

describe('audit log names the record', () => {
  it('names stations, organisations, contracts and workers beside their kind in Chinese', async () => {
    const items = await events();
    const named = (type: string) => items.filter((e) => e.entityType === type).map((e) => e.entityName);
    expect(named('station').some((n) => n?.includes('柳屯镇'))).toBe(true);
    expect(named('station').every((n) => typeof n === 'string' && n.length > 0)).toBe(true);
    expect(named('organisation')).toContain('濮阳县益民社会工作服务中心');
    expect(named('contract')).toContain('柳屯镇社工站合同');
    expect(named('worker')).toContain('周芳');
    for (const e of items) if (e.entityType) expect(ENTITY_LABELS, e.entityType).toHaveProperty(e.entityType);
  });

  it('an assignment names its station, a payroll save its workers; no ID number anywhere', async () => {
    const items = await events();
    const placed = items.find((e) => e.summary.startsWith('派驻 周芳'));
    expect(placed?.summary).toMatch(/^派驻 周芳 到.*柳屯/);
    expect(items.find((e) => e.entityType === 'payroll' && e.action === 'update')?.summary).toBe(
      '登记2026-01 薪酬和社保（周芳，1 人）',
    );
    const text = JSON.stringify(items.map((e) => [e.entityName, e.summary]));
    expect(text).not.toContain(ID_NUMBER);
  });

  it('resolves the names in one query whatever the page holds', async () => {
    const small = await t.countQueries(() => t.call(admin, 'GET', '/api/v1/audit-events?pageSize=1'));
    const large = await t.countQueries(() => t.call(admin, 'GET', '/api/v1/audit-events?pageSize=200'));
    expect(large).toBeLessThanOrEqual(small + 1);
  });

  it('every kind it names reads a table and column that exist (a rename elsewhere fails here, not on the page)', async () => {
    const kinds = Object.keys(NAME_OF) as (keyof typeof NAME_OF)[];
    const events = kinds.map((entityType) => ({ entityType, entityId: crypto.randomUUID() }));
    await expect(auditNamesRepository.namesOf(t.db, events)).resolves.toEqual(new Map());
  });
});
