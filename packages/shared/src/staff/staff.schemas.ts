import { z } from 'zod';
import { isoDate } from '../common';
import { yuanSchema } from '../money';

export const EDUCATION_LEVELS = [
  'high_school_or_below',
  'secondary_vocational',
  'junior_college',
  'bachelor',
  'master',
  'doctor',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LABELS: Record<EducationLevel, string> = {
  high_school_or_below: '高中及以下',
  secondary_vocational: '中专',
  junior_college: '大专',
  bachelor: '本科',
  master: '硕士',
  doctor: '博士',
};
export const CERTIFICATE_LEVELS = ['assistant', 'intermediate', 'senior'] as const;
export type CertificateLevel = (typeof CERTIFICATE_LEVELS)[number];
export const CERTIFICATE_LABELS: Record<CertificateLevel, string> = {
  assistant: '助理社会工作师',
  intermediate: '社会工作师',
  senior: '高级社会工作师',
};
export const WORKER_ROLES = ['project_lead', 'resident'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];
export const WORKER_ROLE_LABELS: Record<WorkerRole, string> = { project_lead: '项目主管', resident: '驻站社工' };

/** Organisers whose training counts toward the 60-hour qualification (R-STAFF-3). */
export const ORGANISER_LEVELS = [
  'county_civil_affairs',
  'city_civil_affairs',
  'province_civil_affairs',
  'incubation_base',
  'industry_association',
  'other',
] as const;
export type OrganiserLevel = (typeof ORGANISER_LEVELS)[number];
export const ORGANISER_LEVEL_LABELS: Record<OrganiserLevel, string> = {
  county_civil_affairs: '县级民政部门',
  city_civil_affairs: '市级民政部门',
  province_civil_affairs: '省级及以上民政部门',
  incubation_base: '社会组织（社会工作）孵化基地',
  industry_association: '社会工作行业组织',
  other: '其他（不计入资质学时）',
};
export const QUALIFYING_ORGANISERS: readonly OrganiserLevel[] = [
  'county_civil_affairs',
  'city_civil_affairs',
  'province_civil_affairs',
  'incubation_base',
  'industry_association',
];

export const QUALIFICATION_HOURS = 60;
export const CONTINUING_EDUCATION_HOURS = 60;
export const MAX_HIRING_AGE = 45;
export const RESIDENT_QUALIFY_YEARS = 2;
export const AT_RISK_DAYS = 90;

const name = z.string().trim().min(2, '至少 2 个字符').max(30, '不能超过 30 个字符');
const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '应为手机号或带区号的固定电话')
  .or(z.literal(''));
const workerFields = {
  name,
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^\d{17}[\dX]$/, '应为 18 位身份证号（最后一位可为 X）'),
  phone,
  education: z.enum(EDUCATION_LEVELS, '请选择学历'),
  major: z.string().trim().max(50, '不能超过 50 个字符'),
  socialWorkMajor: z.boolean('应为是或否'),
  certificateLevel: z.enum(CERTIFICATE_LEVELS, '请选择证书等级').nullable(),
  certificateNumber: z.string().trim().max(50, '不能超过 50 个字符'),
  certificateDate: isoDate.nullable(),
  localHukou: z.boolean('应为是或否'),
  hireDate: isoDate,
  role: z.enum(WORKER_ROLES, '请选择岗位'),
  labourContractStart: isoDate.nullable(),
  labourContractEnd: isoDate.nullable(),
  archiveKept: z.boolean('应为是或否'),
};
export const createWorkerSchema = z.strictObject(workerFields).partial().extend({
  name,
  idNumber: workerFields.idNumber,
  education: workerFields.education,
  hireDate: workerFields.hireDate,
  role: workerFields.role,
});
export type CreateWorkerInput = z.infer<typeof createWorkerSchema>;
export const updateWorkerSchema = z
  .strictObject(workerFields)
  .partial()
  .extend({ version: z.number().int().min(1) });
export type UpdateWorkerInput = z.infer<typeof updateWorkerSchema>;

export const assignmentSchema = z.strictObject({ stationId: z.uuid('请选择社工站'), startOn: isoDate });
export type AssignmentInput = z.infer<typeof assignmentSchema>;
export const endAssignmentSchema = z.strictObject({ endOn: isoDate });
export const filingActionSchema = z.strictObject({
  version: z.number().int().min(1),
  comment: z.string().trim().max(500).default(''),
});
export type FilingActionInput = z.input<typeof filingActionSchema>;
export const unmaskSchema = z.strictObject({
  reason: z.string().trim().min(4, '请写明查看原因（至少 4 个字）').max(200),
});
export type UnmaskInput = z.infer<typeof unmaskSchema>;
export const hiringExceptionSchema = z.strictObject({
  organisationId: z.uuid('请选择承接机构'),
  idNumber: workerFields.idNumber,
  reason: z.string().trim().min(4, '请写明例外理由（至少 4 个字）').max(500),
});

