/**
 * Pivot items: the distinct values of one source column as Excel's pivot cache sees them.
 *
 * Excel semantics reproduced here (why each rule exists):
 * - Types are kept apart: the number 1 and the text "1" are two items (the pivot cache stores
 *   typed shared items).
 * - Text items are case-insensitive: "east" and "East" are one item, captioned by the first
 *   spelling met in source order (Excel groups case-insensitively, as COUNTIF does).
 * - An empty source cell ("") is the item "(blank)".
 * - Default order is ascending as for a new PivotTable: numbers ascending, then text
 *   (case-insensitive), then booleans (FALSE before TRUE), then error values, then "(blank)" last.
 *   This is Excel's sort order for mixed data ("Sort data in a range or table", support.microsoft.com).
 */
import type { CellValue } from '../../excel/api';

export const BLANK_CAPTION = '(blank)';

/** Kind order is also the default sort order between kinds. */
export const ItemKind = { Number: 0, Text: 1, Boolean: 2, Error: 3, Blank: 4 } as const;
export type ItemKind = (typeof ItemKind)[keyof typeof ItemKind];

/** Error values as Office.js returns them in `range.values`. */
const ERRORS = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA',
  '#SPILL!', '#CONNECT!', '#BLOCKED!', '#UNKNOWN!', '#FIELD!', '#CALC!', '#BUSY!',
]);

/** True for an Excel error value such as "#N/A". */
export function isErrorValue(v: CellValue): v is string {
  return typeof v === 'string' && v.length > 1 && v.charCodeAt(0) === 35 /* # */ && ERRORS.has(v);
}

export interface PivotItem {
  /** Dense id within its field, in first-appearance order. */
  id: number;
  kind: ItemKind;
  /** What the label cell holds: the number, boolean or text itself; "(blank)" for empty. */
  value: CellValue;
  /** Text form used for matching `hiddenItems` / `itemOrder` and in "X Total" captions. */
  caption: string;
  /** Hidden by the field's manual filter (`hiddenItems`). */
  hidden: boolean;
}

/** Caption of a value as Excel shows it in "General" format, used for matching and totals. */
export function itemCaption(v: CellValue): string {
  if (v === '') return BLANK_CAPTION;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function kindOf(v: CellValue): ItemKind {
  if (v === '') return ItemKind.Blank;
  if (typeof v === 'number') return ItemKind.Number;
  if (typeof v === 'boolean') return ItemKind.Boolean;
  return isErrorValue(v) ? ItemKind.Error : ItemKind.Text;
}

/** Map key that separates types and folds text case. */
function keyOf(v: CellValue, kind: ItemKind): string | number {
  switch (kind) {
    case ItemKind.Number: return v as number;
    case ItemKind.Text: return 't' + (v as string).toLowerCase();
    case ItemKind.Boolean: return v ? 'lT' : 'lF';
    case ItemKind.Error: return 'e' + (v as string);
    default: return 'b';
  }
}

/**
 * Interns the values of one source column into items. `hiddenItems` captions are matched
 * case-insensitively, like the items themselves.
 */
export class FieldItems {
  readonly items: PivotItem[] = [];
  private readonly byKey = new Map<string | number, PivotItem>();
  /** Exact-value cache in front of `byKey`: Map keys keep 1 and "1" apart, and most cells repeat. */
  private readonly byValue = new Map<CellValue, PivotItem>();
  private readonly hiddenCaptions: Set<string>;

  constructor(hiddenItems: readonly string[] | undefined) {
    this.hiddenCaptions = new Set((hiddenItems ?? []).map((c) => c.toLowerCase()));
  }

  intern(v: CellValue): PivotItem {
    const cached = this.byValue.get(v);
    if (cached !== undefined) return cached;
    const item = this.internSlow(v);
    this.byValue.set(v, item);
    return item;
  }

  private internSlow(v: CellValue): PivotItem {
    const kind = kindOf(v);
    const key = keyOf(v, kind);
    let item = this.byKey.get(key);
    if (item === undefined) {
      const caption = itemCaption(v);
      item = {
        id: this.items.length,
        kind,
        value: kind === ItemKind.Blank ? BLANK_CAPTION : v,
        caption,
        hidden: this.hiddenCaptions.size > 0 && this.hiddenCaptions.has(caption.toLowerCase()),
      };
      this.byKey.set(key, item);
      this.items.push(item);
    }
    return item;
  }

  /**
   * Rank of every item id for display order: `itemOrder` captions first (file order), then the
   * remaining items in Excel's default ascending order.
   */
  ranks(itemOrder: readonly string[] | undefined): Int32Array {
    const order = new Map<string, number>();
    (itemOrder ?? []).forEach((c, i) => {
      const k = c.toLowerCase();
      if (!order.has(k)) order.set(k, i);
    });
    const sorted = this.items.slice().sort((a, b) => {
      const ra = order.get(a.caption.toLowerCase());
      const rb = order.get(b.caption.toLowerCase());
      if (ra !== undefined || rb !== undefined) {
        if (ra === undefined) return 1;
        if (rb === undefined) return -1;
        return ra - rb;
      }
      return compareItems(a, b);
    });
    const ranks = new Int32Array(this.items.length);
    sorted.forEach((item, i) => { ranks[item.id] = i; });
    return ranks;
  }
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** Excel's ascending order for pivot items of mixed types. */
export function compareItems(a: PivotItem, b: PivotItem): number {
  if (a.kind !== b.kind) return a.kind - b.kind;
  switch (a.kind) {
    case ItemKind.Number: return (a.value as number) - (b.value as number);
    case ItemKind.Text: return collator.compare(a.value as string, b.value as string);
    case ItemKind.Boolean: return Number(a.value) - Number(b.value);
    case ItemKind.Error: return a.caption < b.caption ? -1 : a.caption > b.caption ? 1 : 0;
    default: return 0;
  }
}
