/**
 * The four areas of Excel's PivotTable Fields pane (Filters, Columns, Rows, Values) over the
 * builder's draft, and what checking, unchecking and dragging a field does to it, as pure
 * functions: the components only render entries and pass drops here, so every transition is
 * unit-tested without a browser. Each move returns the sentence a screen reader announces.
 */
import type { Filter, Measure } from '../../engine';
import type { FieldInfo } from './field-info';
import { describeFilter } from './FilterForm';
import { DATE_PART_LABEL, isAllFilter, partName, type AxisField, type Draft } from './spec-draft';
import { measureOfSettings, newValueSettings } from './value-settings';

export type AreaId = 'filters' | 'columns' | 'rows' | 'values';

/** In Excel's order: Filters and Columns above, Rows and Values below. */
export const AREAS: readonly AreaId[] = ['filters', 'columns', 'rows', 'values'];

export const AREA_TITLE: Readonly<Record<AreaId, string>> = { filters: 'Filters', columns: 'Columns', rows: 'Rows', values: 'Values' };

/** One chip in an area: a stable id for drag and drop, and the words it shows. */
export interface AreaEntry {
  id: string;
  area: AreaId;
  text: string;
  /** The source field it puts in the area (none for a formula value). */
  field?: string;
}

/** Where an entry sits. */
export interface Slot {
  area: AreaId;
  index: number;
}

/** A move's result: the new draft and a sentence saying what happened. */
export interface MoveResult {
  draft: Draft;
  message: string;
  /** True when nothing changed (the drop was refused); `message` says why. */
  refused?: boolean;
}

/** "Year (of Date)"; "Year of Date" already says which field when a source field is called Year. */
function axisText(a: AxisField, sourceFields: readonly string[]): string {
  if (!a.part) return a.field;
  const name = partName(a, sourceFields);
  return name === DATE_PART_LABEL[a.part] ? `${name} (of ${a.field})` : name;
}
const filterField = (f: Filter): string | undefined => ('field' in f ? f.field : undefined);
/** The condition a filter shows: "(All)" when it has none. */
export const filterText = (f: Filter): string => (isAllFilter(f) ? `${filterField(f) ?? ''}: (All)` : describeFilter(f));

/**
 * The chips of every area, with ids that stay the same while the draft changes around them.
 * @example areaEntries({ ...EMPTY_DRAFT, rows: [{ field: 'Region' }] }, ['Region']).rows[0].id // 'rows:Region:'
 */
export function areaEntries(draft: Draft, sourceFields: readonly string[]): Record<AreaId, AreaEntry[]> {
  const axis = (area: 'rows' | 'columns') => draft[area].map((a) => ({ id: `${area}:${a.field}:${a.part ?? ''}`, area, text: axisText(a, sourceFields), field: a.field }));
  return {
    filters: draft.filters.map((f, i) => ({ id: `filters:${i}`, area: 'filters' as const, text: filterText(f), field: filterField(f) })),
    columns: axis('columns'),
    rows: axis('rows'),
    values: draft.measures.map((m) => ({ id: `values:${m.id}`, area: 'values' as const, text: m.label ?? m.id, field: 'field' in m ? m.field : undefined })),
  };
}

/**
 * Where the entry with this id sits, or undefined.
 * @example locate(entries, 'rows:Region:') // { area: 'rows', index: 0 }
 */
export function locate(entries: Record<AreaId, AreaEntry[]>, id: string): Slot | undefined {
  for (const area of AREAS) {
    const index = entries[area].findIndex((e) => e.id === id);
    if (index >= 0) return { area, index };
  }
  return undefined;
}

/**
 * The areas each source field is in, for the field list's checkboxes and "In Rows" notes.
 * @example fieldsInUse({ ...EMPTY_DRAFT, rows: [{ field: 'Region' }] }).get('Region') // ['rows']
 */
export function fieldsInUse(draft: Draft): Map<string, AreaId[]> {
  const out = new Map<string, AreaId[]>();
  const mark = (field: string | undefined, area: AreaId) => {
    if (field === undefined) return;
    const areas = out.get(field) ?? [];
    if (!areas.includes(area)) out.set(field, [...areas, area]);
  };
  draft.filters.forEach((f) => mark(filterField(f), 'filters'));
  draft.columns.forEach((a) => mark(a.field, 'columns'));
  draft.rows.forEach((a) => mark(a.field, 'rows'));
  draft.measures.forEach((m) => { if ('field' in m) mark(m.field, 'values'); if ('otherField' in m) mark(m.otherField, 'values'); });
  return out;
}

/** A new value on a field, as Excel adds one: Sum of a number field, Count of anything else. */
function valueFor(field: FieldInfo | string, fields: readonly FieldInfo[], taken: readonly string[]): Measure {
  const info = typeof field === 'string' ? fields.find((f) => f.name === field) : field;
  const name = typeof field === 'string' ? field : field.name;
  const kind = info?.type === 'number' ? 'sum' : 'count';
  // Sum and Count of a named field always make a measure: no input can be missing.
  return measureOfSettings(newValueSettings(name, kind), fields, { taken }) as Measure;
}

/**
 * Checking a field in the list, as Excel does: a number field goes to Values as Sum, a text,
 * date or other field to Rows. A field already in an area stays where it is.
 * @example checkField(EMPTY_DRAFT, { name: 'Revenue', type: 'number', numberFormat: 'General', samples: [] }, fields).measures[0].label // 'Sum of Revenue'
 */
export function checkField(draft: Draft, field: FieldInfo, fields: readonly FieldInfo[]): Draft {
  if (fieldsInUse(draft).has(field.name)) return draft;
  if (field.type === 'number') return { ...draft, measures: [...draft.measures, valueFor(field, fields, draft.measures.map((m) => m.id))] };
  return { ...draft, rows: [...draft.rows, { field: field.name }] };
}

