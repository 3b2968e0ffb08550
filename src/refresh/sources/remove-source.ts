import { removeLandedTable } from '../../excel/land';
import type { PivotDeckDocument } from '../../model';
import type { SourceDeps } from './refresh-source';

/**
 * Removes a source from the document and, unless `keepTable`, the table it landed (exactly that
 * table, found by its tracking name). The user's credential stays in their store: other
 * workbooks may use the same host.
 *
 * @example const next = await removeSource(deps, doc, 'cars');
 */
export async function removeSource(deps: Pick<SourceDeps, 'run'>, doc: PivotDeckDocument, sourceId: string, options: { keepTable?: boolean } = {}): Promise<PivotDeckDocument> {
  if (!options.keepTable) await removeLandedTable(deps.run, sourceId);
  return { ...doc, sources: doc.sources.filter((s) => s.id !== sourceId) };
}
