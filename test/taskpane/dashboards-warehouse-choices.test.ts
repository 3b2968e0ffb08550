/**
 * "New dashboard" offers warehouse sources under their own heading, with the fields saved at
 * "Test connection" (no rows read), and says what to do when those fields are unknown.
 */
import { describe, expect, it } from 'vitest';
import { warehouseOptions } from '../../src/connectors/warehouse';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { sourceChoices } from '../../src/taskpane/dashboards/source-choices';

const doc = (withFields: boolean): PivotDeckDocument => ({
  ...emptyDocument(),
  sources: [{
    id: 'wh_1', label: 'Sales (warehouse)', kind: 'warehouse', url: 'http://127.0.0.1:8123',
    options: {
      ...warehouseOptions({
        database: 'default', table: 'sales',
        ...(withFields ? { fields: [
          { name: 'Date', type: 'date' as const, serverType: 'Date', nullable: false },
          { name: 'Region', type: 'text' as const, serverType: 'LowCardinality(String)', nullable: false },
          { name: 'Revenue', type: 'number' as const, serverType: 'Float64', nullable: false },
        ] } : {}),
      }),
    },
    lastPull: { rows: 20000 },
  }],
});

describe('warehouse sources in the New dashboard picker', () => {
  it('are offered with their saved fields and row count', () => {
    const [c] = sourceChoices([], doc(true));
    expect(c).toMatchObject({ key: 'source:wh_1', label: 'Sales (warehouse)', group: 'warehouse', ref: { kind: 'source', id: 'wh_1' }, detail: '20,000 rows on the warehouse, computed there' });
    expect(c.unavailable).toBeUndefined();
    expect(c.fields).toEqual([{ name: 'Date', type: 'date', numberFormat: 'yyyy-mm-dd' }, { name: 'Region', type: 'text' }, { name: 'Revenue', type: 'number' }]);
  });

  it('say to test the connection again when the fields are unknown', () => {
    const [c] = sourceChoices([], doc(false));
    expect(c.unavailable).toMatch(/Test connection/);
  });
});
