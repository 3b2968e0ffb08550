#!/usr/bin/env node
// Draws PivotDeck's icon (a pivot grid: header row and header column over data cells, on a
// rounded square in the brand colour) at the sizes the manifest declares, and writes real PNGs.
// Why our own encoder: it is 40 lines over node:zlib, and it keeps the icons reproducible
// without an image library. Run: node scripts/make-icons.mjs  (commit the PNGs it writes).
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BRAND = [0x0e, 0x7a, 0x6b]; // deep teal: readable on light and dark ribbons
const HEADER = [0xbf, 0xe6, 0xde];
const CELL = [0xff, 0xff, 0xff];
export const SIZES = [16, 32, 64, 80, 128];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels (width*height*4 bytes) as a PNG (8-bit RGBA, no interlace). */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Colour of the glyph at unit coordinates (u, v) in [0,1), or null for transparent. */
function glyph(u, v) {
  const r = 0.18; // corner radius of the tile
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return null;
  const lo = 0.16, hi = 0.84, gap = 0.06;
  if (u < lo || u >= hi || v < lo || v >= hi) return BRAND;
  const cell = (hi - lo + gap) / 3;
  const col = Math.floor((u - lo) / cell), row = Math.floor((v - lo) / cell);
  const inCell = (u - lo) - col * cell < cell - gap && (v - lo) - row * cell < cell - gap;
  if (!inCell) return BRAND;
  if (row === 0 && col === 0) return BRAND; // the pivot's corner stays empty, like Excel's
  return row === 0 || col === 0 ? HEADER : CELL;
}

/** Renders the glyph at `size` px with 4x4 supersampling so small sizes stay crisp but smooth. */
export function drawIcon(size) {
  const ss = 4;
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let j = 0; j < ss; j++) {
        for (let i = 0; i < ss; i++) {
          const c = glyph((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
        }
      }
      const o = (y * size + x) * 4;
      if (a > 0) { px[o] = Math.round(r / a); px[o + 1] = Math.round(g / a); px[o + 2] = Math.round(b / a); }
      px[o + 3] = Math.round((255 * a) / (ss * ss));
    }
  }
  return encodePng(size, size, px);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
  mkdirSync(out, { recursive: true });
  for (const s of SIZES) {
    writeFileSync(join(out, `icon-${s}.png`), drawIcon(s));
    console.log(`assets/icon-${s}.png ${s}x${s}`);
  }
}
