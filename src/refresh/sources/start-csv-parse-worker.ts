import type { CsvParser } from '../../connectors/types';
import { csvWorkerParser, type CsvParseWorkerLike } from './csv-parse-worker';

/**
 * Starts a CSV worker (webpack 5 bundles it as its own chunk, loaded on demand).
 * @example const worker = startCsvParseWorker();
 */
export function startCsvParseWorker(): CsvParseWorkerLike {
  return new Worker(new URL('./csv-parse.worker.ts', import.meta.url), { name: 'pivotdeck-csv' }) as unknown as CsvParseWorkerLike;
}

/**
 * The CSV parser the pane uses: a Web Worker where the browser has them; undefined elsewhere, so
 * the connector parses in-thread.
 * @example const http = { fetch, credentials, parseCsv: browserCsvParser() };
 */
export function browserCsvParser(): CsvParser | undefined {
  return typeof Worker === 'undefined' ? undefined : csvWorkerParser(startCsvParseWorker);
}
