/**
 * Web Worker entry: computes queries off the pane's UI thread. Bundled by webpack 5 from
 * `new Worker(new URL('./query.worker.ts', import.meta.url))` (see start-query-worker.ts).
 */
import { answerQueryRequest, type QueryReply, type QueryRequest, type QueryWorkerMemory } from './query-worker-protocol';

// tsconfig's lib is "dom"; a dedicated worker's global needs only these two members.
const scope = self as unknown as { onmessage: ((e: { data: QueryRequest }) => void) | null; postMessage(m: QueryReply): void };
// The tables of the last request, for the next one over the same source read.
const memory: QueryWorkerMemory = new Map();
scope.onmessage = (event) => answerQueryRequest(event.data, (reply) => scope.postMessage(reply), memory);
