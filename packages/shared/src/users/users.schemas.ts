import { z } from 'zod';
import { pageQuery } from '../common';
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
  ...pageQuery,
});
export type UserQuery = z.infer<typeof userQuerySchema>;

export const userViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  divisionCode: z.string(),
  divisionName: z.string(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  status: z.enum(USER_STATUSES),
  phone: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type UserView = z.infer<typeof userViewSchema>;
