import { and, eq, isNull } from 'drizzle-orm';
import {
  CERTIFICATE_LABELS, EDUCATION_LABELS, WORKER_ROLE_LABELS, checkCitizenId, hiringBreaches, maskCitizenId,
  type CertificateLevel, type EducationLevel, type ImportIssue, type ImportResult, type WorkerRole,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import { can, type Actor } from '../../platform/auth/actor';
import { writeAudit, type RequestContext } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { readSheet, templateWorkbook } from '../../platform/http/xlsx-import';
import { contracts, contractStations } from '../contracts';
import { liveContract } from '../contracts/station-contracts';
import { stations } from '../stations';
import { hiringExceptions, workerAssignments, workers } from './workers.table';

export const ROSTER_COLUMNS = ['姓名', '身份证号', '联系电话', '学历', '专业', '社会工作专业毕业', '证书等级', '证书编号', '本地户籍', '聘用日期', '岗位', '派驻社工站'];
const invert = <K extends string>(labels: Record<K, string>) => new Map(Object.entries(labels).map(([k, v]) => [v as string, k as K]));
const EDUCATION = invert(EDUCATION_LABELS);
const CERTIFICATE = invert(CERTIFICATE_LABELS);
const ROLE = invert(WORKER_ROLE_LABELS);

export const rosterTemplate = () =>
  templateWorkbook('社工名册', ROSTER_COLUMNS, ['示例（导入前删除此行）', '410928199503121220', '13812345678', '本科', '社会工作', '是', '助理社会工作师', 'A2020001', '是', '2026-03-01', '驻站社工', '柳屯镇社会工作服务站'], ['身份证号', '联系电话']);

/**
 * Roster import (R-STAFF-2, R-STAFF-6): every row is checked — ID check digit, duplicates in the file and the roster,
 * labels, dates, hiring rules, the station being one the organisation's live contract covers — and the workers and
 * their assignments are written only when no row has a problem, in one transaction.
 */
export async function importRoster(db: Db, ctx: RequestContext & { actor: Actor }, bytes: Buffer, dryRun: boolean): Promise<ImportResult> {
  if (ctx.actor.scope.kind !== 'organisation' || !can(ctx.actor, 'workers:write')) throw new AppError('FORBIDDEN', '只有承接机构可以导入本机构的社工名册');
  const orgId = ctx.actor.scope.organisationId;
  const sheet = await readSheet(bytes, ROSTER_COLUMNS);
  const [existing, covered, exceptions] = await Promise.all([
    db.select({ idNumber: workers.idNumber }).from(workers).where(and(eq(workers.organisationId, orgId), isNull(workers.archivedAt))),
    db.select({ id: stations.id, name: stations.name, path: stations.divisionPath }).from(contractStations).innerJoin(contracts, eq(contracts.id, contractStations.contractId)).innerJoin(stations, eq(stations.id, contractStations.stationId)).where(and(eq(contracts.organisationId, orgId), liveContract)),
    db.select().from(hiringExceptions).where(eq(hiringExceptions.organisationId, orgId)),
  ]);
  const inRoster = new Set(existing.map((w) => w.idNumber));
  const stationByName = new Map(covered.map((s) => [s.name, s]));
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  const rows: { worker: typeof workers.$inferInsert; stationId: string | null }[] = [];
  const yesNo = (v: string, column: string, row: number) => {
    if (v && v !== '是' && v !== '否') issues.push({ row, column, rule: '是/否', message: '应填“是”或“否”' });
    return v === '是';
  };
  for (const { row, cells } of sheet) {
    const issue = (column: string, rule: string, message: string) => issues.push({ row, column, rule, message });
    const name = cells['姓名'];
    if (name.length < 2) issue('姓名', '必填', '请填写姓名（至少 2 个字）');
    const idNumber = cells['身份证号'].toUpperCase();
    const id = checkCitizenId(idNumber);
    if (!id.ok) issue('身份证号', 'GB 11643', id.message);
    else if (inRoster.has(idNumber)) issue('身份证号', '唯一', '本机构名册中已有该身份证号');
    else if (seen.has(idNumber)) issue('身份证号', '唯一', `与第 ${seen.get(idNumber)} 行重复`);
    seen.set(idNumber, row);
    const education = EDUCATION.get(cells['学历']) as EducationLevel | undefined;
    if (!education) issue('学历', '取值', `应为 ${Object.values(EDUCATION_LABELS).join('、')} 之一`);
    const certificate = cells['证书等级'] ? (CERTIFICATE.get(cells['证书等级']) as CertificateLevel | undefined) : null;
    if (certificate === undefined) issue('证书等级', '取值', `应为空或 ${Object.values(CERTIFICATE_LABELS).join('、')} 之一`);
    const role = ROLE.get(cells['岗位']) as WorkerRole | undefined;
    if (!role) issue('岗位', '取值', '应为“项目主管”或“驻站社工”');
    const hireDate = cells['聘用日期'];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(hireDate)) issue('聘用日期', '日期', '应为 YYYY-MM-DD 格式的日期');
    const phone = cells['联系电话'];
    if (phone && !/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(phone)) issue('联系电话', '格式', '应为手机号或带区号的固定电话');
    const station = cells['派驻社工站'] ? stationByName.get(cells['派驻社工站']) : undefined;
    if (cells['派驻社工站'] && !station) issue('派驻社工站', '合同范围', `“${cells['派驻社工站']}”不是本机构有效合同覆盖的社工站`);
    const socialWorkMajor = yesNo(cells['社会工作专业毕业'], '社会工作专业毕业', row);
    const localHukou = yesNo(cells['本地户籍'], '本地户籍', row);
    let exception: string | null = null;
    if (id.ok && education && /^\d{4}-\d{2}-\d{2}$/.test(hireDate)) {
      const breaches = hiringBreaches({ birthDate: id.birthDate, hireDate, education });
      const ex = exceptions.find((e) => e.idNumber === idNumber);
      if (breaches.length && !ex) issue('聘用日期', 'R-STAFF-2', `${breaches.map((b) => b.message).join('；')}，须由县（区）民政局登记例外`);
      if (ex) exception = `${ex.reason}（${ex.createdByName} 登记）`;
    }
    if (id.ok && education && role) {
      rows.push({
        worker: {
          organisationId: orgId, divisionPath: station?.path ?? ctx.actor.scope.path, name, idNumber, birthDate: id.birthDate, gender: id.gender, phone, education,
          major: cells['专业'], socialWorkMajor, certificateLevel: certificate ?? null, certificateNumber: cells['证书编号'], localHukou, hireDate, role,
          hiringExceptionReason: exception, createdBy: ctx.actor.userId, updatedBy: ctx.actor.userId,
        },
        stationId: station?.id ?? null,
      });
    }
  }
  if (sheet.length === 0) issues.push({ row: 2, column: '—', rule: '非空', message: '表格中没有数据行' });
  const ok = issues.length === 0;
  if (ok && !dryRun) {
    await db.transaction(async (tx) => {
      for (const r of rows) {
        const [w] = await tx.insert(workers).values(r.worker).returning();
        if (r.stationId) await tx.insert(workerAssignments).values({ workerId: w.id, stationId: r.stationId, startOn: w.hireDate, createdBy: ctx.actor.userId });
      }
      await writeAudit(tx, ctx, { action: 'create', entityType: 'worker', divisionPath: ctx.actor.scope.path, summary: `导入社工名册 ${rows.length} 人`, after: { workers: rows.map((r) => `${r.worker.name} ${maskCitizenId(r.worker.idNumber)}`) } });
    });
  }
  return { dryRun, rows: sheet.length, issues, committed: ok && !dryRun };
}
