import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const MODULE_BOUNDARY = [
  {
    regex: '^\\.\\./(?!\\.\\.)[^/]+/',
    message: 'Another module is used only through its index.ts (import from "../<module>").',
  },
  {
    regex: '^\\.\\./\\.\\./modules/',
    message: 'Another module is used only through its index.ts (import from "../<module>").',
  },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'packages/server/src/db/migrations/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use string-literal unions, not enum (DESIGN §2).' },
      ],
    },
  },
  {
    // Small files (issue 8): a source file past 300 lines holds more than one use case or page; split it.
    files: ['packages/*/src/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Tests tell one story per file and fixtures describe whole worlds; they may run longer, not without limit.
    files: ['**/*.test.ts', 'packages/server/src/test-support/**/*.ts', '**/route-matrix.entries.ts'],
    rules: { 'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['packages/shared/src/**/*.ts'],
    rules: {
      // The shared package stays free of Node, DOM, database and React (DESIGN §2).
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'react', 'react-dom', 'drizzle-orm', 'drizzle-orm/*', 'fastify', 'pg'] },
      ],
    },
  },
  // Module boundaries (DESIGN §2), enforced rather than described. Tests and test-support may reach inside.
  {
    files: ['packages/server/src/platform/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '/modules/', message: 'platform/ never imports a module: pass what it needs in from app.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/src/modules/*/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: MODULE_BOUNDARY }],
    },
  },
  {
    files: ['packages/server/src/modules/*/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...MODULE_BOUNDARY,
            {
              regex: '\\.table$',
              message: "A module's tables stay inside it: export functions that answer other modules, not tables.",
            },
          ],
        },
      ],
    },
  },
  {
    // The repository is the only reader of a module's tables: services, lookups, views and routes call it (issue 8).
    files: ['packages/server/src/modules/*/*.ts'],
    ignores: ['**/*.test.ts', '**/*.repository.ts', '**/*.table.ts', '**/index.ts', '**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...MODULE_BOUNDARY,
            {
              regex: '\\.table$',
              message: 'Only the repository reads tables: put the query in <module>.repository.ts.',
            },
            { regex: '^drizzle-orm', message: 'SQL lives in the repository: put the query in <module>.repository.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/src/modules/*/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...MODULE_BOUNDARY,
            { regex: '/db/', message: 'Routes receive no database handle: they parse, call a service and present.' },
            {
              regex: '^drizzle-orm',
              message: 'Routes receive no database handle: they parse, call a service and present.',
            },
            { regex: '\\.table$', message: 'Routes read no table: they call a service.' },
          ],
        },
      ],
    },
  },
  {
    // "Today" comes from the Clock (DESIGN §4, Time); only clock.ts reads the system date.
    files: ['packages/server/src/**/*.ts', 'packages/shared/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'packages/server/src/platform/clock.ts', 'packages/server/src/test-support/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use string-literal unions, not enum (DESIGN §2).' },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read "now" from the Clock (platform/clock.ts), never the system date.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read "now" from the Clock (platform/clock.ts), never the system date.',
        },
      ],
    },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
