// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layer boundaries (docs/ARCHITECTURE.md): each room may import only what its arrows allow.
 * Enforced per folder with no-restricted-imports, the way VS Code's code-layering rule does.
 */
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'util', 'stream'];
const forbid = (groups, message) => ({ group: groups, message });

const layers = [
  {
    files: ['shared/**/*.ts'],
    patterns: [
      forbid(['electron', 'electron/*'], 'shared/ is pure TypeScript: it may not import electron.'),
      forbid(NODE_BUILTINS, 'shared/ is pure TypeScript: no Node built-ins.'),
      forbid(['better-sqlite3'], 'shared/ may not touch the database: that is electron/backend.'),
      forbid(['react', 'react-dom', 'react/*', 'react-dom/*', 'lexical', '@lexical/*'], 'shared/ has no UI code.'),
      forbid(['**/electron/**', '**/renderer/**', '**/tests/**', '**/scripts/**'], 'shared/ imports nothing outside shared/.'),
    ],
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    patterns: [
      forbid(['electron', 'electron/*'], 'The renderer talks to the backend only through window.storyBank.'),
      forbid(NODE_BUILTINS, 'The renderer runs sandboxed: no Node built-ins.'),
      forbid(['better-sqlite3'], 'The renderer never opens the database.'),
      forbid(['**/electron/**'], 'The renderer may import shared/ only, never electron/.'),
    ],
  },
  {
    files: ['electron/backend/**/*.ts'],
    patterns: [
      forbid(['electron', 'electron/*'], 'electron/backend must run under plain Node: it never imports electron.'),
      forbid(['**/renderer/**', '**/electron/main/**', '**/electron/preload/**', '**/browser-shell/**'], 'The backend depends on shared/ only.'),
    ],
  },
  {
    files: ['electron/browser-shell/**/*.ts', 'electron/cli/**/*.ts'],
    patterns: [
      forbid(['electron', 'electron/*'], 'This host runs under plain Node: it never imports electron.'),
      forbid(['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], 'Hosts use electron/backend and shared/ only.'),
    ],
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    patterns: [forbid(['**/renderer/**', '**/browser-shell/**'], 'Electron glue may use electron/backend and shared/ only.')],
  },
  {
    files: ['electron/preload/**/*.ts'],
    patterns: [forbid(['**/electron/backend/**', 'better-sqlite3', ...NODE_BUILTINS], 'The sandboxed preload only bridges IPC.')],
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },
  { files: ['renderer/**'], languageOptions: { globals: globals.browser } },
  { files: ['electron/**', 'scripts/**', 'tests/**', 'bin/**', '*.js', '*.ts'], languageOptions: { globals: globals.node } },
  ...layers.map(({ files, patterns }) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } })),
);
