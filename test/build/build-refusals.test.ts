/**
 * The production build refuses what the admin center or Office would reject, before compiling:
 * a non-https or localhost ADDIN_URL, a missing ADDIN_URL, and a manifest Version that was not
 * raised since the last release tag.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkVersionRaised, lastRelease } from '../../scripts/build-checks.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function build(...env: string[]) {
  const out = mkdtempSync(join(tmpdir(), 'pivotdeck-refused-'));
  const args = [join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--env', `OUTPUT_DIR=${out}`];
  for (const e of env) args.push('--env', e);
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ADDIN_URL: '' } });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('npm run build refuses', () => {
  it('a non-https ADDIN_URL, with a message that says https is required', () => {
    const r = build('ADDIN_URL=http://host.example/pivotdeck');
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('PivotDeck build refused: ADDIN_URL must use https (got "http://host.example/pivotdeck")');
  });

  it('localhost over https', () => {
    const r = build('ADDIN_URL=https://localhost:3000');
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('ADDIN_URL must not be localhost for production');
  });

  it('a build without ADDIN_URL, showing the command to use', () => {
    const r = build();
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('npm run build -- --env ADDIN_URL=https://host.example/pivotdeck');
  });
});

describe('the Version rule against release tags', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], { cwd, stdio: 'ignore' });

  function repoWithRelease(version: string, tag: string) {
    const dir = mkdtempSync(join(tmpdir(), 'pivotdeck-tags-'));
    git(dir, 'init', '-q');
    writeFileSync(join(dir, 'manifest.xml'), `<OfficeApp><Version>${version}</Version></OfficeApp>`);
    git(dir, 'add', 'manifest.xml');
    git(dir, 'commit', '-q', '-m', 'release');
    git(dir, 'tag', tag);
    return dir;
  }

  it('refuses the released Version and a lower one, accepts a higher one', () => {
    const dir = repoWithRelease('1.2.0.0', 'v1.2.0');
    expect(() => checkVersionRaised('1.2.0.0', dir)).toThrow('Version 1.2.0.0 is not higher than 1.2.0.0 released as v1.2.0');
    expect(() => checkVersionRaised('1.1.9.0', dir)).toThrow(/ALLOW_SAME_VERSION=1/);
    expect(checkVersionRaised('1.2.0.1', dir)).toEqual({ tag: 'v1.2.0', version: '1.2.0.0' });
  });

  it('lets the same Version through when told to', () => {
    const dir = repoWithRelease('1.2.0.0', 'v1.2.0');
    expect(() => checkVersionRaised('1.2.0.0', dir, true)).not.toThrow();
  });

  it('uses the highest tag by number, not by text, and reads the manifest as tagged', () => {
    const dir = repoWithRelease('1.9.0.0', 'v1.9.0');
    writeFileSync(join(dir, 'manifest.xml'), '<OfficeApp><Version>1.10.0.0</Version></OfficeApp>');
    git(dir, 'commit', '-q', '-am', 'next');
    git(dir, 'tag', 'v1.10.0');
    expect(lastRelease(dir)).toEqual({ tag: 'v1.10.0', version: '1.10.0.0' });
  });

  it('has nothing to compare with when there is no release tag', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pivotdeck-notags-'));
    git(dir, 'init', '-q');
    expect(lastRelease(dir)).toBeNull();
    expect(checkVersionRaised('1.0.0.0', dir)).toBeNull();
  });
});
