import type { Database } from './database';

interface Log {
  warn(obj: object, msg: string): void;
}

/**
 * Opens the database, waiting for it when it is not up yet (a server started before PostgreSQL, a restart of the
 * database): a clear line every attempt instead of a stack and an exit. Gives up after `attempts` (default: about
 * ten minutes), so a wrong address still ends in a readable failure.
 */
export async function openWithRetry(
  open: () => Promise<Database>,
  log: Log,
  opts: { attempts?: number; delayMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<Database> {
  const attempts = opts.attempts ?? 120;
  const delayMs = opts.delayMs ?? 5000;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let i = 1; ; i++) {
    try {
      return await open();
    } catch (err) {
      const reason = describe(err);
      if (i >= attempts)
        throw new Error(`数据库无法连接（${reason}），已重试 ${attempts} 次，请检查 DATABASE_URL 和数据库服务`, {
          cause: err,
        });
      log.warn(
        { attempt: i, reason },
        `数据库无法连接（${reason}），${Math.round(delayMs / 1000)} 秒后重试（第 ${i} 次）`,
      );
      await sleep(delayMs);
    }
  }
}

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string; errors?: { code?: string }[] };
  const code = e?.code ?? e?.errors?.[0]?.code;
  if (code === 'ECONNREFUSED') return '连接被拒绝，数据库服务可能未启动';
  if (code === 'ENOTFOUND') return '找不到数据库主机';
  if (code === '28P01' || code === '28000') return '用户名或密码不正确';
  if (code === '3D000') return '数据库不存在';
  return (e?.message ?? String(err)).split('\n')[0].replace(/postgres(ql)?:\/\/[^@\s]*@/g, 'postgres://***@');
}
