/**
 * One PivotTable axis (rows or columns): the trie of item combinations present in the filtered
 * source, and the ordered "lines" Excel draws for it — item lines, parent lines, subtotal lines
 * and grand total lines — with their labels placed in label slots.
 *
 * A slot is the position of the axis field a label belongs to: on the row axis it is a label
 * column (always 0 in compact form), on the column axis a header row.
 */
import type { CellValue } from '../../excel/api';
import type { PivotDataFieldModel, PivotFieldModel, SubtotalLocation, SummarizeBy } from '../model';
import type { FieldItems, PivotItem } from './items';
import { FUNCTION_CAPTION, GRAND_TOTAL, TOTAL } from './captions';

/** A node of the item trie; `nid` is unique within the axis (root is 0). */
export interface AxisNode {
  nid: number;
  item: PivotItem | undefined;
  parent: AxisNode | undefined;
  children: Map<number, AxisNode>;
}

export class AxisTrie {
  readonly root: AxisNode = { nid: 0, item: undefined, parent: undefined, children: new Map() };
  size = 1;

  /** Child of `node` for `item`, created on first use. */
  child(node: AxisNode, item: PivotItem): AxisNode {
    let c = node.children.get(item.id);
    if (c === undefined) {
      c = { nid: this.size++, item, parent: node, children: new Map() };
      node.children.set(item.id, c);
    }
    return c;
  }
}

export interface Label {
  slot: number;
  value: CellValue;
  /** The source column's number format for numeric items (dates keep their date format). */
  numberFormat: string;
  /** "Repeat item labels" is on for this label's field (outline and tabular forms only). */
  repeat?: boolean;
}

export interface AxisLine {
  kind: 'item' | 'parent' | 'subtotal' | 'grand' | 'total';
  /** Axis depth of the line's own label (0 = outermost field; the Values pseudo-field after the real ones). */
  depth: number;
  /** Trie node whose records this line summarises. */
  nid: number;
  /** Data field shown on this line when the Σ Values pseudo-field is on this axis. */
  dataIndex: number | undefined;
  /** Summary function of a subtotal line; undefined = the data field's own function. */
  fn: SummarizeBy | undefined;
  /** False for a parent line without subtotal values (its data cells stay empty). */
  showValues: boolean;
  labels: Label[];
}

export interface AxisField {
  model: PivotFieldModel;
  items: FieldItems;
  /** Display rank of each item id. */
  ranks: Int32Array;
  /** Number format for numeric item labels. */
  numberFormat: string;
}

export interface AxisOptions {
  form: 'compact' | 'outline' | 'tabular';
  subtotalLocation: SubtotalLocation;
  grandTotals: boolean;
  /** The Σ Values pseudo-field sits after the real fields of this axis. */
  valuesOnAxis: boolean;
}

/**
 * Lays out the lines of an axis the way Excel does:
 * - compact / outline: a parent item has its own line; its automatic subtotal is shown on that
 *   line when subtotals are "at top" (Excel's default), else on "<item> Total" lines after the
 *   group. Custom (several) subtotal functions and subtotals over the Values pseudo-field cannot
 *   sit on one line, so they always go after the group (closedxml fixture: "Sweet Сумма",
 *   "Sweet Количество", "Sweet Среднее").
 * - tabular: a parent label shares the line of its first child; subtotals always after the group.
 * - the innermost field never has subtotals, nor does a field whose only inner field is the
 *   Values pseudo-field (its data lines already are its subtotals — poi WithChartSheet Sheet5).
 * - grand total: one "Grand Total" line, or one "Total <data field>" line per data field when
 *   the Values pseudo-field is on this axis; none when the axis has no real field.
 */
