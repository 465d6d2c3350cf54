import {
  CERTIFICATE_LABELS,
  EDUCATION_LABELS,
  WORKER_ROLE_LABELS,
  createWorkerSchema,
  type CreateWorkerInput,
  type ImportResult,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import { readSheet, templateWorkbook, type SheetRow } from '../../platform/http/xlsx-import';
import type { ContractLookup } from '../contracts';
import { importChecks, yesNo } from './import-rows';
import { exceptionNote, hiringProblems, type Hire } from './workers.hiring';
import { workersRepository as repo } from './workers.repository';
import type { WorkerService } from './workers.service';
import type { ActorContext } from '../../platform/http/context';

export const ROSTER_COLUMNS = [
  '姓名',
  '身份证号',
  '联系电话',
  '学历',
  '专业',
  '社会工作专业毕业',
  '证书等级',
  '证书编号',
  '本地户籍',
  '聘用日期',
  '岗位',
  '派驻社工站',
];
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

export const rosterTemplate = () =>
  templateWorkbook(
    '社工名册',
    ROSTER_COLUMNS,
    [
      '示例（导入前删除此行）',
      '410928199503121220',
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
    ['身份证号', '联系电话'],
  );

/** A row's cells as the create schema's input (labels turned into codes; unknown labels left for the schema to refuse). */
function rowInput(cells: Record<string, string>): Record<string, unknown> {
  return {
    name: cells['姓名'],
    idNumber: cells['身份证号'],
    phone: cells['联系电话'],
    education: EDUCATION.get(cells['学历']) ?? cells['学历'],
    major: cells['专业'],
    socialWorkMajor: yesNo(cells['社会工作专业毕业']),
    certificateLevel: cells['证书等级'] ? (CERTIFICATE.get(cells['证书等级']) ?? cells['证书等级']) : null,
    certificateNumber: cells['证书编号'],
    localHukou: yesNo(cells['本地户籍']),
    hireDate: cells['聘用日期'],
    role: ROLE.get(cells['岗位']) ?? cells['岗位'],
  };
}

/**
 * Roster import (R-STAFF-1, R-STAFF-2, R-STAFF-6): every row is parsed by the create schema and checked by the create
 * path's rule function (`hiringProblems`: ID check, one roster city-wide, hiring rules with recorded exceptions), the
 * station by the assignment's rule (one the organisation's live contract covers); only the file's own checks (text,
 * number-formatted IDs, repeated rows: `importChecks`) live here. Who may import, the organisation and the division
 * path the workers are recorded at come from the single create's `employer`. When no row has a problem, every row is written through the same
 * `hire` (and `place`) the single create and assignment use, in one transaction, 500 rows a statement. The dry run
 * and the commit run the same checks.
 */
export function createRosterImport(d: { db: Db; clock: Clock; contracts: ContractLookup; workers: WorkerService }) {
  return {
    template: rosterTemplate,
    async importRoster(ctx: ActorContext, bytes: Buffer, dryRun: boolean): Promise<ImportResult> {
      // Who may hire and where the workers are recorded: the single create's own answer.
      const employer = await d.workers.employer(ctx, '只有承接机构可以导入本机构的社工名册');
      const orgId = employer.organisationId;
      const today = d.clock.today();
      const sheet = await readSheet(bytes, ROSTER_COLUMNS);
      const ids = sheet.map((r) => r.cells['身份证号'].toUpperCase());
      const [held, covered, exceptions] = await Promise.all([
        repo.holdersOf(d.db, ids),
        d.contracts.coveredStationSummaries(orgId),
        repo.hiringExceptionsOf(d.db, orgId),
      ]);
      const stationByName = new Map(covered.map((s) => [s.name, s]));
      const exceptionOf = new Map(exceptions.map((e) => [e.idNumber, exceptionNote(e)]));
      const checks = importChecks(ROSTER_COLUMNS);
      const rows: { hire: Hire; station: { id: string; divisionPath: string } | undefined }[] = [];

      function checkRow(r: SheetRow) {
        const { cells } = r;
        // The file's own checks: characters, an ID stored as a number, the same person twice in the file.
        const { issue, numberId: idAsNumber, repeated, clean } = checks.row(r);
        const numberId = idAsNumber('身份证号');
        const idNumber = cells['身份证号'].toUpperCase();
        const repeat = repeated(idNumber);
        if (!held.has(idNumber) && repeat) issue('身份证号', '唯一', repeat);
        // The single create's schema and rules.
        const input = rowInput(cells);
        const parsed = createWorkerSchema.safeParse(input);
        if (!parsed.success)
          for (const i of parsed.error.issues)
            issue(COLUMN_OF[String(i.path[0])] ?? '—', i.code === 'invalid_value' ? '取值' : '格式', i.message);
        // Hiring facts readable on their own are checked even when another cell is wrong, so one pass says everything.
        const facts = createWorkerSchema
          .pick({ education: true, hireDate: true })
          .safeParse({ education: input.education, hireDate: input.hireDate });
        const k = { today, organisationId: orgId, heldBy: held.get(idNumber), excepted: exceptionOf.has(idNumber) };
        const person = { idNumber, ...(facts.success ? facts.data : {}) };
        for (const p of hiringProblems(numberId ? { idNumber } : person, k))
          if (!(numberId && p.rule === 'GB 11643')) issue(COLUMN_OF[p.field], p.rule, p.message);
        const station = cells['派驻社工站'] ? stationByName.get(cells['派驻社工站']) : undefined;
        if (cells['派驻社工站'] && !station)
          issue('派驻社工站', '合同范围', `“${cells['派驻社工站']}”不是本机构有效合同覆盖的社工站`);
        if (!parsed.success || !clean()) return;
        rows.push({ hire: { input: parsed.data, ...employer, exception: exceptionOf.get(idNumber) ?? null }, station });
      }
      for (const r of sheet) checkRow(r);

      return checks.answer(sheet.length, dryRun, () =>
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
    },
  };
}
export type RosterImport = ReturnType<typeof createRosterImport>;
