import { describe, expect, it } from 'vitest';
import { drillGridCell, DrillError, excelRecompute, gridCellAtOffset, selectRows } from '../../src/engine/drill';
import { executeQuery, gridToCells, tableFromExcelValues } from '../../src/engine/query';
import type { QuerySpec } from '../../src/engine/spec';
import { close, counta, distinctCount, median, modeSngl, percentileInc, sameItem, serialYear, stdevS, sum } from './oracle';

/**
 * Every value cell of a query grid with subtotals and grand totals drills to rows (1) that are
 * exactly the rows a plain loop selects for that cell and (2) whose aggregate, recomputed with
 * plain loops, equals the number in the cell. Data is awkward on purpose: text that differs only
 * in case, non-ASCII, text that looks like a formula, -0, blanks (null and ""), 1 and "1",
 * one-row groups, ties for the mode, numbers stored as text in the measure column.
 */

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADER = ['Id', 'Region', 'Category', 'Date', 'Revenue', 'Units', 'Customer'];
const REGIONS = ['West', 'west', 'Nörd', 'Ørsted', '=SUM(A1)', '-x', '', 'ÉCOLE', 'école'];
const CATEGORIES = ['Bikes', 'bikes', 'Ünïcode 🚲', 1, '1', ''];
const DATES = [44937, 45200, 45302, 45700, 45800, ''];
const REVENUES = [-0, 0, 1, 1, 2.5, 2.5, 100, -7, 1e6, '5', '', true, 0.1, 0.2];
const CUSTOMERS = ['k1', 'K1', 'ké', 'KÉ', 1, '1', '', '@me'];

function data(seed: number, n: number): Array<Array<string | number | boolean>> {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const rows: Array<Array<string | number | boolean>> = [];
  for (let i = 0; i < n; i++) rows.push([i + 1, pick(REGIONS), pick(CATEGORIES), pick(DATES), pick(REVENUES), pick([0, 1, 2, 3]), pick(CUSTOMERS)]);
  // A one-row group: a region nobody else has.
  rows.push([n + 1, 'Solo', 'Bikes', 45700, 42, 3, 'k9']);
  return rows;
}

const SPEC: QuerySpec = {
  version: 1,
  source: { kind: 'table', name: 'Sales' },
  derived: [{ kind: 'datePart', name: 'Year', field: 'Date', part: 'year' }],
  filters: [{ kind: 'compare', field: 'Units', op: '>=', value: 1 }],
  rows: ['Region', 'Category'],
  columns: ['Year'],
  measures: [
    { id: 'rev', kind: 'sum', field: 'Revenue' },
    { id: 'med', kind: 'median', field: 'Revenue' },
    { id: 'p90', kind: 'percentile', field: 'Revenue', p: 0.9 },
    { id: 'mode', kind: 'mode', field: 'Revenue' },
    { id: 'sd', kind: 'stdevSample', field: 'Revenue' },
    { id: 'n', kind: 'count', field: 'Customer' },
    { id: 'dc', kind: 'distinctCount', field: 'Customer' },
  ],
};

const ORACLE: Record<string, (xs: unknown[]) => unknown> = {
  rev: sum,
  med: median,
  p90: (xs) => percentileInc(xs, 0.9),
  mode: modeSngl,
  sd: stdevS,
  n: counta,
  dc: distinctCount,
};
const FIELD: Record<string, string> = { rev: 'Revenue', med: 'Revenue', p90: 'Revenue', mode: 'Revenue', sd: 'Revenue', n: 'Customer', dc: 'Customer' };

/** The year item of a row as the grid groups it: blank for a blank date. */
const yearOf = (d: unknown) => (typeof d === 'number' ? serialYear(d) : null);

