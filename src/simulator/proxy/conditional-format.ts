/**
 * Conditional format proxies (ExcelApi 1.6): the collection of a range, CellValue and Custom
 * formats, their rule and their font/fill/number format. Types other than CellValue and Custom
 * are refused with InvalidArgument (the simulator would otherwise pretend to draw them).
 * `range.conditionalFormats` lists the formats whose ranges intersect the range, highest
 * priority first; `add` puts the new format first (priority 0), as Excel does.
 */
import type {
  XCellValueConditionalFormat, XClientResult, XConditionalFormat, XConditionalFormatCollection, XConditionalFormatRule,
  XConditionalRangeFill, XConditionalRangeFont, XConditionalRangeFormat, XCustomConditionalFormat, XRange,
} from '../../excel/api';
import { formatArea, parseArea } from '../../engine/address/a1';
import { fail } from '../errors';
import type { ConditionalFormatModel, ConditionalFormatStyleModel } from '../model';
import { listIntersects, subtractFromList } from '../state/areas';
import { CELL_VALUE_OPERATORS, ruleFormula } from '../state/conditional-format';
import type { SheetState } from '../state/sheet';
import type { RangeRef } from '../state/workbook';
import { type Collectable, type Getters, q, SimCollection, SimObject } from './base';
import type { SimContext } from './context';
import { normalizeColor, RangeProxy } from './range';

interface CfTarget {
  sheet: SheetState;
  cf: ConditionalFormatModel;
}

/** "0" and "=0" both mean the formula =0; Excel reports the "=" form. */
function asFormula(x: unknown): string {
  const text = typeof x === 'number' ? String(x) : String(x ?? '');
  return text.startsWith('=') ? text : `=${text}`;
}

export class ConditionalFormatCollectionProxy extends SimCollection<CfTarget, ConditionalFormatProxy> implements XConditionalFormatCollection {
  readonly entity = 'ConditionalFormatCollection';

  constructor(ctx: SimContext, path: string, private readonly rangeOf: () => RangeRef | null) {
    super(ctx, path, () => {
      const r = rangeOf();
      if (!r) return null;
      return r.sheet.conditionalFormats.filter((cf) => listIntersects(cf.ranges, r.area)).map((cf) => ({ sheet: r.sheet, cf }));
    });
  }

  protected makeItem(target: CfTarget, index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => target);
  }

  add(type: Excel.ConditionalFormat['type']): XConditionalFormat {
    let created: CfTarget | undefined;
    this.ctx.enqueue({
      wire: [this.path, 'add', type],
      run: () => {
        const r = this.rangeOf() ?? fail('ItemNotFound', 'ConditionalFormatCollection.add');
        if (type !== 'CellValue' && type !== 'Custom') {
          fail('InvalidArgument', 'ConditionalFormatCollection.add', `The simulator draws CellValue and Custom conditional formats only, not ${String(type)}.`);
        }
        const cf: ConditionalFormatModel = { id: this.ctx.state.newId('CF'), ranges: [formatArea(r.area)], type, format: {}, stopIfTrue: false };
        if (type === 'CellValue') cf.cellValue = { formula1: '=0', operator: 'GreaterThan' };
        else cf.formula = '=FALSE';
        r.sheet.conditionalFormats.unshift(cf);
        created = { sheet: r.sheet, cf };
        this.ctx.state.changed();
      },
    });
    return new ConditionalFormatProxy(this.ctx, `${this.path}.add(${q(type)})`, () => created ?? fail('ItemNotFound', 'ConditionalFormatCollection.add'));
  }

  /** Removes conditional formatting from the range's cells; formats reaching outside keep the rest. */
  clearAll(): void {
    this.invoke('clearAll', [], () => {
      const r = this.rangeOf();
      if (!r) return;
      r.sheet.conditionalFormats = r.sheet.conditionalFormats
        .map((cf) => (listIntersects(cf.ranges, r.area) ? { ...cf, ranges: subtractFromList(cf.ranges, r.area) } : cf))
        .filter((cf) => cf.ranges.length > 0);
      this.ctx.state.changed();
    });
  }

  getCount(): XClientResult<number> {
    return this.result('getCount', [], (list) => list.length);
  }

  getItemAt(index: number): XConditionalFormat {
    return new ConditionalFormatProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => {
      const list = this.resolve() ?? fail('ItemNotFound', 'ConditionalFormatCollection.getItemAt');
      return list[index] ?? fail('InvalidArgument', 'ConditionalFormatCollection.getItemAt');
    });
  }
}

export class ConditionalFormatProxy extends SimObject<CfTarget> implements XConditionalFormat {
  readonly entity = 'ConditionalFormat';

  constructor(ctx: SimContext, path: string, resolver: () => CfTarget | null) {
    super(ctx, path, () => {
      const t = resolver();
      return t && t.sheet.conditionalFormats.includes(t.cf) ? t : null;
    });
  }

