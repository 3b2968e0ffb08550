/**
 * The pane's Excel reads for "Extend a PivotTable", as use-cases (the pane sees src/excel as
 * types only): list the pivots, describe one, find the selected one, and settle which sheet's
 * pivot a migrated extension belongs to.
 */
import { listPivots } from '../../excel/list-pivots';
import { describePivot, type PivotDescription } from '../../excel/pivot/describe-pivot';
import { getSelectedPivot, type PivotRef } from '../../excel/selected-pivot';
import type { PivotInfo } from '../../excel/workbook-info';
import type { PivotDeckDocument } from '../../model';
import type { ExtendDeps } from '../extend-pivot';
import type { ExtensionCoordinator } from '../extension-coordinator';

/**
 * Every PivotTable of the workbook, with its sheet (names are unique per sheet only).
 * @example const pivots = await listExtendablePivots(services.extensions.deps);
 */
export function listExtendablePivots(deps: Pick<ExtendDeps, 'run' | 'canReadDataSource'>): Promise<PivotInfo[]> {
  return listPivots(deps.run, { canReadDataSource: deps.canReadDataSource });
}

/**
 * A pivot's fields, its source's columns and any reason it cannot be extended.
 * @example const { problems } = await describeExtendablePivot(deps, { sheet: 'Pivot', name: 'SalesPivot' });
 */
export function describeExtendablePivot(deps: Pick<ExtendDeps, 'run' | 'canReadDataSource'>, ref: PivotRef): Promise<PivotDescription> {
  return describePivot(deps.run, ref.name, { canReadDataSource: deps.canReadDataSource, sheet: ref.sheet });
}

/**
 * The PivotTable holding the active cell, or undefined.
 * @example const ref = await selectedPivot(deps); // { sheet: 'Sheet4', name: 'PivotTable1' }
 */
export function selectedPivot(deps: Pick<ExtendDeps, 'run'>): Promise<PivotRef | undefined> {
  return getSelectedPivot(deps.run);
}

/** An extension whose pivot name is held by a PivotTable on more than one sheet: the user picks. */
export interface PivotQuestion {
  extensionId: string;
  pivotName: string;
  /** The sheets holding a PivotTable of that name, in workbook order. */
  sheets: string[];
  /** What the extension adds, so the user recognises it ("Median of Revenue, …"). */
  measures: string;
}

/**
 * For extensions saved without their pivot's sheet (documents older than version 4 that the
 * migration could not settle): the ones only one sheet can mean, and the ones to ask about.
 *
 * @example pivotSheetsToSettle(doc, pivots); // { settled: [{ extensionId: 'e1', sheet: 'Sheet4' }], ask: [] }
 */
export function pivotSheetsToSettle(doc: PivotDeckDocument, pivots: readonly PivotRef[]): { settled: Array<{ extensionId: string; sheet: string }>; ask: PivotQuestion[] } {
  const settled: Array<{ extensionId: string; sheet: string }> = [];
  const ask: PivotQuestion[] = [];
  for (const ext of doc.extensions) {
    if (ext.pivotSheet !== undefined) continue;
    // Excel compares PivotTable names without regard to case.
    const sheets = [...new Set(pivots.filter((p) => p.name.toLowerCase() === ext.pivotName.toLowerCase()).map((p) => p.sheet))];
    if (sheets.length === 1) settled.push({ extensionId: ext.id, sheet: sheets[0]! });
    else if (sheets.length > 1) ask.push({ extensionId: ext.id, pivotName: ext.pivotName, sheets, measures: ext.measures.map((m) => m.label).join(', ') });
  }
  return { settled, ask };
}

/**
 * Saves the sheet of every extension only one sheet can mean and returns the questions left for
 * the user; each answer is saved with `coordinator.setPivotSheet`, so it is asked once.
 *
 * @example const questions = await settlePivotSheets(services.extensions, pivots);
 */
export async function settlePivotSheets(coordinator: ExtensionCoordinator, pivots: readonly PivotRef[]): Promise<PivotQuestion[]> {
  const { settled, ask } = pivotSheetsToSettle(await coordinator.documents.read(), pivots);
  for (const s of settled) await coordinator.setPivotSheet(s.extensionId, s.sheet);
  return ask;
}
