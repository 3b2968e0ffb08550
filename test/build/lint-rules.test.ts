import { describe, expect, it } from 'vitest';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import officeGlobals from '../../scripts/eslint/office-globals.mjs';
import layers, { ALLOWED, EXCEPTIONS, layerViolation } from '../../scripts/eslint/layers.mjs';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import noExcelRunText from '../../scripts/eslint/no-excel-run-text.mjs';

// RuleTester reports through whatever describe/it it is given.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' },
});

const ROOT = '/repo';
const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('pivotdeck/office-globals', () => {
  tester.run('office-globals', officeGlobals, {
    valid: [
      { code: 'let r: Excel.Range | undefined;' },
      { code: 'type Run = typeof Excel.run;' },
      { code: 'function f(x: Office.Context): void {}' },
      { code: 'interface A extends Excel.RangeFormat {}' },
      { code: 'class C implements OfficeExtension.ClientObject {}' },
      { code: 'const x = y as Excel.Range;' },
      { code: 'const Office = 1; console.log(Office);' },
      { code: 'const o = { Excel: 1 }; o.Excel;' },
      { code: 'declare const z: Array<Excel.Worksheet>;' },
    ],
    invalid: [
      { code: 'Office.onReady();', errors: [{ messageId: 'runtime' }] },
      { code: 'const v = Excel.ErrorCodes.itemNotFound;', errors: [{ messageId: 'runtime' }] },
      { code: 'OfficeRuntime.storage.getItem("k");', errors: [{ messageId: 'runtime' }] },
      { code: 'if (e instanceof OfficeExtension.Error) {}', errors: [{ messageId: 'runtime' }] },
      { code: 'class B extends Excel.Range {}', errors: [{ messageId: 'runtime' }] },
      { code: 'const r = (Excel as unknown as { run: () => void });', errors: [{ messageId: 'runtime' }] },
      { code: 'const g = typeof Excel === "undefined";', errors: [{ messageId: 'runtime' }] },
    ],
  });
});