  protected scalars(): Getters<CfTarget> {
    return {
      id: (t) => t.cf.id,
      type: (t) => t.cf.type,
      priority: (t) => t.sheet.conditionalFormats.indexOf(t.cf),
      stopIfTrue: (t) => t.cf.stopIfTrue,
    };
  }

  protected override nav(name: string): Collectable | undefined {
    if (name === 'cellValue') return this.cellValue as unknown as Collectable;
    if (name === 'custom') return this.custom as unknown as Collectable;
    return undefined;
  }

  get id(): string { return this.prop('id'); }
  get type(): Excel.ConditionalFormat['type'] { return this.prop('type'); }
  get priority(): number { return this.prop('priority'); }
  set priority(v: number) {
    this.setProp('priority', v, (t, x) => {
      if (typeof x !== 'number' || !Number.isInteger(x)) fail('InvalidArgument', 'ConditionalFormat.priority');
      const list = t.sheet.conditionalFormats;
      list.splice(list.indexOf(t.cf), 1);
      // Out-of-bounds priorities clamp; negative ones count from the back (documented).
      const at = x < 0 ? Math.max(0, list.length + 1 + x) : Math.min(x, list.length);
      list.splice(at, 0, t.cf);
      this.ctx.state.changed();
    });
  }
  get stopIfTrue(): boolean { return this.prop('stopIfTrue'); }
  set stopIfTrue(v: boolean) {
    this.setProp('stopIfTrue', v, (t, x) => {
      t.cf.stopIfTrue = Boolean(x);
      this.ctx.state.changed();
    });
  }

  private typed(type: 'CellValue' | 'Custom', location: string): () => CfTarget | null {
    return () => {
      const t = this.need(location);
      if (t.cf.type !== type) fail('InvalidArgument', location, `This conditional format is a ${t.cf.type} format, not ${type}.`);
      return t;
    };
  }

  get cellValue(): XCellValueConditionalFormat {
    return this.child('cellValue', () => new CellValueFormatProxy(this.ctx, `${this.path}.cellValue`, this.typed('CellValue', 'ConditionalFormat.cellValue')));
  }

  get custom(): XCustomConditionalFormat {
    return this.child('custom', () => new CustomFormatProxy(this.ctx, `${this.path}.custom`, this.typed('Custom', 'ConditionalFormat.custom')));
  }

  delete(): void {
    this.invoke('delete', [], (t) => {
      t.sheet.conditionalFormats.splice(t.sheet.conditionalFormats.indexOf(t.cf), 1);
      this.ctx.state.changed();
    });
  }

  getRange(): XRange {
    return new RangeProxy(this.ctx, `${this.path}.getRange()`, () => {
      const t = this.need('ConditionalFormat.getRange');
      if (t.cf.ranges.length !== 1) fail('InvalidOperation', 'ConditionalFormat.getRange', 'This conditional format covers several areas.');
      return { sheet: t.sheet, area: parseArea(t.cf.ranges[0]) };
    });
  }
}

class CellValueFormatProxy extends SimObject<CfTarget> implements XCellValueConditionalFormat {
  readonly entity = 'CellValueConditionalFormat';

  protected scalars(): Getters<CfTarget> {
    return { rule: (t) => ({ ...t.cf.cellValue }) };
  }

  protected override nav(name: string): Collectable | undefined {
    return name === 'format' ? (this.format as unknown as Collectable) : undefined;
  }

  get format(): XConditionalRangeFormat {
    return this.child('format', () => new RangeFormatOfCf(this.ctx, `${this.path}.format`, () => this.resolve()?.cf.format ?? null));
  }

  get rule(): Excel.ConditionalCellValueRule { return this.prop('rule'); }
  set rule(v: Excel.ConditionalCellValueRule) {
    this.setProp('rule', v, (t, x) => {
      const rule = x as Partial<Excel.ConditionalCellValueRule> | null;
      const location = 'CellValueConditionalFormat.rule';
      if (!rule || typeof rule !== 'object') return fail('InvalidArgument', location);
      const operator = String(rule.operator);
      if (!(CELL_VALUE_OPERATORS as readonly string[]).includes(operator)) fail('InvalidArgument', location);
      if (rule.formula1 === undefined || rule.formula1 === '') fail('InvalidArgument', location);
      const needsTwo = operator === 'Between' || operator === 'NotBetween';
      if (needsTwo && (rule.formula2 === undefined || rule.formula2 === '')) fail('InvalidArgument', location);
      const formula1 = asFormula(rule.formula1);
      ruleFormula(formula1, location);
      const out: NonNullable<ConditionalFormatModel['cellValue']> = { formula1, operator };
      if (needsTwo) {
        out.formula2 = asFormula(rule.formula2);
        ruleFormula(out.formula2, location);
      }
      t.cf.cellValue = out;
      this.ctx.state.changed();
    });
  }
}

