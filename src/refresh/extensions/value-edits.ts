/**
 * The Fields pane's edits of an extension's measure list (issue 16 parts 2 and 3), as pure
 * functions beside edit-measures.ts: Value Field Settings replaces one measure (summarize by,
 * show values as, number format, name) keeping its place and id; unchecking a field removes
 * every measure of that field at once. Each returns the new list or a refusal in plain words.
 */
import { SHOW_AS_KINDS, type ExtensionMeasure } from '../../engine/pivot-extension';

export type ValueEdit =
  | { kind: 'replace'; id: string; measure: ExtensionMeasure }
  | { kind: 'removeMany'; ids: readonly string[] };

export type ValueEditResult = { ok: true; measures: ExtensionMeasure[] } | { ok: false; message: string };

const GONE = 'That column is not part of this extension any more (changed elsewhere?). Nothing was changed.';

/**
 * Applies one Fields-pane edit.
 *
 * @example applyValueEdit([median], { kind: 'replace', id: 'm1', measure: { ...median, kind: 'mode', label: 'Mode of Revenue' } })
 * // { ok: true, measures: [{ id: 'm1', kind: 'mode', label: 'Mode of Revenue', field: 'Revenue' }] }
 */
export function applyValueEdit(list: readonly ExtensionMeasure[], edit: ValueEdit): ValueEditResult {
  return edit.kind === 'replace' ? replace(list, edit.id, edit.measure) : removeMany(list, edit.ids);
}

function replace(list: readonly ExtensionMeasure[], id: string, measure: ExtensionMeasure): ValueEditResult {
  const old = list.find((m) => m.id === id);
  if (!old) return { ok: false, message: GONE };
  const label = measure.label.trim();
  if (label === '') return { ok: false, message: 'Type a name for the column.' };
  if (label.length > 255) return { ok: false, message: `A column name can be at most 255 characters (this one has ${label.length}).` };
  if (measure.numberFormat !== undefined && measure.numberFormat.length > 255) return { ok: false, message: 'A number format can be at most 255 characters.' };
  const next: ExtensionMeasure = { ...measure, id, label };
  if (next.of !== undefined) {
    const base = list.find((m) => m.id === next.of);
    if (!base || base.id === id || SHOW_AS_KINDS.has(base.kind)) {
      return { ok: false, message: `"${label}" must be based on another column of this extension that is not itself shown as a share, rank or difference. Nothing was changed.` };
    }
  }
  // Columns shown as a share (or rank, difference) of this one follow it; it cannot become one itself.
  const users = list.filter((m) => m.of === id);
  if (SHOW_AS_KINDS.has(next.kind) && users.length > 0) {
    return { ok: false, message: `"${old.label}" is the base of ${users.map((m) => `"${m.label}"`).join(', ')}, so it cannot be shown as a share, rank or difference itself. Change ${users.length === 1 ? 'that column' : 'those columns'} first.` };
  }
  return { ok: true, measures: list.map((m) => (m.id === id ? next : m)) };
}

function removeMany(list: readonly ExtensionMeasure[], ids: readonly string[]): ValueEditResult {
  const gone = new Set(ids);
  if (ids.length === 0 || !ids.every((id) => list.some((m) => m.id === id))) return { ok: false, message: GONE };
  const kept = list.filter((m) => !gone.has(m.id));
  if (kept.length === 0) return { ok: false, message: 'These are all the columns of this extension: use Remove on the extension to delete it.' };
  const orphans = kept.filter((m) => m.of !== undefined && gone.has(m.of));
  if (orphans.length > 0) {
    return { ok: false, message: `${orphans.map((m) => `"${m.label}"`).join(', ')} ${orphans.length === 1 ? 'is' : 'are'} based on a column being removed. Remove ${orphans.length === 1 ? 'it' : 'them'} too.` };
  }
  return { ok: true, measures: kept };
}

/**
 * The measures that go when a field is unchecked: every measure reading it (as its field or its
 * second field), and the columns shown as a share, rank or difference of one of those.
 *
 * @example measuresOfField([median, share], 'Revenue').map((m) => m.id) // ['m1', 'm2']
 */
export function measuresOfField(list: readonly ExtensionMeasure[], field: string): ExtensionMeasure[] {
  const lower = field.toLowerCase();
  // Excel matches field names without regard to case; so does the extension's source lookup.
  const reads = (m: ExtensionMeasure) => m.field?.toLowerCase() === lower || m.otherField?.toLowerCase() === lower;
  const direct = new Set(list.filter(reads).map((m) => m.id));
  return list.filter((m) => direct.has(m.id) || (m.of !== undefined && direct.has(m.of)));
}
