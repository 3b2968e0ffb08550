#!/usr/bin/env node
// `npm start`: certificates (generated, never installed), sideload where desktop Excel exists,
// then webpack-dev-server on https://localhost:3000 and the two ways in.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCertificates } from './dev-certs.mjs';
import { sideload } from './sideload.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 3000);
const certs = await ensureCertificates(root);
const scheme = certs.ok ? 'https' : 'http';
const base = `${scheme}://localhost:${port}`;

const lines = [''];
if (certs.ok) {
  lines.push(`Certificates: ${certs.paths.dir} (${certs.created ? 'created' : 'reused'}; the CA is NOT installed in any trust store).`);
  lines.push(`  Browsers and Excel warn until you trust ${certs.paths.ca} (or run "npx office-addin-dev-certs install" where you have admin rights).`);
  lines.push(`  Quick way for Excel on the web: open ${base}/taskpane.html once and accept the warning.`);
  try { lines.push(sideload(join(root, 'manifest.xml'))); } catch (e) { lines.push(`Sideload skipped: ${e.message}`); }
} else {
  lines.push(`Could not create HTTPS certificates (${certs.reason}).`);
  lines.push('Falling back to http for the workbench ONLY: Excel refuses http add-ins, so the manifest will not load.');
}
lines.push('');
lines.push(`Workbench (simulated Excel, works in any browser): ${base}/workbench.html`);
if (certs.ok) {
  lines.push('Excel on the web: open a workbook → Home → Add-ins → More Add-ins → My Add-ins →');
  lines.push(`  Upload My Add-in → choose ${join(root, 'manifest.xml')}`);
}
lines.push('');
const banner = lines.join('\n');

const webpackCli = join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
const args = [webpackCli, 'serve', '--mode', 'development', '--env', `PORT=${port}`];
if (!certs.ok) args.push('--env', 'HTTP=1');
const child = spawn(process.execPath, args, { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] });
let shown = false;
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!shown && /compiled/i.test(String(chunk))) {
    shown = true;
    console.log(banner);
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
