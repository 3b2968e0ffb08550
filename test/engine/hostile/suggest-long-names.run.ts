/**
 * Run in its own process by hostile-input.test.ts: "did you mean" over 2,000 field names of
 * 245 characters (it used to take seconds per unknown field), and a spec whose 200 measures each
 * name an unknown long field one edit away from a real one. Prints what the user would read.
 */
import * as aq from 'arquero';
import { columnTable, computeMeasures, executeQuery, QueryFieldError, QueryFormulaError, suggest } from '../../../src/engine';
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
process.stdout.write(JSON.stringify({ queryMessage, first: suggest(MISSPELT, LONG_NAMES)[0], problems, withSuggestion }));
