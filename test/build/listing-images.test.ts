/**
 * Store listing images (scripts/make-listing-images.mjs): the logo is the drawn icon at exactly
 * 300 × 300, and the committed screenshots have the size Partner Center takes and stay under
 * its 1 MB limit. Taking the screenshots needs a workbench build and Chromium, so it is a script
 * (npm run listing-images), not a test.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pngSize } from '../../scripts/check-manifest.mjs';
import { drawIcon } from '../../scripts/make-icons.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('listing images', () => {
  it('the store logo is the PivotDeck icon drawn at 300 × 300', () => {
    const logo = readFileSync(join(ROOT, 'assets', 'logo-300.png'));
    expect(pngSize(logo)).toEqual({ width: 300, height: 300 });
    expect(logo.equals(drawIcon(300))).toBe(true);
  });

  it('the screenshots are 1366 × 768 PNGs under 1 MB', () => {
    const dir = join(ROOT, 'listing');
    const shots = existsSync(dir) ? readdirSync(dir).filter((f) => /^screenshot-.*\.png$/.test(f)) : [];
    expect(shots.length).toBeGreaterThanOrEqual(3);
    for (const f of shots) {
      expect(pngSize(readFileSync(join(dir, f))), f).toEqual({ width: 1366, height: 768 });
      expect(statSync(join(dir, f)).size, f).toBeLessThan(1024 * 1024);
    }
  });
});