describe('drillGridCell + selectRows over a query grid with subtotals', () => {
  for (const seed of [1, 7, 2025]) {
    it(`every cell drills to its own rows, and their aggregate is the cell (seed ${seed})`, () => {
      const rows = data(seed, 400);
      const source = tableFromExcelValues(HEADER, rows).table;
      const resolve = () => source;
      const grid = executeQuery(SPEC, resolve).grid!;
      const M = grid.measures.length;
      expect(grid.rowItems.some((i) => i.kind === 'subtotal')).toBe(true);
      expect(grid.rowItems.at(-1)!.kind).toBe('grandTotal');
      expect(grid.columnItems.at(-1)!.kind).toBe('grandTotal');
      let checked = 0;
      const col = (name: string) => HEADER.indexOf(name);
      grid.rowItems.forEach((ri, r) => {
        grid.columnItems.forEach((ci, c) => {
          // The rows a plain loop selects for this cell.
          const expectedIds = rows
            .filter((row) => typeof row[col('Units')] === 'number' && (row[col('Units')] as number) >= 1)
            .filter((row) => ri.path.every((item, d) => sameItem(row[col(grid.rowFields[d])], item)))
            .filter((row) => ci.path.every((item) => sameItem(yearOf(row[col('Date')]), item)))
            .map((row) => row[0]);
          for (let m = 0; m < M; m++) {
            const drill = drillGridCell(SPEC, grid, { row: r, value: c * M + m });
            const got = selectRows(drill.rows, resolve, 100_000);
            const idCol = got.columns.indexOf('Id');
            expect(got.rows.map((x) => x[idCol])).toEqual(expectedIds);
            expect(got.total).toBe(expectedIds.length);
            const id = SPEC.measures[m].id;
            const values = got.rows.map((x) => x[got.columns.indexOf(FIELD[id])]);
            const cell = grid.values[r][c * M + m];
            if (expectedIds.length === 0) continue; // an empty cell: nothing to recompute
            const expected = ORACLE[id](values);
            if (!close(cell, expected)) throw new Error(`cell ${r},${c}/${id} (${drill.words}): grid ${String(cell)}, oracle ${String(expected)}`);
            checked++;
          }
        });
      });
      expect(checked).toBeGreaterThan(200);
    });
  }

  it('says the filters in words: items, blanks, date parts, the query own filters', () => {
    const rows = data(3, 200);
    const source = tableFromExcelValues(HEADER, rows).table;
    const grid = executeQuery(SPEC, () => source).grid!;
    const r = grid.rowItems.findIndex((i) => i.kind === 'item' && i.path[1] === null);
    const c = grid.columnItems.findIndex((i) => i.path[0] === 2025);
    const drill = drillGridCell(SPEC, grid, { row: r, value: c * grid.measures.length });
    expect(drill.words).toBe(`Region = ${String(grid.rowItems[r].path[0] ?? '(blank)')} · Category = (blank) · Year = 2025 · and the query's own filters (Units ≥ 1)`);
    const total = drillGridCell(SPEC, grid, { row: grid.rowItems.length - 1, value: (grid.columnItems.length - 1) * grid.measures.length });
    expect(total.words).toBe("All rows (grand total) · and the query's own filters (Units ≥ 1)");
    expect(total.rows.filters).toEqual(SPEC.filters);
  });

  it('maps a sheet cell of the laid-out grid to its grid cell', () => {
    const source = tableFromExcelValues(HEADER, data(4, 50)).table;
    const grid = executeQuery(SPEC, () => source).grid!;
    const cells = gridToCells(grid);
    // Header rows and label columns are not numbers.
    expect(gridCellAtOffset(grid, 0, 5)).toBeUndefined();
    expect(gridCellAtOffset(grid, 5, 0)).toBeUndefined();
    const at = gridCellAtOffset(grid, cells.headerRows + 2, cells.headerColumns + 3)!;
    expect(at).toEqual({ row: 2, value: 3 });
    expect(cells.values[cells.headerRows + 2][cells.headerColumns + 3]).toBe(grid.values[2][3] ?? '');
  });

  it('turns a top N filter into the items it kept, so a column drill does not re-rank', () => {
    const rows: Array<Array<string | number>> = [
      ['A', 'x', 10], ['A', 'y', 1], ['B', 'x', 1], ['B', 'y', 9], ['C', 'x', 5], ['C', 'y', 5], ['D', 'y', 100],
    ];
    const source = tableFromExcelValues(['R', 'K', 'V'], rows).table;
    const spec: QuerySpec = {
      version: 1, source: { kind: 'table', name: 't' },
      filters: [{ kind: 'topN', field: 'R', n: 2, measure: 's' }],
      rows: ['R'], columns: ['K'], measures: [{ id: 's', kind: 'sum', field: 'V' }],
    };
    const grid = executeQuery(spec, () => source).grid!;
    // Totals: A 11, B 10, C 10, D 100 → the top 2 are A and D.
    expect(grid.rowItems.filter((i) => i.kind === 'item').map((i) => i.path[0])).toEqual(['A', 'D']);
    const grand = grid.rowItems.length - 1;
    const xColumn = grid.columnItems.findIndex((i) => i.path[0] === 'x');
    const drill = drillGridCell(spec, grid, { row: grand, value: xColumn });
    const got = selectRows(drill.rows, () => source);
    // Kind x over the kept regions only: A's 10 (D has no x). Re-ranking within x would keep A and C.
    expect(got.rows).toEqual([['A', 'x', 10]]);
    expect(grid.values[grand][xColumn]).toBe(10);
  });

  it('refuses a top N on a field the grid does not show, in plain words', () => {
    const source = tableFromExcelValues(['R', 'V'], [['A', 1]]).table;
    const spec: QuerySpec = {
      version: 1, source: { kind: 'table', name: 't' },
      filters: [{ kind: 'topN', field: 'R', n: 2, measure: 's' }],
      rows: [], measures: [{ id: 's', kind: 'sum', field: 'V' }],
    };
    const grid = executeQuery(spec, () => source).grid!;
    expect(() => drillGridCell(spec, grid, { row: 0, value: 0 })).toThrow(DrillError);
    expect(() => drillGridCell(spec, grid, { row: 0, value: 0 })).toThrow(/Put R on the rows or columns/);
  });

  it('caps the rows it returns but counts them all', () => {
    const source = tableFromExcelValues(HEADER, data(5, 300)).table;
    const grid = executeQuery(SPEC, () => source).grid!;
    const drill = drillGridCell(SPEC, grid, { row: grid.rowItems.length - 1, value: 0 });
    const all = selectRows(drill.rows, () => source, 1e9);
    const first = selectRows(drill.rows, () => source, 7);
    expect(first.rows).toEqual(all.rows.slice(0, 7));
    expect(first.total).toBe(all.total);
    expect(all.total).toBeGreaterThan(7);
  });
});

