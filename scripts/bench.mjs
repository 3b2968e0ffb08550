#!/usr/bin/env node
// `npm run bench`: runs every bench/**/*.bench.ts in its own process (tsx), one after another,
// so each prints ratios measured within one run and none disturbs another's memory figures.
// `npm run bench -- engine` runs only the files whose path contains "engine"; `-- pane` drives the
// task pane in Chromium over a 1M-row workbench (bench/pane), `-- start` measures how fast the
// production pane opens and its initial JavaScript (bench/start).
// Benches print figures; they never assert wall-clock times. A bench exits non-zero only when
// its results disagree with its reference computation.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filter = process.argv[2] ?? '';

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return find(path);
    return name.endsWith('.bench.ts') ? [path] : [];
  });
}

const files = find(join(root, 'bench')).filter((f) => relative(root, f).includes(filter)).sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${relative(root, file)} ===`);
  const result = spawnSync(process.execPath, ['--max-old-space-size=12288', '--expose-gc', join(root, 'node_modules/tsx/dist/cli.mjs'), file], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TZ: 'UTC' },
  });
  if (result.status !== 0) {
    failed += 1;
    console.log(`bench failed: ${relative(root, file)} (exit ${result.status})`);
  }
}
console.log(`\n${files.length - failed} benches ran, ${failed} failed`);
process.exit(failed ? 1 : 0);
