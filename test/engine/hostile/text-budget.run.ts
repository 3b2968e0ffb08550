/**
 * Run in its own process by hostile-input.test.ts: each row joins a 16,000-character text to
 * itself (32,000 characters, under the per-value cap) over 7,000 rows, 224 million characters in
 * all. The query must stop with the text-budget message instead of filling memory.
 */
import { executeQuery, tableFromExcelValues } from '../../../src/engine';
import { BUDGET_ROWS, BUDGET_TEXT_LENGTH } from './inputs';

const big = 'x'.repeat(BUDGET_TEXT_LENGTH);
const { table } = tableFromExcelValues(['Group', 'Text'], Array.from({ length: BUDGET_ROWS }, (_, i) => [`G${i % 2}`, big]));
let outcome: { name: string; message: string } | { name: 'none' };
try {
  executeQuery(
    {
      version: 1,
      source: { kind: 'table', name: 'T' },
      rows: ['Group'],
      derived: [{ kind: 'formula', name: 'Twice', formula: '[Text] & [Text]' }],
      measures: [{ id: 'n', kind: 'count', field: 'Twice' }],
    },
    () => table,
    { output: 'flat' },
  );
  outcome = { name: 'none' };
} catch (error) {
  outcome = { name: (error as Error).name, message: (error as Error).message };
}
process.stdout.write(JSON.stringify(outcome));
