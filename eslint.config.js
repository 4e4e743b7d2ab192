// Lint rules. The boundary rule keeps src/core pure: no Discord, SQLite, logging or I/O there.
import tseslint from 'typescript-eslint';

const forbiddenInCore = [
  'discord.js', 'better-sqlite3', 'pino', 'pino-pretty', 'node-cron', 'dotenv',
  'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'http', 'node:http',
  'https', 'node:https', 'dns', 'node:dns', 'tls', 'node:tls', 'dgram', 'node:dgram',
  'child_process', 'node:child_process', 'undici', 'ws',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'dist/**', 'dist.building/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: forbiddenInCore.map((name) => ({ name, message: 'src/core is pure: no Discord, SQLite, logging or I/O.' })),
        patterns: [
          { group: ['**/store/**', '**/discord/**', '**/ingest/**', '**/digest/**', '**/log', '**/log.ts', '**/config', '**/config.ts'], message: 'src/core must not depend on the edges.' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'src/core does no I/O.' }, { name: 'process', message: 'src/core does not read the environment.' }],
    },
  },
);
