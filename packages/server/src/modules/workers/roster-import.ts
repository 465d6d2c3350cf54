import {
  CERTIFICATE_LABELS,
  EDUCATION_LABELS,
  WORKER_ROLE_LABELS,
  createWorkerSchema,
  type CreateWorkerInput,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import { readImport, type CellValue, type RowCheck } from '../../platform/http/import-checks';
import type { ImportSpec } from '../../platform/http/import-spec';
import { importTemplate } from '../../platform/http/import-workbooks';
import type { ContractLookup } from '../contracts';
import { ID_COLUMN, NAME_SYNONYMS, importEndpoints, type ImportRun } from './import-rows';
import { exceptionNote, hiringProblems, type Hire } from './workers.hiring';
import { workersRepository as repo } from './workers.repository';
import type { WorkerService } from './workers.service';

/** The roster template (R-STAFF-1): each column, how its cells are read, and the other names offices give it. */
export const ROSTER_SPEC: ImportSpec = {
  nameColumn: '姓名',
  columns: [
    { column: '姓名', kind: 'text', required: true, synonyms: NAME_SYNONYMS },
    ID_COLUMN,
    { column: '联系电话', kind: 'phone', synonyms: ['手机', '手机号', '手机号码', '联系方式', '电话', '电话号码'] },
    {
      column: '学历',
      kind: 'choice',
      required: true,
      options: Object.values(EDUCATION_LABELS),
      synonyms: ['文化程度', '最高学历'],
    },
    { column: '专业', kind: 'text', synonyms: ['所学专业', '毕业专业'] },
    {
      column: '社会工作专业毕业',
      kind: 'yesno',
      required: true,
      synonyms: ['是否社会工作专业毕业', '社会工作专业', '社工专业毕业', '是否社工专业'],
    },
    {
      column: '证书等级',
      kind: 'choice',
      options: Object.values(CERTIFICATE_LABELS),
      synonyms: ['职业资格等级', '社工证等级', '资格证书等级', '职业资格'],
    },
    { column: '证书编号', kind: 'text', synonyms: ['证书号', '资格证书编号', '社工证编号', '管理号'] },
    { column: '本地户籍', kind: 'yesno', required: true, synonyms: ['是否本地户籍', '本地户口'] },
    { column: '聘用日期', kind: 'date', required: true, synonyms: ['入职日期', '入职时间', '聘用时间', '到岗日期'] },
    {
      column: '岗位',
      kind: 'choice',
      required: true,
      options: Object.values(WORKER_ROLE_LABELS),
      synonyms: ['岗位类型', '职务'],
    },
    { column: '派驻社工站', kind: 'text', synonyms: ['所在社工站', '派驻站点', '社工站', '派驻站'] },
  ],
};
export const ROSTER_COLUMNS = ROSTER_SPEC.columns.map((c) => c.column);
/** Each column's field in the create schema, so an import row is checked exactly as a single create is. */
const FIELD_OF: Record<string, keyof CreateWorkerInput> = {
  姓名: 'name',
  身份证号: 'idNumber',
  联系电话: 'phone',
  学历: 'education',
  专业: 'major',
  社会工作专业毕业: 'socialWorkMajor',
  证书等级: 'certificateLevel',
  证书编号: 'certificateNumber',
  本地户籍: 'localHukou',
  聘用日期: 'hireDate',
  岗位: 'role',
};
const COLUMN_OF = Object.fromEntries(Object.entries(FIELD_OF).map(([c, f]) => [f, c]));
const invert = <K extends string>(labels: Record<K, string>) =>
  new Map(Object.entries(labels).map(([k, v]) => [v as string, k as K]));
const EDUCATION = invert(EDUCATION_LABELS);
const CERTIFICATE = invert(CERTIFICATE_LABELS);
const ROLE = invert(WORKER_ROLE_LABELS);

/** The data sheet with the header only; the 填写说明 sheet holds the rules and a valid example row. */
export const rosterTemplate = () =>
  importTemplate({
    sheet: '社工名册',
    spec: ROSTER_SPEC,
    example: [
      '张三',
      '41092819950312122X',
      '13812345678',
      '本科',
      '社会工作',
      '是',
      '助理社会工作师',
      'A2020001',
      '是',
      '2026-03-01',
      '驻站社工',
      '柳屯镇社会工作服务站',
    ],
  });

/** A row's read cells as the create schema's input (labels turned into codes). */
function rowInput(v: Record<string, CellValue>): Record<string, unknown> {
  const label = (c: string) => (typeof v[c] === 'string' ? v[c] : '');
  return {
    name: v['姓名'] ?? '',
    idNumber: v['身份证号'] ?? '',
    phone: v['联系电话'] ?? '',
    education: EDUCATION.get(label('学历')) ?? label('学历'),
    major: v['专业'] ?? '',
    socialWorkMajor: v['社会工作专业毕业'] ?? false,
    certificateLevel: label('证书等级') ? (CERTIFICATE.get(label('证书等级')) ?? label('证书等级')) : null,
    certificateNumber: v['证书编号'] ?? '',
    localHukou: v['本地户籍'] ?? false,
    hireDate: v['聘用日期'] ?? '',
    role: ROLE.get(label('岗位')) ?? label('岗位'),
  };
}

/**
 * Roster import (R-STAFF-1, R-STAFF-2, R-STAFF-6): every row is parsed by the create schema and checked by the create
 * path's rule function (`hiringProblems`: ID check, one roster city-wide, hiring rules with recorded exceptions), the
 * station by the assignment's rule (one the organisation's live contract covers); only the file's own checks (text,
 * number-formatted IDs, repeated rows: the platform's `importChecks`, by ROSTER_SPEC) live here. Who may import, the organisation and the division
 * path the workers are recorded at come from the single create's `employer`. When no row has a problem, every row is written through the same
 * `hire` (and `place`) the single create and assignment use, in one transaction, 500 rows a statement. The dry run
 * and the commit run the same checks.
 */
export function createRosterImport(d: { db: Db; clock: Clock; contracts: ContractLookup; workers: WorkerService }) {
  const run: ImportRun<[]> = async (ctx, upload, dryRun) => {
    // Who may hire and where the workers are recorded: the single create's own answer.
    const employer = await d.workers.employer(ctx, '只有承接机构可以导入本机构的社工名册');
    const orgId = employer.organisationId;
    const today = d.clock.today();
    const checks = await readImport(ROSTER_SPEC, upload);
    const sheet = checks.rows();
    const ids = sheet.map((r) => String(r.values['身份证号'] ?? ''));
    const [held, covered, exceptions] = await Promise.all([
      repo.holdersOf(d.db, ids),
      d.contracts.coveredStationSummaries(orgId),
      repo.hiringExceptionsOf(d.db, orgId),
    ]);
    // 城关镇 exists in five counties: a name two covered stations share places nobody (it is refused below).
    const stationsNamed = new Map<string, typeof covered>();
    for (const s of covered) stationsNamed.set(s.name, [...(stationsNamed.get(s.name) ?? []), s]);
    const exceptionOf = new Map(exceptions.map((e) => [e.idNumber, exceptionNote(e)]));
    const rows: { hire: Hire; station: { id: string; divisionPath: string } | undefined }[] = [];

    function checkRow(r: RowCheck) {
      const { issue, repeated, clean, values } = r;
      // The file's own checks (cell forms, an ID stored as a number) were made by `checks`; the same person twice:
      const idNumber = String(values['身份证号'] ?? '');
      const repeat = idNumber ? repeated(idNumber) : undefined;
      if (!held.has(idNumber) && repeat) issue('身份证号', '唯一', repeat);
      // The single create's schema and rules (cells whose form was refused are not reported twice).
      const input = rowInput(values);
      const parsed = createWorkerSchema.safeParse(input);
      if (!parsed.success)
        for (const i of parsed.error.issues) {
          const column = COLUMN_OF[String(i.path[0])] ?? '—';
          if (!r.failed(column)) issue(column, i.code === 'invalid_value' ? '取值' : '格式', i.message);
        }
      // Hiring facts readable on their own are checked even when another cell is wrong, so one pass says everything.
      const facts = createWorkerSchema
        .pick({ education: true, hireDate: true })
        .safeParse({ education: input.education, hireDate: input.hireDate });
      const k = { today, organisationId: orgId, heldBy: held.get(idNumber), excepted: exceptionOf.has(idNumber) };
      const person = { idNumber, ...(facts.success ? facts.data : {}) };
      // An ID refused by its form (a number cell, empty) is not checked again by its digits.
      for (const p of hiringProblems(person, k))
        if (!r.failed(COLUMN_OF[p.field])) issue(COLUMN_OF[p.field], p.rule, p.message);
      const stationName = r.text('派驻社工站');
      const named = stationName ? (stationsNamed.get(stationName) ?? []) : [];
      const station = named.length === 1 ? named[0] : undefined;
      if (stationName && !named.length)
        issue('派驻社工站', '合同范围', `“${stationName}”不是本机构有效合同覆盖的社工站`);
      if (named.length > 1)
        issue(
          '派驻社工站',
          '唯一',
          `本机构的合同覆盖 ${named.length} 个名为“${stationName}”的社工站：请清空此格，导入后在社工页面选择派驻的社工站`,
        );
      if (!parsed.success || !clean()) return;
      rows.push({ hire: { input: parsed.data, ...employer, exception: exceptionOf.get(idNumber) ?? null }, station });
    }
    for (const r of sheet) checkRow(r);

    const result = await checks.answer(dryRun, () =>
      d.db.transaction(async (tx) => {
        const created = await d.workers.hire(
          tx,
          ctx,
          rows.map((r) => r.hire),
        );
        // RETURNING does not promise the VALUES order: each worker finds its station by its citizen ID.
        const stationOf = new Map(rows.map((r) => [r.hire.input.idNumber, r.station]));
        const placements = created.flatMap((w) => {
          const station = stationOf.get(w.idNumber);
          return station ? [{ worker: w, station, startOn: w.hireDate }] : [];
        });
        await d.workers.place(tx, ctx, placements);
      }),
    );
    return { checks, result };
  };
  const endpoints = importEndpoints(run);
  return { template: rosterTemplate, importRoster: endpoints.run, rosterProblems: endpoints.problems };
}
export type RosterImport = ReturnType<typeof createRosterImport>;
