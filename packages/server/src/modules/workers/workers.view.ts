import {
  ageOn,
  continuingEducation,
  deadlineStatus,
  maskCitizenId,
  maskPhone,
  qualification,
  qualificationDeadline,
  type AttachmentView,
  type CertificateLevel,
  type EducationLevel,
  type Finding,
  type OrganiserLevel,
  type TrainingHours,
  type WorkerView,
} from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { can, type Actor } from '../../platform/auth/actor';
import type { Attachments } from '../../platform/files/attachments';
import type { ContractLookup } from '../contracts';
import type { OrganisationLookup } from '../organisations';
import type { StationLookup } from '../stations';
import { canApproveFiling, seesWorkerPii } from './workers.policy';
import { workersRepository as repo, type AssignmentRow, type WorkerRow } from './workers.repository';

export interface WorkerViewDeps {
  db: DbOrTx;
  attachments: Attachments;
  contracts: ContractLookup;
  stations: StationLookup;
  organisations: OrganisationLookup;
}

/** Everything the views of a set of workers need, fetched once for the set. */
export async function viewContext(d: WorkerViewDeps, rows: WorkerRow[]) {
  const ids = rows.map((w) => w.id);
  const [att, asg, orgNames, files] = await Promise.all([
    repo.trainingHours(d.db, ids),
    repo.assignmentsOf(d.db, ids),
    d.organisations.names(rows.map((w) => w.organisationId)),
    d.attachments.list('worker', ids),
  ]);
  const [stationRows, { standingOf }] = await Promise.all([
    d.stations.summaries([...new Set(asg.map((a) => a.stationId))]),
    firstPlacements(d.contracts, asg),
  ]);
  const stationOf = new Map(stationRows.map((s) => [s.id, s]));
  const hours = hoursByWorker(att);
  const assigned = new Map<string, (AssignmentRow & { stationName: string; countyCode: string })[]>();
  for (const a of asg)
    assigned.set(a.workerId, [
      ...(assigned.get(a.workerId) ?? []),
      {
        ...a,
        stationName: stationOf.get(a.stationId)?.name ?? '',
        countyCode: stationOf.get(a.stationId)?.countyCode ?? '',
      },
    ]);
  return { hours, assigned, orgNames, standingOf, files: files as Map<string, AttachmentView[]> };
}
export type ViewContext = Awaited<ReturnType<typeof viewContext>>;

/** Attendance rows as each worker's training hours (R-STAFF-3: a contractor's record counts once confirmed). */
export function hoursByWorker(
  att: {
    workerId: string;
    hours: string | number;
    organiserLevel: string;
    endedOn: string;
    confirmedAt: Date | null;
  }[],
) {
  const hours = new Map<string, TrainingHours[]>();
  for (const t of att) {
    hours.set(t.workerId, [
      ...(hours.get(t.workerId) ?? []),
      {
        hours: Number(t.hours),
        organiserLevel: t.organiserLevel as OrganiserLevel,
        endedOn: t.endedOn,
        organiserConfirmed: !!t.confirmedAt,
      },
    ]);
  }
  return hours;
}

/**
 * R-STAFF-3/4 in one place: a worker's qualification, and the deadline counted from their first assignment (or the
 * contract's first cycle at that station) with its status today. Views, the deadline filter and the overview use it.
 */
export function standing(
  w: { role: WorkerRow['role']; education: string; socialWorkMajor: boolean; certificateLevel: string | null },
  training: TrainingHours[],
  first: { startOn: string; stationId: string } | undefined,
  starts: ReadonlyMap<string, string>,
  today: string,
) {
  const q = qualification(
    {
      socialWorkMajor: w.socialWorkMajor,
      education: w.education as EducationLevel,
      certificateLevel: w.certificateLevel as CertificateLevel | null,
    },
    training,
    today,
  );
  const deadlineOn = first
    ? qualificationDeadline(w.role, { assignedOn: first.startOn, contractStart: starts.get(first.stationId) ?? null })
    : null;
  const status = deadlineOn ? deadlineStatus(q.qualified, deadlineOn, today) : ('unassigned' as const);
  return { q, deadlineOn, status };
}

/**
 * R-STAFF-4's starting point for a set of workers, in one place: each worker's first assignment (`assignments`
 * ordered by start date) and the contract's first cycle at those stations; `standingOf` is then a worker's `standing`.
 * Views, the deadline filter and the overview use it.
 */
export async function firstPlacements(
  contracts: ContractLookup,
  assignments: readonly { workerId: string; startOn: string; stationId: string }[],
) {
  const first = new Map<string, { startOn: string; stationId: string }>();
  for (const a of assignments) if (!first.has(a.workerId)) first.set(a.workerId, a);
  const starts = await contracts.firstCycleStarts([...new Set([...first.values()].map((a) => a.stationId))]);
  return {
    standingOf: (w: Parameters<typeof standing>[0] & { id: string }, training: TrainingHours[], today: string) =>
      standing(w, training, first.get(w.id), starts, today),
  };
}

