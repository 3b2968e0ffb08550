/**
 * Which of the user's formulas use table columns a refresh is about to delete. Deleting a table
 * column turns every reference to it into #REF! for good, so the pane asks before that happens
 * and names what would break. Pure: the caller reads the formulas (see `readFormulas` in
 * land-table.ts, bounded), this decides.
 *
 * Found: structured references (`Orders[Amount]`, `Orders[[#All],[Amount]]`,
 * `Orders[[Amount]:[Units]]`, and `[@Amount]` written inside the table) and A1 references that
 * lie inside the column's cells (`=SUM(Orders!B2:B9)`). Not found: references Office gives no
 * cheap way to read (PivotTable sources are whole tables and survive; charts, names and formulas
 * in other workbooks).
 */
import { columnIndex } from '../../engine/address';

export interface FormulaCell {
  sheet: string;
  /** A1 address of the cell, e.g. "B4". */
  address: string;
  formula: string;
}

export interface TablePlace {
  name: string;
  sheet: string;
  /** Zero-based, header row included. */
  row: number;
  column: number;
  rows: number;
  columns: number;
  header: string[];
}

export interface ColumnUse {
  /** "Report!B4". */
  where: string;
  formula: string;
  column: string;
}

/** Column names a structured reference's inside names ("Amount", "[#All],[Amount]", "@Units"). */
function namesIn(spec: string): string[] {
  const s = spec.trim().replace(/^@/, '');
  if (!s.startsWith('[')) return s === '' || s.startsWith('#') ? [] : [s.replace(/'(.)/g, '$1')];
  const out: string[] = [];
  for (const m of s.matchAll(/\[((?:'.|[^\]])*)\]/g)) {
    const name = m[1]!.replace(/'(.)/g, '$1').trim();
    if (!name.startsWith('#')) out.push(name);
  }
  return out;
}

/** Brackets are balanced with Excel's ' escape; returns the index after the closing one. */
function closing(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") { i++; continue; }
    if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return i + 1;
  }
  return text.length;
}

const cellRow = (address: string) => Number(/\d+$/.exec(address)?.[0] ?? 0) - 1;
const cellColumn = (address: string) => columnIndex(/^[A-Za-z]+/.exec(address)?.[0] ?? 'A');

/**
 * @example
 * formulasUsingColumns([{ sheet: 'Report', address: 'A1', formula: '=SUM(Orders[Amount])' }],
 *   { name: 'Orders', sheet: 'Data', row: 0, column: 0, rows: 9, columns: 3, header: ['Region', 'Amount', 'Units'] }, ['Amount'])
 * // [{ where: 'Report!A1', formula: '=SUM(Orders[Amount])', column: 'Amount' }]
 */
export function formulasUsingColumns(cells: readonly FormulaCell[], table: TablePlace, columns: readonly string[]): ColumnUse[] {
  const wanted = new Map(columns.map((c) => [c.toLowerCase(), c]));
  const out: ColumnUse[] = [];
  const lowerTable = table.name.toLowerCase();
  for (const cell of cells) {
    const code = cell.formula.replace(/"(?:[^"]|"")*"/g, '""');
    const hits = new Set<string>();
    const inside = cell.sheet.toLowerCase() === table.sheet.toLowerCase()
      && cellRow(cell.address) >= table.row && cellRow(cell.address) < table.row + table.rows
      && cellColumn(cell.address) >= table.column && cellColumn(cell.address) < table.column + table.columns;
    for (let i = 0; i < code.length; i++) {
      if (code[i] !== '[') continue;
      const end = closing(code, i);
      const before = /([A-Za-z_\\][A-Za-z0-9_.\\]*)$/.exec(code.slice(0, i))?.[1];
      const ours = before ? before.toLowerCase() === lowerTable : inside;
      if (ours) for (const n of namesIn(code.slice(i + 1, end - 1))) if (wanted.has(n.toLowerCase())) hits.add(wanted.get(n.toLowerCase())!);
      i = end - 1;
    }
    // A1 references inside a deleted column's cells.
    for (const m of code.matchAll(/(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?(?![A-Za-z0-9_(])/g)) {
      const sheet = m[1] ? m[1].replace(/^'|'$/g, '').replace(/''/g, "'") : cell.sheet;
      if (sheet.toLowerCase() !== table.sheet.toLowerCase()) continue;
      const c1 = columnIndex(m[2]!), c2 = columnIndex(m[4] ?? m[2]!);
      const r1 = Number(m[3]) - 1, r2 = Number(m[5] ?? m[3]) - 1;
      if (c1 !== c2 || r2 < table.row || r1 >= table.row + table.rows) continue;
      const name = table.header[c1 - table.column];
      if (name !== undefined && wanted.has(name.toLowerCase())) hits.add(wanted.get(name.toLowerCase())!);
    }
    for (const column of hits) out.push({ where: `${cell.sheet}!${cell.address}`, formula: cell.formula, column });
  }
  return out;
}
