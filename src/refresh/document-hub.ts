import type { ExcelRun } from '../excel/api';
import type { OpenResult, PivotDeckDocument } from '../model';

/** Where a coordinator reads and writes the workbook document. */
export interface DocumentStore {
  load(): Promise<PivotDeckDocument>;
  save(doc: PivotDeckDocument): Promise<void>;
}

// The document code (and zod behind it) loads on first use, so a composition root that builds
// coordinators costs the pane's initial bundle nothing.
const documentCode = () => import('../excel/workbook-document');

/**
 * The workbook's PivotDeck document in its settings. The store remembers how the document was
 * opened, so a newer or damaged document is never rewritten (saving it is refused).
 *
 * @example const coordinator = new RefreshCoordinator(deps, workbookDocumentStore(host.run));
 */
export function workbookDocumentStore(run: ExcelRun): DocumentStore {
  let opened: OpenResult | undefined;
  return {
    async load() {
      const { loadWorkbookDocument } = await documentCode();
      opened = await loadWorkbookDocument(run);
      return opened.document;
    },
    async save(doc) {
      const { saveWorkbookDocument } = await documentCode();
      await saveWorkbookDocument(run, opened ?? { readOnly: false }, doc);
    },
  };
}

/**
 * What every coordinator shares: load the document, save it and tell subscribers, so the pane's
 * lists show what a ribbon refresh (or another section) just saved.
 *
 * @example class MyCoordinator extends DocumentHub { ... }; coordinator.subscribe((doc) => render(doc));
 */
export class DocumentHub {
  private readonly listeners = new Set<(doc: PivotDeckDocument) => void>();

  constructor(protected readonly store: DocumentStore) {}

  /** The workbook's document as stored now. */
  load(): Promise<PivotDeckDocument> {
    return this.store.load();
  }

  /** Saves the document and tells subscribers. */
  async save(doc: PivotDeckDocument): Promise<void> {
    await this.store.save(doc);
    for (const listener of this.listeners) listener(doc);
  }

  /** Calls `listener` after every save; returns the unsubscribe function. */
  subscribe(listener: (doc: PivotDeckDocument) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }
}
