/**
 * The DataValidation proxy of a range (ExcelApi 1.8).
 *
 * Setting `rule` replaces any validation on the range's cells (as the Data Validation dialog
 * does) and checks the rule as Excel does: exactly one kind, a list source that is a non-empty
 * item list or a one-row / one-column reference, otherwise InvalidArgument.
 * API writes are never validated (Excel validates typing only); `valid` reports the cells' state.
 */
import type { XDataValidation, XDataValidationRule } from '../../excel/api';
import { formatAbsolute, formatArea } from '../../engine/address/a1';
import { fail } from '../errors';
import type { DataValidationModel } from '../model';
import { listContains, listIntersects, subtractFromList } from '../state/areas';
import { ruleFormula } from '../state/conditional-format';
import { checkListSource, isValidValue, type ValidationContext } from '../state/data-validation';
import type { RangeRef, WorkbookState } from '../state/workbook';
import { type Getters, SimObject } from './base';
import { RangeProxy } from './range';

const MAX_SCAN = 100_000;

/** Validation context for rule checks and list items on `sheet`. */
export function validationContext(state: WorkbookState, sheet: RangeRef['sheet']): ValidationContext {
  return {
    sheet,
    findSheet: (name) => state.findSheet(name),
    resolveName: (name, s) => {
      const n = state.findName(name, s.name);
      return n ? state.nameRange(n) : undefined;
    },
  };
}

/** The single validation covering every cell of the area, 'none', or 'mixed'. */
function coverage(r: RangeRef): DataValidationModel | 'none' | 'mixed' {
  const found = r.sheet.dataValidations.filter((dv) => listIntersects(dv.ranges, r.area));
  if (found.length === 0) return 'none';
  if (found.length > 1) return 'mixed';
  const dv = found[0];
  const { area } = r;
  if (area.rows * area.columns > MAX_SCAN) return dv;
  for (let i = 0; i < area.rows; i++) {
    for (let j = 0; j < area.columns; j++) if (!listContains(dv.ranges, area.row + i, area.column + j)) return 'mixed';
  }
  return dv;
}

function ruleOf(dv: DataValidationModel): XDataValidationRule {
  if (dv.type === 'List' && dv.list) return { list: { ...dv.list } };
  if (dv.type === 'Custom' && dv.custom) return { custom: { ...dv.custom } };
  const basic = dv.basic ? { ...dv.basic, operator: dv.basic.operator as Excel.BasicDataValidation['operator'] } : undefined;
  if (dv.type === 'WholeNumber' && basic) return { wholeNumber: basic };
  if (dv.type === 'Decimal' && basic) return { decimal: basic };
  return {};
}

const BASIC_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];

export class DataValidationProxy extends SimObject<RangeRef> implements XDataValidation {
  readonly entity = 'DataValidation';

  protected scalars(): Getters<RangeRef> {
    return {
      rule: (r) => {
        const c = coverage(r);
        return typeof c === 'string' ? {} : ruleOf(c);
      },
      type: (r) => {
        const c = coverage(r);
        return c === 'none' ? 'None' : c === 'mixed' ? 'Inconsistent' : c.type;
      },
      valid: (r) => this.validity(r),
      ignoreBlanks: (r) => {
        const c = coverage(r);
        return typeof c === 'string' ? true : c.ignoreBlanks;
      },
      errorAlert: (r) => {
        const c = coverage(r);
        return typeof c === 'string' ? { showAlert: true, style: 'Stop', title: '', message: '' } : { ...c.errorAlert };
      },
      prompt: (r) => {
        const c = coverage(r);
        return typeof c === 'string' ? { showPrompt: false, title: '', message: '' } : { ...c.prompt };
      },
    };
  }

