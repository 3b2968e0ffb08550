/**
 * One normalisation of dashboard parameter values. The first build and the cell watcher used two
 * copies that disagreed on a cell holding only spaces (one read it as "All", the other as ""), so
 * the watcher saw a change that was not one.
 */
import { describe, expect, it } from 'vitest';
import { isAll, normaliseParameter } from '../../src/dashboards';

describe('dashboard parameter values', () => {
  it('every spelling of "no filter" is All', () => {
    for (const v of [undefined, '', '   ', '\t', 'All', ' all ', 'ALL', null, true, {}]) {
      expect(normaliseParameter(v), JSON.stringify(v)).toBe('All');
    }
    for (const v of [undefined, '', '   ', 'aLL ']) expect(isAll(v), JSON.stringify(v)).toBe(true);
  });

  it('real choices keep their value: text trimmed, numbers as they are (0 and -0 are not All)', () => {
    expect(normaliseParameter('  West ')).toBe('West');
    expect(normaliseParameter('Zürich')).toBe('Zürich');
    expect(normaliseParameter('Allentown')).toBe('Allentown');
    expect(normaliseParameter(0)).toBe(0);
    expect(Object.is(normaliseParameter(-0), -0)).toBe(true);
    expect(normaliseParameter(2026)).toBe(2026);
    expect(isAll(0)).toBe(false);
    expect(isAll('Allentown')).toBe(false);
  });
});
