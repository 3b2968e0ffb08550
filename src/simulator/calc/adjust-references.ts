/**
 * How Excel rewrites the references inside formulas (cells, defined names, chart series, pivot
 * sources) when the workbook's structure changes. Excel changes the formula's TEXT, which is why
 * a broken reference stays broken: once `=SUM(Orders[Amount])` has become `=SUM(#REF!)`, a new
 * table named Orders does not heal it. Documented behaviour modelled here:
 *
 * - deleting a table turns its structured references and its name into #REF!
 *   ("Delete a table" loses the structured references: https://support.microsoft.com/office/e2e2a0b5-3b94-4bd1-b5c6-1bfc6e6cf9ac);
 * - renaming a table renames it in every formula (structured references follow the table);
 * - deleting a sheet turns references to it into #REF! ("#REF! error": https://support.microsoft.com/office/822c8e46-e610-4d02-bc29-ec6b8ba7a2dc);
 * - deleting rows or columns shifts references below/right of them and turns references to the
 *   deleted cells into #REF! (a range that only loses part of its cells shrinks); inserting rows
 *   or columns shifts references below/right, and a range that spans the insertion point grows
 *   ("Move or copy cells", "Insert or delete rows and columns":
 *   https://support.microsoft.com/office/6f40e6e4-85af-45e0-b39d-65dd504a3246).
 *
 * Excel writes a deleted sheet's reference as `#REF!A1`; the simulator writes `#REF!`, which
 * calculates to the same #REF! error.
 */
import { type A1Ref, type FormulaPart, joinFormula, tokenizeFormula } from './formula-tokens';
import { parseStructuredSpec } from './structured-ref';

export type ReferenceChange =
  | { kind: 'deleteTable'; table: string }
  /** A table column was deleted: structured references naming it become #REF!. */
  | { kind: 'deleteTableColumn'; table: string; column: string }
  | { kind: 'renameTable'; from: string; to: string }
  | { kind: 'deleteSheet'; sheet: string }
  /**
   * Cells of `sheet` moved along `axis` from index `at`: `count` > 0 inserted, < 0 deleted.
   * `span` is the band of the other axis that moved (all columns for whole rows).
   */
  | { kind: 'shift'; sheet: string; axis: 'rows' | 'columns'; at: number; count: number; span: [number, number] };

const REF: FormulaPart = { t: 'text', text: '#REF!' };

function same(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

/**
 * The formula after the change, or the same string when nothing in it changed. `hostSheet` is the
 * sheet the formula lives on (its unqualified references point there).
 *
 * @example adjustFormula('=SUM(Orders[Amount])', 'Report', { kind: 'deleteTable', table: 'Orders' }) // '=SUM(#REF!)'
 * @example adjustFormula('=A10', 'Data', { kind: 'shift', sheet: 'Data', axis: 'rows', at: 2, count: -3, span: [0, 16383] }) // '=A7'
 */
export function adjustFormula(formula: string, hostSheet: string, change: ReferenceChange, isDefinedName: (name: string) => boolean = () => false): string {
  if (!formula.startsWith('=')) return formula;
  const parts = tokenizeFormula(formula);
  let changed = false;
  const out = parts.map((p): FormulaPart => {
    const next = adjustPart(p, hostSheet, change, isDefinedName);
    if (next !== p) changed = true;
    return next;
  });
  return changed ? joinFormula(out) : formula;
}

function adjustPart(p: FormulaPart, hostSheet: string, change: ReferenceChange, isDefinedName: (name: string) => boolean): FormulaPart {
  switch (change.kind) {
    case 'deleteTable':
      if (p.t === 'struct' && same(p.table, change.table)) return REF;
      if (p.t === 'name' && same(p.name, change.table) && !isDefinedName(p.name)) return REF;
      return p;
    case 'deleteTableColumn': {
      if (p.t !== 'struct' || !same(p.table, change.table)) return p;
      const spec = parseStructuredSpec(p.spec);
      return spec?.columns.some((c) => same(c, change.column)) ? REF : p;
    }
    case 'renameTable':
      if (p.t === 'struct' && same(p.table, change.from)) return { ...p, table: change.to };
      if (p.t === 'name' && same(p.name, change.from) && !isDefinedName(p.name)) return { ...p, name: change.to };
      return p;
    case 'deleteSheet':
      if (p.t === 'ref' && same(p.ref.sheet, change.sheet)) return REF;
      return p;
    case 'shift': {
      if (p.t !== 'ref' || !same(p.ref.sheet ?? hostSheet, change.sheet)) return p;
      const ref = shiftRef(p.ref, change);
      if (ref === p.ref) return p;
      return ref ? { t: 'ref', ref } : REF;
    }
  }
}

/** The reference after a shift; null = it pointed only at deleted cells. */
function shiftRef(ref: A1Ref, change: Extract<ReferenceChange, { kind: 'shift' }>): A1Ref | null {
  const rows = change.axis === 'rows';
  if (rows ? ref.kind === 'columns' : ref.kind === 'rows') return ref;
  // Only references whose other-axis extent lies inside the moved band move with it.
  const [o1, o2] = rows ? [ref.c1, ref.c2] : [ref.r1, ref.r2];
  if (o1 < change.span[0] || o2 > change.span[1]) return ref;
  const [a, b] = rows ? [ref.r1, ref.r2] : [ref.c1, ref.c2];
  const { at, count } = change;
  let na: number, nb: number;
  if (count > 0) {
    na = a >= at ? a + count : a;
    nb = b >= at ? b + count : b;
  } else {
    const end = at - count; // first index after the deleted band
    na = a < at ? a : a >= end ? a + count : at;
    nb = b < at ? b : b >= end ? b + count : at - 1;
    if (nb < na) return null;
  }
  if (na === a && nb === b) return ref;
  return rows ? { ...ref, r1: na, r2: nb } : { ...ref, c1: na, c2: nb };
}

/**
 * A sheet-qualified address without "=" (chart series, pivot range sources) after the change;
 * '#REF!' when it broke.
 * @example adjustAddress('Data!$B$2:$B$9', { kind: 'deleteSheet', sheet: 'Data' }) // '#REF!'
 */
export function adjustAddress(address: string, change: ReferenceChange): string {
  if (address === '#REF!') return address;
  const out = adjustFormula(`=${address}`, '', change);
  return out.slice(1);
}
