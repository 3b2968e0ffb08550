import { describe, expect, it } from 'vitest';
import { loadXlsx } from '../../src/simulator/xlsx';
import { isDateFormat } from '../../src/simulator/xlsx/number-formats';
import { buildXlsx, NS, worksheetXml } from './buildXlsx';

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd;@"/></numFmts>
<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/><xf numFmtId="49" applyNumberFormat="1"/></cellXfs></styleSheet>`;

const SST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="${NS}" count="5" uniqueCount="5">
<si><t>plain</t></si>
<si><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and plain </t></r></si>
<si><t>Tokyo</t><rPh sb="0" eb="5"><t>トウキョウ</t></rPh></si>
<si><t>A &amp; B &lt;C&gt; &#8364;</t></si>
<si><t>line_x000D_break</t></si>
</sst>`;

async function load(cells: Parameters<typeof worksheetXml>[0], after?: string) {
  return loadXlsx(buildXlsx({ styles: STYLES, sharedStrings: SST, sheets: [{ name: 'S', xml: worksheetXml(cells, { after }) }] }));
}

describe('cell values', () => {
  it('reads each cell type as Excel returns it', async () => {
    const { model } = await load({
      A1: { t: 's', v: 0 },
      A2: { t: 's', v: 1 },
      A3: { t: 's', v: 2 },
      A4: { t: 's', v: 3 },
      A5: { t: 's', v: 4 },
      B1: { t: 'inlineStr', is: '<r><t>in</t></r><r><t>line</t></r>' },
      B2: true,
      B3: { t: 'b', v: 0 },
      B4: { t: 'e', v: '#N/A' },
      B5: { v: '-1.5E-3' },
      C1: { s: 4 },
    });
    const cells = model.sheets[0].cells;
    expect(cells['0,0'].value).toBe('plain');
    expect(cells['1,0'].value).toBe('Bold and plain ');
    expect(cells['2,0'].value).toBe('Tokyo');
    expect(cells['3,0'].value).toBe('A & B <C> €');
    expect(cells['4,0'].value).toBe('line\rbreak');
    expect(cells['0,1'].value).toBe('inline');
    expect(cells['1,1'].value).toBe(true);
    expect(cells['2,1'].value).toBe(false);
    expect(cells['3,1'].value).toBe('#N/A');
    expect(cells['4,1'].value).toBe(-0.0015);
    // A styled cell without a value is not a cell Excel would return anything but "" for.
    expect(cells['0,2']).toBeUndefined();
  });

  it('cells without r attributes follow one another', async () => {
    const xml = `<worksheet xmlns="${NS}"><sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row r="3"><c r="B3"><v>3</v></c><c><v>4</v></c></row></sheetData></worksheet>`;
    const { model } = await loadXlsx(buildXlsx({ sheets: [{ name: 'S', xml }] }));
    expect(Object.fromEntries(Object.entries(model.sheets[0].cells).map(([k, c]) => [k, c.value]))).toEqual({
      '0,0': 1, '0,1': 2, '2,1': 3, '2,2': 4,
    });
  });
});

