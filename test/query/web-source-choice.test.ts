/**
 * The builder's pure parts for web sources kept out of the sheet: their dropdown choice, which
 * sources are offered, and their field list (types from the recorded columns; hand-written rows).
 */
import { describe, expect, it } from 'vitest';
import type { SourceDefinition } from '../../src/connectors/types';
import { keptWebSources, webChoice, webFieldList, webIdOf } from '../../src/taskpane/query/web-source-choice';

const kept: SourceDefinition = {
  id: 'orders', label: 'Orders', kind: 'csv', url: 'https://example.com/o.csv',
  keepOutOfSheet: true,
  lastPull: { columns: [{ name: 'Region', type: 'text' }, { name: 'Day', type: 'date' }, { name: 'Amount', type: 'number' }] },
};

describe('web sources in the query builder', () => {
  it('round-trips a choice and never mistakes a table name for one', () => {
    expect(webIdOf(webChoice('orders'))).toBe('orders');
    expect(webIdOf('Sales')).toBeUndefined();
    expect(webIdOf('warehouse:wh_1')).toBeUndefined();
    expect(webIdOf(undefined)).toBeUndefined();
  });

  it('offers only web sources kept out of the sheet', () => {
    const landed: SourceDefinition = { id: 'l', label: 'Landed', kind: 'csv', url: 'https://example.com/l.csv', landing: { tableName: 'L', sheet: 'L' } };
    const warehouse: SourceDefinition = { id: 'w', label: 'W', kind: 'warehouse', keepOutOfSheet: true };
    expect(keptWebSources([landed, kept, warehouse]).map((s) => s.id)).toEqual(['orders']);
    expect(keptWebSources(undefined)).toEqual([]);
  });

  it('types fields from the recorded columns: a date column shows dates, blanks are skipped in samples', () => {
    // 45292 = 2024-01-01, 45323 = 2024-02-01 (days since 1899-12-30).
    const fields = webFieldList({ header: ['Region', 'Day', 'Amount'], rows: [['North', 45292, 10], ['South', 45323, ''], ['North', '', 2.5]], syncs: 0, bytes: 0 }, kept);
    expect(fields.map((f) => [f.name, f.type, f.samples])).toEqual([
      ['Region', 'text', ['North', 'South']],
      ['Day', 'date', ['2024-01-01', '2024-02-01']],
      ['Amount', 'number', ['10', '2.5']],
    ]);
  });
});
