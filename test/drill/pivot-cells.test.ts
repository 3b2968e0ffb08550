/**
 * Show rows for native PivotTable value cells, in the simulator: compact, outline and tabular
 * layouts with a page filter. Every value cell Excel (the simulator's own pivot renderer) shows
 * drills to source rows whose SUM / COUNTA, by plain loops, equal that cell; a few cells are
 * also checked against rows listed by hand.
 */
import { describe, expect, it } from 'vitest';
import { drillPivotCell, DrillError, pivotRows } from '../../src/engine/drill';
import type { CellValue } from '../../src/excel/api';
import { readPivot } from '../../src/excel/pivot/read-pivot';
import { readPivotSource } from '../../src/excel/pivot/read-pivot-source';
import { readPivotColumnLabels, writeShowRows } from '../../src/excel/show-rows';
import { basePivot, handSimulator } from '../pivot-extension/sim-workbook';
import { counta, sum } from './oracle';

const LAYOUTS = [
  { layout: 'Compact', subtotalLocation: 'AtTop' },
  { layout: 'Outline', subtotalLocation: 'AtTop' },
  { layout: 'Outline', subtotalLocation: 'AtBottom' },
  { layout: 'Tabular', subtotalLocation: 'AtBottom' },
] as const;

async function load(over: Parameters<typeof basePivot>[0]) {
  const sim = handSimulator([basePivot({ filters: [{ name: 'Customer', hiddenItems: ['Bob'] }], ...over })]);
  const snapshot = await readPivot(sim.run, 'P', { canReadDataSource: true });
  const { source } = await readPivotSource(sim.run, snapshot);
  return { sim, snapshot, source };
}

