/**
 * Loading a dropped file: progress steps from the loader, the result, and cancel. Node has no
 * Web Worker, so this exercises the on-page fallback; the worker path runs in the browser tier
 * (test/browser/open-workbook.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { XlsxLoadError } from '../../src/simulator/xlsx';
import { CancelledLoad, loadWorkbookFile } from '../../src/workbench/load-workbook-file';
import { salesWorkbook } from '../xlsx/salesFixture';
import { COMPACT_PIVOT } from '../xlsx/salesPivots';

const bytes = () => salesWorkbook(COMPACT_PIVOT).slice().buffer;

describe('loadWorkbookFile', () => {
  it('reports each step, sheet by sheet, and resolves with the model', async () => {
    const steps: string[] = [];
    const { model } = await loadWorkbookFile(bytes(), 'sales.xlsx', (s) => steps.push(s)).result;
    expect(steps).toEqual([
      'Unzipping',
      'Reading shared strings and styles',
      'Reading sheet 1 of 2 (Data)',
      'Reading sheet 2 of 2 (Pivot)',
      'Reading names and PivotTables',
    ]);
    expect(model.name).toBe('sales.xlsx');
    expect(model.pivots.map((p) => p.name)).toEqual(['PivotCompact']);
  });

  it('rejects with CancelledLoad once cancelled', async () => {
    const load = loadWorkbookFile(bytes(), 'sales.xlsx', () => {});
    load.cancel();
    await expect(load.result).rejects.toBeInstanceOf(CancelledLoad);
  });

  it('passes the loader\'s refusal through as an XlsxLoadError', async () => {
    const load = loadWorkbookFile(new TextEncoder().encode('not a zip').buffer, 'x.xlsx', () => {});
    await expect(load.result).rejects.toBeInstanceOf(XlsxLoadError);
  });
});
