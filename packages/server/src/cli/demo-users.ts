import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import { writeAudit } from '../platform/audit/audit';
import { hashPassword } from '../platform/auth/passwords';
import type { Clock } from '../platform/clock';
import { CITY_CODE } from '../modules/divisions';
import { usersRepository } from '../modules/users';
import type { DemoApi, DemoSession } from './demo-api';

/** One printed login: who it is, what it sees, and how to sign in. */
export interface DemoLogin {
  role: string;
  label: string;
  username: string;
  password: string;
  sees: string;
}

/** A password the policy accepts (letters and digits, 14 characters), new on every run: demo data is never "admin/admin". */
export function demoPassword(): string {
  const s = randomBytes(12).toString('base64url').replace(/[-_]/g, 'k');
  return `Demo${s.slice(0, 8)}7`;
}

/**
 * The demo's city administrator, written the way first start writes `admin` (bootstrapAdmin): directly, with its
 * audit line, because somebody must exist before the first request. Its password needs no change at first login:
 * the demo prints it, and every other account is opened through the users routes by this one.
 */
export async function createDemoAdmin(db: Db, clock: Clock, username: string, password: string) {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const now = clock.now();
    const u = await usersRepository.create(tx, {
      username,
      displayName: '市级管理员（演示）',
      role: 'city_admin',
      divisionCode: CITY_CODE,
      divisionPath: `/${CITY_CODE}/`,
      passwordHash,
      mustChangePassword: false,
      createdAt: now,
      updatedAt: now,
    });
    await writeAudit(
      tx,
      { actor: null, ip: null, requestId: 'demo' },
      {
        action: 'create',
        entityType: 'user',
        entityId: u.id,
        summary: `演示数据：创建市级管理员 ${username}`,
        username: 'system',
      },
    );
  });
}

/**
 * Opens an account through `POST /users` as the city administrator (so placement rules and the audit apply), then
 * signs in once and sets the printed password, as its holder would at first login: the printed account needs no
 * further password change.
 */
export async function openAccount(
  api: DemoApi,
  admin: DemoSession,
  user: { username: string; displayName: string; role: string; divisionCode: string; organisationId?: string },
  password: string,
): Promise<DemoSession> {
  const initial = demoPassword();
  await api.call(admin, 'POST', '/api/v1/users', { ...user, password: initial });
  return api.firstLogin(user.username, initial, password);
}
