import type { CellValue, ExcelRun, XRange } from '../api';
import { localAddress, parseBlock } from '../a1';

export interface DashboardStateRequest {
  sheet: string;
  /** Prefix of the defined names this dashboard owns ("PivotDeck_dash_d1_"). */
  prefix: string;
  /** The header tile's defined name and where each parameter cell sits ("C2"). */
  header?: { name: string; parameterCells: Record<string, string> };
  /** KPI target cells by tile id: "Targets!B2" or "B2" (on the dashboard sheet). */
  targets?: Record<string, string>;
}

export interface DashboardState {
  sheetExists: boolean;
  /**
   * The sheet PivotDeck's names point at when it differs from the one asked for (the user
   * renamed the dashboard sheet): the refresh follows it.
   */
  renamedTo?: string;
  /** Names this dashboard owns now → their sheet-local addresses ("A1:O3"). */
  names: Map<string, string>;
  /** Parameter values as the cells hold them (absent when the header is not written yet). */
  parameterValues: Record<string, CellValue>;
  /** Target values by tile id; null when the cell or its sheet is missing. */
  targets: Record<string, CellValue | null>;
  syncs: number;
}

function splitTarget(ref: string, sheet: string): { sheet: string; cell: string } {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return { sheet, cell: ref };
  return { sheet: ref.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'"), cell: ref.slice(bang + 1) };
}

/**
 * Reads what a refresh needs before computing, in one sync: whether the sheet exists, the names
 * the dashboard owns (with addresses), its parameter cells and its KPI target cells. If a target
 * names a missing sheet, a second sync reads the rest without targets.
 *
 * @example const state = await readDashboardState(host.run, { sheet: 'Dashboard', prefix: 'PivotDeck_dash_d1_' });
 */
export async function readDashboardState(run: ExcelRun, request: DashboardStateRequest): Promise<DashboardState> {
  const attempt = (withTargets: boolean) => run(async (context) => {
    const wb = context.workbook;
    const sheet = wb.worksheets.getItemOrNullObject(request.sheet).load('name');
    const names = wb.names.load('items/name, items/value, items/type');
    const header = request.header ? wb.names.getItemOrNullObject(request.header.name) : undefined;
    const headerRange = header?.getRangeOrNullObject().load('values, address');
    const targets = new Map<string, XRange>();
    if (withTargets) {
      for (const [tileId, ref] of Object.entries(request.targets ?? {})) {
        const t = splitTarget(ref, request.sheet);
        targets.set(tileId, wb.worksheets.getItem(t.sheet).getRange(t.cell).load('values'));
      }
    }
    await context.sync();
    const owned = new Map<string, string>();
    let namedSheet: string | undefined;
    for (const n of names.items) {
      if (!n.name.startsWith(request.prefix) || typeof n.value !== 'string') continue;
      const ref = n.value.replace(/^=/, '');
      owned.set(n.name, localAddress(ref).replace(/\$/g, ''));
      const bang = ref.lastIndexOf('!');
      if (bang > 0) namedSheet ??= ref.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
    }
    const parameterValues: Record<string, CellValue> = {};
    if (request.header && headerRange && !headerRange.isNullObject) {
      const top = parseBlock(headerRange.address);
      for (const [id, address] of Object.entries(request.header.parameterCells)) {
        const at = parseBlock(address);
        if (!top || !at) continue;
        const v = headerRange.values[at.row - top.row]?.[at.column - top.column];
        if (v !== undefined) parameterValues[id] = v;
      }
    }
    const targetValues: Record<string, CellValue | null> = {};
    for (const tileId of Object.keys(request.targets ?? {})) targetValues[tileId] = targets.get(tileId)?.values[0]?.[0] ?? null;
    const renamedTo = sheet.isNullObject && namedSheet && namedSheet.toLowerCase() !== request.sheet.toLowerCase() ? namedSheet : undefined;
    return { sheetExists: !sheet.isNullObject || renamedTo !== undefined, ...(renamedTo ? { renamedTo } : {}), names: owned, parameterValues, targets: targetValues };
  });
  try {
    return { ...(await attempt(true)), syncs: 1 };
  } catch (error) {
    if (!Object.keys(request.targets ?? {}).length) throw error;
    // A target cell's sheet is gone or its address is bad: read the rest; those KPIs show no target.
    return { ...(await attempt(false)), syncs: 2 };
  }
}
