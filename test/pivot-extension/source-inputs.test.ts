/** sourceInputs: cleaned columns and what numeric measures skip, by hand, over the kept rows only. */
import { describe, expect, it } from 'vitest';
import { sourceInputs } from '../../src/engine/pivot-extension/source-inputs';
import type { SourceTable, XlValue } from '../../src/engine/pivot-extension';

describe('sourceInputs', () => {
  const values: XlValue[] = [1, '', 'Zürich', true, '#N/A', -0, Infinity, '', 'x', false];
  const source: SourceTable = { headers: ['V', 'W'], columns: [values, values.map((_, i) => (i === 1 ? '' : i))], formats: ['General', 'General'], rowCount: values.length };

  it('tallies blanks, text, logicals and errors (an infinity is an error) among the kept rows', () => {
    const all = sourceInputs(source, Int32Array.from(values.keys()));
    // By hand: blanks at 1, 7; text at 2, 8; logicals at 3, 9; errors at 4 (#N/A) and 6 (Infinity).
    expect(all.numericTally(0)).toEqual({ blank: 2, text: 2, logical: 2, error: 2 });
    expect(all.numericTally(1)).toEqual({ blank: 1, text: 0, logical: 0, error: 0 });
    expect(all.numbersOnly(0)).toBe(false);
    expect(all.numbersOnly(1)).toBe(true);
    const some = sourceInputs(source, Int32Array.from([0, 2, 5, 6]));
    expect(some.numericTally(0)).toEqual({ blank: 0, text: 1, logical: 0, error: 1 });
    expect(Array.from(some.input('numeric', 0))).toEqual([1, NaN, -0, NaN]);
    expect(Object.is(some.input('numeric', 0)[2], -0)).toBe(true);
    expect(Array.from(some.input('presence', 0))).toEqual([1, 1, 1, 1]);
    // Numbers only among these kept rows: 1 and -0.
    expect(sourceInputs(source, Int32Array.from([0, 1, 5])).numbersOnly(0)).toBe(true);
  });

  it('cleans each column and kind once: the same array comes back', () => {
    const inputs = sourceInputs(source, Int32Array.from([0, 1]));
    expect(inputs.input('numeric', 0)).toBe(inputs.input('numeric', 0));
    expect(inputs.input('category', 0)).not.toBe(inputs.input('numeric', 0));
    // Released: cleaned again (a new array, same numbers); the tally stays.
    const first = inputs.input('numeric', 0);
    const tally = inputs.numericTally(0);
    inputs.release('numeric', 0);
    expect(inputs.numericTally(0)).toBe(tally);
    const again = inputs.input('numeric', 0);
    expect(again).not.toBe(first);
    expect(Array.from(again)).toEqual(Array.from(first));
  });
});
