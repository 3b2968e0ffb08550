import { describe, expect, it } from 'vitest';
import { loadXlsx } from '../../src/simulator/xlsx';
import type { PivotModel } from '../../src/simulator/model';
import { NS, worksheetXml } from './buildXlsx';
import { cacheXml, CACHE_FIELDS, PRODUCT_ITEMS, REGION_ITEMS, pivotXml, salesWorkbook } from './salesFixture';
import { COMPACT_PIVOT, CROSS_PIVOT, OUTLINE_PIVOT, TABULAR_PIVOT } from './salesPivots';

async function onlyPivot(bytes: Uint8Array): Promise<PivotModel> {
  const { model } = await loadXlsx(bytes);
  expect(model.pivots).toHaveLength(1);
  return model.pivots[0];
}

describe('compact layout, two row fields, subtotals at top, grand totals on', () => {
  const { cells, definition } = COMPACT_PIVOT;

  it('maps the definition', async () => {
    const p = await onlyPivot(salesWorkbook({ cells, definition }));
    expect(p.name).toBe('PivotCompact');
    expect(p.sheet).toBe('Pivot');
    expect(p.anchor).toBe('A3');
    expect(p.layout).toBe('Compact');
    expect(p.subtotalLocation).toBe('AtTop');
    expect(p.showRowGrandTotals).toBe(true);
    expect(p.showColumnGrandTotals).toBe(true);
    expect(p.source).toEqual({ kind: 'range', sheet: 'Data', address: 'A1:C7' });
    expect(p.rows.map((f) => f.name)).toEqual(['Region', 'Product']);
    expect(p.rows[0].itemOrder).toEqual(['East', 'North', 'West']);
    expect(p.rows[1].itemOrder).toEqual(['Apples', 'Pears', 'Plums']);
    expect(p.rows[0].compact).toBe(true);
    expect(p.rows[0].outline).toBe(true);
    expect(p.rows[0].subtotals).toBeUndefined();
    expect(p.columns).toEqual([]);
    expect(p.filters).toEqual([]);
    expect(p.data).toEqual([{ field: 'Sales', name: 'Sum of Sales', summarizeBy: 'Sum', numberFormat: '#,##0' }]);
    expect(p.valuesOn).toBe('columns');
    expect(p.unsupported).toBeUndefined();
  });

  it('keeps the cells Excel rendered and derives the layout ranges from <location>', async () => {
    const r = (await onlyPivot(salesWorkbook({ cells, definition }))).rendered!;
    expect(r.range).toBe('A3:B13');
    expect(r.rowLabelRange).toBe('A4:A13');
    expect(r.columnLabelRange).toBe('B3');
    expect(r.dataBodyRange).toBe('B4:B13');
    expect(r.filterRange).toBeUndefined();
    expect(r.values).toEqual([
      ['Row Labels', 'Sum of Sales'],
      ['East', 30], ['Apples', 10], ['Pears', 20],
      ['North', 7], ['Apples', 7],
      ['West', 75], ['Apples', 30], ['Pears', 40], ['Plums', 5],
      ['Grand Total', 112],
    ]);
    expect(r.numberFormats[0]).toEqual(['General', 'General']);
    expect(r.numberFormats[1]).toEqual(['General', '#,##0']);
    expect(r.numberFormats[10]).toEqual(['General', '#,##0']);
  });
});

describe('outline layout with subtotals at the bottom', () => {
  const { cells, definition } = OUTLINE_PIVOT;

  it('is Outline with subtotals AtBottom and two label columns', async () => {
    const p = await onlyPivot(salesWorkbook({ cells, definition }));
    expect(p.layout).toBe('Outline');
    expect(p.subtotalLocation).toBe('AtBottom');
    expect(p.rows.map((f) => [f.compact, f.outline])).toEqual([[false, true], [false, true]]);
    expect(p.rendered!.rowLabelRange).toBe('A4:B16');
    expect(p.rendered!.columnLabelRange).toBe('C3');
    expect(p.rendered!.dataBodyRange).toBe('C4:C16');
    expect(p.rendered!.values[4]).toEqual(['East Total', '', 30]);
    expect(p.rendered!.values[13]).toEqual(['Grand Total', '', 112]);
  });
});

