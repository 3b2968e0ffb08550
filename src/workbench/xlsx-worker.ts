/**
 * Web Worker entry: runs `loadXlsx` off the page's thread, so a large workbook never freezes the
 * tab; the page shows the progress steps and can cancel by terminating the worker.
 */
import { loadXlsx, XlsxLoadError } from '../simulator/xlsx';
import type { LoadReply, LoadRequest } from './xlsx-worker-protocol';

const reply = (message: LoadReply): void => postMessage(message);

addEventListener('message', (event: MessageEvent<LoadRequest>) => {
  const { bytes, fileName } = event.data;
  loadXlsx(new Uint8Array(bytes), { fileName, onProgress: (step) => reply({ kind: 'progress', step }) })
    .then(({ model, notices }) => reply({ kind: 'done', model, notices }))
    .catch((e: unknown) => reply(e instanceof XlsxLoadError
      ? { kind: 'failed', code: e.code, message: e.message }
      : { kind: 'failed', message: e instanceof Error ? e.message : String(e) }));
});
