import { describe, expect, it } from 'vitest';
import {
  fieldList, pivotSourceText, plural, previewCaption, tableSize, valueFieldLabel,
} from '../../src/taskpane/pane-text';

describe('pane wording', () => {
  it('sizes tables with thousands separators and singulars', () => {
    expect(tableSize({ rowCount: 20000, columnCount: 11 })).toBe('20,000 rows × 11 columns');
    expect(tableSize({ rowCount: 1, columnCount: 1 })).toBe('1 row × 1 column');
    expect(plural(0, 'row')).toBe('0 rows');
  });

  it('labels value fields with Excel captions of summarizeBy', () => {
    expect(valueFieldLabel({ name: 'Sum of Revenue', summarizeBy: 'Sum' })).toBe('Sum of Revenue (Sum)');
    expect(valueFieldLabel({ name: 'StdDev of Units', summarizeBy: 'StandardDeviation' })).toBe('StdDev of Units (StdDev)');
  });

  it('shows a pivot source or why it is missing', () => {
    expect(pivotSourceText({ source: { kind: 'known', text: 'Sales' } })).toBe('Sales');
    expect(pivotSourceText({ source: { kind: 'unavailable', reason: 'needs Microsoft 365, Excel 2024 or Excel on the web (ExcelApi 1.15)' } }))
      .toBe('needs Microsoft 365, Excel 2024 or Excel on the web (ExcelApi 1.15)');
  });

  it('lists fields and captions previews', () => {
    expect(fieldList([])).toBe('none');
    expect(fieldList(['Region', 'Category'])).toBe('Region, Category');
    expect(previewCaption(50, 20000)).toBe('First 50 of 20,000 rows');
    expect(previewCaption(12, 12)).toBe('All 12 rows');
    expect(previewCaption(0, 0)).toBe('The table has no data rows yet.');
  });
});
