import { describe, expect, it } from 'vitest';
import { formatFieldRef } from '../../src/engine';
import { runIsolated } from '../support/run-isolated';
import { BUDGET_ROWS, BUDGET_TEXT_LENGTH, CHAIN_ROWS, chainText, LONG_NAMES, manyReferences, REFERENCES } from './hostile/inputs';

/**
 * Inputs that used to exhaust memory or take seconds, each run in its own process with a memory
 * ceiling and a generous time limit: a test fails only when the run does not finish or crashes,
 * never on how long it took. Expected values come from plain loops over the same inputs.
 */
/** Well above the 60 s a run may take (a loaded 2-core machine), so the run's own limit decides. */
const LIMIT = 120_000;

describe('hostile input: bounded work', () => {
  it('29 derived fields that each double a text finish; text past 32,767 characters is #VALUE!', async () => {
    const run = await runIsolated(new URL('./hostile/derived-chain.run.ts', import.meta.url));
    expect(run.status, JSON.stringify(run).slice(0, 2000)).toBe('done');
    // By hand: d_k is the 8-character text repeated 2^k times, 8·2^k characters; 8·2^11 = 16,384 fits
    // a cell, 8·2^12 = 32,768 does not, and every later field inherits the error.
    expect(chainText(0).length).toBe(8);
    const expected: unknown[][] = [];
    for (let g = 0; g < 3; g++) {
      let rows = 0;
      const spellings = new Set<string>();
      for (let i = 0; i < CHAIN_ROWS; i++) {
        if (i % 3 !== g) continue;
        rows++;
        spellings.add(chainText(i).toLowerCase());
      }
      expected.push([`G${g}`, 8 * 2 ** 11, rows, rows, spellings.size]);
    }
    expect(run.status === 'done' && run.output).toEqual(expected);
  }, LIMIT);

  it('text built by & over many rows stops at the budget with a message that says what to do', async () => {
    // 7,000 rows × 32,000 characters = 224 million, over the 100 million budget; each value fits a cell.
    expect(BUDGET_ROWS * BUDGET_TEXT_LENGTH * 2).toBeGreaterThan(100_000_000);
    expect(BUDGET_TEXT_LENGTH * 2).toBeLessThanOrEqual(32_767);
    const run = await runIsolated(new URL('./hostile/text-budget.run.ts', import.meta.url));
    expect(run.status, JSON.stringify(run).slice(0, 2000)).toBe('done');
    const out = (run as { output: { name: string; message: string } }).output;
    expect(out.name).toBe('TextBudgetError');
    expect(out.message).toContain('100,000,000 characters');
    expect(out.message).toMatch(/Shorten the text they join .* filter the source to fewer rows\./);
  }, LIMIT);

  it('"did you mean" and field look-ups over 2,000 field names of 245 characters finish; the one-edit name is still found', async () => {
    const run = await runIsolated(new URL('./hostile/suggest-long-names.run.ts', import.meta.url));
    expect(run.status, JSON.stringify(run).slice(0, 2000)).toBe('done');
    const out = (run as { output: { queryMessage: string; first: string; problems: number; withSuggestion: number; unknownRefs: number; knownRefs: number } }).output;
    // MISSPELT differs from LONG_NAMES[1234] in one character and from every other name in two or more.
    expect(out.first).toBe(LONG_NAMES[1234]);
    expect(out.queryMessage).toContain(`did you mean ${formatFieldRef(LONG_NAMES[1234]!)}`);
    // Every unknown field is reported; only the first few get a suggestion (each compares 2,000 names).
    expect(out.problems).toBe(200);
    expect(out.withSuggestion).toBe(8);
    // 870 references in one formula: each unknown one is reported; known ones resolve ignoring case.
    expect(manyReferences(() => '[LAST]').length).toBeLessThanOrEqual(8192);
    expect(out.unknownRefs).toBe(REFERENCES);
    // By hand: row 1 joins "ab" 870 times, row 2 joins "c" 870 times.
    expect(out.knownRefs).toBe(REFERENCES * 2 + REFERENCES * 1);
  }, LIMIT);
});
