import { randomUUID } from 'node:crypto';
import { makeCitizenId } from './citizen-ids';
import { contractFixture } from './contract-fixture';
import { DIV, type Session, type TestApp } from './test-app';

/**
 * A station under a live contract (濮阳县 柳屯镇, from `contractFixture`) with two resident social workers (张晓梅 and
 * 李建国) logged in, the project lead, the county officer and the city's officer and administrator — for the tests of
 * visits and statistics, which make their people and records through the API.
 */
export async function servicesFixture(t: TestApp, seed: number) {
  const f = await contractFixture(t, seed);
  const ids: Record<string, string> = { ...f.ids };
  const sw: Record<string, Session> = {};
  const workerIds: Record<string, string> = {};
  for (const [key, name, birth, n] of [
    ['zhang', '张晓梅', '19950312', 122],
    ['li', '李建国', '19900101', 11],
  ] as const) {
    const w = await t.call(f.org, 'POST', '/api/v1/workers', {
      name,
      idNumber: makeCitizenId(birth, n + seed),
      education: 'bachelor',
      socialWorkMajor: true,
      hireDate: '2026-03-01',
      role: 'resident',
    });
    workerIds[key] = w.json().id;
    await t.call(f.org, 'POST', `/api/v1/workers/${workerIds[key]}/assignments`, {
      stationId: ids.liutun,
      startOn: '2026-03-01',
    });
    const username = `${key}${seed}.sw`;
    await t.call(f.org, 'POST', `/api/v1/workers/${workerIds[key]}/account`, { username, password: 'Worker-Pass-01' });
    const first = await t.login(username, 'Worker-Pass-01');
    await t.call(first, 'POST', '/api/v1/auth/password', {
      currentPassword: 'Worker-Pass-01',
      newPassword: 'Worker-Pass-02',
    });
    sw[key] = await t.login(username, 'Worker-Pass-02');
  }
  const lead = await t.login((await t.makeUser('project_lead', DIV.city, { organisationId: ids.org })).username);
  const city = (await t.as('city_officer', DIV.city)).session;
  const cityAdmin = (await t.as('city_admin', DIV.city)).session;
  let n = 0;

  /** Registers a person at 柳屯镇 (an elder in 低保 unless told), optionally graded; answers the id. */
  async function person(
    s: Session,
    name: string,
    opts: {
      risk?: 'high' | 'medium' | 'low';
      assessedOn?: string;
      categories?: unknown[];
      birth?: string;
      extra?: Record<string, unknown>;
    } = {},
  ) {
    const r = await t.call(s, 'POST', '/api/v1/beneficiaries', {
      stationId: ids.liutun,
      name,
      idNumber: makeCitizenId(opts.birth ?? '19480305', (seed * 10 + ++n) % 1000),
      village: '柳屯东村',
      categories: opts.categories ?? [{ category: 'dibao', startedOn: '2024-01-01', source: '低保名册' }],
      ...opts.extra,
    });
    if (r.statusCode !== 201) throw new Error(`person ${name}: ${r.statusCode} ${r.body}`);
    const id = r.json().id as string;
    if (opts.risk) {
      const a = await t.call(s, 'POST', `/api/v1/beneficiaries/${id}/risk-assessments`, {
        level: opts.risk,
        reason: '独居，行动不便',
        assessedOn: opts.assessedOn ?? '2026-01-05',
      });
      if (a.statusCode !== 201) throw new Error(`risk ${name}: ${a.statusCode} ${a.body}`);
    }
    return id;
  }

  /** Records a service at 柳屯镇 through the real API (a home visit to the people named unless told). */
  async function record(
    s: Session,
    people: string[],
    servedOn: string,
    opts: { form?: string; code?: string; minutes?: number; headCount?: number } = {},
  ) {
    const r = await t.call(s, 'POST', '/api/v1/service-records', {
      id: randomUUID(),
      stationId: ids.liutun,
      servedOn,
      durationMinutes: opts.minutes ?? 40,
      form: opts.form ?? 'home_visit',
      catalogueCode: opts.code ?? '2.3',
      beneficiaryIds: people,
      headCount: opts.headCount ?? 0,
      summary: '入户走访，了解近况',
    });
    if (r.statusCode !== 201) throw new Error(`record: ${r.statusCode} ${r.body}`);
    return r.json().id as string;
  }

  return { ...f, ids, sw, workerIds, lead, city, cityAdmin, person, record };
}
