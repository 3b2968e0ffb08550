import type { CallNode, FormulaAst, FormulaNode } from './ast';
import { formatFieldRef } from './field-ref';
import { foreignAnswer } from './foreign-names';
import { FormulaError, quote } from './formula-error';
import { type FunctionDef, functionNames, lookupFunction } from './functions';
import { suggest } from './suggest';
import { findMeasureByName, MEASURE_VOCABULARY } from '../measures/vocabulary';

/**
 * Names from Excel's PivotTables and the pane's pickers (StdDev, "Distinct count") that no answer
 * in foreign-names.ts covers, answered with PivotDeck's own function: edit distance alone does not
 * find them. (Names that compute the same are read as ours by the parser: aliases.ts.)
 */
const foreignName = (name: string): string | undefined => {
  const match = findMeasureByName(name);
  return match ? MEASURE_VOCABULARY[match.kind].formulaFunction : undefined;
};

/** Unknown fields per formula that get a "did you mean" (each one compares every field). */
const MAX_FIELD_SUGGESTIONS = 8;

/**
 * Where a formula is used:
 * - `measure`: one value per group; every field must sit inside an aggregate (SUM([x])/COUNT([y]))
 * - `row`: one value per row (derived field, filter); aggregates are not allowed
 */
export type FormulaRole = 'measure' | 'row';

export interface CheckOptions {
  role: FormulaRole;
  /** The source's field names. Omit to skip field checks (syntax and functions only). */
  fields?: readonly string[];
  /**
   * How many unknown fields get a "did you mean" (default 8). Each suggestion compares every
   * field; callers checking many formulas at once pass what is left of their own allowance.
   */
  suggestions?: number;
}

/** Lists this short are scanned; longer ones get an index (built once per list). */
const SCAN_FIELDS = 32;

interface FieldIndex {
  length: number;
  exact: Map<string, number>;
  lower: Map<string, number>;
}

/** Per field list: positions by name and by lower-case name (first one wins, as in a scan). */
const indexes = new WeakMap<readonly string[], FieldIndex>();

function indexOf(fields: readonly string[]): FieldIndex {
  let index = indexes.get(fields);
  // Lists only grow (a derived field is pushed after the ones it may use), so the length tells.
  if (!index || index.length !== fields.length) {
    index = { length: fields.length, exact: new Map(), lower: new Map() };
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (!index.exact.has(f)) index.exact.set(f, i);
      const l = f.toLowerCase();
      if (!index.lower.has(l)) index.lower.set(l, i);
    }
    indexes.set(fields, index);
  }
  return index;
}

/**
 * Resolve a field reference against the source's fields: exact match first,
 * then case-insensitive (Excel table headers are unique regardless of case).
 * Long lists are indexed once, so a formula naming hundreds of fields among
 * thousands costs one look-up per reference, not a scan.
 * @example resolveField('revenue', ['Revenue', 'Units']) // 'Revenue'
 */
export function resolveField(name: string, fields: readonly string[]): string | undefined {
  if (fields.length <= SCAN_FIELDS) {
    if (fields.includes(name)) return name;
    const lower = name.toLowerCase();
    return fields.find((f) => f.toLowerCase() === lower);
  }
  const index = indexOf(fields);
  const at = index.exact.get(name) ?? index.lower.get(name.toLowerCase());
  if (at === undefined) return undefined;
  const found = fields[at];
  // A list changed in place (same length) is re-indexed rather than trusted.
  if (found !== name && found.toLowerCase() !== name.toLowerCase()) {
    indexes.delete(fields);
    return resolveField(name, fields);
  }
  return found;
}

/** Is the node a compile-time constant number (e.g. 0.9, 90%, -1)? */
export function isConstantNumber(node: FormulaNode): boolean {
  if (node.kind === 'number') return true;
  if (node.kind === 'unary') return isConstantNumber(node.arg);
  return false;
}

/**
 * The value of a constant number node (see isConstantNumber).
 * @example constantValue(parseFormula('90%').root) // 0.9
 */
export function constantValue(node: FormulaNode): number {
  if (node.kind === 'number') return node.value;
  if (node.kind === 'unary') {
    const v = constantValue(node.arg);
    return node.op === '-' ? -v : node.op === '%' ? v / 100 : v;
  }
  throw new TypeError('not a constant');
}

/**
 * Check a parsed formula against the function catalogue, the source's fields
 * and its role. Returns every problem found (empty when the formula is good),
 * each naming the offending part and its position.
 * @example checkFormula(parseFormula('MEDIN([Revenue])'), { role: 'measure', fields: ['Revenue'] })[0].message
 *   // 'Unknown function MEDIN at 1:1 — did you mean MEDIAN?'
 * @example checkFormula(parseFormula('[Revenue] * 2'), { role: 'measure' })[0].code // 'not-a-measure'
 */