/**
 * Unchecking a field: it leaves every area (rows, columns, values that read it, its filters).
 * Formula values stay: they name fields inside their text.
 * @example uncheckField(draft, 'Region').rows // []
 */
export function uncheckField(draft: Draft, name: string): Draft {
  return {
    ...draft,
    rows: draft.rows.filter((a) => a.field !== name),
    columns: draft.columns.filter((a) => a.field !== name),
    measures: draft.measures.filter((m) => !(('field' in m && m.field === name) || ('otherField' in m && m.otherField === name))),
    filters: draft.filters.filter((f) => filterField(f) !== name),
  };
}

const insertAt = <T,>(items: readonly T[], index: number, item: T): T[] => {
  const at = Math.max(0, Math.min(index, items.length));
  return [...items.slice(0, at), item, ...items.slice(at)];
};

/** An item moved within a list (dnd-kit's arrayMove, kept here so this module stays pure). */
const moveWithin = <T,>(items: readonly T[], from: number, to: number): T[] => {
  const out = [...items];
  const [item] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(to, out.length)), 0, item);
  return out;
};

const sameAxis = (a: AxisField, b: AxisField) => a.field === b.field && a.part === b.part;

/**
 * Moves an entry to another place: reordering within an area, or between areas as in Excel's
 * Fields pane (a field dragged to Values becomes Sum or Count of it; a value dragged to Rows
 * becomes its field; a field dragged to Filters waits there as "(All)"). A formula value cannot
 * leave Values; the result says so instead of changing anything.
 *
 * @example moveEntry(draft, { area: 'rows', index: 0 }, { area: 'columns', index: 0 }, fields).message // 'Region moved to Columns, position 1 of 1.'
 */
export function moveEntry(draft: Draft, from: Slot, to: Slot, fields: readonly FieldInfo[]): MoveResult {
  const sourceFields = fields.map((f) => f.name);
  const entry = areaEntries(draft, sourceFields)[from.area][from.index];
  if (!entry) return { draft, message: 'Nothing was moved.', refused: true };
  const where = (d: Draft, area: AreaId, id?: string) => {
    const list = areaEntries(d, sourceFields)[area];
    const index = id ? list.findIndex((e) => e.id === id) : -1;
    return `${AREA_TITLE[area]}, position ${index + 1} of ${list.length}`;
  };

  if (from.area === to.area) {
    const key = from.area === 'values' ? 'measures' : from.area;
    const moved = { ...draft, [key]: moveWithin(draft[key] as unknown[], from.index, to.index) } as Draft;
    const id = areaEntries(moved, sourceFields)[to.area][Math.min(to.index, draft[key].length - 1)]?.id;
    return { draft: moved, message: `${entry.text} moved to ${where(moved, to.area, from.area === 'filters' ? id : entry.id)}.` };
  }

  if (entry.field === undefined) {
    return { draft, refused: true, message: `${entry.text} stays in Values: a custom formula has no single field to put in ${AREA_TITLE[to.area]}.` };
  }
  const field = entry.field;
  // A filter is named by its field when it moves: its condition stays behind.
  const moved = from.area === 'filters' ? field : entry.text;
  // Take the entry out of where it was.
  let next: Draft = { ...draft };
  let dropped = '';
  if (from.area === 'rows' || from.area === 'columns') next[from.area] = draft[from.area].filter((_, i) => i !== from.index);
  if (from.area === 'values') next.measures = draft.measures.filter((_, i) => i !== from.index);
  if (from.area === 'filters') {
    const f = draft.filters[from.index];
    if (!isAllFilter(f)) dropped = ` Its filter (${describeFilter(f)}) was removed.`;
    next.filters = draft.filters.filter((_, i) => i !== from.index);
  }
  // And put it where it goes.
  let id: string;
  if (to.area === 'rows' || to.area === 'columns') {
    const axis: AxisField = (from.area === 'rows' || from.area === 'columns') ? draft[from.area][from.index] : { field };
    next = { ...next, [to.area]: insertAt(next[to.area].filter((a) => !sameAxis(a, axis)), to.index, axis) };
    const other = to.area === 'rows' ? 'columns' : 'rows';
    // One field sits on one axis: taking it to Rows takes it off Columns.
    next = { ...next, [other]: next[other].filter((a) => !sameAxis(a, axis)) };
    id = `${to.area}:${axis.field}:${axis.part ?? ''}`;
  } else if (to.area === 'values') {
    const m = valueFor(field, fields, next.measures.map((x) => x.id));
    next = { ...next, measures: insertAt(next.measures, to.index, m) };
    id = `values:${m.id}`;
    const text = m.label ?? m.id;
    return { draft: next, message: `${moved} moved to ${where(next, 'values', id)}, as ${text}.${dropped}` };
  } else {
    const f: Filter = { kind: 'in', field, values: [], exclude: true };
    next = { ...next, filters: insertAt(next.filters, to.index, f) };
    id = `filters:${Math.max(0, Math.min(to.index, next.filters.length - 1))}`;
  }
  return { draft: next, message: `${moved} moved to ${where(next, to.area, id)}.${dropped}` };
}

/**
 * Removes one entry from its area.
 * @example removeEntry(draft, { area: 'rows', index: 0 }).rows // []
 */
export function removeEntry(draft: Draft, slot: Slot): Draft {
  switch (slot.area) {
    case 'rows': case 'columns': return { ...draft, [slot.area]: draft[slot.area].filter((_, i) => i !== slot.index) };
    case 'values': return { ...draft, measures: draft.measures.filter((_, i) => i !== slot.index) };
    case 'filters': return { ...draft, filters: draft.filters.filter((_, i) => i !== slot.index) };
  }
}
