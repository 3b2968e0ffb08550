import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toArrowIPC } from 'arquero';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullArrow, pullParquet, type PullOk, type SourceDefinition } from '../../src/connectors';
import { columnTable } from '../../src/engine';
import { DATA_DIR, startTestServer, type TestServer } from '../support/http-server';
import { rejection, testContext } from './context';

let server: TestServer;
let dir: string;
/** Facts about the Parquet subset, read by DuckDB (an independent Parquet reader). */
let expected: { rows: number; delaySum: number; firstOrigin: string; lastDestination: string; firstDateMs: number; distanceMax: number };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pivotdeck-parquet-'));
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  // DuckDB rewrites the first 20,000 real rows of flights-3m.parquet (ZSTD, read in
  // parquet-zstd.test.ts) as Snappy and Gzip files.
  const source = join(DATA_DIR, 'flights-3m.parquet');
  await c.run(`CREATE TABLE f AS SELECT * FROM '${source}' LIMIT 20000`);
  await c.run(`COPY f TO '${join(dir, 'flights-snappy.parquet')}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 6000)`);
  await c.run(`COPY f TO '${join(dir, 'flights-gzip.parquet')}' (FORMAT parquet, COMPRESSION gzip)`);
  const rows = (await c.runAndReadAll(`SELECT count(*)::INTEGER, sum(delay)::DOUBLE, max(distance)::DOUBLE FROM '${join(dir, 'flights-snappy.parquet')}'`)).getRows()[0]!;
  const first = (await c.runAndReadAll(`SELECT origin, epoch_ms(date)::DOUBLE FROM '${join(dir, 'flights-snappy.parquet')}' LIMIT 1`)).getRows()[0]!;
  const last = (await c.runAndReadAll(`SELECT destination FROM '${join(dir, 'flights-snappy.parquet')}' OFFSET 19999`)).getRows()[0]!;
  expected = { rows: Number(rows[0]), delaySum: Number(rows[1]), distanceMax: Number(rows[2]), firstOrigin: String(first[0]), firstDateMs: Number(first[1]), lastDestination: String(last[0]) };
  c.closeSync();
  server = await startTestServer({ files: { 'flights-snappy.parquet': join(dir, 'flights-snappy.parquet'), 'flights-gzip.parquet': join(dir, 'flights-gzip.parquet') } });
}, 60_000);
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const def = (kind: 'parquet' | 'arrow', path: string, options?: Record<string, unknown>): SourceDefinition => ({ id: 'p', label: 'P', kind, url: server.url(path), options });

describe('Parquet by URL', () => {
  for (const file of ['flights-snappy.parquet', 'flights-gzip.parquet']) {
    it(`reads ${file}: typed columns matching DuckDB's read of the same file`, async () => {
      const result = (await pullParquet(def('parquet', `/data/${file}`), testContext())) as PullOk;
      expect(result.rowCount).toBe(expected.rows);
      expect(result.columns.map((c) => [c.name, c.type])).toEqual([
        ['date', 'date'],
        ['delay', 'number'],
        ['distance', 'number'],
        ['origin', 'text'],
        ['destination', 'text'],
      ]);
      const t = result.table;
      expect((t.array('delay') as Float64Array).reduce((s, x) => s + x, 0)).toBe(expected.delaySum);
      expect(Math.max(...(t.array('distance') as Float64Array))).toBe(expected.distanceMax);
      expect(t.get('origin', 0)).toBe(expected.firstOrigin);
      expect(t.get('destination', expected.rows - 1)).toBe(expected.lastDestination);
      expect(t.get('date', 0)).toBeCloseTo(expected.firstDateMs / 86_400_000 + 25_569, 9);
    });
  }

  it('reads only the chosen columns', async () => {
    const result = (await pullParquet(def('parquet', '/data/flights-snappy.parquet', { columns: ['origin', 'delay'] }), testContext())) as PullOk;
    expect(result.columns.map((c) => c.name)).toEqual(['origin', 'delay']);
  });

  it('a cut-short Parquet file is malformed, and the 304 path works as for any file', async () => {
    const error = await rejection(pullParquet(def('parquet', '/cut/data/flights-snappy.parquet'), testContext()));
    expect(error.kind).toBe('malformed');
    const first = (await pullParquet(def('parquet', '/data/flights-snappy.parquet'), testContext())) as PullOk;
    expect(await pullParquet(def('parquet', '/data/flights-snappy.parquet'), testContext({ previous: { etag: first.etag } }))).toEqual({ status: 'notModified' });
  });
});

