import type { XClientResult, XRange, XRangeAreas } from '../api';

/**
 * What a dashboard write can read before it writes, so that a failure halfway puts the look of
 * the cells back too, not only their contents: per-cell fills, fonts and alignment through
 * Range.getCellProperties (ExcelApi 1.9) and merged areas through
 * Range.getMergedAreasOrNullObject (ExcelApi 1.13). Both are read in the sync the write already
 * makes, and only for the blocks it is about to change.
 */
export interface RestoreSupport {
  /** ExcelApi 1.9: Range.getCellProperties / setCellProperties. */
  cellFormats: boolean;
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject. */
  merges: boolean;
}

/**
 * Cells whose formats one write backs up. The read answers about 200 bytes per cell, so this
 * keeps it near 1 MB of Excel on the web's 5 MB per sync; a dashboard's blocks (cards, top-10
 * tables, chart data) are far smaller. Over it, formats are not backed up and the message says
 * they come back with the next refresh.
 */
export const MAX_FORMAT_BACKUP_CELLS = 5_000;

/** Everything applyFormats in write-dashboard-plan.ts may change on a cell. */
const CELL_FORMATS: Excel.CellPropertiesLoadOptions = {
  format: {
    fill: { color: true, pattern: true },
    font: { bold: true, italic: true, color: true, size: true, name: true },
    horizontalAlignment: true,
    verticalAlignment: true,
    wrapText: true,
  },
};

/**
 * What the running Office supports. Outside Office (tests, the workbench) both: the simulator
 * answers for its own requirement sets, refusing what a lower Excel lacks.
 * @example const support = defaultRestoreSupport(); // { cellFormats: true, merges: true } on Excel on the web
 */
export function defaultRestoreSupport(): RestoreSupport {
  type Requirements = { isSetSupported(set: string, version: string): boolean };
  const office = (globalThis as { Office?: { context?: { requirements?: Requirements } } }).Office;
  const requirements = office?.context?.requirements;
  if (!requirements) return { cellFormats: true, merges: true };
  return { cellFormats: requirements.isSetSupported('ExcelApi', '1.9'), merges: requirements.isSetSupported('ExcelApi', '1.13') };
}

/** The reads queued for one block, answered by the next sync. */
export interface FormatReads {
  formats?: XClientResult<Excel.CellProperties[][]>;
  merges?: XRangeAreas;
}

/**
 * Queues the reads of one block's formats and merges (nothing is sent until the caller syncs).
 * @example const reads = queueFormatReads(sheet.getRange('A1:C4'), { cellFormats: true, merges: true });
 */
export function queueFormatReads(range: XRange, support: { cellFormats: boolean; merges: boolean }): FormatReads {
  const out: FormatReads = {};
  if (support.cellFormats) out.formats = range.getCellProperties(CELL_FORMATS);
  if (support.merges) {
    // The areas one by one: a RangeAreas' own address has been seen to name only top-left cells.
    out.merges = range.getMergedAreasOrNullObject().load('areas/items/address');
  }
  return out;
}

/** A block's look as read before the write: undefined parts were not read. */
export interface FormatSnapshot {
  formats?: Excel.SettableCellProperties[][];
  /** Sheet-local addresses of the merged areas that start in the block, e.g. "A1:D1". */
  merges?: string[];
}

/**
 * The answers of queueFormatReads after the sync, as what restoreDashboard writes back: a fill
 * is its colour, or pattern "None" for a cell without one (reading "#FFFFFF" back as a colour
 * would paint the cell white).
 * @example snapshotOf(reads).merges // ['A1:D1']
 */
export function snapshotOf(reads: FormatReads): FormatSnapshot {
  const out: FormatSnapshot = {};
  if (reads.formats) {
    out.formats = reads.formats.value.map((row) => row.map((cell) => {
      const f = cell.format ?? {};
      const fill = f.fill?.pattern === 'None' || f.fill?.color === undefined ? { pattern: 'None' as const } : { color: f.fill.color };
      const font = f.font ? defined({ bold: f.font.bold, italic: f.font.italic, color: f.font.color, size: f.font.size, name: f.font.name }) : {};
      return {
        format: defined({
          fill,
          font: Object.keys(font).length ? font : undefined,
          horizontalAlignment: f.horizontalAlignment,
          verticalAlignment: f.verticalAlignment,
          wrapText: f.wrapText,
        }),
      };
    }));
  }
  if (reads.merges) {
    // "Sheet1!A1:D1" → "A1:D1": a cell address never holds "!", a sheet name may.
    out.merges = reads.merges.isNullObject ? [] : reads.merges.areas.items.map((r) => r.address.slice(r.address.lastIndexOf('!') + 1).replace(/\$/g, ''));
  }
  return out;
}

/** The object without its undefined (or null) properties: Excel reads a present key as "set this". */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
