// vitest globalSetup for the browser tier: one webpack development build (task pane, commands
// and workbench) into build/ before any browser test runs, so each test file only serves files.
// Tests read the folder with `inject('buildDir')` (or use <repo>/build directly).
// Set PIVOTDECK_REUSE_BUILD=1 to skip the build while iterating on tests against an existing build/.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_DIR = join(root, 'build');

export default function setup({ provide }) {
  const reuse = process.env.PIVOTDECK_REUSE_BUILD === '1' && existsSync(join(BUILD_DIR, 'workbench.html'));
  if (!reuse) {
    const cli = join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
    try {
      execFileSync(process.execPath, [cli, '--mode', 'development', '--env', `OUTPUT_DIR=${BUILD_DIR}`], {
        cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8',
      });
    } catch (e) {
      throw new Error(`webpack build for browser tests failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  }
  provide('buildDir', BUILD_DIR);
}
