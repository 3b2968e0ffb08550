/**
 * `npm run validate` (scripts/validate.mjs) and Microsoft's validator: the production manifest is
 * checked with the store-level rules (-p), the development one without; when the validation
 * service cannot be reached, the script says plainly that nothing was checked there.
 *
 * This machine has no internet, so Microsoft's service is replaced by a local server (is it
 * reachable?) and its command by a recorder that writes the arguments it was given.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rewriteManifest } from '../../scripts/build-checks.mjs';
import { validatorRuns } from '../../scripts/validate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A dist/ the way the production build lays it out: rewritten manifest and the icons. */
function fakeDist(): string {
  const dist = join(mkdtempSync(join(tmpdir(), 'pivotdeck-validate-')), 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  for (const n of [16, 32, 64, 80]) copyFileSync(join(ROOT, 'assets', `icon-${n}.png`), join(dist, 'assets', `icon-${n}.png`));
  writeFileSync(join(dist, 'manifest.xml'), rewriteManifest(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'), 'https://addins.example.org/pivotdeck'));
  return dist;
}

/** Runs the script as a child process; async, because the test's own server must keep answering. */
function validate(dist: string, env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'validate.mjs'), dist], { cwd: ROOT, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('error', fail);
    child.on('close', (status) => ok({ status, output }));
  });
}

/** A port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

describe('validatorRuns', () => {
  it('gives the production manifest -p and the development manifest none', () => {
    expect(validatorRuns([
      { file: '/r/manifest.xml', production: false, label: 'manifest.xml' },
      { file: '/r/dist/manifest.xml', production: true, label: 'dist/manifest.xml' },
    ])).toEqual([
      { label: 'manifest.xml', args: ['validate', '/r/manifest.xml'] },
      { label: 'dist/manifest.xml', args: ['validate', '-p', '/r/dist/manifest.xml'] },
    ]);
  });
});

describe('npm run validate when Microsoft\'s service cannot be reached (as on this machine)', () => {
  it('runs the project checks, then says in one line that the store-level checks did not run and are not a pass', async () => {
    const port = await closedPort();
    const r = await validate(fakeDist(), { PIVOTDECK_VALIDATION_SERVICE: `http://127.0.0.1:${port}/check` });
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/manifest\.xml: project checks passed/);
    expect(r.output).toMatch(/dist\/manifest\.xml: project checks passed \(production rules\)/);
    expect(r.output).toContain('Microsoft validator: NOT RUN — its service is unreachable from here (ECONNREFUSED)');
    expect(r.output).toContain('store-level checks (-p)');
    expect(r.output).toContain('This is not a pass');
    expect(r.output).toContain('npx --yes office-addin-manifest validate -p dist/manifest.xml');
  });
});

describe('npm run validate when the service answers', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(405).end());
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/check`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  /** A stand-in for "npx office-addin-manifest": records its arguments, exits with `code`. */
  function recorder(code: number): { command: string; log: string } {
    const dir = mkdtempSync(join(tmpdir(), 'pivotdeck-recorder-'));
    const log = join(dir, 'calls.txt');
    const script = join(dir, 'recorder.mjs');
    writeFileSync(script, `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, process.argv.slice(2).join(' ') + '\\n');\nprocess.exit(${code});\n`);
    return { command: `${process.execPath} ${script}`, log };
  }

  it('validates dist/manifest.xml with -p and manifest.xml without', async () => {
    const dist = fakeDist();
    const rec = recorder(0);
    const r = await validate(dist, { PIVOTDECK_VALIDATION_SERVICE: url, PIVOTDECK_OFFICE_VALIDATOR: rec.command });
    expect(r.status, r.output).toBe(0);
    expect(readFileSync(rec.log, 'utf8').trim().split('\n')).toEqual([
      `validate ${join(ROOT, 'manifest.xml')}`,
      `validate -p ${join(dist, 'manifest.xml')}`,
    ]);
    expect(r.output).toContain('with store-level checks (-p)');
  });

  it('fails when Microsoft\'s validator reports problems', async () => {
    const rec = recorder(1);
    const r = await validate(fakeDist(), { PIVOTDECK_VALIDATION_SERVICE: url, PIVOTDECK_OFFICE_VALIDATOR: rec.command });
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/Microsoft validator: .*dist\/manifest\.xml reported problems/);
  });

  it('says the store-level checks did not run when there is no production build', async () => {
    const rec = recorder(0);
    const r = await validate(join(mkdtempSync(join(tmpdir(), 'pivotdeck-nodist-')), 'dist'), { PIVOTDECK_VALIDATION_SERVICE: url, PIVOTDECK_OFFICE_VALIDATOR: rec.command });
    expect(r.output).toContain('store-level checks (-p): NOT RUN — no production build');
    expect(readFileSync(rec.log, 'utf8').trim().split('\n')).toEqual([`validate ${join(ROOT, 'manifest.xml')}`]);
  });
});
