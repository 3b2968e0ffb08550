/**
 * Issue 19, part 3: every ClickHouse type DESCRIBE can return is read or left out cleanly. Text-like
 * types (FixedString, Enum8/16, UUID, LowCardinality) group and compare as text (they failed with
 * "lowerUTF8 of an illegal type"); Decimal and every integer width are numbers; DateTime with a
 * zone is read on that zone's wall clock, the clock its date parts use (a value used to land in
 * the wrong day's group). Each column runs three ways: local engine = pushdown = oracle.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { describeWarehouseFields } from '../../src/connectors/warehouse/field-types';
import { fieldsFromSchema, type WarehouseSchema } from '../../src/engine/sql';
import { chExec } from '../support/clickhouse';
import { createAwkwardTable, literal, localTable } from './support/awkward-table';
import { numbers, oDistinct, oSum, type Cell } from './support/oracle';
import { type Row, threeWay } from './support/three-way';

const url = inject('warehouseUrl');
const shardUrls = inject('warehouseShardUrls');

const COLUMNS = [
  { name: 's', type: 'String' },
  { name: 'fs', type: 'FixedString(4)' },
  { name: 'e8', type: "Enum8('a' = 1, 'B' = 2, 'ü' = -3)" },
  { name: 'e16', type: "Nullable(Enum16('x' = 1000, 'Y' = 2000))" },
  { name: 'u', type: 'UUID' },
  { name: 'lc', type: 'LowCardinality(String)' },
  { name: 'lcn', type: 'LowCardinality(Nullable(String))' },
  { name: 'ns', type: 'Nullable(String)' },
  { name: 'd32', type: 'Decimal32(2)' },
  { name: 'd64', type: 'Decimal(18, 4)' },
  { name: 'd128', type: 'Nullable(Decimal128(10))' },
  { name: 'i8', type: 'Int8' },
  { name: 'i16', type: 'Int16' },
  { name: 'i32', type: 'Int32' },
  { name: 'i64', type: 'Int64' },
  { name: 'u8', type: 'UInt8' },
  { name: 'u16', type: 'UInt16' },
  { name: 'u32', type: 'UInt32' },
  { name: 'u64', type: 'UInt64' },
  { name: 'f32', type: 'Float32' },
  { name: 'f64', type: 'Nullable(Float64)' },
  { name: 'dd', type: 'Date' },
  { name: 'dt', type: 'DateTime' },
  { name: 'tokyo', type: "DateTime('Asia/Tokyo')" },
  { name: 'newyork', type: "Nullable(DateTime('America/New_York'))" },
  { name: 'arr', type: 'Array(Int32)' },
  { name: 'tup', type: 'Tuple(Int32, String)' },
  { name: 'state', type: 'AggregateFunction(uniq, UInt64)' },
];
const LEFT_OUT = ['arr', 'tup', 'state'];

/** Excel serial of a wall-clock time (days since 1899-12-30), computed here by hand. */
const serial = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => (Date.UTC(y, mo - 1, d, h, mi, s) / 1000) / 86400 + 25569;

// Each row: the SQL literal written to the server → the Excel value the pane must read.
interface Spec { sql: string; excel: Cell }
const text = (v: string | null): Spec => ({ sql: v === null ? 'NULL' : literal(v), excel: v === '' ? null : v });
const number = (sql: string, excel: number): Spec => ({ sql, excel });
const ROWS: Array<Record<string, Spec>> = [
  {
    s: text('Zürich'), fs: text('ab'), e8: text('a'), e16: text('x'), u: text('61f0c404-5cb3-11e7-907b-a6006ad3dba0'), lc: text('Big'), lcn: text(null), ns: text(null),
    d32: number('1.25', 1.25), d64: number('12345.6789', 12345.6789), d128: number('3.1234567891', 3.1234567891),
    i8: number('-128', -128), i16: number('-32768', -32768), i32: number('-2147483648', -2147483648), i64: number('-9223372036854775808', -(2 ** 63)),
    u8: number('255', 255), u16: number('65535', 65535), u32: number('4294967295', 4294967295), u64: number('18446744073709551615', 2 ** 64),
    f32: number('0.1', Math.fround(0.1)), f64: number('NULL', null as unknown as number),
    dd: { sql: "'2024-01-02'", excel: serial(2024, 1, 2) },
    dt: { sql: "'2024-01-01 20:00:00'", excel: serial(2024, 1, 1, 20) },
    tokyo: { sql: "'2024-01-01 08:30:00'", excel: serial(2024, 1, 1, 8, 30) },
    newyork: { sql: "'2024-01-01 23:30:00'", excel: serial(2024, 1, 1, 23, 30) },
  },
  {
    s: text('ZÜRICH'), fs: text('abcd'), e8: text('B'), e16: text('Y'), u: text('00000000-0000-0000-0000-000000000000'), lc: text('BIG'), lcn: text('k'), ns: text(''),
    d32: number('-3.5', -3.5), d64: number('0.0001', 0.0001), d128: number('NULL', null as unknown as number),
    i8: number('127', 127), i16: number('32767', 32767), i32: number('2147483647', 2147483647), i64: number('9223372036854775807', 2 ** 63),
    u8: number('0', 0), u16: number('1', 1), u32: number('2', 2), u64: number('3', 3),
    f32: number('1.5', 1.5), f64: number('-0.', -0),
    dd: { sql: "'1970-01-01'", excel: serial(1970, 1, 1) },
    dt: { sql: "'2024-01-01 23:59:59'", excel: serial(2024, 1, 1, 23, 59, 59) },
    tokyo: { sql: "'2024-01-02 00:00:00'", excel: serial(2024, 1, 2) },
    newyork: { sql: "'2024-07-01 22:15:00'", excel: serial(2024, 7, 1, 22, 15) },
  },
  {
    s: text(''), fs: text(''), e8: text('ü'), e16: text(null), u: text('61F0C404-5CB3-11E7-907B-A6006AD3DBA0'), lc: text(''), lcn: text('K'), ns: text('x'),
    d32: number('1.25', 1.25), d64: number('-1', -1), d128: number('0', 0),
    i8: number('0', 0), i16: number('0', 0), i32: number('0', 0), i64: number('0', 0),
    u8: number('255', 255), u16: number('0', 0), u32: number('0', 0), u64: number('0', 0),
    f32: number('1.5', 1.5), f64: number('0', 0),
    dd: { sql: "'2024-01-02'", excel: serial(2024, 1, 2) },
    dt: { sql: "'2024-01-02 00:00:00'", excel: serial(2024, 1, 2) },
    tokyo: { sql: "'2024-01-01 23:59:59'", excel: serial(2024, 1, 1, 23, 59, 59) },
    newyork: { sql: 'NULL', excel: null },
  },
];
// The UUID's text form is lower case whatever was written.
ROWS[2].u.excel = '61f0c404-5cb3-11e7-907b-a6006ad3dba0';
for (const r of ROWS) {
  r.arr = { sql: '[1, 2]', excel: null };
  r.tup = { sql: "(1, 'a')", excel: null };
  r.state = { sql: "unhex('')", excel: null };
}

