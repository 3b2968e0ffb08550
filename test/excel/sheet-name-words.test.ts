import { describe, expect, it } from 'vitest';
import { uniqueSheetName } from '../../src/excel/query-output';

// Expected names are worked out by hand from Excel's 31-character limit.
describe('default sheet names are cut at a word boundary', () => {
  it('drops the last, partial word instead of cutting it ("…Median of Reven")', () => {
    // 'Sum of Revenue and Median of Revenue' is 36 characters; the first 31 end in 'Reven'.
    expect(uniqueSheetName('Sum of Revenue and Median of Revenue', [])).toBe('Sum of Revenue and Median of');
  });

  it('keeps a name of exactly 31 characters whole', () => {
    const name = 'Umsatz nach Region und Qualität'; // 31 characters, with a non-ASCII letter
    expect(name.length).toBe(31);
    expect(uniqueSheetName(name, [])).toBe(name);
  });

  it('keeps a word ending exactly at the limit', () => {
    // The 32nd character is a space, so all 31 are whole words.
    expect(uniqueSheetName('Average of Units by Region Code Total', [])).toBe('Average of Units by Region Code');
  });

  it('cuts one long word hard rather than leaving almost nothing', () => {
    expect(uniqueSheetName('Donaudampfschifffahrtsgesellschaftskapitän', [])).toBe('Donaudampfschifffahrtsgesellsch');
  });

  it('makes room for " (2)" at a word boundary too', () => {
    const taken = ['Sum of Revenue and Median of'];
    // 31 - 4 = 27 characters for the name: 'Sum of Revenue and Median o' would cut 'of'.
    expect(uniqueSheetName('Sum of Revenue and Median of Revenue', taken)).toBe('Sum of Revenue and Median (2)');
  });
});
