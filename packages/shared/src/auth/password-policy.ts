import { z } from 'zod';

// Password rule of the foundation issue: ≥10 characters with letters and digits.
export const PASSWORD_MIN_LENGTH = 10;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `至少 ${PASSWORD_MIN_LENGTH} 个字符`)
  .max(128, '不能超过 128 个字符')
  .refine((s) => /[A-Za-z]/.test(s) && /\d/.test(s), '必须同时包含字母和数字');

/** Lockout policy: 5 failures lock the account for 15 minutes. */
export const LOCKOUT = { maxFailures: 5, minutes: 15 } as const;
/** Login attempts one network address may make in a window, whatever the user names (password spraying). */
export const LOGIN_RATE_LIMIT = { max: 30, minutes: 10 } as const;
/** Session lifetime: idle 30 minutes, absolute 12 hours. */
export const SESSION_LIMITS = { idleMinutes: 30, absoluteHours: 12 } as const;
