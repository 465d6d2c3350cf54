import { z } from 'zod';
import { attachmentViewSchema, pageQuery } from '../common';
import { divisionCodeSchema } from '../divisions/divisions.schemas';
import { findingSchema } from '../policy/finding';
import {
  CERTIFICATE_LEVELS,
  EDUCATION_LEVELS,
  FILING_STATUSES,
  INSURANCE_ITEMS,
  ORGANISER_LEVELS,
  WORKER_ROLES,
  type InsuranceItem,
} from './staff.schemas';

// The answers of the workers, trainings and payroll routes: the server declares them as response schemas (so the
// OpenAPI document shows them and no column leaks), the web takes its types from them.

export const DEADLINE_STATUSES = ['qualified', 'ok', 'at_risk', 'overdue', 'unassigned'] as const;

/** `GET /workers`: one page of the roster, filtered. */
export const workerQuerySchema = z.strictObject({
  ...pageQuery,
  stationId: z.uuid('社工站编号格式不正确').optional(),
  role: z.enum(WORKER_ROLES).optional(),
  filingStatus: z.enum(FILING_STATUSES).optional(),
  deadline: z.enum(DEADLINE_STATUSES).optional(),
});
export type WorkerQuery = z.infer<typeof workerQuerySchema>;

/**
 * `GET /workers/options`: the worker picker's search (training attendees). Scoped exactly like the roster, searched
 * by name on the server, at most 50 answers: enough to choose from while typing, never a whole roster.
 */
export const workerOptionQuerySchema = z.strictObject({
  q: z.string().trim().max(50, '搜索内容不能超过 50 个字').optional(),
  organisationId: z.uuid('承接机构编号格式不正确').optional(),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type WorkerOptionQuery = z.infer<typeof workerOptionQuerySchema>;

/** A worker as a picker shows them: the name and where they work, no personal data (no ID number, no phone). */
export const workerOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  organisationName: z.string(),
  stationNames: z.array(z.string()),
});
export type WorkerOption = z.infer<typeof workerOptionSchema>;

/**
 * `GET /trainings`: one page of the sessions the caller may read, optionally those one worker attended, or
 * (`pendingConfirm=true`) those whose organiser the caller may still confirm (R-STAFF-3), so `total` is their number.
 */
export const trainingQuerySchema = z.strictObject({
  ...pageQuery,
  workerId: z.uuid('社工编号格式不正确').optional(),
  pendingConfirm: z.enum(['true', 'false']).optional(),
});
export type TrainingQuery = z.infer<typeof trainingQuerySchema>;

export const assignmentViewSchema = z.object({
  id: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  /** The station's county-level unit: 城关镇 exists in five counties, so city-level pages show it beside the name. */
  countyCode: z.string(),
  startOn: z.string(),
  endOn: z.string().nullable(),
});
export type AssignmentView = z.infer<typeof assignmentViewSchema>;

export const workerViewSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  name: z.string(),
  /** Masked (`410928********123X`) unless the caller may see it. */
  idNumber: z.string(),
  phone: z.string(),
  masked: z.boolean(),
  birthDate: z.string().nullable(),
  gender: z.enum(['male', 'female']),
  age: z.number(),
  education: z.enum(EDUCATION_LEVELS),
  major: z.string(),
  socialWorkMajor: z.boolean(),
  certificateLevel: z.enum(CERTIFICATE_LEVELS).nullable(),
  certificateNumber: z.string(),
  certificateDate: z.string().nullable(),
  localHukou: z.boolean(),
  hireDate: z.string(),
  role: z.enum(WORKER_ROLES),
  labourContractStart: z.string().nullable(),
  labourContractEnd: z.string().nullable(),
  archiveKept: z.boolean(),
  hiringExceptionReason: z.string().nullable(),
  qualification: z.object({
    qualified: z.boolean(),
    path: z.enum(['degree', 'certificate', 'training']).nullable(),
    trainingHours: z.number(),
    hoursMissing: z.number(),
    explanation: z.string(),
  }),
  deadline: z.object({ on: z.string().nullable(), status: z.enum(DEADLINE_STATUSES) }),
  continuingEducation: z.object({ year: z.number(), hours: z.number() }),
  assignments: z.array(assignmentViewSchema),
  filingStatus: z.enum(FILING_STATUSES),
  filingComment: z.string(),
  /** Labour contract and personnel documents (R-STAFF-6). */
  files: z.array(attachmentViewSchema),
  findings: z.array(findingSchema),
  version: z.number(),
  abilities: z.object({ update: z.boolean(), submit: z.boolean(), approve: z.boolean(), unmask: z.boolean() }),
});
export type WorkerView = z.infer<typeof workerViewSchema>;