describe('tabular layout, subtotals off, grand totals off, repeated labels', () => {
  const { cells, definition } = TABULAR_PIVOT;

  it('is Tabular with subtotals Off and both grand totals off', async () => {
    const p = await onlyPivot(salesWorkbook({ cells, definition }));
    expect(p.layout).toBe('Tabular');
    expect(p.subtotalLocation).toBe('Off');
    expect(p.rows[0].subtotals).toEqual([]);
    expect(p.rows[0].repeatLabels).toBe(true);
    expect(p.rows[1].repeatLabels).toBeUndefined();
    expect(p.showRowGrandTotals).toBe(false);
    expect(p.showColumnGrandTotals).toBe(false);
    expect(p.rendered!.values).toHaveLength(7);
    expect(p.rendered!.values[6]).toEqual(['West', 'Plums', 5]);
  });
});

describe('grand totals: the file names them after the axis, the API after what is totalled', () => {
  const { cells, definition } = CROSS_PIVOT;

  it('maps colGrandTotals="0" to showRowGrandTotals false and keeps showColumnGrandTotals', async () => {
    const p = await onlyPivot(salesWorkbook({ cells, definition }));
    expect(p.showRowGrandTotals).toBe(false);
    expect(p.showColumnGrandTotals).toBe(true);
    expect(p.columns.map((f) => f.name)).toEqual(['Product']);
    expect(p.rendered!.columnLabelRange).toBe('B3:D4');
    expect(p.rendered!.rowLabelRange).toBe('A5:A8');
    expect(p.rendered!.dataBodyRange).toBe('B5:D8');
    expect(p.rendered!.values[3]).toEqual(['North', 7, '', '']);
  });
});

describe('two data fields', () => {
  const twoDataFields = `<dataFields count="2"><dataField name="Sum of Sales" fld="2" baseField="0" baseItem="0"/><dataField name="Count of Sales" fld="2" subtotal="count" baseField="0" baseItem="0"/></dataFields>`;
  const fields = `<pivotFields count="3"><pivotField axis="axisRow" showAll="0">${REGION_ITEMS}</pivotField><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/></pivotFields>`;

  it('with values on columns (Values in colFields)', async () => {
    const cells = {
      B3: 'Values', A4: 'Row Labels', B4: 'Sum of Sales', C4: 'Count of Sales',
      A5: 'East', B5: 30, C5: 2, A6: 'North', B6: 7, C6: 1, A7: 'West', B7: 75, C7: 3, A8: 'Grand Total', B8: 112, C8: 6,
    };
    const definition = pivotXml('name="PivotTwoCols" outline="1" outlineData="1"', `
      <location ref="A3:C8" firstHeaderRow="1" firstDataRow="2" firstDataCol="1"/>${fields}
      <rowFields count="1"><field x="0"/></rowFields>
      <colFields count="1"><field x="-2"/></colFields>${twoDataFields}`);
    const p = await onlyPivot(salesWorkbook({ cells, definition }));
    expect(p.valuesOn).toBe('columns');
    expect(p.columns).toEqual([]);
    expect(p.data.map((d) => [d.name, d.summarizeBy])).toEqual([['Sum of Sales', 'Sum'], ['Count of Sales', 'Count']]);
    expect(p.rendered!.columnLabelRange).toBe('B3:C4');
    expect(p.rendered!.dataBodyRange).toBe('B5:C8');
    expect(p.rendered!.values[5]).toEqual(['Grand Total', 112, 6]);
  });

  it('with values on rows (Values in rowFields)', async () => {
    const cells = {
      A3: 'Region', B3: 'Data', C3: 'Total',
      A4: 'East', B4: 'Sum of Sales', C4: 30, B5: 'Count of Sales', C5: 2,
      A6: 'North', B6: 'Sum of Sales', C6: 7, B7: 'Count of Sales', C7: 1,
      A8: 'West', B8: 'Sum of Sales', C8: 75, B9: 'Count of Sales', C9: 3,
      A10: 'Total Sum of Sales', C10: 112, A11: 'Total Count of Sales', C11: 6,
    };
    const definition = pivotXml('name="PivotTwoRows" dataOnRows="1" compact="0" compactData="0" gridDropZones="1"', `
      <location ref="A3:C11" firstHeaderRow="1" firstDataRow="1" firstDataCol="2"/>
      <pivotFields count="3"><pivotField axis="axisRow" compact="0" outline="0" showAll="0">${REGION_ITEMS}</pivotField><pivotField compact="0" outline="0" showAll="0"/><pivotField dataField="1" compact="0" outline="0" showAll="0"/></pivotFields>
      <rowFields count="2"><field x="0"/><field x="-2"/></rowFields>${twoDataFields}`);
    const p = await onlyPivot(salesWorkbook({ cells, definition }));
    expect(p.valuesOn).toBe('rows');
    expect(p.rows.map((f) => f.name)).toEqual(['Region']);
    expect(p.layout).toBe('Tabular');
    expect(p.rendered!.rowLabelRange).toBe('A4:B11');
    expect(p.rendered!.columnLabelRange).toBe('C3');
    expect(p.rendered!.dataBodyRange).toBe('C4:C11');
  });
});

