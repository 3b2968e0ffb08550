#!/usr/bin/env node
// `npm test`: lint (eslint + tsc), make sure Chromium exists for the browser tier, run every tier
// through vitest (TZ=UTC), and end with the plain line "N passed, N failed".
// Each failed lint step counts as one failure in that line, so a lint error cannot hide.
// Extra arguments go to vitest (e.g. `npm test -- test/engine` or `-- --project unit`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureClickHouse, SKIP_LINE } from './clickhouse/ensure-clickhouse.mjs';
import { summarize } from './test-summary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg, path) => join(root, 'node_modules', pkg, path);
const env = { ...process.env, TZ: 'UTC' };
if (process.env.CI) {
  // Plain logs in CI. (FORCE_COLOR=0 would not do: some libraries enable colour when the
  // variable merely exists.)
  delete env.FORCE_COLOR;
  env.NO_COLOR = '1';
}
const run = (label, args) => {
  console.log(`\n> ${label}`);
  return spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' }).status ?? 1;
};

// .ci/run passes failures of its own steps (schema checks) so the last line covers them too.
let extraFailures = Number(process.env.PIVOTDECK_PRIOR_FAILURES ?? 0) || 0;
if (run('eslint .', [bin('eslint', 'bin/eslint.js'), '.']) !== 0) extraFailures += 1;
if (run('tsc -p .', [bin('typescript', 'bin/tsc'), '-p', '.']) !== 0) extraFailures += 1;

if (run('ensure chromium', [join(root, 'scripts', 'ensure-chromium.mjs')]) !== 0) {
  console.log(`0 passed, ${extraFailures + 1} failed`);
  process.exit(1);
}

// The warehouse tier needs clickhouse-server (installed here when root on Debian). Missing and not
// explicitly skipped (PIVOTDECK_SKIP_CLICKHOUSE=1) counts as one failure; the other tiers still run.
console.log('\n> ensure clickhouse-server');
const clickhouse = ensureClickHouse();
if (clickhouse === 'missing') {
  extraFailures += 1;
  env.PIVOTDECK_SKIP_CLICKHOUSE = '1';
}

const report = join(root, 'test-output', 'vitest.json');
mkdirSync(dirname(report), { recursive: true });
rmSync(report, { force: true });
const vitestExit = run('vitest run (unit, simulator, browser, build, warehouse)', [
  bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);
const { passed, failed } = summarize(report, vitestExit);
if (clickhouse === 'skipped') console.log(`\n${SKIP_LINE}`);
console.log(`\n${passed} passed, ${failed + extraFailures} failed`);
process.exit(failed + extraFailures > 0 ? 1 : 0);