const schema: WarehouseSchema = { table: 'typed', columns: COLUMNS };
const rows: Row[] = ROWS.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.excel])));
const read = COLUMNS.filter((c) => !LEFT_OUT.includes(c.name)).map((c) => c.name);
const local = localTable(read, rows);

describe('every ClickHouse column type', () => {
  beforeAll(async () => {
    // AggregateFunction states cannot be written as VALUES: that column stays empty (its default).
    const cols = COLUMNS.filter((c) => c.name !== 'state');
    await createAwkwardTable(shardUrls, 'typed', cols, ROWS.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.sql]))), (_, v) => String(v));
    for (const u of shardUrls) await chExec(u, "ALTER TABLE typed_local ADD COLUMN state AggregateFunction(uniq, UInt64)");
    for (const u of shardUrls) await chExec(u, "ALTER TABLE typed ADD COLUMN state AggregateFunction(uniq, UInt64)");
  });

  it('DESCRIBE on the real server: the planner reads exactly the columns the connector lists', async () => {
    const described = (await chExec(url, 'DESCRIBE TABLE typed FORMAT TabSeparated')).trim().split('\n').map((l) => l.split('\t'));
    const pairs = described.map(([n, t]) => [n, t.replace(/\\'/g, "'")] as const);
    expect(pairs.map(([, t]) => t)).toContain("DateTime('Asia/Tokyo')");
    const planner = fieldsFromSchema({ table: 'typed', columns: pairs.map(([name, type]) => ({ name, type })) }).map((f) => f.name);
    expect(planner).toEqual(read);
    const { fields, skipped } = describeWarehouseFields(pairs);
    expect(fields.map((f) => f.name)).toEqual(read);
    expect(skipped.map((f) => f.name)).toEqual(LEFT_OUT);
  });

  for (const name of read) {
    const numeric = typeof rows.find((r) => r[name] !== null)?.[name] === 'number';
    it(`${name} groups, counts${numeric ? ' and sums' : ''} as the pane would`, async () => {
      await threeWay(url, schema, local, rows, {
        spec: {
          rows: [name],
          measures: [
            { id: 'n', kind: 'count', field: name },
            { id: 'distinct', kind: 'distinctCount', field: name },
            ...(numeric ? [{ id: 'sum', kind: 'sum' as const, field: name }] : []),
          ],
        },
        oracle: [
          (rs) => rs.filter((r) => r[name] !== null && r[name] !== '').length,
          (rs) => oDistinct(rs.map((r) => r[name])),
          ...(numeric ? [(rs: Row[]) => oSum(numbers(rs.map((r) => r[name])))] : []),
        ],
      });
    });
  }

  it('DateTime with a zone: date parts on the zone\'s wall clock, the same day as its serial', async () => {
    const day = (s: Cell) => (typeof s === 'number' ? new Date(Math.round((s - 25569) * 86400) * 1000).getUTCDate() : null);
    await threeWay(url, schema, local, rows.map((r) => ({ ...r, Day: day(r.newyork), TokyoDay: day(r.tokyo) })), {
      spec: {
        derived: [
          { kind: 'datePart', name: 'Day', field: 'newyork', part: 'day' },
          { kind: 'datePart', name: 'TokyoDay', field: 'tokyo', part: 'day' },
        ],
        rows: ['Day'],
        columns: ['TokyoDay'],
        measures: [{ id: 'n', kind: 'count', field: 's' }, { id: 'first', kind: 'min', field: 'newyork' }],
      },
      oracle: [(rs) => rs.filter((r) => r.s !== null).length, (rs) => { const v = numbers(rs.map((r) => r.newyork)); return v.length ? Math.min(...v) : 0; }],
    });
  });
});
