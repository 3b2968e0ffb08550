import { ExtensionError, type PivotSnapshot } from '../../engine/pivot-extension';
import type { CellValue, ExcelRun } from '../api';
import { explainExcelError } from '../errors';
import { sourceRanges } from './source-ranges';

/** A pivot source's header and its first rows with their number formats. */
export interface SourceSample {
  headers: string[];
  rows: CellValue[][];
  formats: string[][];
}

/**
 * One sync: a pivot source's header and first `maxRows` data rows with their number formats, so
 * the pane can type its fields (number, date, text) and show sample values. The rows are the
 * data body's first row stretched down and intersected with the body, so a short source returns
 * only its own rows.
 *
 * @example const { headers, rows } = await readSourceSample(host.run, snapshot, 20);
 */
export async function readSourceSample(run: ExcelRun, snapshot: Pick<PivotSnapshot, 'name' | 'source'>, maxRows = 20): Promise<SourceSample> {
  const { type, text } = snapshot.source;
  return run(async (context) => {
    const { body, header } = sourceRanges(context, type, text);
    const first = body.getIntersectionOrNullObject(body.getRow(0).getResizedRange(Math.max(1, Math.floor(maxRows)) - 1, 0));
    header.load('values');
    first.load('values, numberFormat');
    try {
      await context.sync();
    } catch (error) {
      throw new ExtensionError('unsupported', explainExcelError(error, `read the source "${text}" of the PivotTable "${snapshot.name}"`));
    }
    return {
      headers: (header.values[0] ?? []).map((h) => String(h)),
      rows: first.isNullObject ? [] : first.values,
      formats: first.isNullObject ? [] : (first.numberFormat as string[][]).map((r) => r.map((f) => String(f || 'General'))),
    };
  });
}
