import { formatFieldRef } from '../formula/field-ref';
import type { DerivedField } from '../spec/derived';
import type { Measure } from '../spec/measures';
import { MEASURE_VOCABULARY, type MeasureKind } from '../measures/vocabulary';

/**
 * Catalogue measures and non-formula derived fields are shorthand for
 * formulas; these write the formula text, so everything compiles through the
 * one checked formula path (and, later, the one SQL visitor).
 */

/**
 * A field reference in formula syntax, with Excel's apostrophe escapes (see formatFieldRef).
 * @example fieldRef('Unit [EUR]') // "[Unit '[EUR']]"
 */
export function fieldRef(name: string): string {
  return formatFieldRef(name);
}

/** The formula function a one-field kind stands for, from the measure vocabulary. */
const SINGLE = (kind: MeasureKind): string | undefined => MEASURE_VOCABULARY[kind].formulaFunction;

/**
 * The formula a measure stands for.
 * @example measureFormula({ id: 'm', kind: 'percentile', field: 'Delay', p: 0.9 }) // 'PERCENTILE.INC([Delay], 0.9)'
 */
export function measureFormula(m: Measure): string {
  switch (m.kind) {
    case 'formula':
      return m.formula;
    case 'percentile':
      return `PERCENTILE.INC(${fieldRef(m.field)}, ${m.p})`;
    case 'quartile':
      return `QUARTILE.INC(${fieldRef(m.field)}, ${m.quartile})`;
    case 'weightedAverage':
      return `AVERAGEWEIGHTED(${fieldRef(m.field)}, ${fieldRef(m.otherField)})`;
    case 'ratioOfSums':
      return `SUM(${fieldRef(m.field)}) / SUM(${fieldRef(m.otherField)})`;
    case 'first':
      return `FIRST(${fieldRef(m.field)}, ${fieldRef(m.otherField)})`;
    case 'last':
      return `LAST(${fieldRef(m.field)}, ${fieldRef(m.otherField)})`;
    default:
      return `${SINGLE(m.kind)}(${fieldRef(m.field)})`;
  }
}

const PART: Record<string, string> = {
  year: 'YEAR(#)',
  quarter: 'QUARTER(#)',
  month: 'MONTH(#)',
  isoWeek: 'ISOWEEKNUM(#)',
  weekday: 'WEEKDAY(#, 2)',
  day: 'DAY(#)',
};

/**
 * The row formula a derived field stands for. Bins keep blanks blank.
 * @example derivedFormula({ kind: 'bin', name: 'b', field: 'x', width: 10, origin: 5 }) // 'IF(ISBLANK([x]), "", 5 + FLOOR.MATH([x] - 5, 10))'
 */
export function derivedFormula(d: DerivedField): string {
  switch (d.kind) {
    case 'formula':
      return d.formula;
    case 'datePart':
      return `IF(ISBLANK(${fieldRef(d.field)}), "", ${PART[d.part].replace('#', fieldRef(d.field))})`;
    case 'bin': {
      const origin = d.origin ?? 0;
      const x = fieldRef(d.field);
      const shifted = origin === 0 ? x : `${x} - ${literal(origin)}`;
      const floor = `FLOOR.MATH(${shifted}, ${literal(d.width)})`;
      return `IF(ISBLANK(${x}), "", ${origin === 0 ? floor : `${literal(origin)} + ${floor}`})`;
    }
  }
}

/** A number literal the formula lexer reads back exactly (negative numbers in parentheses). */
function literal(n: number): string {
  return n < 0 ? `(${String(n)})` : String(n);
}
