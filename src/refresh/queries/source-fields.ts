/**
 * The query builder's "choose a source" use-cases that read Excel or the web, outside React so
 * they are tested without a browser: the lists the source dropdown offers, a workbook table's or
 * a kept-out web source's fields and row count, and the rows previews compute on (read once per
 * choice, in the background). A warehouse choice reads nothing: its fields are saved in the
 * document (src/taskpane/warehouse/builder-source.ts).
 */
import type { ExcelRun } from '../../excel/api';
import { listTables } from '../../excel/list-tables';
import { readTablePreview } from '../../excel/read-table-preview';
import type { TableInfo } from '../../excel/workbook-info';
import type { SourceDefinition } from '../../connectors/types';
import type { OpenResult, PivotDeckDocument } from '../../model';
import { describeFields, type FieldInfo } from './field-info';
import { firstSourceRows, readSourceData, sourceRowCount, type PullSource, type SourceData } from './source-data';

/** A chosen source, resolved: its fields, row count and, for previews, all its rows. */
export interface ResolvedSource {
  fields: FieldInfo[];
  totalRows: number;
  /** All rows for previews (none for a warehouse: previews run there). */
  data: Promise<SourceData>;
}

/** What the builder's dropdown lists: the workbook's tables and the document as opened. */
export interface BuilderLists {
  tables: TableInfo[];
  opened: OpenResult;
}

/**
 * Reads the workbook's tables and opens the document, together.
 * @example const { tables, opened } = await loadBuilderLists(host.run, services.documents);
 */
export async function loadBuilderLists(run: ExcelRun, documents: { open(): Promise<OpenResult> }): Promise<BuilderLists> {
  const [tables, opened] = await Promise.all([listTables(run), documents.open()]);
  return { tables, opened };
}

/**
 * A workbook table's fields (from its first 20 rows and their formats) and row count; its rows
 * are read in the background for previews.
 * @example const { fields, totalRows, data } = await readTableFields(run, 'Sales');
 */
export async function readTableFields(run: ExcelRun, table: string): Promise<ResolvedSource> {
  const data = readSourceData(run, { kind: 'table', name: table });
  data.catch(() => undefined); // reported by the preview that awaits it
  const preview = await readTablePreview(run, table, 20);
  return { fields: describeFields(preview.headers, preview.rows, preview.numberFormats), totalRows: preview.totalRows, data };
}

/**
 * A web source kept out of the sheet: pulled once (its rows are the previews' rows), its fields
 * typed from the columns recorded at its last check. Rejects in words a user can act on.
 * @example const { fields } = await readWebSourceFields({ read, pull }, 'orders');
 */
export async function readWebSourceFields(context: { read: () => Promise<PivotDeckDocument>; pull?: PullSource }, sourceId: string): Promise<ResolvedSource> {
  const data = context.pull
    ? context.pull({ kind: 'source', id: sourceId }, {})
    : Promise.reject(new Error('This pane cannot read web sources.'));
  data.catch(() => undefined); // reported below and by the preview
  const [pulled, doc] = await Promise.all([data, context.read()]);
  const def = doc.sources.find((s) => s.id === sourceId);
  return { fields: webFieldList(pulled, def), totalRows: sourceRowCount(pulled), data };
}

/**
 * The field list of a pulled web source: values from its first rows, date columns shown as
 * dates (the type recorded when it was last checked, as Excel would show a landed date).
 *
 * @example webFieldList(data, def).find((f) => f.name === 'Day')?.type // 'date'
 */
export function webFieldList(data: SourceData, def: SourceDefinition | undefined): FieldInfo[] {
  const recorded = def?.lastPull?.columns ?? [];
  const formats = data.header.map((name) => (recorded.find((c) => c.name === name)?.type === 'date' ? 'yyyy-mm-dd' : 'General'));
  const first = firstSourceRows(data, 20);
  return describeFields(data.header.map(String), first, first.map(() => formats));
}
