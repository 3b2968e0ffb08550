// ESLint 9 flat config. `npm run lint` = this + `tsc -p .`.
// Project rules (scripts/eslint/): Office.js globals only in src/excel at run time, the layer
// dependency rule of DESIGN.md (an allow-list of arrows), and no Office batch idioms in text outside src/excel.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import officeAddins from 'eslint-plugin-office-addins';
import globals from 'globals';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import officeGlobals from './scripts/eslint/office-globals.mjs';
import layers from './scripts/eslint/layers.mjs';
import noExcelRunText from './scripts/eslint/no-excel-run-text.mjs';
import documentAccess from './scripts/eslint/document-access.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const pivotdeck = { meta: { name: 'pivotdeck' }, rules: { 'office-globals': officeGlobals, layers, 'no-excel-run-text': noExcelRunText, 'document-access': documentAccess } };

/** Entry points may log (they are the outermost catch); library code may not. */
const ENTRY_POINTS = ['src/taskpane/index.tsx', 'src/commands/commands.ts', 'src/workbench/**'];

/** The office-addins plugin's recommended rules, without its prettier/formatting layer. */
const officeAddinsRecommended = Object.fromEntries(
  Object.entries(officeAddins.configs.recommended.at(-1).rules).filter(([name]) => name.startsWith('office-addins/')),
);

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'build/**', 'test-output/**', 'coverage/**', '.certs/**', '**/*.d.mts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.es2021 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `any` must carry a comment saying why (team rule); the disable comment is that place.
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    plugins: { 'react-hooks': reactHooks, 'office-addins': officeAddins, pivotdeck },
    rules: {
      'no-console': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'pivotdeck/layers': ['error', { root }],
      'pivotdeck/office-globals': 'error',
      'pivotdeck/no-excel-run-text': 'error',
      'pivotdeck/document-access': ['error', { root }],
    },
  },
  {
    // Load/sync discipline where real Office.js objects flow. The simulator implements load/sync
    // itself and the workbench drives it, so these rules would misfire there.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/simulator/**', 'src/workbench/**'],
    rules: officeAddinsRecommended,
  },
  { files: ['src/excel/**'], rules: { 'pivotdeck/office-globals': 'off', 'pivotdeck/no-excel-run-text': 'off' } },
  { files: ENTRY_POINTS, rules: { 'no-console': 'off' } },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs}', '*.{ts,mjs,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { pivotdeck },
    rules: { 'pivotdeck/no-excel-run-text': 'error' },
  },
  {
    // Lint-rule tests must spell out the very texts the rule forbids, and tests of the Office
    // adapter (test/excel) stub the real Office globals that src/excel calls.
    files: ['test/build/lint-rules.test.ts', 'test/excel/**'],
    rules: { 'pivotdeck/no-excel-run-text': 'off' },
  },
);
