/**
 * Messages between the workbench page and the worker that runs the xlsx loader (xlsx-worker.ts).
 * Plain data only: they cross a structured clone.
 */
import type { WorkbookModel } from '../simulator/model';
import type { LoadNotice, XlsxLoadErrorCode } from '../simulator/xlsx';

/** Page → worker: the file's bytes (transferred, not copied) and its name. */
export interface LoadRequest {
  bytes: ArrayBuffer;
  fileName: string;
}

/** Worker → page. */
export type LoadReply =
  | { kind: 'progress'; step: string }
  | { kind: 'done'; model: WorkbookModel; notices: LoadNotice[] }
  /** `code` is set for an XlsxLoadError (the file's fault), absent for anything unexpected. */
  | { kind: 'failed'; code?: XlsxLoadErrorCode; message: string };
