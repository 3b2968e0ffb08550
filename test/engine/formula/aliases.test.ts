import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { computeMeasures, type GroupRow } from '../../../src/engine/compile';
import {
  checkFormula,
  FormulaError,
  functionAliases,
  lookupFunction,
  normalizeFormula,
  parseFormula,
  type FormulaRole,
} from '../../../src/engine/formula';
import { splitPlan } from '../../../src/engine/sql';
import type { QuerySpec } from '../../../src/engine';

/**
 * Names from DAX and Excel read as PivotDeck's own functions. Every expected value is computed
 * here by a plain loop over the rows, never by the engine; the data is awkward on purpose: the
 * group column is named COUNTROWS and a value column DISTINCTCOUNT (names that clash with the
 * aliases), one group holds only blanks, one group has one row, one row has a blank group, text
 * differs only in (non-ASCII) case, 1 and "1" and -0 and 0 sit in one column.
 */
const GROUP = ['Nord', 'Nord', 'Nord', 'Nord', 'Nord', 'Süd', 'Süd', 'Süd', 'Öde', 'Öde', 'Öde', 'Einzel', '', 'Nord', 'Süd'];
const VALUE: unknown[] = ['Ärger', 'ärger', 'ÄRGER', 'Straße', '', 1, '1', null, null, '', null, 'só', 'x', -0, 0];
const AMOUNT: unknown[] = [3, 1, 4, 1, 5, 9, 'n/a', '', '', null, '', 2.5, 7, 6, -0];
const ROWS = GROUP.map((g, i) => ({ g, v: VALUE[i], a: AMOUNT[i] }));

const table = () => aq.table({ COUNTROWS: GROUP, DISTINCTCOUNT: VALUE, Betrag: AMOUNT });
const isBlank = (v: unknown) => v == null || v === '';
const keyOf = (g: string) => (g === '' ? null : g);

/** Groups of the plain rows, in the order groups first appear. */
function groups(keep: (r: (typeof ROWS)[number]) => boolean = () => true): Map<string | null, typeof ROWS> {
  const out = new Map<string | null, typeof ROWS>();
  for (const r of ROWS) {
    if (!keep(r)) continue;
    const k = keyOf(r.g);
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push(r);
  }
  return out;
}

/** The engine's one level, by group key, for comparing without relying on group order. */
function computed(formulas: string[], filter?: string): Map<string | null, unknown[]> {
  const r = computeMeasures(table(), { groupBy: ['COUNTROWS'], measures: formulas.map((formula, i) => ({ id: `m${i}`, formula })), ...(filter ? { filter } : {}) });
  return new Map(r.levels[0].rows.map((row: GroupRow) => [row.key[0] as string | null, row.values]));
}

function expectClose(actual: unknown, want: unknown, where: string): void {
  if (typeof want === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - want) <= 1e-12 * Math.max(1, Math.abs(want)), `${where}: got ${actual}, want ${want}`).toBe(true);
  } else {
    expect(actual, where).toStrictEqual(want);
  }
}

// Plain loops, each Excel's or DAX's documented rule written out.
const numbers = (rows: typeof ROWS) => rows.map((r) => r.a).filter((a): a is number => typeof a === 'number' && Number.isFinite(a));
/** Different non-blank values; text ignoring case; -0 is 0; 1 and "1" differ. */
function distinctNoBlank(rows: typeof ROWS): number {
  const seen = new Set<string>();
  for (const r of rows) {
    if (isBlank(r.v)) continue;
    seen.add(typeof r.v === 'string' ? `t:${r.v.toLowerCase()}` : `n:${r.v === 0 ? 0 : String(r.v)}`);
  }
  return seen.size;
}
function variance(xs: number[], sample: boolean): number | string {
  const n = xs.length;
  if (n < (sample ? 2 : 1)) return '#DIV/0!';
  let mean = 0;
  for (const x of xs) mean += x / n;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return ss / (sample ? n - 1 : n);
}
function percentileInc(xs: number[], p: number): number | string {
  if (xs.length === 0) return '#NUM!';
  const s = [...xs].sort((x, y) => x - y);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
}
function modeSngl(xs: number[]): number | string {
  const count = new Map<number, number>();
  for (const x of xs) count.set(x === 0 ? 0 : x, (count.get(x === 0 ? 0 : x) ?? 0) + 1);
  let best = 1;
  for (const c of count.values()) best = Math.max(best, c);
  if (best < 2) return '#N/A';
  return xs.map((x) => (x === 0 ? 0 : x)).find((x) => count.get(x) === best)!;
}

