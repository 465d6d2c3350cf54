import { z } from 'zod';
import { isoDate } from '../common';

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
export const ENTITY_LABELS: Record<string, string> = {
  user: '用户',
  station: '社工站',
  countyCentre: '县级社工中心',
  serviceRoom: '社会工作服务室',
  file: '文件',
  plan: '建设进度',
  session: '会话',
};

export const auditQuerySchema = z.strictObject({
  action: z.enum(AUDIT_ACTIONS).optional(),
  entityType: z.string().max(40).optional(),
  username: z.string().trim().max(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditEventView {
  id: string;
  at: string;
  username: string | null;
  action: AuditAction;
  entityType: string | null;
  entityId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  ip: string | null;
}
