import type { XRange, XRequestContext } from '../api';
import { splitAddress } from './split-address';

/**
 * A pivot source's header row and data body as ranges (nothing loaded): a workbook table by name
 * ('LocalTable'), or a sheet range ('LocalRange', "Data!A1:E13") whose first row is the header.
 *
 * @example const { header, body } = sourceRanges(context, 'LocalTable', 'Sales'); header.load('values');
 */
export function sourceRanges(context: XRequestContext, type: string, text: string): { header: XRange; body: XRange } {
  if (type === 'LocalTable') {
    const table = context.workbook.tables.getItem(text);
    return { header: table.getHeaderRowRange(), body: table.getDataBodyRange() };
  }
  const { sheet, local } = splitAddress(text);
  const range = context.workbook.worksheets.getItem(sheet).getRange(local);
  return { header: range.getRow(0), body: range.getOffsetRange(1, 0).getResizedRange(-1, 0) };
}
