#!/usr/bin/env node
// `npm run validate`: every manifest check we have, loudest first.
//  1. project checks (scripts/check-manifest.mjs) on manifest.xml, and with the admin-center
//     rules on dist/manifest.xml when a production build exists;
//  2. the offline XSD schema check (../shared/tools/validate-manifest.mjs) when ../shared exists;
//  3. Microsoft's validator (npx office-addin-manifest validate) when its service is reachable:
//     manifest.xml as a development manifest, dist/manifest.xml with -p, the store-level
//     (Microsoft Marketplace / AppSource) rules that refuse localhost and developer settings.
//     When the service is unreachable it says so in one line and that nothing was checked there.
//     Never a test: it needs the network.
//
//   node scripts/validate.mjs [DIST_DIR]     DIST_DIR defaults to dist
// PIVOTDECK_VALIDATION_SERVICE replaces the address probed for reachability and
// PIVOTDECK_OFFICE_VALIDATOR the command run instead of "npx --yes office-addin-manifest"
// (both for tests: this machine has no internet).
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkManifest } from './check-manifest.mjs';

/**
 * The runs of Microsoft's validator for these manifests: the production one with -p (store
 * rules), the development one without (it points at localhost by design).
 * @example validatorRuns([{ file: 'dist/manifest.xml', production: true, label: 'dist/manifest.xml' }])
 *   // => [{ label: 'dist/manifest.xml', args: ['validate', '-p', 'dist/manifest.xml'] }]
 */
export function validatorRuns(targets) {
  return targets.map((t) => ({ label: t.label, args: ['validate', ...(t.production ? ['-p'] : []), t.file] }));
}

async function reachable(url) {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    return true; // any HTTP answer means the network path exists
  } catch (e) {
    return e?.cause?.code ?? e?.name ?? 'no answer';
  }
}

async function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const distDir = resolve(process.argv[2] ?? join(root, 'dist'));
  const VALIDATION_SERVICE = process.env.PIVOTDECK_VALIDATION_SERVICE || 'https://validationgateway.omex.office.net/package/api/check';
  let failed = false;

  const targets = [{ file: join(root, 'manifest.xml'), production: false, label: 'manifest.xml' }];
  const distManifest = join(distDir, 'manifest.xml');
  const distLabel = `${process.argv[2] ?? 'dist'}/manifest.xml`;
  if (existsSync(distManifest)) targets.push({ file: distManifest, production: true, label: distLabel });
  else console.log(`${distLabel}: not built (npm run build -- --env ADDIN_URL=https://...) — production rules not checked`);

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

  const production = targets.some((t) => t.production);
  const net = await reachable(VALIDATION_SERVICE);
  if (net !== true) {
    console.log(`Microsoft validator: NOT RUN — its service is unreachable from here (${net}), so neither the manifest ` +
      'checks nor the store-level checks (-p) ran. This is not a pass: on a machine with internet, run ' +
      '"npx --yes office-addin-manifest validate -p dist/manifest.xml" before submitting to the Microsoft Marketplace.');
  } else {
    if (!production) console.log('Microsoft validator, store-level checks (-p): NOT RUN — no production build (npm run build -- --env ADDIN_URL=https://...)');
    const [command, ...prefix] = (process.env.PIVOTDECK_OFFICE_VALIDATOR || 'npx --yes office-addin-manifest').split(' ');
    for (const run of validatorRuns(targets)) {
      const store = run.args.includes('-p');
      console.log(`Microsoft validator: ${run.label}${store ? ' with store-level checks (-p)' : ' (development manifest, no -p)'}`);
      const r = spawnSync(command, [...prefix, ...run.args], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
      if (r.status !== 0) {
        console.log(`Microsoft validator: ${run.label} reported problems or could not run (see above)`);
        failed = true;
      }
    }
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
