#!/usr/bin/env node
// npm run start:check: the production start, as a deploy does it, on a fresh clone of this repository's HEAD:
//
//   git clone → npm ci → npm run build → npm ci --omit=dev → npm start (free port, empty DATA_DIR, embedded PGlite)
//
// then /api/health must answer ok, / the Chinese app shell (and its script), /api/v1/divisions the reference data,
// and the server must stop on SIGTERM. Last, with a source edited after the build and no build tools installed,
// `npm start` must refuse with its message instead of starting or crashing. Exits non-zero on any failure.
// It checks the commit checked out (HEAD); `--worktree` adds the working tree's uncommitted changes and untracked
// files. `--keep` leaves the temp folder for a look.
// npm's cache is shared with the usual installs (--prefer-offline), so nothing is downloaded twice.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const source = path.resolve(import.meta.dirname, '..');
const keep = process.argv.includes('--keep');
const worktree = process.argv.includes('--worktree');
const work = mkdtempSync(path.join(tmpdir(), 'shegong-start-check-'));
const clone = path.join(work, 'shegong');
const dataDir = path.join(work, 'data');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();

async function step(title, fn) {
  const t = Date.now();
  process.stdout.write(`start:check ▸ ${title}\n`);
  const result = await fn();
  process.stdout.write(`start:check   done in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  return result;
}

function run(cmd, args, cwd = clone) {
  // Output only when the command fails: a passing check prints its steps, not npm's progress.
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: cleanEnv() });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? r.status}):\n${output}`);
  return output;
}

/** npm ci, which must not warn that a package wants another Node.js than the one `engines` names. */
function npmCi(...extra) {
  const output = run(npm, ['ci', ...extra, '--prefer-offline', '--no-audit', '--no-fund']);
  check(!output.includes('EBADENGINE'), `npm ci ${extra.join(' ')} warned about engines:\n${output}`);
}

/** The environment without anything that would point the clone's server or npm elsewhere. */
function cleanEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  return env;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function check(ok, message) {
  if (!ok) throw new Error(message);
}

async function startAndProbe() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  // Its own process group, so that stopping reaches the server under npm and sh.
  const child = spawn(npm, ['start'], {
    cwd: clone,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: cleanEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      SHEGONG_ADMIN_PASSWORD: 'StartCheck2026',
    }),
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 15_000);
    const result = await exited;
    clearTimeout(timer);
    return result;
  };
  try {
    const deadline = Date.now() + 90_000;
    let health;
    for (;;) {
      check(child.exitCode === null, `npm start exited with ${child.exitCode}:\n${output}`);
      try {
        const res = await fetch(`${base}/api/health`);
        health = { status: res.status, body: await res.json() };
        break;
      } catch {
        /* not listening yet */
      }
      check(Date.now() < deadline, `the server did not answer within 90 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    check(
      health.status === 200 && health.body.status === 'ok' && health.body.db === true,
      `/api/health answered ${health.status} ${JSON.stringify(health.body)}`,
    );
    check(!/building the/.test(output), `npm start rebuilt after the prune:\n${output}`);

    const shell = await fetch(`${base}/`);
    const html = await shell.text();
    check(
      shell.status === 200 && /text\/html/.test(shell.headers.get('content-type') ?? ''),
      `/ answered ${shell.status}`,
    );
    check(html.includes('lang="zh-CN"') && html.includes('社工站综合管理平台'), `/ is not the app shell:\n${html}`);
    const script = html.match(/<script[^>]+src="([^"]+\.js)"/)?.[1];
    check(!!script, `no script in the app shell:\n${html}`);
    const js = await fetch(new URL(script, base));
    check(
      js.status === 200 && /javascript/.test(js.headers.get('content-type') ?? ''),
      `${script} answered ${js.status}`,
    );

    const divisions = await fetch(`${base}/api/v1/divisions`);
    const text = await divisions.text();
    check(divisions.status === 200 && text.includes('410900000000'), `/api/v1/divisions answered ${divisions.status}`);
    console.log(`start:check   health ok, app shell and ${script} served, reference data loaded (port ${port})`);
  } catch (err) {
    await stop();
    throw err;
  }
  const { code, signal } = await stop();
  check(
    code === 0 || signal === 'SIGTERM',
    `the server did not stop cleanly (code ${code}, signal ${signal}):\n${output}`,
  );
  check(!/\n\s+at /.test(output), `the server printed a stack trace:\n${output}`);
}

/** Overlays the source checkout's modified, deleted and untracked (not ignored) files on the clone. */
function copyWorktree() {
  const list = (...args) =>
    execFileSync('git', ['ls-files', '-z', ...args], { cwd: source, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
  const deleted = new Set(list('--deleted'));
  for (const file of deleted) rmSync(path.join(clone, file), { force: true });
  for (const file of list('--modified', '--others', '--exclude-standard')) {
    if (deleted.has(file)) continue;
    mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    copyFileSync(path.join(source, file), path.join(clone, file));
  }
}

function refusesStaleBuild() {
  // A source edited after the build, as a `git pull` without a new build would leave it.
  appendFileSync(path.join(clone, 'packages/server/src/main.ts'), '\n// edited after the build\n');
  let failed = false;
  let out = '';
  try {
    execFileSync(npm, ['start'], {
      cwd: clone,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: cleanEnv({ PORT: '1', DATA_DIR: dataDir }),
      timeout: 60_000,
    });
  } catch (err) {
    failed = true;
    out = `${err.stdout ?? ''}${err.stderr ?? ''}`;
  }
  check(failed, 'npm start accepted a stale build with no build tools installed');
  check(
    out.includes('构建缺失或已过期') && out.includes('the build is missing or older than its sources'),
    `npm start did not explain the stale build:\n${out}`,
  );
  check(!/\n\s+at /.test(out), `npm start printed a stack trace:\n${out}`);
}

try {
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
    cwd: source,
    encoding: 'utf8',
  });
  if (dirty.trim() && !worktree) {
    console.log('start:check   note: uncommitted changes are not part of this check (add --worktree to include them)');
  }
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: source, encoding: 'utf8' }).trim();
  await step(`clone ${head}${worktree ? ' and the working tree' : ''} into ${clone}`, () => {
    run('git', ['clone', '--quiet', source, clone], work);
    if (worktree) copyWorktree();
  });
  await step('npm ci', () => npmCi());
  await step('npm run build', () => run(npm, ['run', 'build']));
  await step('npm ci --omit=dev', () => npmCi('--omit=dev'));
  await step('npm start, probe, stop', async () => {
    check(
      !run(process.execPath, ['-e', "import('vite').then(() => console.log('present'), () => {})"]).includes('present'),
      'vite is still installed after npm ci --omit=dev',
    );
    await startAndProbe();
  });
  await step('a stale build without build tools is refused', refusesStaleBuild);
  console.log(`start:check ✓ production start works (${((Date.now() - started) / 1000).toFixed(0)} s)`);
} catch (err) {
  console.error(`start:check ✗ ${err.message}`);
  process.exitCode = 1;
} finally {
  if (keep) console.log(`start:check   kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
