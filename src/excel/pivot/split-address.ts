import { ExtensionError } from '../../engine/pivot-extension';

/**
 * "'My Sheet'!$A$1:$F$13" → { sheet: "My Sheet", local: "$A$1:$F$13" }; refuses references to
 * other workbooks, whose data PivotDeck cannot read.
 *
 * @example splitAddress("'Q1 Data'!$A$1:$C$9") // { sheet: 'Q1 Data', local: '$A$1:$C$9' }
 */
export function splitAddress(address: string): { sheet: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) throw new ExtensionError('unsupported', `The pivot's source "${address}" is not a range on a sheet of this workbook.`);
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  if (sheet.includes('[') || sheet.includes(']')) {
    throw new ExtensionError('unsupported', `The pivot's source "${address}" is in another workbook; PivotDeck can only read sources in this workbook.`);
  }
  return { sheet, local: address.slice(bang + 1) };
}
