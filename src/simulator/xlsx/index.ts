/**
 * Opens real .xlsx / .xlsm files as a simulator WorkbookModel: cells with cached values, number
 * formats and formulas, merged ranges, defined names, tables, and PivotTables with the cells Excel
 * rendered. Macros, charts, slicers and other parts the simulator does not model are listed in
 * `model.ignored` and in the notices. Hostile files fail with an XlsxLoadError, never a hang.
 */
import type { WorkbookModel } from '../model';
import { XlsxLoadError } from './errors';
import { Package, type LoadNotice } from './parts';
import { readWorkbook } from './workbook';
import { openZip } from './zip';

export { XlsxLoadError } from './errors';
export type { XlsxLoadErrorCode } from './errors';
export type { LoadNotice } from './parts';

export interface LoadResult {
  model: WorkbookModel;
  notices: LoadNotice[];
}

export interface LoadOptions {
  /** Becomes the model's name (e.g. the dropped file's name). */
  fileName?: string;
  /** Refuse files whose parts inflate beyond this many bytes in total. Default 200 MB. */
  maxUncompressedBytes?: number;
  /** Refuse workbooks with more cells than this (stored or declared by a sheet's dimension). Default 5,000,000. */
  maxCells?: number;
  /** Told what is being read ("Reading sheet 2 of 5 (Sales)"), for a status line. */
  onProgress?: (step: string) => void;
}

export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 200_000_000;
export const DEFAULT_MAX_CELLS = 5_000_000;

/**
 * Loads an .xlsx or .xlsm file into the simulator's plain data model.
 *
 * @example
 * const { model, notices } = await loadXlsx(new Uint8Array(await file.arrayBuffer()), { fileName: file.name });
 * const simulator = createSimulator(model);
 */
export async function loadXlsx(bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadResult> {
  const maxBytes = options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  try {
    options.onProgress?.('Unzipping');
    const pkg = new Package(openZip(bytes, maxBytes));
    const model = readWorkbook(pkg, { fileName: options.fileName, maxCells, onProgress: options.onProgress });
    return { model, notices: pkg.notices };
  } catch (e) {
    if (e instanceof XlsxLoadError) throw e;
    // Anything else is a shape we did not expect in some part: still the file's fault, not a crash.
    throw new XlsxLoadError('Malformed', `The workbook could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}
