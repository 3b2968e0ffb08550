import { expect } from 'vitest';
import type { GroupRow } from '../../src/engine/compile';

/** An expected group: its key and its measure values, in spec order. */
export type ExpectedRow = [key: unknown[], values: unknown[]];

/**
 * The one equality helper for engine results (like Arquero's test/table-equal.js):
 * same groups in the same order, numbers equal within a relative tolerance
 * (floating-point noise only), everything else strictly equal.
 */
export function expectRowsEqual(actual: GroupRow[], expected: ExpectedRow[], relTol = 1e-12): void {
  const show = (rows: unknown) => JSON.stringify(rows);
  expect(actual.map((r) => r.key), `keys of ${show(actual)}`).toEqual(expected.map((r) => r[0]));
  actual.forEach((row, i) => {
    const want = expected[i][1];
    expect(row.values.length, `width of row ${i}`).toBe(want.length);
    row.values.forEach((v, j) => {
      const w = want[j];
      const where = `row ${show(row.key)} measure ${j}: got ${show(v)}, want ${show(w)}`;
      if (typeof w === 'number' && typeof v === 'number') {
        expect(Math.abs(v - w) <= relTol * Math.max(1, Math.abs(w)), where).toBe(true);
      } else {
        expect(v, where).toStrictEqual(w);
      }
    });
  });
}
