/**
 * Where columns go on an in-place refresh (planTableLayout), which user formulas use a column a
 * refresh would delete (formulasUsingColumns), and the write-side check that asks before
 * deleting it and changes nothing when the answer is no.
 */
import { describe, expect, it } from 'vitest';
import { formulasUsingColumns, landingBlock, landTable, planTableLayout, type ColumnRemovalCheck } from '../../src/excel/land';
import { readFormulas } from '../../src/excel/land/read-formulas';
import { createSimulator, modelFromRows } from '../../src/simulator';
import { emptySim, pulled, snapshot } from './helpers';

const ORDERS = { name: 'Orders', sheet: 'Data', row: 0, column: 0, rows: 5, columns: 4, header: ['Region', 'Amount', 'Units', 'Value'] };

describe('planTableLayout', () => {
  it('keeps columns in place, appends new ones, deletes lost ones, leaves the user column alone', () => {
    const layout = planTableLayout(['Region', 'Amount', 'Units', 'Value'], [{ index: 3, name: 'Value', formula: '=[@Amount]*2' }], ['amount', 'Channel', 'Region']);
    expect(layout.columns).toEqual([
      { kind: 'data', source: 2 }, { kind: 'data', source: 0 }, { kind: 'removed', name: 'Units' },
      { kind: 'user', column: { index: 3, name: 'Value', formula: '=[@Amount]*2' } }, { kind: 'data', source: 1 },
    ]);
    expect(layout).toMatchObject({ added: [1], removed: ['Units'], writeWidth: 5, finalWidth: 4 });
  });
});

describe('formulasUsingColumns', () => {
  it('finds structured and A1 references to the deleted columns, and nothing else', () => {
    const cells = [
      { sheet: 'Report', address: 'A1', formula: '=SUM(Orders[Units])' },
      { sheet: 'Report', address: 'A2', formula: '=SUM(Orders[[#All],[Units]])+SUM(Orders[[Region]:[Amount]])' },
      { sheet: 'Report', address: 'A3', formula: '=SUM(Orders[Amount])' },
      { sheet: 'Report', address: 'A4', formula: '="Orders[Units]"' },
      { sheet: 'Report', address: 'A5', formula: '=SUM(Other[Units])' },
      { sheet: 'Report', address: 'A6', formula: '=Data!C3+Data!B3' },
      { sheet: 'Data', address: 'D2', formula: '=[@Units]*2' },
      { sheet: 'Report', address: 'A7', formula: "=SUM(Orders['#Units])" },
    ];
    expect(formulasUsingColumns(cells, ORDERS, ['Units', '#Units']).map((u) => `${u.where} ${u.column}`)).toEqual([
      'Report!A1 Units', 'Report!A2 Units', 'Report!A6 Units', 'Data!D2 Units', 'Report!A7 #Units',
    ]);
  });
});

describe('readFormulas', () => {
  it('reads a large data sheet in ~100,000-cell syncs and finds the formula at its end; over the cap it says it is incomplete', async () => {
    // 15,000 rows × 10 columns of data (150,000 cells), a formula in its last row, and a report sheet.
    const rows = Array.from({ length: 15_000 }, (_, r) => Array.from({ length: 10 }, (__, c) => (r === 0 ? `c${c}` : r * 10 + c)));
    const sim = createSimulator(modelFromRows('Data', rows));
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('J15000').formulas = [['=SUM(A2:A14999)']];
      ctx.workbook.worksheets.add('Report').getRange('B2').formulas = [['=Data!A2*2']];
      await ctx.sync();
    });
    const all = await readFormulas(sim.run, 1_000_000);
    expect(all.cells).toEqual([
      { sheet: 'Data', address: 'J15000', formula: '=SUM(A2:A14999)' },
      { sheet: 'Report', address: 'B2', formula: '=Data!A2*2' },
    ]);
    expect(all.complete).toBe(true);
    // By hand: 2 to find the used ranges; rows 1–10,000 (100,000 cells), then rows 10,001–15,000 with Report!B2.
    expect(all.syncs).toBe(4);
    expect(sim.lastRunStats().syncs).toBe(4);
    const capped = await readFormulas(sim.run, 100_000);
    expect(capped.cells).toEqual([{ sheet: 'Report', address: 'B2', formula: '=Data!A2*2' }]);
    expect(capped.complete).toBe(false);
  });
});

