import { describe, expect, it } from 'vitest';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import officeGlobals from '../../scripts/eslint/office-globals.mjs';
import layers, { layerViolation } from '../../scripts/eslint/layers.mjs';
import noExcelRunText from '../../scripts/eslint/no-excel-run-text.mjs';

// RuleTester reports through whatever describe/it it is given.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' },
});

const ROOT = '/repo';

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
      { code: "import { tables } from '../excel/tables';", filename: `${ROOT}/src/taskpane/x.tsx`, options: [{ root: ROOT }] },
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
    ],
  });

  it('lets the simulator use the Excel API contract types', () => {
    expect(layerViolation('simulator', 'excel', true)).toBeNull();
    expect(layerViolation('excel', 'simulator', true)).toMatch(/never ships/);
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