export const FILING_STATUSES = ['draft', 'submitted', 'filed', 'returned'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];
export const FILING_STATUS_LABELS: Record<FilingStatus, string> = {
  draft: '未备案',
  submitted: '已报备',
  filed: '已备案',
  returned: '已退回',
};

export const createTrainingSchema = z
  .strictObject({
    title: z.string().trim().min(2, '至少 2 个字符').max(100),
    organiser: z.string().trim().min(2, '请填写主办单位').max(100),
    organiserLevel: z.enum(ORGANISER_LEVELS, '请选择主办单位类别'),
    startOn: isoDate,
    endOn: isoDate,
    hours: z.number('应为学时数').positive('应大于 0').max(500, '学时过大').multipleOf(0.5, '以 0.5 学时为单位'),
    workerIds: z.array(z.uuid()).max(500).default([]),
  })
  .refine((t) => t.endOn >= t.startOn, { message: '结束日期不能早于开始日期', path: ['endOn'] });
export type CreateTrainingInput = z.infer<typeof createTrainingSchema>;

/** An officer confirms (and may correct) the organiser level of a contractor's training record (R-STAFF-3). */
export const confirmTrainingSchema = z.strictObject({ organiserLevel: z.enum(ORGANISER_LEVELS) });
export type ConfirmTrainingInput = z.infer<typeof confirmTrainingSchema>;

// R-STAFF-6: monthly pay and 五险一金.
export const INSURANCE_ITEMS = {
  pension: '养老保险',
  medical: '医疗保险',
  unemployment: '失业保险',
  injury: '工伤保险',
  maternity: '生育保险',
  housingFund: '住房公积金',
} as const;
export type InsuranceItem = keyof typeof INSURANCE_ITEMS;
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为 YYYY-MM 格式的月份');
export const payrollRowSchema = z.strictObject({
  workerId: z.uuid('社工编号格式不正确'),
  salary: z.union([z.number(), z.string()]).nullable(),
  paidOn: isoDate.nullable(),
  // 五险一金 in money (R-STAFF-6): 缴费基数 and the 单位/个人 shares, in yuan; absent means none yet.
  insuranceBase: z.union([z.number(), z.string()]).nullable().optional(),
  employerShare: z.union([z.number(), z.string()]).nullable().optional(),
  employeeShare: z.union([z.number(), z.string()]).nullable().optional(),
  ...(Object.fromEntries(Object.keys(INSURANCE_ITEMS).map((k) => [k, z.boolean('应为是或否')])) as Record<
    InsuranceItem,
    z.ZodBoolean
  >),
});
export const putPayrollSchema = z.strictObject({ rows: z.array(payrollRowSchema).max(1000) });
export type PayrollRowInput = z.infer<typeof payrollRowSchema>;
export type PutPayrollInput = z.infer<typeof putPayrollSchema>;
const optionalYuan = z.preprocess((v) => (v === '' || v == null ? null : v), yuanSchema.nullable());
/**
 * One worker's month as it is stored (R-STAFF-6): salary in fen (empty means none yet), the paid date, the six
 * insurance flags and the contribution base and shares in fen. The grid's save and every row of the Excel import are
 * checked by this one schema.
 */
export const payrollEntrySchema = payrollRowSchema.extend({
  salary: optionalYuan,
  insuranceBase: optionalYuan,
  employerShare: optionalYuan,
  employeeShare: optionalYuan,
});
/** The contribution amounts (in the entry's field names) that any ticked 五险一金 item makes due (R-STAFF-6). */
export const CONTRIBUTION_FIELDS = {
  insuranceBase: '缴费基数',
  employerShare: '单位缴纳',
  employeeShare: '个人缴纳',
} as const;
export type ContributionField = keyof typeof CONTRIBUTION_FIELDS;
export type PayrollEntry = z.infer<typeof payrollEntrySchema>;

/** A login for a worker (role 驻站社工), scoped to the stations the worker is assigned to on each day. */
export const workerAccountSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3, '至少 3 个字符')
    .max(32)
    .regex(/^[a-zA-Z][a-zA-Z0-9_.-]*$/, '以字母开头，只能包含字母、数字、下划线、点和短横线'),
  password: z
    .string()
    .min(10, '至少 10 个字符')
    .max(128)
    .refine((s) => /[A-Za-z]/.test(s) && /\d/.test(s), '必须同时包含字母和数字'),
});
export type WorkerAccountInput = z.infer<typeof workerAccountSchema>;