describe('pivotdeck/layers', () => {
  tester.run('layers', layers, {
    valid: [
      { code: "import { a } from './b';", filename: `${ROOT}/src/engine/x.ts`, options: [{ root: ROOT }] },
      { code: "import type { T } from '../engine/spec';", filename: `${ROOT}/src/model/x.ts`, options: [{ root: ROOT }] },
      { code: "import { type T } from '../engine/spec';", filename: `${ROOT}/src/model/x.ts`, options: [{ root: ROOT }] },
      { code: "import { Pane } from '../taskpane/Pane';", filename: `${ROOT}/src/workbench/x.tsx`, options: [{ root: ROOT }] },
      { code: "import { sim } from '../simulator/run';", filename: `${ROOT}/src/workbench/x.tsx`, options: [{ root: ROOT }] },
      { code: "import type { PaneHost } from '../excel/host-types';", filename: `${ROOT}/src/taskpane/x.tsx`, options: [{ root: ROOT }] },
      { code: "import { type PaneHost } from '../excel/host-types';", filename: `${ROOT}/src/taskpane/x.tsx`, options: [{ root: ROOT }] },
      { code: "import { createServices } from '../refresh/services';", filename: `${ROOT}/src/commands/x.ts`, options: [{ root: ROOT }] },
      { code: "import { columnName } from '../engine/address';", filename: `${ROOT}/src/excel/x.ts`, options: [{ root: ROOT }] },
      { code: "import { parseTiles } from '../dashboards';", filename: `${ROOT}/src/refresh/x.ts`, options: [{ root: ROOT }] },
      // A listed exception: this file, this target, nothing wider.
      { code: "import { listTables } from '../excel/list-tables';", filename: `${ROOT}/src/taskpane/index.tsx`, options: [{ root: ROOT }] },
      { code: "import { sim } from '../../src/simulator/run';", filename: `${ROOT}/test/simulator/x.test.ts`, options: [{ root: ROOT }] },
      { code: "import React from 'react';", filename: `${ROOT}/src/engine/x.ts`, options: [{ root: ROOT }] },
    ],
    invalid: [
      { code: "import { run } from '../excel/run';", filename: `${ROOT}/src/engine/x.ts`, options: [{ root: ROOT }], errors: 1 },
      { code: "export * from '../model';", filename: `${ROOT}/src/engine/x.ts`, options: [{ root: ROOT }], errors: 1 },
      { code: "import { parse } from '../engine/parse';", filename: `${ROOT}/src/model/x.ts`, options: [{ root: ROOT }], errors: 1 },
      { code: "import { Pane } from '../taskpane/Pane';", filename: `${ROOT}/src/commands/x.ts`, options: [{ root: ROOT }], errors: 1 },
      { code: "import { sim } from '../simulator/run';", filename: `${ROOT}/src/taskpane/x.tsx`, options: [{ root: ROOT }], errors: 1 },
      { code: "const m = import('../workbench/sample');", filename: `${ROOT}/src/excel/x.ts`, options: [{ root: ROOT }], errors: 1 },
      // Arrows the table does not list, which the old four prohibitions let through.
      { code: "import { tables } from '../excel/tables';", filename: `${ROOT}/src/taskpane/x.tsx`, options: [{ root: ROOT }], errors: 1 },
      { code: "import { pull } from '../connectors/pull';", filename: `${ROOT}/src/commands/x.ts`, options: [{ root: ROOT }], errors: 1 },
      { code: "import { run } from '../refresh/run';", filename: `${ROOT}/src/connectors/x.ts`, options: [{ root: ROOT }], errors: 1 },
      { code: "import type { D } from '../model/schema';", filename: `${ROOT}/src/dashboards/x.ts`, options: [{ root: ROOT }], errors: 1 },
      { code: "import { store } from '../excel/store';", filename: `${ROOT}/src/connectors/x.ts`, options: [{ root: ROOT }], errors: 1 },
      { code: "import { svc } from '../refresh/services';", filename: `${ROOT}/src/excel/x.ts`, options: [{ root: ROOT }], errors: 1 },
      // A folder's index is that layer too (it used to count as no layer and slip through).
      { code: "import { parseDocument } from '../model';", filename: `${ROOT}/src/dashboards/x.ts`, options: [{ root: ROOT }], errors: 1 },
      // An exception is for its own file and target only.
      { code: "import { pull } from '../connectors/pull';", filename: `${ROOT}/src/taskpane/index.tsx`, options: [{ root: ROOT }], errors: 1 },
      { code: "import { listTables } from '../excel/list-tables';", filename: `${ROOT}/src/taskpane/index-2.tsx`, options: [{ root: ROOT }], errors: 1 },
    ],
  });

  it('lets the simulator use the Excel API contract types', () => {
    expect(layerViolation('simulator', 'excel', true)).toBeNull();
    expect(layerViolation('simulator', 'excel', false)).toMatch(/types only/);
    expect(layerViolation('excel', 'simulator', true)).toMatch(/never ships/);
  });

  it('is DESIGN.md\'s table: every layer listed, every arrow to a layer, every exception a real file', () => {
    const layers = ['commands', 'connectors', 'dashboards', 'engine', 'excel', 'model', 'refresh', 'simulator', 'taskpane', 'workbench'];
    expect(Object.keys(ALLOWED).sort()).toEqual(layers);
    expect(readdirSync(join(REPO, 'src')).filter((n) => statSync(join(REPO, 'src', n)).isDirectory()).sort()).toEqual(layers);
    for (const arrows of Object.values(ALLOWED)) for (const to of Object.keys(arrows)) expect(layers).toContain(to);
    expect(ALLOWED.engine).toEqual({});
    expect(ALLOWED.commands).toEqual({ refresh: 'value' });
    for (const file of Object.keys(EXCEPTIONS)) expect(existsSync(join(REPO, file)), file).toBe(true);
  });
});

describe('pivotdeck/no-excel-run-text', () => {
  tester.run('no-excel-run-text', noExcelRunText, {
    valid: [{ code: 'await ctx.workbook.tables.load();' }, { code: 'const excelRunner = 1;' }],
    invalid: [
      { code: '// uses Excel.run here', errors: 1 },
      { code: 'await context.workbook.sync();', errors: 1 },
    ],
  });
});