describe('page field and hidden items', () => {
  // Product filter set to Pears (item index 1 → x=1); North hidden from the rows by hand.
  const cells = {
    A1: 'Product', B1: 'Pears',
    A3: 'Row Labels', B3: 'Sum of Sales', A4: 'East', B4: 20, A5: 'West', B5: 40, A6: 'Grand Total', B6: 60,
  };
  const definition = pivotXml('name="PivotFiltered" outline="1" outlineData="1"', `
    <location ref="A3:B6" firstHeaderRow="1" firstDataRow="1" firstDataCol="1" rowPageCount="1" colPageCount="1"/>
    <pivotFields count="3">
      <pivotField axis="axisRow" showAll="0"><items count="4"><item x="0"/><item h="1" x="2"/><item x="1"/><item t="default"/></items></pivotField>
      <pivotField axis="axisPage" showAll="0">${PRODUCT_ITEMS}</pivotField>
      <pivotField dataField="1" showAll="0"/>
    </pivotFields>
    <rowFields count="1"><field x="0"/></rowFields>
    <pageFields count="1"><pageField fld="1" item="1" hier="-1"/></pageFields>
    <dataFields count="1"><dataField name="Sum of Sales" fld="2" baseField="0" baseItem="0"/></dataFields>`);

  it('maps the page field selection to hidden items and the filter area above the pivot', async () => {
    const p = await onlyPivot(salesWorkbook({ cells, definition }));
    expect(p.filters).toHaveLength(1);
    expect(p.filters[0].name).toBe('Product');
    expect(p.filters[0].hiddenItems).toEqual(['Apples', 'Plums']);
    expect(p.rows[0].itemOrder).toEqual(['East', 'North', 'West']);
    expect(p.rows[0].hiddenItems).toEqual(['North']);
    expect(p.rendered!.filterRange).toBe('A1:B1');
    expect(p.rendered!.filterValues).toEqual([['Product', 'Pears']]);
    expect(p.rendered!.range).toBe('A3:B6');
  });
});

