#!/usr/bin/env node
// The final plain line of `npm test`: "N passed, N failed", summed over all tiers from vitest's
// JSON report. A missing or unreadable report, or a file that failed to load, counts as a
// failure, never as success.
// Usage: node scripts/test-summary.mjs test-output/vitest.json [vitest exit code]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Counts passed and failed tests in a vitest JSON report. */
export function summarize(file, vitestExit = 0) {
  let passed = 0;
  let failed = 0;
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed = report.numPassedTests ?? 0;
    failed = report.numFailedTests ?? 0;
    // A file that fails to load (syntax error, failing beforeAll) may hold no failed test:
    // count it as one failure so the line cannot read "0 failed" after a broken run.
    for (const suite of report.testResults ?? []) {
      if (suite.status === 'failed' && !(suite.assertionResults ?? []).some((a) => a.status === 'failed')) failed += 1;
    }
  } catch {
    failed += 1;
  }
  if (vitestExit !== 0 && failed === 0) failed = 1; // vitest failed for a reason the report does not show
  return { passed, failed };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { passed, failed } = summarize(process.argv[2] ?? 'test-output/vitest.json', Number(process.argv[3] ?? 0));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}
