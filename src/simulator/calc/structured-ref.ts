/**
 * Excel's structured references (`Orders[Amount]`, `Orders[#All]`, `Orders[[#Headers],[Region]]`,
 * `Orders[[Amount]:[Units]]`, `[@Amount]`), resolved against a table's current extent, as Excel
 * documents in "Using structured references with Excel tables"
 * (https://support.microsoft.com/office/f5ed2452-2337-4f71-bed3-c8ae6d2b276e): a reference names
 * the table and columns, not cells, so it covers the table as it is now (a resized table's
 * references cover the new rows) and breaks (#REF!) only when the table or column is gone.
 */
import type { Area } from '../../engine/address/a1';

export type StructuredRows = 'data' | 'all' | 'headers' | 'totals' | 'thisRow';

export interface StructuredSpec {
  rows: StructuredRows;
  /** Column names (first and last of a span); empty = every column. */
  columns: string[];
}

/** Removes Excel's ' escapes from a column name inside brackets. */
function unescapeName(s: string): string {
  return s.replace(/'(.)/g, '$1').trim();
}

const SPECIALS: Record<string, StructuredRows> = {
  '#all': 'all', '#data': 'data', '#headers': 'headers', '#totals': 'totals', '#this row': 'thisRow',
};

/**
 * Reads the part inside a structured reference's outer brackets.
 * @example parseStructuredSpec('[#Headers],[Region]') // { rows: 'headers', columns: ['Region'] }
 * @example parseStructuredSpec('@Amount')              // { rows: 'thisRow', columns: ['Amount'] }
 */
export function parseStructuredSpec(spec: string): StructuredSpec | undefined {
  const s = spec.trim();
  if (s === '') return { rows: 'data', columns: [] };
  if (s.startsWith('@')) {
    const rest = s.slice(1).trim();
    if (rest === '') return { rows: 'thisRow', columns: [] };
    const inner = rest.startsWith('[') ? bracketItems(rest) : [rest];
    if (!inner) return undefined;
    return { rows: 'thisRow', columns: columnSpan(inner.join(''))! };
  }
  if (!s.startsWith('[')) {
    const special = SPECIALS[s.toLowerCase()];
    return special ? { rows: special, columns: [] } : { rows: 'data', columns: [unescapeName(s)] };
  }
  const items = bracketItems(s);
  if (!items) return undefined;
  let rows: StructuredRows | undefined;
  const columns: string[] = [];
  // Items are joined by "," (a section and columns) or ":" (a column span).
  for (const item of items) {
    if (item === ',' || item === ':') continue;
    const special = SPECIALS[item.toLowerCase()];
    if (special) {
      // [#Headers],[#Data] is the headers and the data: the whole table minus totals; 'all' is close enough.
      rows = rows === undefined ? special : 'all';
    } else {
      columns.push(unescapeName(item));
    }
  }
  return { rows: rows ?? 'data', columns: columns.length > 2 ? [columns[0]!, columns[columns.length - 1]!] : columns };
}

function columnSpan(text: string): string[] | undefined {
  return text.split(':').map(unescapeName).filter((x) => x !== '');
}

/** "[a],[b]:[c]" → ['a', ',', 'b', ':', 'c'] (escapes kept). */
function bracketItems(s: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === ' ') { i++; continue; }
    if (ch === ',' || ch === ':') { out.push(ch); i++; continue; }
    if (ch !== '[') return undefined;
    let j = i + 1;
    let item = '';
    while (j < s.length && s[j] !== ']') {
      if (s[j] === "'") { item += s.slice(j, j + 2); j += 2; continue; }
      item += s[j];
      j++;
    }
    out.push(item);
    i = j + 1;
  }
  return out;
}

export interface TableShape {
  area: Area;
  showTotals: boolean;
  columnNames: string[];
}

/**
 * The cells a structured reference covers now, or '#REF!' (a column that is not in the table) or
 * '#VALUE!' (a this-row reference from a row outside the table), as Excel gives them.
 */
export function resolveStructured(spec: StructuredSpec, table: TableShape, formulaRow: number): Area | '#REF!' | '#VALUE!' {
  const { area } = table;
  const lower = table.columnNames.map((n) => n.toLowerCase());
  let c1 = area.column, c2 = area.column + area.columns - 1;
  if (spec.columns.length) {
    const idx = spec.columns.map((n) => lower.indexOf(n.toLowerCase()));
    if (idx.some((x) => x < 0)) return '#REF!';
    c1 = area.column + Math.min(...idx);
    c2 = area.column + Math.max(...idx);
  }
  const bodyStart = area.row + 1;
  const bodyEnd = area.row + area.rows - 1 - (table.showTotals ? 1 : 0);
  let r1: number, r2: number;
  switch (spec.rows) {
    case 'all': r1 = area.row; r2 = area.row + area.rows - 1; break;
    case 'headers': r1 = r2 = area.row; break;
    case 'totals':
      if (!table.showTotals) return '#REF!';
      r1 = r2 = area.row + area.rows - 1;
      break;
    case 'thisRow':
      if (formulaRow < bodyStart || formulaRow > bodyEnd) return '#VALUE!';
      r1 = r2 = formulaRow;
      break;
    default: r1 = bodyStart; r2 = Math.max(bodyStart, bodyEnd);
  }
  return { row: r1, column: c1, rows: r2 - r1 + 1, columns: c2 - c1 + 1 };
}
