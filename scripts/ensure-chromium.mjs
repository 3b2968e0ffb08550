#!/usr/bin/env node
// The browser test tier needs Debian's chromium at /usr/bin/chromium. If it is missing and we are
// root on Debian, install it; otherwise print ONE line saying what to install and fail, so the
// browser tier is never skipped silently.
import { existsSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

export const CHROMIUM = '/usr/bin/chromium';

function isDebian() {
  try { return /^(ID|ID_LIKE)=.*debian/m.test(readFileSync('/etc/os-release', 'utf8')); } catch { return false; }
}

if (!existsSync(CHROMIUM)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && isDebian()) {
    console.log('chromium is missing: installing it with apt-get (root on Debian)');
    try {
      execSync('apt-get update && apt-get install -y --no-install-recommends chromium', {
        stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      console.error('chromium: apt-get install failed; install the Debian package "chromium" and rerun.');
      process.exit(1);
    }
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`Browser tests need ${CHROMIUM}: install it with "sudo apt-get install chromium" (Debian/Ubuntu) and rerun npm test.`);
    process.exit(1);
  }
}
