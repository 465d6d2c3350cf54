import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '@shegong/shared';
import { makeCitizenId } from '../../test-support/citizen-ids';
import { createTestApp, type Session } from '../../test-support/test-app';
import {
  buildTwoWorlds,
  ID_KEYS,
  upload,
  WORLD_ROLES,
  WORLDS_TODAY,
  type TwoWorlds,
  type World,
  type WorldIds,
  type WorldRole,
} from '../../test-support/two-worlds';
import { CASE_ID_KEYS, openWorldCases } from '../../test-support/world-cases';
import { REPORT_ID_KEYS, openWorldReports } from '../../test-support/world-reports';
import { EVALUATION_ID_KEYS, openWorldEvaluation } from '../../test-support/world-evaluation';
import { SUPERVISION_ID_KEYS, openWorldSupervision } from '../../test-support/world-supervision';
import { SATISFACTION_ID_KEYS, openWorldSatisfaction } from '../../test-support/world-satisfaction';
import { PRE_AWARD_ID_KEYS, openWorldPreAward } from '../../test-support/world-pre-award';
import { BODY_REFS, ENTRIES, LISTS, type ListEntry, type RecordEntry, type Target } from './route-matrix.entries';

/**
 * R-SCOPE-1, generated from the server's own route table: for every /api/v1 route that names a record in its path,
 * each world-A role calls it with world B's record ids and with random ids in the same places; world B's record must
 * answer exactly like a missing one (404, same code and message), or 403 when the role lacks the permission anyway.
 * Every list and export is searched for world B's ids and names, and world A still reaches its own records.
 */
const t = await createTestApp({ today: WORLDS_TODAY });
let w: TwoWorlds;
let missing: Target;
beforeAll(async () => {
  w = await buildTwoWorlds(t);
  await openWorldCases(t, w);
  await openWorldReports(t, w);
  await openWorldEvaluation(t, w);
  await openWorldSupervision(t, w);
  await openWorldSatisfaction(t, w);
  await openWorldPreAward(t, w);
  missing = {
    ids: Object.fromEntries(
      [
        ...ID_KEYS,
        ...CASE_ID_KEYS,
        ...REPORT_ID_KEYS,
        ...EVALUATION_ID_KEYS,
        ...SUPERVISION_ID_KEYS,
        ...SATISFACTION_ID_KEYS,
        ...PRE_AWARD_ID_KEYS,
      ].map((k) => [k, randomUUID()]),
    ) as WorldIds,
    versions: w.B.versions,
    idNumber: makeCitizenId('19880808', 555),
  };
});
afterAll(() => t.close());

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const pathParams = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]);
const routes = t.app.routeTable;
const withParams = routes.filter((r) => pathParams(r.url).length > 0);
const recordRoutes = withParams.map(key).filter((k) => ENTRIES[k] && 'params' in ENTRIES[k]);
const target = (x: World): Target => ({ ids: x.ids, versions: x.versions, idNumber: x.idNumber });
const permitted = (role: WorldRole, k: string) => {
  const access = routes.find((r) => key(r) === k)!.access;
  return !('permission' in access) || ROLE_PERMISSIONS[role].includes(access.permission);
};

/** Calls a route of the matrix with the records of `x` in its path (and body). */
async function request(s: Session, k: string, x: Target): Promise<LightMyRequestResponse> {
  const [method, url] = k.split(' ');
  const e = ENTRIES[k] as RecordEntry;
  const path = url.replace(/:(\w+)/g, (_, p: string) => e.fixed?.[p] ?? x.ids[e.params[p]]);
  if (e.upload) return upload(t, s, path, await e.upload(x));
  return t.call(s, method as 'GET', path, e.body?.(x));
}

/**
 * What a caller learns from an answer: status, and code and message, or the body of a success. An import's answer
 * shows the uploaded ID back (`echo`); a file (a problems list of the upload) by its type.
 */
