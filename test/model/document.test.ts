import { describe, expect, it } from 'vitest';
import { DOCUMENT_KEY, emptyDocument, openDocument, saveDocument, SCHEMA_VERSION, type PivotDeckDocument } from '../../src/model';

const sample: PivotDeckDocument = {
  schemaVersion: SCHEMA_VERSION,
  extensions: [{
    id: 'ext1',
    pivotName: 'SalesPivot',
    measures: [
      { id: 'm1', label: 'Median Revenue', kind: 'median', field: 'Revenue' },
      { id: 'm2', label: 'P90 Revenue', kind: 'percentile', field: 'Revenue', p: 0.9 },
      { id: 'm3', label: 'Revenue per unit', kind: 'formula', formula: 'SUM([Revenue]) / SUM([Units])' },
    ],
    placement: { kind: 'beside' },
    output: { name: 'PivotDeck_ext1' },
  }],
  sources: [{
    id: 'src1', label: 'Orders API', kind: 'rest', url: 'https://api.example.com/orders',
    credential: { origin: 'https://api.example.com', kind: 'bearer' },
  }],
  queries: [],
  dashboards: [],
};

describe('PivotDeck document', () => {
  it('round-trips through the stored text unchanged', () => {
    const text = saveDocument(sample);
    const opened = openDocument(text);
    expect(opened.status).toBe('ok');
    expect(opened.document).toEqual(sample);
    expect(opened.readOnly).toBe(false);
  });

  it('treats a workbook without PivotDeck data as empty and editable', () => {
    for (const stored of [undefined, null, '']) {
      const opened = openDocument(stored);
      expect(opened.status).toBe('empty');
      expect(opened.document).toEqual(emptyDocument());
      expect(opened.readOnly).toBe(false);
    }
  });

  it('opens a document from a newer PivotDeck read-only, with a message that says what to do', () => {
    const opened = openDocument(JSON.stringify({ ...sample, schemaVersion: SCHEMA_VERSION + 1, futureThing: [1] }));
    expect(opened.status).toBe('newer');
    expect(opened.readOnly).toBe(true);
    if (opened.status === 'newer') expect(opened.message).toMatch(/newer PivotDeck.*Update the add-in/s);
  });

  it('reports damaged data instead of throwing, and opens it read-only', () => {
    expect(openDocument('{not json').status).toBe('invalid');
    expect(openDocument('{"extensions":[]}').status).toBe('invalid');
    const bad = openDocument(JSON.stringify({ ...sample, extensions: [{ ...sample.extensions[0], measures: [] }] }));
    expect(bad.status).toBe('invalid');
    expect(bad.readOnly).toBe(true);
    if (bad.status === 'invalid') expect(bad.message).toMatch(/extensions/);
  });

  it('rejects ids and output names that could collide with user names', () => {
    const evil = structuredClone(sample);
    evil.extensions[0]!.output = { name: 'Sales' };
    expect(() => saveDocument(evil)).toThrow();
    const evil2 = structuredClone(sample);
    evil2.extensions[0]!.id = '../../x';
    expect(() => saveDocument(evil2)).toThrow();
  });

  it('has no field that could carry a secret: the credential reference names only the origin and kind', () => {
    const withSecret = structuredClone(sample) as unknown as { sources: Array<{ credential: Record<string, unknown> }> };
    withSecret.sources[0]!.credential.token = 'sk-live-123';
    // zod strips unknown keys, so even a careless caller cannot persist a token.
    const text = saveDocument(withSecret as unknown as PivotDeckDocument);
    expect(text).not.toContain('sk-live-123');
  });

  it('refuses to save a document larger than the workbook settings can hold', () => {
    const big = structuredClone(sample);
    big.queries = Array.from({ length: 200 }, (_, i) => ({ id: `q${i}`, label: 'q', spec: { blob: 'x'.repeat(8000) } }));
    expect(() => saveDocument(big)).toThrow(/too large/);
  });

  it('stores under a stable key', () => {
    expect(DOCUMENT_KEY).toBe('PivotDeck.document');
  });
});
