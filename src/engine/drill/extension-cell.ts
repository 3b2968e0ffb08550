import type { ExtensionMeasure, PivotSnapshot, SourceTable } from '../pivot-extension';
import type { Measure } from '../spec/measures';
import { DrillError, type ExcelRecompute } from './drill-spec';
import { excelRecompute } from './excel-recompute';
import { drillPivotCell } from './pivot-cell';

/** The rows behind one cell of an extension column PivotDeck wrote beside a pivot. */
export interface ExtensionDrill {
  sourceRows: Int32Array;
  words: string;
  measure: ExtensionMeasure;
  excel: ExcelRecompute;
}

/**
 * Show rows for an extension column: the cell's pivot row (item, subtotal or grand total) over
 * the rows the pivot counts. An extension computes each row across all of the pivot's columns,
 * so column fields act only through their hidden items, exactly as the extension itself reads
 * them (planExtension's filterSource over rows, columns and filters).
 * @example drillExtensionCell(snapshot, source, 3, { id: 'm', label: 'Median', kind: 'median', field: 'Revenue' }).words
 */
export function drillExtensionCell(snapshot: PivotSnapshot, source: SourceTable, bodyRow: number, measure: ExtensionMeasure): ExtensionDrill {
  const rowsOnly: PivotSnapshot = {
    ...snapshot,
    columns: [],
    filters: [...snapshot.columns, ...snapshot.filters],
    dataBody: { ...snapshot.dataBody, columns: snapshot.data.length },
  };
  const drill = drillPivotCell(rowsOnly, source, { row: snapshot.dataBody.row + bodyRow, column: snapshot.dataBody.column });
  return { sourceRows: drill.sourceRows, words: drill.words, measure, excel: recompute(measure) };
}

/** Excel's function for an extension measure (the same catalogue as query measures), or why none. */
function recompute(m: ExtensionMeasure): ExcelRecompute {
  const field = m.field ?? '';
  switch (m.kind) {
    case 'percentOfGrandTotal': case 'percentOfParentRow': case 'percentOfColumnTotal': case 'runningTotal':
    case 'rankInParent': case 'differenceFromPrevious': case 'percentDifferenceFromPrevious':
      return { kind: 'none', reason: `"${m.label}" compares this row with other rows of the pivot; the rows below are this row's own, to check its base value by hand.` };
    case 'formula':
      return excelRecompute({ id: m.id, kind: 'formula', formula: m.formula ?? '?' });
    case 'quartile':
      return excelRecompute({ id: m.id, kind: 'quartile', field, quartile: Math.round((m.p ?? 0.5) * 4) });
    case 'percentile':
      return excelRecompute({ id: m.id, kind: 'percentile', field, p: m.p ?? 0.5 });
    case 'weightedAverage': case 'ratioOfSums': case 'first': case 'last':
      return excelRecompute({ id: m.id, kind: m.kind, field, otherField: m.otherField ?? '' });
    default: {
      if (!m.field) throw new DrillError(`The measure "${m.label}" names no field.`);
      return excelRecompute({ id: m.id, kind: m.kind, field } as Measure);
    }
  }
}
