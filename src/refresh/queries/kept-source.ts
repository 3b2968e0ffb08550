import { isSourceError } from '../../connectors/errors';
import { pullSource } from '../../connectors/pull-source';
import type { PullOk, PullProgress, SourceDefinition } from '../../connectors/types';
import type { PivotDeckDocument } from '../../model';
import type { WebPullContext } from './web-source-data';

export type KeptSourceOutcome =
  | { status: 'checked'; rows: number; bytes: number }
  | { status: 'notModified' }
  | { status: 'needsCredential'; host: string; message: string }
  | { status: 'cancelled'; message: string }
  | { status: 'failed'; kind: string; message: string };

export interface KeptSourceOptions {
  signal?: AbortSignal;
  onProgress?: (progress: PullProgress & { phase: 'download' | 'parse' }) => void;
  /** The preview's pull, recorded without downloading again. */
  pulled?: PullOk;
  now?: () => Date;
}

/**
 * Refreshes a source kept out of the sheet: nothing is written to Excel; the pull is checked
 * (conditionally: a 304 downloads nothing) and the source's status, validators and columns are
 * recorded in the document, so the list shows it fresh or stale like a landed source. Queries
 * on it pull it when they run. Never throws for a failed pull: the outcome says why.
 *
 * @example const { document, outcome } = await refreshKeptSource(context, doc, 'big-feed');
 */
export async function refreshKeptSource(
  context: WebPullContext,
  doc: PivotDeckDocument,
  sourceId: string,
  options: KeptSourceOptions = {},
): Promise<{ document: PivotDeckDocument; outcome: KeptSourceOutcome }> {
  const def = doc.sources.find((s) => s.id === sourceId);
  if (!def) throw new Error(`There is no source "${sourceId}" in this workbook's PivotDeck data.`);
  const at = (options.now ?? (() => new Date()))().toISOString();
  const record = (next: SourceDefinition, outcome: KeptSourceOutcome) => ({
    document: { ...doc, sources: doc.sources.map((s) => (s.id === sourceId ? next : s)) },
    outcome,
  });
  const { lastError: _e, ...cleared } = def;
  try {
    let pull = options.pulled;
    if (!pull) {
      const last = def.lastPull;
      const result = await pullSource(def, {
        ...context, signal: options.signal, onProgress: options.onProgress,
        previous: last && (last.etag || last.lastModified) ? { etag: last.etag, lastModified: last.lastModified } : undefined,
      });
      if (result.status === 'notModified') {
        return record({ ...cleared, lastRefresh: { at, ok: true, message: 'Unchanged on the server; queries on it use the same data.' } }, { status: 'notModified' });
      }
      pull = result;
    }
    const lastPull: NonNullable<SourceDefinition['lastPull']> = {
      ...(pull.etag !== undefined ? { etag: pull.etag } : {}),
      ...(pull.lastModified !== undefined ? { lastModified: pull.lastModified } : {}),
      columns: pull.columns.map((c) => ({ name: c.name, type: c.type })), rows: pull.rowCount, bytes: pull.bytes,
    };
    const message = `${pull.rowCount.toLocaleString('en-US')} rows, kept out of the sheet; queries read them from the web.`;
    return record(
      { ...cleared, keepOutOfSheet: true, lastPull, lastRefresh: { at, ok: true, message } },
      { status: 'checked', rows: pull.rowCount, bytes: pull.bytes },
    );
  } catch (error) {
    if (isSourceError(error) && error.kind === 'cancelled') return record(def, { status: 'cancelled', message: 'Refresh cancelled. Nothing changed.' });
    if (options.signal?.aborted) return record(def, { status: 'cancelled', message: 'Refresh cancelled. Nothing changed.' });
    const message = error instanceof Error ? error.message : String(error);
    const failed = (lastError: NonNullable<SourceDefinition['lastError']>): SourceDefinition => ({ ...cleared, lastError, lastRefresh: { at, ok: false, message: message.slice(0, 2000) } });
    if (isSourceError(error) && error.kind === 'auth') {
      const host = error.details.host ?? def.credential?.origin ?? '';
      return record(failed({ kind: 'auth', host }), { status: 'needsCredential', host, message });
    }
    const kind = isSourceError(error) ? error.kind : 'other';
    return record(failed({ kind }), { status: 'failed', kind, message });
  }
}
