import { z } from 'zod';
import { passwordSchema } from './password-policy';
import { roleSchema } from './roles';

export const loginSchema = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, '请输入当前密码').max(128),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  divisionCode: z.string(),
  divisionName: z.string(),
  permissions: z.array(z.string()),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginResultSchema = z.object({
  user: sessionUserSchema,
  csrfToken: z.string(),
  mustChangePassword: z.boolean(),
});
export type LoginResult = z.infer<typeof loginResultSchema>;
