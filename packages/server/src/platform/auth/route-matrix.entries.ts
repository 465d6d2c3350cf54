import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { INSURANCE_ITEMS, CONTRACT_TERMS } from '@shegong/shared';
import { makeCitizenId } from '../../test-support/citizen-ids';
import type { IdKey, World, WorldIds, WorldRole } from '../../test-support/two-worlds';
import { PDF, PNG } from '../../test-support/two-worlds';
import { ALERT_BODY_REFS, ALERT_ENTRIES, ALERT_LISTS } from './route-matrix.alerts';
import { CASE_BODY_REFS, CASE_ENTRIES, CASE_LISTS } from './route-matrix.cases';
import { REPORT_ENTRIES, REPORT_LISTS } from './route-matrix.reports';
import { CIRCULAR_LISTS } from './route-matrix.circulars';
import { EVALUATION_BODY_REFS, EVALUATION_ENTRIES, EVALUATION_LISTS } from './route-matrix.evaluation';
import { SUPERVISION_BODY_REFS, SUPERVISION_ENTRIES, SUPERVISION_LISTS } from './route-matrix.supervision';
import { SATISFACTION_BODY_REFS, SATISFACTION_ENTRIES, SATISFACTION_LISTS } from './route-matrix.satisfaction';
import { PRE_AWARD_BODY_REFS, PRE_AWARD_ENTRIES, PRE_AWARD_LISTS } from './route-matrix.pre-award';

/**
 * How the R-SCOPE-1 route matrix calls each /api/v1 route that has a path parameter, keyed exactly as the route is
 * registered ('METHOD url'). A route missing here fails the suite, so every new route must say how it is scoped.
 */

/** The records a call names: world B's, world A's, or random ids in the same places ("missing"). */
export interface Target {
  ids: WorldIds;
  versions: World['versions'];
  idNumber: string;
}
export interface UploadFile {
  name: string;
  type: string;
  bytes: Buffer;
}

export interface RecordEntry {
  /** Which record each path parameter names. */
  params: Record<string, IdKey>;
  /** Path parameters that name no record (a month), the same in every call. */
  fixed?: Record<string, string>;
  /** A valid JSON body, so that a 400 from validation cannot mask the scope answer. */
  body?: (x: Target) => unknown;
  /** A valid multipart upload instead of a JSON body. */
  upload?: (x: Target) => UploadFile | Promise<UploadFile>;
  /** World-A roles that legitimately read world B's record, and why. */
  visibleTo?: { roles: WorldRole[]; reason: string };
  /** World-A roles that, although permitted the route, legitimately do not reach world A's own record, and why. */
  ownHiddenFrom?: { roles: WorldRole[]; reason: string };
}
/** A route no scope applies to. */
export interface PublicEntry {
  public: string;
}
/** A GET whose path parameters name no record: it is checked with the lists and exports. */
export interface ListEntry {
  list: string;
  fixed: Record<string, string>;
}
export type Entry = RecordEntry | PublicEntry | ListEntry;

const pdf = (): UploadFile => ({ name: '越权上传.pdf', type: 'application/pdf', bytes: PDF });
const png = (): UploadFile => ({ name: '越权标牌.png', type: 'image/png', bytes: PNG });
const MONTH = { month: '2026-05' };
const ORGANISATIONS_ARE_PUBLIC =
  'organisations are public information: every officer reads all of them (an award may go to one registered elsewhere)';

const TERMS = Object.fromEntries(Object.keys(CONTRACT_TERMS).map((k) => [k, '见合同']));
const paid = Object.fromEntries(Object.keys(INSURANCE_ITEMS).map((k) => [k, true]));

