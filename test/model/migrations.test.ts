/**
 * Version 1 → 2 (issue 15 part 2): PivotDeck's own state about a source moves out of the
 * connector's `options` bag into typed, validated fields; a version-1 document opens, and the
 * first update saves it in the new shape.
 */
import { describe, expect, it } from 'vitest';
import { openDocument, SCHEMA_VERSION } from '../../src/model';
import { migrate, moveSourceStateOutOfOptions } from '../../src/model/migrations';
import { DocumentService, memoryDocumentStorage } from '../../src/refresh/document';

const columns = [{ name: 'Région', type: 'text' }, { name: 'Montant €', type: 'number' }, { name: 'Jour', type: 'date' }];

/** A document as PivotDeck 1 wrote it: state inside options, next to the connector's settings. */
const version1 = {
  schemaVersion: 1,
  extensions: [], queries: [], dashboards: [],
  sources: [
    {
      id: 'landed', label: 'Landed', kind: 'rest', url: 'https://api.example.com/o',
      options: {
        recordsPath: 'data.items', paging: { kind: 'linkHeader' },
        landing: { tableName: 'Orders', sheet: 'Orders' },
        lastPull: { etag: '"v1"', columns, rows: 2, bytes: 120 },
        lastError: { kind: 'auth', host: 'api.example.com' },
      },
      lastRefresh: { at: '2026-01-01T00:00:00.000Z', ok: false, message: 'Sign in' },
    },
    { id: 'kept', label: 'Kept', kind: 'csv', url: 'https://example.com/k.csv', options: { keepOutOfSheet: true, lastPull: { columns } } },
    {
      id: 'wh', label: 'Warehouse', kind: 'warehouse', url: 'https://ch.example.com:8443',
      options: { engine: 'clickhouse', database: 'default', table: 'flights', credentialIn: 'url', rowCount: 4_000_000 },
    },
    // State PivotDeck cannot read any more is dropped (it only costs a full download), never the source.
    { id: 'odd', label: 'Odd', kind: 'csv', url: 'https://example.com/odd.csv', options: { landing: { tableName: '' }, keepOutOfSheet: 'yes', lastError: 42, delimiter: ';' } },
    // A top-level lastPull was validated by version 1 but never written; kept when valid.
    { id: 'top', label: 'Top', kind: 'csv', url: 'https://example.com/t.csv', lastPull: { etag: 'W/"t"' } },
  ],
};

describe('migration 1 → 2: source state out of options', () => {
  it('moves each piece of state into its typed field and leaves the connector settings', () => {
    const v2 = moveSourceStateOutOfOptions(structuredClone(version1));
    expect(v2.schemaVersion).toBe(2);
    expect(v2.sources).toEqual([
      {
        id: 'landed', label: 'Landed', kind: 'rest', url: 'https://api.example.com/o',
        options: { recordsPath: 'data.items', paging: { kind: 'linkHeader' } },
        landing: { tableName: 'Orders', sheet: 'Orders' },
        lastPull: { etag: '"v1"', columns, rows: 2, bytes: 120 },
        lastError: { kind: 'auth', host: 'api.example.com' },
        lastRefresh: { at: '2026-01-01T00:00:00.000Z', ok: false, message: 'Sign in' },
      },
      { id: 'kept', label: 'Kept', kind: 'csv', url: 'https://example.com/k.csv', options: {}, keepOutOfSheet: true, lastPull: { columns } },
      {
        id: 'wh', label: 'Warehouse', kind: 'warehouse', url: 'https://ch.example.com:8443',
        options: { engine: 'clickhouse', database: 'default', table: 'flights', credentialIn: 'url' },
        lastPull: { rows: 4_000_000 },
      },
      { id: 'odd', label: 'Odd', kind: 'csv', url: 'https://example.com/odd.csv', options: { delimiter: ';' } },
      { id: 'top', label: 'Top', kind: 'csv', url: 'https://example.com/t.csv', lastPull: { etag: 'W/"t"' } },
    ]);
  });

  it('opens a version-1 document as valid, saying it was migrated', () => {
    const opened = openDocument(JSON.stringify(version1));
    expect(opened).toMatchObject({ status: 'ok', readOnly: false, migratedFrom: 1 });
    expect(opened.document.schemaVersion).toBe(SCHEMA_VERSION);
    expect(opened.document.sources.find((s) => s.id === 'kept')?.keepOutOfSheet).toBe(true);
  });

  it('leaves what it cannot read for the schema to report (read-only), never throws', () => {
    expect(() => migrate({ schemaVersion: 1, sources: 'nope' } as { schemaVersion: number })).not.toThrow();
    expect(openDocument(JSON.stringify({ ...version1, sources: [null] })).status).toBe('invalid');
  });

  it('the first update after opening saves the document in the current shape', async () => {
    const storage = memoryDocumentStorage(JSON.stringify(version1));
    const documents = new DocumentService(storage);
    await documents.update('nothing of its own', () => undefined);
    expect(storage.saves()).toBe(1);
    const stored = JSON.parse(storage.text()!) as { schemaVersion: number; sources: Array<Record<string, unknown>> };
    expect(stored.schemaVersion).toBe(SCHEMA_VERSION);
    expect(stored.sources[0]!.options).toEqual({ recordsPath: 'data.items', paging: { kind: 'linkHeader' } });
    // Once saved, a no-op update writes nothing.
    await documents.update('again', () => undefined);
    expect(storage.saves()).toBe(1);
  });
});

describe('migration 4 → 5: one word for the percent-of show-as kinds', () => {
  /** An extension as version 4 saved it, with the pivot extension's old "share of" kinds. */
  const version4 = {
    schemaVersion: 4, queries: [], dashboards: [], sources: [],
    extensions: [{
      id: 'e1', pivotName: 'SalesPivot', pivotSheet: 'Pivot', placement: { kind: 'beside' },
      measures: [
        { id: 'm1', label: '% of total Revenue', kind: 'shareOfGrandTotal', field: 'Revenue' },
        { id: 'm2', label: '% of parent Revenue', kind: 'shareOfParent', field: 'Revenue' },
        { id: 'm3', label: '% of column Revenue', kind: 'shareOfColumn', field: 'Revenue' },
        { id: 'm4', label: 'Median', kind: 'median', field: 'Revenue' },
        { id: 'm5', label: 'not ours', kind: 'toString', field: 'Revenue' },
      ],
    }],
  };

  it('renames exactly the three share kinds, keeps every other field, and opens as valid', () => {
    const migrated = migrate(version4) as unknown as typeof version4;
    expect(migrated.schemaVersion).toBe(5);
    expect(migrated.extensions[0].measures.map((m) => m.kind)).toEqual(['percentOfGrandTotal', 'percentOfParentRow', 'percentOfColumnTotal', 'median', 'toString']);
    expect(migrated.extensions[0].measures[0]).toEqual({ ...version4.extensions[0].measures[0], kind: 'percentOfGrandTotal' });
    // A kind named like an Object.prototype member is not looked up on the prototype.
    const opened = openDocument(JSON.stringify({ ...version4, extensions: [{ ...version4.extensions[0], measures: version4.extensions[0].measures.slice(0, 4) }] }));
    expect(opened.document.extensions[0].measures.map((m) => m.kind)).toEqual(['percentOfGrandTotal', 'percentOfParentRow', 'percentOfColumnTotal', 'median']);
    expect(opened.document.schemaVersion).toBe(SCHEMA_VERSION);
  });
});
