import type { PivotRef } from '../../excel/selected-pivot';

/**
 * The dropdown key of a PivotTable: sheet and name, since two sheets may each hold a
 * "PivotTable1". JSON keeps any character a sheet or pivot name may contain unambiguous.
 *
 * @example pivotKey({ sheet: 'Sheet4', name: 'PivotTable1' }); // '["Sheet4","PivotTable1"]'
 */
export function pivotKey(ref: PivotRef): string {
  return JSON.stringify([ref.sheet, ref.name]);
}

/**
 * Reverses {@link pivotKey}; undefined for a key it did not make.
 *
 * @example pivotFromKey('["Sheet4","PivotTable1"]'); // { sheet: 'Sheet4', name: 'PivotTable1' }
 */
export function pivotFromKey(key: string): PivotRef | undefined {
  try {
    const parsed: unknown = JSON.parse(key);
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { sheet: parsed[0], name: parsed[1] };
    }
  } catch {
    // not one of ours
  }
  return undefined;
}

/**
 * What the user reads: "PivotTable1 (Sheet4)".
 *
 * @example pivotLabel({ sheet: 'Sheet4', name: 'PivotTable1' }); // 'PivotTable1 (Sheet4)'
 */
export function pivotLabel(ref: PivotRef): string {
  return `${ref.name} (${ref.sheet})`;
}