/** What an officer who stated a reason sees in clear (R-SCOPE-2). */
export const unmaskedSchema = z.object({ idNumber: z.string(), phone: z.string() });
export const workerAccountViewSchema = z.object({ username: z.string() });
export const hiringExceptionViewSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  /** Masked. */
  idNumber: z.string(),
  reason: z.string(),
});

export const trainingViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  organiser: z.string(),
  organiserLevel: z.enum(ORGANISER_LEVELS),
  startOn: z.string(),
  endOn: z.string(),
  hours: z.number(),
  qualifying: z.boolean(),
  /** R-STAFF-3: confirmed by a civil affairs officer (officers' own records are confirmed when recorded). */
  organiserConfirmed: z.boolean(),
  organiserConfirmedBy: z.string().nullable(),
  attendees: z.array(z.object({ workerId: z.string(), name: z.string(), hours: z.number() })),
  files: z.array(attachmentViewSchema),
  abilities: z.object({ confirm: z.boolean() }),
});
export type TrainingView = z.infer<typeof trainingViewSchema>;

export const payrollRowViewSchema = z.object({
  workerId: z.string(),
  name: z.string(),
  idNumber: z.string(),
  stationNames: z.string(),
  /** The employing organisation and its county-level unit (the city's and counties' views list several). */
  organisationName: z.string(),
  countyName: z.string(),
  salaryFen: z.number().nullable(),
  paidOn: z.string().nullable(),
  insuranceBaseFen: z.number().nullable(),
  employerShareFen: z.number().nullable(),
  employeeShareFen: z.number().nullable(),
  insurance: z.object(
    Object.fromEntries(Object.keys(INSURANCE_ITEMS).map((k) => [k, z.boolean()])) as Record<
      InsuranceItem,
      z.ZodBoolean
    >,
  ),
  /** What this month lacks: 工资, the insurance items not paid, and the base and shares when any item is paid. */
  missing: z.array(z.string()),
  /** Earlier months since hiring (up to the last 12) without a complete record. */
  gaps: z.array(z.string()),
});
export type PayrollRowView = z.infer<typeof payrollRowViewSchema>;

/** `GET /payroll/:month` and its export: the city and counties narrow the month by unit and organisation. */
export const payrollQuerySchema = z.strictObject({
  county: divisionCodeSchema.optional(),
  organisationId: z.uuid('承接机构编号格式不正确').optional(),
});
export type PayrollQuery = z.infer<typeof payrollQuerySchema>;

/** The month's totals over the rows shown (amounts in fen). */
export const payrollTotalsSchema = z.object({
  workers: z.number(),
  /** Workers whose salary and paid date are entered. */
  paid: z.number(),
  salaryFen: z.number(),
  insuranceBaseFen: z.number(),
  employerShareFen: z.number(),
  employeeShareFen: z.number(),
  /** Workers whose month lacks anything. */
  missing: z.number(),
});
export type PayrollTotals = z.infer<typeof payrollTotalsSchema>;

/** A month's grid: every row (bounded by the roster, no paging) and the totals. */
export const payrollGridSchema = z.object({ items: z.array(payrollRowViewSchema), totals: payrollTotalsSchema });
export type PayrollGrid = z.infer<typeof payrollGridSchema>;

/** Staffing and qualification per county-level unit (R-STAFF-1, R-STAFF-4, R-STAFF-6) for counties and the city. */
export const staffOverviewRowSchema = z.object({
  countyCode: z.string(),
  countyName: z.string(),
  operatingStations: z.number(),
  understaffedStations: z.number(),
  workers: z.number(),
  qualified: z.number(),
  atRisk: z.number(),
  overdue: z.number(),
  filed: z.number(),
});
export type StaffOverviewRow = z.infer<typeof staffOverviewRowSchema>;