describe('dates and number formats', () => {
  it('built-in ids 14 and 22, a custom format, and an ISO date cell', async () => {
    const { model } = await load({
      A1: { s: 1, v: 45322 },
      A2: { s: 2, v: 45322.75 },
      A3: { s: 3, v: 45322 },
      A4: { t: 'd', s: 3, v: '2024-01-31T00:00:00' },
      A5: { t: 'd', v: '1900-02-28T12:00:00' },
      A6: { s: 4, v: 0.25 },
      A7: { s: 5, t: 's', v: 0 },
    });
    const cells = model.sheets[0].cells;
    expect(cells['0,0']).toEqual({ value: 45322, numberFormat: 'm/d/yyyy' });
    expect(cells['1,0']).toEqual({ value: 45322.75, numberFormat: 'm/d/yyyy h:mm' });
    expect(cells['2,0']).toEqual({ value: 45322, numberFormat: 'yyyy\\-mm\\-dd;@' });
    // 2024-01-01 is serial 45292, so the 31st is 45322.
    expect(cells['3,0'].value).toBe(45322);
    // Before Excel's phantom 1900-02-29 serials are one lower: 1900-02-28 is 59.
    expect(cells['4,0'].value).toBe(59.5);
    expect(cells['5,0'].numberFormat).toBe('0.00%');
    expect(cells['6,0'].numberFormat).toBe('@');
  });

  it('recognises date formats', () => {
    expect(isDateFormat('m/d/yyyy')).toBe(true);
    expect(isDateFormat('yyyy\\-mm\\-dd;@')).toBe(true);
    expect(isDateFormat('[h]:mm:ss')).toBe(true);
    expect(isDateFormat('[$-409]mmmm d, yyyy')).toBe(true);
    expect(isDateFormat('#,##0.00')).toBe(false);
    expect(isDateFormat('"$"#,##0_);[Red]\\("$"#,##0\\)')).toBe(false);
    expect(isDateFormat('"days"0')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
  });
});

describe('formulas', () => {
  it('keeps formula text with cached values and derives shared-formula followers', async () => {
    const { model } = await load({
      A1: 2, A2: 3, A3: 4,
      B1: { f: 'A1*2', fAttrs: 't="shared" ref="B1:C3" si="0"', v: 4 },
      B2: { fAttrs: 't="shared" si="0"', v: 6 },
      C3: { fAttrs: 't="shared" si="0"', v: 0 },
      D1: { f: 'SUM(A1:A3)', v: 9 },
      D2: { t: 'str', f: '"x"&A1', v: 'x2' },
      D3: { t: 'e', f: '1/0', v: '#DIV/0!' },
    });
    const cells = model.sheets[0].cells;
    expect(cells['0,1']).toEqual({ value: 4, formula: '=A1*2' });
    expect(cells['1,1']).toEqual({ value: 6, formula: '=A2*2' });
    expect(cells['2,2']).toEqual({ value: 0, formula: '=B3*2' });
    expect(cells['0,3']).toEqual({ value: 9, formula: '=SUM(A1:A3)' });
    expect(cells['1,3']).toEqual({ value: 'x2', formula: '="x"&A1' });
    expect(cells['2,3']).toEqual({ value: '#DIV/0!', formula: '=1/0' });
  });
});

describe('sheet structure', () => {
  it('merged ranges, hidden sheets, the active tab, and chart sheets left out', async () => {
    const chartsheet = `<chartsheet xmlns="${NS}"/>`;
    const { model, notices } = await loadXlsx(buildXlsx({
      activeTab: 2,
      sheets: [
        { name: 'Visible', xml: worksheetXml({ A1: 'Title' }, { after: '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A3:A5"/></mergeCells>' }) },
        { name: 'Chart1', xml: chartsheet, kind: 'chartsheet' },
        { name: 'Secret', xml: worksheetXml({ A1: 1 }), state: 'hidden' },
      ],
    }));
    expect(model.sheets.map((s) => s.name)).toEqual(['Visible', 'Secret']);
    expect(model.sheets[0].merges).toEqual(['A1:C1', 'A3:A5']);
    expect(model.sheets[0].visible).toBeUndefined();
    expect(model.sheets[1].visible).toBe(false);
    expect(model.activeSheet).toBe(1);
    expect(model.ignored).toEqual(['chart sheet: xl/chartsheets/sheet2.xml']);
    expect(notices).toEqual([{ part: 'xl/chartsheets/sheet2.xml', message: 'Ignored chart sheet' }]);
  });

  it('defined names: global, sheet-scoped, print area kept; filter database and hidden names skipped', async () => {
    const { model } = await loadXlsx(buildXlsx({
      sheets: [{ name: 'One', xml: worksheetXml({ A1: 1 }) }, { name: 'My Sheet', xml: worksheetXml({ A1: 2 }) }],
      afterSheets: `<definedNames>
        <definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">One!$A$1:$B$9</definedName>
        <definedName name="_xlnm.Print_Area" localSheetId="1">'My Sheet'!$A$1:$D$20</definedName>
        <definedName name="Rate">0.2</definedName>
        <definedName name="Local" localSheetId="1">'My Sheet'!$B$2</definedName>
        <definedName name="Secret" hidden="1">One!$Z$1</definedName>
        <definedName name="Amp">One!$A$1&amp;"x"</definedName>
      </definedNames>`,
    }));
    expect(model.names).toEqual([
      { name: 'Print_Area', reference: "='My Sheet'!$A$1:$D$20", scope: 'My Sheet' },
      { name: 'Rate', reference: '=0.2' },
      { name: 'Local', reference: "='My Sheet'!$B$2", scope: 'My Sheet' },
      { name: 'Amp', reference: '=One!$A$1&"x"' },
    ]);
  });

  it('tables: header and totals rows, totalsRowShown alone does not show totals', async () => {
    const table = (id: number, name: string, ref: string, attrs: string) =>
      `<table xmlns="${NS}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" ${attrs}><tableColumns count="1"><tableColumn id="1" name="C"/></tableColumns><tableStyleInfo name="TableStyleLight1"/></table>`;
    const { model } = await loadXlsx(buildXlsx({
      sheets: [{
        name: 'T',
        xml: worksheetXml({ A1: 'C', A2: 1, A3: 2, A4: { f: 'SUBTOTAL(109,[C])', v: 3 } }, { after: '<tableParts count="3"><tablePart r:id="rId1"/><tablePart r:id="rId2"/><tablePart r:id="rId3"/></tableParts>' }),
        rels: [
          { type: 'table', target: '../tables/table1.xml' },
          { type: 'table', target: '/xl/tables/table2.xml' },
          { type: 'table', target: '../tables/table3.xml' },
        ],
      }],
      parts: {
        'xl/tables/table1.xml': table(1, 'WithTotals', 'A1:A4', 'totalsRowCount="1"'),
        'xl/tables/table2.xml': table(2, 'TotalsOnceShown', 'C1:C3', 'totalsRowShown="1"'),
        'xl/tables/table3.xml': table(3, 'NoHeader', 'E1:E3', 'headerRowCount="0" totalsRowShown="0"'),
      },
    }));
    expect(model.tables).toEqual([
      { name: 'WithTotals', sheet: 'T', address: 'A1:A4', showHeaders: true, showTotals: true, style: 'TableStyleLight1' },
      { name: 'TotalsOnceShown', sheet: 'T', address: 'C1:C3', showHeaders: true, showTotals: false, style: 'TableStyleLight1' },
      { name: 'NoHeader', sheet: 'T', address: 'E1:E3', showHeaders: false, showTotals: false, style: 'TableStyleLight1' },
    ]);
    expect(model.sheets[0].cells['3,0']).toEqual({ value: 3, formula: '=SUBTOTAL(109,[C])' });
  });

  it('the file name becomes the model name; an .xlsm macro part is ignored', async () => {
    const { model } = await loadXlsx(buildXlsx({
      sheets: [{ name: 'S', xml: worksheetXml({ A1: 1 }) }],
      parts: { 'xl/vbaProject.bin': new Uint8Array(64) },
    }), { fileName: 'Budget.xlsm' });
    expect(model.name).toBe('Budget.xlsm');
    expect(model.ignored).toEqual(['VBA macros (not run, not kept): xl/vbaProject.bin']);
    expect(model.settings).toEqual({});
  });
});
