// What `npm run build` makes and from which sources; read by scripts/build.mjs and scripts/start.mjs.
// Plain JavaScript with no dependencies: `npm start` runs it after `npm ci --omit=dev`, when no build tool is installed.
//
// A build is stale when its output is missing or when the fingerprint of its sources (a SHA-256 over their paths and
// contents, stored beside the output) differs from the sources' fingerprint now. Contents rather than file times: a
// deploy that copies the tree without keeping times must not look stale, and a `git checkout` of other sources must.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Not import.meta.dirname: scripts/start.mjs must load on an old Node.js to say which version it needs.
export const root = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');

const isTest = (file) => /\.test\.tsx?$/.test(file);
const skipDir = (name) => name === 'node_modules' || name === 'dist' || name === '.vite';

/** Source files and folders of each build, relative to the repository root. Folders are read recursively. */
const common = [
  'packages/shared/src',
  'packages/shared/package.json',
  'package-lock.json',
  'tsconfig.base.json',
  'scripts/build.mjs',
  'scripts/build-targets.mjs',
];

export const targets = {
  web: {
    label: 'web app (packages/web/dist)',
    labelZh: '网页应用（packages/web/dist）',
    output: 'packages/web/dist/index.html',
    // In dist/.vite beside Vite's manifest: the server does not serve dot folders, and a new build empties dist.
    stamp: 'packages/web/dist/.vite/sources.json',
    inputs: [
      ...common,
      'packages/web/src',
      'packages/web/public',
      'packages/web/index.html',
      'packages/web/vite.config.ts',
      'packages/web/tsconfig.json',
      'packages/web/package.json',
    ],
  },
  server: {
    label: 'server (packages/server/dist)',
    labelZh: '服务器（packages/server/dist）',
    output: 'packages/server/dist/main.js',
    stamp: 'packages/server/dist/sources.json',
    // Migrations, the workbook worker and reference data are read at run time from their place in the tree (see
    // scripts/build.mjs), so they are not inputs of the bundle.
    inputs: [...common, 'packages/server/src', 'packages/server/tsconfig.json', 'packages/server/package.json'],
    exclude: (rel) => rel.startsWith('packages/server/src/db/migrations/') || rel.endsWith('.mjs'),
  },
};

function listFiles(rel, out) {
  const abs = path.join(root, rel);
  if (!existsSync(abs)) return;
  if (statSync(abs).isDirectory()) {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.isDirectory() && skipDir(entry.name)) continue;
      listFiles(`${rel}/${entry.name}`, out);
    }
  } else if (!isTest(rel)) {
    out.push(rel);
  }
}

/** The fingerprint of a target's sources as they are now. */
export function fingerprint(name) {
  const target = targets[name];
  const files = [];
  for (const input of target.inputs) listFiles(input, files);
  const hash = createHash('sha256');
  for (const rel of files.filter((f) => !target.exclude?.(f)).sort()) {
    hash.update(`${rel}\0`);
    hash.update(readFileSync(path.join(root, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Why a target must be built, or null when its build is present and made from the current sources. */
export function staleReason(name) {
  const target = targets[name];
  if (!existsSync(path.join(root, target.output))) return 'missing';
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(path.join(root, target.stamp), 'utf8'));
  } catch {
    return 'no fingerprint';
  }
  return stamp.sources === fingerprint(name) ? null : 'sources changed';
}

/** Build tools (dev dependencies) a build needs that are not installed, e.g. after `npm ci --omit=dev`. */
export function missingTools() {
  return ['vite', 'esbuild'].filter((name) => {
    try {
      import.meta.resolve(name);
      return false;
    } catch {
      return true;
    }
  });
}
