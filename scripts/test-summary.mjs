#!/usr/bin/env node
// Prints the final plain line "N passed, N failed" from vitest's JSON report, summing all tiers.
// A missing or unreadable report counts as a failure (the run did not finish), never as success.
// Usage: node scripts/test-summary.mjs test-output/vitest.json [vitest exit code]
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-output/vitest.json';
const vitestExit = Number(process.argv[3] ?? 0);
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  // A suite that fails to load (syntax error, failing beforeAll) has no failed tests in it:
  // count each such file as one failure so the line cannot read "0 failed" after a broken run.
  for (const suite of report.testResults ?? []) {
    if (suite.status === 'failed' && !(suite.assertionResults ?? []).some((a) => a.status === 'failed')) failed += 1;
  }
} catch {
  failed += 1;
}
if (vitestExit !== 0 && failed === 0) failed = 1; // vitest failed for a reason the report does not show
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