describe('Arrow IPC by URL', () => {
  it('reads flights-200k.arrow; values match flights-200k.json (the same data as JSON)', async () => {
    const json = JSON.parse(readFileSync(join(DATA_DIR, 'flights-200k.json'), 'utf8')) as { delay: number; distance: number; time: number }[];
    const result = (await pullArrow(def('arrow', '/data/flights-200k.arrow'), testContext())) as PullOk;
    expect(result.rowCount).toBe(json.length);
    expect(result.columns.map((c) => [c.name, c.type])).toEqual([
      ['delay', 'number'],
      ['distance', 'number'],
      ['time', 'number'],
    ]);
    for (const i of [0, 1, 99_999, json.length - 1]) {
      expect(result.table.get('delay', i)).toBe(json[i]!.delay);
      expect(result.table.get('distance', i)).toBe(json[i]!.distance);
      expect(result.table.get('time', i)).toBeCloseTo(json[i]!.time, 5);
    }
    expect((result.table.array('distance') as ArrayLike<number>).length).toBe(json.length);
  });

  it('refuses bytes that are not Arrow', async () => {
    const error = await rejection(pullArrow(def('arrow', '/data/cars.json'), testContext()));
    expect(error.kind).toBe('malformed');
  });
});

describe('Arrow and Parquet with columns named like JavaScript built-ins', () => {
  /** Names Arquero's plain-object column store and plain `{}` records cannot hold as columns. */
  const NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', 'Unit [EUR]'];
  /** Column j: numbers (with -0) in odd columns, non-ASCII text with a null in even ones. */
  const valuesOf = (j: number): Array<number | string | null> => (j % 2 ? [1.5 * j, -0, 3] : [`a${j}`, 'Ünïcödé', null]);

  it('Arrow: every column and every row arrives under its own name, numbers as numbers', async () => {
    const bytes = toArrowIPC(columnTable(new Map(NAMES.map((name, j) => [name, valuesOf(j)]))), { types: Object.create(null) as Record<string, never> });
    server.setResource('built-ins.arrow', bytes, 'application/vnd.apache.arrow.file');
    const result = (await pullArrow(def('arrow', '/mutable/built-ins.arrow'), testContext())) as PullOk;
    expect(result.rowCount).toBe(3);
    expect(result.columns).toEqual(NAMES.map((name, j) => ({ name, type: j % 2 ? 'number' : 'text', blanks: j % 2 ? 0 : 1 })));
    expect(result.table.numRows()).toBe(3);
    NAMES.forEach((name, j) => expect(Array.from(result.table.array(name) as ArrayLike<unknown>)).toEqual(valuesOf(j)));
  });

  it('Arrow: chosen columns come in the order asked; a column the file lacks is named in the error', async () => {
    const bytes = toArrowIPC(columnTable(new Map(NAMES.map((name, j) => [name, valuesOf(j)]))), { types: Object.create(null) as Record<string, never> });
    server.setResource('built-ins-2.arrow', bytes, 'application/vnd.apache.arrow.file');
    const result = (await pullArrow(def('arrow', '/mutable/built-ins-2.arrow', { columns: ['valueOf', '__proto__'] }), testContext())) as PullOk;
    expect(result.columns.map((c) => c.name)).toEqual(['valueOf', '__proto__']);
    expect(Array.from(result.table.array('__proto__') as ArrayLike<unknown>)).toEqual(valuesOf(0));
    expect(Array.from(result.table.array('valueOf') as ArrayLike<unknown>)).toEqual(valuesOf(3));
    const error = await rejection(pullArrow(def('arrow', '/mutable/built-ins-2.arrow', { columns: ['__proto__', 'Missing'] }), testContext()));
    expect(error.kind).toBe('badDefinition');
    expect(error.message).toContain('The Arrow file has no column Missing.');
  });

  it('Parquet written by DuckDB: every column and row arrives under its own name', async () => {
    const file = join(dir, 'built-ins.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const quoted = NAMES.map((n) => `"${n.replace(/"/g, '""')}"`).join(', ');
    await c.run(`COPY (SELECT * FROM (VALUES ('a0', 1.5::DOUBLE, 'a2', 4.5::DOUBLE, 'a4', 7.5::DOUBLE, 'a6'), ('Ünïcödé', CAST('-0' AS DOUBLE), 'Ünïcödé', CAST('-0' AS DOUBLE), 'Ünïcödé', CAST('-0' AS DOUBLE), 'Ünïcödé'), (NULL, 3::DOUBLE, NULL, 3::DOUBLE, NULL, 3::DOUBLE, NULL)) AS t(${quoted})) TO '${file}' (FORMAT parquet)`);
    c.closeSync();
    server.setResource('built-ins.parquet', readFileSync(file), 'application/octet-stream');
    const result = (await pullParquet(def('parquet', '/mutable/built-ins.parquet'), testContext())) as PullOk;
    expect(result.columns.map((col) => [col.name, col.type])).toEqual(NAMES.map((name, j) => [name, j % 2 ? 'number' : 'text']));
    expect(result.table.numRows()).toBe(3);
    NAMES.forEach((name, j) => expect(Array.from(result.table.array(name) as ArrayLike<unknown>)).toEqual(valuesOf(j)));
  });
});
