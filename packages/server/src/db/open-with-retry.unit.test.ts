import { describe, expect, it } from 'vitest';
import type { Database } from './database';
import { openWithRetry } from './open-with-retry';

/** Defect 9: a start with the database down waits with a clear line per attempt instead of a stack and an exit. */
describe('opening the database with retries', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  const db = { driver: 'pg' } as unknown as Database;

  it('retries with a Chinese reason until the database answers', async () => {
    const lines: string[] = [];
    let calls = 0;
    const open = async () => {
      if (++calls < 3) throw refused;
      return db;
    };
    const got = await openWithRetry(
      open,
      { warn: (_o, msg) => lines.push(msg) },
      { delayMs: 1, sleep: async () => undefined },
    );
    expect(got).toBe(db);
    expect(lines).toEqual([
      '数据库无法连接（连接被拒绝，数据库服务可能未启动），0 秒后重试（第 1 次）',
      '数据库无法连接（连接被拒绝，数据库服务可能未启动），0 秒后重试（第 2 次）',
    ]);
  });

  it('gives up after the last attempt with a readable message that hides the password', async () => {
    const secret = new Error('password authentication failed for postgres://app:s3cret@db:5432/x');
    const p = openWithRetry(
      async () => {
        throw secret;
      },
      { warn: () => undefined },
      { attempts: 2, delayMs: 1, sleep: async () => undefined },
    );
    await expect(p).rejects.toThrow(/数据库无法连接（.*postgres:\/\/\*\*\*@db.*），已重试 2 次/);
    await expect(p).rejects.not.toThrow(/s3cret/);
  });
});
