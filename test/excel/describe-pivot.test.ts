/**
 * What the pane is told about a picked PivotTable on shapes Excel-saved files have (issue 14
 * part 6): Σ Values on rows beside a column field is found and explained (the simulator, like
 * older hosts, does not list Σ Values among the row fields); a grouped field used as a value
 * field is called grouped, while a real calculated field is still called calculated.
 */
import { describe, expect, it } from 'vitest';
import { describePivot } from '../../src/excel/pivot/describe-pivot';
import { detectUnsupported, valuesShownOnRows } from '../../src/engine/pivot-extension';
import { readPivot } from '../../src/excel/pivot/read-pivot';
import { createSimulator } from '../../src/simulator';
import type { PivotModel } from '../../src/simulator/model';
import { loadXlsx } from '../../src/simulator/xlsx';
import { CACHE_FIELDS, REGION_ITEMS, cacheXml, pivotXml, salesWorkbook } from '../xlsx/salesFixture';
import { SALES_ROWS, cellsAt, sheet, table, workbook } from './workbooks';

function salesWith(valuesOn: 'rows' | 'columns', columns: PivotModel['columns']) {
  return createSimulator(workbook({
    sheets: [sheet('Data', cellsAt(SALES_ROWS)), sheet('Summary')],
    tables: [table('Sales', 'Data', 'A1:E13')],
    pivots: [{
      name: 'P', sheet: 'Summary', anchor: 'A3', source: { kind: 'table', table: 'Sales' },
      rows: [{ name: 'Region' }], columns, filters: [],
      data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' }, { field: 'Units', name: 'Sum of Units', summarizeBy: 'Sum' }],
      valuesOn, layout: 'Compact', subtotalLocation: 'AtTop', showRowGrandTotals: true, showColumnGrandTotals: true,
    }],
  }));
}

describe('Σ Values on rows', () => {
  it('is found and explained with a column field too', async () => {
    const d = await describePivot(salesWith('rows', [{ name: 'Channel' }]).run, 'P', { canReadDataSource: true });
    expect(d.snapshot.valuesOnRows).toBe(true);
    expect(d.problems).toEqual(['"P" shows its value fields as rows (Σ Values in Rows). Move Σ Values to Columns in the PivotTable Fields pane, then try again.']);
  });

  it('is refused on the extend and refresh path too, which reads the pivot without describePivot', async () => {
    // readPivot alone leaves valuesOnRows false here (no Σ Values hierarchy, a column field);
    // detectUnsupported, which planning an extension calls, must still see it.
    const read = await readPivot(salesWith('rows', [{ name: 'Channel' }]).run, 'P', { canReadDataSource: true });
    expect(read.valuesOnRows).toBe(false);
    expect(detectUnsupported(read)).toContain('"P" shows its value fields as rows (Σ Values in Rows). Move Σ Values to Columns in the PivotTable Fields pane, then try again.');
  });

  it('and without one; Σ Values in Columns beside a column field is no problem', async () => {
    expect((await describePivot(salesWith('rows', []).run, 'P', { canReadDataSource: true })).snapshot.valuesOnRows).toBe(true);
    const fine = await describePivot(salesWith('columns', [{ name: 'Channel' }]).run, 'P', { canReadDataSource: true });
    expect(fine.snapshot.valuesOnRows).toBe(false);
    expect(fine.problems).toEqual([]);
  });

  it('a row item that merely equals one value field\'s caption is not taken for Σ Values', () => {
    const snapshot = {
      valuesOnRows: false, columns: [{ name: 'Year' }],
      data: [{ name: 'Sum of Units' }, { name: 'Sum of Revenue' }],
      rowLabels: { values: [['Sum of Units'], ['Süd']] },
    } as unknown as Parameters<typeof valuesShownOnRows>[0];
    expect(valuesShownOnRows(snapshot)).toBe(false);
  });
});

describe('a field that is not a column of the source, used as a value', () => {
  // Region2: East and North grouped by hand into "Group1" (the field Excel adds for a grouping
  // made by hand); Bonus: a calculated field.
  const fields = CACHE_FIELDS.replace('<cacheFields count="3">', '<cacheFields count="5">').replace('</cacheFields>', `
    <cacheField name="Region2" numFmtId="0" databaseField="0"><fieldGroup base="0"><discretePr count="3"><x v="0"/><x v="0"/><x v="1"/></discretePr><groupItems count="2"><s v="Group1"/><s v="West"/></groupItems></fieldGroup></cacheField>
    <cacheField name="Bonus" numFmtId="0" formula="Sales*0.1" databaseField="0"/>
  </cacheFields>`);
  const pivot = (data: string) => pivotXml('name="PivotG" outline="1" outlineData="1"', `
    <location ref="A3:B4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>
    <pivotFields count="5"><pivotField axis="axisRow" showAll="0">${REGION_ITEMS}</pivotField><pivotField showAll="0"/><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/><pivotField dataField="1" showAll="0"/></pivotFields>
    <rowFields count="1"><field x="0"/></rowFields>
    <dataFields count="1">${data}</dataFields>`);
  const open = async (data: string) => {
    const { model } = await loadXlsx(salesWorkbook({ cells: { A3: 'Row Labels', B3: 'x' }, definition: pivot(data), cache: cacheXml(undefined, fields) }));
    return createSimulator(model);
  };

  it('a grouped field is described as grouped, with the way out', async () => {
    const sim = await open('<dataField name="Count of Region2" fld="3" subtotal="count"/>');
    const d = await describePivot(sim.run, 'PivotG', { canReadDataSource: true });
    expect(d.problems).toEqual(['"PivotG" uses the grouped field "Region2" (in "Count of Region2"): its groups are made in the PivotTable, not a column of its source. Ungroup it (PivotTable Analyze → Ungroup) or add a column to the source that holds the groups, then try again.']);
  });

  it('a calculated field is still described as calculated', async () => {
    const sim = await open('<dataField name="Sum of Bonus" fld="4"/>');
    const d = await describePivot(sim.run, 'PivotG', { canReadDataSource: true });
    expect(d.problems).toEqual(['"PivotG" uses "Sum of Bonus", which is not a column of its source: it is probably a calculated field. PivotDeck cannot recompute calculated fields; remove it or compute it in the source.']);
  });
});
