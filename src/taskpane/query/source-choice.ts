/**
 * The query builder's "choose a source": a dropdown choice (a workbook table, a web source kept
 * out of the sheet, a warehouse source) becomes the field list the builder shows, the row count,
 * and the rows previews compute on. Excel and web reads are the use-cases of
 * src/refresh/queries/source-fields.ts; this only tells the choices apart.
 */
import type { SourceRef } from '../../engine/spec';
import type { ExcelRun } from '../../excel/api';
import type { PivotDeckDocument } from '../../model';
import { readTableFields, readWebSourceFields, type PullSource, type ResolvedSource } from '../../refresh/queries';
import { NO_ROWS, sourceRefOfChoice, warehouseFieldList, warehouseIdOf } from '../warehouse/builder-source';
import { webIdOf } from './web-source-choice';

export type { ResolvedSource } from '../../refresh/queries';

/** What the builder needs to resolve a choice: Excel, the document as stored now, the web pull. */
export interface SourceChoiceContext {
  run: ExcelRun;
  read: () => Promise<PivotDeckDocument>;
  pull?: PullSource;
}

/**
 * The spec's source for a dropdown choice: a web source kept out of the sheet, a warehouse
 * source, else a workbook table.
 * @example sourceRefOfAnyChoice('web:orders') // { kind: 'source', id: 'orders' }
 */
export function sourceRefOfAnyChoice(choice: string): SourceRef {
  const id = webIdOf(choice);
  return id ? { kind: 'source', id } : sourceRefOfChoice(choice);
}

/**
 * Resolves a dropdown choice into fields, row count and preview rows. Rejects with a message a
 * user can act on (the source is gone, its fields are unknown, the table cannot be read).
 *
 * @example const { fields, totalRows, data } = await resolveSourceChoice({ run, read, pull }, 'Sales');
 */
export async function resolveSourceChoice(context: SourceChoiceContext, choice: string): Promise<ResolvedSource> {
  const warehouseId = warehouseIdOf(choice);
  if (warehouseId) {
    // No rows are read: the fields come from the source's saved types, previews run on the warehouse.
    const list = warehouseFieldList((await context.read()).sources, warehouseId);
    return { fields: list.fields, totalRows: list.totalRows, data: Promise.resolve(NO_ROWS) };
  }
  const webId = webIdOf(choice);
  if (webId) return readWebSourceFields(context, webId);
  return readTableFields(context.run, choice);
}
