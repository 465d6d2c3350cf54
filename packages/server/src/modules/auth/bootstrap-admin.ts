import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database';
import { hashPassword } from '../../platform/auth/passwords';
import { writeAudit } from '../../platform/audit/audit';
import { CITY_CODE } from '../divisions';
import { usersRepository } from '../users';
import type { Clock } from '../../platform/clock';

/** A generated password that meets the policy: letters and digits, 16 characters. */
function generatePassword(): string {
  const s = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
  return `${s.slice(0, 14)}A7`;
}

/**
 * First start on an empty database: the city administrator `admin`, with SHEGONG_ADMIN_PASSWORD or a
 * generated password printed once. The first login must change it.
 */
export async function bootstrapAdmin({
  db,
  log,
  password,
  clock,
  print = console.log,
}: {
  db: Db;
  log: Pick<FastifyBaseLogger, 'info'>;
  /** SHEGONG_ADMIN_PASSWORD; a generated one is printed once when missing. */
  password: string | undefined;
  clock: Clock;
  print?: (line: string) => void;
}) {
  if ((await usersRepository.countAll(db)) > 0) return;
  const initial = password ?? generatePassword();
  await db.transaction(async (tx) => {
    const now = clock.now();
    const inserted = await usersRepository.insert(tx, {
      username: 'admin',
      displayName: '市级管理员',
      role: 'city_admin',
      divisionCode: CITY_CODE,
      divisionPath: `/${CITY_CODE}/`,
      passwordHash: await hashPassword(initial),
      mustChangePassword: true,
      createdAt: now,
      updatedAt: now,
    });
    if (inserted) {
      await writeAudit(
        tx,
        { actor: null, ip: null, requestId: 'bootstrap' },
        {
          action: 'create',
          entityType: 'user',
          entityId: inserted.id,
          summary: '首次启动创建市级管理员 admin',
          username: 'system',
        },
      );
    }
  });
  log.info('created the city administrator "admin"');
  if (!password) {
    print('='.repeat(64));
    print(`首次启动：已创建市级管理员 admin，初始密码：${initial}`);
    print('First start: created city administrator "admin" with the password above (shown once).');
    print('='.repeat(64));
  }
}
