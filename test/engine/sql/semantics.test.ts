/**
 * Pure pieces of issue 19's shared semantics (no server): code-point order, the two-pass variance
 * both engines use, Enum type parsing, the reserved alias prefix, and the case-fold lists' JS tests.
 */
import { describe, expect, it } from 'vitest';
import { compareItems } from '../../../src/engine/query';
import { varianceFromSums } from '../../../src/engine/measures/deviation';
import { aggregateValues } from '../../../src/engine/measures/catalogue';
import { compareCodePoints } from '../../../src/engine/values';
import { CLICKHOUSE_FOLD } from '../../../src/engine/sql/case-fold';
import { enumPairs } from '../../../src/engine/sql/schema';
import { reservedPrefix, splitPlan } from '../../../src/engine/sql';

describe('code-point order', () => {
  it('puts U+FF41 before an emoji (UTF-16 units say the opposite) and sorts items so', () => {
    expect('ａ' < '🚀').toBe(false);
    expect(compareCodePoints('ａ', '🚀')).toBeLessThan(0);
    expect(compareCodePoints('🚀', '\uffff')).toBeGreaterThan(0);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
    expect(['🚀', 'Ａ', 2, null, 10, 'b'].sort((a, b) => compareItems(a, b))).toEqual([2, 10, 'b', 'Ａ', '🚀', null]);
  });
});

describe('two-pass variance', () => {
  it('VAR.S of 1e9, 1e9+1, 1e9+2 is exactly 1 in the engine; equal numbers give 0; never negative', () => {
    expect(aggregateValues('VAR.S', [[1e9, 1e9 + 1, 1e9 + 2]]).value).toBe(1);
    expect(aggregateValues('VAR.P', [[0.1, 0.1, 0.1]]).value).toBe(0);
    expect(aggregateValues('STDEV.S', [[5]]).value).toBe('#DIV/0!');
    expect(varianceFromSums(1e-30, 1e-14, 3, 1, 2, true)).toBe(0);
    expect(varianceFromSums(2, 0, 3, 1e9, 1e9 + 2, true)).toBe(1);
  });
});

describe('ClickHouse types', () => {
  it('reads Enum pairs with escaped quotes, refuses anything else', () => {
    expect(enumPairs("Enum8('a' = 1, 'it\\'s' = -2)")).toEqual([[1, 'a'], [-2, "it's"]]);
    expect(enumPairs("Enum16('x' = 1000) extra")).toBeUndefined();
    expect(enumPairs('String')).toBeUndefined();
  });
});

describe('generated names', () => {
  it('take a prefix no column starts with, ignoring case', () => {
    expect(reservedPrefix({ table: 't', columns: [{ name: 'k0', type: 'String' }] })).toBe('_pd_');
    expect(reservedPrefix({ table: 't', columns: [{ name: '_PD_set', type: 'String' }, { name: '__pd_x', type: 'String' }] })).toBe('___pd_');
    const sql = splitPlan({ version: 1, source: { kind: 'source', id: 'w' }, rows: ['k'], measures: [{ id: 'v', kind: 'stdevSample', field: 'v0' }] }, { table: 't', columns: [{ name: 'k', type: 'String' }, { name: 'v0', type: 'Float64' }, { name: 'p', type: 'Float64' }] }, { dialect: 'duckdb' }).sql;
    expect(sql).toContain('_pd_p ->');
    expect(sql).not.toMatch(/ AS "(k|v0|k0)"/);
  });
});

describe('case-fold lists', () => {
  it('flag the letters ClickHouse folds differently, not ordinary accented ones', () => {
    for (const t of ['\u212a', 'ẞ', 'İ', 'ǅ', 'Ⅻ', 'Σ']) expect(CLICKHOUSE_FOLD.lowerUnsafe(t), t).toBe(true);
    for (const t of ['Zürich', 'ÉCOLE', 'Ωmega', 'ǆ', '日本', '🚀', 'straße']) expect(CLICKHOUSE_FOLD.lowerUnsafe(t), t).toBe(false);
    expect(CLICKHOUSE_FOLD.upperUnsafe('straße')).toBe(true);
  });
});