describe('aliases from DAX and Excel compute what a plain loop over their documented rule gives', () => {
  const CASES: Array<[formula: string, expected: (rows: typeof ROWS) => unknown]> = [
    ['DISTINCTCOUNTNOBLANK([DISTINCTCOUNT])', distinctNoBlank],
    ['distinctcountnoblank([distinctcount])', distinctNoBlank],
    ['COUNTROWS()', (rows) => rows.length],
    ['=  CountRows ( ) ', (rows) => rows.length],
    ['SUM([Betrag]) / COUNTROWS()', (rows) => numbers(rows).reduce((s, x) => s + x, 0) / rows.length],
    ['PERCENTILE([Betrag], 30%)', (rows) => percentileInc(numbers(rows), 0.3)],
    ['QUARTILE([Betrag], 1)', (rows) => percentileInc(numbers(rows), 0.25)],
    ['MODE([Betrag])', (rows) => modeSngl(numbers(rows))],
    ['STDEV([Betrag])', (rows) => { const v = variance(numbers(rows), true); return typeof v === 'number' ? Math.sqrt(v) : v; }],
    ['STDEVP([Betrag])', (rows) => { const v = variance(numbers(rows), false); return typeof v === 'number' ? Math.sqrt(v) : v; }],
    ['VAR([Betrag])', (rows) => variance(numbers(rows), true)],
    ['VARP([Betrag])', (rows) => variance(numbers(rows), false)],
  ];

  it('per group, including the group of blanks only, the one-row group and the blank group', () => {
    const got = computed(CASES.map(([f]) => f));
    const want = groups();
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [key, rows] of want) {
      CASES.forEach(([formula, expected], i) => expectClose(got.get(key)![i], expected(rows), `${formula} in group ${key}`));
    }
    // The awkward groups really are there: Öde has values only blank, Einzel one row.
    expect(want.get('Öde')!.every((r) => isBlank(r.v))).toBe(true);
    expect(got.get('Öde')![0]).toBe(0);
    expect(got.get('Einzel')![2]).toBe(1);
    // Ärger, ärger and ÄRGER are one customer; Straße another; 1 and "1" two; -0 and 0 one.
    expect(got.get('Nord')![0]).toBe(3);
  });

  it('COUNTROWS() counts the rows a filter keeps, as DAX counts the rows under the current filters', () => {
    const got = computed(['COUNTROWS()', 'DISTINCTCOUNTNOBLANK([DISTINCTCOUNT])'], 'ISNUMBER([Betrag])');
    const want = groups((r) => typeof r.a === 'number');
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [key, rows] of want) {
      expect(got.get(key)![0], `rows of ${key}`).toBe(rows.length);
      expect(got.get(key)![1], `distinct of ${key}`).toBe(distinctNoBlank(rows));
    }
  });

  it("the formula PivotDeck answers DISTINCTCOUNT with counts a blank as one more value, as DAX's DISTINCTCOUNT does", () => {
    const message = checkFormula(parseFormula('DISTINCTCOUNT([DISTINCTCOUNT])'), { role: 'measure', fields: ['DISTINCTCOUNT'] })[0].message;
    const written = /as (COUNTDISTINCT\(.*\)) does$/.exec(message)?.[1];
    expect(written).toBe('COUNTDISTINCT([DISTINCTCOUNT]) + MAX(IF(ISBLANK([DISTINCTCOUNT]), 1, 0))');
    const got = computed([written!]);
    for (const [key, rows] of groups()) {
      // DAX: the distinct values, BLANK being one of them when any row is blank.
      const dax = distinctNoBlank(rows) + (rows.some((r) => isBlank(r.v)) ? 1 : 0);
      expect(got.get(key)![0], `group ${key}`).toBe(dax);
    }
    expect(got.get('Öde')![0]).toBe(1); // only blanks: DAX's DISTINCTCOUNT gives 1
  });

  it('runs the same SQL on a warehouse as the PivotDeck names do', () => {
    const schema = { table: 'sales', columns: [{ name: 'COUNTROWS', type: 'String' }, { name: 'DISTINCTCOUNT', type: 'Nullable(String)' }, { name: 'Betrag', type: 'Nullable(Float64)' }] };
    const spec = (formulas: string[]): QuerySpec => ({
      version: 1,
      source: { kind: 'source', id: 'warehouse' },
      rows: ['COUNTROWS'],
      measures: formulas.map((formula, i) => ({ id: `m${i}`, kind: 'formula', formula })),
    });
    for (const dialect of ['clickhouse', 'duckdb'] as const) {
      const aliases = splitPlan(spec(['countrows()', 'DISTINCTCOUNTNOBLANK([DISTINCTCOUNT])', 'STDEVP([Betrag])']), schema, { dialect }).sql;
      const ours = splitPlan(spec(['COUNTA(1)', 'COUNTDISTINCT([DISTINCTCOUNT])', 'STDEV.P([Betrag])']), schema, { dialect }).sql;
      expect(aliases).toBe(ours);
    }
  });
});

