import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, ROW_FUNCTIONS, TextBudgetError, deriveColumns, withTextBudget } from '../../../src/engine/compile';
import { validateQuerySpec } from '../../../src/engine/spec';

const { pd_cat: cat, pd_concat: concat } = ROW_FUNCTIONS;

describe("text limits: Excel's 32,767-character cell", () => {
  it('& and CONCAT give text up to 32,767 characters and #VALUE! past it, as Excel does', () => {
    expect(MAX_TEXT_LENGTH).toBe(32_767);
    const a = 'ü'.repeat(32_000);
    const fits = cat(a, 'b'.repeat(767));
    expect(typeof fits === 'string' && fits.length).toBe(32_767);
    expect(cat(a, 'b'.repeat(768))).toBe('#VALUE!');
    expect((concat(a, 'b'.repeat(700), 'c'.repeat(67)) as string).length).toBe(32_767);
    expect(concat(a, 'b'.repeat(700), 'c'.repeat(68))).toBe('#VALUE!');
    // Numbers join as Excel shows them: 12345 is five characters.
    expect((concat('x'.repeat(32_762), 12_345) as string).length).toBe(32_767);
    expect(concat('x'.repeat(32_763), 12_345)).toBe('#VALUE!');
    // An error argument still wins over the length, wherever it is.
    expect(concat(a, a, '#N/A')).toBe('#N/A');
    expect(cat('#DIV/0!', a + a)).toBe('#DIV/0!');
  });

  it('derived fields apply the cap per value: one row fits, the next is #VALUE!', () => {
    const t = aq.table({ a: ['x'.repeat(32_766), 'x'.repeat(32_767), ''], b: ['y', 'y', ''] });
    const out = deriveColumns(t, [{ name: 'ab', formula: '[a] & [b]' }]).get('ab')!;
    expect(Array.from(out, (v) => (typeof v === 'string' && v.length > 10 ? v.length : v))).toEqual([32_767, '#VALUE!', '']);
  });

  it('a run stops with TextBudgetError once & and CONCAT have built more than its budget', () => {
    expect(withTextBudget(10, () => cat('abcdef', 'ghij'))).toBe('abcdefghij');
    let thrown: unknown;
    try {
      withTextBudget(10, () => [cat('abcdef', 'ghij'), concat('k')]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TextBudgetError);
    expect((thrown as Error).message).toBe(
      'The formulas build more than 10 characters of text in all, more than PivotDeck can hold. Shorten the text they join (for example with LEFT), join fewer fields, or filter the source to fewer rows.',
    );
    // Outside a run there is no budget; a run inside another shares the outer one's.
    expect((cat('a'.repeat(20), 'b') as string).length).toBe(21);
    expect(() => withTextBudget(10, () => withTextBudget(1000, () => [cat('abcdef', 'g'), cat('hijk', 'l')]))).toThrow(TextBudgetError);
  });

  it('a query has at most 64 derived fields, and the message says what to do', () => {
    const spec = (count: number) => ({
      version: 1,
      source: { kind: 'table', name: 'T' },
      rows: [],
      derived: Array.from({ length: count }, (_, i) => ({ kind: 'formula', name: `d${i}`, formula: '1' })),
      measures: [{ id: 'n', kind: 'count', field: 'x' }],
    });
    expect(validateQuerySpec(spec(64)).ok).toBe(true);
    const r = validateQuerySpec(spec(65));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain('a query has at most 64 derived fields; combine some into one formula or drop the ones no measure, filter or axis uses');
  });
});
