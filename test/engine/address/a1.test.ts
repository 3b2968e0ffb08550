/**
 * The one A1 module (src/engine/address), which src/excel and src/simulator both use now. Expected
 * values are worked out by hand; the old copies' edge behaviour is pinned where they differed.
 */
import { describe, expect, it } from 'vitest';
import { columnIndex, columnName, holdsCell, intersects, parseArea, quoteSheet, splitSheet } from '../../../src/engine/address';
import { parseBlock } from '../../../src/excel/a1';
import { areaAddress, columnLetters, quoteSheet as blockQuoteSheet } from '../../../src/excel/query-output/block-address';
import { tilesOverlap } from '../../../src/dashboards/layout';

describe('column letters', () => {
  it('round-trips at the letter boundaries (by hand: Z=25, AA=26, AZ=51, BA=52, ZZ=701, AAA=702, XFD=16383)', () => {
    const cases: Array<[string, number]> = [['A', 0], ['Z', 25], ['AA', 26], ['AZ', 51], ['BA', 52], ['ZZ', 701], ['AAA', 702], ['XFD', 16383]];
    for (const [letters, index] of cases) {
      expect(columnIndex(letters)).toBe(index);
      expect(columnIndex(letters.toLowerCase())).toBe(index);
      expect(columnName(index)).toBe(letters);
      expect(columnLetters(index)).toBe(letters);
    }
    expect(() => columnIndex('Ä')).toThrow(/not a column name/);
  });
});

describe('sheet names', () => {
  it('quotes what Excel quotes and doubles apostrophes; splitSheet undoes it', () => {
    expect(quoteSheet('Sales')).toBe('Sales');
    expect(quoteSheet('Sales 2026')).toBe("'Sales 2026'");
    expect(quoteSheet("Bob's")).toBe("'Bob''s'");
    expect(quoteSheet('Zürich')).toBe("'Zürich'");
    expect(quoteSheet('2026')).toBe("'2026'");
    expect(blockQuoteSheet("Bob's")).toBe("'Bob''s'");
    expect(splitSheet("'Bob''s'!A1:B2")).toEqual({ sheet: "Bob's", local: 'A1:B2' });
    expect(areaAddress({ sheet: "Bob's", row: 0, column: 0, rows: 2, columns: 3 })).toBe("'Bob''s'!A1:C2");
  });
});

describe('areas', () => {
  it('the adapter parses cells and cell ranges through the same parser, and refuses what is off the sheet', () => {
    expect(parseBlock("'My Sheet'!$B$3:A1")).toEqual({ row: 0, column: 0, rows: 3, columns: 2 });
    expect(parseBlock('B3')).toEqual(parseArea('B3'));
    expect(parseBlock('A:C')).toBeUndefined(); // whole columns are Excel's to resolve
    expect(parseBlock('A0')).toBeUndefined();
    expect(parseBlock('A1048577')).toBeUndefined(); // one row past the sheet: the old copy accepted it
    expect(parseBlock('XFE1')).toBeUndefined();
  });

  it('overlap and cell containment at the edges (touching is not overlapping)', () => {
    const a = { row: 0, column: 0, rows: 2, columns: 2 };
    expect(intersects(a, { row: 1, column: 1, rows: 5, columns: 5 })).toBe(true);
    expect(intersects(a, { row: 2, column: 0, rows: 1, columns: 1 })).toBe(false);
    expect(intersects(a, { row: 0, column: 2, rows: 1, columns: 1 })).toBe(false);
    expect(holdsCell(a, 1, 1)).toBe(true);
    expect(holdsCell(a, 2, 1)).toBe(false);
    expect(holdsCell(a, -0, 0)).toBe(true);
    expect(tilesOverlap({ row: 0, col: 0, rows: 2, cols: 2 }, { row: 1, col: 1, rows: 1, cols: 1 })).toBe(true);
    expect(tilesOverlap({ row: 0, col: 0, rows: 2, cols: 2 }, { row: 0, col: 2, rows: 1, cols: 1 })).toBe(false);
  });
});
