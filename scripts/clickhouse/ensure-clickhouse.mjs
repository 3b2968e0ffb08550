#!/usr/bin/env node
// Makes sure `clickhouse-server` exists for the warehouse test tier (issue 9).
// - PIVOTDECK_SKIP_CLICKHOUSE=1: prints one line that the tier is skipped and exits 0.
// - already installed: exits 0 quietly.
// - root on Debian (apt-get present): installs Debian's clickhouse-server + clickhouse-client (~4 s).
// - otherwise: prints ONE line saying what to install (or how to opt out) and exits 1.
// Exit 2 means "skipped by request" for callers that want to tell the difference.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Where a usable server binary is, or null. */
export function findClickHouseServer() {
  for (const bin of ['clickhouse-server', '/usr/sbin/clickhouse-server', '/usr/bin/clickhouse-server']) {
    const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

export const SKIP_LINE =
  'warehouse tier SKIPPED: PIVOTDECK_SKIP_CLICKHOUSE=1 is set (the ClickHouse cluster tests did not run)';

/** @returns {'ready' | 'skipped' | 'missing'} */
export function ensureClickHouse({ log = console.log } = {}) {
  if (process.env.PIVOTDECK_SKIP_CLICKHOUSE === '1') {
    log(SKIP_LINE);
    return 'skipped';
  }
  if (findClickHouseServer()) return 'ready';
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (isRoot && hasApt) {
    log('> apt-get install clickhouse-server clickhouse-client (warehouse test tier)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const install = () => spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'clickhouse-server', 'clickhouse-client'], { stdio: ['ignore', 'inherit', 'inherit'], env });
    let r = install();
    if (r.status !== 0) {
      spawnSync('apt-get', ['update', '-q'], { stdio: ['ignore', 'inherit', 'inherit'], env });
      r = install();
    }
    if (r.status === 0 && findClickHouseServer()) return 'ready';
  }
  log('warehouse tier needs ClickHouse: install Debian\'s clickhouse-server (apt-get install clickhouse-server clickhouse-client), or set PIVOTDECK_SKIP_CLICKHOUSE=1 to skip this tier');
  return 'missing';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const state = ensureClickHouse();
  process.exit(state === 'ready' ? 0 : state === 'skipped' ? 2 : 1);
}
