/**
 * Run in its own process by hostile-input.test.ts: "did you mean" over 2,000 field names of
 * 245 characters (it used to take seconds per unknown field), a spec whose 200 measures each
 * name an unknown long field one edit away from a real one, and formulas with 900 field
 * references among those 2,000 names (each reference used to scan and lower-case every name:
 * 4 s unknown, 9 s known). Prints what the user would read.
 */
import * as aq from 'arquero';
import { checkFormula, columnTable, computeMeasures, executeQuery, parseFormula, QueryFieldError, QueryFormulaError, suggest } from '../../../src/engine';
import { manyReferences } from './inputs';
import { LONG_NAMES, MISSPELT } from './inputs';

const table = columnTable(new Map(LONG_NAMES.map((name, i) => [name, [i, i + 1]])));
let queryMessage = '';
try {
  executeQuery({ version: 1, source: { kind: 'table', name: 'T' }, rows: [MISSPELT], measures: [{ id: 'n', kind: 'count', field: LONG_NAMES[0]! }] }, () => table as aq.ColumnTable);
} catch (error) {
  if (!(error instanceof QueryFieldError)) throw error;
  queryMessage = error.message;
}
let problems = 0;
let withSuggestion = 0;
try {
  computeMeasures(table, {
    groupBy: [],
    measures: Array.from({ length: 200 }, (_, k) => ({ id: `m${k}`, formula: `SUM([${LONG_NAMES[k]!.slice(0, -1)}x])` })),
  });
} catch (error) {
  if (!(error instanceof QueryFormulaError)) throw error;
  problems = error.problems.length;
  withSuggestion = error.problems.filter((p) => p.error.message.includes('did you mean')).length;
}
const unknownRefs = checkFormula(parseFormula(manyReferences((k) => `[u${k}]`)), { role: 'row', fields: LONG_NAMES }).length;
// The same shape with every reference to one field, spelt in another case, at the end of the list.
const withLast = columnTable(new Map<string, unknown>([...LONG_NAMES.map((n, i): [string, unknown] => [n, [i, i]]), ['Last', ['ab', 'c']]]));
const knownRefs = computeMeasures(withLast, { groupBy: [], measures: [{ id: 'm', formula: `SUM(LEN(${manyReferences(() => '[LAST]')}))` }] }).levels[0]!.rows[0]!.values[0];
process.stdout.write(JSON.stringify({ queryMessage, first: suggest(MISSPELT, LONG_NAMES)[0], problems, withSuggestion, unknownRefs, knownRefs }));
