/**
 * Refreshing a web source: pull (conditionally), land into its Excel table, record the outcome
 * in the document. Nothing here throws for a failed pull or write: the outcome says what
 * happened and the returned document marks the source fresh, stale (time + reason) or waiting
 * for the user's credential. The previously landed table is never touched by a failure
 * (src/excel/land does the all-or-nothing replace).
 */
import type { CredentialStore } from '../../connectors/credentials';
import { isSourceError } from '../../connectors/errors';
import { isWebSource, pullSource } from '../../connectors/pull-source';
import type { HttpPolicy, PullContext, PullOk, PullProgress, SourceDefinition } from '../../connectors/types';
import type { ExcelRun } from '../../excel/api';
import { explainExcelError } from '../../excel/errors';
import { isLanded, isLandingError, landingBlock, landingName, landTable, type ConfirmColumnRemoval, type LandProgress, type LandResult } from '../../excel/land';
import type { PivotDeckDocument } from '../../model';
import { hostOf, landingOf, lastPullOf, type LandingOptions, type LastError, type LastPull } from './source-state';

/** Everything a source refresh needs, injected by the composition root (or a test). */
export interface SourceDeps {
  run: ExcelRun;
  fetch: typeof fetch;
  credentials: CredentialStore;
  policy?: HttpPolicy;
  /** The pane's origin, named in CORS explanations. */
  origin?: string;
  now?: () => Date;
  sleep?: PullContext['sleep'];
  /** Parses CSV downloads off the pane thread (the pane's CSV worker); in-thread when absent. */
  parseCsv?: PullContext['parseCsv'];
  /**
   * Hands a source kept out of the sheet, saved from the preview's pull, to the queries' pulls
   * (webPullSource's memory): the first query on it then asks the server conditionally instead
   * of downloading and parsing it a second time.
   */
  rememberPull?: (def: SourceDefinition, pull: PullOk) => void;
}

export type SourceProgress = (PullProgress & { phase: 'download' | 'parse' }) | LandProgress;

export interface SourceRefreshOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SourceProgress) => void;
  /** An already pulled result (the preview's), landed without downloading again. */
  pulled?: PullOk;
  /**
   * The pane's question before the refresh removes table columns the new data lacks, with the
   * formulas and PivotTables found using them; false changes nothing ('cancelled'). Absent (the
   * ribbon's Refresh all, refresh on open), a refresh that would break something is not done:
   * 'failed' with kind 'columnsInUse' and words that say to refresh from the pane.
   */
  confirmColumnRemoval?: ConfirmColumnRemoval;
}

export type SourceOutcome =
  /** 304: nothing was downloaded and nothing written. */
  | { status: 'notModified' }
  | { status: 'landed'; land: LandResult; rows: number; bytes: number; pages: number; notes: string[] }
  | { status: 'needsCredential'; host: string; message: string }
  | { status: 'cancelled'; message: string }
  | { status: 'failed'; kind: string; message: string };

export interface SourceRefreshResult {
  document: PivotDeckDocument;
  outcome: SourceOutcome;
}

/**
 * Refreshes one source and returns the updated document. SourceCoordinator runs it (one refresh
 * of a source at a time, whoever asks, coalesced by source id) and records the result through the
 * document service.
 *
 * - Conditional: sends the stored ETag / Last-Modified (the source's `lastPull`; not secrets)
 *   while its table is still in the workbook; a 304 downloads and writes nothing.
 * - Credentials come from the per-user store; a user without one gets `needsCredential` for
 *   the host, which the pane turns into a prompt.
 * - Failures mark the source stale with the time and the plain-words reason; the table stays.
 *
 * @example
 *   const { document, outcome } = await refreshSource(deps, doc, 'cars', { onProgress: show });
 */
