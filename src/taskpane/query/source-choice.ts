/**
 * The query builder's "choose a source" use-case, outside React so it is tested without a
 * browser: a dropdown choice (a workbook table, a web source kept out of the sheet, a warehouse
 * source) becomes the field list the builder shows, the row count, and the rows previews compute
 * on (read once per choice, in the background).
 */
import type { SourceRef } from '../../engine/spec';
import type { ExcelRun } from '../../excel/api';
import { readTablePreview } from '../../excel/read-table-preview';
import type { PivotDeckDocument } from '../../model';
import { readSourceData, type PullSource, type SourceData } from '../../refresh/queries';
import { NO_ROWS, sourceRefOfChoice, warehouseFieldList, warehouseIdOf } from '../warehouse/builder-source';
import { describeFields, type FieldInfo } from './field-info';
import { webFieldList, webIdOf } from './web-source-choice';

/** What the builder needs to resolve a choice: Excel, the document as stored now, the web pull. */
export interface SourceChoiceContext {
  run: ExcelRun;
  read: () => Promise<PivotDeckDocument>;
  pull?: PullSource;
}

export interface ResolvedSource {
  fields: FieldInfo[];
  totalRows: number;
  /** All rows for previews (none for a warehouse: previews run there). */
  data: Promise<SourceData>;
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
  if (webId) {
    const data = context.pull
      ? context.pull({ kind: 'source', id: webId }, {})
      : Promise.reject(new Error('This pane cannot read web sources.'));
    data.catch(() => undefined); // reported below and by the preview
    const [pulled, doc] = await Promise.all([data, context.read()]);
    const def = doc.sources.find((s) => s.id === webId);
    return { fields: webFieldList(pulled, def), totalRows: pulled.rows.length, data };
  }
  const data = readSourceData(context.run, { kind: 'table', name: choice });
  data.catch(() => undefined); // reported by the preview that awaits it
  const preview = await readTablePreview(context.run, choice, 20);
  return { fields: describeFields(preview.headers, preview.rows, preview.numberFormats), totalRows: preview.totalRows, data };
}
