import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The module boundaries and the Clock rule of DESIGN §2/§4 are enforced by the lint: each violation fails it. */
const root = path.resolve(import.meta.dirname, '../../../..');
const eslint = new ESLint({ cwd: root });
const lint = async (file: string, code: string) => {
  const [r] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return r.messages.map((m) => m.message);
};

describe('lint-enforced boundaries', () => {
  it.each([
    [
      'a module reading another module’s table',
      'packages/server/src/modules/workers/x.ts',
      "import { contracts } from '../contracts/contracts.table';\nexport const x = contracts;\n",
      'only through its index.ts',
    ],
    [
      'a module reaching past another module’s index',
      'packages/server/src/modules/workers/x.ts',
      "import { liveOn } from '../contracts/contracts.lookup';\nexport const x = liveOn;\n",
      'only through its index.ts',
    ],
    [
      'platform importing a module',
      'packages/server/src/platform/x.ts',
      "import { stationRoutes } from '../modules/stations';\nexport const x = stationRoutes;\n",
      'platform/ never imports a module',
    ],
    [
      'a route file with a database handle',
      'packages/server/src/modules/stations/x.routes.ts',
      "import type { Db } from '../../db/database';\nexport type X = Db;\n",
      'Routes receive no database handle',
    ],
    [
      'an index exporting a table',
      'packages/server/src/modules/stations/index.ts',
      "export { stations } from './stations.table';\n",
      'tables stay inside it',
    ],
    [
      'a service reading its own module’s table',
      'packages/server/src/modules/stations/stations.service.ts',
      "import { stations } from './stations.table';\nexport const x = stations;\n",
      'Only the repository reads tables',
    ],
    [
      'a service writing SQL',
      'packages/server/src/modules/stations/stations.service.ts',
      "import { eq } from 'drizzle-orm';\nexport const x = eq;\n",
      'SQL lives in the repository',
    ],
    [
      'server code reading the system date',
      'packages/server/src/modules/stations/x.ts',
      'export const today = new Date().toISOString();\n',
      'from the Clock',
    ],
    [
      'shared code reading the system date',
      'packages/shared/src/x.ts',
      'export const t = Date.now();\n',
      'from the Clock',
    ],
  ])('%s fails the lint', async (_name, file, code, words) => {
    expect((await lint(file, code)).join('\n')).toContain(words);
  });

  it('a source file longer than 300 lines fails the lint', async () => {
    const code = Array.from({ length: 301 }, (_, i) => `export const x${i} = ${i};`).join('\n') + '\n';
    expect((await lint('packages/server/src/modules/stations/x.ts', code)).join('\n')).toContain('too many lines');
  });

  it('a repository reading its own table passes', async () => {
    expect(
      await lint(
        'packages/server/src/modules/stations/stations.repository.ts',
        "import { eq } from 'drizzle-orm';\nimport { stations } from './stations.table';\nexport const x = [eq, stations];\n",
      ),
    ).toEqual([]);
  });

  it('a module using another through its index passes', async () => {
    expect(
      await lint(
        'packages/server/src/modules/workers/x.ts',
        "import type { ContractLookup } from '../contracts';\nexport type X = ContractLookup;\n",
      ),
    ).toEqual([]);
  });
});
