/**
 * Issue 19, part 1: case-insensitive text beyond ASCII. The pane's semantics is JavaScript's
 * toLowerCase (items, distinct counts, in-lists, text filters and comparisons ignore case). Text
 * that ClickHouse 18.16 and DuckDB fold the same way runs on the warehouse and agrees four ways;
 * text holding a letter they fold differently (ẞ, the Kelvin sign, İ, ǅ, Roman numerals …) makes
 * the pane refuse the answer with a message naming the field — never a silently different number.
 * Also: LEN counts UTF-16 units like Excel (an emoji is 2), and items sort by code point.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { executeQuery, type QuerySpec } from '../../src/engine';
import { CLICKHOUSE_FOLD, DUCKDB_FOLD } from '../../src/engine/sql/case-fold';
import { splitPlan, type WarehouseSchema } from '../../src/engine/sql';
import { chExec } from '../support/clickhouse';
import { createAwkwardTable, duckTable, localTable } from './support/awkward-table';
import { oDistinct, oSum } from './support/oracle';
import { type Row, threeWay } from './support/three-way';
import { runPlan } from './support/warehouse-data';

const url = inject('warehouseUrl');
const shardUrls = inject('warehouseShardUrls');
const COLUMNS = [{ name: 't', type: 'String' }, { name: 'n', type: 'Float64' }];
const SAFE = ['Zürich', 'ZÜRICH', 'zürich', 'Straße', 'STRASSE', 'ǆemal', 'ǄEMAL', 'Ωmega', 'ωMEGA', '日本', '🚀 rocket', 'ａbc', 'Ａbc', '', 'naïve', 'NAÏVE', 'e\u0301', 'É'];
const rows: Row[] = SAFE.flatMap((t, i) => [{ t, n: i }, { t, n: i * 2 + 0.5 }]);
const schema: WarehouseSchema = { table: 'texts', columns: COLUMNS };
const local = localTable(['t', 'n'], rows);
const base = { version: 1 as const, source: { kind: 'source' as const, id: 'w' } };

describe('case-insensitive text beyond ASCII', () => {
  let db: DuckDBInstance;
  let con: DuckDBConnection;
  let duck: (sql: string) => Promise<unknown[][]>;
  beforeAll(async () => {
    await createAwkwardTable(shardUrls, 'texts', COLUMNS, rows);
    await createAwkwardTable(shardUrls, 'kelvin', COLUMNS, [{ t: 'k', n: 1 }, { t: '\u212a', n: 2 }, { t: 'x', n: 3 }]);
    db = await DuckDBInstance.create(':memory:');
    con = await db.connect();
    duck = await duckTable(con, 'texts', COLUMNS, rows);
  });
  afterAll(() => {
    con?.closeSync();
    db?.closeSync();
  });

  it('text the warehouse folds like the pane: items (by code point), distinct counts and LEN agree four ways', async () => {
    const len = (s: string) => s.length;
    const { pushed } = await threeWay(url, schema, local, rows.map((r) => ({ ...r, L: len(r.t as string) })), {
      spec: {
        derived: [{ kind: 'formula', name: 'L', formula: 'LEN([t])' }],
        rows: ['t'],
        measures: [
          { id: 'rows', kind: 'count', field: 'n' },
          { id: 'spellings', kind: 'distinctCount', field: 't' },
          { id: 'len', kind: 'sum', field: 'L' },
        ],
      },
      oracle: [(rs) => rs.length, (rs) => oDistinct(rs.map((r) => r.t)), (rs) => oSum(rs.map((r) => (r.t as string).length))],
    }, duck);
    const items = pushed.grid!.rowItems.filter((r) => r.kind === 'item').map((r) => r.path[0]);
    // A fullwidth letter (U+FF41) before an emoji (U+1F680): code point order, not UTF-16 units.
    expect(items.indexOf('Ａbc')).toBeLessThan(items.indexOf('🚀 rocket'));
    expect(items).toContain('STRASSE');
    expect(items).toContain('Straße');
  });

  it('in-lists, contains and comparisons ignore case beyond ASCII', async () => {
    const wanted = ['zürich', 'ǆemal', 'naïve', 'ωmega'];
    const keep = (rs: Row[]) => rs.filter((r) => {
      const t = (r.t as string).toLowerCase();
      return t !== '' && wanted.includes(t) && !t.includes('ü') && t > 'a';
    });
    await threeWay(url, schema, local, rows, {
      spec: {
        rows: ['t'],
        filters: [
          { kind: 'in', field: 't', values: ['ZÜRICH', 'ǄEMAL', 'NAÏVE', 'ΩMEGA'] },
          { kind: 'text', field: 't', match: 'contains', value: 'Ü', exclude: true },
          { kind: 'compare', field: 't', op: '>', value: 'A' },
        ],
        measures: [{ id: 'rows', kind: 'count', field: 'n' }],
      },
      keep,
      oracle: [(rs) => rs.length],
    }, duck);
  });

  it('a letter the warehouse folds differently (the Kelvin sign) stops the answer, naming the field', async () => {
    const spec: QuerySpec = { ...base, rows: ['t'], measures: [{ id: 'n', kind: 'sum', field: 'n' }] };
    const kelvin: WarehouseSchema = { table: 'kelvin', columns: COLUMNS };
    // The pane folds K (U+212A) to k: one item with 3.
    const engine = executeQuery(spec, () => localTable(['t', 'n'], [{ t: 'k', n: 1 }, { t: '\u212a', n: 2 }, { t: 'x', n: 3 }]));
    expect(engine.grid!.values.slice(0, 2)).toEqual([[3], [3]]);
    for (const s of [spec, { ...spec, rows: [], filters: [{ kind: 'in' as const, field: 't', values: ['k'] }] }]) {
      const plan = splitPlan(s, kelvin);
      const { rows: answer } = await runPlan(url, plan);
      expect(() => plan.finish(answer)).toThrow(/The text in \[t\] holds letters whose capital and small forms ClickHouse 18\.16 pairs differently from Excel.*load the table into the workbook/);
    }
  });

  it('a literal with such a letter is refused before anything is sent', () => {
    const spec: QuerySpec = { ...base, rows: ['t'], filters: [{ kind: 'formula', formula: '[t] = "\u212aelvin"' }], measures: [{ id: 'n', kind: 'sum', field: 'n' }] };
    expect(() => splitPlan(spec, schema)).toThrow(/The text "\u212aelvin" in a formula or filter holds letters/);
  });

  it('no folded text, no check: a number-only query scans nothing extra', () => {
    const sql = splitPlan({ ...base, rows: ['n'], measures: [{ id: 'n', kind: 'sum', field: 'n' }] }, schema).sql;
    expect(sql).not.toMatch(/match\(/);
    expect(splitPlan({ ...base, rows: ['t'], measures: [{ id: 'n', kind: 'sum', field: 'n' }] }, schema).sql).toMatch(/match\(/);
  });

  it('the listed letters are exactly where ClickHouse folds differently (re-measured, U+0080–U+1FFFF)', async () => {
    const lowerDiff: number[] = [];
    const upperDiff: number[] = [];
    const chunk = 8000;
    for (let start = 0x80; start < 0x20000; start += chunk) {
      const cps: number[] = [];
      for (let cp = start; cp < Math.min(start + chunk, 0x20000); cp++) if (cp < 0xd800 || cp > 0xdfff) cps.push(cp);
      const arr = cps.map((cp) => `'${String.fromCodePoint(cp).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(',');
      const text = await chExec(url, `SELECT arrayMap(x -> lowerUTF8(x), [${arr}]), arrayMap(x -> upperUTF8(x), [${arr}]) FORMAT JSONCompact`);
      const [[lo, up]] = (JSON.parse(text) as { data: [string[], string[]][] }).data;
      cps.forEach((cp, k) => {
        const s = String.fromCodePoint(cp);
        if (lo[k] !== s.toLowerCase()) lowerDiff.push(cp);
        if (up[k] !== s.toUpperCase()) upperDiff.push(cp);
      });
    }
    for (const cp of lowerDiff) expect(CLICKHOUSE_FOLD.lowerUnsafe(String.fromCodePoint(cp)), cp.toString(16)).toBe(true);
    for (const cp of upperDiff) expect(CLICKHOUSE_FOLD.upperUnsafe(String.fromCodePoint(cp)), cp.toString(16)).toBe(true);
    // And nothing safe is listed (Σ is listed on purpose: JavaScript's final-sigma rule).
    const listed = (test: (s: string) => boolean) => { const out: number[] = []; for (let cp = 0x80; cp < 0x20000; cp++) if ((cp < 0xd800 || cp > 0xdfff) && test(String.fromCodePoint(cp))) out.push(cp); return out; };
    expect(listed(CLICKHOUSE_FOLD.lowerUnsafe)).toEqual([...lowerDiff, 0x3a3].sort((a, b) => a - b));
    expect(listed(CLICKHOUSE_FOLD.upperUnsafe)).toEqual(upperDiff);
    expect(DUCKDB_FOLD.lowerUnsafe('\u0130')).toBe(true);
  }, 60_000);
});
