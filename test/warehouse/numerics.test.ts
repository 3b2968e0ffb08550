/**
 * Issue 19, parts 1, 2 and 5: numbers a warehouse holds that floats make awkward, four ways —
 * local engine = ClickHouse pushdown = DuckDB dialect = the test's exact oracle (BigInt):
 * - variance and deviation with a large mean and a small spread (one-pass varSamp gave 0 for
 *   VAR.S of 1e9, 1e9+1, 1e9+2 and negative variances), to 1e-12 relative of the exact value;
 * - -0 and 0 are one item and one distinct value;
 * - a sum that overflows is #NUM! (it came back as null and showed NaN);
 * - a subnormal literal (1e-310) in a filter (ClickHouse 18.16's parser refused it);
 * - top N ranked by a deviation.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { WarehouseSchema } from '../../src/engine/sql';
import { createAwkwardTable, duckTable, localTable } from './support/awkward-table';
import { type Cell, numbers, oAverage, oDistinct, oItems, oStdev, oSum, oTopN, oVariance } from './support/oracle';
import { type Row, threeWay } from './support/three-way';

const url = inject('warehouseUrl');
const shardUrls = inject('warehouseShardUrls');

const COLUMNS = [
  { name: 'g', type: 'String' },
  { name: 'big', type: 'Nullable(Float64)' },
  { name: 'z', type: 'Nullable(Float64)' },
  { name: 'huge', type: 'Float64' },
  { name: 'tiny', type: 'Float64' },
];
const schema: WarehouseSchema = { table: 'numerics', columns: COLUMNS };

let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const rows: Row[] = [];
const push = (g: string, big: number | null, i: number) =>
  rows.push({ g, big, z: [0, -0, 1, null, -0, 2.5][i % 6], huge: g === 'overflow' ? 1e308 : i, tiny: i % 4 === 0 ? 1e-310 : i % 4 === 1 ? -1e-310 : 0 });
[1e9, 1e9 + 1, 1e9 + 2].forEach((v, i) => push('VAR.S is 1', v, i));
for (let i = 0; i < 400; i++) push('1e9 ± 0.5', 1e9 + Math.floor(rand() * 1000) / 1000 - 0.5, i);
for (let i = 0; i < 300; i++) push('1e15 + k', 1e15 + Math.floor(rand() * 64), i);
for (let i = 0; i < 5; i++) push('all equal', 0.1, i);
push('one number', 7, 0);
push('one number', null, 1);
for (let i = 0; i < 4; i++) push('overflow', 3, i);
for (let i = 0; i < 50; i++) push('mixed', i % 5 === 0 ? null : rand() * 1e6 - 5e5, i);
const local = localTable(COLUMNS.map((c) => c.name), rows);

const nums = (f: string) => (rs: Row[]) => numbers(rs.map((r) => r[f]));
const noOverflow = (v: number | string) => (typeof v === 'number' && !Number.isFinite(v) ? '#NUM!' : v);

describe('numbers: four ways (engine, ClickHouse, DuckDB, exact oracle)', () => {
  let db: DuckDBInstance;
  let con: DuckDBConnection;
  let duck: (sql: string) => Promise<unknown[][]>;
  beforeAll(async () => {
    await createAwkwardTable(shardUrls, 'numerics', COLUMNS, rows);
    db = await DuckDBInstance.create(':memory:');
    con = await db.connect();
    duck = await duckTable(con, 'numerics', COLUMNS, rows);
  });
  afterAll(() => {
    con?.closeSync();
    db?.closeSync();
  });

  it('VAR/STDEV with a large mean and a small spread match the exact value to 1e-12', async () => {
    const { pushed } = await threeWay(url, schema, local, rows, {
      spec: {
        rows: ['g'],
        measures: [
          { id: 'varS', kind: 'varSample', field: 'big' },
          { id: 'varP', kind: 'varPopulation', field: 'big' },
          { id: 'sdS', kind: 'stdevSample', field: 'big' },
          { id: 'sdP', kind: 'stdevPopulation', field: 'big' },
          { id: 'avg', kind: 'average', field: 'big' },
        ],
      },
      oracle: [
        (rs) => oVariance(nums('big')(rs), true),
        (rs) => oVariance(nums('big')(rs), false),
        (rs) => oStdev(nums('big')(rs), true),
        (rs) => oStdev(nums('big')(rs), false),
        (rs) => oAverage(nums('big')(rs)),
      ],
    }, duck);
    const grid = pushed.grid!;
    const at = (label: string) => grid.values[grid.rowItems.findIndex((r) => r.path[0] === label)];
    expect(at('VAR.S is 1')[0]).toBe(1);
    expect(at('all equal').slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(at('one number').slice(0, 4)).toEqual(['#DIV/0!', 0, '#DIV/0!', 0]);
    for (const row of grid.values) for (const v of row.slice(0, 4)) if (typeof v === 'number') expect(v).toBeGreaterThanOrEqual(0);
  });

  it('-0 and 0 are one item and one distinct value; an overflowing sum is #NUM!', async () => {
    await threeWay(url, schema, local, rows, {
      spec: {
        rows: ['z'],
        columns: ['g'],
        filters: [{ kind: 'in', field: 'g', values: ['overflow', 'mixed', 'all equal'] }],
        measures: [
          { id: 'n', kind: 'count', field: 'z' },
          { id: 'distinct', kind: 'distinctCount', field: 'z' },
          { id: 'sum', kind: 'sum', field: 'huge' },
          { id: 'avg', kind: 'average', field: 'huge' },
        ],
      },
      keep: (rs) => rs.filter((r) => ['overflow', 'mixed', 'all equal'].includes(r.g as string)),
      oracle: [
        (rs) => rs.filter((r) => r.z !== null).length,
        (rs) => oDistinct(rs.map((r) => r.z)),
        (rs) => noOverflow(oSum(nums('huge')(rs))),
        // Excel's AVERAGE is SUM / COUNT: a sum that overflows is #NUM! even where the mean would fit.
        (rs) => (noOverflow(oSum(nums('huge')(rs))) === '#NUM!' ? '#NUM!' : oAverage(nums('huge')(rs))),
      ],
    }, duck);
  });

  it('subnormal numbers in a filter and in the data (1e-310 was a syntax error on the warehouse)', async () => {
    await threeWay(url, schema, local, rows, {
      spec: {
        rows: ['tiny'],
        filters: [
          { kind: 'compare', field: 'tiny', op: '<>', value: 1e-310 },
          { kind: 'in', field: 'tiny', values: [-1e-310, 0, 5e-324], exclude: false },
        ],
        measures: [{ id: 'n', kind: 'count', field: 'g' }, { id: 'sum', kind: 'sum', field: 'tiny' }],
      },
      keep: (rs) => rs.filter((r) => r.tiny !== 1e-310 && [-1e-310, 0].includes(r.tiny as number)),
      oracle: [(rs) => rs.filter((r) => r.g !== '').length, (rs) => oSum(nums('tiny')(rs))],
    }, duck);
  });

  it('top 3 groups by standard deviation, ties and #DIV/0! groups as the engine has them', async () => {
    const sd = (rs: Row[]) => oStdev(nums('big')(rs), true);
    const top = oTopN(oItems(rows, (r) => r.g), sd, 3);
    expect(top).toHaveLength(3);
    await threeWay(url, schema, local, rows, {
      spec: {
        rows: ['g'],
        filters: [{ kind: 'topN', field: 'g', n: 3, measure: 'sd', direction: 'bottom' }],
        measures: [{ id: 'sd', kind: 'stdevSample', field: 'big' }],
      },
      keep: (rs) => {
        const keepItems = oTopN(oItems(rs, (r) => r.g), sd, 3, false);
        return rs.filter((r) => keepItems.some((t: Cell) => typeof t === 'string' && t.toLowerCase() === (r.g as string).toLowerCase()));
      },
      oracle: [sd],
    }, duck);
  });
});
