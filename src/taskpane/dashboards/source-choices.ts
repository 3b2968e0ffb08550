import type { DashboardField, SourceRef } from '../../dashboards';
import type { ExcelRun } from '../../excel/api';
import type { TableInfo } from '../../excel/workbook-info';
import type { PivotDeckDocument } from '../../model';
import { tableFieldSample } from '../../refresh/dashboards';
import { describeFields } from '../query/field-info';
import { savedFields, savedRowCount } from '../../refresh/warehouse';

/** A source the "New dashboard" picker offers. */
export interface SourceChoice {
  key: string;
  label: string;
  /** "20,000 rows on the sheet Sales" or "From the web (CSV), loaded 27 Nov". */
  detail: string;
  ref: SourceRef;
  group: 'workbook' | 'web' | 'warehouse';
  /** Known without reading (a web source's last pull); tables are read when chosen. */
  fields?: DashboardField[];
  /** Why it cannot be used yet, in words that say what to do. */
  unavailable?: string;
}

const WEB_KIND: Record<string, string> = {
  csv: 'CSV', json: 'JSON', rest: 'web API', odata: 'OData feed', googleSheets: 'Google Sheets', parquet: 'Parquet', arrow: 'Arrow', warehouse: 'warehouse',
};

/**
 * The sources a dashboard can be built on: the workbook's tables, then web sources that are read
 * straight into queries (those loaded into a table are offered as that table), then warehouse
 * sources (computed on the warehouse).
 *
 * @example sourceChoices([{ name: 'Sales', sheet: 'Sales', rowCount: 20000, ... }], doc)[0].label // 'Sales'
 */
export function sourceChoices(tables: readonly TableInfo[], doc: PivotDeckDocument | undefined): SourceChoice[] {
  const out: SourceChoice[] = tables.map((t) => ({
    key: `table:${t.name}`,
    label: t.name,
    detail: `${t.rowCount.toLocaleString('en-US')} rows on the sheet ${t.sheet}`,
    ref: { kind: 'table', name: t.name },
    group: 'workbook',
  }));
  for (const s of doc?.sources ?? []) {
    if (s.kind === 'table' || s.kind === 'range' || s.output) continue;
    if (s.kind === 'warehouse') {
      // Its fields are the types saved at "Test connection": no rows are read to offer it.
      const fields = savedFields(s);
      const rows = savedRowCount(s);
      out.push({
        key: `source:${s.id}`,
        label: s.label,
        detail: rows !== undefined ? `${rows.toLocaleString('en-US')} rows on the warehouse, computed there` : 'On the warehouse, computed there',
        ref: { kind: 'source', id: s.id },
        group: 'warehouse',
        fields: fields.map((f) => ({ name: f.name, type: f.type, ...(f.type === 'date' ? { numberFormat: 'yyyy-mm-dd' } : {}) })),
        unavailable: fields.length > 0 ? undefined : 'Connect to the warehouse again and press “Test connection” so PivotDeck knows its fields.',
      });
      continue;
    }
    const columns = s.lastPull?.columns;
    out.push({
      key: `source:${s.id}`,
      label: s.label,
      detail: `From the web (${WEB_KIND[s.kind] ?? s.kind})`,
      ref: { kind: 'source', id: s.id },
      group: 'web',
      fields: columns?.map((c) => ({ name: c.name, type: c.type === 'boolean' ? 'logical' : c.type })),
      unavailable: columns && columns.length > 0 ? undefined : 'Load it once in “Data from the web” so PivotDeck knows its columns.',
    });
  }
  return out;
}

/**
 * The fields a chosen source offers to the dashboard's tiles: known without reading for web and
 * warehouse sources (their last check), read from the first 20 rows for a workbook table. Rejects
 * with a message saying what to do when they cannot be known.
 *
 * @example const fields = await fieldsOfChoice(host.run, choice);
 */
export async function fieldsOfChoice(run: ExcelRun, choice: SourceChoice): Promise<DashboardField[]> {
  if (choice.fields) return choice.fields;
  if (choice.ref.kind !== 'table') throw new Error(choice.unavailable ?? 'PivotDeck cannot read this source’s columns.');
  const preview = await tableFieldSample(run, choice.ref.name);
  return describeFields(preview.headers, preview.rows, preview.numberFormats);
}
