/**
 * A warehouse source in the query builder: its choice value in the source dropdown, its fields as
 * the field list shows them (from the types saved at "Test connection"; no rows are read), and a
 * computer that runs previews on the warehouse instead of on rows in the pane.
 */
import type { SourceDefinition } from '../../model';
import type { SourceRef } from '../../engine/spec';
import type { QueryComputer, SourceData, WarehouseQueryRunner } from '../../refresh/queries';
import type { FieldInfo } from '../query/field-info';
import { savedFields, savedRowCount, type WarehouseField } from '../../refresh/warehouse';

const PREFIX = 'warehouse:';

/** The dropdown value of a warehouse source (Excel table names cannot contain ":"). */
export const warehouseChoice = (sourceId: string): string => `${PREFIX}${sourceId}`;

/**
 * The source id of a warehouse choice, or undefined for a workbook table.
 * @example warehouseIdOf('warehouse:wh_1') // 'wh_1'
 */
export function warehouseIdOf(choice: string | undefined): string | undefined {
  return choice?.startsWith(PREFIX) ? choice.slice(PREFIX.length) : undefined;
}

/**
 * The spec's source for a dropdown choice.
 * @example sourceRefOfChoice('Sales') // { kind: 'table', name: 'Sales' }
 */
export function sourceRefOfChoice(choice: string): SourceRef {
  const id = warehouseIdOf(choice);
  return id ? { kind: 'source', id } : { kind: 'table', name: choice };
}

/** The dropdown choice for a saved query's source, when the builder can edit it. */
export function choiceOfSourceRef(ref: SourceRef): string | undefined {
  if (ref.kind === 'table') return ref.name;
  if (ref.kind === 'source') return warehouseChoice(ref.id);
  return undefined;
}

/** A warehouse field as the field list shows it; dates keep a date format for measures. */
function fieldInfo(f: WarehouseField): FieldInfo {
  const numberFormat = f.type === 'date' ? (/DateTime/.test(f.serverType) ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd') : 'General';
  // No sample values: reading them would mean reading rows. The server's type says enough.
  return { name: f.name, type: f.type, numberFormat, samples: [], note: `${f.serverType} on the warehouse` };
}

/** The workbook's warehouse sources. */
export function warehouseSources(sources: readonly SourceDefinition[] | undefined): SourceDefinition[] {
  return (sources ?? []).filter((s) => s.kind === 'warehouse');
}

/**
 * The field list and row count of a warehouse choice, from what was saved at "Test connection".
 * @example const { fields, totalRows } = warehouseFieldList(doc.sources, 'wh_1');
 */
export function warehouseFieldList(sources: readonly SourceDefinition[], sourceId: string): { fields: FieldInfo[]; totalRows: number; label: string } {
  const def = sources.find((s) => s.id === sourceId);
  if (!def || def.kind !== 'warehouse') throw new Error('This warehouse source is no longer in the workbook. Choose another source.');
  const fields = savedFields(def);
  if (!fields.length) throw new Error(`PivotDeck does not know the fields of "${def.label}" yet. Connect to the warehouse again and press "Test connection".`);
  return { fields: fields.map(fieldInfo), totalRows: savedRowCount(def) ?? 0, label: def.label };
}

/** What a warehouse choice gives the preview as "source data": nothing (no rows are read). */
export const NO_ROWS: SourceData = { header: [], rows: [], syncs: 0, bytes: 0 };

/**
 * A QueryComputer for previews on a warehouse source: the spec goes to the warehouse (the rows
 * argument is ignored); Cancel aborts the request and the server query.
 * @example useLivePreview(spec, layout, sourceData, warehouseComputer(runner));
 */
export function warehouseComputer(runner: WarehouseQueryRunner): QueryComputer {
  return async (input, options) => {
    const run = await runner(input.spec, input.output, { signal: options?.signal });
    if (!run) throw new Error('This source is not a warehouse source.');
    return run.result;
  };
}
