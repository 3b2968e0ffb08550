import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullCsv, type PullOk, type SourceDefinition } from '../../src/connectors';
import { landingBlock } from '../../src/excel/land/landing-block';
import { DATA_DIR, startTestServer, type TestServer } from '../support/http-server';
import { rejection, serialOfDay, testContext } from './context';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const def = (path: string, options?: Record<string, unknown>): SourceDefinition => ({ id: 's', label: 'S', kind: 'csv', url: server.url(path), options });

/** seattle-weather.csv has no quotes, so a plain split is an independent reader. */
function seattleBySplit() {
  const lines = readFileSync(join(DATA_DIR, 'seattle-weather.csv'), 'utf8').split('\n').filter((l) => l.length > 0);
  return { header: lines[0]!.split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

describe('CSV by URL', () => {
  it('reads seattle-weather.csv with types detected, matching an independent split', async () => {
    const expected = seattleBySplit();
    const result = (await pullCsv(def('/data/seattle-weather.csv'), testContext())) as PullOk;
    expect(result.status).toBe('ok');
    expect(result.rowCount).toBe(expected.rows.length);
    expect(result.columns.map((c) => c.name)).toEqual(expected.header);
    expect(result.columns.map((c) => c.type)).toEqual(['date', 'number', 'number', 'number', 'number', 'text']);
    const t = result.table;
    for (const i of [0, 1, 700, expected.rows.length - 1]) {
      const row = expected.rows[i]!;
      expect(t.get('date', i)).toBe(serialOfDay(row[0]!));
      expect(t.get('precipitation', i)).toBe(Number(row[1]));
      expect(t.get('temp_max', i)).toBe(Number(row[2]));
      expect(t.get('weather', i)).toBe(row[5]);
    }
    const sum = expected.rows.reduce((s, r) => s + Number(r[4]), 0);
    expect((t.array('wind') as Float64Array).reduce((s, x) => s + x, 0)).toBeCloseTo(sum, 6);
    expect(result.etag).toMatch(/^".+"$/);
    expect(result.lastModified).toBe('Tue, 01 Oct 2024 00:00:00 GMT');
    expect(result.warnings).toEqual([]);
  });

  it('reads a TSV (unemployment.tsv) with the tab detected; the id column keeps its numbers', async () => {
    const lines = readFileSync(join(DATA_DIR, 'unemployment.tsv'), 'utf8').split('\n').filter(Boolean);
    const result = (await pullCsv(def('/data/unemployment.tsv'), testContext())) as PullOk;
    expect(result.columns).toEqual([
      { name: 'id', type: 'number', blanks: 0 },
      { name: 'rate', type: 'number', blanks: 0 },
    ]);
    expect(result.rowCount).toBe(lines.length - 1);
    const [id, rate] = lines[5]!.split('\t');
    expect(result.table.get('id', 4)).toBe(Number(id));
    expect(result.table.get('rate', 4)).toBe(Number(rate));
  });

  it('strips a UTF-8 byte-order mark so the first header is clean', async () => {
    const result = (await pullCsv(def('/bom/data/seattle-weather.csv'), testContext())) as PullOk;
    expect(result.columns[0]).toEqual({ name: 'date', type: 'date', blanks: 0 });
  });

  it('keeps quoted newlines, detects semicolons and reports ragged rows with their line numbers', async () => {
    server.setResource('quoted.csv', 'name;note;amount\n"Ann";"two\nlines";1,5\nBob;plain;2\nCy;short\n', 'text/csv');
    const result = (await pullCsv(def('/mutable/quoted.csv'), testContext())) as PullOk;
    expect(result.table.get('note', 0)).toBe('two\nlines');
    expect(result.columns.map((c) => c.type)).toEqual(['text', 'text', 'text']);
    expect(result.rowCount).toBe(3);
    expect(result.warnings.map((w) => w.code)).toEqual(['raggedRows']);
    expect(result.warnings[0]!.message).toContain('line 5');
  });

  it('sends If-None-Match and gets notModified (304) without a body', async () => {
    const ctx = testContext();
    const first = (await pullCsv(def('/data/seattle-weather.csv'), ctx)) as PullOk;
    server.reset();
    const second = await pullCsv(def('/data/seattle-weather.csv'), testContext({ previous: { etag: first.etag, lastModified: first.lastModified } }));
    expect(second).toEqual({ status: 'notModified' });
    expect(server.requests[0]!.headers['if-none-match']).toBe(first.etag);
    expect(server.requests[0]!.headers['if-modified-since']).toBe(first.lastModified);
  });

  it('after the data changes, the conditional pull downloads again and reports new and missing columns', async () => {
    server.setResource('orders.csv', 'date,region,amount\n2024-01-02,North,10\n2024-01-03,South,12\n', 'text/csv');
    const v1 = (await pullCsv(def('/mutable/orders.csv'), testContext())) as PullOk;
    expect(await pullCsv(def('/mutable/orders.csv'), testContext({ previous: { etag: v1.etag, columns: v1.columns } }))).toEqual({ status: 'notModified' });
    server.setResource('orders.csv', 'date,amount,channel\n2024-01-02,10,Web\n2024-01-03,12,Shop\n2024-01-04,7,Web\n', 'text/csv');
    const v2 = (await pullCsv(def('/mutable/orders.csv'), testContext({ previous: { etag: v1.etag, columns: v1.columns } }))) as PullOk;
    expect(v2.status).toBe('ok');
    expect(v2.rowCount).toBe(3);
    expect(v2.etag).not.toBe(v1.etag);
    const change = v2.warnings.find((w) => w.code === 'schemaChanged');
    expect(change?.message).toContain('new column channel');
    expect(change?.message).toContain('missing column region');
  });

  it('a body cut off mid-transfer fails as a broken connection, not as data', async () => {
    const error = await rejection(pullCsv(def('/truncate/data/seattle-weather.csv'), testContext()));
    expect(error.kind).toBe('http');
    expect(error.message).toContain('broke while the data was arriving');
  });

  it('a short but complete body that ends inside a quote is malformed, with the line', async () => {
    server.setResource('open-quote.csv', 'a,b\n1,"x\n2,y\n3,z\n', 'text/csv');
    const error = await rejection(pullCsv(def('/mutable/open-quote.csv'), testContext()));
    expect(error.kind).toBe('malformed');
    expect(error.details.line).toBe(2);
  });

  it('refuses more rows than allowed', async () => {
    const error = await rejection(pullCsv(def('/data/seattle-weather.csv'), testContext({ maxRows: 1000 })));
    expect(error.kind).toBe('tooManyRows');
    expect(error.message).toContain('1,000');
  });

  it('applies types the user chose in the preview; unreadable cells become blank and are counted', async () => {
    const result = (await pullCsv(def('/data/seattle-weather.csv', { types: { weather: 'number', date: 'text' } }), testContext())) as PullOk;
    expect(result.columns.find((c) => c.name === 'date')!.type).toBe('text');
    expect(result.table.get('date', 0)).toBe('2012-01-01');
    const weather = result.columns.find((c) => c.name === 'weather')!;
    expect(weather).toEqual({ name: 'weather', type: 'number', blanks: result.rowCount });
    expect(result.warnings.some((w) => w.message.includes('could not be read as number'))).toBe(true);
  });

  it('reports download and parse progress', async () => {
    const seen: string[] = [];
    await pullCsv(def('/data/seattle-weather.csv'), testContext({ onProgress: (p) => seen.push(p.phase) }));
    expect(seen).toContain('download');
    expect(seen.at(-1)).toBe('parse');
  });
});

describe('CSV with columns named like JavaScript built-ins', () => {
  const NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', 'Unit [EUR]'];
  const TEXT = `${NAMES.join(',')}\n1,2,3,4,5,6,7.5\n-1,,0.5,x,true,2024-01-01,8\n`;

  it('keeps every name and value, types each column by its values, and lands in sheet cells', async () => {
    server.setResource('built-ins.csv', TEXT, 'text/csv; charset=utf-8');
    const result = (await pullCsv(def('/mutable/built-ins.csv'), testContext())) as PullOk;
    // By hand from TEXT: valueOf holds "x" and hasOwnProperty "true" beside numbers, so both are text;
    // prototype mixes a number and a date, so it is text too.
    expect(result.columns).toEqual([
      { name: '__proto__', type: 'number', blanks: 0 },
      { name: 'constructor', type: 'number', blanks: 1 },
      { name: 'toString', type: 'number', blanks: 0 },
      { name: 'valueOf', type: 'text', blanks: 0 },
      { name: 'hasOwnProperty', type: 'text', blanks: 0 },
      { name: 'prototype', type: 'text', blanks: 0 },
      { name: 'Unit [EUR]', type: 'number', blanks: 0 },
    ]);
    expect(result.table.numRows()).toBe(2);
    expect(Array.from(result.table.array('__proto__') as ArrayLike<unknown>)).toEqual([1, -1]);
    expect(Array.from(result.table.array('constructor') as ArrayLike<unknown>)).toEqual([2, null]);
    const block = landingBlock(result.table, result.columns);
    expect(block.header).toEqual(NAMES);
    expect(block.rows).toEqual([
      [1, 2, 3, '4', '5', '6', 7.5],
      [-1, '', 0.5, 'x', 'true', '2024-01-01', 8],
    ]);
  });

  it("a type chosen for one of them applies to it alone (an object's inherited members are not choices)", async () => {
    server.setResource('built-ins-typed.csv', TEXT, 'text/csv; charset=utf-8');
    const result = (await pullCsv(def('/mutable/built-ins-typed.csv', { types: { toString: 'text' } }), testContext())) as PullOk;
    expect(result.columns.map((c) => c.type)).toEqual(['number', 'number', 'text', 'text', 'text', 'text', 'number']);
    expect(Array.from(result.table.array('toString') as ArrayLike<unknown>)).toEqual(['3', '0.5']);
  });
});
