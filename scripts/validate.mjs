#!/usr/bin/env node
// `npm run validate`: every manifest check we have, loudest first.
//  1. project checks (scripts/check-manifest.mjs) on manifest.xml, and with the admin-center
//     rules on dist/manifest.xml when a production build exists;
//  2. the offline XSD schema check (../shared/tools/validate-manifest.mjs) when ../shared exists;
//  3. Microsoft's online validator (npx office-addin-manifest validate) when its service is
//     reachable; otherwise one line saying it was not run and why. Never a test: it needs the network.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkManifest } from './check-manifest.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const VALIDATION_SERVICE = 'https://validationgateway.omex.office.net/package/api/check';
let failed = false;

const targets = [{ file: join(root, 'manifest.xml'), production: false, label: 'manifest.xml' }];
const distManifest = join(root, 'dist', 'manifest.xml');
if (existsSync(distManifest)) targets.push({ file: distManifest, production: true, label: 'dist/manifest.xml' });
else console.log('dist/manifest.xml: not built (npm run build -- --env ADDIN_URL=https://...) — production rules not checked');

for (const t of targets) {
  const errors = checkManifest(readFileSync(t.file, 'utf8'), { rootDir: dirname(t.file), production: t.production });
  for (const e of errors) console.log(`  ${e}`);
  console.log(`${t.label}: project checks ${errors.length ? `FAILED (${errors.length})` : 'passed'}${t.production ? ' (production rules)' : ''}`);
  failed ||= errors.length > 0;
}

const schemaTool = join(root, '..', 'shared', 'tools', 'validate-manifest.mjs');
if (existsSync(schemaTool)) {
  for (const t of targets) {
    process.stdout.write(`${t.label}: `);
    const r = spawnSync(process.execPath, [schemaTool, t.file], { cwd: root, stdio: 'inherit' });
    failed ||= r.status !== 0;
  }
} else {
  console.log('schema check: skipped (../shared/tools/validate-manifest.mjs is not next to this clone)');
}

async function reachable(url) {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    return true; // any HTTP answer means the network path exists
  } catch (e) {
    return e?.cause?.code ?? e?.name ?? 'no answer';
  }
}

const net = await reachable(VALIDATION_SERVICE);
if (net !== true) {
  console.log(`online validator: NOT RUN — Microsoft's validation service is unreachable from here (${net}). ` +
    'Run "npx --yes office-addin-manifest validate dist/manifest.xml" on a machine with internet before a release.');
} else {
  for (const t of targets) {
    console.log(`online validator: ${t.label}`);
    const r = spawnSync('npx', ['--yes', 'office-addin-manifest', 'validate', t.file], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (r.status !== 0) {
      console.log('online validator: reported problems or could not run (see above)');
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
