import type { Finding } from './finding';
import { addDays, daysBetween } from './contract-rules';
import { ageOn } from '../ids/citizen-id';
import {
  AT_RISK_DAYS,
  CERTIFICATE_LABELS,
  CONTINUING_EDUCATION_HOURS,
  MAX_HIRING_AGE,
  QUALIFICATION_HOURS,
  QUALIFYING_ORGANISERS,
  RESIDENT_QUALIFY_YEARS,
  type CertificateLevel,
  type EducationLevel,
  type OrganiserLevel,
  type WorkerRole,
} from '../staff/staff.schemas';

const BELOW_JUNIOR_COLLEGE: EducationLevel[] = ['high_school_or_below', 'secondary_vocational'];

/** R-STAFF-2: at hiring, at most 45 years old and 大专 or higher. Returns the breaches. */
export function hiringBreaches(w: { birthDate: string; hireDate: string; education: EducationLevel }): Finding[] {
  const out: Finding[] = [];
  const age = ageOn(w.birthDate, w.hireDate);
  if (age > MAX_HIRING_AGE)
    out.push({
      ruleId: 'R-STAFF-2',
      code: 'R-STAFF-2.over-age',
      severity: 'error',
      message: `聘用时 ${age} 周岁，超过 ${MAX_HIRING_AGE} 周岁`,
      action: '不予聘用，或由民政部门登记例外及理由',
    });
  if (BELOW_JUNIOR_COLLEGE.includes(w.education))
    out.push({
      ruleId: 'R-STAFF-2',
      code: 'R-STAFF-2.low-degree',
      severity: 'error',
      message: '学历低于大专',
      action: '不予聘用，或由民政部门登记例外及理由',
    });
  return out;
}

export interface TrainingHours {
  hours: number;
  organiserLevel: OrganiserLevel;
  endedOn: string;
  /** R-STAFF-3: a contractor's own record counts toward qualification only once a county officer confirms the organiser. */
  organiserConfirmed: boolean;
}

export type QualificationPath = 'degree' | 'certificate' | 'training';
export interface Qualification {
  qualified: boolean;
  path: QualificationPath | null;
  /** Hours of qualifying training so far, and how many are still missing (0 when qualified by hours). */
  trainingHours: number;
  hoursMissing: number;
  explanation: string;
}

/**
 * R-STAFF-3, computed and never typed: a social work graduate, OR a national certificate, OR at least 60 accumulated
 * hours of professional training organised by county-or-higher civil affairs, an incubation base or an industry body.
 */
export function qualification(
  w: { socialWorkMajor: boolean; education: EducationLevel; certificateLevel: CertificateLevel | null },
  trainings: TrainingHours[],
  on: string,
): Qualification {
  const hours = trainings
    .filter((t) => t.organiserConfirmed && QUALIFYING_ORGANISERS.includes(t.organiserLevel) && t.endedOn <= on)
    .reduce((s, t) => s + t.hours, 0);
  const missing = Math.max(0, QUALIFICATION_HOURS - hours);
  if (w.socialWorkMajor && !BELOW_JUNIOR_COLLEGE.includes(w.education))
    return { qualified: true, path: 'degree', trainingHours: hours, hoursMissing: 0, explanation: '社会工作专业毕业' };
  if (w.certificateLevel)
    return {
      qualified: true,
      path: 'certificate',
      trainingHours: hours,
      hoursMissing: 0,
      explanation: `持有${CERTIFICATE_LABELS[w.certificateLevel]}证书`,
    };
  if (missing === 0)
    return {
      qualified: true,
      path: 'training',
      trainingHours: hours,
      hoursMissing: 0,
      explanation: `累计接受社会工作专业培训 ${hours} 学时（≥ ${QUALIFICATION_HOURS}）`,
    };
  return {
    qualified: false,
    path: null,
    trainingHours: hours,
    hoursMissing: missing,
    explanation: `尚不具备社会工作专业资质：专业培训累计 ${hours} 学时，还差 ${missing} 学时`,
  };
}

/**
 * R-STAFF-4: a project lead must be qualified when assigned; a resident worker within 2 years of the contract's start.
 * Returns the deadline and whether the worker is late or at risk (not qualified, deadline within 90 days).
 */
export function qualificationDeadline(
  role: WorkerRole,
  opts: { assignedOn: string; contractStart: string | null },
): string {
  if (role === 'project_lead') return opts.assignedOn;
  const start = opts.contractStart ?? opts.assignedOn;
  const [y, m, d] = start.split('-');
  return addDays(`${String(Number(y) + RESIDENT_QUALIFY_YEARS).padStart(4, '0')}-${m}-${d}`, -1);
}

export type DeadlineStatus = 'qualified' | 'ok' | 'at_risk' | 'overdue';
export function deadlineStatus(qualified: boolean, deadline: string, today: string): DeadlineStatus {
  if (qualified) return 'qualified';
  const left = daysBetween(today, deadline);
  if (left < 0) return 'overdue';
  return left <= AT_RISK_DAYS ? 'at_risk' : 'ok';
}

/** R-STAFF-5: continuing education per calendar year; a finding once the year is over, progress during it. */
export function continuingEducation(
  year: number,
  trainings: TrainingHours[],
  today: string,
): { hours: number; finding: Finding | null } {
  const hours = trainings.filter((t) => t.endedOn.startsWith(String(year))).reduce((s, t) => s + t.hours, 0);
  if (hours >= CONTINUING_EDUCATION_HOURS) return { hours, finding: null };
  const over = today > `${year}-12-31`;
  return {
    hours,
    finding: {
      ruleId: 'R-STAFF-5',
      code: 'R-STAFF-5.training-hours',
      severity: over ? 'error' : 'info',
      message: over
        ? `${year} 年继续教育 ${hours} 学时，不足 ${CONTINUING_EDUCATION_HOURS} 学时`
        : `${year} 年继续教育已完成 ${hours} 学时，还需 ${CONTINUING_EDUCATION_HOURS - hours} 学时`,
      action: '安排参加督导培训、实务培训或政策法规培训',
    },
  };
}

/** R-STAFF-1: at least two resident workers assigned to a station today. */
export function staffingFinding(residentWorkersToday: number): Finding | null {
  return residentWorkersToday >= 2
    ? null
    : {
        ruleId: 'R-STAFF-1',
        code: 'R-STAFF-1.too-few-residents',
        severity: 'error',
        message: `驻站社工 ${residentWorkersToday} 名，少于 2 名`,
        action: '承接机构及时足额配备驻站社工',
      };
}

/** R-STAFF-6: months (YYYY-MM) in a range that have no complete pay record. */
export function missingMonths(from: string, to: string, paid: Set<string>): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (!paid.has(key)) out.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