describe('excelRecompute', () => {
  const ref = (f: string) => `Rows[${f}]`;
  const text = (m: Parameters<typeof excelRecompute>[0]) => {
    const r = excelRecompute(m);
    return r.kind === 'function' ? r.formula(ref) : `none: ${r.reason}`;
  };
  it('uses Excel functions where Excel has them', () => {
    expect(text({ id: 'm', kind: 'median', field: 'Revenue' })).toBe('=MEDIAN(Rows[Revenue])');
    expect(text({ id: 'm', kind: 'count', field: 'C' })).toBe('=COUNTA(Rows[C])');
    expect(text({ id: 'm', kind: 'countNumbers', field: 'C' })).toBe('=COUNT(Rows[C])');
    expect(text({ id: 'm', kind: 'percentile', field: 'D', p: 0.9 })).toBe('=PERCENTILE.INC(Rows[D],0.9)');
    expect(text({ id: 'm', kind: 'mode', field: 'D' })).toBe('=MODE.SNGL(Rows[D])');
    expect(text({ id: 'm', kind: 'varPopulation', field: 'D' })).toBe('=VAR.P(Rows[D])');
    expect(text({ id: 'm', kind: 'distinctCount', field: 'C' })).toBe('=IFERROR(ROWS(UNIQUE(FILTER(Rows[C],Rows[C]<>""))),0)');
    expect(text({ id: 'm', kind: 'ratioOfSums', field: 'A', otherField: 'B' })).toBe('=SUM(Rows[A])/SUM(Rows[B])');
  });
  it('says so when Excel has no function', () => {
    expect(text({ id: 'm', kind: 'formula', formula: 'SUM([a]) * 2' })).toMatch(/^none: This measure is a custom formula \(SUM\(\[a\]\) \* 2\)/);
    expect(text({ id: 'm', kind: 'weightedAverage', field: 'a', otherField: 'w' })).toMatch(/no weighted-average function/);
  });
});
