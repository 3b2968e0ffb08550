/**
 * Issue 20 part 3: when the pane offers "Try it on sample data". The lists come from loadLists over
 * the simulator, as the pane loads them; the expected answers are written by hand.
 */
import { describe, expect, it } from 'vitest';
import type { ExcelRun } from '../../src/excel/api';
import type { PaneHost } from '../../src/excel/host-types';
import { insertSample } from '../../src/excel/sample/insert-sample';
import { createSimulator } from '../../src/simulator';
import { isBlankWorkbook } from '../../src/taskpane/first-run/is-blank-workbook';
import { loadLists } from '../../src/refresh/workbook';
import { cellsAt, sheet, workbook } from '../excel/workbooks';

const host = (run: ExcelRun): PaneHost => ({ run, kind: 'workbench', isSetSupported: () => true, isDarkTheme: () => false });

describe('isBlankWorkbook', () => {
  it('offers the sample in a workbook with no tables and no PivotTables, even when its cells hold data', async () => {
    const sim = createSimulator(workbook({ sheets: [sheet('Notes', cellsAt([['Région', 'Größe'], ['Nörd', -0]]))] }));
    expect(isBlankWorkbook(await loadLists(host(sim.run)))).toBe(true);
    // Once the sample is in, the workbook has a table and a PivotTable: the offer goes away.
    await insertSample(sim.run);
    expect(isBlankWorkbook(await loadLists(host(sim.run)))).toBe(false);
  });

  it('offers nothing before the lists load, or when a list could not be read', () => {
    expect(isBlankWorkbook(undefined)).toBe(false);
    expect(isBlankWorkbook({ tables: { ok: true, data: [] }, pivots: { ok: false, message: 'Excel is busy.' } })).toBe(false);
    expect(isBlankWorkbook({ tables: { ok: false, message: 'Excel is busy.' }, pivots: { ok: true, data: [] } })).toBe(false);
  });
});
