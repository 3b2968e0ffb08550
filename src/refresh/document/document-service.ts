/**
 * The one owner of the workbook document (DESIGN.md, "One owner for each piece of state"): the
 * only code that loads and saves it. Everyone else reads it with `read()`, hears about changes
 * with `subscribe()` and changes it with `update(reason, mutator)`.
 *
 * Updates run one at a time. Each one re-reads what is stored (another part of the pane, the
 * ribbon or a teammate's runtime may have saved since), applies a mutator that changes only its
 * own part, validates the result with the schema, saves it and tells subscribers. So a ribbon
 * "Refresh all" that pulled a web source for seconds records that source's new state into the
 * document as it is *now*, keeping the query the pane inserted meanwhile.
 *
 * A document opened read-only (saved by a newer PivotDeck, damaged, too deep or too large) is
 * never rewritten: `update` refuses with the message that says why.
 */
import { prettifyError } from 'zod';
import { openDocument, pivotDeckDocument, ReadOnlyDocumentError, saveDocument, type OpenResult, type PivotDeckDocument } from '../../model';
import { ObjectLocks } from './object-locks';

/** Where the document's text lives: the workbook's settings, or memory in tests. */
export interface DocumentStorage {
  /** Reads what is stored now; never throws for bad content (it opens read-only). */
  load(): Promise<OpenResult>;
  /** Stores validated document text. */
  save(text: string): Promise<void>;
}

/** What changed the document, for subscribers (and for reading a trace of saves in tests). */
export interface DocumentChange {
  reason: string;
  document: PivotDeckDocument;
}

/** A mutator returns the next document, or the same one (or undefined) to change nothing. */
export type DocumentMutator = (current: PivotDeckDocument) => PivotDeckDocument | undefined;

/**
 * @example
 * const documents = new DocumentService(workbookDocumentStorage(host.run));
 * await documents.update('rename query q_1', (doc) => ({ ...doc, queries: doc.queries.map(...) }));
 */
export class DocumentService {
  private readonly listeners = new Set<(change: DocumentChange) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private last: OpenResult | undefined;
  /** Per-object locks for work whose sheet writes must agree with the document. */
  readonly locks = new ObjectLocks();

  constructor(private readonly storage: DocumentStorage) {}

  /** The document as stored now. */
  async read(): Promise<PivotDeckDocument> {
    return (await this.open()).document;
  }

  /** What is stored now with how it opened (read-only and why, migrated from an older version). */
  async open(): Promise<OpenResult> {
    const opened = await this.storage.load();
    this.last = opened;
    return opened;
  }

  /** How the document last opened, without reading it again (undefined before the first read). */
  lastOpened(): OpenResult | undefined {
    return this.last;
  }

  /** Calls `listener` after every saved update; returns unsubscribe. */
  subscribe(listener: (change: DocumentChange) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  /**
   * Re-reads the stored document, applies `mutator`, validates, saves, notifies; one update at a
   * time. Resolves with the saved document (or the stored one when the mutator changed nothing).
   * Rejects with ReadOnlyDocumentError for a read-only document, with a plain-words error when
   * the result is not valid or too large, and with the storage's error when saving fails; in
   * every such case nothing was saved.
   */
  update(reason: string, mutator: DocumentMutator): Promise<PivotDeckDocument> {
    const job = this.queue.then(async () => {
      const opened = await this.open();
      if (opened.readOnly) throw new ReadOnlyDocumentError(opened.message);
      const next = mutator(opened.document) ?? opened.document;
      // An older document is saved in the current shape by the first update after opening it.
      const migrating = opened.status === 'ok' && opened.migratedFrom !== undefined;
      if (next === opened.document && !migrating) return opened.document;
      const checked = pivotDeckDocument.safeParse(next);
      if (!checked.success) {
        throw new Error(`PivotDeck could not save this change (${reason}) because the result is not valid:\n${prettifyError(checked.error)}`);
      }
      const text = saveDocument(next);
      try {
        await this.storage.save(text);
      } catch (error) {
        // A save can fail after Excel stored it (the answer to the sync was lost): what is
        // stored decides. Callers roll back sheet writes only when the change is really not there.
        const after = await this.open().catch(() => undefined);
        if (!after || after.readOnly || JSON.stringify(after.document) !== text) throw error;
      }
      this.last = { status: 'ok', document: next, readOnly: false };
      const change = { reason, document: next };
      for (const listener of this.listeners) {
        try {
          listener(change);
        } catch {
          // A subscriber's failure (a panel that went away) must not fail the saved update.
        }
      }
      return next;
    });
    this.queue = job.catch(() => undefined);
    return job;
  }

  /**
   * Runs `work` holding the lock of one object (see lockKey): sheet writes and the update that
   * records them happen without another writer of the same object in between.
   * @example await documents.exclusive(lockKey.query('q_1'), async () => { write(); await documents.update(...); });
   */
  exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.locks.exclusive(key, work);
  }
}

/**
 * A storage in memory (tests, tools): holds the stored text like the workbook's settings do.
 * @example const documents = new DocumentService(memoryDocumentStorage(doc));
 */
export function memoryDocumentStorage(initial?: PivotDeckDocument | string): DocumentStorage & { text(): string | undefined; saves(): number } {
  let text = typeof initial === 'string' ? initial : initial ? JSON.stringify(initial) : undefined;
  let saves = 0;
  return {
    load: async () => openDocument(text),
    save: async (next) => { text = next; saves++; },
    text: () => text,
    saves: () => saves,
  };
}
