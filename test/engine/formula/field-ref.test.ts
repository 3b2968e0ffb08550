import { describe, expect, it } from 'vitest';
import { FormulaError, formatFieldRef, parseFormula } from '../../../src/engine/formula';
import { executeQuery, fieldRef, measureFormula, tableFromExcelValues } from '../../../src/engine/query';

const fieldName = (text: string): string => {
  const root = parseFormula(text).root;
  if (root.kind !== 'field') throw new Error(`not a field: ${text}`);
  return root.name;
};

function errorOf(text: string): FormulaError {
  try {
    parseFormula(text);
  } catch (e) {
    if (e instanceof FormulaError) return e;
    throw e;
  }
  throw new Error(`expected ${text} to fail`);
}

/** A small deterministic generator (mulberry32), so the random names are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("field references: Excel's apostrophe escapes", () => {
  it("reads '[ '] '# '' as [ ] # ' inside the brackets", () => {
    expect(fieldName("[Unit '[EUR']]")).toBe('Unit [EUR]');
    expect(fieldName("[Items']]")).toBe('Items]');
    expect(fieldName("['#Orders]")).toBe('#Orders');
    expect(fieldName("[O''Brien]")).toBe("O'Brien");
    expect(fieldName("[''''']']]")).toBe("'']]");
  });

  it('still reads what formulas written before the rule say: ]] as ], a lone apostrophe and a bare #', () => {
    expect(fieldName('[a]]b]')).toBe('a]b');
    expect(fieldName("[O'Brien]")).toBe("O'Brien");
    expect(fieldName('[#Orders]')).toBe('#Orders');
  });

  it('a bare [ inside the brackets is an error that says how to write it', () => {
    const e = errorOf('SUM([Unit [EUR]])');
    expect(e.code).toBe('syntax');
    expect(e.message).toBe(`Unexpected "[" inside a field reference at 1:11 — write '[ for a [ that is part of the field name`);
  });

  it("an apostrophe before the closing ] explains why the reference is unterminated", () => {
    const e = errorOf("SUM([Price'])");
    expect(e.code).toBe('unterminated-field');
    expect(e.message).toContain("an apostrophe before ] makes the ] part of the name; write '' for an apostrophe");
  });

  it('formatFieldRef writes what the parser reads back, for awkward names and 2,000 random ones', () => {
    const awkward = ["Unit [EUR]", "O'Brien", "'", "''", ']', ']]', '[', '#', "'#", "a'", "']", '[[x]]', '__proto__', 'constructor', 'Ünïcödé 😀', ' spaced ', 'a]]b', "Qty's #1 [net]"];
    for (const name of awkward) expect(fieldName(formatFieldRef(name))).toBe(name);
    expect(formatFieldRef('Unit [EUR]')).toBe("[Unit '[EUR']]");
    expect(formatFieldRef("O'Brien #2")).toBe("[O''Brien '#2]");
    const next = random(13);
    const alphabet = ["'", '[', ']', '#', 'a', ' ', 'ü', '"', '(', ','];
    for (let k = 0; k < 2000; k++) {
      let name = '';
      const length = 1 + Math.floor(next() * 12);
      for (let i = 0; i < length; i++) name += alphabet[Math.floor(next() * alphabet.length)];
      if (name.trim() === '') continue;
      expect(fieldName(formatFieldRef(name))).toBe(name);
    }
  });

  it('the query spec writes catalogue measures with the same escapes', () => {
    expect(fieldRef('Unit [EUR]')).toBe("[Unit '[EUR']]");
    expect(measureFormula({ id: 'm', kind: 'ratioOfSums', field: 'Unit [EUR]', otherField: "Qty's #" })).toBe("SUM([Unit '[EUR']]) / SUM([Qty''s '#])");
  });

  it('a field named "Unit [EUR]" works in every catalogue measure, a bin and a date part', () => {
    const header = ['Region', 'Unit [EUR]', "Qty's #", 'When [day]'];
    const data: Array<[string, number | string, number, number]> = [
      ['North', 10, 2, 45292],
      ['North', 30, 1, 45300],
      ['South', 5, 4, 45400],
      ['North', '', 3, 45301],
      ['South', 15, 0, 45500],
    ];
    const { table } = tableFromExcelValues(header, data);
    const result = executeQuery(
      {
        version: 1,
        source: { kind: 'table', name: 'T' },
        rows: ['Region'],
        derived: [
          { kind: 'bin', name: 'Price band', field: 'Unit [EUR]', width: 10 },
          { kind: 'datePart', name: 'Year [of day]', field: 'When [day]', part: 'year' },
        ],
        measures: [
          { id: 'sum', kind: 'sum', field: 'Unit [EUR]' },
          { id: 'median', kind: 'median', field: 'Unit [EUR]' },
          { id: 'p90', kind: 'percentile', field: 'Unit [EUR]', p: 0.9 },
          { id: 'weighted', kind: 'weightedAverage', field: 'Unit [EUR]', otherField: "Qty's #" },
          { id: 'ratio', kind: 'ratioOfSums', field: 'Unit [EUR]', otherField: "Qty's #" },
          { id: 'bands', kind: 'distinctCount', field: 'Price band' },
          { id: 'years', kind: 'max', field: 'Year [of day]' },
        ],
        totals: { grandTotalRow: false },
      },
      () => table,
      { output: 'flat' },
    );
    // By hand, per region, over the numeric prices (the blank one is skipped):
    // North: prices 10, 30 (qty 2, 1); South: 5, 15 (qty 4, 0).
    const p90 = (sorted: number[]) => {
      const rank = (sorted.length - 1) * 0.9;
      const lo = Math.floor(rank);
      return sorted[lo]! + (rank - lo) * ((sorted[lo + 1] ?? sorted[lo]!) - sorted[lo]!);
    };
    expect(result.flat!.rows).toEqual([
      ['North', 40, 20, p90([10, 30]), (10 * 2 + 30 * 1) / (2 + 1), 40 / (2 + 1 + 3), 2, 2024],
      ['South', 20, 10, p90([5, 15]), (5 * 4 + 15 * 0) / (4 + 0), 20 / 4, 2, 2024],
    ]);
  });
});
