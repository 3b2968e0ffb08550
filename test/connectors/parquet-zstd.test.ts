// Parquet files compressed with ZSTD, Brotli and LZ4 (what DuckDB, Spark and Polars write by
// default or on request) read through PivotDeck's own reader, which loads hyparquet-compressors
// on demand. Files come from a real 127.0.0.1 server; expected values come from DuckDB's reader
// of the same files (an independent Parquet implementation), never from the code under test.
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetMetadata } from 'hyparquet';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullParquet, type PullOk, type SourceDefinition } from '../../src/connectors';
import { compressorsFor } from '../../src/connectors/parquet';
import { DATA_DIR, startTestServer, type TestServer } from '../support/http-server';
import { testContext } from './context';

let server: TestServer;
let dir: string;

/** One row of the awkward table as DuckDB reads it back: [id, name, amount, note]. */
type Row = [number, string | null, number | null, string | null];
let awkward: Row[];
/** flights-3m.parquet (ZSTD, as vega ships it) summarised by DuckDB. */
let flights: { rows: number; delaySum: number; distanceMax: number; firstOrigin: string; lastDestination: string };

const CODECS = ['zstd', 'brotli', 'lz4'] as const;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pivotdeck-parquet-zstd-'));
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  // Awkward on purpose: non-ASCII names, a NULL-only column group, -0, both infinities, ties,
  // a one-row group and a name that clashes with ours ('rowCount'). Several row groups.
  await c.run(`CREATE TABLE t AS SELECT
      i::INTEGER AS id,
      CASE WHEN i % 7 = 0 THEN NULL WHEN i % 3 = 0 THEN 'Zürich ✓' WHEN i % 3 = 1 THEN '東京' ELSE 'rowCount' END AS name,
      CASE WHEN i = 1 THEN '-0'::DOUBLE WHEN i = 2 THEN 'inf'::DOUBLE WHEN i = 3 THEN '-inf'::DOUBLE
           WHEN i % 11 = 0 THEN NULL ELSE (i % 50) * 1.25 END AS amount,
      NULL::VARCHAR AS note
    FROM range(0, 5000) r(i)`);
  for (const codec of CODECS) {
    await c.run(`COPY t TO '${join(dir, `awkward-${codec}.parquet`)}' (FORMAT parquet, COMPRESSION ${codec}, ROW_GROUP_SIZE 2048)`);
  }
  await c.run(`COPY t TO '${join(dir, 'awkward-snappy.parquet')}' (FORMAT parquet, COMPRESSION snappy)`);
  const read = await c.runAndReadAll(`SELECT id, name, amount, note FROM '${join(dir, 'awkward-zstd.parquet')}' ORDER BY id`);
  awkward = read.getRows().map((r) => [Number(r[0]), r[1] === null ? null : String(r[1]), r[2] === null ? null : Number(r[2]), r[3] === null ? null : String(r[3])]);
  const source = join(DATA_DIR, 'flights-3m.parquet');
  const sums = (await c.runAndReadAll(`SELECT count(*)::INTEGER, sum(delay)::DOUBLE, max(distance)::DOUBLE FROM '${source}'`)).getRows()[0]!;
  const first = (await c.runAndReadAll(`SELECT origin FROM '${source}' LIMIT 1`)).getRows()[0]!;
  const last = (await c.runAndReadAll(`SELECT destination FROM '${source}' OFFSET ${Number(sums[0]) - 1}`)).getRows()[0]!;
  flights = { rows: Number(sums[0]), delaySum: Number(sums[1]), distanceMax: Number(sums[2]), firstOrigin: String(first[0]), lastDestination: String(last[0]) };
  c.closeSync();
  const files: Record<string, string> = {};
  for (const codec of [...CODECS, 'snappy']) files[`awkward-${codec}.parquet`] = join(dir, `awkward-${codec}.parquet`);
  server = await startTestServer({ files });
}, 120_000);

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const def = (path: string, options?: Record<string, unknown>): SourceDefinition => ({ id: 'p', label: 'P', kind: 'parquet', url: server.url(path), options });

describe('Parquet with ZSTD, Brotli and LZ4', () => {
  for (const codec of CODECS) {
    it(`reads a ${codec.toUpperCase()} file: every value equals DuckDB's read`, async () => {
      const result = (await pullParquet(def(`/data/awkward-${codec}.parquet`), testContext())) as PullOk;
      expect(result.rowCount).toBe(awkward.length);
      expect(result.columns.map((c) => c.name)).toEqual(['id', 'name', 'amount', 'note']);
      const t = result.table;
      for (let i = 0; i < awkward.length; i++) {
        const [id, name, amount, note] = awkward[i]!;
        expect(t.get('id', i)).toBe(id);
        expect(t.get('name', i) ?? null).toBe(name);
        // Excel cells cannot hold infinities: every connector lands them as blanks.
        expect(t.get('amount', i) ?? null).toBe(amount !== null && Number.isFinite(amount) ? amount : null);
        expect(t.get('note', i) ?? null).toBe(note);
      }
      // -0 survives decompression exactly (Object.is tells -0 from 0); DuckDB did hold the infinities.
      expect(Object.is(t.get('amount', 1), -0)).toBe(true);
      expect([awkward[2]![2], awkward[3]![2]]).toEqual([Infinity, -Infinity]);
      expect([t.get('amount', 2) ?? null, t.get('amount', 3) ?? null]).toEqual([null, null]);
    });
  }

  it("opens vega's flights-3m.parquet (ZSTD, 3 million rows); totals equal DuckDB's", async () => {
    const result = (await pullParquet({ id: 'f', label: 'Flights', kind: 'parquet', url: server.url('/data/flights-3m.parquet') }, testContext())) as PullOk;
    expect(result.rowCount).toBe(flights.rows);
    const t = result.table;
    const delay = t.array('delay') as Float64Array;
    let sum = 0;
    for (let i = 0; i < delay.length; i++) sum += delay[i]!;
    expect(sum).toBe(flights.delaySum);
    const distance = t.array('distance') as Float64Array;
    let max = -Infinity;
    for (let i = 0; i < distance.length; i++) if (distance[i]! > max) max = distance[i]!;
    expect(max).toBe(flights.distanceMax);
    expect(t.get('origin', 0)).toBe(flights.firstOrigin);
    expect(t.get('destination', flights.rows - 1)).toBe(flights.lastDestination);
  }, 120_000);

  it('loads the extra decoders only for files that need them', async () => {
    const snappy = parquetMetadata(toArrayBuffer(readFileSync(join(dir, 'awkward-snappy.parquet'))));
    const zstd = parquetMetadata(toArrayBuffer(readFileSync(join(dir, 'awkward-zstd.parquet'))));
    expect(Object.keys(await compressorsFor(snappy))).toEqual(['GZIP']);
    expect(Object.keys(await compressorsFor(zstd))).toEqual(expect.arrayContaining(['ZSTD', 'BROTLI', 'LZ4', 'LZ4_RAW', 'GZIP']));
  });
});

function toArrayBuffer(buf: Buffer): ArrayBuffer {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}
