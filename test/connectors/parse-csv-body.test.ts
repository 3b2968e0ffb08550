/**
 * parseCsvBody, the pure core the CSV worker and the in-thread pull share: bytes in, typed
 * columns out. Expected values are read off the bytes by hand.
 */
import { describe, expect, it } from 'vitest';
import { isSourceError } from '../../src/connectors';
import { parseCsvBody, type CsvBody } from '../../src/connectors/parse/parse-csv-body';
import { serialOfDay } from './context';

const body = (bytes: Uint8Array | string, more: Partial<CsvBody> = {}): CsvBody => ({
  bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes,
  contentType: 'text/csv',
  pathname: '/data.csv',
  settings: {},
  maxRows: 1000,
  ...more,
});

describe('parseCsvBody', () => {
  it('drops a UTF-8 BOM and keeps -0, non-ASCII text and quoted newlines', () => {
    const t = parseCsvBody(body('\uFEFFcity,delta\n"Malmö\nC",-0\nKöln,2.5\n'));
    expect(t.columns).toEqual([{ name: 'city', type: 'text', blanks: 0 }, { name: 'delta', type: 'number', blanks: 0 }]);
    expect(t.data.city).toEqual(['Malmö\nC', 'Köln']);
    expect(Object.is((t.data.delta as Float64Array)[0], -0)).toBe(true);
  });

  it('reads UTF-16 with its BOM, whatever the Content-Type says', () => {
    const text = 'a\tb\n1\tü\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) { bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff; bytes[3 + 2 * i] = text.charCodeAt(i) >> 8; }
    const t = parseCsvBody(body(bytes, { contentType: 'text/csv; charset=iso-8859-1' }));
    expect(t.delimiter).toBe('\t');
    expect(t.data.b).toEqual(['ü']);
  });

  it('a .tsv address means tab-separated even when commas are more frequent', () => {
    const t = parseCsvBody(body('name\tnote\nAnn\ta,b,c\n', { pathname: '/x.tsv' }));
    expect(t.delimiter).toBe('\t');
    expect(t.data.note).toEqual(['a,b,c']);
  });

  it('blanksAsNaN leaves number and date columns as Float64Array with NaN for a blank', () => {
    const text = 'n,d\n1,2024-01-02\n,\n-0,2024-01-03\n';
    const plain = parseCsvBody(body(text));
    expect(plain.data.n).toEqual([1, null, -0]);
    const raw = parseCsvBody(body(text), { blanksAsNaN: true });
    expect(raw.data.n).toBeInstanceOf(Float64Array);
    expect(Array.from(raw.data.d as Float64Array)).toEqual([serialOfDay('2024-01-02'), NaN, serialOfDay('2024-01-03')]);
    expect(raw.columns).toEqual(plain.columns);
  });

  it('refuses a web page served instead of CSV, by name', () => {
    try {
      parseCsvBody(body('\n  <html><head><title>Sign in</title></head></html>', { contentType: 'text/html' }));
      expect.unreachable();
    } catch (error) {
      expect(isSourceError(error) && error.kind).toBe('malformed');
      expect((error as Error).message).toMatch(/^The address returned a web page \(HTML\) titled "Sign in" \(Content-Type: text\/html\), not CSV\./);
    }
  });
});