describe('data sources', () => {
  const definition = pivotXml('name="P" outline="1" outlineData="1"', `
    <location ref="A3:B7" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>
    <pivotFields count="3"><pivotField axis="axisRow" showAll="0">${REGION_ITEMS}</pivotField><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/></pivotFields>
    <rowFields count="1"><field x="0"/></rowFields>
    <dataFields count="1"><dataField name="Sum of Sales" fld="2"/></dataFields>`);
  const cells = { A3: 'Row Labels', B3: 'Sum of Sales', A4: 'East', B4: 30, A5: 'North', B5: 7, A6: 'West', B6: 75, A7: 'Grand Total', B7: 112 };
  const table = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table xmlns="${NS}" id="1" name="SalesTable" displayName="SalesTable" ref="A1:C7" totalsRowShown="0"><autoFilter ref="A1:C7"/><tableColumns count="3"><tableColumn id="1" name="Region"/><tableColumn id="2" name="Product"/><tableColumn id="3" name="Sales"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;

  it('a table by name', async () => {
    const p = await onlyPivot(salesWorkbook({
      cells, definition,
      cache: cacheXml('<cacheSource type="worksheet"><worksheetSource name="SalesTable"/></cacheSource>'),
      sheetAfter: '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>',
      dataRels: [{ type: 'table', target: '../tables/table1.xml' }],
      extra: { parts: { 'xl/tables/table1.xml': table } },
    }));
    expect(p.source).toEqual({ kind: 'table', table: 'SalesTable' });
  });

  it('a defined name resolves to its range', async () => {
    const p = await onlyPivot(salesWorkbook({
      cells, definition,
      cache: cacheXml('<cacheSource type="worksheet"><worksheetSource name="SalesRange"/></cacheSource>'),
      extra: { afterSheets: '<definedNames><definedName name="SalesRange">Data!$A$1:$C$7</definedName></definedNames>' },
    }));
    expect(p.source).toEqual({ kind: 'range', sheet: 'Data', address: 'A1:C7' });
  });

  it('an external connection is kept as external and marked unsupported', async () => {
    const { model, notices } = await loadXlsx(salesWorkbook({
      cells, definition,
      cache: cacheXml('<cacheSource type="external" connectionId="1"/>'),
    }));
    expect(model.pivots[0].source).toEqual({ kind: 'external', description: 'data connection 1' });
    expect(model.pivots[0].unsupported).toEqual(['external or OLAP data source (data connection 1)']);
    expect(notices.some((x) => x.message.includes('external or OLAP'))).toBe(true);
  });
});

