/**
 * The production build refuses to make pages without the publisher's details, or with details
 * or manifest names that a store submission would reject: one line says what to fix (exit 2),
 * before anything is compiled.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function build(...env: string[]) {
  const out = mkdtempSync(join(tmpdir(), 'pivotdeck-refused-'));
  const args = [join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--env', `OUTPUT_DIR=${out}/dist`,
    '--env', 'ADDIN_URL=https://addins.example.org/pivotdeck', '--env', 'ALLOW_SAME_VERSION=1'];
  for (const e of env) args.push('--env', e);
  // The build also reads these from the environment: none may leak in from the caller's shell.
  const { PUBLISHER: _p, DISPLAY_NAME: _d, PROVIDER_NAME: _n, ...inherited } = process.env;
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: inherited });
  return { status: r.status, output: `${r.stdout}${r.stderr}`, out };
}

describe('the production build refuses', () => {
  // A clone that keeps its own publisher.json in the root builds with it, by design.
  it.skipIf(existsSync(join(ROOT, 'publisher.json')))('to run without the publisher\'s details, saying how to give them', () => {
    const r = build();
    expect(r.status).toBe(2);
    expect(r.output).toContain('PivotDeck build refused: publisher details are required for the support, privacy and terms pages');
    expect(r.output).toContain('--env PUBLISHER=path/to/publisher.json');
  });

  it('publisher details with a wrong field, naming it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pivotdeck-pub-')), 'publisher.json');
    writeFileSync(file, JSON.stringify({ name: 'Contoso', email: 'support at contoso', jurisdiction: 'Ireland' }));
    const r = build(`PUBLISHER=${file}`);
    expect(r.status).toBe(2);
    expect(r.output).toContain('email must be an e-mail address people can write to for support');
  });

  it('a DISPLAY_NAME longer than the manifest allows', () => {
    const r = build('PUBLISHER=publisher.example.json', `DISPLAY_NAME=${'x'.repeat(126)}`);
    expect(r.status).toBe(2);
    expect(r.output).toContain('PivotDeck build refused: DISPLAY_NAME is 126 characters; the manifest allows at most 125');
  });
});
