import { validateQuerySpec, type QuerySpec } from '../../engine';
import type { PivotDeckDocument } from '../../model';

type QueryDef = PivotDeckDocument['queries'][number];

/** A saved query with its spec checked by the engine's schema. */
export interface SavedQuery {
  def: QueryDef;
  /** The validated spec; absent when the stored one is not valid. */
  spec?: QuerySpec;
  /** Why the stored spec cannot be used (edited by hand, or from a newer PivotDeck). */
  problem?: string;
}

/**
 * The document's queries with their specs validated on load: a broken one is listed with its
 * problem (never dropped or rewritten), so the user can see and delete it.
 *
 * @example savedQueries(doc).filter((q) => q.problem).length // 0
 */
export function savedQueries(doc: PivotDeckDocument): SavedQuery[] {
  return doc.queries.map((def) => {
    const checked = validateQuerySpec(def.spec);
    return checked.ok ? { def, spec: checked.spec } : { def, problem: checked.error.message };
  });
}
