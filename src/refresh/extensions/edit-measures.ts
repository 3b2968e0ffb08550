/**
 * Edits of an extension's measure list, as pure functions: each returns the new list, or a
 * plain-words refusal. The coordinator recomputes and rewrites the block with the new list and
 * records it only when the write succeeded, so the sheet and the definition never disagree.
 */
import type { ExtensionMeasure } from '../../engine/pivot-extension';
import { applyValueEdit, type ValueEdit } from './value-edits';

export type MeasureEdit =
  | { kind: 'add'; measures: readonly ExtensionMeasure[] }
  | { kind: 'remove'; id: string }
  | { kind: 'move'; id: string; to: number }
  | { kind: 'rename'; id: string; label: string }
  | { kind: 'format'; id: string; numberFormat: string | undefined }
  // The Fields pane's edits (Value Field Settings, unchecking a field): value-edits.ts.
  | ValueEdit;

export type EditResult = { ok: true; measures: ExtensionMeasure[] } | { ok: false; message: string };

const MAX_MEASURES = 50;

/**
 * Applies one edit.
 *
 * @example applyMeasureEdit([median, p90], { kind: 'move', id: 'p90', to: 0 }); // { ok: true, measures: [p90, median] }
 * @example applyMeasureEdit([median], { kind: 'remove', id: 'median' }); // { ok: false, message: 'An extension keeps at least one …' }
 */
export function applyMeasureEdit(list: readonly ExtensionMeasure[], edit: MeasureEdit): EditResult {
  if (edit.kind === 'add') return add(list, edit.measures);
  if (edit.kind === 'replace' || edit.kind === 'removeMany') return applyValueEdit(list, edit);
  const index = list.findIndex((m) => m.id === edit.id);
  if (index < 0) return { ok: false, message: 'That column is not part of this extension any more (changed elsewhere?). Nothing was changed.' };
  const measure = list[index]!;
  switch (edit.kind) {
    case 'remove': {
      if (list.length === 1) return { ok: false, message: `"${measure.label}" is the only column of this extension: use Remove on the extension to delete it.` };
      const users = list.filter((m) => m.of === measure.id);
      if (users.length > 0) return { ok: false, message: `"${measure.label}" is used by ${users.map((m) => `"${m.label}"`).join(', ')}. Remove ${users.length === 1 ? 'that column' : 'those columns'} first.` };
      return { ok: true, measures: list.filter((m) => m.id !== measure.id) };
    }
    case 'move': {
      const to = Math.max(0, Math.min(list.length - 1, Math.trunc(edit.to)));
      const next = list.filter((m) => m.id !== measure.id);
      next.splice(to, 0, measure);
      return { ok: true, measures: next };
    }
    case 'rename': {
      const label = edit.label.trim();
      if (label === '') return { ok: false, message: 'Type a name for the column.' };
      if (label.length > 255) return { ok: false, message: `A column name can be at most 255 characters (this one has ${label.length}).` };
      return { ok: true, measures: list.map((m) => (m.id === measure.id ? { ...m, label } : m)) };
    }
    case 'format': {
      const format = edit.numberFormat?.trim();
      if (format !== undefined && format.length > 255) return { ok: false, message: 'A number format can be at most 255 characters.' };
      return {
        ok: true,
        measures: list.map((m) => {
          if (m.id !== measure.id) return m;
          const { numberFormat: _old, ...rest } = m;
          return format ? { ...rest, numberFormat: format } : rest;
        }),
      };
    }
  }
}

function add(list: readonly ExtensionMeasure[], more: readonly ExtensionMeasure[]): EditResult {
  if (more.length === 0) return { ok: false, message: 'Add at least one measure first.' };
  if (list.length + more.length > MAX_MEASURES) return { ok: false, message: `An extension holds at most ${MAX_MEASURES} columns; this one has ${list.length}.` };
  const taken = new Set(list.map((m) => m.id));
  const renamed = new Map<string, string>();
  const fresh = more.map((m) => {
    if (!taken.has(m.id)) { taken.add(m.id); return m; }
    // Two editors may hand out the same ids ("m1"): give the newcomer a free one.
    let n = 2;
    while (taken.has(`${m.id}_${n}`)) n++;
    const id = `${m.id}_${n}`;
    taken.add(id);
    renamed.set(m.id, id);
    return { ...m, id };
  });
  // A new show-as measure based on another new one follows its new id.
  const linked = fresh.map((m) => (m.of && renamed.has(m.of) && more.some((x) => x.id === m.of) ? { ...m, of: renamed.get(m.of) } : m));
  return { ok: true, measures: [...list, ...linked] };
}
