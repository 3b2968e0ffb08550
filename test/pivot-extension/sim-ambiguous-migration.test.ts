/**
 * Issue 14 part 4 (the leftover): an extension saved before version 4 whose sheet the migration
 * could not tell is settled when the pane opens — silently when only one sheet holds a pivot of
 * that name, by asking the user once when two do — and the answer is saved. Also the pane's
 * other Excel reads, now use-cases: list, describe, selected pivot.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/excel/api';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { DocumentService, ExtensionCoordinator, memoryDocumentStorage } from '../../src/refresh';
import {
  describeExtendablePivot, listExtendablePivots, pivotSheetsToSettle, selectedPivot, settlePivotSheets,
} from '../../src/refresh/extensions/pivot-choices';
import { HEADER } from './hand-data';
import { basePivot, handSimulator, sheetWith } from './sim-workbook';

const sum = { data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' as const }], rows: [{ name: 'Region' }] };
const OTHER: CellValue[][] = [['Süd', 'Cars', 'Bo', 2, 1000, 4], ['Ost', 'Bikes', 'Cé', 1, -0, 5]];

function workbook() {
  return handSimulator([
    basePivot({ ...sum, name: 'PivotTable1', sheet: 'Pivot', anchor: 'A3' }),
    basePivot({ ...sum, name: 'pivottable1', sheet: 'Other', anchor: 'A3', source: { kind: 'range', sheet: 'Data2', address: 'A1:F3' } }),
    basePivot({ ...sum, name: 'Solo', sheet: 'Other', anchor: 'H3', source: { kind: 'range', sheet: 'Data2', address: 'A1:F3' } }),
  ], [sheetWith('Data2', [HEADER, ...OTHER]), { name: 'Other', cells: {} }]);
}

/** A migrated document: two extensions with no pivotSheet. */
function migrated(): PivotDeckDocument {
  const measures = [{ id: 'm', label: 'Median of Revenue', kind: 'median' as const, field: 'Revenue' }];
  return {
    ...emptyDocument(),
    extensions: [
      { id: 'amb', pivotName: 'PivotTable1', measures, placement: { kind: 'sheet', sheet: 'Medians' } },
      { id: 'solo', pivotName: 'Solo', measures, placement: { kind: 'sheet', sheet: 'Solo medians' } },
    ],
  };
}

describe('settling which sheet a migrated extension belongs to', () => {
  it('pure: one candidate is settled, two (names compared as Excel does, ignoring case) are asked', () => {
    const pivots = [{ sheet: 'Pivot', name: 'PivotTable1' }, { sheet: 'Other', name: 'pivottable1' }, { sheet: 'Other', name: 'Solo' }];
    expect(pivotSheetsToSettle(migrated(), pivots)).toEqual({
      settled: [{ extensionId: 'solo', sheet: 'Other' }],
      ask: [{ extensionId: 'amb', pivotName: 'PivotTable1', sheets: ['Pivot', 'Other'], measures: 'Median of Revenue' }],
    });
    // A pivot that is gone altogether is neither settled nor asked about.
    expect(pivotSheetsToSettle(migrated(), [])).toEqual({ settled: [], ask: [] });
  });

  it('in the simulator: asks once, saves the answer, and the extension then refreshes against that sheet only', async () => {
    const sim = workbook();
    const documents = new DocumentService(memoryDocumentStorage(migrated()));
    const coordinator = new ExtensionCoordinator({ run: sim.run, canReadDataSource: true }, documents);
    // Until the user answers, checking never guesses.
    expect((await coordinator.check('amb')).state).toBe('unknown');

    const pivots = await listExtendablePivots(coordinator.deps);
    const questions = await settlePivotSheets(coordinator, pivots);
    expect(questions.map((q) => [q.extensionId, q.sheets])).toEqual([['amb', ['Pivot', 'Other']]]);
    expect((await documents.read()).extensions.find((e) => e.id === 'solo')?.pivotSheet).toBe('Other');

    await coordinator.setPivotSheet('amb', 'Other');
    // Asked once: the next pane open has nothing to ask.
    expect(await settlePivotSheets(coordinator, pivots)).toEqual([]);
    const result = await coordinator.refreshOne('amb');
    expect(result.outcomes.get('amb')?.status).toBe('written');
    // Data2's pivot: Ost [-0] → 0 (Excel shows -0 as 0), Süd 1000, grand median of [1000, -0] = 500.
    const medians = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Medians').getRange('B1:B4').load('values');
      await ctx.sync();
      return r.values.map((row) => row[0]);
    });
    expect(medians).toEqual(['Median of Revenue', 0, 1000, 500]);
  });

  it('describe and selected-pivot use-cases carry the sheet', async () => {
    const sim = workbook();
    const deps = { run: sim.run, canReadDataSource: true };
    const described = await describeExtendablePivot(deps, { sheet: 'Other', name: 'pivottable1' });
    expect(described.snapshot.sheet).toBe('Other');
    expect(described.sourceFields).toEqual(HEADER);
    expect(described.problems).toEqual([]);
    sim.select('Other', 'A5');
    expect(await selectedPivot(deps)).toEqual({ sheet: 'Other', name: 'pivottable1' });
    sim.select('Other', 'Z99');
    expect(await selectedPivot(deps)).toBeUndefined();
  });
});
