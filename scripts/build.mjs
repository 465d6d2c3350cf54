#!/usr/bin/env node
// npm run build: the web app (Vite → packages/web/dist) and the server (esbuild → packages/server/dist/main.js).
//
//   node scripts/build.mjs [web] [server] [--if-stale]
//
// Without names it builds both; with --if-stale only those whose sources changed since their last build (what
// `npm start` does). Needs the dev dependencies; the result runs without them (`npm ci --omit=dev`).
//
// The server is one ES module: our TypeScript and @shegong/shared (TypeScript source, no build of its own) are
// bundled; every other package stays an import resolved from node_modules at run time, and must be a declared
// dependency of the package that imports it (checked here, so that a dev-only import fails the build and not the
// production start). Files the server reads beside its code — migrations (db/migrations), the workbook worker
// (platform/http/sheet-reader.worker.mjs), reference data (packages/shared/data), the web app — stay where they are in
// the tree: each bundled module's `import.meta.dirname` and `import.meta.url` are rewritten to its source location,
// relative to the bundle, so a path written next to the source means the same file under tsx and in the bundle.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fingerprint, missingTools, root, staleReason, targets } from './build-targets.mjs';

const args = process.argv.slice(2);
const ifStale = args.includes('--if-stale');
const unknownFlag = args.find((a) => a.startsWith('--') && a !== '--if-stale');
const names = args.filter((a) => !a.startsWith('--'));
const unknownName = names.find((n) => !(n in targets));
if (unknownFlag || unknownName) {
  console.error(`usage: node scripts/build.mjs [${Object.keys(targets).join('] [')}] [--if-stale]`);
  process.exit(2);
}

const todo = (names.length ? names : Object.keys(targets))
  .map((name) => ({ name, reason: staleReason(name) }))
  .filter((t) => !ifStale || t.reason);
const missing = todo.length ? missingTools() : [];
if (missing.length) {
  console.error(
    `构建工具未安装（${missing.join('、')}）：请先运行 npm ci（含开发依赖）。\n` +
      `Build tools are not installed (${missing.join(', ')}): run npm ci (with dev dependencies) first.`,
  );
  process.exit(1);
}

const builders = { web: buildWeb, server: buildServer };
for (const { name, reason } of todo) {
  const target = targets[name];
  // Taken before building: a source edited during the build leaves the build stale, not falsely current.
  const sources = fingerprint(name);
  const started = Date.now();
  console.log(`building the ${target.label}${ifStale ? ` (${reason})` : ''} …`);
  try {
    await builders[name]();
  } catch (err) {
    // esbuild and Vite have printed the errors themselves; a stack trace adds nothing.
    if (!err?.errors) console.error(err);
    console.error(`构建失败 / build failed: ${target.label}`);
    process.exit(1);
  }
  mkdirSync(path.dirname(path.join(root, target.stamp)), { recursive: true });
  writeFileSync(
    path.join(root, target.stamp),
    `${JSON.stringify({ sources, builtAt: new Date().toISOString(), node: process.version }, null, 2)}\n`,
  );
  console.log(`built the ${target.label} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
// Vite may leave worker threads behind; the build is done.
process.exit(0);

async function buildWeb() {
  const { build } = await import('vite');
  await build({ root: path.join(root, 'packages/web') });
}

async function buildServer() {
  const esbuild = await import('esbuild');
  const outdir = path.join(root, 'packages/server/dist');
  rmSync(outdir, { recursive: true, force: true });
  const undeclared = new Map();
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'packages/server/src/main.ts')],
    outfile: path.join(outdir, 'main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    tsconfig: path.join(root, 'packages/server/tsconfig.json'),
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [sourceLocations(outdir), externalPackages(undeclared)],
  });
  if (result.errors.length) throw new Error('server build failed');
  if (undeclared.size) {
    rmSync(outdir, { recursive: true, force: true });
    console.error(
      `These imports are not runtime dependencies of the package that imports them (they would be missing after ` +
        `npm ci --omit=dev); add them to its package.json "dependencies":\n` +
        [...undeclared].map(([k, files]) => `  ${k} (imported by ${files.join(', ')})`).join('\n'),
    );
    process.exit(1);
  }
}

/** Packages stay imports (resolved from node_modules at run time) except our own workspaces, which are bundled. */
function externalPackages(undeclared) {
  const builtins = new Set(builtinModules);
  const depsCache = new Map();
  const declared = (pkgJson) => {
    if (!depsCache.has(pkgJson)) {
      const pkg = JSON.parse(readFileSync(pkgJson, 'utf8'));
      depsCache.set(
        pkgJson,
        new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]),
      );
    }
    return depsCache.get(pkgJson);
  };
  return {
    name: 'external-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('@shegong/')) return undefined;
        const bare = args.path.replace(/^node:/, '');
        if (args.path.startsWith('node:') || builtins.has(bare)) return { external: true };
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        const pkgJson = owningPackageJson(args.importer);
        if (pkgJson && !declared(pkgJson).has(name)) {
          const key = `${name} in ${path.relative(root, pkgJson)}`;
          undeclared.set(key, [...(undeclared.get(key) ?? []), path.relative(root, args.importer)]);
        }
        return { external: true };
      });
    },
  };
}

function owningPackageJson(file) {
  for (let dir = path.dirname(file); dir.startsWith(root) && dir !== root; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * Rewrites `import.meta.dirname` / `.filename` / `.url` in our bundled sources to the module's own source location
 * (computed from the bundle's place at run time, so the tree may be moved), and checks at build time that each
 * `new URL('<file>', import.meta.url)` names a file that exists.
 */
function sourceLocations(outdir) {
  const helper = 'shegong:source-location';
  return {
    name: 'source-locations',
    setup(build) {
      build.onResolve({ filter: /^shegong:source-location$/ }, () => ({ path: helper, namespace: 'shegong' }));
      build.onLoad({ filter: /.*/, namespace: 'shegong' }, () => ({
        loader: 'js',
        resolveDir: outdir,
        contents: [
          "import path from 'node:path';",
          "import { pathToFileURL } from 'node:url';",
          // import.meta here is the bundle's own: packages/server/dist/main.js.
          'export const sourcePath = (rel) => path.join(import.meta.dirname, rel);',
          'export const sourceUrl = (rel) => pathToFileURL(sourcePath(rel)).href;',
        ].join('\n'),
      }));
      build.onLoad({ filter: /\.[cm]?tsx?$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.')) return undefined;
        const rel = (p) => path.relative(outdir, p).split(path.sep).join('/');
        const errors = [];
        for (const m of text.matchAll(/new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g)) {
          if (!existsSync(path.resolve(path.dirname(args.path), m[1]))) {
            errors.push({ text: `${m[1]} (relative to ${path.relative(root, args.path)}) does not exist` });
          }
        }
        // The helper's import goes last (imports are hoisted) so that line numbers stay those of the source.
        const contents =
          text
            .replaceAll('import.meta.dirname', `__sourcePath(${JSON.stringify(rel(path.dirname(args.path)))})`)
            .replaceAll('import.meta.filename', `__sourcePath(${JSON.stringify(rel(args.path))})`)
            .replaceAll('import.meta.url', `__sourceUrl(${JSON.stringify(rel(args.path))})`) +
          `\nimport { sourcePath as __sourcePath, sourceUrl as __sourceUrl } from '${helper}';\n`;
        return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts', errors };
      });
    },
  };
}
