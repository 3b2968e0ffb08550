/**
 * Where each column goes when PivotDeck rewrites one of its tables in place (a landed table or a
 * query table). Pure: computed from the old header and the new one before Excel is touched.
 *
 * Why columns keep their place: in Excel, typing a different name over a table header renames
 * the column and rewrites every structured reference to it, so writing a reordered header over
 * the old one would silently point `=SUM(Orders[Amount])` at another column. Instead a column
 * that is still in the data stays where it is (its header is written unchanged), a new column is
 * added at the right end, a column the data no longer has is deleted (its references become
 * #REF!, which the user can see), and a column the user added inside the table with a formula
 * (a calculated column) is left alone.
 */

/** A column the user added inside the table: its formula fills the body. */
export interface UserColumn {
  /** Position in the old table, zero-based. */
  index: number;
  name: string;
  formula: string;
}

export type LayoutColumn =
  /** Data column `source` (index into the new header) written at this table position. */
  | { kind: 'data'; source: number }
  | { kind: 'user'; column: UserColumn }
  /** An old data column the new data lacks: deleted once everything else is written. */
  | { kind: 'removed'; name: string };

export interface TableLayout {
  /** Table positions while writing: the old columns in place, then the added ones. */
  columns: LayoutColumn[];
  /** New data columns appended at the right end (indexes into the new header), in order. */
  added: number[];
  removed: string[];
  /** Width while writing (old width + added) and once removed columns are gone. */
  writeWidth: number;
  finalWidth: number;
}

/**
 * @example planTableLayout(['Region', 'Amount', 'Double'], [{ index: 2, name: 'Double', formula: '=[@Amount]*2' }], ['Amount', 'Region', 'Units'])
 *   // columns: data 1, data 0, user Double, data 2 (added); removed: []
 */
export function planTableLayout(oldHeader: readonly string[], userColumns: readonly UserColumn[], newHeader: readonly string[]): TableLayout {
  const position = new Map<string, number>();
  newHeader.forEach((name, j) => position.set(name.toLowerCase(), j));
  const user = new Map(userColumns.map((u) => [u.index, u]));
  const used = new Set<number>();
  const columns: LayoutColumn[] = oldHeader.map((name, i) => {
    const mine = user.get(i);
    if (mine) return { kind: 'user', column: mine };
    const j = position.get(name.toLowerCase());
    if (j === undefined || used.has(j)) return { kind: 'removed', name };
    used.add(j);
    return { kind: 'data', source: j };
  });
  const added = newHeader.map((_, j) => j).filter((j) => !used.has(j));
  for (const j of added) columns.push({ kind: 'data', source: j });
  const removed = columns.flatMap((c) => (c.kind === 'removed' ? [c.name] : []));
  return { columns, added, removed, writeWidth: columns.length, finalWidth: columns.length - removed.length };
}

/** Runs of adjacent data positions: each is written as one range. */
export interface DataRun {
  /** First table position of the run. */
  start: number;
  /** Source column of each position in the run. */
  sources: number[];
}

/** @example dataRuns(planTableLayout(['a', 'b'], [], ['a', 'b']).columns) // [{ start: 0, sources: [0, 1] }] */
export function dataRuns(columns: readonly LayoutColumn[]): DataRun[] {
  const runs: DataRun[] = [];
  columns.forEach((c, i) => {
    if (c.kind !== 'data') return;
    const last = runs[runs.length - 1];
    if (last && last.start + last.sources.length === i) last.sources.push(c.source);
    else runs.push({ start: i, sources: [c.source] });
  });
  return runs;
}

/** The rows of a run, in table order (the identity run reuses the rows as they are). */
export function runRows<T>(rows: readonly T[][], run: DataRun, width: number): T[][] {
  const identity = run.sources.length === width && run.sources.every((s, k) => s === k);
  if (identity) return rows as T[][];
  return rows.map((row) => run.sources.map((s) => row[s]!));
}