describe('things PivotDeck cannot reproduce are flagged, not dropped', () => {
  it('calculated fields, grouped fields and calculated items', async () => {
    const fields = CACHE_FIELDS.replace('<cacheFields count="3">', '<cacheFields count="5">').replace('</cacheFields>', `
      <cacheField name="Bonus" numFmtId="0" formula="Sales*0.1" databaseField="0"/>
      <cacheField name="Sales2" numFmtId="0" databaseField="0"><fieldGroup base="2"><rangePr startNum="0" endNum="40" groupInterval="10"/><groupItems count="1"><s v="0-9"/></groupItems></fieldGroup></cacheField>
    </cacheFields>`);
    const definition = pivotXml('name="PivotOdd" outline="1" outlineData="1"', `
      <location ref="A3:B4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>
      <pivotFields count="5"><pivotField axis="axisRow" showAll="0">${REGION_ITEMS}</pivotField><pivotField showAll="0"/><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/><pivotField showAll="0"/></pivotFields>
      <rowFields count="1"><field x="0"/></rowFields>
      <dataFields count="1"><dataField name="Sum of Bonus" fld="3"/></dataFields>
      <calculatedItems count="1"><calculatedItem formula="East+West"/></calculatedItems>`);
    const p = await onlyPivot(salesWorkbook({ cells: { A3: 'Row Labels', B3: 'Sum of Bonus' }, definition, cache: cacheXml(undefined, fields) }));
    expect(p.data[0].field).toBe('Bonus');
    // Sales2 is grouped but this pivot does not use it: it is not listed.
    expect(p.unsupported).toEqual([
      'calculated field "Bonus" (=Sales*0.1)',
      'calculated items',
    ]);
  });

  describe('a grouped field is listed only for the pivot that uses it, with the kind of grouping', () => {
    // Region2: East and North grouped by hand into "Group1" (Excel adds the field, based on
    // Region, whose fieldGroup gets par="3"); Sales2: Sales in ranges of 10; Months: a date
    // grouping as Excel writes it (here over Sales, enough for the loader's words).
    const fields = CACHE_FIELDS.replace('<cacheFields count="3">', '<cacheFields count="6">').replace('</cacheFields>', `
      <cacheField name="Region2" numFmtId="0" databaseField="0"><fieldGroup base="0"><discretePr count="3"><x v="0"/><x v="0"/><x v="1"/></discretePr><groupItems count="2"><s v="Group1"/><s v="West"/></groupItems></fieldGroup></cacheField>
      <cacheField name="Sales2" numFmtId="0" databaseField="0"><fieldGroup base="2"><rangePr startNum="0" endNum="40" groupInterval="10"/><groupItems count="1"><s v="0-9"/></groupItems></fieldGroup></cacheField>
      <cacheField name="Months" numFmtId="0" databaseField="0"><fieldGroup base="2"><rangePr groupBy="months" startDate="2024-01-01T00:00:00" endDate="2024-12-31T00:00:00"/><groupItems count="1"><s v="Jan"/></groupItems></fieldGroup></cacheField>
    </cacheFields>`).replace(/<cacheField name="Region"([^>]*)>/, '<cacheField name="Region"$1><fieldGroup par="3"/>');
    const pivotUsing = (rows: number[], data: number) => pivotXml('name="PivotG" outline="1" outlineData="1"', `
      <location ref="A3:B4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>
      <pivotFields count="6">${[0, 1, 2, 3, 4, 5].map((i) => `<pivotField${rows.includes(i) ? ' axis="axisRow"' : ''}${i === data ? ' dataField="1"' : ''} showAll="0"/>`).join('')}</pivotFields>
      <rowFields count="${rows.length}">${rows.map((x) => `<field x="${x}"/>`).join('')}</rowFields>
      <dataFields count="1"><dataField name="Count of it" fld="${data}" subtotal="count"/></dataFields>`);
    const load = (rows: number[], data: number) => loadXlsx(salesWorkbook({ cells: { A3: 'Row Labels', B3: 'Count of it' }, definition: pivotUsing(rows, data), cache: cacheXml(undefined, fields) }));

    it('a hand-made grouping is called that, not "dates or numbers grouped into ranges"; the base field is not listed', async () => {
      const { model, notices } = await load([3], 2);
      expect(model.pivots[0].unsupported).toEqual(['grouped field "Region2" (items grouped by hand into "Group1", "West")']);
      expect(notices.map((x) => x.message)).toContain('PivotTable "PivotG": grouped field "Region2" (items grouped by hand into "Group1", "West")');
      expect(notices.map((x) => x.message).join('\n')).not.toMatch(/Sales2|Months|ranges/);
    });

    it('number ranges and date periods say so; a grouped field used as a value counts too', async () => {
      expect((await load([4], 2)).model.pivots[0].unsupported).toEqual(['grouped field "Sales2" (numbers grouped into ranges of 10)']);
      expect((await load([0], 5)).model.pivots[0].unsupported).toEqual(['grouped field "Months" (dates grouped by months)']);
    });

    it('a pivot that uses none of them gets no notice', async () => {
      const { model, notices } = await load([0, 1], 2);
      expect(model.pivots[0].unsupported).toBeUndefined();
      expect(notices.filter((x) => x.message.startsWith('PivotTable'))).toEqual([]);
    });
  });

  it('pivot charts, charts, slicers and VBA are listed as ignored', async () => {
    const definition = pivotXml('name="PivotCharted" outline="1" outlineData="1"', `
      <location ref="A3:B4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>
      <pivotFields count="3"><pivotField axis="axisRow" showAll="0">${REGION_ITEMS}</pivotField><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/></pivotFields>
      <rowFields count="1"><field x="0"/></rowFields><dataFields count="1"><dataField name="Sum of Sales" fld="2"/></dataFields>`);
    const chart = (pivot: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">${pivot}<c:chart/></c:chartSpace>`;
    const { model, notices } = await loadXlsx(salesWorkbook({
      cells: { A3: 'Row Labels', B3: 'Sum of Sales' }, definition,
      extra: {
        parts: {
          'xl/charts/chart1.xml': chart('<c:pivotSource><c:name>[Book1.xlsx]Pivot!PivotCharted</c:name><c:fmtId val="0"/></c:pivotSource>'),
          'xl/charts/chart2.xml': chart(''),
          'xl/slicers/slicer1.xml': `<slicers xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"/>`,
          'xl/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]),
        },
      },
    }));
    expect(model.ignored).toEqual([
      'pivot chart (of PivotCharted): xl/charts/chart1.xml',
      'chart: xl/charts/chart2.xml',
      'slicer: xl/slicers/slicer1.xml',
      'VBA macros (not run, not kept): xl/vbaProject.bin',
    ]);
    expect(model.pivots[0].unsupported).toEqual(['pivot chart (xl/charts/chart1.xml)']);
    expect(notices.map((x) => x.part)).toContain('xl/slicers/slicer1.xml');
  });
});

describe('shared items mixing types keep their index order', () => {
  it('a blank between strings and a number', async () => {
    const fields = `<cacheFields count="3">
      <cacheField name="Region" numFmtId="0"><sharedItems containsBlank="1" containsMixedTypes="1" count="4"><s v="East"/><m/><n v="5"/><s v="West"/></sharedItems></cacheField>
      <cacheField name="Product" numFmtId="0"><sharedItems/></cacheField>
      <cacheField name="Sales" numFmtId="0"><sharedItems/></cacheField></cacheFields>`;
    const definition = pivotXml('name="PivotMixed" outline="1" outlineData="1"', `
      <location ref="A3:B4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>
      <pivotFields count="3"><pivotField axis="axisRow" showAll="0"><items count="5"><item x="2"/><item x="0"/><item x="3"/><item x="1"/><item t="default"/></items></pivotField><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/></pivotFields>
      <rowFields count="1"><field x="0"/></rowFields><dataFields count="1"><dataField name="Sum of Sales" fld="2"/></dataFields>`);
    const p = await onlyPivot(salesWorkbook({ cells: { A3: 'Row Labels' }, definition, cache: cacheXml(undefined, fields) }));
    expect(p.rows[0].itemOrder).toEqual(['5', 'East', 'West', '(blank)']);
  });
});

describe('custom subtotals', () => {
  it('several functions go below each group, in item order', async () => {
    const definition = pivotXml('name="PivotCustom" outline="1" outlineData="1"', `
      <location ref="A1:B2" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>
      <pivotFields count="3">
        <pivotField axis="axisRow" showAll="0" sumSubtotal="1" countASubtotal="1" avgSubtotal="1"><items count="6"><item x="0"/><item x="2"/><item x="1"/><item t="sum"/><item t="countA"/><item t="avg"/></items></pivotField>
        <pivotField axis="axisRow" showAll="0">${PRODUCT_ITEMS}</pivotField>
        <pivotField dataField="1" showAll="0"/>
      </pivotFields>
      <rowFields count="2"><field x="0"/><field x="1"/></rowFields><dataFields count="1"><dataField name="Sum of Sales" fld="2"/></dataFields>`);
    const p = await onlyPivot(salesWorkbook({ cells: { A1: 'Row Labels' }, definition }));
    expect(p.rows[0].subtotals).toEqual(['Sum', 'Count', 'Average']);
    expect(p.subtotalLocation).toBe('AtBottom');
  });
});

it('a pivot whose sheet is read before its data sheet still resolves its source', async () => {
  const definition = pivotXml('name="Early" outline="1" outlineData="1"', `
    <location ref="A1:B2" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>
    <pivotFields count="3"><pivotField axis="axisRow" showAll="0">${REGION_ITEMS}</pivotField><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/></pivotFields>
    <rowFields count="1"><field x="0"/></rowFields><dataFields count="1"><dataField name="Sum of Sales" fld="2" subtotal="average"/></dataFields>`);
  const bytes = salesWorkbook({ cells: {}, definition, extra: { sheets: [{ name: 'Later', xml: worksheetXml({ A1: 1 }) }] } });
  const p = await onlyPivot(bytes);
  expect(p.data[0]).toEqual({ field: 'Sales', name: 'Sum of Sales', summarizeBy: 'Average' });
});
