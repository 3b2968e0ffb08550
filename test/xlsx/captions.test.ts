/**
 * Renamed fields (Field Settings → Custom Name, stored as `pivotField@name`): the model keeps the
 * source column as the field's name and the custom text as its caption, and the renderer shows
 * the caption where Excel shows field names (outline/tabular headers, the filter area).
 * Built fixture: an outline pivot over the sales rows with Region renamed "Area" and a page field
 * Product renamed "Fruit"; expected cells written by hand from salesFixture.ts's six rows.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/simulator';
import { loadXlsx } from '../../src/simulator/xlsx';
import { PRODUCT_ITEMS, REGION_ITEMS, pivotXml, salesWorkbook } from './salesFixture';

const CELLS = {
  A1: 'Fruit', B1: '(All)',
  A3: 'Area', B3: 'Sum of Sales',
  A4: 'East', B4: 30, A5: 'North', B5: 7, A6: 'West', B6: 75,
  A7: 'Grand Total', B7: 112,
};
const DEFINITION = pivotXml('name="PivotRenamed" compact="0" compactData="0" outline="1" outlineData="1"', `
  <location ref="A3:B7" firstHeaderRow="1" firstDataRow="1" firstDataCol="1" rowPageCount="1" colPageCount="1"/>
  <pivotFields count="3">
    <pivotField name="Area" axis="axisRow" compact="0" showAll="0">${REGION_ITEMS}</pivotField>
    <pivotField name="Fruit" axis="axisPage" compact="0" showAll="0">${PRODUCT_ITEMS}</pivotField>
    <pivotField dataField="1" compact="0" showAll="0"/>
  </pivotFields>
  <rowFields count="1"><field x="0"/></rowFields>
  <rowItems count="4"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i t="grand"><x/></i></rowItems>
  <colItems count="1"><i/></colItems>
  <pageFields count="1"><pageField fld="1" hier="-1"/></pageFields>
  <dataFields count="1"><dataField name="Sum of Sales" fld="2" baseField="0" baseItem="0"/></dataFields>`);

describe('renamed pivot fields', () => {
  it('loads the custom name as the caption and keeps the source column as the name', async () => {
    const { model } = await loadXlsx(salesWorkbook({ cells: CELLS, definition: DEFINITION }));
    const p = model.pivots[0];
    expect(p.layout).toBe('Outline');
    expect(p.rows.map((f) => [f.name, f.caption])).toEqual([['Region', 'Area']]);
    expect(p.filters.map((f) => [f.name, f.caption])).toEqual([['Product', 'Fruit']]);
    expect(p.data[0].field).toBe('Sales');
  });

  it('a field whose stored name equals its column has no caption', async () => {
    const plain = DEFINITION.replace('name="Area" ', 'name="Region" ');
    const { model } = await loadXlsx(salesWorkbook({ cells: CELLS, definition: plain }));
    expect(model.pivots[0].rows[0].caption).toBeUndefined();
  });

  it('re-rendered from the source, the headers and filter captions read as Excel stored them', async () => {
    const { model } = await loadXlsx(salesWorkbook({ cells: CELLS, definition: DEFINITION }));
    const sim = createSimulator(model);
    const cells = await sim.run(async (ctx) => {
      const p = ctx.workbook.pivotTables.getItem('PivotRenamed');
      p.refresh();
      const body = p.layout.getRange().load('values');
      const filter = ctx.workbook.worksheets.getItem('Pivot').getRange('A1:B1').load('values');
      await ctx.sync();
      return { body: body.values, filter: filter.values };
    });
    expect(cells.filter).toEqual([['Fruit', '(All)']]);
    expect(cells.body).toEqual([['Area', 'Sum of Sales'], ['East', 30], ['North', 7], ['West', 75], ['Grand Total', 112]]);
  });
});
