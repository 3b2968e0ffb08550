/**
 * Worksheet onChanged delivery.
 *
 * Excel raises `worksheet.onChanged` after cells change, whoever changed them: a user typing or
 * picking from a dropdown, another co-author (source 'Remote'), or an add-in writing through the
 * API (source 'Local', triggerSource 'ThisLocalAddin' since ExcelApi 1.14). An add-in that writes
 * to a sheet it listens to therefore sees its own writes and must ignore them itself. Events come
 * asynchronously, after the batch that made the change has been processed; one event per write.
 */
import type { CellValue, XChangedEventDetail, XWorksheetChangedEventArgs } from '../../excel/api';
import { type Area, formatArea } from '../../engine/address/a1';
import type { SheetState } from './sheet';

export type ChangeTrigger = 'ThisLocalAddin' | 'Unknown';

export interface ChangeRecord {
  sheet: SheetState;
  area: Area;
  trigger: ChangeTrigger;
  before?: CellValue;
  after?: CellValue;
}

function valueType(v: CellValue | undefined): XChangedEventDetail['valueTypeAfter'] {
  if (v === undefined || v === '') return 'Empty';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Double';
  return /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/.test(v) ? 'Error' : 'String';
}

/** The event arguments Excel passes for one change. */
export function changedEventArgs(change: ChangeRecord): XWorksheetChangedEventArgs {
  const single = change.area.rows === 1 && change.area.columns === 1;
  return {
    type: 'WorksheetChanged',
    address: formatArea(change.area),
    worksheetId: change.sheet.id,
    changeType: 'RangeEdited',
    source: 'Local',
    triggerSource: change.trigger,
    details: single
      ? { valueBefore: change.before ?? '', valueAfter: change.after ?? '', valueTypeBefore: valueType(change.before), valueTypeAfter: valueType(change.after) }
      : undefined,
  };
}
