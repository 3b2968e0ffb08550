/**
 * The CSV worker's side (see csv-parse-worker.ts for the pane's): parse with the code the
 * in-thread pull runs, pack the typed columns and list their buffers for transfer.
 */
import { isSourceError } from '../../connectors/errors';
import { parseCsvBody, type CsvBody } from '../../connectors/parse/parse-csv-body';
import type { TypedColumns } from '../../connectors/parse/parse-delimited';
import { answerRequest } from '../worker-computer';
import type { CsvParseReply, CsvParseRequest, CsvParseResult, CsvParseStage } from './csv-parse-worker';
import { packTypedColumn, transferOf } from './csv-worker-columns';

/**
 * The worker's side, free of any Worker global so tests run it in-process: parses, packs the
 * columns and posts them with their buffers listed for transfer.
 * @example self.onmessage = (e) => answerCsvParseRequest(e.data, (reply, transfer) => self.postMessage(reply, transfer));
 */
export function answerCsvParseRequest(request: CsvParseRequest, post: (reply: CsvParseReply, transfer: Transferable[]) => void): void {
  answerRequest<CsvParseRequest, CsvParseResult, CsvParseStage, string>(
    'csv',
    request,
    (reply) => post(reply, reply.type === 'done' && reply.result.ok ? transferOf(reply.result.parsed.packed) : []),
    (r, onStage) => parseToPacked(r.body, onStage),
    () => undefined,
    'PivotDeck CSV reader: unknown request.',
  );
}

function parseToPacked(body: CsvBody, onStage: (stage: CsvParseStage) => void): CsvParseResult {
  let typed: TypedColumns;
  try {
    typed = parseCsvBody(body, { onRows: (rows) => onStage({ rows }), blanksAsNaN: true });
  } catch (error) {
    if (isSourceError(error)) return { ok: false, kind: error.kind, message: error.message, details: error.details };
    throw error;
  }
  const { columns, data, rowCount, warnings, delimiter, header } = typed;
  return { ok: true, parsed: { columns, packed: columns.map((c) => packTypedColumn(c, data[c.name]!)), rowCount, warnings, delimiter, header } };
}

