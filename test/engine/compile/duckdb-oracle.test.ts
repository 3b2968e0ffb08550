import { DuckDBInstance } from '@duckdb/node-api';
import * as aq from 'arquero';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMeasures } from '../../../src/engine/compile';
import { expectRowsEqual, type ExpectedRow } from '../table-equal';

/**
 * Differential test: DuckDB is an independent engine. On random tables with
 * blanks, text and errors in the number column, our Excel-semantics measures
 * must equal DuckDB's over the numeric cells (DuckDB ignores NULLs the way
 * Excel's functions ignore non-numbers; quantile_cont is PERCENTILE.INC).
 */

/** Deterministic PRNG (mulberry32) so a failure can be reproduced from its seed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomTable(seed: number, rows: number) {
  const r = rng(seed);
  const region: string[] = [];
  const cat: string[] = [];
  const x: unknown[] = [];
  const cust: string[] = [];
  for (let i = 0; i < rows; i++) {
    region.push(['north', 'south', 'east', 'west'][Math.floor(r() * 4)]);
    cat.push(`c${Math.floor(r() * 6)}`);
    const u = r();
    x.push(u < 0.05 ? '' : u < 0.08 ? 'n/a' : u < 0.1 ? '#N/A' : Math.round((r() * 2000 - 500) * 100) / 100);
    cust.push(`k${Math.floor(r() * 50)}`);
  }
  return { region, cat, x, cust };
}

const MEASURES = [
  ['SUM([x])', 'sum(x)'],
  ['COUNT([x])', 'count(x)'],
  ['AVERAGE([x])', 'avg(x)'],
  ['MIN([x])', 'min(x)'],
  ['MAX([x])', 'max(x)'],
  ['MEDIAN([x])', 'median(x)'],
  ['PERCENTILE.INC([x], 0.9)', 'quantile_cont(x, 0.9)'],
  ['QUARTILE.INC([x], 1)', 'quantile_cont(x, 0.25)'],
  ['COUNTDISTINCT([cust])', 'count(DISTINCT cust)'],
  ['STDEV.S([x])', 'stddev_samp(x)'],
  ['VAR.P([x])', 'var_pop(x)'],
  ['SUM([x]) / COUNT([x])', 'sum(x) / count(x)'],
] as const;

describe('computeMeasures agrees with DuckDB', () => {
  let instance: DuckDBInstance;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
  });
  afterAll(() => instance?.closeSync());

  for (const seed of [1, 2, 3]) {
    it(`random table, seed ${seed}`, async () => {
      const data = randomTable(seed, 3000);
      const con = await instance.connect();
      await con.run('CREATE OR REPLACE TABLE t (region VARCHAR, cat VARCHAR, x DOUBLE, cust VARCHAR)');
      const app = await con.createAppender('t');
      for (let i = 0; i < data.x.length; i++) {
        app.appendVarchar(data.region[i]);
        app.appendVarchar(data.cat[i]);
        const v = data.x[i];
        if (typeof v === 'number') app.appendDouble(v);
        else app.appendNull();
        app.appendVarchar(data.cust[i]);
        app.endRow();
      }
      app.closeSync();

      const sql = `SELECT region, cat, ${MEASURES.map(([, s], i) => `${s} AS m${i}`).join(', ')}
        FROM t GROUP BY region, cat ORDER BY region, cat`;
      const reader = await con.runAndReadAll(sql);
      const expected: ExpectedRow[] = reader.getRowsJS().map((row) => [row.slice(0, 2), row.slice(2).map((v) => Number(v))]);
      con.closeSync();

      const table = aq.table({ region: data.region, cat: data.cat, x: data.x, cust: data.cust });
      const result = computeMeasures(table, {
        groupBy: ['region', 'cat'],
        measures: MEASURES.map(([formula], i) => ({ id: `m${i}`, formula })),
      });
      const rows = [...result.levels[0].rows].sort((a, b) =>
        `${a.key[0]}|${a.key[1]}`.localeCompare(`${b.key[0]}|${b.key[1]}`),
      );
      expect(rows.length).toBe(24);
      expectRowsEqual(rows, expected, 1e-9);
      // Every non-number cell was skipped and counted.
      const nonNumbers = data.x.filter((v) => typeof v !== 'number').length;
      const s = result.skipped.m0;
      expect(s.blank + s.text + s.error).toBe(nonNumbers);
    });
  }
});
