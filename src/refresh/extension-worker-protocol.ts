import { ExtensionError, planExtension, type ExtensionErrorCode, type ExtensionPlan, type PlanInput, type PlanStage } from '../engine/pivot-extension';

/** Pane → worker: compute one extension plan. */
export interface PlanRequest {
  type: 'plan';
  input: PlanInput;
}

/** Worker → pane. Plain data only: everything crosses postMessage by structured clone. */
export type PlanReply =
  | { type: 'stage'; stage: PlanStage }
  | { type: 'done'; plan: ExtensionPlan }
  | { type: 'failed'; name: string; code?: ExtensionErrorCode; message: string };

/**
 * The worker's side of the protocol, free of any Worker global so tests run it in-process:
 * computes the plan, reporting each stage, and turns a thrown error into a `failed` reply.
 *
 * @example
 * self.onmessage = (e) => answerPlanRequest(e.data, (reply) => self.postMessage(reply));
 */
export function answerPlanRequest(request: PlanRequest, post: (reply: PlanReply) => void): void {
  if (request?.type !== 'plan') {
    post({ type: 'failed', name: 'Error', message: 'PivotDeck worker: unknown request.' });
    return;
  }
  try {
    const plan = planExtension(request.input, { onStage: (stage) => post({ type: 'stage', stage }) });
    post({ type: 'done', plan });
  } catch (error) {
    if (error instanceof ExtensionError) post({ type: 'failed', name: error.name, code: error.code, message: error.message });
    else post({ type: 'failed', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * The pane's side: turns a `failed` reply back into the error planExtension threw, so callers
 * handle worker and in-thread computation the same way.
 *
 * @example if (reply.type === 'failed') throw replyError(reply);
 */
export function replyError(reply: Extract<PlanReply, { type: 'failed' }>): Error {
  if (reply.code) return new ExtensionError(reply.code, reply.message);
  const error = new Error(reply.message);
  error.name = reply.name;
  return error;
}