function answer(res: LightMyRequestResponse, echo?: string) {
  const json = String(res.headers['content-type'] ?? '').includes('json');
  if (res.statusCode < 400 && !json) return { status: res.statusCode, type: res.headers['content-type'] };
  if (res.statusCode < 400)
    return {
      status: res.statusCode,
      body: (echo ? res.body.replaceAll(echo, '<上传的身份证号>') : res.body).slice(0, 500),
    };
  const b = res.json() as { code?: string; message?: string };
  return { status: res.statusCode, code: b.code, message: b.message };
}

describe('R-SCOPE-1: the matrix covers the route table', () => {
  it('every /api/v1 route with a path parameter has an entry', () => {
    const without = withParams.map(key).filter((k) => !ENTRIES[k]);
    expect(without, 'routes without an entry in route-matrix.entries.ts').toEqual([]);
  });
  it('every entry names a registered route and fills each of its path parameters', () => {
    expect(
      Object.keys(ENTRIES).filter((k) => !withParams.some((r) => key(r) === k)),
      'entries for no registered route',
    ).toEqual([]);
    const unfilled = withParams.flatMap((r) => {
      const e = ENTRIES[key(r)];
      if (!e || 'public' in e) return [];
      return pathParams(r.url)
        .filter((p) => !('params' in e && p in e.params) && !(e.fixed && p in e.fixed))
        .map((p) => `${key(r)} :${p}`);
    });
    expect(unfilled).toEqual([]);
  });
  it('every write naming a record in its body names a registered route', () => {
    expect(
      Object.values(BODY_REFS)
        .map((b) => b.route)
        .filter((k) => !routes.some((r) => key(r) === k)),
    ).toEqual([]);
  });
  it('exactly the routes declared public are public', () => {
    const declared = withParams.filter((r) => 'public' in (ENTRIES[key(r)] ?? {})).map(key);
    expect(declared).toEqual(withParams.filter((r) => 'public' in r.access).map(key));
  });
});

describe.each(recordRoutes)('R-SCOPE-1 %s', (k) => {
  const e = ENTRIES[k] as RecordEntry;
  const names = Object.values(e.params);

  it.each(WORLD_ROLES)("as %s of world A: world B's record answers exactly like a missing one", async (role) => {
    const s = w.A.sessions[role];
    const foreign = await request(s, k, target(w.B));
    const none = await request(s, k, missing);
    const label = `${k} as ${role} of world A`;
    if (none.statusCode === 403) {
      // The role lacks the permission altogether: refused before any record is looked up.
      expect(answer(foreign), label).toMatchObject({ status: 403 });
      return;
    }
    if (e.visibleTo?.roles.includes(role)) {
      expect(answer(foreign), `${label} (${e.visibleTo.reason})`).toMatchObject({ status: 200 });
      return;
    }
    if (names.length) expect(answer(none), `${label} with random ids`).toMatchObject({ status: 404 });
    expect(answer(foreign, w.B.idNumber), `${label} with world B's ids`).toEqual(answer(none, missing.idNumber));
  });

  if (names.length > 1) {
    const [parent, ...children] = Object.keys(e.params);
    it.each(WORLD_ROLES)(
      `as %s of world A: world B's ${children.join(', ')} under world A's own ${parent} answers like a missing one`,
      async (role) => {
        const s = w.A.sessions[role];
        const mix = (ids: WorldIds): Target => ({
          ...target(w.A),
          ids: { ...w.A.ids, ...Object.fromEntries(children.map((p) => [e.params[p], ids[e.params[p]]])) },
        });
        const foreign = await request(s, k, mix(w.B.ids));
        const none = await request(s, k, mix(missing.ids));
        expect(answer(foreign), `${k} as ${role}: A's ${parent} with B's ${children.join(', ')}`).toEqual(answer(none));
      },
    );
  }

  if (k.startsWith('GET ') && names.length) {
    it.each(WORLD_ROLES)(
      "as %s of world A: world A's own record is reached where the role has the permission",
      async (role) => {
        const res = await request(w.A.sessions[role], k, target(w.A));
        const expected = !permitted(role, k) ? 403 : e.ownHiddenFrom?.roles.includes(role) ? 404 : 200;
        expect(answer(res), `${k} as ${role} with world A's ids`).toMatchObject({ status: expected });
      },
    );
  }
});

