import { CONTRACT_TERMS } from '@shegong/shared';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '@shegong/shared';
import { makeCitizenId } from './citizen-ids';
import { makeCreditCode } from './credit-codes';
import { makePng, multipartWith } from './images';
import { DIV, sessionCookie, stationBody, type Session, type TestApp } from './test-app';
import type { CaseIdKey } from './world-cases';
import type { ReportIdKey } from './world-reports';
import type { EvaluationIdKey } from './world-evaluation';
import type { SupervisionIdKey } from './world-supervision';
import type { SatisfactionIdKey } from './world-satisfaction';
import type { PreAwardIdKey } from './world-pre-award';
import { serveWorldPerson } from './world-services';

/**
 * Two complete, separate "worlds" built through the real API, for tests of R-SCOPE-1: world A in 濮阳县 柳屯镇 and
 * world B in 清丰县 城关镇, each with its station, organisation, plan, procurement, live contract, roster, training,
 * files and logins. Create the app with `createTestApp({ today: WORLDS_TODAY })`: every date below lies before it.
 * Every record of a world carries a name found nowhere in the other world, so a leak can be searched for by name.
 */
export const WORLDS_TODAY = '2026-06-15';

/** The record ids of one world; a route entry names its path parameters by these keys. */
export const ID_KEYS = [
  'station',
  'serviceRoom',
  'centre',
  'organisation',
  'disclosure',
  'disclosureFile',
  'plan',
  'procurement',
  'contract',
  'agreement',
  'contractFile',
  'worker',
  'assignment',
  'workerFile',
  'training',
  'trainingFile',
  'user',
  'beneficiary',
  'beneficiaryCategory',
  'serviceRecord',
  'serviceRecordFile',
  'alert',
  'referral',
] as const;
export type IdKey =
  | (typeof ID_KEYS)[number]
  | CaseIdKey
  | ReportIdKey
  | EvaluationIdKey
  | SupervisionIdKey
  | SatisfactionIdKey
  | PreAwardIdKey;
export type WorldIds = Record<IdKey, string>;

/** The roles whose scope one world bounds (city roles see the whole city and are not part of a world). */
export const WORLD_ROLES = [
  'county_admin',
  'county_officer',
  'township_liaison',
  'org_admin',
  'project_lead',
  'social_worker',
  // A third-party evaluator, assigned to the world's 中期评估 (world-evaluation.ts): it reaches that round's stations.
  'evaluator',
] as const satisfies readonly Role[];
export type WorldRole = (typeof WORLD_ROLES)[number];

export interface World {
  key: 'A' | 'B';
  countyCode: string;
  townshipCode: string;
  ids: WorldIds;
  /** Current versions of the records a write names (read back through the API when the world is complete). */
  versions: {
    station: number;
    centre: number;
    organisation: number;
    plan: number;
    worker: number;
    user: number;
    beneficiary: number;
    serviceRecord: number;
    referral: number;
  };
  /** The organisation's name and credit code: officers of every unit legitimately see them. */
  organisation: { name: string; creditCode: string };
  /** The worker's citizen ID number (payroll and roster imports name workers by it). */
  idNumber: string;
  /** The worker's name (the worker picker searches by it). */
  workerName: string;
  /** Names, file names, usernames, ID and credit code numbers that appear only in this world's records. */
  marks: string[];
  sessions: Record<WorldRole, Session>;
}

export interface TwoWorlds {
  A: World;
  B: World;
  city: { city_admin: Session; city_officer: Session };
}

interface Spec {
  key: 'A' | 'B';
  county: string;
  township: string;
  /** County and township names as the records use them. */
  p: string;
  town: string;
  village: string;
  worker: string;
  seed: number;
  tag: string;
}

const SPECS: Spec[] = [
  {
    key: 'A',
    county: DIV.puyangCounty,
    township: DIV.liutun,
    p: '濮阳县',
    town: '柳屯镇',
    village: '柳屯东村',
    worker: '刘晓燕',
    seed: 71,
    tag: 'py',
  },
  {
    key: 'B',
    county: DIV.qingfeng,
    township: DIV.chengguanQF,
    p: '清丰县',
    town: '城关镇',
    village: '清丰西街社区',
    worker: '孙丰华',
    seed: 72,
    tag: 'qf',
  },
];

