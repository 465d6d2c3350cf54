import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Defect 9: started while its database is unreachable, the server says so in a line and keeps trying; no stack, no exit. */
describe('starting with the database down', () => {
  it('logs a clear retry message and stays up', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'shegong-down-'));
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'main.ts')], {
      env: {
        ...process.env,
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        DATA_DIR: dataDir,
        PORT: '39911',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no retry line within 30 s:\n${out}`)), 30_000);
        const poll = setInterval(() => {
          if (out.includes('数据库无法连接')) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve();
          }
        }, 100);
      });
      expect(out).toContain('连接被拒绝，数据库服务可能未启动');
      expect(out).not.toMatch(/\n\s+at /);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
