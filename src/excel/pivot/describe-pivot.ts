import { detectUnsupported, ExtensionError, type PivotSnapshot } from '../../engine/pivot-extension';
import type { ExcelRun } from '../api';
import { readPivot } from './read-pivot';
import { readSourceShape } from './read-pivot-source';

export interface PivotDescription {
  snapshot: PivotSnapshot;
  /** Source column captions (for field pickers); empty when the source cannot be read. */
  sourceFields: string[];
  /** Why the pivot cannot be extended, explained; empty when it can. */
  problems: string[];
}

/**
 * What the pane shows after a pivot is picked: its fields, its source's columns, and any reason
 * it cannot be extended, found before a single source row is read (2 syncs).
 *
 * @example const { snapshot, sourceFields, problems } = await describePivot(host.run, 'SalesPivot', { canReadDataSource: true });
 */
export async function describePivot(run: ExcelRun, pivotName: string, options: { canReadDataSource: boolean; sheet?: string }): Promise<PivotDescription> {
  const snapshot = await readPivot(run, pivotName, options);
  const early = detectUnsupported(snapshot);
  if (early.length > 0) return { snapshot, sourceFields: [], problems: early };
  try {
    const shape = await readSourceShape(run, snapshot);
    return { snapshot, sourceFields: shape.headers.filter((h) => h !== ''), problems: detectUnsupported(snapshot, shape.headers) };
  } catch (error) {
    if (error instanceof ExtensionError) return { snapshot, sourceFields: [], problems: [error.message] };
    throw error;
  }
}
