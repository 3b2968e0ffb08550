// `workbench.html?salesRows=N` seeds a larger sample (the pane bench uses a million rows);
// anything unreadable or out of range keeps the 20,000-row default.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SALES_ROWS, MAX_SALES_ROWS, sampleRowsFromUrl } from '../../src/workbench/sample-size';

describe('sample size from the workbench address', () => {
  it('reads salesRows when it is a whole number in range', () => {
    expect(sampleRowsFromUrl('?salesRows=1000000')).toBe(1_000_000);
    expect(sampleRowsFromUrl('?theme=dark&salesRows=1')).toBe(1);
    expect(sampleRowsFromUrl(`?salesRows=${MAX_SALES_ROWS}`)).toBe(3_000_000);
  });

  it('keeps the default for no, empty, negative, fractional, zero, huge or non-ASCII-digit sizes', () => {
    for (const search of ['', '?', '?salesRows=', '?salesRows=-5', '?salesRows=1.5', '?salesRows=0', '?salesRows=3000001', '?salesRows=１０００', '?salesRows=1e6', '?SalesRows=500']) {
      expect(sampleRowsFromUrl(search), search).toBe(DEFAULT_SALES_ROWS);
    }
    expect(DEFAULT_SALES_ROWS).toBe(20_000);
  });
});
