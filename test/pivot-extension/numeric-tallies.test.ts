/** numericTallies: what numeric measures skip, counted by hand, over the kept rows only. */
import { describe, expect, it } from 'vitest';
import { numericTallies } from '../../src/engine/pivot-extension/numeric-tallies';
import type { SourceTable, XlValue } from '../../src/engine/pivot-extension';

describe('numericTallies', () => {
  const values: XlValue[] = [1, '', 'Zürich', true, '#N/A', -0, Infinity, '', 'x', false];
  const source: SourceTable = { headers: ['V', 'W'], columns: [values, values.map(() => 2)], formats: ['General', 'General'], rowCount: values.length };

  it('counts blanks, text, logicals and errors (an infinity is an error) among the kept rows', () => {
    const all = numericTallies(source, Int32Array.from(values.keys()));
    // By hand: blanks at 1, 7; text at 2, 8; logicals at 3, 9; errors at 4 (#N/A) and 6 (Infinity).
    expect(all(0)).toEqual({ blank: 2, text: 2, logical: 2, error: 2 });
    expect(all(1)).toEqual({ blank: 0, text: 0, logical: 0, error: 0 });
    const some = numericTallies(source, Int32Array.from([0, 2, 5, 6]));
    expect(some(0)).toEqual({ blank: 0, text: 1, logical: 0, error: 1 });
  });

  it('asks once per column: the same tally comes back', () => {
    const tally = numericTallies(source, Int32Array.from([0, 1]));
    expect(tally(0)).toBe(tally(0));
  });
});