  /** true when every cell is valid, false when none is, null when mixed (documented). */
  private validity(r: RangeRef): boolean | null {
    const ctx = validationContext(this.ctx.state, r.sheet);
    let valid = 0, invalid = 0;
    const { area } = r;
    const rows = Math.min(area.rows, Math.ceil(MAX_SCAN / area.columns));
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < area.columns; j++) {
        const row = area.row + i, column = area.column + j;
        const dv = r.sheet.dataValidations.find((d) => listContains(d.ranges, row, column));
        if (!dv || isValidValue(dv, r.sheet.value(row, column), row, column, ctx)) valid++;
        else invalid++;
      }
    }
    return invalid === 0 ? true : valid === 0 ? false : null;
  }

  get rule(): XDataValidationRule { return this.prop('rule'); }
  set rule(v: XDataValidationRule) {
    this.setProp('rule', v, (r, x) => {
      const location = 'DataValidation.rule';
      const rule = x as XDataValidationRule | null;
      if (!rule || typeof rule !== 'object') return fail('InvalidArgument', location);
      const kinds = (['list', 'wholeNumber', 'decimal', 'custom'] as const).filter((k) => rule[k] !== undefined && rule[k] !== null);
      if (kinds.length !== 1) fail('InvalidArgument', location, 'Set exactly one kind of rule (list, wholeNumber, decimal or custom).');
      const dv: DataValidationModel = {
        ranges: [formatArea(r.area)],
        type: 'List',
        ignoreBlanks: true,
        errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' },
        prompt: { showPrompt: false, title: '', message: '' },
      };
      const kind = kinds[0];
      if (kind === 'list') {
        const list = rule.list!;
        let source: string;
        if (list.source instanceof RangeProxy) {
          const ref = list.source.resolve() ?? fail('ItemNotFound', location);
          source = `=${formatAbsolute(ref.sheet.name, ref.area)}`;
          if (ref.sheet === r.sheet) source = `=${source.slice(source.indexOf('!') + 1)}`;
        } else if (typeof list.source === 'string') {
          source = list.source;
        } else {
          return fail('InvalidArgument', location);
        }
        checkListSource(source, validationContext(this.ctx.state, r.sheet), location);
        dv.list = { inCellDropDown: list.inCellDropDown ?? true, source };
      } else if (kind === 'custom') {
        const formula = rule.custom?.formula;
        if (typeof formula !== 'string') return fail('InvalidArgument', location);
        ruleFormula(formula, location);
        dv.type = 'Custom';
        dv.custom = { formula: formula.startsWith('=') ? formula : `=${formula}` };
      } else {
        const basic = rule[kind]!;
        if (!BASIC_OPERATORS.includes(basic.operator)) fail('InvalidArgument', location);
        const bound = (f: unknown) => {
          if (typeof f === 'number') return f;
          if (typeof f !== 'string' || f === '') return fail('InvalidArgument', location);
          ruleFormula(f, location);
          return f;
        };
        dv.type = kind === 'wholeNumber' ? 'WholeNumber' : 'Decimal';
        dv.basic = { formula1: bound(basic.formula1), operator: basic.operator };
        if (basic.operator === 'Between' || basic.operator === 'NotBetween') dv.basic.formula2 = bound(basic.formula2);
      }
      this.removeFrom(r);
      r.sheet.dataValidations.push(dv);
      this.ctx.state.changed();
    });
  }

  get type(): Excel.DataValidation['type'] { return this.prop('type'); }
  get valid(): boolean { return this.prop('valid'); }

  get ignoreBlanks(): boolean { return this.prop('ignoreBlanks'); }
  set ignoreBlanks(v: boolean) { this.setOnCovering('ignoreBlanks', v, (dv, x) => { dv.ignoreBlanks = Boolean(x); }); }
  get errorAlert(): Excel.DataValidationErrorAlert { return this.prop('errorAlert'); }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this.setOnCovering('errorAlert', v, (dv, x) => {
      const a = x as Partial<Excel.DataValidationErrorAlert>;
      dv.errorAlert = { ...dv.errorAlert, ...a } as DataValidationModel['errorAlert'];
    });
  }
  get prompt(): Excel.DataValidationPrompt { return this.prop('prompt'); }
  set prompt(v: Excel.DataValidationPrompt) {
    this.setOnCovering('prompt', v, (dv, x) => {
      dv.prompt = { ...dv.prompt, ...(x as Partial<Excel.DataValidationPrompt>) };
    });
  }

  /** Properties other than `rule` change the validations on the range (none: nothing to change). */
  private setOnCovering(name: string, v: unknown, apply: (dv: DataValidationModel, x: unknown) => void): void {
    this.setProp(name, v, (r, x) => {
      if (x === null || x === undefined) fail('InvalidArgument', `DataValidation.${name}`);
      for (const dv of r.sheet.dataValidations) if (listIntersects(dv.ranges, r.area)) apply(dv, x);
      this.ctx.state.changed();
    });
  }

  private removeFrom(r: RangeRef): void {
    r.sheet.dataValidations = r.sheet.dataValidations
      .map((dv) => (listIntersects(dv.ranges, r.area) ? { ...dv, ranges: subtractFromList(dv.ranges, r.area) } : dv))
      .filter((dv) => dv.ranges.length > 0);
  }

  clear(): void {
    this.invoke('clear', [], (r) => {
      this.removeFrom(r);
      this.ctx.state.changed();
    });
  }
}
