/**
 * Issue 19, part 3: column names equal to the planner's own generated names (`k`, `k0`, `v0`,
 * `_pd_set`, `__pd_p`, `p`, `q`, `key` …) can never be shadowed by an alias. Before, a filter on
 * column `k` inside the top-N subquery bound to the alias `k` and returned an empty grid; other
 * specs failed with aggregate errors. Each spec runs three ways: local engine = pushdown = oracle.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reservedPrefix, splitPlan, type WarehouseSchema } from '../../src/engine/sql';
import { createAwkwardTable, duckTable, localTable } from './support/awkward-table';
import { numbers, oItems, oStdev, oSum, oTopN, oVariance, oDistinct, oPercentile, type Cell } from './support/oracle';
import { type Row, threeWay } from './support/three-way';

const url = inject('warehouseUrl');
const shardUrls = inject('warehouseShardUrls');

const COLUMNS = [
  { name: 'k', type: 'String' },
  { name: 'k0', type: 'Nullable(Float64)' },
  { name: 'k1', type: 'Int32' },
  { name: 'v0', type: 'Nullable(Float64)' },
  { name: 'v1', type: 'Float64' },
  { name: '_pd_set', type: 'String' },
  { name: '__pd_p', type: 'Float64' },
  { name: 'p', type: 'Float64' },
  { name: 'q', type: 'Float64' },
  { name: 'key', type: 'String' },
  { name: '__set', type: 'String' },
];
const schema: WarehouseSchema = { table: 'clash', columns: COLUMNS };
const K = ['North', 'NORTH', 'south', 'South', 'east', '', 'West', 'west'];

const rows: Row[] = Array.from({ length: 240 }, (_, i) => ({
  k: K[i % K.length],
  k0: [0, 1, 2, null, 10][i % 5],
  k1: i % 11,
  v0: i % 9 === 0 ? null : 1e9 + (i % 7),
  v1: 1e9 + (i % 3),
  _pd_set: `S${i % 3}`,
  __pd_p: (i * 37) % 19,
  p: i % 4,
  q: (i * 7) % 13,
  key: K[(i + 3) % K.length],
  __set: `x${i % 2}`,
}));
const local = localTable(COLUMNS.map((c) => c.name), rows);
const nums = (f: string) => (rs: Row[]) => numbers(rs.map((r) => r[f]));
const sum = (f: string) => (rs: Row[]) => oSum(nums(f)(rs));

describe('a table whose columns are named like the planner\'s aliases', () => {
  let db: DuckDBInstance;
  let con: DuckDBConnection;
  let duck: (sql: string) => Promise<unknown[][]>;
  beforeAll(async () => {
    await createAwkwardTable(shardUrls, 'clash', COLUMNS, rows);
    db = await DuckDBInstance.create(':memory:');
    con = await db.connect();
    duck = await duckTable(con, 'clash', COLUMNS, rows);
  });
  afterAll(() => {
    con?.closeSync();
    db?.closeSync();
  });

  it('takes a prefix that no column starts with', () => {
    expect(reservedPrefix(schema)).toBe('___pd_');
    const sql = splitPlan({ version: 1, source: { kind: 'source', id: 'w' }, rows: ['k'], measures: [{ id: 'n', kind: 'count', field: 'k0' }] }, schema).sql;
    expect(sql).toContain('AS `___pd_k0`');
    expect(sql).not.toMatch(/AS `(k|k0|v0|__set|_pd_set)`/);
  });

  it('rows k × columns k0 with sums, variances, distinct counts and a median of columns named v0, v1, k1, p', async () => {
    await threeWay(url, schema, local, rows, {
      spec: {
        rows: ['k'],
        columns: ['k0'],
        measures: [
          { id: 'v0', kind: 'sum', field: 'v0' },
          { id: 'k', kind: 'varSample', field: 'v1' },
          { id: 'k1', kind: 'distinctCount', field: 'k1' },
          { id: 'p', kind: 'median', field: 'p' },
          { id: 'q', kind: 'stdevPopulation', field: 'v0' },
        ],
      },
      oracle: [
        sum('v0'),
        (rs) => oVariance(nums('v1')(rs), true),
        (rs) => oDistinct(rs.map((r) => r.k1)),
        (rs) => oPercentile(nums('p')(rs), 0.5),
        (rs) => oStdev(nums('v0')(rs), false),
      ],
    }, duck);
  });

  it('a filter on column k inside the top-N subquery keeps what it should (was an empty grid)', async () => {
    const keep = (rs: Row[]) => {
      const f = rs.filter((r) => typeof r.k === 'string' && r.k !== '' && r.k.toLowerCase() !== 'east');
      const top = new Set(oTopN(oItems(f, (r) => r.key), sum('__pd_p'), 2));
      return f.filter((r) => [...top].some((t) => (t === null ? r.key === '' : (r.key as string).toLowerCase() === (t as string).toLowerCase())));
    };
    const { pushed } = await threeWay(url, schema, local, rows, {
      spec: {
        rows: ['key'],
        filters: [
          { kind: 'compare', field: 'k', op: '<>', value: 'EAST' },
          { kind: 'topN', field: 'key', n: 2, measure: 's' },
        ],
        measures: [{ id: 's', kind: 'sum', field: '__pd_p' }, { id: 'n', kind: 'count', field: '__set' }],
      },
      keep,
      oracle: [sum('__pd_p'), (rs) => rs.filter((r) => r.__set !== '').length],
    }, duck);
    expect(pushed.grid!.rowItems.filter((r) => r.kind === 'item')).toHaveLength(2);
  });

  it('groups by columns named _pd_set and __set, top 3 of k0 by a column named k1', async () => {
    const keep = (rs: Row[]) => {
      const top = oTopN(oItems(rs, (r) => r.k0), sum('k1'), 3);
      return rs.filter((r) => top.some((t: Cell) => (t === null ? r.k0 === null : r.k0 === t)));
    };
    await threeWay(url, schema, local, rows, {
      spec: {
        rows: ['_pd_set'],
        columns: ['k0'],
        filters: [{ kind: 'topN', field: 'k0', n: 3, measure: 'k1' }],
        measures: [{ id: 'k1', kind: 'sum', field: 'k1' }, { id: 'var', kind: 'varPopulation', field: 'v1' }],
      },
      keep,
      oracle: [sum('k1'), (rs) => oVariance(nums('v1')(rs), false)],
    }, duck);
  });
});