class CustomFormatProxy extends SimObject<CfTarget> implements XCustomConditionalFormat {
  readonly entity = 'CustomConditionalFormat';

  protected scalars(): Getters<CfTarget> {
    return {};
  }

  protected override nav(name: string): Collectable | undefined {
    if (name === 'format') return this.format as unknown as Collectable;
    if (name === 'rule') return this.rule as unknown as Collectable;
    return undefined;
  }

  get format(): XConditionalRangeFormat {
    return this.child('format', () => new RangeFormatOfCf(this.ctx, `${this.path}.format`, () => this.resolve()?.cf.format ?? null));
  }

  get rule(): XConditionalFormatRule {
    return this.child('rule', () => new RuleProxy(this.ctx, `${this.path}.rule`, () => this.resolve()));
  }
}

class RuleProxy extends SimObject<CfTarget> implements XConditionalFormatRule {
  readonly entity = 'ConditionalFormatRule';

  protected scalars(): Getters<CfTarget> {
    return { formula: (t) => t.cf.formula ?? '' };
  }

  get formula(): string { return this.prop('formula'); }
  set formula(v: string) {
    this.setProp('formula', v, (t, x) => {
      if (typeof x !== 'string' || x.trim() === '') fail('InvalidArgument', 'ConditionalFormatRule.formula');
      const formula = asFormula(x);
      ruleFormula(formula, 'ConditionalFormatRule.formula');
      t.cf.formula = formula;
      this.ctx.state.changed();
    });
  }
}

class RangeFormatOfCf extends SimObject<ConditionalFormatStyleModel> implements XConditionalRangeFormat {
  readonly entity = 'ConditionalRangeFormat';

  protected scalars(): Getters<ConditionalFormatStyleModel> {
    return { numberFormat: (f) => f.numberFormat ?? null };
  }

  protected override nav(name: string): Collectable | undefined {
    if (name === 'font') return this.font as unknown as Collectable;
    if (name === 'fill') return this.fill as unknown as Collectable;
    return undefined;
  }

  get font(): XConditionalRangeFont {
    return this.child('font', () => new CfFontProxy(this.ctx, `${this.path}.font`, () => this.resolve()));
  }

  get fill(): XConditionalRangeFill {
    return this.child('fill', () => new CfFillProxy(this.ctx, `${this.path}.fill`, () => this.resolve()));
  }

  // `any` in Office.js: a format code, or null to clear.
  get numberFormat(): Excel.ConditionalRangeFormat['numberFormat'] { return this.prop('numberFormat'); }
  set numberFormat(v: Excel.ConditionalRangeFormat['numberFormat']) {
    this.setProp('numberFormat', v, (f, x) => {
      if (x === null) delete f.numberFormat;
      else if (typeof x === 'string') f.numberFormat = x;
      else fail('InvalidArgument', 'ConditionalRangeFormat.numberFormat');
      this.ctx.state.changed();
    });
  }
}

class CfFontProxy extends SimObject<ConditionalFormatStyleModel> implements XConditionalRangeFont {
  readonly entity = 'ConditionalRangeFont';

  protected scalars(): Getters<ConditionalFormatStyleModel> {
    return { bold: (f) => f.bold ?? null, italic: (f) => f.italic ?? null, color: (f) => f.fontColor ?? null };
  }

  private edit(name: string, v: unknown, apply: (f: ConditionalFormatStyleModel, x: unknown) => void): void {
    this.setProp(name, v, (f, x) => {
      apply(f, x);
      this.ctx.state.changed();
    });
  }

  get bold(): boolean { return this.prop('bold'); }
  set bold(v: boolean) { this.edit('bold', v, (f, x) => { f.bold = Boolean(x); }); }
  get italic(): boolean { return this.prop('italic'); }
  set italic(v: boolean) { this.edit('italic', v, (f, x) => { f.italic = Boolean(x); }); }
  get color(): string { return this.prop('color'); }
  set color(v: string) { this.edit('color', v, (f, x) => { f.fontColor = normalizeColor(x, 'ConditionalRangeFont.color'); }); }

  clear(): void {
    this.invoke('clear', [], (f) => {
      delete f.bold;
      delete f.italic;
      delete f.fontColor;
      this.ctx.state.changed();
    });
  }
}

class CfFillProxy extends SimObject<ConditionalFormatStyleModel> implements XConditionalRangeFill {
  readonly entity = 'ConditionalRangeFill';

  protected scalars(): Getters<ConditionalFormatStyleModel> {
    return { color: (f) => f.fill ?? null };
  }

  get color(): string { return this.prop('color'); }
  set color(v: string) {
    this.setProp('color', v, (f, x) => {
      f.fill = normalizeColor(x, 'ConditionalRangeFill.color');
      this.ctx.state.changed();
    });
  }

  clear(): void {
    this.invoke('clear', [], (f) => {
      delete f.fill;
      this.ctx.state.changed();
    });
  }
}