describe('drillPivotCell', () => {
  for (const l of LAYOUTS) {
    it(`${l.layout} (subtotals ${l.subtotalLocation}) with a page filter: every value cell drills to rows that add up to it`, async () => {
      const { snapshot, source } = await load(l);
      const body = snapshot.dataBody;
      const revenue = source.headers.indexOf('Revenue');
      let checked = 0;
      for (let r = 0; r < body.rows; r++) {
        for (let c = 0; c < body.columns; c++) {
          const shown = body.values[r][c];
          if (shown === '') continue; // a heading row (subtotals at bottom): no number to drill
          const drill = drillPivotCell(snapshot, source, { row: body.row + r, column: body.column + c });
          const values = [...drill.sourceRows].map((i) => source.columns[revenue][i]);
          // No drilled row is one the page filter hides.
          for (const i of drill.sourceRows) expect(source.columns[source.headers.indexOf('Customer')][i]).not.toBe('Bob');
          const expected = snapshot.data[c].summarizeBy === 'Sum' ? sum(values) : counta(values);
          expect(expected, `${drill.words} / ${snapshot.data[c].name}`).toBe(shown);
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(14);
    });
  }

  it('lists the rows by hand for an item, a subtotal and the grand total (compact)', async () => {
    const { snapshot, source } = await load({});
    const body = snapshot.dataBody;
    const labels = snapshot.rowLabels.values.map((x) => x[0]);
    const row = (label: CellValue, nth = 0) => body.row + labels.map((v, i) => (v === label ? i : -1)).filter((i) => i >= 0)[nth];
    // Data rows (0-based): North/Bikes is rows 0-2; Bob (row 1) is filtered out by the page field.
    const northBikes = drillPivotCell(snapshot, source, { row: row('Bikes', 0), column: body.column });
    expect([...northBikes.sourceRows]).toEqual([0, 2]);
    expect(northBikes.words).toBe('Region = North · Category = Bikes · and the pivot\'s filters (Customer is not "Bob")');
    expect(northBikes.excel.kind === 'function' && northBikes.excel.formula((f) => `T[[${f}]]`)).toBe('=SUM(T[[Revenue]])');
    const north = drillPivotCell(snapshot, source, { row: row('North'), column: body.column + 1 });
    expect([...north.sourceRows]).toEqual([0, 2, 3, 4]);
    expect(north.excel.kind === 'function' && north.excel.functionName).toBe('COUNTA');
    // The blank region's only row is Bob's, hidden by the page filter: Excel shows no (blank) item.
    expect(labels).not.toContain('(blank)');
    // South/Bikes shows no number (Bob hidden, Dan's revenue blank), yet it has a row behind it.
    const southBikes = drillPivotCell(snapshot, source, { row: row('Bikes', 1), column: body.column });
    expect(body.values[row('Bikes', 1) - body.row][0]).toBe('');
    expect(southBikes.items).toEqual([{ field: 'Region', caption: 'South' }, { field: 'Category', caption: 'Bikes' }]);
    expect([...southBikes.sourceRows]).toEqual([6]);
    const grand = drillPivotCell(snapshot, source, { row: body.row + body.rows - 1, column: body.column });
    expect([...grand.sourceRows]).toEqual([0, 2, 3, 4, 6, 7, 8, 9, 10]);
    expect(grand.words).toBe('All rows (grand total) · and the pivot\'s filters (Customer is not "Bob")');
  });

  for (const l of LAYOUTS) {
    for (const columns of [['Category'], ['Category', 'Units']]) {
      it(`${l.layout} (${l.subtotalLocation}) with column fields ${columns.join(' > ')} and a page filter: every value cell adds up`, async () => {
        const { sim, snapshot, source } = await load({ ...l, rows: [{ name: 'Region' }], columns: columns.map((name) => ({ name })), data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' }] });
        const labels = await readPivotColumnLabels(sim.run, 'P', columns.length);
        expect(labels).toHaveLength(columns.length);
        const body = snapshot.dataBody;
        const revenue = source.headers.indexOf('Revenue');
        let checked = 0;
        for (let r = 0; r < body.rows; r++) {
          for (let c = 0; c < body.columns; c++) {
            const shown = body.values[r][c];
            if (shown === '') continue;
            const drill = drillPivotCell(snapshot, source, { row: body.row + r, column: body.column + c }, labels);
            const values = [...drill.sourceRows].map((i) => source.columns[revenue][i]);
            expect(sum(values), `${drill.words}`).toBe(shown);
            checked++;
          }
        }
        expect(checked).toBeGreaterThanOrEqual(columns.length === 1 ? 10 : 16);
      });
    }
  }

  it('names the column items in the words, and a column total covers its item', async () => {
    const { sim, snapshot, source } = await load({ layout: 'Tabular', subtotalLocation: 'AtBottom', rows: [{ name: 'Region' }], columns: [{ name: 'Category' }], data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' }] });
    const labels = await readPivotColumnLabels(sim.run, 'P', 1);
    expect(labels).toEqual([['Bikes', 'Cars', 'Grand Total']]);
    const body = snapshot.dataBody;
    const north = drillPivotCell(snapshot, source, { row: body.row, column: body.column + 1 }, labels);
    // North × Cars: rows 3 (Cid 300) and 4 (Ann 500).
    expect([...north.sourceRows]).toEqual([3, 4]);
    expect(north.words).toBe('Region = North · Category = Cars · and the pivot\'s filters (Customer is not "Bob")');
    const total = drillPivotCell(snapshot, source, { row: body.row + body.rows - 1, column: body.column + 2 }, labels);
    expect(total.items).toEqual([]);
    expect([...total.sourceRows]).toEqual([0, 2, 3, 4, 6, 7, 8, 9, 10]);
  });

  it('refuses cells outside the values, and column fields without their labels, in plain words', async () => {
    const { snapshot, source } = await load({});
    expect(() => drillPivotCell(snapshot, source, { row: 0, column: 0 })).toThrow(/not one of the PivotTable "P"'s numbers/);
    const withColumns = await load({ rows: [{ name: 'Region' }], columns: [{ name: 'Category' }], data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' }] });
    const b = withColumns.snapshot.dataBody;
    expect(() => drillPivotCell(withColumns.snapshot, withColumns.source, { row: b.row, column: b.column })).toThrow(DrillError);
  });

  it('end to end: a tabular pivot cell to a new sheet whose SUM formula covers rows adding up to the cell', async () => {
    const { sim, snapshot, source } = await load({ layout: 'Tabular', subtotalLocation: 'AtBottom' });
    const body = snapshot.dataBody;
    const r = snapshot.rowLabels.values.findIndex((v) => v[0] === 'South Total'); // South Total: Dan's blank + 400, Eve's "n/a" + 400; Bob's 200 kept out by the page filter
    expect(body.values[r][0]).toBe(800);
    const drill = drillPivotCell(snapshot, source, { row: body.row + r, column: body.column });
    const rows = pivotRows(source, drill.sourceRows, 10_000);
    const out = await writeShowRows(sim.run, { title: `Rows behind ${drill.dataField.name}`, words: drill.words, ...rows, numberFormats: source.formats, recompute: drill.excel, shown: body.values[r][0] });
    expect(out.formula).toBe('=SUM(ShowRows_1[[Revenue]])');
    const table = await sim.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem(out.table).getDataBodyRange().load('values');
      await ctx.sync();
      return t.values as CellValue[][];
    });
    expect(sum(table.map((x) => x[source.headers.indexOf('Revenue')]))).toBe(800);
    expect(table.map((x) => x[2])).toEqual(['Dan', 'Dan', 'Eve', 'Eve']);
  });
});
