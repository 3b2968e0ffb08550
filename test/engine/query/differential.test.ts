import { DuckDBInstance } from '@duckdb/node-api';
import * as aq from 'arquero';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeQuery } from '../../../src/engine/query';
import type { Filter, Measure, QuerySpec } from '../../../src/engine/spec';

/**
 * Differential tests: random specs over random tables (seeded, so a failure
 * names its seed). Expected values come from a straightforward implementation
 * written here with plain loops (every grid cell re-aggregated from the rows
 * matching its labels), and from DuckDB for the SQL-expressible measures.
 */

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Data {
  region: string[];
  cat: string[];
  year: number[];
  x: unknown[];
  cust: string[];
}

function randomData(r: () => number, n: number): Data {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const d: Data = { region: [], cat: [], year: [], x: [], cust: [] };
  for (let i = 0; i < n; i++) {
    d.region.push(pick(['north', 'south', 'east', 'west', 'North']));
    d.cat.push(pick(['alpha', 'beta', 'gamma', 'delta', '']));
    d.year.push(pick([2022, 2023, 2024]));
    const u = r();
    d.x.push(u < 0.06 ? '' : u < 0.09 ? 'n/a' : u < 0.11 ? '#N/A' : u < 0.13 ? true : Math.round((r() * 200 - 50) * 4) / 4);
    d.cust.push(pick(['k1', 'K1', 'k2', 'k3', 'k4', 'k5', '']));
  }
  return d;
}

const MEASURE_KINDS = ['sum', 'count', 'countNumbers', 'average', 'min', 'max', 'median', 'percentile', 'distinctCount', 'stdevSample', 'varPopulation'] as const;

function randomSpec(r: () => number, id: number): QuerySpec {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const rowChoices = [[], ['region'], ['cat'], ['region', 'cat'], ['cat', 'region']];
  const rows = pick(rowChoices);
  const columns = r() < 0.5 ? [] : ['year'];
  const measures: Measure[] = [];
  const count = 1 + Math.floor(r() * 4);
  for (let i = 0; i < count; i++) {
    const kind = pick(MEASURE_KINDS);
    const field = kind === 'distinctCount' && r() < 0.5 ? 'cust' : 'x';
    const m = kind === 'percentile' ? { id: `m${i}`, kind, field, p: pick([0, 0.1, 0.25, 0.9, 1]) } : { id: `m${i}`, kind, field };
    const showAs = r() < 0.2 ? pick(['percentOfGrandTotal', 'percentOfRowTotal'] as const) : undefined;
    measures.push((showAs ? { ...m, showAs: { kind: showAs } } : m) as Measure);
  }
  const filters: Filter[] = [];
  const nf = Math.floor(r() * 3);
  for (let i = 0; i < nf; i++) {
    const k = Math.floor(r() * 6);
    if (k === 0) filters.push({ kind: 'in', field: 'region', values: ['NORTH', pick(['south', 'east', 'west'])], exclude: r() < 0.3 });
    else if (k === 1) filters.push({ kind: 'compare', field: 'x', op: pick(['=', '<>', '<', '<=', '>', '>='] as const), value: pick([0, 25, 50.25]) });
    else if (k === 2) filters.push({ kind: 'between', field: 'x', low: -10, high: pick([10, 60, 120]), exclude: r() < 0.3 });
    else if (k === 3) filters.push({ kind: 'text', field: 'cat', match: pick(['contains', 'startsWith', 'endsWith'] as const), value: pick(['A', 'ta', 'g']) });
    else if (k === 4) filters.push({ kind: 'blank', field: 'cat', blank: r() < 0.3 });
    else filters.push({ kind: 'in', field: 'cat', values: ['beta', null] });
  }
  const b = () => r() < 0.7;
  return { version: 1, source: { kind: 'source', id: `t${id}` }, rows, columns, measures, filters, totals: { subtotals: b(), grandTotalRow: b(), grandTotalColumn: b() } };
}

// ---- the straightforward implementation ----

const isBlank = (v: unknown) => v == null || v === '';
const itemOf = (v: unknown) => (isBlank(v) ? 'blank' : typeof v === 'string' ? `s:${v.toLowerCase()}` : `${typeof v}:${String(v)}`);
const isText = (v: unknown) => typeof v === 'string' && v !== '' && !v.startsWith('#');

function keepRow(f: Filter, row: Record<string, unknown>): boolean {
  switch (f.kind) {
    case 'in': {
      const hit = f.values.some((w) => itemOf(w) === itemOf(row[f.field]));
      return f.exclude ? !hit : hit;
    }
    case 'compare': {
      const v = row[f.field];
      if (typeof v !== 'number') return false;
      const w = f.value as number;
      return { '=': v === w, '<>': v !== w, '<': v < w, '<=': v <= w, '>': v > w, '>=': v >= w }[f.op];
    }
    case 'between': {
      const v = row[f.field];
      if (typeof v !== 'number') return false;
      const inside = v >= (f.low as number) && v <= (f.high as number);
      return f.exclude ? !inside : inside;
    }
    case 'text': {
      const v = row[f.field];
      if (!isText(v)) return false;
      const s = (v as string).toLowerCase();
      const w = f.value.toLowerCase();
      return f.match === 'contains' ? s.includes(w) : f.match === 'startsWith' ? s.startsWith(w) : s.endsWith(w);
    }
    case 'blank':
      return isBlank(row[f.field]) === f.blank;
    default:
      throw new Error('not generated');
  }
}