/** A worker as the caller may see them: personal data masked unless the role needs it, qualification and deadlines computed. */
export function workerView(w: WorkerRow, actor: Actor, ctx: ViewContext, today: string): WorkerView {
  const clear = seesWorkerPii(actor);
  const training = ctx.hours.get(w.id) ?? [];
  const assignments = ctx.assigned.get(w.id) ?? [];
  const first = assignments[0];
  const { q, deadlineOn, status } = ctx.standingOf(w, training, today);
  const year = Number(today.slice(0, 4));
  const ce = continuingEducation(year, training, today);
  const lastYear = continuingEducation(year - 1, training, today);
  const findings: Finding[] = [];
  if (w.hiringExceptionReason)
    findings.push({
      ruleId: 'R-STAFF-2',
      code: 'R-STAFF-2.hiring-exception',
      severity: 'warning',
      message: `聘用条件例外：${w.hiringExceptionReason}`,
      action: '例外已由民政部门登记',
    });
  if (!w.localHukou)
    findings.push({
      ruleId: 'R-STAFF-2',
      code: 'R-STAFF-2.non-local',
      severity: 'info',
      message: '非本地户籍（本地户籍人员优先）',
      action: '—',
    });
  if (status === 'overdue')
    findings.push({
      ruleId: 'R-STAFF-4',
      code: 'R-STAFF-4.qualification-overdue',
      severity: 'error',
      message: `${w.role === 'project_lead' ? '项目主管须在任职时' : '驻站社工须在项目实施 2 年内'}具备社会工作专业资质，期限 ${deadlineOn} 已过`,
      action: q.explanation,
    });
  if (status === 'at_risk')
    findings.push({
      ruleId: 'R-STAFF-4',
      code: 'R-STAFF-4.qualification-due',
      severity: 'warning',
      message: `须在 ${deadlineOn} 前具备社会工作专业资质`,
      action: q.explanation,
    });
  if (first && lastYear.finding && lastYear.finding.severity === 'error' && w.hireDate < `${year}-01-01`)
    findings.push(lastYear.finding);
  if (!w.labourContractStart)
    findings.push({
      ruleId: 'R-STAFF-6',
      code: 'R-STAFF-6.no-labour-contract',
      severity: 'warning',
      message: '未登记劳动合同',
      action: '签订劳动合同并登记起止日期',
    });
  if (!w.archiveKept)
    findings.push({
      ruleId: 'R-STAFF-6',
      code: 'R-STAFF-6.no-personnel-file',
      severity: 'warning',
      message: '未建立人事档案',
      action: '建立并妥善保管人事档案',
    });
  if (w.filingStatus !== 'filed')
    findings.push({
      ruleId: 'R-STAFF-6',
      code: 'R-STAFF-6.not-filed',
      severity: 'warning',
      message: '尚未报县（区）民政局备案',
      action: '提交备案',
    });
  const mine = actor.scope.kind === 'organisation' && actor.scope.organisationId === w.organisationId;
  return {
    id: w.id,
    organisationId: w.organisationId,
    organisationName: ctx.orgNames.get(w.organisationId) ?? '',
    name: w.name,
    idNumber: clear ? w.idNumber : maskCitizenId(w.idNumber),
    phone: clear || !w.phone ? w.phone : maskPhone(w.phone),
    masked: !clear,
    birthDate: clear ? w.birthDate : null,
    gender: w.gender,
    age: ageOn(w.birthDate, today),
    education: w.education as EducationLevel,
    major: w.major,
    socialWorkMajor: w.socialWorkMajor,
    certificateLevel: w.certificateLevel as CertificateLevel | null,
    certificateNumber: w.certificateNumber,
    certificateDate: w.certificateDate,
    localHukou: w.localHukou,
    hireDate: w.hireDate,
    role: w.role,
    labourContractStart: w.labourContractStart,
    labourContractEnd: w.labourContractEnd,
    archiveKept: w.archiveKept,
    hiringExceptionReason: w.hiringExceptionReason,
    qualification: q,
    deadline: { on: deadlineOn, status },
    continuingEducation: { year, hours: ce.hours },
    assignments: assignments.map((a) => ({
      id: a.id,
      stationId: a.stationId,
      stationName: a.stationName,
      countyCode: a.countyCode,
      startOn: a.startOn,
      endOn: a.endOn,
    })),
    filingStatus: w.filingStatus,
    filingComment: w.filingComment,
    files: ctx.files.get(w.id) ?? [],
    findings,
    version: w.version,
    abilities: {
      update: mine && can(actor, 'workers:write'),
      submit: mine && can(actor, 'workers:write') && (w.filingStatus === 'draft' || w.filingStatus === 'returned'),
      approve: canApproveFiling(actor, w),
      unmask: !clear && can(actor, 'workers:unmask'),
    },
  };
}
