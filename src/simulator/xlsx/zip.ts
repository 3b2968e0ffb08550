/**
 * Reads the zip container of an .xlsx. The central directory is read here (a few fixed-offset
 * fields) so each entry's declared size is known before anything is inflated; inflation itself is
 * fflate's streaming `Inflate`, counted chunk by chunk, because a zip bomb can lie in its headers.
 */
import { Inflate } from 'fflate';
import { XlsxLoadError } from './errors';

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

/** An opened archive; parts are inflated lazily and every inflated byte counts against one budget. */
export interface ZipArchive {
  names(): string[];
  has(name: string): boolean;
  /** Inflated bytes of a part, or undefined when the archive has no such part. */
  read(name: string): Uint8Array | undefined;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CHUNK = 64 * 1024;

/** Opens `bytes` as a zip; throws NotAZip / Encrypted / Malformed / TooLarge / Unsupported. */
export function openZip(bytes: Uint8Array, maxUncompressedBytes: number): ZipArchive {
  rejectCompoundFile(bytes);
  if (bytes.length < 4 || u32(bytes, 0) !== LOCAL) {
    throw new XlsxLoadError('NotAZip', 'This file is not an .xlsx workbook (it is not a zip archive)');
  }
  const entries = readCentralDirectory(bytes);
  let declared = 0;
  for (const e of entries.values()) declared += e.declaredSize;
  if (declared > maxUncompressedBytes) {
    throw new XlsxLoadError(
      'TooLarge',
      `The workbook declares ${mb(declared)} of content; the limit is ${mb(maxUncompressedBytes)}`,
    );
  }
  let inflatedSoFar = 0;
  return {
    // Names as written in the archive (case kept for messages); lookups ignore case.
    names: () => [...entries.values()].map((e) => e.name),
    has: (name) => entries.has(normalisePartName(name)),
    read(name) {
      const entry = entries.get(normalisePartName(name));
      if (!entry) return undefined;
      const out = inflateEntry(bytes, entry, maxUncompressedBytes - inflatedSoFar);
      inflatedSoFar += out.length;
      return out;
    },
  };
}

/** Password-protected .xlsx files are OLE compound files (so are legacy .xls files). */
function rejectCompoundFile(bytes: Uint8Array): void {
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length < 8 || ole.some((b, i) => bytes[i] !== b)) return;
  if (containsUtf16(bytes, 'EncryptionInfo')) {
    throw new XlsxLoadError('Encrypted', 'This workbook is password-protected; remove the password in Excel and try again');
  }
  throw new XlsxLoadError('Unsupported', 'This is a legacy binary workbook (.xls); save it as .xlsx in Excel first');
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function readCentralDirectory(bytes: Uint8Array): Map<string, Entry> {
  const damaged = (why: string) => new XlsxLoadError('Malformed', `The zip archive is truncated or damaged: ${why}`);
  // The end record sits in the last 22 bytes plus an optional comment of up to 65535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw damaged('no end of central directory record');
  const count = u16(bytes, eocd + 10);
  const size = u32(bytes, eocd + 12);
  const offset = u32(bytes, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    throw new XlsxLoadError('Unsupported', 'ZIP64 archives are not supported');
  }
  if (offset + size > eocd) throw damaged('central directory lies outside the file');
  const entries = new Map<string, Entry>();
  const decoder = new TextDecoder();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || u32(bytes, p) !== CENTRAL) throw damaged('bad central directory entry');
    const flags = u16(bytes, p + 8);
    const nameLength = u16(bytes, p + 28);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (flags & 1) throw new XlsxLoadError('Encrypted', 'The zip archive is encrypted', name);
    const entry: Entry = {
      name,
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      declaredSize: u32(bytes, p + 24),
      localHeaderOffset: u32(bytes, p + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.declaredSize === 0xffffffff) {
      throw new XlsxLoadError('Unsupported', 'ZIP64 archives are not supported', name);
    }
    // Part names are case-insensitive in OPC; normalise so lookups match what rels say.
    if (!name.endsWith('/')) entries.set(normalisePartName(name), entry);
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

/** "XL/Worksheets/Sheet1.xml" and "/xl/worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml". */
export function normalisePartName(name: string): string {
  return name.replace(/^\/+/, '').replace(/\\/g, '/').toLowerCase();
}

function inflateEntry(bytes: Uint8Array, entry: Entry, budget: number): Uint8Array {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) {
    throw new XlsxLoadError('Malformed', 'The zip archive is truncated or damaged: bad local header', entry.name);
  }
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) {
    throw new XlsxLoadError('Malformed', 'The zip archive is truncated: a part ends past the end of the file', entry.name);
  }
  const tooLarge = () =>
    new XlsxLoadError('TooLarge', 'The workbook inflates beyond the size limit (a zip bomb or a huge sheet)', entry.name);
  if (entry.method === 0) {
    if (entry.compressedSize > budget) throw tooLarge();
    return bytes.slice(start, end);
  }
  if (entry.method !== 8) {
    throw new XlsxLoadError('Unsupported', `Zip compression method ${entry.method} is not supported`, entry.name);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > budget) throw tooLarge();
    chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    for (let p = start; p < end; p += CHUNK) {
      const stop = Math.min(end, p + CHUNK);
      inflater.push(bytes.subarray(p, stop), stop === end);
    }
  } catch (e) {
    if (e instanceof XlsxLoadError) throw e;
    throw new XlsxLoadError('Malformed', `A compressed part is damaged: ${(e as Error).message}`, entry.name);
  }
  if (!finished) throw new XlsxLoadError('Malformed', 'A compressed part is truncated', entry.name);
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) { out.set(c, p); p += c.length; }
  return out;
}

function u16(b: Uint8Array, p: number): number {
  return b[p] | (b[p + 1] << 8);
}

function u32(b: Uint8Array, p: number): number {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
}

function mb(n: number): string {
  return `${Math.round(n / 1e6)} MB`;
}
