#!/usr/bin/env node
// npm start: build what is missing or stale (web app, server), then run the compiled server in this process.
//
// The run itself needs only the runtime dependencies: after `npm ci && npm run build`, `npm ci --omit=dev` may remove
// the build tools. A build that is missing or older than its sources with no build tools installed is refused with
// one clear line, rather than started stale or crashed.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { missingTools, root, staleReason, targets } from './build-targets.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(
    `社工站综合管理平台需要 Node.js 20.19 或更高版本（当前 ${process.version}）。\n` +
      `Node.js >= 20.19 is required (this is ${process.version}).`,
  );
  process.exit(1);
}

const stale = Object.keys(targets)
  .map((name) => ({ name, reason: staleReason(name) }))
  .filter((t) => t.reason);
if (stale.length) {
  const missing = missingTools();
  if (missing.length) {
    const what = stale.map((t) => `${targets[t.name].label}: ${t.reason}`).join('; ');
    const zh = { missing: '缺失', 'no fingerprint': '无源文件指纹', 'sources changed': '源文件在构建后有改动' };
    const whatZh = stale.map((t) => `${targets[t.name].labelZh}：${zh[t.reason] ?? t.reason}`).join('；');
    console.error(
      `社工站综合管理平台未能启动：构建缺失或已过期（${whatZh}），而构建工具未安装（只装了运行依赖）。\n` +
        `请在装有开发依赖时构建：npm ci && npm run build，然后可以 npm ci --omit=dev，再 npm start。\n` +
        `Cannot start: the build is missing or older than its sources (${what}) and the build tools are not ` +
        `installed (production dependencies only). Build with the dev dependencies first: npm ci && npm run build; ` +
        `then npm ci --omit=dev and npm start.`,
    );
    process.exit(1);
  }
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'scripts/build.mjs'), '--if-stale', ...stale.map((t) => t.name)],
    { stdio: 'inherit' },
  );
  if (build.status !== 0) {
    console.error('社工站综合管理平台未能启动：构建失败（见上）。 / Cannot start: the build failed (see above).');
    process.exit(1);
  }
}

// Stack traces in the log point at the TypeScript sources (packages/server/dist/main.js.map).
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(root, targets.server.output)).href);
