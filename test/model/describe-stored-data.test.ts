/**
 * "What this workbook stores" (issue 20, part 2, the pure part): every definition in plain words,
 * the address each source names, who needs which credential, and never a secret, because the
 * document holds none. Expected values are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { describeStoredData } from '../../src/model/describe-stored-data';
import { emptyDocument, pivotDeckDocument, type PivotDeckDocument } from '../../src/model';

function doc(parts: Partial<PivotDeckDocument>): PivotDeckDocument {
  // Through the schema, so the test cannot describe a document PivotDeck would never load.
  return pivotDeckDocument.parse({ ...emptyDocument(), ...parts });
}

describe('describeStoredData', () => {
  it('says an empty workbook stores nothing but the empty document', () => {
    const d = describeStoredData(emptyDocument());
    expect(d).toEqual({ sources: [], extensions: [], queries: [], dashboards: [], bytes: JSON.stringify(emptyDocument()).length, empty: true });
  });

  it('lists sources with their origin and the credential each user must enter, never more', () => {
    const d = describeStoredData(doc({
      sources: [
        { id: 's1', label: 'Orders – Zürich', kind: 'csv', url: 'HTTPS://Data.Example.COM:443/orders.csv?token=hidden#x' },
        { id: 's2', label: 'Feed', kind: 'odata', url: 'https://api.example.com:8443/odata/Sales', credential: { origin: 'https://api.example.com:8443', kind: 'bearer' } },
        { id: 's3', label: 'Keyed', kind: 'rest', url: 'https://api.example.com:8443/v1', credential: { origin: 'https://api.example.com:8443', kind: 'apiKeyHeader', parameter: 'X-Key' } },
        { id: 's4', label: 'Local', kind: 'table' },
        { id: 's5', label: 'Odd', kind: 'json', url: 'not a url' },
        { id: 's6', label: 'Public', kind: 'parquet', url: 'https://data.example.com/x.parquet', credential: { origin: 'https://data.example.com', kind: 'none' } },
      ],
    }));
    expect(d.sources).toEqual([
      { label: 'Orders – Zürich', kind: 'CSV file', address: 'https://data.example.com' },
      { label: 'Feed', kind: 'OData feed', address: 'https://api.example.com:8443', credential: 'needs an access token for https://api.example.com:8443' },
      { label: 'Keyed', kind: 'web API', address: 'https://api.example.com:8443', credential: 'needs an API key for https://api.example.com:8443' },
      { label: 'Local', kind: 'Excel table' },
      { label: 'Odd', kind: 'JSON file', address: 'not a url' },
      { label: 'Public', kind: 'Parquet file', address: 'https://data.example.com' },
    ]);
    // The query string of an address is not repeated in the description (it may hold a key).
    expect(JSON.stringify(d.sources)).not.toContain('hidden');
    expect(d.empty).toBe(false);
  });

  it('counts extensions, names queries and dashboards, and measures the stored size in UTF-8 bytes', () => {
    const parts = {
      extensions: [{ id: 'e1', pivotName: 'SalesPivot', placement: { kind: 'beside' as const }, measures: [
        { id: 'm1', label: 'Median', kind: 'median' as const, field: 'Revenue' },
        { id: 'm2', label: 'Kunden', kind: 'distinctCount' as const, field: 'Kunde' },
      ] }],
      queries: [{ id: 'q1', label: 'Umsatz nach Region', spec: {} }],
      dashboards: [{ id: 'd1', label: '売上', sheet: 'Dashboard', tiles: [] }],
    };
    const d = describeStoredData(doc(parts));
    expect(d.extensions).toEqual([{ pivot: 'SalesPivot', measures: 2 }]);
    expect(d.queries).toEqual(['Umsatz nach Region']);
    expect(d.dashboards).toEqual([{ label: '売上', sheet: 'Dashboard' }]);
    expect(d.bytes).toBe(Buffer.byteLength(JSON.stringify(doc(parts)), 'utf8'));
    expect(d.bytes).toBeGreaterThan(JSON.stringify(doc(parts)).length); // 売上 is 6 bytes, 2 characters
  });
});