describe('a refresh that would delete columns asks first', () => {
  const three = () => pulled({ Region: { type: 'text', values: ['Nord', 'Süd'] }, Amount: { type: 'number', values: [5, -0] }, Units: { type: 'number', values: [1, 2] } });
  const two = () => pulled({ Region: { type: 'text', values: ['Ost'] }, Amount: { type: 'number', values: [12.5] } });
  const target = { sourceId: 'o', tableName: 'Orders', sheet: 'Data' };

  async function prepared() {
    const sim = emptySim();
    await landTable(sim.run, landingBlock(three().table, three().columns), target);
    await sim.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem('Orders');
      t.columns.add(null, undefined, 'Value');
      t.columns.getItem('Value').getDataBodyRange().formulas = [['=[@Units]*2']];
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').formulas = [['=SUM(Orders[Units])'], ['=Data!C2'], ['=SUM(Orders[Amount])']];
      await ctx.sync();
    });
    return sim;
  }

  it('names the formulas that would break; "no" changes nothing', async () => {
    const sim = await prepared();
    const before = snapshot(sim);
    let asked: ColumnRemovalCheck | undefined;
    const error = await landTable(sim.run, landingBlock(two().table, two().columns), target, { confirmColumnRemoval: (check) => { asked = check; return false; } }).catch((e: unknown) => e);
    expect(asked).toEqual({
      table: 'Orders', columns: ['Units'], complete: true, pivots: [],
      uses: [
        { where: 'Sheet1!A1', formula: '=SUM(Orders[Units])', column: 'Units' },
        { where: 'Sheet1!A2', formula: '=Data!C2', column: 'Units' },
        { where: 'Data!D2', formula: '=[@Units]*2', column: 'Units' },
        { where: 'Data!D3', formula: '=[@Units]*2', column: 'Units' },
      ],
    });
    expect((error as Error).message).toMatch(/^Nothing was changed\. The new data no longer has "Units".*break 4 formulas \(Sheet1!A1, Sheet1!A2, Data!D2, …\)/);
    expect(snapshot(sim)).toBe(before);
  });

  it('names the PivotTables that use the column; below ExcelApi 1.15 every PivotTable with such a field, as possibly affected', async () => {
    for (const [version, onTable] of [['1.17', true], ['1.14', false]] as const) {
      const sim = createSimulator(modelFromRows('Sheet1', [['']]), { supportedApiVersion: version });
      await landTable(sim.run, landingBlock(three().table, three().columns), target);
      await sim.run(async (ctx) => {
        const report = ctx.workbook.worksheets.getItem('Sheet1');
        const p = report.pivotTables.add('ByUnits', ctx.workbook.tables.getItem('Orders'), 'Sheet1!A3');
        p.columnHierarchies.add(p.hierarchies.getItem('Units'));
        p.dataHierarchies.add(p.hierarchies.getItem('Amount'));
        const q = report.pivotTables.add('AmountOnly', ctx.workbook.tables.getItem('Orders'), 'Sheet1!H3');
        q.rowHierarchies.add(q.hierarchies.getItem('Region'));
        q.dataHierarchies.add(q.hierarchies.getItem('Amount'));
        await ctx.sync();
      });
      let asked: ColumnRemovalCheck | undefined;
      await landTable(sim.run, landingBlock(two().table, two().columns), target, { confirmColumnRemoval: (check) => { asked = check; return false; } }).catch(() => undefined);
      expect(asked?.uses, version).toEqual([]);
      expect(asked?.pivots, version).toEqual([{ pivot: 'ByUnits', sheet: 'Sheet1', columns: ['Units'], onTable }]);
    }
  });

  it('"yes" deletes the column: its references become #REF!, the others keep their values', async () => {
    const sim = await prepared();
    const result = await landTable(sim.run, landingBlock(two().table, two().columns), target, { confirmColumnRemoval: () => true });
    expect(result.schemaChange).toEqual({ added: [], missing: ['Units'] });
    const v = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').load('values');
      await ctx.sync();
      return r.values.map((x) => x[0]);
    });
    expect(v).toEqual(['#REF!', '#REF!', 12.5]);
  });
});

describe('a table tracked by an older PivotDeck (the name is an address)', () => {
  it('is found even after the user grew it, rewritten in place, and its name now follows the table', async () => {
    const sim = emptySim();
    const a = pulled({ id: { type: 'number', values: [1, 2] } });
    await landTable(sim.run, landingBlock(a.table, a.columns), { sourceId: 'old', tableName: 'Old', sheet: 'Old' });
    await sim.run(async (ctx) => {
      // What older versions stored, and a calculated column the user added since.
      ctx.workbook.names.getItem('PivotDeck_old').formula = '=Old!$A$1:$A$3';
      const t = ctx.workbook.tables.getItem('Old');
      t.columns.add(null, undefined, 'Twice');
      t.columns.getItem('Twice').getDataBodyRange().formulas = [['=[@id]*2']];
      ctx.workbook.worksheets.getItem('Old').getRange('D1').formulas = [['=SUM(Old[Twice])']];
      await ctx.sync();
    });
    const b = pulled({ id: { type: 'number', values: [5, 6, 7] } });
    const result = await landTable(sim.run, landingBlock(b.table, b.columns), { sourceId: 'old', tableName: 'Old', sheet: 'Old' });
    expect(result.tableName).toBe('Old');
    const model = sim.toModel();
    expect(model.tables).toEqual([expect.objectContaining({ name: 'Old', address: 'A1:B4' })]);
    expect(model.names).toEqual([expect.objectContaining({ name: 'PivotDeck_old', reference: '=Old[#All]' })]);
    expect(model.sheets.find((s) => s.name === 'Old')!.cells['0,3']!.value).toBe(36); // (5 + 6 + 7) × 2
  });
});

describe('a landed table whose totals row the user turned on', () => {
  it.each(['resize', 'rows'] as const)('grows and shrinks below its totals row, which comes back after the data (%s)', async (resizeMode) => {
    const sim = emptySim();
    const rows = (n: number) => pulled({ id: { type: 'number', values: Array.from({ length: n }, (_, i) => i + 1) } });
    const target = { sourceId: 't', tableName: 'T', sheet: 'T' };
    await landTable(sim.run, landingBlock(rows(2).table, rows(2).columns), target, { resizeMode });
    await sim.run(async (ctx) => { ctx.workbook.tables.getItem('T').showTotals = true; await ctx.sync(); });
    for (const n of [5, 1]) {
      await landTable(sim.run, landingBlock(rows(n).table, rows(n).columns), target, { resizeMode });
      const t = await sim.run(async (ctx) => {
        const table = ctx.workbook.tables.getItem('T').load('showTotals');
        const body = table.getDataBodyRange().load('values');
        const total = table.getTotalRowRange().load('values, rowIndex');
        await ctx.sync();
        return { show: table.showTotals, body: body.values.map((r) => r[0]), totalRow: total.rowIndex, total: total.values[0]![0] };
      });
      expect(t).toEqual({ show: true, body: Array.from({ length: n }, (_, i) => i + 1), totalRow: n + 1, total: 'Total' });
    }
  });
});