/** A payroll workbook naming the target's worker by citizen ID number, as the template does. */
async function payrollSheet(x: Target): Promise<UploadFile> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('薪酬社保');
  ws.addRow(['身份证号', '姓名', '实发工资（元）', '发放日期', ...Object.values(INSURANCE_ITEMS)]);
  ws.addRow([x.idNumber, '', '3200', '2026-05-10', ...Object.values(INSURANCE_ITEMS).map(() => '是')]);
  return {
    name: '薪酬社保.xlsx',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

/** A valid home visit (R-SVC-2) at a station for people, with a fresh phone-made id. */
const serviceRecordBody = (stationId: string, beneficiaryIds: string[]) => ({
  id: randomUUID(),
  stationId,
  servedOn: '2026-06-10',
  durationMinutes: 30,
  form: 'home_visit',
  catalogueCode: '1.2',
  beneficiaryIds,
  summary: '越权记录服务',
});

export const ENTRIES: Record<string, Entry> = {
  'GET /api/v1/users/:userId': { params: { userId: 'user' } },
  'PATCH /api/v1/users/:userId': {
    params: { userId: 'user' },
    body: (x) => ({ version: x.versions.user, displayName: '越权修改' }),
  },

  'GET /api/v1/stations/:stationId': { params: { stationId: 'station' } },
  'GET /api/v1/stations/:stationId/findings': { params: { stationId: 'station' } },
  'GET /api/v1/stations/:stationId/history': { params: { stationId: 'station' } },
  'PATCH /api/v1/stations/:stationId': {
    params: { stationId: 'station' },
    body: (x) => ({ version: x.versions.station, address: '越权修改' }),
  },
  'POST /api/v1/stations/:stationId/signage': { params: { stationId: 'station' }, upload: png },
  'GET /api/v1/stations/:stationId/signage': { params: { stationId: 'station' } },
  'GET /api/v1/stations/:stationId/service-rooms': { params: { stationId: 'station' } },
  'POST /api/v1/stations/:stationId/service-rooms': {
    params: { stationId: 'station' },
    body: () => ({ villageName: '越权村', kind: 'village', status: 'planned' }),
  },
  'PATCH /api/v1/county-centres/:centreId': {
    params: { centreId: 'centre' },
    body: (x) => ({ version: x.versions.centre, address: '越权修改' }),
  },

  'GET /api/v1/organisations/:organisationId': {
    params: { organisationId: 'organisation' },
    visibleTo: { roles: ['county_admin', 'county_officer'], reason: ORGANISATIONS_ARE_PUBLIC },
  },
  'PATCH /api/v1/organisations/:organisationId': {
    params: { organisationId: 'organisation' },
    body: (x) => ({ version: x.versions.organisation, address: '越权修改' }),
  },
  'POST /api/v1/organisations/:organisationId/disclosures': {
    params: { organisationId: 'organisation' },
    body: () => ({ kind: 'basic', title: '越权公开' }),
  },
  'POST /api/v1/organisations/:organisationId/disclosures/:disclosureId/files': {
    params: { organisationId: 'organisation', disclosureId: 'disclosure' },
    upload: pdf,
  },
  'GET /api/v1/public/organisations/:organisationId/disclosures/:disclosureId/files/:fileId': {
    public: 'disclosures are published for everyone (R-ORG-2): no login, no scope',
  },

  'GET /api/v1/purchase-plans/:planId': { params: { planId: 'plan' } },
  'PATCH /api/v1/purchase-plans/:planId': {
    params: { planId: 'plan' },
    body: (x) => ({ version: x.versions.plan, title: '越权修改' }),
  },
  'POST /api/v1/purchase-plans/:planId/submit': {
    params: { planId: 'plan' },
    body: (x) => ({ version: x.versions.plan }),
  },
  'POST /api/v1/purchase-plans/:planId/file': {
    params: { planId: 'plan' },
    body: (x) => ({ version: x.versions.plan, comment: '越权备案' }),
  },
  'POST /api/v1/purchase-plans/:planId/return': {
    params: { planId: 'plan' },
    body: (x) => ({ version: x.versions.plan, comment: '越权退回' }),
  },
  'GET /api/v1/procurements/:procurementId': { params: { procurementId: 'procurement' } },
  'POST /api/v1/procurements/:procurementId/award': {
    params: { procurementId: 'procurement' },
    body: (x) => ({ organisationId: x.ids.organisation, amount: 1000, awardedOn: '2026-06-01' }),
  },

  'GET /api/v1/contracts/:contractId': { params: { contractId: 'contract' } },
  'POST /api/v1/contracts/:contractId/agreements': {
    params: { contractId: 'contract' },
    body: () => ({ yearNo: 2, amount: 1000, signedOn: '2026-06-01' }),
  },
  'POST /api/v1/contracts/:contractId/evaluations': {
    params: { contractId: 'contract' },
    body: () => ({ yearNo: 1, result: 'passed', evaluatedOn: '2026-06-01', evaluator: '越权评估' }),
  },
  'POST /api/v1/contracts/:contractId/files': { params: { contractId: 'contract' }, upload: pdf },
  'GET /api/v1/contracts/:contractId/files/:fileId': { params: { contractId: 'contract', fileId: 'contractFile' } },
  'POST /api/v1/contracts/:contractId/publish': {
    params: { contractId: 'contract' },
    body: () => ({ publishedOn: '2026-06-01' }),
  },
  'POST /api/v1/contracts/:contractId/agreements/:agreementId/publish': {
    params: { contractId: 'contract', agreementId: 'agreement' },
    body: () => ({ publishedOn: '2026-06-01' }),
  },

  'GET /api/v1/workers/:workerId': { params: { workerId: 'worker' } },
  'PATCH /api/v1/workers/:workerId': {
    params: { workerId: 'worker' },
    body: (x) => ({ version: x.versions.worker, phone: '13900000000' }),
  },
  'POST /api/v1/workers/:workerId/assignments': {
    params: { workerId: 'worker' },
    body: (x) => ({ stationId: x.ids.station, startOn: '2026-06-01' }),
  },
  'POST /api/v1/workers/:workerId/assignments/:assignmentId/end': {
    params: { workerId: 'worker', assignmentId: 'assignment' },
    body: () => ({ endOn: '2026-06-10' }),
  },
  'POST /api/v1/workers/:workerId/filing/submit': {
    params: { workerId: 'worker' },
    body: (x) => ({ version: x.versions.worker }),
  },
  'POST /api/v1/workers/:workerId/filing/approve': {
    params: { workerId: 'worker' },
    body: (x) => ({ version: x.versions.worker }),
  },
  'POST /api/v1/workers/:workerId/filing/return': {
    params: { workerId: 'worker' },
    body: (x) => ({ version: x.versions.worker, comment: '越权退回' }),
  },
  'POST /api/v1/workers/:workerId/unmask': { params: { workerId: 'worker' }, body: () => ({ reason: '核实身份信息' }) },
  'POST /api/v1/workers/:workerId/account': {
    params: { workerId: 'worker' },
    body: () => ({ username: 'rogue.account', password: 'Rogue-Pass-2026' }),
  },
  'POST /api/v1/workers/:workerId/files': { params: { workerId: 'worker' }, upload: pdf },
  'GET /api/v1/workers/:workerId/files/:fileId': { params: { workerId: 'worker', fileId: 'workerFile' } },
  'POST /api/v1/trainings/:trainingId/files': { params: { trainingId: 'training' }, upload: pdf },
  'GET /api/v1/trainings/:trainingId/files/:fileId': { params: { trainingId: 'training', fileId: 'trainingFile' } },
  'POST /api/v1/trainings/:trainingId/confirm': {
    params: { trainingId: 'training' },
    body: () => ({ organiserLevel: 'county_civil_affairs' }),
  },

  'GET /api/v1/beneficiaries/:beneficiaryId': { params: { beneficiaryId: 'beneficiary' } },
  'PATCH /api/v1/beneficiaries/:beneficiaryId': {
    params: { beneficiaryId: 'beneficiary' },
    body: (x) => ({
      version: x.versions.beneficiary,
      name: '越权改名',
      idNumber: '',
      noIdReason: 'other',
      gender: 'male',
      birthYear: 1950,
    }),
  },
  'POST /api/v1/beneficiaries/:beneficiaryId/unmask': {
    params: { beneficiaryId: 'beneficiary' },
    body: () => ({ reason: '核实身份信息' }),
  },
  'GET /api/v1/beneficiaries/:beneficiaryId/categories': { params: { beneficiaryId: 'beneficiary' } },
  'POST /api/v1/beneficiaries/:beneficiaryId/categories': {
    params: { beneficiaryId: 'beneficiary' },
    body: () => ({ category: 'temporary_relief', startedOn: '2026-06-01', source: '越权登记' }),
  },
  'PATCH /api/v1/beneficiaries/:beneficiaryId/categories/:categoryId': {
    params: { beneficiaryId: 'beneficiary', categoryId: 'beneficiaryCategory' },
    body: () => ({ endedOn: '2026-06-10' }),
  },
  'GET /api/v1/beneficiaries/:beneficiaryId/risk-assessments': { params: { beneficiaryId: 'beneficiary' } },
  'POST /api/v1/beneficiaries/:beneficiaryId/risk-assessments': {
    params: { beneficiaryId: 'beneficiary' },
    body: () => ({ level: 'low', reason: '越权评估', assessedOn: '2026-06-01' }),
  },
  'GET /api/v1/beneficiaries/:beneficiaryId/consents': { params: { beneficiaryId: 'beneficiary' } },
  'POST /api/v1/beneficiaries/:beneficiaryId/consents': {
    params: { beneficiaryId: 'beneficiary' },
    body: () => ({ kind: 'data_use', decision: 'given', givenBy: 'self', scope: '越权记录', recordedOn: '2026-06-01' }),
  },
  'GET /api/v1/beneficiaries/handover/:stationId': { params: { stationId: 'station' } },

  ...CASE_ENTRIES,
  ...ALERT_ENTRIES,
  ...REPORT_ENTRIES,
  ...EVALUATION_ENTRIES,
  ...SUPERVISION_ENTRIES,
  ...SATISFACTION_ENTRIES,
  ...PRE_AWARD_ENTRIES,
  'GET /api/v1/service-records/:recordId': { params: { recordId: 'serviceRecord' } },
  'PATCH /api/v1/service-records/:recordId': {
    params: { recordId: 'serviceRecord' },
    body: (x) => ({ version: x.versions.serviceRecord, summary: '越权修改服务内容' }),
  },
  'POST /api/v1/service-records/:recordId/archive': {
    params: { recordId: 'serviceRecord' },
    body: (x) => ({ version: x.versions.serviceRecord, reason: '越权撤回' }),
  },
  'POST /api/v1/service-records/:recordId/files': { params: { recordId: 'serviceRecord' }, upload: png },
  'GET /api/v1/service-records/:recordId/files/:fileId': {
    params: { recordId: 'serviceRecord', fileId: 'serviceRecordFile' },
  },

  'GET /api/v1/payroll/:month': { list: 'the month names no record: the grid is checked like a list', fixed: MONTH },
  'GET /api/v1/payroll/:month/export': {
    list: 'the month names no record: the export is checked like a list',
    fixed: MONTH,
  },
  'PUT /api/v1/payroll/:month': {
    params: {},
    fixed: MONTH,
    body: (x) => ({ rows: [{ workerId: x.ids.worker, salary: 3200, paidOn: '2026-05-10', ...paid }] }),
  },
  'POST /api/v1/payroll/:month/import': { params: {}, fixed: MONTH, upload: payrollSheet },
  'POST /api/v1/payroll/:month/import/problems': { params: {}, fixed: MONTH, upload: payrollSheet },
  'GET /api/v1/payroll/:month/template.xlsx': {
    list: "the month names no record: the template is pre-filled with the caller's own workers, like the grid",
    fixed: MONTH,
  },
};

/**
 * GET routes without a path parameter (lists and exports), where they need more than the defaults: the queries to
 * run (each is checked), the world-A record a role should find there, and what of world B a role may legitimately see.
 */
export interface ListSpec {
  queries?: (b: World) => string[];
  own?: IdKey;
  ownHiddenFrom?: { roles: WorldRole[]; reason: string };
  mayShow?: { roles: WorldRole[]; marks: (b: World) => string[]; reason: string };
}
const all = (extra: (b: World) => string[]) => (b: World) => ['', ...extra(b)];
export const LISTS: Record<string, ListSpec> = {
  '/api/v1/users': { queries: all((b) => ['pageSize=200', `divisionCode=${b.countyCode}`]), own: 'user' },
  '/api/v1/stations': { queries: all((b) => ['pageSize=200', `county=${b.countyCode}&pageSize=200`]), own: 'station' },
  '/api/v1/stations/export': { queries: all((b) => [`county=${b.countyCode}`]) },
  '/api/v1/county-centres': {
    own: 'centre',
    ownHiddenFrom: {
      roles: ['township_liaison', 'org_admin', 'project_lead', 'social_worker', 'evaluator'],
      reason:
        'a county centre sits at the county: a township liaison sees its township, contractor staff and evaluators their stations',
    },
  },
  '/api/v1/plan/progress': { queries: all((b) => [`county=${b.countyCode}`]) },
  '/api/v1/plan/progress/export': { queries: all((b) => [`county=${b.countyCode}`]) },
  '/api/v1/organisations': {
    queries: all((b) => ['pageSize=200', `county=${b.countyCode}&pageSize=200`]),
    own: 'organisation',
    mayShow: {
      roles: ['county_admin', 'county_officer'],
      marks: (b) => [b.ids.organisation, b.organisation.name, b.organisation.creditCode],
      reason: ORGANISATIONS_ARE_PUBLIC,
    },
  },
  '/api/v1/purchase-plans': {
    queries: all((b) => ['pageSize=200', `county=${b.countyCode}&pageSize=200`]),
    own: 'plan',
  },
  '/api/v1/procurements': {
    queries: all((b) => ['pageSize=200', `county=${b.countyCode}&pageSize=200`]),
    own: 'procurement',
  },
  '/api/v1/contracts': {
    queries: all((b) => ['pageSize=200', `county=${b.countyCode}&pageSize=200`]),
    own: 'contract',
  },
  '/api/v1/workers': { queries: all((b) => [`stationId=${b.ids.station}`]), own: 'worker' },
  '/api/v1/workers/options': {
    queries: all((b) => [
      `q=${encodeURIComponent(b.workerName)}`,
      `organisationId=${b.ids.organisation}`,
      'pageSize=50',
    ]),
    own: 'worker',
  },
  '/api/v1/trainings': { queries: all(() => ['pendingConfirm=true']), own: 'training' },
  '/api/v1/trainings/export': { queries: all((b) => ['pendingConfirm=true', `workerId=${b.ids.worker}`]) },
  '/api/v1/workers/export': { queries: all((b) => [`stationId=${b.ids.station}`, 'deadline=at_risk']) },
  '/api/v1/contracts/export': { queries: all((b) => [`county=${b.countyCode}`]) },
  '/api/v1/beneficiaries': {
    queries: all((b) => [
      'pageSize=200',
      `stationId=${b.ids.station}`,
      `countyCode=${b.countyCode}&pageSize=200`,
      `q=${encodeURIComponent(b.marks.find((m) => m.endsWith('服务对象'))!)}`,
    ]),
    own: 'beneficiary',
  },
  ...CASE_LISTS,
  ...ALERT_LISTS,
  ...REPORT_LISTS,
  ...CIRCULAR_LISTS,
  ...EVALUATION_LISTS,
  ...SUPERVISION_LISTS,
  ...SATISFACTION_LISTS,
  ...PRE_AWARD_LISTS,
  '/api/v1/service-records': {
    queries: all((b) => [
      'pageSize=200',
      `stationId=${b.ids.station}`,
      `unit=${b.countyCode}`,
      `organisationId=${b.ids.organisation}`,
      `beneficiaryId=${b.ids.beneficiary}`,
      `workerId=${b.ids.worker}`,
      `caseId=${b.ids.case}`,
      'form=home_visit&from=2026-01-01&to=2026-12-31',
    ]),
    own: 'serviceRecord',
  },
  '/api/v1/payroll/:month': {
    queries: all((b) => [`county=${b.countyCode}`, `organisationId=${b.ids.organisation}`]),
  },
  '/api/v1/payroll/:month/export': {
    queries: all((b) => [`county=${b.countyCode}`, `organisationId=${b.ids.organisation}`]),
  },
  // Visits due (R-SVC-5): world B's graded person falls due 2026-07-01, inside a 60-day look-ahead.
  '/api/v1/visits/due': {
    queries: all((b) => [
      `stationId=${b.ids.station}&withinDays=60`,
      'mine=false&withinDays=60&pageSize=200',
      `workerId=${b.ids.worker}&mine=false&withinDays=60`,
      'risk=high&withinDays=60',
    ]),
  },
  '/api/v1/statistics/services': { queries: all(() => ['from=2026-01&to=2026-06']) },
};

/**
 * Writes that name a record in their body rather than their path (world A's own records fill any path parameter):
 * world B's record must be refused exactly like a missing one, with the same status, code and message.
 */
export interface BodyRef {
  route: string;
  params?: Record<string, IdKey>;
  body: (x: Target, a: World) => unknown;
  /** Roles that legitimately see world B's record: only status and code must match, the message may say why. */
  visibleTo?: { roles: WorldRole[]; reason: string };
}
const procurement = (a: World, extra: Record<string, unknown>) => ({
  countyCode: a.countyCode,
  title: '越权采购',
  serviceContent: '服务',
  serviceStandards: '标准',
  requirements: '要求',
  method: 'public_tender',
  bidderConditions: '条件',
  stationIds: [a.ids.station],
  publishedOn: '2026-06-01',
  ...extra,
});
export const BODY_REFS: Record<string, BodyRef> = {
  "a beneficiary registered at world B's station": {
    route: 'POST /api/v1/beneficiaries',
    body: (x) => ({ stationId: x.ids.station, name: '越权登记', noIdReason: 'other', gender: 'male', birthYear: 1950 }),
  },
  'a household member from world B': {
    route: 'POST /api/v1/beneficiaries',
    body: (x, a) => ({
      stationId: a.ids.station,
      name: '越权家属',
      noIdReason: 'other',
      gender: 'male',
      birthYear: 1950,
      household: [{ name: '越权', relation: '子女', memberId: x.ids.beneficiary }],
    }),
  },
  "world B's person (by record id) linked to world A's station": {
    route: 'POST /api/v1/beneficiaries/links',
    body: (x, a) => ({ stationId: a.ids.station, beneficiaryId: x.ids.beneficiary, name: '越权' }),
  },
  ...CASE_BODY_REFS,
  ...ALERT_BODY_REFS,
  ...EVALUATION_BODY_REFS,
  ...SUPERVISION_BODY_REFS,
  ...SATISFACTION_BODY_REFS,
  ...PRE_AWARD_BODY_REFS,
  "a service record at world B's station": {
    route: 'POST /api/v1/service-records',
    body: (x) => serviceRecordBody(x.ids.station, [x.ids.beneficiary]),
  },
  "a service record at world A's station for world B's person": {
    route: 'POST /api/v1/service-records',
    body: (x, a) => serviceRecordBody(a.ids.station, [x.ids.beneficiary]),
  },
  "a service record at world A's station by world B's worker": {
    route: 'POST /api/v1/service-records',
    body: (x, a) => ({ ...serviceRecordBody(a.ids.station, [a.ids.beneficiary]), workerIds: [x.ids.worker] }),
  },
  "a purchase plan covering world B's station": {
    route: 'POST /api/v1/purchase-plans',
    body: (x, a) => ({ countyCode: a.countyCode, year: 2027, title: '越权计划', stationIds: [x.ids.station] }),
  },
  "a procurement covering world B's station": {
    route: 'POST /api/v1/procurements',
    body: (x, a) => procurement(a, { stationIds: [x.ids.station] }),
  },
  "a procurement under world B's purchase plan": {
    route: 'POST /api/v1/procurements',
    body: (x, a) => procurement(a, { purchasePlanId: x.ids.plan }),
  },
  "a contract signed from world B's procurement": {
    route: 'POST /api/v1/contracts',
    body: (x) => ({
      procurementId: x.ids.procurement,
      title: '越权合同',
      signedOn: '2026-06-01',
      cycleStart: '2026-06-01',
      terms: TERMS,
      firstAgreement: { amount: 1000 },
    }),
  },
  "a training attended by world B's worker": {
    route: 'POST /api/v1/trainings',
    body: (x) => ({
      title: '越权培训',
      organiser: '越权单位',
      organiserLevel: 'other',
      startOn: '2026-06-01',
      endOn: '2026-06-01',
      hours: 1,
      workerIds: [x.ids.worker],
    }),
  },
  "a hiring exception for world B's organisation": {
    route: 'POST /api/v1/hiring-exceptions',
    body: (x) => ({
      organisationId: x.ids.organisation,
      idNumber: makeCitizenId('19700101', 777),
      reason: '越权登记例外',
    }),
  },
  "world A's worker assigned to world B's station": {
    route: 'POST /api/v1/workers/:workerId/assignments',
    params: { workerId: 'worker' },
    body: (x) => ({ stationId: x.ids.station, startOn: '2026-06-01' }),
  },
  "a contractor login for world B's organisation": {
    route: 'POST /api/v1/users',
    body: (x, a) => ({
      username: 'rogue.user',
      displayName: '越权',
      role: 'org_admin',
      divisionCode: a.countyCode,
      organisationId: x.ids.organisation,
      password: 'Rogue-Pass-2026',
    }),
    visibleTo: { roles: ['county_admin'], reason: ORGANISATIONS_ARE_PUBLIC },
  },
};
