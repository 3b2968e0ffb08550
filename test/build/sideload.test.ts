import { describe, expect, it } from 'vitest';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sideload } from '../../scripts/sideload.mjs';

const MANIFEST = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'manifest.xml');

describe('sideload', () => {
  it('says there is no desktop Excel on Linux and touches nothing', () => {
    expect(sideload(MANIFEST, { platform: 'linux' })).toMatch(/No desktop Excel on this platform/);
  });

  it.runIf(process.platform === 'linux')('on a Windows platform without Excel, points at the web and the workbench', () => {
    // `reg` does not exist here, so the Excel probe fails the way it does on a PC without Excel.
    expect(sideload(MANIFEST, { platform: 'win32' })).toMatch(/Desktop Excel is not installed here/);
  });
});
