// vitest globalSetup for the browser tier: one webpack development build (task pane, commands
// and workbench) into build/ before any browser test runs, so each test file only serves files.
// Tests read the folder with `inject('buildDir')` (or use <repo>/build directly).
// Set PIVOTDECK_REUSE_BUILD=1 to skip the build while iterating on tests against an existing build/.
// The build runs as an async child process: globalSetup lives in vitest's main process, and a
// synchronous build would block the RPC that workers of the other tiers report through.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_DIR = join(root, 'build');

/** Runs webpack with `args`; resolves with its output, rejects with it on failure. */
export function runWebpack(args) {
  return new Promise((resolve, reject) => {
    const cli = join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(Object.assign(new Error(`webpack exited with ${code}:\n${output}`), { output, code }))));
  });
}

export default async function setup({ provide }) {
  const reuse = process.env.PIVOTDECK_REUSE_BUILD === '1' && existsSync(join(BUILD_DIR, 'workbench.html'));
  if (!reuse) await runWebpack(['--mode', 'development', '--env', `OUTPUT_DIR=${BUILD_DIR}`]);
  provide('buildDir', BUILD_DIR);
}