export function checkFormula(ast: FormulaAst, options: CheckOptions): FormulaError[] {
  const errors: FormulaError[] = [];
  const source = ast.source;
  const fields = options.fields;
  let suggestionsLeft = options.suggestions ?? MAX_FIELD_SUGGESTIONS;

  // A call by the name the user wrote, and what it was read as when that was an alias
  // ("COUNTROWS (read as COUNTA)"), so a message never names a function that is not in the text.
  const called = (node: CallNode, name: string): string => {
    const written = source.slice(node.nameSpan.start, node.nameSpan.end).toUpperCase();
    return written === name || written === '' ? name : `${quote(written)} (read as ${name})`;
  };

  // `opaque`: inside an unknown function, which might be an aggregate, so bare fields are not flagged.
  const visit = (node: FormulaNode, aggregate: CallNode | null, opaque = false): void => {
    switch (node.kind) {
      case 'field': {
        if (fields && resolveField(node.name, fields) === undefined) {
          // Suggestions for the first few unknown fields only: a formula can name thousands.
          const near = suggestionsLeft-- > 0 ? suggest(node.name, fields) : [];
          errors.push(
            new FormulaError(
              'unknown-field',
              `Unknown field [${quote(node.name)}]`,
              node.span,
              source,
              near.length ? `did you mean ${near.map((f) => formatFieldRef(quote(f, 256))).join(' or ')}?` : undefined,
            ),
          );
        }
        if (options.role === 'measure' && !aggregate && !opaque) {
          errors.push(
            new FormulaError(
              'not-a-measure',
              `Field [${quote(node.name)}] is used outside an aggregate`,
              node.span,
              source,
              `a measure needs one value per group, e.g. SUM(${formatFieldRef(quote(node.name))}) or MEDIAN(${formatFieldRef(quote(node.name))})`,
            ),
          );
        }
        return;
      }
      case 'unary':
        visit(node.arg, aggregate, opaque);
        return;
      case 'binary':
        visit(node.left, aggregate, opaque);
        visit(node.right, aggregate, opaque);
        return;
      case 'call': {
        const def = lookupFunction(node.name);
        if (!def) {
          const answer = foreignAnswer(node.name, node.args.map((a) => source.slice(a.span.start, a.span.end)));
          if (answer) {
            errors.push(new FormulaError('unknown-function', `PivotDeck's formulas have no ${quote(node.name)}`, node.nameSpan, source, answer));
            for (const arg of node.args) visit(arg, aggregate, true);
            return;
          }
          const alias = foreignName(node.name);
          const near = alias ? [alias] : suggest(node.name, functionNames());
          errors.push(
            new FormulaError(
              'unknown-function',
              `Unknown function ${quote(node.name)}`,
              node.nameSpan,
              source,
              near.length ? `did you mean ${near.join(' or ')}?` : undefined,
            ),
          );
          for (const arg of node.args) visit(arg, aggregate, true);
          return;
        }
        const arityOk = checkArity(node, def);
        if (def.kind === 'aggregate') {
          if (aggregate) {
            errors.push(
              new FormulaError(
                'nested-aggregate',
                `${called(node, def.name)} is inside ${called(aggregate, aggregate.name)}`,
                node.nameSpan,
                source,
                'an aggregate cannot contain another aggregate',
              ),
            );
          } else if (options.role === 'row') {
            errors.push(
              new FormulaError(
                'aggregate-not-allowed',
                `Aggregate ${called(node, def.name)} is not allowed here`,
                node.nameSpan,
                source,
                'filters and derived fields work row by row; use it in a measure',
              ),
            );
          }
          const inputs = def.inputs ?? 0;
          node.args.forEach((arg, i) => {
            if (arityOk && i >= inputs && !isConstantNumber(arg)) {
              errors.push(
                new FormulaError('constant-required', `Argument ${i + 1} of ${called(node, def.name)} must be a number`, arg.span, source, 'e.g. 0.9 or 90%'),
              );
            }
            visit(arg, node);
          });
          return;
        }
        for (const arg of node.args) visit(arg, aggregate, opaque);
        return;
      }
      default:
        return;
    }
  };

  const checkArity = (node: CallNode, def: FunctionDef): boolean => {
    const n = node.args.length;
    if (n >= def.minArgs && n <= def.maxArgs) return true;
    const expected =
      def.minArgs === def.maxArgs
        ? `${def.minArgs} argument${def.minArgs === 1 ? '' : 's'}`
        : def.maxArgs >= 30
          ? `at least ${def.minArgs} argument${def.minArgs === 1 ? '' : 's'}`
          : `${def.minArgs} to ${def.maxArgs} arguments`;
    errors.push(new FormulaError('arity', `${called(node, def.name)} takes ${expected}, not ${n}`, node.span, source, def.signature));
    return false;
  };

  visit(ast.root, null);
  return errors;
}
