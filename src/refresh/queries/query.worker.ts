/**
 * Web Worker entry: computes queries, and the rows behind a query's number (Show rows), off the
 * pane's UI thread. Bundled by webpack 5 from
 * `new Worker(new URL('./query.worker.ts', import.meta.url))` (see start-query-worker.ts).
 */
import {
  answerDrillRequest, answerQueryRequest, type DrillReply, type DrillRequest, type QueryReply, type QueryRequest, type QueryWorkerMemory,
} from './query-worker-protocol';

// tsconfig's lib is "dom"; a dedicated worker's global needs only these two members.
const scope = self as unknown as { onmessage: ((e: { data: QueryRequest | DrillRequest }) => void) | null; postMessage(m: QueryReply | DrillReply): void };
// The tables of the last query request, for the next one over the same source read.
const memory: QueryWorkerMemory = new Map();
scope.onmessage = (event) => {
  const post = (reply: QueryReply | DrillReply) => scope.postMessage(reply);
  if (event.data?.type === 'drill') answerDrillRequest(event.data, post);
  else answerQueryRequest(event.data as QueryRequest, post, memory);
};
