import { describe, expect, it } from 'vitest';
import { executeQuery, tableFromExcelValues } from '../../../src/engine/query';

describe('tableFromExcelValues', () => {
  it('keeps good headers and values as they are', () => {
    const { table, columns } = tableFromExcelValues(['Region', 'Revenue'], [['N', 1], ['S', '']]);
    expect(table.columnNames()).toEqual(['Region', 'Revenue']);
    expect(table.column('Revenue')!.at(1)).toBe('');
    expect(columns.every((c) => !c.renamed)).toBe(true);
  });
  it('keeps __proto__, constructor, toString as they are; renames empty and duplicate headers deterministically', () => {
    const header = ['__proto__', 'constructor', 'toString', '', 'Region', 'region', 'Region2', '  ', 'hasOwnProperty', 'Column4'];
    const row = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const { table, columns } = tableFromExcelValues(header, [row]);
    expect(columns.map((c) => c.name)).toEqual([
      '__proto__',
      'constructor',
      'toString',
      // "Column4" is a real header further right: it keeps its name; the blank one takes the next free number.
      'Column42',
      'Region',
      'region3',
      'Region2',
      'Column8',
      'hasOwnProperty',
      'Column4',
    ]);
    expect(columns.map((c) => c.original)).toEqual(header);
    expect(columns.map((c) => c.renamed)).toEqual([false, false, false, true, false, true, false, true, false, false]);
    // Every value landed in its own column, __proto__ included.
    expect(table.numRows()).toBe(1);
    expect(table.columnNames().map((n) => table.column(n)!.at(0))).toEqual(row);
    // Same input, same names.
    expect(tableFromExcelValues(header, [row]).columns).toEqual(columns);
  });
  it('pads short rows with blanks and refuses rows wider than the header', () => {
    const { table } = tableFromExcelValues(['a', 'b'], [[1], [2, 3]]);
    expect(table.column('b')!.at(0)).toBe('');
    expect(() => tableFromExcelValues(['a'], [[1, 2]])).toThrow(/Row 1 has 2 cells/);
  });
  it('a column named __proto__ can be queried under its own name, and its data is intact', () => {
    const { table } = tableFromExcelValues(['__proto__', 'x'], [['a', 1], ['b', 2], ['a', 3]]);
    const r = executeQuery(
      { version: 1, source: { kind: 'table', name: 'T' }, rows: ['__proto__'], measures: [{ id: 's', kind: 'sum', field: 'x' }] },
      () => table,
      { output: 'flat' },
    );
    expect(r.flat!.rows).toEqual([['a', 4], ['b', 2]]);
  });
});