function aggregate(m: Measure, cells: unknown[]): unknown {
  const nums = cells.filter((v): v is number => typeof v === 'number');
  const n = nums.length;
  let sum = 0;
  for (const v of nums) sum += v;
  const sorted = [...nums].sort((a, b) => a - b);
  const pct = (p: number) => {
    if (!n) return '#NUM!';
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    return lo + 1 < n ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
  };
  let ss = 0;
  for (const v of nums) ss += (v - sum / n) ** 2;
  switch (m.kind) {
    case 'sum':
      return sum;
    case 'count':
      return cells.filter((v) => !isBlank(v)).length;
    case 'countNumbers':
      return n;
    case 'average':
      return n ? sum / n : '#DIV/0!';
    case 'min':
      return n ? sorted[0] : 0;
    case 'max':
      return n ? sorted[n - 1] : 0;
    case 'median':
      return pct(0.5);
    case 'percentile':
      return pct(m.p);
    case 'distinctCount':
      return new Set(cells.filter((v) => !isBlank(v)).map(itemOf)).size;
    case 'stdevSample':
      return n > 1 ? Math.sqrt(ss / (n - 1)) : '#DIV/0!';
    case 'varPopulation':
      return n ? ss / n : '#DIV/0!';
    default:
      throw new Error('not generated');
  }
}

