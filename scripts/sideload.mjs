#!/usr/bin/env node
// Sideloads manifest.xml into desktop Excel where one exists, and only there:
//   Windows: registers the manifest under HKCU\Software\Microsoft\Office\16.0\WEF\Developer
//            (the developer sideload key Office reads at start-up);
//   macOS:   copies it into Excel's ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef;
//   Linux:   there is no desktop Excel; says so (use the workbench or Excel on the web).
// Usage: node scripts/sideload.mjs [manifest.xml] [--remove]
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WIN_KEY = 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer';

function manifestId(file) {
  return /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(readFileSync(file, 'utf8'))?.[1] ?? 'pivotdeck';
}

function windowsHasExcel() {
  try {
    execFileSync('reg', ['query', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Sideloads (or removes) the manifest; returns one line saying what happened. */
export function sideload(manifest, { remove = false, platform = process.platform, home = homedir() } = {}) {
  const file = resolve(manifest);
  const id = manifestId(file);
  if (platform === 'win32') {
    if (!windowsHasExcel()) return 'Desktop Excel is not installed here: use Excel on the web (upload manifest.xml) or the workbench.';
    if (remove) {
      execFileSync('reg', ['delete', WIN_KEY, '/v', id, '/f'], { stdio: 'ignore' });
      return `Removed PivotDeck from ${WIN_KEY}.`;
    }
    execFileSync('reg', ['add', WIN_KEY, '/v', id, '/t', 'REG_SZ', '/d', file, '/f'], { stdio: 'ignore' });
    return `Sideloaded into desktop Excel (${WIN_KEY}). Restart Excel, then Home → PivotDeck → Show PivotDeck.`;
  }
  if (platform === 'darwin') {
    if (!existsSync('/Applications/Microsoft Excel.app')) return 'Desktop Excel is not installed here: use Excel on the web (upload manifest.xml) or the workbench.';
    const wef = join(home, 'Library/Containers/com.microsoft.Excel/Data/Documents/wef');
    const target = join(wef, `${id}.manifest.xml`);
    if (remove) {
      rmSync(target, { force: true });
      return `Removed ${target}.`;
    }
    mkdirSync(wef, { recursive: true });
    copyFileSync(file, target);
    return `Sideloaded into desktop Excel (${target}). Restart Excel, then Home → PivotDeck → Show PivotDeck.`;
  }
  return 'No desktop Excel on this platform: nothing to sideload. Use the workbench, or upload manifest.xml in Excel on the web.';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  try {
    console.log(sideload(args.find((a) => !a.startsWith('--')) ?? 'manifest.xml', { remove: args.includes('--remove') }));
  } catch (e) {
    console.error(`Sideload failed: ${e.message}`);
    process.exit(1);
  }
}
