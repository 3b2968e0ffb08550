/**
 * Web Worker entry: computes extension plans off the pane's UI thread. Bundled by webpack 5 from
 * `new Worker(new URL('./extension.worker.ts', import.meta.url))` (see start-extension-worker.ts).
 */
import { answerPlanRequest, type PlanReply, type PlanRequest } from './extension-worker-protocol';

// tsconfig's lib is "dom"; a dedicated worker's global needs only these two members.
const scope = self as unknown as { onmessage: ((e: { data: PlanRequest }) => void) | null; postMessage(m: PlanReply): void };
scope.onmessage = (event) => answerPlanRequest(event.data, (reply) => scope.postMessage(reply));