function expectClose(actual: unknown, want: unknown, where: string) {
  if (typeof want === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${where}: got ${actual}, want ${want}`).toBe(true);
  } else expect(actual, where).toStrictEqual(want);
}

describe('executeQuery equals a plain-loop implementation on random specs', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`seed ${seed}`, () => {
      const r = rng(seed);
      const data = randomData(r, 150 + Math.floor(r() * 150));
      const spec = randomSpec(r, seed);
      const table = aq.table({ ...data });
      const res = executeQuery(spec, () => table);
      const grid = res.grid!;
      const n = data.x.length;
      const rowsData = Array.from({ length: n }, (_, i) => ({ region: data.region[i], cat: data.cat[i], year: data.year[i], x: data.x[i], cust: data.cust[i] }) as Record<string, unknown>);
      const kept = rowsData.filter((row) => (spec.filters ?? []).every((f) => keepRow(f, row)));
      expect(res.rowCount).toBe(kept.length);

      const rowF = spec.rows;
      const colF = spec.columns ?? [];
      const matching = (rp: unknown[], cp: unknown[]) =>
        kept.filter((row) => rp.every((v, i) => itemOf(row[rowF[i]]) === itemOf(v)) && cp.every((v, i) => itemOf(row[colF[i]]) === itemOf(v)));
      const cell = (m: Measure, rp: unknown[], cp: unknown[]) => {
        const rows = matching(rp, cp);
        // The grand total exists even when every row was filtered out (SQL's empty grouping set).
        return rows.length || (rp.length === 0 && cp.length === 0) ? aggregate(m, rows.map((row) => row[(m as { field: string }).field])) : null;
      };
      // The axes hold exactly the item paths that exist, each group of siblings in label order.
      const leafPaths = new Set(kept.map((row) => rowF.map((f) => itemOf(row[f])).join('|')));
      expect(grid.rowItems.filter((i) => i.kind === 'item' || rowF.length === 0).length).toBe(rowF.length ? leafPaths.size : 1);

      grid.rowItems.forEach((ri, a) =>
        grid.columnItems.forEach((ci, c) =>
          spec.measures.forEach((m, k) => {
            const raw = cell(m, ri.path, ci.path);
            let want: unknown = raw;
            if (m.showAs && typeof raw === 'number') {
              const base = m.showAs.kind === 'percentOfGrandTotal' ? cell(m, [], []) : cell(m, ri.path, []);
              want = typeof base !== 'number' ? base ?? '#N/A' : base === 0 ? '#DIV/0!' : raw / base;
            }
            expectClose(grid.values[a][c * spec.measures.length + k], want, `seed ${seed} row ${JSON.stringify(ri.path)} col ${JSON.stringify(ci.path)} ${m.id} ${m.kind}`);
          }),
        ),
      );
      // Flat rows: one per existing leaf group, same values as the grid's leaf cells.
      const leafGroups = new Set(kept.map((row) => [...rowF, ...colF].map((f) => itemOf(row[f])).join('|')));
      expect(res.flat!.rows.length).toBe(leafGroups.size);
    });
  }
});

describe('executeQuery equals DuckDB on random specs', () => {
  let db: DuckDBInstance;
  beforeAll(async () => {
    db = await DuckDBInstance.create(':memory:');
  });
  afterAll(() => db?.closeSync());

  const SQL: Partial<Record<Measure['kind'], (m: Measure) => string>> = {
    sum: () => 'coalesce(sum(x), 0)',
    countNumbers: () => 'count(x)',
    average: () => 'avg(x)',
    min: () => 'coalesce(min(x), 0)',
    max: () => 'coalesce(max(x), 0)',
    median: () => 'median(x)',
    percentile: (m) => `quantile_cont(x, ${(m as { p: number }).p})`,
    distinctCount: () => 'count(DISTINCT lower(cust))',
  };
  const sqlFilter = (f: Filter): string => {
    const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
    switch (f.kind) {
      case 'in': {
        const list = f.values.filter((v) => v !== null).map((v) => q(String(v).toLowerCase()));
        const test = `(lower(${f.field}) IN (${list.join(', ')})${f.values.includes(null) ? ` OR ${f.field} IS NULL` : ''})`;
        return f.exclude ? `coalesce(NOT ${test}, true)` : `coalesce(${test}, false)`;
      }
      case 'compare':
        return `x ${f.op} ${f.value}`;
      case 'between':
        return `x ${f.exclude ? 'NOT ' : ''}BETWEEN ${f.low} AND ${f.high}`;
      case 'text':
        return `lower(cat) LIKE ${q(f.match === 'contains' ? `%${f.value.toLowerCase()}%` : f.match === 'startsWith' ? `${f.value.toLowerCase()}%` : `%${f.value.toLowerCase()}`)}`;
      case 'blank':
        return `cat IS ${f.blank ? '' : 'NOT '}NULL`;
      default:
        throw new Error('not generated');
    }
  };

  for (let seed = 101; seed <= 115; seed++) {
    it(`seed ${seed}`, async () => {
      const r = rng(seed);
      const data = randomData(r, 400);
      let spec = randomSpec(r, seed);
      // DuckDB sees non-numbers of x as NULL, so distinct counts run on the text field only.
      const measures = spec.measures.filter((m) => SQL[m.kind] && !m.showAs).map((m) => (m.kind === 'distinctCount' ? { ...m, field: 'cust' } : m));
      if (!measures.length) measures.push({ id: 'med', kind: 'median', field: 'x' });
      spec = { ...spec, measures, totals: { subtotals: false, grandTotalRow: false, grandTotalColumn: false } };
      const res = executeQuery(spec, () => aq.table({ ...data }), { output: 'flat' });

      const con = await db.connect();
      await con.run(`CREATE OR REPLACE TABLE t${seed} (region VARCHAR, cat VARCHAR, year INTEGER, x DOUBLE, cust VARCHAR)`);
      const app = await con.createAppender(`t${seed}`);
      for (let i = 0; i < data.x.length; i++) {
        app.appendVarchar(data.region[i]);
        if (data.cat[i] === '') app.appendNull();
        else app.appendVarchar(data.cat[i]);
        app.appendInteger(data.year[i]);
        const v = data.x[i];
        if (typeof v === 'number') app.appendDouble(v);
        else app.appendNull();
        if (data.cust[i] === '') app.appendNull();
        else app.appendVarchar(data.cust[i]);
        app.endRow();
      }
      app.closeSync();
      const keys = [...spec.rows, ...(spec.columns ?? [])].map((k) => (k === 'year' ? 'year' : `lower(${k})`));
      const where = (spec.filters ?? []).map(sqlFilter);
      const sql = `SELECT ${[...keys, ...measures.map((m) => SQL[m.kind]!(m))].join(', ')} FROM t${seed}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${keys.length ? `GROUP BY ${keys.join(', ')}` : ''}`;
      const duck = (await con.runAndReadAll(sql)).getRowsJS();
      con.closeSync();

      const norm = (row: unknown[]) => row.map((v, i) => (i < keys.length ? (typeof v === 'string' ? v.toLowerCase() : v == null ? null : Number(v)) : v));
      const byKey = new Map(duck.map((row) => [JSON.stringify(norm(row).slice(0, keys.length)), row.slice(keys.length)]));
      const ours = res.flat!.rows;
      // DuckDB returns a grand-total row even when every row was filtered out; we return none.
      expect(ours.length, sql).toBe(keys.length || ours.length ? byKey.size : 0);
      for (const row of ours) {
        const key = JSON.stringify(norm(row).slice(0, keys.length));
        const want = byKey.get(key);
        expect(want, `seed ${seed}: group ${key} missing in DuckDB`).toBeDefined();
        measures.forEach((m, k) => {
          const w = want![k];
          const v = row[keys.length + k];
          // DuckDB's NULL is where Excel shows an error (no numbers).
          if (w === null) expect(typeof v === 'string' && v.startsWith('#'), `seed ${seed} ${key} ${m.kind}: got ${String(v)}`).toBe(true);
          else expectClose(v, Number(w), `seed ${seed} ${key} ${m.kind}`);
        });
      }
    });
  }
});
