/**
 * Number formats: the built-in ids every .xlsx may use without declaring them (ECMA-376 Part 1
 * §18.8.30, shown as Excel en-US displays them), custom `<numFmts>`, and the cellXfs table that
 * maps a cell's `s` attribute to a format code.
 */
import { attr, child, children, intAttr, type XmlNode } from './xml';

/** Built-in formats (ids 0–49). Ids 5–8 and 23–36 are locale-dependent; en-US codes are used. */
export const BUILTIN_NUMBER_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '"$"#,##0_);\\("$"#,##0\\)',
  6: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yyyy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yyyy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
  42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
  44: '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

export interface Styles {
  /** Format code of a number format id (custom first, then built-in, else "General"). */
  formatOfId(id: number | undefined): string;
  /** Format code of a cell style index (`<c s="3">`), "General" when unknown. */
  formatOfStyle(index: number | undefined): string;
}

/** Reads styles.xml (absent → everything "General"). */
export function readStyles(root: XmlNode | undefined): Styles {
  const sheet = child(root, 'styleSheet');
  const custom = new Map<number, string>();
  for (const f of children(child(sheet, 'numFmts'), 'numFmt')) {
    const id = intAttr(f, 'numFmtId');
    const code = attr(f, 'formatCode');
    if (id !== undefined && code !== undefined) custom.set(id, code);
  }
  const xfFormatIds = children(child(sheet, 'cellXfs'), 'xf').map((xf) => intAttr(xf, 'numFmtId', 0));
  const formatOfId = (id: number | undefined): string =>
    id === undefined ? 'General' : custom.get(id) ?? BUILTIN_NUMBER_FORMATS[id] ?? 'General';
  return {
    formatOfId,
    formatOfStyle: (index) => formatOfId(index === undefined ? 0 : xfFormatIds[index] ?? 0),
  };
}

/**
 * True when a format code shows a date or time: it has d, m, y, h or s outside quotes, brackets
 * (colours, conditions; "[h]" elapsed time counts) and escapes.
 *
 * @example
 * isDateFormat('m/d/yyyy') // true
 * isDateFormat('"$"#,##0') // false
 */
export function isDateFormat(code: string): boolean {
  const section = code.split(';')[0];
  if (/\[(h+|m+|s+)\]/i.test(section)) return true;
  const stripped = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  return /[dmyhs]/i.test(stripped) && !/^General$/i.test(stripped.trim());
}
