#!/usr/bin/env node
// Development HTTPS certificates for https://localhost:3000, generated WITHOUT installing a CA
// (office-addin-dev-certs' `install` calls sudo to change the system trust store; its library
// can generate the files alone). They live in .certs/ (git-ignored) and are reused until they
// are close to expiry. Run alone: node scripts/dev-certs.mjs
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Where the certificate files live for a project root. */
export function certificatePaths(root) {
  const dir = join(root, '.certs');
  return { dir, ca: join(dir, 'ca.crt'), cert: join(dir, 'localhost.crt'), key: join(dir, 'localhost.key') };
}

function stillValid(certFile, days = 2) {
  try {
    const cert = new X509Certificate(readFileSync(certFile));
    return new Date(cert.validTo).getTime() - Date.now() > days * 86_400_000;
  } catch {
    return false;
  }
}

/**
 * Makes sure .certs/ holds a usable localhost certificate; never installs anything.
 * @returns {Promise<{ ok: true, paths: object, created: boolean } | { ok: false, reason: string }>}
 */
export async function ensureCertificates(root) {
  const paths = certificatePaths(root);
  if (existsSync(paths.key) && existsSync(paths.ca) && stillValid(paths.cert)) return { ok: true, paths, created: false };
  try {
    const require = createRequire(join(root, 'package.json'));
    const { generateCertificates } = require('office-addin-dev-certs/lib/generate');
    await generateCertificates(paths.ca, paths.cert, paths.key, 30, ['localhost', '127.0.0.1']);
    chmodSync(paths.key, 0o600);
    return { ok: true, paths, created: true };
  } catch (e) {
    return { ok: false, reason: String(e?.message ?? e).split('\n')[0] };
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await ensureCertificates(resolve(fileURLToPath(import.meta.url), '..', '..'));
  if (r.ok) console.log(`${r.created ? 'Created' : 'Reusing'} ${r.paths.cert} (CA ${r.paths.ca}, not installed)`);
  else { console.error(`Could not create certificates: ${r.reason}`); process.exit(1); }
}