describe('normalizeFormula: one vocabulary is saved', () => {
  it('writes each alias as the PivotDeck name and says once what it was read as', () => {
    expect(normalizeFormula('distinctcountnoblank([Kunde]) / DistinctCountNoBlank([Kunde])')).toEqual({
      text: 'COUNTDISTINCT([Kunde]) / COUNTDISTINCT([Kunde])',
      notes: ['DISTINCTCOUNTNOBLANK is read as COUNTDISTINCT'],
    });
    expect(normalizeFormula('= SUM([Betrag]) / COUNTROWS(  )')).toEqual({
      text: '= SUM([Betrag]) / COUNTA(1)',
      notes: ['COUNTROWS() is read as COUNTA(1), which counts every row'],
    });
    expect(normalizeFormula('PERCENTILE([x], 90%) - STDEVP([x])').text).toBe('PERCENTILE.INC([x], 90%) - STDEV.P([x])');
  });

  it('leaves text, field names and PivotDeck names alone', () => {
    // Inside a string or brackets the names are data; a field named COUNTROWS stays a field.
    const text = 'COUNTA(IF([COUNTROWS] = "COUNTROWS()", [DISTINCTCOUNTNOBLANK]))';
    expect(normalizeFormula(text)).toEqual({ text, notes: [] });
    expect(normalizeFormula('COUNTDISTINCT([Kunde])')).toEqual({ text: 'COUNTDISTINCT([Kunde])', notes: [] });
    // What does not parse is not touched: the checker says what is wrong.
    expect(normalizeFormula('COUNTROWS(')).toEqual({ text: 'COUNTROWS(', notes: [] });
  });

  it('is what the parser reads: the normalised text parses to the same tree', () => {
    for (const text of ['DISTINCTCOUNTNOBLANK([a]) + countrows()', 'IF(COUNTROWS() > 1, VARP([b]), 0)', 'CONCATENATE([a], "x")']) {
      const normal = normalizeFormula(text).text;
      const strip = (t: string) => JSON.stringify(parseFormula(t).root, (k, v) => (k === 'span' || k === 'nameSpan' ? undefined : v));
      expect(strip(normal)).toBe(strip(text));
      expect(parseFormula(normal).aliases).toBeUndefined();
    }
  });

  it('every alias names a function of the catalogue', () => {
    for (const a of functionAliases()) expect(lookupFunction(a.readAs)?.name, a.name).toBe(a.readAs);
  });
});