const TERMS = Object.fromEntries(Object.keys(CONTRACT_TERMS).map((k) => [k, '见合同']));
/** A minimal PDF that file-type recognises (attachments are checked by their bytes). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');
export const PNG = makePng();
export const FIXTURE_PASSWORD = 'World-Pass-2026';

/** The response, when it has the expected status; otherwise the fixture stops with the method, url and body. */
function must(res: LightMyRequestResponse, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`two-worlds: ${what} answered ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A multipart upload of one file (with a label) through the real route. */
export function upload(
  t: TestApp,
  s: Session,
  url: string,
  file: { name: string; type: string; bytes: Buffer },
  fields: Record<string, string> = { label: '附件' },
) {
  const mp = multipartWith(fields, 'file', file.name, file.type, file.bytes);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': mp.contentType },
    payload: mp.payload,
  });
}

/** Logs a user in with the initial password and changes it, as a contractor does at first login. */
async function firstLogin(t: TestApp, username: string): Promise<Session> {
  const res = await t.call(null, 'POST', '/api/v1/auth/login', { username, password: FIXTURE_PASSWORD });
  const s = { cookie: sessionCookie(res), csrf: must(res, 200, `login ${username}`).csrfToken };
  must(
    await t.call(s, 'POST', '/api/v1/auth/password', {
      currentPassword: FIXTURE_PASSWORD,
      newPassword: `${FIXTURE_PASSWORD}-2`,
    }),
    200,
    `password ${username}`,
  );
  return s;
}

async function buildWorld(t: TestApp, w: Spec, city: TwoWorlds['city']): Promise<World> {
  const ca = await t.as('county_admin', w.county);
  const co = await t.as('county_officer', w.county);
  const liaison = await t.as('township_liaison', w.township);
  const evaluator = await t.as('evaluator', DIV.city);
  const c = co.session;
  const short = w.p.slice(0, 2);
  const fileNames: string[] = [];
  const pdf = (name: string) => {
    fileNames.push(`${short}${name}.pdf`);
    return { name: `${short}${name}.pdf`, type: 'application/pdf', bytes: PDF };
  };
  const names = {
    organisation: `${w.p}仁和社会工作服务中心`,
    plan: `${w.p}2026年度社工站购买服务计划`,
    procurement: `${w.p}${w.town}社工站项目`,
    contract: `${w.p}${w.town}社工站服务合同`,
    disclosure: `${short}仁和机构基本情况`,
    training: `${w.p}社工实务培训`,
    centre: `${w.p}社会工作服务中心`,
    station: `${w.town}社会工作服务站`,
  };
  const ids = { user: co.user.id } as WorldIds;

  const station = must(
    await t.call(
      c,
      'POST',
      '/api/v1/stations',
      stationBody(w.township, { status: 'operating', openedOn: '2021-07-01', address: `${w.p}${w.town}人民路 1 号` }),
    ),
    201,
    'station',
  );
  ids.station = station.id;
  fileNames.push(`${short}标牌.png`);
  must(
    await upload(t, c, `/api/v1/stations/${ids.station}/signage`, {
      name: fileNames[0],
      type: 'image/png',
      bytes: PNG,
    }),
    200,
    'signage',
  );
  ids.serviceRoom = must(
    await t.call(c, 'POST', `/api/v1/stations/${ids.station}/service-rooms`, {
      villageName: w.village,
      kind: w.village.endsWith('村') ? 'village' : 'community',
      status: 'operating',
    }),
    201,
    'service room',
  ).id;
  ids.centre = must(
    await t.call(c, 'POST', '/api/v1/county-centres', {
      countyCode: w.county,
      name: names.centre,
      status: 'operating',
    }),
    201,
    'county centre',
  ).id;

  const creditCode = makeCreditCode(w.seed);
  ids.organisation = must(
    await t.call(c, 'POST', '/api/v1/organisations', {
      name: names.organisation,
      creditCode,
      type: 'social_work_agency',
      socialWorkInScope: true,
      local: true,
      divisionCode: w.county,
    }),
    201,
    'organisation',
  ).id;
  ids.disclosure = must(
    await t.call(c, 'POST', `/api/v1/organisations/${ids.organisation}/disclosures`, {
      kind: 'basic',
      title: names.disclosure,
      content: '机构章程与负责人',
    }),
    201,
    'disclosure',
  ).id;
  ids.disclosureFile = must(
    await upload(
      t,
      c,
      `/api/v1/organisations/${ids.organisation}/disclosures/${ids.disclosure}/files`,
      pdf('机构章程'),
    ),
    201,
    'disclosure file',
  ).fileId;

  const planText = Object.fromEntries(
    [
      'background',
      'goals',
      'serviceContent',
      'schedule',
      'qualityStandards',
      'quantityStandards',
      'performanceEvaluation',
    ].map((k) => [k, '见计划文本']),
  );
  const plan = must(
    await t.call(c, 'POST', '/api/v1/purchase-plans', {
      countyCode: w.county,
      year: 2026,
      title: names.plan,
      budget: 500000,
      purchaseMethod: 'public_tender',
      stationIds: [ids.station],
      ...planText,
    }),
    201,
    'plan',
  );
  ids.plan = plan.id;
  const submitted = must(
    await t.call(c, 'POST', `/api/v1/purchase-plans/${ids.plan}/submit`, { version: plan.version }),
    200,
    'plan submit',
  );
  must(
    await t.call(city.city_officer, 'POST', `/api/v1/purchase-plans/${ids.plan}/file`, {
      version: submitted.version,
      comment: '同意备案',
    }),
    200,
    'plan filing',
  );
  ids.procurement = must(
    await t.call(c, 'POST', '/api/v1/procurements', {
      countyCode: w.county,
      purchasePlanId: ids.plan,
      title: names.procurement,
      serviceContent: '服务',
      serviceStandards: '标准',
      requirements: '要求',
      method: 'public_tender',
      bidderConditions: '条件',
      stationIds: [ids.station],
      publishedOn: '2026-01-05',
    }),
    201,
    'procurement',
  ).id;
  must(
    await t.call(c, 'POST', `/api/v1/procurements/${ids.procurement}/award`, {
      organisationId: ids.organisation,
      amount: 500000,
      awardedOn: '2026-01-20',
    }),
    200,
    'award',
  );
  const contract = must(
    await t.call(c, 'POST', '/api/v1/contracts', {
      procurementId: ids.procurement,
      title: names.contract,
      signedOn: '2026-02-01',
      cycleStart: '2026-02-01',
      publishedOn: '2026-02-03',
      terms: TERMS,
      firstAgreement: { amount: 500000, publishedOn: '2026-02-03' },
    }),
    201,
    'contract',
  );
  ids.contract = contract.id;
  ids.agreement = contract.agreements[0].id;
  ids.contractFile = must(
    await upload(t, c, `/api/v1/contracts/${ids.contract}/files`, pdf('合同文本')),
    201,
    'contract file',
  ).fileId;

  // Contractor staff, placed by the county administrator of the unit that registered the organisation.
  const staff = { org_admin: `${w.tag}.orgadmin`, project_lead: `${w.tag}.lead` };
  const displayNames: string[] = [];
  for (const [role, username] of Object.entries(staff)) {
    const displayName = `${short}${role === 'org_admin' ? '机构管理员' : '项目主管'}`;
    displayNames.push(displayName);
    must(
      await t.call(ca.session, 'POST', '/api/v1/users', {
        username,
        displayName,
        role,
        divisionCode: w.county,
        organisationId: ids.organisation,
        password: FIXTURE_PASSWORD,
      }),
      201,
      `user ${username}`,
    );
  }
  const oa = await firstLogin(t, staff.org_admin);
  const lead = await firstLogin(t, staff.project_lead);

  const idNumber = makeCitizenId('19950312', w.seed * 2);
  ids.worker = must(
    await t.call(oa, 'POST', '/api/v1/workers', {
      name: w.worker,
      idNumber,
      phone: '13812345678',
      education: 'bachelor',
      major: '社会工作',
      socialWorkMajor: true,
      localHukou: true,
      hireDate: '2026-03-01',
      role: 'resident',
    }),
    201,
    'worker',
  ).id;
  ids.assignment = must(
    await t.call(oa, 'POST', `/api/v1/workers/${ids.worker}/assignments`, {
      stationId: ids.station,
      startOn: '2026-03-01',
    }),
    200,
    'assignment',
  ).assignments[0].id;
  ids.workerFile = must(
    await upload(t, oa, `/api/v1/workers/${ids.worker}/files`, pdf('劳动合同')),
    201,
    'worker file',
  ).fileId;
  const swUsername = `${w.tag}.worker`;
  must(
    await t.call(oa, 'POST', `/api/v1/workers/${ids.worker}/account`, {
      username: swUsername,
      password: FIXTURE_PASSWORD,
    }),
    201,
    'worker account',
  );
  const sw = await firstLogin(t, swUsername);
  ids.training = must(
    await t.call(oa, 'POST', '/api/v1/trainings', {
      title: names.training,
      organiser: names.organisation,
      organiserLevel: 'other',
      startOn: '2026-04-01',
      endOn: '2026-04-02',
      hours: 8,
      workerIds: [ids.worker],
    }),
    201,
    'training',
  ).id;
  ids.trainingFile = must(
    await upload(t, oa, `/api/v1/trainings/${ids.training}/files`, pdf('签到表')),
    201,
    'training file',
  ).fileId;

  // A person the station serves (R-SVC-1), registered by the resident worker: an adult, so no role is kept from it.
  const beneficiaryName = `${w.town}服务对象`;
  const beneficiaryId = makeCitizenId('19560708', w.seed * 2 + 1);
  const person = must(
    await t.call(sw, 'POST', '/api/v1/beneficiaries', {
      stationId: ids.station,
      name: beneficiaryName,
      idNumber: beneficiaryId,
      phone: `1390000${String(w.seed).padStart(4, '0')}`,
      village: w.village,
      categories: [{ category: 'dibao', startedOn: '2025-01-01', source: `${w.p}民政局低保名册` }],
    }),
    201,
    'beneficiary',
  );
  ids.beneficiary = person.id;
  ids.beneficiaryCategory = person.categoryHistory[0].id;
  const served = await serveWorldPerson(t, sw, ids, w.town, { must, upload, png: PNG });

  const read = async (url: string) => must(await t.call(city.city_admin, 'GET', url), 200, `read ${url}`);
  const centres = (await read('/api/v1/county-centres')).items as { id: string; version: number }[];
  const versions = {
    station: (await read(`/api/v1/stations/${ids.station}`)).version,
    centre: centres.find((x) => x.id === ids.centre)!.version,
    organisation: (await read(`/api/v1/organisations/${ids.organisation}`)).version,
    plan: (await read(`/api/v1/purchase-plans/${ids.plan}`)).version,
    worker: (await read(`/api/v1/workers/${ids.worker}`)).version,
    user: (await read(`/api/v1/users/${ids.user}`)).version,
    beneficiary: person.version,
    ...served.versions,
  };
  const marks = [
    ...Object.values(names),
    ...fileNames,
    ...displayNames,
    w.village,
    w.worker,
    idNumber,
    creditCode,
    ...Object.values(staff),
    swUsername,
    co.user.username,
    ca.user.username,
    liaison.user.username,
    beneficiaryName,
    beneficiaryId,
    ...served.marks,
  ];
  return {
    key: w.key,
    countyCode: w.county,
    townshipCode: w.township,
    ids,
    versions,
    idNumber,
    workerName: w.worker,
    marks,
    organisation: { name: names.organisation, creditCode },
    sessions: {
      county_admin: ca.session,
      county_officer: c,
      township_liaison: liaison.session,
      org_admin: oa,
      project_lead: lead,
      social_worker: sw,
      evaluator: evaluator.session,
    },
  };
}

/** Builds world A and world B through the API, with city sessions; about 70 requests. */
export async function buildTwoWorlds(t: TestApp): Promise<TwoWorlds> {
  const city = {
    city_admin: (await t.as('city_admin', DIV.city)).session,
    city_officer: (await t.as('city_officer', DIV.city)).session,
  };
  const A = await buildWorld(t, SPECS[0], city);
  const B = await buildWorld(t, SPECS[1], city);
  return { A, B, city };
}
