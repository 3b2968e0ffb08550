import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { columnTable, computeMeasures, materialize, withColumns } from '../../../src/engine/compile';
import { buildGroupTree, computeGroups, engineTable } from '../../../src/engine/pivot-extension';
import { executeQuery, tableFromExcelValues } from '../../../src/engine/query';
import type { SourceRef } from '../../../src/engine/spec';

/**
 * Column names that are JavaScript built-ins, and names the engine itself makes up (field aliases
 * c0/a0/e0, params p0, the filter column, the rollup's g and m0, Arquero's d/op/$, the pivot
 * extension's helper columns), must be ordinary field names everywhere.
 */
const BUILT_INS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype'];
const OURS = ['c0', 'a0', 'e0', 'p0', 'f', 'g', 'm0', 'filter', 'pivotdeck·row', 'd', 'op', '$'];
const HEADER = [...BUILT_INS, ...OURS];

/** Deterministic awkward rows: text keys differing in case, -0, blanks, one-row groups. */
function makeRows(): Array<Array<string | number>> {
  const regions = ['North', 'South', 'north', 'Ünïcödé', 'South'];
  const out: Array<Array<string | number>> = [];
  for (let i = 0; i < 40; i++) {
    const row: Array<string | number> = [];
    for (let c = 0; c < HEADER.length; c++) {
      const name = HEADER[c]!;
      if (name === '__proto__') row.push(i === 39 ? 'Lonely' : regions[i % regions.length]!);
      else if (name === 'constructor') row.push(i % 2 ? 'A' : 'B');
      else if (name === 'filter') row.push(i % 7 === 0 ? 0 : 1);
      else if (name === 'toString') row.push(i % 5 === 0 ? '' : i === 3 ? -0 : i * 1.5);
      else row.push((i * (c + 3)) % 11);
    }
    out.push(row);
  }
  return out;
}

const col = (name: string) => HEADER.indexOf(name);
const keyOf = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

