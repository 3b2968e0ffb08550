/**
 * Issue 19, part 1: row-formula errors are values, on the warehouse as in the pane. [a] / [b] with
 * b = 0 is #DIV/0! and [x] * [x] past 1.8e308 is #NUM!: COUNTA and distinct counts count them, an
 * error is an item of its own (shown as its text, after the numbers), numeric aggregates skip it,
 * filters never keep it by comparison, IFERROR/ISERROR see it, and text built from it stays an
 * error. (They used to become NULL: COUNTA shrank and #DIV/0! became "(blank)".) Four ways:
 * engine = ClickHouse = DuckDB dialect = an oracle that applies Excel's rules in plain loops.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import type { WarehouseSchema } from '../../src/engine/sql';
import { createAwkwardTable, duckTable, localTable } from './support/awkward-table';
import { type Cell, itemOf, numbers, oDistinct, oItems, oSum, oTopN } from './support/oracle';
import { type Row, threeWay } from './support/three-way';

const url = inject('warehouseUrl');
const shardUrls = inject('warehouseShardUrls');
const COLUMNS = [
  { name: 'g', type: 'String' },
  { name: 'a', type: 'Float64' },
  { name: 'b', type: 'Nullable(Float64)' },
  { name: 'x', type: 'Float64' },
  { name: 't', type: 'String' },
];
const schema: WarehouseSchema = { table: 'rowerrors', columns: COLUMNS };
const raw: Row[] = Array.from({ length: 60 }, (_, i) => ({
  g: ['north', 'South', 'east'][i % 3],
  a: (i % 7) - 2,
  b: i % 5 === 0 ? 0 : i % 11 === 0 ? null : (i % 4) + 1,
  x: i % 9 === 0 ? 1e200 : i,
  t: ['k', 'K', 'm', ''][i % 4],
}));

// Excel's rules, by hand: blank is 0 in arithmetic; errors propagate left to right.
const isErr = (v: Cell) => v === '#DIV/0!' || v === '#NUM!';
const div = (a: Cell, b: Cell): Cell => {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  const d = (b as number | null) ?? 0;
  if (d === 0) return '#DIV/0!';
  const r = ((a as number | null) ?? 0) / d;
  return Number.isFinite(r) ? r : '#NUM!';
};
const mul = (a: number, b: number): Cell => (Number.isFinite(a * b) ? a * b : '#NUM!');
const rows: Row[] = raw.map((r) => {
  const R = div(r.a, r.b);
  const ratioText = isErr(R) ? R : (R as number) > 1 ? 'hi' : 'lo';
  return {
    ...r,
    R,
    O: mul(r.x as number, r.x as number),
    Label: isErr(ratioText) ? ratioText : `${r.t as string}${ratioText as string}`,
    C: isErr(R) ? -1 : R,
  };
});
const local = localTable(COLUMNS.map((c) => c.name), raw);
const derived = [
  { kind: 'formula' as const, name: 'R', formula: '[a] / [b]' },
  { kind: 'formula' as const, name: 'O', formula: '[x] * [x]' },
  { kind: 'formula' as const, name: 'Label', formula: '[t] & IF([R] > 1, "hi", "lo")' },
  { kind: 'formula' as const, name: 'C', formula: 'IFERROR([R], -1)' },
];
const counta = (f: string) => (rs: Row[]) => rs.filter((r) => r[f] !== null && r[f] !== '').length;
const countNumbers = (f: string) => (rs: Row[]) => numbers(rs.map((r) => r[f])).length;

describe('row-formula errors are values', () => {
  let db: DuckDBInstance;
  let con: DuckDBConnection;
  let duck: (sql: string) => Promise<unknown[][]>;
  beforeAll(async () => {
    await createAwkwardTable(shardUrls, 'rowerrors', COLUMNS, raw);
    db = await DuckDBInstance.create(':memory:');
    con = await db.connect();
    duck = await duckTable(con, 'rowerrors', COLUMNS, raw);
  });
  afterAll(() => {
    con?.closeSync();
    db?.closeSync();
  });

  it('#DIV/0! is an item of its own; COUNTA and distinct counts count it, SUM and COUNT skip it', async () => {
    await threeWay(url, schema, local, rows, {
      spec: {
        derived,
        rows: ['R'],
        measures: [
          { id: 'counta', kind: 'count', field: 'R' },
          { id: 'count', kind: 'countNumbers', field: 'R' },
          { id: 'sum', kind: 'sum', field: 'R' },
          { id: 'rows', kind: 'count', field: 'g' },
        ],
      },
      oracle: [counta('R'), countNumbers('R'), (rs) => oSum(numbers(rs.map((r) => r.R))), counta('g')],
    }, duck);
  });

  it('#NUM! from an overflow and text built from an error, per group; IFERROR replaces them', async () => {
    await threeWay(url, schema, local, rows, {
      spec: {
        derived,
        rows: ['g'],
        measures: [
          { id: 'countaO', kind: 'count', field: 'O' },
          { id: 'distinctO', kind: 'distinctCount', field: 'O' },
          { id: 'sumO', kind: 'sum', field: 'O' },
          { id: 'distinctT', kind: 'distinctCount', field: 'Label' },
          { id: 'countaT', kind: 'count', field: 'Label' },
          { id: 'sumC', kind: 'sum', field: 'C' },
          { id: 'distinctR', kind: 'distinctCount', field: 'R' },
        ],
      },
      oracle: [
        counta('O'),
        (rs) => oDistinct(rs.map((r) => r.O)),
        (rs) => oSum(numbers(rs.map((r) => r.O))),
        (rs) => oDistinct(rs.map((r) => r.Label)),
        counta('Label'),
        (rs) => oSum(numbers(rs.map((r) => r.C))),
        (rs) => oDistinct(rs.map((r) => r.R)),
      ],
    }, duck);
  });

  it('a TRUE/FALSE derived field is an item (FALSE, TRUE, then blank) and COUNTA counts it unless blank', async () => {
    const flagged = rows.map((r) => ({ ...r, Big: (r.a as number) > 1, Maybe: (r.a as number) > 2 ? true : null }));
    await threeWay(url, schema, local, flagged, {
      spec: {
        derived: [{ kind: 'formula', name: 'Big', formula: '[a] > 1' }, { kind: 'formula', name: 'Maybe', formula: 'IF([a] > 2, TRUE)' }],
        rows: ['Big'],
        columns: ['Maybe'],
        measures: [{ id: 'n', kind: 'count', field: 'Maybe' }, { id: 'sum', kind: 'sum', field: 'a' }, { id: 'distinct', kind: 'distinctCount', field: 'Big' }],
      },
      oracle: [counta('Maybe'), (rs) => oSum(numbers(rs.map((r) => r.a))), (rs) => oDistinct(rs.map((r) => r.Big))],
    }, duck);
  });

  it('top 4 items of a field with #DIV/0! by a count: the error item takes part, ties in the pane\'s order', async () => {
    const byCount = (rs: Row[]) => rs.length;
    await threeWay(url, schema, local, rows, {
      spec: {
        derived,
        rows: ['R'],
        filters: [{ kind: 'topN', field: 'R', n: 4, measure: 'n' }],
        measures: [{ id: 'n', kind: 'count', field: 'g' }],
      },
      keep: (rs) => {
        const top = oTopN(oItems(rs, (r) => r.R), byCount, 4);
        return rs.filter((r) => top.some((t) => itemOf(t) === itemOf(r.R)));
      },
      oracle: [counta('g')],
    }, duck);
  });

  it('text items built from errors; filters: comparisons never keep an error, ISERROR and in-lists do', async () => {
    await threeWay(url, schema, local, rows, {
      spec: {
        derived,
        rows: ['Label'],
        filters: [
          // OR(ISERROR([R]), [R] > -1) would be the error itself (Excel's OR returns an argument's error).
          { kind: 'formula', formula: 'IF(ISERROR([R]), TRUE, [R] > -1)' },
          { kind: 'in', field: 'R', values: ['#div/0!', 1, 2, 0.5, 0.25, 0] },
        ],
        measures: [{ id: 'n', kind: 'count', field: 'g' }, { id: 'sumC', kind: 'sum', field: 'C' }],
      },
      keep: (rs) => rs.filter((r) => (isErr(r.R) || (r.R as number) > -1) && (r.R === '#DIV/0!' || [1, 2, 0.5, 0.25, 0].includes(r.R as number))),
      oracle: [counta('g'), (rs) => oSum(numbers(rs.map((r) => r.C)))],
    }, duck);
  });
});
