import { z } from 'zod';
import { passwordSchema } from '../auth/password-policy';
import { roleSchema } from '../auth/roles';
import { divisionCodeSchema } from '../divisions/divisions.schemas';

export const USER_STATUSES = ['active', 'disabled'] as const;
export const USER_STATUS_LABELS = { active: '正常', disabled: '已停用' } as const;

const usernameSchema = z
  .string()
  .trim()
  .min(3, '至少 3 个字符')
  .max(32, '不能超过 32 个字符')
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]*$/, '以字母开头，只能包含字母、数字、下划线、点和短横线');

export const createUserSchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1, '请输入姓名').max(50, '不能超过 50 个字符'),
  role: roleSchema,
  divisionCode: divisionCodeSchema,
  password: passwordSchema,
  phone: z.string().trim().max(20).optional(),
  /** Required for contractor roles (承接机构管理员, 项目主管): their scope is this organisation. */
  organisationId: z.uuid('机构编号格式不正确').optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  version: z.number().int().min(1),
  displayName: z.string().trim().min(1, '请输入姓名').max(50).optional(),
  role: roleSchema.optional(),
  divisionCode: divisionCodeSchema.optional(),
  status: z.enum(USER_STATUSES).optional(),
  /** A reset: the user must change it at the next login. */
  password: passwordSchema.optional(),
  phone: z.string().trim().max(20).optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const userQuerySchema = z.strictObject({
  q: z.string().trim().max(50).optional(),
  role: roleSchema.optional(),
  divisionCode: divisionCodeSchema.optional(),
  status: z.enum(USER_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type UserQuery = z.infer<typeof userQuerySchema>;

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: z.infer<typeof roleSchema>;
  divisionCode: string;
  divisionName: string;
  organisationId: string | null;
  organisationName: string | null;
  status: (typeof USER_STATUSES)[number];
  phone: string | null;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
}
