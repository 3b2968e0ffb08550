/**
 * The pivot's look (PivotStyleLight16, approximated): bold header rows on a light fill, bold
 * parent/subtotal lines and grand totals, compact child labels indented by depth. Expected
 * matrices are written out by hand from the layouts (see test/xlsx/salesFixture.ts for the rows).
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/simulator';
import type { CellStyleModel } from '../../src/simulator/model';
import { renderPivot } from '../../src/simulator/pivot/render';
import { PIVOT_HEADER_FILL } from '../../src/simulator/pivot/styles';
import { loadXlsx } from '../../src/simulator/xlsx';
import { PRODUCT_ITEMS, REGION_ITEMS, pivotXml, salesWorkbook } from '../xlsx/salesFixture';
import { COMPACT_PIVOT } from '../xlsx/salesPivots';
import { dataField, field, pivot, table } from './pivot-render-helpers';
import { workbook } from './helpers';

const H: CellStyleModel = { bold: true, fill: PIVOT_HEADER_FILL };
const B: CellStyleModel = { bold: true };
const I1: CellStyleModel = { indent: 1 };
const _ = undefined;

const SALES = table(['Region', 'Product', 'Sales'], [
  ['East', 'Apples', 10], ['East', 'Pears', 20], ['West', 'Apples', 30],
  ['West', 'Pears', 40], ['West', 'Plums', 5], ['North', 'Apples', 7],
]);

/** Styles with frozen shared objects compared by content. */
const plain = (styles: (CellStyleModel | undefined)[][] | undefined) => styles?.map((r) => r.map((s) => (s ? { ...s } : s)));

const COMPACT_STYLES = [
  [H, H],
  [B, B], [I1, _], [I1, _], // East (subtotal at top), Apples, Pears
  [B, B], [I1, _], // North, Apples
  [B, B], [I1, _], [I1, _], [I1, _], // West, Apples, Pears, Plums
  [H, H], // Grand Total
];

describe('pivot styles from the renderer', () => {
  it('compact: bold header on the fill, bold parents with their subtotals, indented children, Grand Total like the header', () => {
    const out = renderPivot(pivot({ rows: [field('Region'), field('Product')], data: [dataField('Sales')] }), SALES);
    expect(out.values[1]).toEqual(['East', 30]); // the values are unchanged: a sanity anchor
    expect(plain(out.styles)).toEqual(COMPACT_STYLES);
  });

  it('outline with subtotals at the bottom: parent lines and "X Total" lines bold, children plain', () => {
    const out = renderPivot(pivot({
      rows: [field('Region'), field('Product')], data: [dataField('Sales')], layout: 'Outline', subtotalLocation: 'AtBottom',
    }), SALES);
    expect(out.values.map((r) => r[0])).toEqual([
      'Region', 'East', '', '', 'East Total', 'North', '', 'North Total', 'West', '', '', '', 'West Total', 'Grand Total',
    ]);
    const s = plain(out.styles)!;
    expect(s[0]).toEqual([H, H, H]);
    expect(s[1]).toEqual([B, B, B]); // East: subheading, its data cell empty but in the bold row
    expect(s[2]).toEqual([B, _, _]); // Apples line: only the (empty) parent column is a subheading
    expect(s[4]).toEqual([B, B, B]); // East Total
    expect(s[13]).toEqual([H, H, H]);
  });

  it('column fields: the header rows are filled, the Grand Total column is bold', () => {
    const out = renderPivot(pivot({ rows: [field('Region')], columns: [field('Product')], data: [dataField('Sales')] }), SALES);
    // Sum of Sales | Column Labels ; Row Labels | Apples | Pears | Plums | Grand Total ; 3 regions ; Grand Total
    expect(out.values[1]).toEqual(['Row Labels', 'Apples', 'Pears', 'Plums', 'Grand Total']);
    const s = plain(out.styles)!;
    expect(s[0]).toEqual([H, H, H, H, H]);
    expect(s[1]).toEqual([H, H, H, H, H]);
    expect(s[2]).toEqual([_, _, _, _, B]);
    expect(s[5]).toEqual([H, H, H, H, H]);
  });
});