describe.each(Object.keys(BODY_REFS))('R-SCOPE-1 %s', (name) => {
  const b = BODY_REFS[name];
  const [method, url] = b.route.split(' ');

  it.each(WORLD_ROLES)("as %s of world A: world B's record in the body is refused like a missing one", async (role) => {
    const s = w.A.sessions[role];
    const path = url.replace(/:(\w+)/g, (_, p: string) => w.A.ids[b.params![p]]);
    const foreign = answer(await t.call(s, method as 'POST', path, b.body(target(w.B), w.A)));
    const none = answer(await t.call(s, method as 'POST', path, b.body(missing, w.A)));
    const label = `${b.route} as ${role} of world A`;
    expect(none.status, `${label} naming a random id`).toBeGreaterThanOrEqual(400);
    if (b.visibleTo?.roles.includes(role))
      expect({ ...foreign, message: undefined }, `${label} (${b.visibleTo.reason})`).toEqual({
        ...none,
        message: undefined,
      });
    else expect(foreign, `${label} naming world B's record`).toEqual(none);
  });
});

/** GET routes without a path parameter, and those whose parameters name no record, as called. */
const listRoutes = [
  ...routes
    .filter(
      (r) =>
        r.method === 'GET' &&
        !pathParams(r.url).length &&
        !('public' in r.access) &&
        r.url !== '/api/v1/auth/me' &&
        !r.url.endsWith('/template.xlsx'),
    )
    .map((r) => r.url),
  ...withParams.filter((r) => r.method === 'GET' && 'list' in (ENTRIES[key(r)] ?? {})).map((r) => r.url),
];

/** The text a caller sees: the body, or every cell of an .xlsx workbook. */
async function visibleText(res: LightMyRequestResponse): Promise<string> {
  if (!String(res.headers['content-type']).includes('spreadsheetml')) return res.body;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((ws) => {
    cells.push(ws.name);
    ws.eachRow((row) => row.eachCell((cell) => void cells.push(cell.text)));
  });
  return cells.join('\n');
}

describe.each(listRoutes)('R-SCOPE-1 list GET %s', (url) => {
  const spec = LISTS[url] ?? {};
  const fixed = (ENTRIES[`GET ${url}`] as ListEntry | undefined)?.fixed ?? {};
  const path = url.replace(/:(\w+)/g, (_, p: string) => fixed[p]);

  it.each(WORLD_ROLES)("as %s of world A: shows none of world B's records", async (role) => {
    const s = w.A.sessions[role];
    const allowed = new Set(spec.mayShow?.roles.includes(role) ? spec.mayShow.marks(w.B) : []);
    const marks = [...Object.values(w.B.ids), ...w.B.marks].filter((m) => !allowed.has(m));
    for (const q of spec.queries?.(w.B) ?? ['']) {
      const res = await t.call(s, 'GET', q ? `${path}?${q}` : path);
      if (res.statusCode === 403) continue; // the role may not read this list at all
      expect(answer(res), `GET ${path}?${q} as ${role}`).toMatchObject({ status: 200 });
      const text = await visibleText(res);
      expect(
        marks.filter((m) => text.includes(m)),
        `world B in GET ${path}?${q} as ${role}`,
      ).toEqual([]);
    }
  });

  if (spec.own) {
    const own = spec.own;
    it.each(WORLD_ROLES)(
      `as %s of world A: lists world A's own ${own} where the role has the permission`,
      async (role) => {
        const res = await t.call(w.A.sessions[role], 'GET', path);
        if (!permitted(role, `GET ${url}`)) return void expect(res.statusCode).toBe(403);
        expect(res.statusCode).toBe(200);
        const shown = res.body.includes(w.A.ids[own]);
        expect(shown, `world A's ${own} in GET ${path} as ${role}`).toBe(!spec.ownHiddenFrom?.roles.includes(role));
      },
    );
  }
});
