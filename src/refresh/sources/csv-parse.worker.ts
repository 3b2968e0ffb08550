/**
 * Web Worker entry: parses CSV downloads off the pane's UI thread. Bundled by webpack 5 from
 * `new Worker(new URL('./csv-parse.worker.ts', import.meta.url))` (see start-csv-parse-worker.ts).
 */
import { answerCsvParseRequest } from './csv-parse-answer';
import type { CsvParseReply, CsvParseRequest } from './csv-parse-worker';

// tsconfig's lib is "dom"; a dedicated worker's global needs only these two members.
const scope = self as unknown as { onmessage: ((e: { data: CsvParseRequest }) => void) | null; postMessage(m: CsvParseReply, transfer: Transferable[]): void };
scope.onmessage = (event) => answerCsvParseRequest(event.data, (reply, transfer) => scope.postMessage(reply, transfer));
