// Lint rules: type-checked TypeScript plus the import fences from STYLE.md ("Who may import whom").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_BUILTINS = {
  group: ['node:*'],
  message: 'This folder may not do I/O or import node:* modules.',
};
const fence = (folder, forbidden, extra = []) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((f) => ({
            group: [`**/${f}/**`, `**/${f}`],
            message: `src/${folder} may not import src/${f} (see STYLE.md import fences).`,
          })),
          ...extra,
        ],
      },
    ],
  },
});
const DRIVERS = {
  group: [
    'better-sqlite3',
    'pg',
    'ioredis',
    'ws',
    'kysely',
    'react',
    'react-dom',
    'hono',
    'hono/*',
  ],
  message: 'Domain code stays free of drivers and frameworks.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'test-results/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  fence(
    'lib',
    ['core', 'contract', 'nlp', 'adapters', 'app', 'server', 'web', 'cli'],
    [NODE_BUILTINS],
  ),
  fence(
    'core',
    ['contract', 'nlp', 'adapters', 'app', 'server', 'web', 'cli'],
    [NODE_BUILTINS, DRIVERS],
  ),
  fence('contract', ['core', 'nlp', 'adapters', 'app', 'server', 'web', 'cli'], [NODE_BUILTINS]),
  fence(
    'nlp',
    ['core', 'contract', 'adapters', 'app', 'server', 'web', 'cli'],
    [NODE_BUILTINS, DRIVERS],
  ),
  fence('adapters', ['contract', 'nlp', 'app', 'server', 'web', 'cli']),
  fence('app', ['server', 'web', 'cli']),
  fence('server', ['adapters', 'web', 'cli']),
  fence('cli', ['server/http', 'server/ws', 'web']),
  fence('web', ['core', 'adapters', 'server', 'app', 'cli'], [NODE_BUILTINS]),
  {
    // Tests may reach across folders to set things up; the fences guard production code. Tests read
    // JSON bodies as loosely typed values on purpose: assertions, not types, check their shape.
    files: ['**/*.test.ts', '**/*.contract.ts', 'test/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
