import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { executeQuery } from '../../../src/engine/query';
import { QuerySpecError, parseQuerySpec, validateQuerySpec } from '../../../src/engine/spec';

const doc = readFileSync(fileURLToPath(new URL('../../../docs/query-spec.md', import.meta.url)), 'utf8');
const examples = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]) as unknown);

const good = {
  version: 1,
  source: { kind: 'table', name: 'Sales' },
  rows: ['Region'],
  measures: [{ id: 'rev', kind: 'sum', field: 'Revenue' }],
};

/** The readable message for a spec that must fail. */
function messageOf(input: unknown): string {
  const r = validateQuerySpec(input);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error.message;
}

describe('query spec: the documented examples', () => {
  it('docs/query-spec.md has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });
  examples.forEach((example, i) => {
    it(`example ${i + 1} validates`, () => {
      const r = validateQuerySpec(example);
      expect(r.ok ? '' : r.error.message).toBe('');
    });
  });
  it('the show-as example runs on a small table', () => {
    const showAs = examples.find((e) => JSON.stringify(e).includes('movingAverage'));
    const sales = aq.table({ Date: [45000, 45400, 45000], Region: ['W', 'W', 'E'], Revenue: [10, 20, 30], Customer: ['a', 'b', 'a'] });
    const r = executeQuery(showAs, () => sales);
    expect(r.grid!.rowItems.map((x) => x.kind)).toEqual(['item', 'item', 'grandTotal']);
    expect(r.grid!.columnItems.map((x) => x.path)).toEqual([[2023], [2024]]);
  });
});

describe('query spec: readable errors', () => {
  it('accepts a minimal spec and keeps it as plain JSON', () => {
    const spec = parseQuerySpec(good);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(good);
  });
  it('names the path of each problem', () => {
    const msg = messageOf({ ...good, source: { kind: 'table', name: '' }, measures: [{ id: 'p', kind: 'percentile', field: 'x', p: 2 }] });
    expect(msg).toContain('a table name cannot be empty');
    expect(msg).toContain('→ at source.name');
    expect(msg).toContain('p is between 0 and 1');
    expect(msg).toContain('→ at measures[0].p');
  });
  it('refuses unknown keys, unknown kinds and a wrong version', () => {
    expect(messageOf({ ...good, extra: 1 })).toContain('Unrecognized key: "extra"');
    expect(messageOf({ ...good, filters: [{ kind: 'regex', field: 'x' }] })).toMatch(/Invalid discriminator value.*'in'/);
    expect(messageOf({ ...good, version: 2 })).toContain('version must be 1');
  });
  it('checks cross references: sort, top N, duplicate ids and fields, show-as axis', () => {
    expect(messageOf({ ...good, sort: [{ field: 'Product', by: 'label' }] })).toContain('sort field "Product" is not on the rows or columns');
    expect(messageOf({ ...good, sort: [{ field: 'Region', by: 'measure', measure: 'units' }] })).toContain('sort measure "units" is not one of the measures');
    expect(messageOf({ ...good, filters: [{ kind: 'topN', field: 'Region', n: 3, measure: 'nope' }] })).toContain('top/bottom N measure "nope"');
    expect(messageOf({ ...good, measures: [good.measures[0], { ...good.measures[0], id: 'REV' }] })).toContain('measure id "REV" is used twice');
    expect(messageOf({ ...good, rows: ['Region'], columns: ['region'] })).toContain('field "region" is on the rows or columns twice');
    expect(messageOf({ ...good, measures: [{ ...good.measures[0], showAs: { kind: 'runningTotal', along: 'columns' } }] })).toContain(
      'runs along the columns, but there are no columns fields',
    );
  });
  it('refuses reserved names and bad filter values', () => {
    expect(messageOf({ ...good, derived: [{ kind: 'formula', name: '__proto__', formula: '1' }] })).toContain('reserved');
    expect(messageOf({ ...good, measures: [{ ...good.measures[0], id: 'constructor' }] })).toContain('reserved');
    expect(messageOf({ ...good, filters: [{ kind: 'between', field: 'x', low: 5, high: 1 }] })).toContain('low must not be greater than high');
    expect(messageOf({ ...good, filters: [{ kind: 'between', field: 'x', low: 5, high: 'z' }] })).toContain('both be numbers or both be text');
    expect(messageOf({ ...good, filters: [{ kind: 'relativeDate', field: 'd', unit: 'week', last: 2, today: 45000 }] })).toContain('at filters[0].unit');
    expect(messageOf({ ...good, derived: [{ kind: 'bin', name: 'b', field: 'x', width: 0 }] })).toContain('width must be greater than 0');
    expect(messageOf({ ...good, source: { kind: 'range', sheet: 'S', address: 'A1' } })).toContain('an address looks like A1:D200');
  });
  it('parseQuerySpec throws QuerySpecError with the issues', () => {
    try {
      parseQuerySpec({ ...good, measures: [] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QuerySpecError);
      expect((e as QuerySpecError).issues).toEqual([{ path: 'measures', message: 'add at least one measure' }]);
    }
  });
});
