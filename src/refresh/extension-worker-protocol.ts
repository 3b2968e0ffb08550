import { ExtensionError, planExtension, type ExtensionErrorCode, type ExtensionPlan, type PlanInput, type PlanStage, type XlValue } from '../engine/pivot-extension';
import { answerRequest, type WorkerFailure, type WorkerReply } from './worker-computer';
import { copyForTransfer, packColumns, unpackColumns, type PackedColumns } from './worker-columns';

/**
 * Pane → worker: compute one extension plan. The source's cells travel as packed columns whose
 * buffers are transferred; the rest of the input is small and cloned.
 */
export interface PlanRequest {
  type: 'plan';
  snapshot: PlanInput['snapshot'];
  measures: PlanInput['measures'];
  source: Omit<PlanInput['source'], 'columns'> & { packed: PackedColumns };
}

/** Worker → pane. */
export type PlanReply = WorkerReply<ExtensionPlan, PlanStage, ExtensionErrorCode>;

/**
 * The pane's side: packs the source's columns (in slices, yielding to the pane) into a request
 * and the buffers to transfer with it (a fresh worker per plan: nothing is held).
 * @example const { request, transfer } = await encodePlanRequest(input); worker.postMessage(request, transfer);
 */
export async function encodePlanRequest(input: PlanInput, signal?: AbortSignal): Promise<{ request: PlanRequest; transfer: Transferable[] }> {
  const { columns, ...rest } = input.source;
  const packed = await packColumns(columns, input.source.rowCount, { signal });
  // Packed for this run only: the buffers can move without a copy.
  const { packed: moving, transfer } = await copyForTransfer(packed, { signal, copy: false });
  return { request: { type: 'plan', snapshot: input.snapshot, measures: input.measures, source: { ...rest, packed: moving } }, transfer };
}

/**
 * The worker's side, free of any Worker global so tests run it in-process: unpacks the columns,
 * computes the plan, reporting each stage, and turns a thrown error into a `failed` reply.
 *
 * @example
 * self.onmessage = (e) => answerPlanRequest(e.data, (reply) => self.postMessage(reply));
 */
export function answerPlanRequest(request: PlanRequest, post: (reply: PlanReply) => void): void {
  answerRequest('plan', request, post, (r, onStage) => {
    const { packed, ...rest } = r.source;
    const source = { ...rest, columns: unpackColumns(packed) as XlValue[][] };
    return planExtension({ snapshot: r.snapshot, measures: r.measures, source }, { onStage });
  }, (error) => (error instanceof ExtensionError ? error.code : undefined), 'PivotDeck worker: unknown request.');
}

/**
 * The pane's side: turns a `failed` reply back into the error planExtension threw, so callers
 * handle worker and in-thread computation the same way.
 *
 * @example if (reply.type === 'failed') throw replyError(reply);
 */
export function replyError(reply: WorkerFailure<ExtensionErrorCode>): Error {
  if (reply.code) return new ExtensionError(reply.code, reply.message);
  const error = new Error(reply.message);
  error.name = reply.name;
  return error;
}