export function layoutAxis(
  trie: AxisTrie,
  fields: readonly AxisField[],
  data: readonly PivotDataFieldModel[],
  opts: AxisOptions,
): AxisLine[] {
  const lines: AxisLine[] = [];
  const nReal = fields.length;
  const valuesSlot = nReal;
  const tabular = opts.form === 'tabular';
  const slotOf = (s: number): number => (opts.form === 'compact' ? 0 : s);
  // Tabular form: ancestor labels not printed yet; they go on the next line drawn.
  let pending = new Set<Label>();

  const push = (line: Omit<AxisLine, 'labels'>, own: Label[], ancestors: Label[]): void => {
    const labels = ancestors.filter((a) => pending.has(a) || a.repeat === true);
    labels.push(...own);
    pending = new Set();
    lines.push({ ...line, labels });
  };

  const valuesLines = (nid: number, ancestors: Label[]): void => {
    data.forEach((d, k) => {
      push({ kind: 'item', depth: valuesSlot, nid, dataIndex: k, fn: undefined, showValues: true },
        [{ slot: slotOf(valuesSlot), value: d.name, numberFormat: 'General' }], ancestors);
    });
  };

  const walk = (node: AxisNode, depth: number, ancestors: Label[]): void => {
    const field = fields[depth];
    const kids = [...node.children.values()].sort((a, b) => field.ranks[a.item!.id] - field.ranks[b.item!.id]);
    const last = depth === nReal - 1;
    for (const kid of kids) {
      const item = kid.item!;
      const label: Label = {
        slot: slotOf(depth),
        value: item.value,
        numberFormat: typeof item.value === 'number' ? field.numberFormat : 'General',
        repeat: opts.form !== 'compact' && field.model.repeatLabels === true,
      };
      const inner = [...ancestors, label];
      if (last && !opts.valuesOnAxis) {
        push({ kind: 'item', depth, nid: kid.nid, dataIndex: undefined, fn: undefined, showValues: true }, [label], ancestors);
        continue;
      }
      const fns = last ? [] : subtotalFunctions(field.model, opts.subtotalLocation);
      const atTop = !tabular && !opts.valuesOnAxis && opts.subtotalLocation === 'AtTop'
        && fns.length === 1 && fns[0] === undefined;
      if (tabular) {
        pending.add(label);
      } else {
        push({ kind: 'parent', depth, nid: kid.nid, dataIndex: undefined, fn: undefined, showValues: atTop }, [label], ancestors);
      }
      if (last) valuesLines(kid.nid, inner);
      else walk(kid, depth + 1, inner);
      if (atTop) continue;
      for (const fn of fns) {
        const word = fn === undefined ? TOTAL : FUNCTION_CAPTION[fn];
        const dataIdx: Array<number | undefined> = opts.valuesOnAxis ? data.map((_, k) => k) : [undefined];
        for (const k of dataIdx) {
          const text = k === undefined ? `${item.caption} ${word}`
            : fn === undefined ? `${item.caption} ${data[k].name}` : `${item.caption} ${word} ${data[k].name}`;
          push({ kind: 'subtotal', depth, nid: kid.nid, dataIndex: k, fn, showValues: true },
            [{ slot: slotOf(depth), value: text, numberFormat: 'General' }], ancestors);
        }
      }
    }
  };

  if (nReal === 0) {
    if (opts.valuesOnAxis) valuesLines(0, []);
    else lines.push({ kind: 'total', depth: 0, nid: 0, dataIndex: undefined, fn: undefined, showValues: true, labels: [] });
    return lines;
  }
  walk(trie.root, 0, []);
  if (opts.grandTotals) {
    if (opts.valuesOnAxis) {
      data.forEach((d, k) => lines.push({
        kind: 'grand', depth: 0, nid: 0, dataIndex: k, fn: undefined, showValues: true,
        labels: [{ slot: 0, value: `${TOTAL} ${d.name}`, numberFormat: 'General' }],
      }));
    } else {
      lines.push({
        kind: 'grand', depth: 0, nid: 0, dataIndex: undefined, fn: undefined, showValues: true,
        labels: [{ slot: 0, value: GRAND_TOTAL, numberFormat: 'General' }],
      });
    }
  }
  return lines;
}

/**
 * Subtotal functions of a field: `undefined` stands for Automatic (the data field's own
 * function). Empty when subtotals are off for the pivot or the field.
 */
function subtotalFunctions(field: PivotFieldModel, location: SubtotalLocation): Array<SummarizeBy | undefined> {
  if (location === 'Off') return [];
  const list = field.subtotals ?? ['Automatic'];
  return list.map((f) => (f === 'Automatic' ? undefined : f));
}