export async function refreshSource(deps: SourceDeps, doc: PivotDeckDocument, sourceId: string, options: SourceRefreshOptions = {}): Promise<SourceRefreshResult> {
  const def = doc.sources.find((s) => s.id === sourceId);
  if (!def) throw new Error(`There is no source "${sourceId}" in this workbook's PivotDeck data.`);
  const at = (deps.now ?? (() => new Date()))().toISOString();
  const record = (next: SourceDefinition, outcome: SourceOutcome): SourceRefreshResult => ({
    document: { ...doc, sources: doc.sources.map((s) => (s.id === sourceId ? next : s)) },
    outcome,
  });
  if (!isWebSource(def.kind)) {
    return record(failed(def, at, { kind: 'badDefinition' }, `"${def.kind}" sources are not pulled from the web.`), { status: 'failed', kind: 'badDefinition', message: `"${def.kind}" sources are not pulled from the web.` });
  }
  const landing: LandingOptions = landingOf(def) ?? defaultLanding(def);
  try {
    let pulled = options.pulled;
    if (!pulled) {
      const previous = lastPullOf(def);
      // Validators only while the table is there: a 304 must not leave a deleted table missing.
      const usable = previous && (previous.etag || previous.lastModified) && (await isLanded(deps.run, def.id)) ? previous : undefined;
      const result = await pullSource(def, {
        fetch: deps.fetch,
        credentials: deps.credentials,
        signal: options.signal,
        onProgress: options.onProgress,
        previous: usable && { etag: usable.etag, lastModified: usable.lastModified, columns: usable.columns?.map((c) => ({ ...c, blanks: 0 })) },
        policy: deps.policy,
        origin: deps.origin,
        sleep: deps.sleep,
        parseCsv: deps.parseCsv,
      });
      if (result.status === 'notModified') {
        const next: SourceDefinition = { ...withoutError(def), lastRefresh: { at, ok: true, message: 'Unchanged since the last refresh (the server said so); nothing was downloaded or rewritten.' } };
        return record(next, { status: 'notModified' });
      }
      pulled = result;
    }
    const block = landingBlock(pulled.table, pulled.columns);
    const land = await landTable(deps.run, block, { sourceId: def.id, tableName: landing.tableName, sheet: landing.sheet }, { signal: options.signal, onProgress: options.onProgress, confirmColumnRemoval: options.confirmColumnRemoval });
    const notes = [
      ...pulled.warnings.filter((w) => w.code !== 'schemaChanged').map((w) => w.message),
      ...(land.schemaChange ? [schemaNote(land.schemaChange)] : []),
    ];
    const summary = `Loaded ${land.rows.toLocaleString('en-US')} rows into table ${land.tableName} (${land.address}).${notes.length ? ` ${notes.join(' ')}` : ''}`;
    const pull: LastPull = {
      etag: pulled.etag,
      lastModified: pulled.lastModified,
      columns: pulled.columns.map((c) => ({ name: c.name, type: c.type })),
      rows: land.rows,
      bytes: pulled.bytes,
    };
    const next: SourceDefinition = {
      ...withoutError(def),
      landing: { tableName: land.tableName, sheet: land.sheet },
      lastPull: stripUndefined(pull),
      output: { name: landingName(def.id), sheet: land.sheet, address: land.address.slice(0, 64) },
      lastRefresh: { at, ok: true, message: summary.slice(0, 2000) },
    };
    return record(next, { status: 'landed', land, rows: land.rows, bytes: pulled.bytes, pages: pulled.pages, notes });
  } catch (error) {
    if (isSourceError(error)) {
      if (error.kind === 'cancelled') return record(def, { status: 'cancelled', message: 'Refresh cancelled. The table is unchanged.' });
      if (error.kind === 'auth') {
        const host = error.details.host ?? def.credential?.origin ?? hostOf(def.url);
        return record(failed(def, at, { kind: 'auth', host }, error.message), { status: 'needsCredential', host, message: error.message });
      }
      return record(failed(def, at, { kind: error.kind }, error.message), { status: 'failed', kind: error.kind, message: error.message });
    }
    if (isLandingError(error)) {
      if (error.kind === 'cancelled') return record(def, { status: 'cancelled', message: error.message });
      return record(failed(def, at, { kind: error.kind }, error.message), { status: 'failed', kind: error.kind, message: error.message });
    }
    if (options.signal?.aborted) return record(def, { status: 'cancelled', message: 'Refresh cancelled. The table is unchanged.' });
    const message = explainExcelError(error, `load "${def.label}" into Excel`);
    return record(failed(def, at, { kind: 'excel' }, message), { status: 'failed', kind: 'excel', message });
  }
}

/** A first landing goes onto a sheet named after the source, as a table of the same name. */
export function defaultLanding(def: Pick<SourceDefinition, 'label' | 'id'>): LandingOptions {
  const word = def.label.replace(/[^\p{L}\p{N}_]+/gu, '_').replace(/^_+|_+$/g, '') || def.id.replace(/[^A-Za-z0-9_]/g, '_');
  const tableName = /^[\p{L}_]/u.test(word) ? word : `T_${word}`;
  return { tableName: tableName.slice(0, 255), sheet: def.label.replace(/[\\/?*[\]:]/g, ' ').trim().slice(0, 31) || 'Data' };
}

function failed(def: SourceDefinition, at: string, error: LastError, message: string): SourceDefinition {
  return { ...def, lastError: stripUndefined(error), lastRefresh: { at, ok: false, message: message.slice(0, 2000) } };
}

/** The source without its last failure (a refresh that went well clears it). */
function withoutError(def: SourceDefinition): SourceDefinition {
  const { lastError: _dropped, ...rest } = def;
  return rest;
}

function schemaNote(change: { added: string[]; missing: string[] }): string {
  const parts: string[] = [];
  if (change.added.length) parts.push(`new column${change.added.length > 1 ? 's' : ''} ${change.added.join(', ')}`);
  if (change.missing.length) parts.push(`missing column${change.missing.length > 1 ? 's' : ''} ${change.missing.join(', ')}`);
  return `The columns changed: ${parts.join('; ')}. The data was loaded anyway; check formulas and queries that use them.`;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