describe('the simulator writes the styles into the pivot cells', () => {
  const model = workbook({
    Data: [['Region', 'Product', 'Sales'], ...SALES.rows],
    Pivot: [],
  }, {
    pivots: [pivot({
      rows: [field('Region'), field('Product')], filters: [field('Product')], data: [dataField('Sales')],
      source: { kind: 'range', sheet: 'Data', address: 'A1:C7' }, anchor: 'A3',
    })],
  });

  it('shows bold, fill and indent in the view and through range.format', async () => {
    const sim = createSimulator(model);
    // Filter at A1:B1, blank row 2, body from A3.
    expect(sim.view.cell('Pivot', 0, 0)).toMatchObject({ text: 'Product', bold: true });
    expect(sim.view.cell('Pivot', 0, 1).bold).toBeUndefined();
    expect(sim.view.cell('Pivot', 2, 0)).toMatchObject({ text: 'Row Labels', bold: true, fill: PIVOT_HEADER_FILL });
    expect(sim.view.cell('Pivot', 3, 0)).toMatchObject({ text: 'East', bold: true });
    expect(sim.view.cell('Pivot', 3, 0).indent).toBeUndefined();
    expect(sim.view.cell('Pivot', 4, 0)).toMatchObject({ text: 'Apples', indent: 1 });
    expect(sim.view.cell('Pivot', 4, 0).bold).toBeUndefined();
    expect(sim.view.cell('Pivot', 12, 1)).toMatchObject({ text: '112', bold: true, fill: PIVOT_HEADER_FILL });
    const bold = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Pivot').getRange('A13:B13').load('format/font/bold');
      await ctx.sync();
      return r.format.font.bold;
    });
    expect(bold).toBe(true);
  });
});

describe('styles of a pivot opened from a file', () => {
  // Excel's rowItems for COMPACT_PIVOT: r = labels repeated from the line above, x = one more field.
  const ROW_ITEMS = `<rowItems count="10">
    <i><x/></i><i r="1"><x/></i><i r="1"><x v="1"/></i>
    <i><x v="1"/></i><i r="1"><x/></i>
    <i><x v="2"/></i><i r="1"><x/></i><i r="1"><x v="1"/></i><i r="1"><x v="2"/></i>
    <i t="grand"><x/></i></rowItems>`;
  const definition = pivotXml('name="PivotCompact" outline="1" outlineData="1"', `
    <location ref="A3:B13" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>
    <pivotFields count="3">
      <pivotField axis="axisRow" showAll="0">${REGION_ITEMS}</pivotField>
      <pivotField axis="axisRow" showAll="0">${PRODUCT_ITEMS}</pivotField>
      <pivotField dataField="1" showAll="0"/>
    </pivotFields>
    <rowFields count="2"><field x="0"/><field x="1"/></rowFields>
    ${ROW_ITEMS}
    <colItems count="1"><i/></colItems>
    <dataFields count="1"><dataField name="Sum of Sales" fld="2" baseField="0" baseItem="0" numFmtId="3"/></dataFields>`);

  it('reads line kinds from rowItems and looks like the re-rendered pivot', async () => {
    const { model } = await loadXlsx(salesWorkbook({ cells: COMPACT_PIVOT.cells, definition }));
    expect(plain(model.pivots[0].rendered?.styles)).toEqual(COMPACT_STYLES);
    const sim = createSimulator(model);
    expect(sim.view.cell('Pivot', 4, 0)).toMatchObject({ text: 'Apples', indent: 1 });
    expect(sim.view.cell('Pivot', 3, 1)).toMatchObject({ value: 30, bold: true });
  });
});
