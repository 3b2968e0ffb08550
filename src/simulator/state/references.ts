/**
 * Formulas and the references they hold, workbook-wide: what the calculation reads (cells,
 * tables, names) and how every stored reference is rewritten when the structure changes.
 * WorkbookState's methods delegate here.
 */
import { adjustAddress, adjustFormula, type ReferenceChange } from '../calc/adjust-references';
import type { CalcHost } from '../calc/evaluate';
import type { TableState, WorkbookState } from './workbook';

export function calcHost(wb: WorkbookState): CalcHost {
  const shape = (t: TableState) => ({ sheet: t.sheet.name, area: t.area, showTotals: t.showTotals, columnNames: wb.tableColumnNames(t) });
  return {
    cell: (sheet, row, column) => wb.findSheet(sheet)?.value(row, column),
    table: (name) => {
      const t = wb.findTable(name);
      return t && t.name.toLowerCase() === name.toLowerCase() ? shape(t) : undefined;
    },
    tableAt: (sheet, row, column) => {
      const t = wb.tables.find((x) => x.sheet.name === sheet && row >= x.area.row && row < x.area.row + x.area.rows && column >= x.area.column && column < x.area.column + x.area.columns);
      return t && shape(t);
    },
    name: (name, sheet) => wb.findName(name, sheet)?.reference,
  };
}

/**
 * Rewrites every stored reference (cell formulas, defined names, chart series, pivot sources)
 * for a structural change, as Excel does; see calc/adjust-references.ts.
 */
export function adjustReferences(wb: WorkbookState, change: ReferenceChange): void {
  const isName = (n: string) => wb.names.some((x) => x.name.toLowerCase() === n.toLowerCase());
  for (const sheet of wb.sheets) {
    for (const r of sheet.fxRows) {
      const fx = sheet.rows.get(r)?.fx;
      if (!fx) continue;
      for (let c = 0; c < fx.length; c++) {
        const f = fx[c];
        if (f !== undefined) fx[c] = adjustFormula(f, sheet.name, change, isName);
      }
    }
    for (const chart of sheet.charts) {
      for (const s of chart.series) {
        if (s.nameRef) s.nameRef = adjustAddress(s.nameRef, change);
        if (s.valuesRef) s.valuesRef = adjustAddress(s.valuesRef, change);
        if (s.categoriesRef) s.categoriesRef = adjustAddress(s.categoriesRef, change);
      }
    }
  }
  for (const n of wb.names) n.reference = adjustFormula(n.reference, n.scope ?? '', change, isName);
  for (const p of wb.pivots) {
    const src = p.model.source;
    if (src.kind === 'table' && change.kind === 'deleteTable' && src.table.toLowerCase() === change.table.toLowerCase()) {
      p.model.source = { kind: 'invalid', was: src.table };
    } else if (src.kind === 'range') {
      const q = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(src.sheet) ? src.sheet : `'${src.sheet.replace(/'/g, "''")}'`;
      const next = adjustAddress(`${q}!${src.address}`, change);
      if (next === '#REF!' || next.includes('#REF!')) p.model.source = { kind: 'invalid', was: `${q}!${src.address}` };
      else p.model.source = { ...src, address: next.slice(next.lastIndexOf('!') + 1).replace(/\$/g, '') };
    }
  }
  wb.changed();
}
