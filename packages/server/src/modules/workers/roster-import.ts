import {
  CERTIFICATE_LABELS,
  EDUCATION_LABELS,
  WORKER_ROLE_LABELS,
  checkCitizenId,
  createWorkerSchema,
  hiringBreaches,
  maskCitizenId,
  textProblem,
  type CreateWorkerInput,
  type ImportIssue,
  type ImportResult,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import { can, type Actor } from '../../platform/auth/actor';
import { writeAudit, type RequestContext } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/http/errors';
import { readSheet, templateWorkbook, type SheetRow } from '../../platform/http/xlsx-import';
import type { ContractLookup } from '../contracts';
import { workersRepository as repo } from './workers.repository';
import { workerAssignments, workers } from './workers.table';

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

/** What to tell an office whose ID column holds numbers: the digits are already lost, so only retyping helps. */
export const NUMBER_ID_MESSAGE =
  '该单元格是数字格式，Excel 已把 18 位身份证号存成数字并丢失了末几位：请把该列设为“文本”格式后重新录入身份证号';

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
  const yesNo = (v: string) => (v === '是' ? true : v === '否' || v === '' ? false : v);
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
 * Roster import (R-STAFF-1, R-STAFF-2, R-STAFF-6): every row goes through the create schema and the create path's
 * rules — ID check, one roster city-wide, hiring rules, the station being one the organisation's live contract covers —
 * and the workers and their assignments are written only when no row has a problem, in one transaction. The dry run
 * and the commit run the same code; the commit only adds the writes.
 */
export async function importRoster(
  d: { db: Db; clock: Clock; contracts: ContractLookup },
  ctx: RequestContext & { actor: Actor },
  bytes: Buffer,
  dryRun: boolean,
): Promise<ImportResult> {
  if (ctx.actor.scope.kind !== 'organisation' || !can(ctx.actor, 'workers:write'))
    throw new AppError('FORBIDDEN', '只有承接机构可以导入本机构的社工名册');
  const orgId = ctx.actor.scope.organisationId;
  const today = d.clock.today();
  const sheet = await readSheet(bytes, ROSTER_COLUMNS);
  const ids = sheet.map((r) => r.cells['身份证号'].toUpperCase());
  const [held, covered, exceptions] = await Promise.all([
    repo.heldIds(d.db, ids),
    d.contracts.coveredStationSummaries(orgId),
    repo.hiringExceptionsOf(d.db, orgId),
  ]);
  const stationByName = new Map(covered.map((s) => [s.name, s]));
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  const rows: { worker: typeof workers.$inferInsert; station: { id: string; divisionPath: string } | null }[] = [];
  for (const r of sheet) {
    const worker = checkRow(r);
    if (worker) rows.push(worker);
  }

  function checkRow({ row, cells, kinds }: SheetRow) {
    const before = issues.length;
    const issue = (column: string, rule: string, message: string) => issues.push({ row, column, rule, message });
    for (const c of ROSTER_COLUMNS) {
      const problem = textProblem(cells[c]);
      if (problem) issue(c, '文字', problem);
    }
    if (kinds['身份证号'] === 'number') issue('身份证号', '文本格式', NUMBER_ID_MESSAGE);
    const parsed = createWorkerSchema.safeParse(rowInput(cells));
    if (!parsed.success)
      for (const i of parsed.error.issues)
        issue(COLUMN_OF[String(i.path[0])] ?? '—', i.code === 'invalid_value' ? '取值' : '格式', i.message);
    const idNumber = cells['身份证号'].toUpperCase();
    const id = checkCitizenId(idNumber, today);
    if (kinds['身份证号'] !== 'number' && /^\d{17}[\dX]$/.test(idNumber) && !id.ok)
      issue('身份证号', 'GB 11643', id.message);
    if (held.has(idNumber))
      issue(
        '身份证号',
        'R-STAFF-1',
        held.get(idNumber) === orgId
          ? '本机构名册中已有该身份证号'
          : '该身份证号已在其他承接机构的名册中（一人同一时间只能在一家承接机构的名册中）',
      );
    else if (seen.has(idNumber)) issue('身份证号', '唯一', `与第 ${seen.get(idNumber)} 行重复`);
    seen.set(idNumber, row);
    const station = cells['派驻社工站'] ? stationByName.get(cells['派驻社工站']) : undefined;
    if (cells['派驻社工站'] && !station)
      issue('派驻社工站', '合同范围', `“${cells['派驻社工站']}”不是本机构有效合同覆盖的社工站`);
    // The hiring rules are checked whenever their facts are readable, so one pass reports every problem of the row.
    const input0 = rowInput(cells);
    const facts = createWorkerSchema
      .pick({ education: true, hireDate: true })
      .safeParse({ education: input0.education, hireDate: input0.hireDate });
    const ex = exceptions.find((e) => e.idNumber === idNumber);
    if (id.ok && facts.success && facts.data.hireDate < id.birthDate)
      issue('聘用日期', '日期', `不能早于出生日期 ${id.birthDate}`);
    if (id.ok && facts.success) {
      const breaches = hiringBreaches({
        birthDate: id.birthDate,
        hireDate: facts.data.hireDate,
        education: facts.data.education,
      });
      if (breaches.length && !ex)
        issue('聘用日期', 'R-STAFF-2', `${breaches.map((b) => b.message).join('；')}，须由县（区）民政局登记例外`);
    }
    if (!parsed.success || !id.ok || issues.length > before) return null;
    const input = parsed.data;
    const now = d.clock.now();
    return {
      worker: {
        ...input,
        organisationId: orgId,
        divisionPath: ctx.actor.scope.path,
        birthDate: id.birthDate,
        gender: id.gender,
        hiringExceptionReason: ex ? `${ex.reason}（${ex.createdByName} 登记）` : null,
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      },
      station: station ? { id: station.id, divisionPath: station.divisionPath } : null,
    };
  }

  if (sheet.length === 0) issues.push({ row: 2, column: '—', rule: '非空', message: '表格中没有数据行' });
  const ok = issues.length === 0;
  if (ok && !dryRun) {
    await d.db.transaction(async (tx) => {
      // Multi-row statements in chunks: a 5,000-row file holds the (single, on PGlite) connection for a moment, not seconds.
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const inserted = await tx
          .insert(workers)
          .values(chunk.map((r) => r.worker))
          .returning({ id: workers.id, idNumber: workers.idNumber, hireDate: workers.hireDate });
        const byId = new Map(inserted.map((w) => [w.idNumber, w]));
        const assignments = chunk
          .filter((r) => r.station)
          .map((r) => {
            const w = byId.get(r.worker.idNumber)!;
            return {
              workerId: w.id,
              stationId: r.station!.id,
              divisionPath: r.station!.divisionPath,
              startOn: w.hireDate,
              createdBy: ctx.actor.userId,
            };
          });
        if (assignments.length) await tx.insert(workerAssignments).values(assignments);
      }
      await writeAudit(tx, ctx, {
        action: 'create',
        entityType: 'worker',
        divisionPath: ctx.actor.scope.path,
        summary: `导入社工名册 ${rows.length} 人`,
        after: { workers: rows.map((r) => `${r.worker.name} ${maskCitizenId(r.worker.idNumber)}`) },
      });
    });
  }
  return { dryRun, rows: sheet.length, issues, committed: ok && !dryRun };
}