describe('column names of any spelling', () => {
  const rows = makeRows();
  const { table, columns } = tableFromExcelValues(HEADER, rows);

  it('tables from Excel keep every name and every value', () => {
    expect(columns.map((c) => c.name)).toEqual(HEADER);
    expect(table.numRows()).toBe(rows.length);
    for (const name of HEADER) expect(Array.from(table.array(name) as unknown[])).toEqual(rows.map((r) => r[col(name)]));
  });

  it('a query groups, filters, derives and measures over those names; values match plain loops', () => {
    const other = columnTable(new Map<string, unknown>([
      ['__proto__', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
      ['constructor', ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']],
    ]));
    const resolve = (ref: SourceRef) => (ref.kind === 'table' && ref.name === 'Other' ? other : table);
    const result = executeQuery(
      {
        version: 1,
        source: { kind: 'table', name: 'T' },
        lookups: [{ source: { kind: 'table', name: 'Other' }, key: 'e0', lookupKey: '__proto__', fields: [{ field: 'constructor', as: 'Word' }] }],
        derived: [{ kind: 'formula', name: 'Total', formula: '[valueOf] * [g] + [c0]' }],
        filters: [
          { kind: 'formula', formula: '[filter] <> 0' },
          { kind: 'formula', formula: 'AND([d] >= 0, [$] >= 0)' },
        ],
        rows: ['__proto__', 'constructor'],
        measures: [
          { id: 'sumValueOf', kind: 'sum', field: 'valueOf' },
          { id: 'countTo', kind: 'countNumbers', field: 'toString' },
          { id: 'mix', kind: 'formula', formula: 'SUM([a0]) + MAX([p0]) - MIN([m0])' },
          { id: 'total', kind: 'sum', field: 'Total' },
          { id: 'words', kind: 'distinctCount', field: 'Word' },
          { id: 'proto', kind: 'median', field: 'hasOwnProperty' },
          { id: 'op', kind: 'max', field: 'op' },
          { id: 'helper', kind: 'sum', field: 'pivotdeck·row' },
          { id: 'fg', kind: 'formula', formula: 'SUM([f]) + COUNT([prototype])' },
        ],
        totals: { grandTotalRow: false, subtotals: false },
      },
      resolve,
      { output: 'flat' },
    );
    // The same by plain loops over the rows.
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
    // An item's label is its smallest spelling by code point among the kept rows: one rule both
    // engines can follow (a warehouse has no "first" row; docs/warehouse-sql.md).
    const kept = rows.filter((r) => Number(r[col('filter')]) !== 0);
    const byCodePoint = (a: string, b: string) => {
      const x = [...a].map((c) => c.codePointAt(0)!);
      const y = [...b].map((c) => c.codePointAt(0)!);
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return x.length - y.length;
    };
    const spelling = new Map<unknown, unknown>();
    for (const r of kept) {
      const v = r[col('__proto__')];
      const before = spelling.get(keyOf(v));
      if (before === undefined || (typeof v === 'string' && typeof before === 'string' && byCodePoint(v, before) < 0)) spelling.set(keyOf(v), v);
    }
    const groups = new Map<string, { label: unknown[]; rows: Array<Array<string | number>> }>();
    for (const r of kept) {
      const k = `${String(keyOf(r[col('__proto__')]))}|${String(r[col('constructor')])}`;
      if (!groups.has(k)) groups.set(k, { label: [spelling.get(keyOf(r[col('__proto__')])), r[col('constructor')]], rows: [] });
      groups.get(k)!.rows.push(r);
    }
    const num = (r: Array<string | number>, name: string) => r[col(name)] as number;
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      const m = s.length >> 1;
      return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
    };
    const expected = [...groups.values()].map(({ label, rows: rs }) => {
      let sumValueOf = 0;
      let countTo = 0;
      let sumA0 = 0;
      let maxP0 = -Infinity;
      let minM0 = Infinity;
      let total = 0;
      let sumHelper = 0;
      let sumF = 0;
      let maxOp = -Infinity;
      const seen = new Set<string>();
      for (const r of rs) {
        sumValueOf += num(r, 'valueOf');
        if (typeof r[col('toString')] === 'number') countTo++;
        sumA0 += num(r, 'a0');
        maxP0 = Math.max(maxP0, num(r, 'p0'));
        minM0 = Math.min(minM0, num(r, 'm0'));
        total += num(r, 'valueOf') * num(r, 'g') + num(r, 'c0');
        const w = words[num(r, 'e0')];
        if (w) seen.add(w);
        sumHelper += num(r, 'pivotdeck·row');
        sumF += num(r, 'f');
        maxOp = Math.max(maxOp, num(r, 'op'));
      }
      return [...label, sumValueOf, countTo, sumA0 + maxP0 - minM0, total, seen.size, median(rs.map((r) => num(r, 'hasOwnProperty'))), maxOp, sumHelper, sumF + rs.length];
    });
    const sortRows = (xs: unknown[][]) => [...xs].sort((a, b) => (`${String(keyOf(a[0]))}|${String(a[1])}` < `${String(keyOf(b[0]))}|${String(b[1])}` ? -1 : 1));
    expect(result.flat!.header.slice(0, 2)).toEqual(['__proto__', 'constructor']);
    expect(sortRows(result.flat!.rows)).toEqual(sortRows(expected));
    // "North" and "north" are one item; the one-row "Lonely" group is there.
    expect(new Set(result.flat!.rows.filter((r) => keyOf(r[0]) === 'north').map((r) => r[0])).size).toBe(1);
    expect(result.flat!.rows.filter((r) => r[0] === 'Lonely')).toHaveLength(1);
  });

  it('computeMeasures groups by a __proto__ column of an Arquero table', () => {
    const t = columnTable(new Map<string, unknown>([['__proto__', ['x', 'y', 'x']], ['valueOf', [1, 2, 3]]]));
    const r = computeMeasures(t, { groupBy: ['__proto__'], measures: [{ id: '__proto__', formula: 'SUM([valueOf])' }] });
    expect(r.levels[0]!.rows).toEqual([{ key: ['x'], values: [4] }, { key: ['y'], values: [2] }]);
    expect(Object.keys(r.skipped)).toEqual(['__proto__']);
  });

  it("the pivot extension's engine table keeps headers named like its own helper columns", () => {
    const headers = ['__proto__', 'pivotdeck·row', 'pivotdeck·level1', 'constructor'];
    const columns = [['N', 'S', 'n', 'S'], [5, 6, 7, 8], [1, 1, 1, 1], [10, 20, 30, 40]];
    const tree = buildGroupTree([columns[0]!], Int32Array.from([0, 1, 2, 3]));
    const { table, names } = engineTable({ headers, columns, formats: headers.map(() => 'General'), rowCount: 4 }, tree);
    expect(table.numRows()).toBe(4);
    expect(names.row).not.toBe('pivotdeck·row');
    expect(names.level[0]).not.toBe('pivotdeck·level1');
    const values = computeGroups(table, names, tree, [
      { id: 'rows', label: 'rows', formula: 'SUM([pivotdeck·row])' },
      { id: 'ctor', label: 'ctor', formula: 'SUM([constructor])' },
    ]);
    // By hand: N and n are one item (rows 0, 2); S is rows 1, 3; the root is all four.
    const byLabel = new Map([...tree.root.children.values()].map((node) => [node.label, node.id]));
    expect(values.get('rows')![tree.root.id]).toBe(5 + 6 + 7 + 8);
    expect(values.get('ctor')![byLabel.get('N')!]).toBe(10 + 30);
    expect(values.get('ctor')![byLabel.get('S')!]).toBe(20 + 40);
  });

  it('materialize and withColumns keep a __proto__ column that reify and assign would lose', () => {
    const t = columnTable(new Map<string, unknown>([['__proto__', [1, 2, 3]], ['constructor', ['a', 'b', 'c']]]));
    const filtered = t.filter('d.constructor !== "b"');
    const kept = materialize(filtered);
    expect(kept.columnNames()).toEqual(['__proto__', 'constructor']);
    expect(Array.from(kept.array('__proto__') as unknown[])).toEqual([1, 3]);
    const wider = withColumns(t, new Map([['toString', [7, 8, 9]]]));
    expect(wider.columnNames()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Array.from(wider.array('__proto__') as unknown[])).toEqual([1, 2, 3]);
    expect(Array.from(wider.array('toString') as unknown[])).toEqual([7, 8, 9]);
    // What Arquero's own table() does with the same name (why the helpers exist).
    const plain: Record<string, unknown> = Object.create(null);
    plain['__proto__'] = [1, 2, 3];
    expect(aq.table(plain).numRows()).not.toBe(3);
  });
});

describe('item values holding the characters our keys are built from', () => {
  it('two groups whose labels join to the same text stay two groups', () => {
    // "a\u0001sb" + "c" and "a" + "b\u0001sc" would both read a␁sb␁sc if joined without escapes.
    const { table } = tableFromExcelValues(['R', 'C', 'x'], [['a\u0001sb', 'c', 1], ['a', 'b\u0001sc', 10], ['a\u0002', 'z', 100]]);
    const r = executeQuery({ version: 1, source: { kind: 'table', name: 'T' }, rows: ['R', 'C'], measures: [{ id: 's', kind: 'sum', field: 'x' }] }, () => table, { output: 'flat' });
    expect([...r.flat!.rows].sort((p, q) => (Number(p[2]) - Number(q[2])))).toEqual([['a\u0001sb', 'c', 1], ['a', 'b\u0001sc', 10], ['a\u0002', 'z', 100]]);
  });
});
