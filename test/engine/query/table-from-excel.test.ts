import { describe, expect, it } from 'vitest';
import { executeQuery, tableFromExcelValues } from '../../../src/engine/query';

describe('tableFromExcelValues', () => {
  it('keeps good headers and values as they are', () => {
    const { table, columns } = tableFromExcelValues(['Region', 'Revenue'], [['N', 1], ['S', '']]);
    expect(table.columnNames()).toEqual(['Region', 'Revenue']);
    expect(table.column('Revenue')!.at(1)).toBe('');
    expect(columns.every((c) => !c.renamed)).toBe(true);
  });
  it('renames __proto__, constructor, toString, empty and duplicate headers deterministically', () => {
    const header = ['__proto__', 'constructor', 'toString', '', 'Region', 'region', 'Region2', '  ', 'hasOwnProperty'];
    const row = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const { table, columns } = tableFromExcelValues(header, [row]);
    expect(columns.map((c) => c.name)).toEqual([
      '__proto__2',
      'constructor2',
      'toString2',
      'Column4',
      'Region',
      'region3',
      'Region2',
      'Column8',
      'hasOwnProperty2',
    ]);
    expect(columns.map((c) => c.original)).toEqual(header);
    expect(columns.map((c) => c.renamed)).toEqual([true, true, true, true, false, true, false, true, true]);
    // Every value landed in its own column.
    expect(table.columnNames().map((n) => table.column(n)!.at(0))).toEqual(row);
    // Same input, same names.
    expect(tableFromExcelValues(header, [row]).columns).toEqual(columns);
  });
  it('pads short rows with blanks and refuses rows wider than the header', () => {
    const { table } = tableFromExcelValues(['a', 'b'], [[1], [2, 3]]);
    expect(table.column('b')!.at(0)).toBe('');
    expect(() => tableFromExcelValues(['a'], [[1, 2]])).toThrow(/Row 1 has 2 cells/);
  });
  it('a renamed column can be queried, and its data is intact', () => {
    const { table } = tableFromExcelValues(['__proto__', 'x'], [['a', 1], ['b', 2], ['a', 3]]);
    const r = executeQuery(
      { version: 1, source: { kind: 'table', name: 'T' }, rows: ['__proto__2'], measures: [{ id: 's', kind: 'sum', field: 'x' }] },
      () => table,
      { output: 'flat' },
    );
    expect(r.flat!.rows).toEqual([['a', 4], ['b', 2]]);
  });
});
