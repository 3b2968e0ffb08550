import { describe, expect, it } from 'vitest';
import { denseGroupIds, encodeGroupKey } from '../../../src/engine/kernels';

/** The naive reference: a Map from the joined key text to a group number, in row order. */
function naiveIds(columns: unknown[][], n: number) {
  const index = new Map<string, number>();
  const ids: number[] = [];
  const firstRow: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = JSON.stringify(columns.map((c) => c[i]));
    let g = index.get(key);
    if (g === undefined) {
      index.set(key, (g = index.size));
      firstRow.push(i);
    }
    ids.push(g);
  }
  return { ids, groups: index.size || (columns.length ? 0 : 1), firstRow };
}

describe('denseGroupIds', () => {
  it('numbers groups of a composite key by first appearance', () => {
    const region = encodeGroupKey(['Nord', 'Süd', 'Nord', 'Süd', 'Nord']);
    const month = encodeGroupKey([2, 1, 2, 2, 1]);
    const r = denseGroupIds([region, month], 5);
    expect(Array.from(r.ids)).toEqual([0, 1, 0, 2, 3]);
    expect(r.groups).toBe(4);
    expect(Array.from(r.firstRow)).toEqual([0, 1, 3, 4]);
  });

  it('groups by no key into one group, also over no rows (the grand total)', () => {
    expect(denseGroupIds([], 3)).toEqual({ ids: new Int32Array(3), groups: 1, firstRow: new Int32Array(1) });
    expect(denseGroupIds([], 0).groups).toBe(1);
  });

  it('has no groups over no rows when there is a key', () => {
    const r = denseGroupIds([encodeGroupKey([])], 0);
    expect(r.groups).toBe(0);
    expect(r.ids.length).toBe(0);
  });

  it('follows the items rules of the key encoding: case, blanks, -0, 1 vs "1"', () => {
    const values = ['a', 'A', '', null, -0, 0, 1, '1', 'ä', 'Ä'];
    const r = denseGroupIds([encodeGroupKey(values)], values.length);
    // a/A one item; '' and null the one (blank); -0 and 0 one item; 1 and "1" two; ä/Ä one.
    expect(Array.from(r.ids)).toEqual([0, 0, 1, 1, 2, 2, 3, 4, 5, 5]);
  });

  it('agrees with a naive Map over a large composite key (Map path: many combinations)', () => {
    const n = 20_000;
    // A deterministic scramble; the second key has enough items that the product needs the Map.
    const a = Array.from({ length: n }, (_, i) => `k${(i * 7919) % 5003}`);
    const b = Array.from({ length: n }, (_, i) => (i * 104729) % 4001);
    const c = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? '' : i % 2));
    const r = denseGroupIds([encodeGroupKey(a), encodeGroupKey(b), encodeGroupKey(c)], n);
    const want = naiveIds([a, b, c.map((v) => (v === '' ? null : v))], n);
    expect(Array.from(r.ids)).toEqual(want.ids);
    expect(r.groups).toBe(want.groups);
    expect(Array.from(r.firstRow)).toEqual(want.firstRow);
  });

  it('agrees with a naive Map for two keys, with few combinations (one table) and with many (ids pass by pass)', () => {
    const n = 10_000;
    const few = [Array.from({ length: n }, (_, i) => `o${(i * 31) % 97}`), Array.from({ length: n }, (_, i) => 1 + ((i * 7) % 12))];
    const many = [Array.from({ length: n }, (_, i) => (i * 7919) % 9001), Array.from({ length: n }, (_, i) => `c${(i * 104729) % 8999}`)];
    for (const [a, b] of [few, many]) {
      const r = denseGroupIds([encodeGroupKey(a), encodeGroupKey(b)], n);
      const want = naiveIds([a, b], n);
      expect(Array.from(r.ids)).toEqual(want.ids);
      expect(Array.from(r.firstRow)).toEqual(want.firstRow);
    }
  });

  it('reads codes as given (not only first-seen ones): codes of a dictionary built elsewhere', () => {
    const r = denseGroupIds([{ codes: Int32Array.of(2, 0, 2, 1), labels: ['x', 'y', 'z'] }], 4);
    expect(Array.from(r.ids)).toEqual([0, 1, 0, 2]);
    expect(Array.from(r.firstRow)).toEqual([0, 1, 3]);
  });
});