const FIELDS = ['Kunde', 'Betrag', 'Menge', 'COUNTROWS', 'DISTINCTCOUNT'];
function problems(text: string, role: FormulaRole = 'measure'): string[] {
  try {
    return checkFormula(parseFormula(text), { role, fields: FIELDS }).map((e) => e.message);
  } catch (error) {
    if (error instanceof FormulaError) return [error.message];
    throw error;
  }
}

describe('names that do not compute the same are answered with the PivotDeck formula to write', () => {
  it.each([
    ['DISTINCTCOUNT([Kunde])', /^PivotDeck's formulas have no DISTINCTCOUNT at 1:1 — use COUNTDISTINCT\(\[Kunde\]\), which leaves blanks out/],
    ['COUNTROWS(Sales)', /^PivotDeck's formulas have no COUNTROWS at 1:1 — write COUNTROWS\(\) with nothing in the brackets/],
    ["COUNTROWS([Kunde])", /no COUNTROWS at 1:1 — write COUNTROWS\(\) .*; COUNTA\(\[Kunde\]\) counts the cells of \[Kunde\] that are not blank$/],
    ['SUMX(Sales, [Betrag] * [Menge])', /no SUMX at 1:1 — write SUM\(\[Betrag\] \* \[Menge\]\): PivotDeck's SUM takes the row formula itself/],
    ['AVERAGEX(Sales, [Betrag])', /write AVERAGE\(\[Betrag\]\)/],
    ['PERCENTILEX.INC(Sales, [Betrag], 0.9)', /write PERCENTILE.INC\(\[Betrag\], 0.9\)/],
    ['MEDIANX(Sales, [Betrag])', /write MEDIAN\(\[Betrag\]\)/],
    ['AVERAGEA([Betrag])', /no AVERAGEA at 1:1 — use AVERAGE\(\[Betrag\]\), which skips text and TRUE\/FALSE; AVERAGEA reads text as 0/],
    ['COUNTBLANK([Kunde])', /write SUM\(IF\(ISBLANK\(\[Kunde\]\), 1, 0\)\)/],
    ['PERCENTILE.EXC([Betrag], 0.1)', /use PERCENTILE.INC\(\[Betrag\], 0.1\)/],
    ['DIVIDE(SUM([Betrag]), SUM([Menge]))', /write IF\(SUM\(\[Menge\]\) <> 0, SUM\(\[Betrag\]\) \/ SUM\(\[Menge\]\)\), which gives a blank when/],
    ['SUMIFS([Betrag], [Kunde], "West")', /SUM\(IF\(\[Kunde\] = "West", \[Betrag\]\)\)|SUM\(IF\(\[Region\] = "West", \[Revenue\]\)\)/],
    ['CALCULATE(SUM([Betrag]), [Kunde] = "West")', /SUM\(IF\(\[Region\] = "West", \[Revenue\]\)\); a condition for the whole query goes under Filters/],
    ['Sales[Betrag] * 2', /^Unexpected name Sales at 1:1 — write \[Betrag\] without the table name/],
    ["'Sales Data'[Betrag] * 2", /^Unexpected table name 'Sales Data' at 1:1 — write \[Betrag\] without the table name/],
    ["COUNTROWS('Sales Data')", /^PivotDeck's formulas have no COUNTROWS at 1:1 — write COUNTROWS\(\) with nothing in the brackets/],
    ["SUMX('Sales', [Betrag])", /^PivotDeck's formulas have no SUMX at 1:1 — write SUM\(/],
  ])('%s', (formula, expected) => {
    const [first] = problems(formula);
    expect(first).toMatch(expected);
  });

  it('the answer a suggestion would miss comes first; unknown names still get "did you mean"', () => {
    expect(problems('MEDIN([Betrag])')).toEqual(['Unknown function MEDIN at 1:1 — did you mean MEDIAN?']);
    expect(problems('StdDev([Betrag])')).toEqual(['Unknown function STDDEV at 1:1 — did you mean STDEV.S?']);
  });

  it('a field named like a function is a field in brackets, and a bare name is told to use them', () => {
    expect(problems('COUNTA([COUNTROWS]) + COUNTDISTINCT([DISTINCTCOUNT])')).toEqual([]);
    expect(problems('DISTINCTCOUNTNOBLANK([DISTINCTCOUNT]) / COUNTROWS()')).toEqual([]);
    expect(problems('[COUNTROWS] & "x"', 'row')).toEqual([]);
    expect(problems('SUM(COUNTROWS)')).toEqual(['Unexpected name COUNTROWS at 1:5 — field names go in brackets: [COUNTROWS]']);
  });

  it('messages about an alias name what the user wrote and what it was read as', () => {
    expect(problems('COUNTROWS() > 1', 'row')).toEqual([
      'Aggregate COUNTROWS (read as COUNTA) is not allowed here at 1:1 — filters and derived fields work row by row; use it in a measure',
    ]);
    expect(problems('SUM(DISTINCTCOUNTNOBLANK([Kunde]))')).toEqual([
      'DISTINCTCOUNTNOBLANK (read as COUNTDISTINCT) is inside SUM at 1:5 — an aggregate cannot contain another aggregate',
    ]);
    expect(problems('distinctcountnoblank([Kunde], [Betrag])')[0]).toMatch(/^DISTINCTCOUNTNOBLANK \(read as COUNTDISTINCT\) takes 1 argument, not 2 at 1:1/);
  });
});

describe('hostile input still fails with a clear error', () => {
  it('deep nesting of aliases', () => {
    const deep = `${'DISTINCTCOUNTNOBLANK('.repeat(70)}[Kunde]${')'.repeat(70)}`;
    expect(problems(deep)[0]).toMatch(/^Formula nests deeper than 64 levels at 1:\d+ — split it into derived fields$/);
    const rows = `${'COUNTROWS() + '.repeat(300)}1`;
    expect(problems(rows)[0]).toMatch(/^Formula has more than 256 chained operations/);
  });

  it('very long names and arguments are cut in the message', () => {
    const longName = problems(`COUNTROWS${'X'.repeat(8000)}()`)[0];
    expect(longName).toMatch(/^Unknown function COUNTROWSX+… at 1:1( — did you mean [A-Z., ]+\?)?$/);
    expect(longName.length).toBeLessThan(120);
    const longTable = problems(`SUMX(${'T'.repeat(8000)}, [Betrag])`)[0];
    expect(longTable).toMatch(/^PivotDeck's formulas have no SUMX at 1:1 — write SUM\(\[Betrag\]\)/);
    expect(longTable.length).toBeLessThan(300);
    const longArgument = problems(`DISTINCTCOUNT(${'[Kunde] & '.repeat(200)}"x")`)[0];
    expect(longArgument).toMatch(/^PivotDeck's formulas have no DISTINCTCOUNT at 1:1 — use COUNTDISTINCT\(\[Kunde\] & \[Kunde\]/);
    expect(longArgument.length).toBeLessThan(400);
    // Control characters in what is shown become spaces: no fake line breaks in the message.
    expect(problems('DISTINCTCOUNT([Ku\nnde])')[0]).not.toMatch(/\n/);
  });

  it('unfinished calls and over-long formulas', () => {
    expect(problems('COUNTROWS(')[0]).toBe('Unexpected end of formula at 1:11');
    expect(problems('SUMX(Sales')[0]).toMatch(/^PivotDeck's formulas have no SUMX at 1:1 — write SUM\(\[Price\] \* \[Units\]\)/);
    expect(problems(`COUNTROWS() + ${'1'.repeat(9000)}`)[0]).toMatch(/^Formula is 9014 characters long; the limit is 8192/);
  });
});
