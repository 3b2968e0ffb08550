import { describeSkipped, ExtensionError, type ExtensionMeasure, type ExtensionPlan, type PlanStage } from '../engine/pivot-extension';
import type { ExcelRun } from '../excel/api';
import { readPivot } from '../excel/pivot/read-pivot';
import { readPivotSource } from '../excel/pivot/read-pivot-source';
import type { ComputedAgainst } from '../model';
import { writeExtension, type Placement, type WriteResult } from '../excel/pivot/write-extension';
import { computeInThread, type ExtensionComputer } from './extension-computer';
import { computedAgainst } from './extensions/freshness';
import { sampleIndexes, stampOfSample } from './source-stamp';

/** What extending needs from its surroundings; built once in the composition root. */
export interface ExtendDeps {
  run: ExcelRun;
  /** `host.isSetSupported('ExcelApi', '1.15')`. */
  canReadDataSource: boolean;
  /** Where planExtension runs: a Web Worker in the pane; in-thread by default (tests, ribbon). */
  compute?: ExtensionComputer;
}

export type ExtendPhase = 'pivot' | 'source' | 'compute' | 'write';

export interface ExtendProgress {
  phase: ExtendPhase;
  /** While computing: the step planExtension is on. */
  step?: PlanStage;
  rowsRead?: number;
  totalRows?: number;
  bytes?: number;
}

export interface ExtendRequest {
  extensionId: string;
  pivotName: string;
  /** The pivot's worksheet; without it the workbook-level lookup may find a namesake on another sheet. */
  pivotSheet?: string;
  measures: readonly ExtensionMeasure[];
  placement: Placement;
}

export type ExtendOutcome =
  /** Reconciled and written. */
  | {
    status: 'written'; plan: ExtensionPlan; write: WriteResult; summary: string; notes: string[]; sourceSyncs: number; sourceBytes: number;
    /** What the numbers were computed against: the pivot as read and the source's stamp. */
    against: ComputedAgainst;
  }
  /** Excel's numbers disagree with the recomputation: nothing written. */
  | { status: 'disagrees'; plan: ExtensionPlan; message: string }
  /** Refused before or while computing (unsupported pivot, foreign cells, bad measure ...). */
  | { status: 'refused'; code: string; message: string }
  | { status: 'cancelled'; message: string };

/**
 * Extends a PivotTable end to end: read the pivot (1 sync), read its source in ≤ 5 MB syncs,
 * compute and reconcile (off the UI thread when `deps.compute` is a worker), then write the
 * block beside it (2 syncs) only if every checked number agrees with Excel.
 *
 * @example
 * const outcome = await extendPivot(deps, { extensionId: 'ext1', pivotName: 'SalesPivot',
 *   measures: [{ id: 'm1', label: 'Median of Revenue', kind: 'median', field: 'Revenue' }], placement: { kind: 'beside' } });
 */
export async function extendPivot(
  deps: ExtendDeps,
  request: ExtendRequest,
  options: { onProgress?: (p: ExtendProgress) => void; signal?: AbortSignal } = {},
): Promise<ExtendOutcome> {
  const { onProgress, signal } = options;
  try {
    onProgress?.({ phase: 'pivot' });
    const snapshot = await readPivot(deps.run, request.pivotName, { canReadDataSource: deps.canReadDataSource, sheet: request.pivotSheet });
    signal?.throwIfAborted();
    onProgress?.({ phase: 'source', rowsRead: 0 });
    const read = await readPivotSource(deps.run, snapshot, {
      signal,
      // The rows the source's stamp hashes, kept as read: the stamp costs no sync of its own.
      sample: sampleIndexes,
      onProgress: (p) => onProgress?.({ phase: 'source', rowsRead: p.rowsRead, totalRows: p.totalRows, bytes: p.bytes }),
    });
    signal?.throwIfAborted();
    onProgress?.({ phase: 'compute' });
    const plan = await (deps.compute ?? computeInThread)({ snapshot, source: read.source, measures: request.measures }, {
      signal,
      onStage: (step) => onProgress?.({ phase: 'compute', step }),
    });
    signal?.throwIfAborted();
    if (!plan.reconciliation.ok) return { status: 'disagrees', plan, message: disagreement(plan) };
    // What later checks compare against, from the rows just read (the same cells they sample);
    // `read.sample` is there because `sample` was asked for above.
    const stamp = stampOfSample(read.sample!);
    onProgress?.({ phase: 'write' });
    const write = await writeExtension(deps.run, snapshot, plan, { extensionId: request.extensionId, placement: request.placement });
    return {
      status: 'written', plan, write, against: computedAgainst(snapshot, stamp),
      summary: checkedSummary(plan),
      notes: [...plan.skipped.map(describeSkipped), ...plan.notes],
      sourceSyncs: read.syncs, sourceBytes: read.bytes,
    };
  } catch (error) {
    if (signal?.aborted) return { status: 'cancelled', message: 'Cancelled. Nothing was written.' };
    if (error instanceof ExtensionError) return { status: 'refused', code: error.code, message: error.message };
    return { status: 'refused', code: 'excel', message: error instanceof Error ? error.message : String(error) };
  }
}

/** "Checked against Excel: 12 rows, 2 value fields match." */
export function checkedSummary(plan: ExtensionPlan): string {
  const r = plan.reconciliation;
  return `Checked against Excel: ${r.checkedRows} row${r.checkedRows === 1 ? '' : 's'}, ${r.checkedFields.length} value field${r.checkedFields.length === 1 ? '' : 's'} match.`;
}

function disagreement(plan: ExtensionPlan): string {
  const r = plan.reconciliation;
  const rows = [...new Set(r.mismatches.map((m) => m.sheetRow))];
  return `Nothing was written: on ${rows.length} row${rows.length === 1 ? '' : 's'} (${rows.slice(0, 5).join(', ')}${rows.length > 5 ? ', …' : ''}) Excel shows numbers PivotDeck cannot reproduce. ${r.cause ?? ''}`.trim();
}
