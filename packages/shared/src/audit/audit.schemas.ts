import { z } from 'zod';
import { isoDate, pageQuery } from '../common';

export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'password_change',
  'create',
  'update',
  'upload',
  'export',
  'unmask',
  'read_pii',
  'download',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  login: '登录',
  login_failed: '登录失败',
  logout: '退出',
  password_change: '修改密码',
  create: '新增',
  update: '修改',
  upload: '上传文件',
  export: '导出',
  unmask: '查看明文',
  read_pii: '读取个人信息',
  download: '下载文件',
};
/** What an audit event is about; `writeAudit` accepts only these, so the log never shows an unnamed code. */
export const ENTITY_LABELS = {
  user: '用户',
  session: '会话',
  station: '社工站',
  countyCentre: '县级社工中心',
  serviceRoom: '社会工作服务室',
  plan: '建设进度',
  file: '文件',
  organisation: '社会组织',
  disclosure: '信息公开',
  purchasePlan: '年度购买服务计划',
  procurement: '采购项目',
  contract: '合同',
  worker: '社工',
  hiringException: '聘用例外',
  training: '培训',
  payroll: '薪酬与社保',
  templateNote: '站点记事（模板）',
  beneficiary: '服务对象',
  serviceRecord: '服务记录',
  case: '个案',
  alert: '预警',
  referral: '转介',
  visitInterval: '走访周期',
  circular: '通报',
  report: '报告',
  reportSettings: '报告截止日设置',
  commendation: '通报表彰',
  indicatorSet: '评估指标体系',
  evaluationRound: '评估',
  rectification: '整改',
  supervisionSession: '督导记录',
  supervisionReview: '督导意见',
  satisfactionSurvey: '满意度回访',
  satisfactionResponse: '满意度评价',
  complaint: '投诉',
  preAwardEvaluation: '立项评估',
} as const satisfies Record<string, string>;
export type AuditEntityType = keyof typeof ENTITY_LABELS;

export const auditQuerySchema = z
  .strictObject({
    action: z.enum(AUDIT_ACTIONS, '请选择操作类型').optional(),
    entityType: z
      .string()
      .trim()
      .regex(/^[A-Za-z_]{1,40}$/, '对象类型格式不正确')
      .optional(),
    username: z.string().trim().max(64, '不能超过 64 个字符').optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    ...pageQuery,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEventViewSchema = z.object({
  id: z.string(),
  at: z.string(),
  username: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  /** The record's current name (a station, a contract's title, a worker's name), resolved when the log is listed. */
  entityName: z.string().nullable(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof auditEventViewSchema>;
