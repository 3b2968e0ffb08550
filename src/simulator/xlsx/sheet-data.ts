/**
 * A small scanner for the one part of a worksheet that is large: `<sheetData>`. It handles only
 * the row/cell grammar of ECMA-376 §18.3.1 — `<row r>`, `<c r t s>`, `<v>`, `<f t si>`,
 * `<is>` (`<t>`, rich `<r><t>`, phonetic `<rPh>` skipped) — and skips any other element whole
 * (extLst ...). Everything else in a worksheet (dimension, mergeCells, tableParts ...) is still
 * parsed by fast-xml-parser (xml.ts); the DOCTYPE/entity refusal runs on the whole text first.
 *
 * Why not fast-xml-parser here: it builds an object per element and attribute, and on a
 * 500,000-cell sheet (50,000 rows × 10 columns, 18 MB of XML) that tree and its garbage collection
 * were almost all of the load. Measured with a scratch benchmark built with test/xlsx/buildXlsx.ts
 * (node 20, this 2-core machine): loadXlsx took 11.2-16.1 s with the parser and 1.4-2.1 s with
 * this scanner (about 8×); the scan itself is ~0.2 s, and most of what remains is building the
 * model's `"row,col"`-keyed cell dictionary (~0.6-1.0 s). No SAX library is installed, and the
 * grammar is small.
 *
 * Strictness: a tag that is not closed, a close tag that does not match, an unterminated
 * attribute, comment or CDATA section is a Malformed error, as the XML parser reports it.
 */
import { XlsxLoadError } from './errors';
import { decodeEntities } from './xml';

/** One `<c>` as written: attribute values and texts with entities decoded. */
export interface RawCell {
  ref: string | undefined;
  t: string | undefined;
  s: string | undefined;
  /** Text of `<v>`, undefined when absent. */
  v: string | undefined;
  /** `<f>` text and attributes, undefined when absent (an empty `<f/>` is text ""). */
  f: { text: string; t: string | undefined; si: string | undefined } | undefined;
  /** Concatenated `<t>` texts of `<is>` (plain, then rich runs), undefined when absent. */
  is: string | undefined;
}

export interface SheetDataVisitor {
  /** Called at each `<row>`, with its `r` attribute. */
  row(r: string | undefined): void;
  cell(c: RawCell): void;
}

/** Where `<sheetData>` sits in a worksheet's text. */
export interface SheetDataSpan {
  /** Index of the start tag's "<". */
  start: number;
  /** Index just after the end tag (or after "/>" when self-closing). */
  end: number;
  /** Content between the start and end tags ([contentStart, contentEnd)), empty when self-closing. */
  contentStart: number;
  contentEnd: number;
}

const SHEET_DATA_OPEN = /<(?:[A-Za-z_][\w.-]*:)?sheetData(?=[\s/>])/;

/**
 * Finds `<sheetData>`; undefined when the sheet has none.
 * @example
 * findSheetData('<worksheet><sheetData><row r="1"/></sheetData></worksheet>', 'p');
 * // { start: 11, end: 49, contentStart: 22, contentEnd: 37 }
 */
export function findSheetData(text: string, part: string): SheetDataSpan | undefined {
  const m = SHEET_DATA_OPEN.exec(text);
  if (!m) return undefined;
  const start = m.index;
  const tagEnd = text.indexOf('>', start);
  if (tagEnd < 0) throw malformed(part, 'sheetData start tag is not closed');
  if (text.charCodeAt(tagEnd - 1) === 47 /* / */) return { start, end: tagEnd + 1, contentStart: tagEnd + 1, contentEnd: tagEnd + 1 };
  const name = m[0].slice(1);
  const close = text.indexOf(`</${name}`, tagEnd);
  if (close < 0) throw malformed(part, 'sheetData is not closed');
  const closeEnd = text.indexOf('>', close);
  if (closeEnd < 0) throw malformed(part, 'sheetData end tag is not closed');
  return { start, end: closeEnd + 1, contentStart: tagEnd + 1, contentEnd: close };
}

/**
 * Visits each row and cell of `text[from, to)`, the content of `<sheetData>`.
 * @example
 * scanSheetData('<row r="1"><c r="A1"><v>2</v></c></row>', 0, 39, 'p', { row() {}, cell(c) { c.v; } }); // c.v === "2"
 */
export function scanSheetData(text: string, from: number, to: number, part: string, visit: SheetDataVisitor): void {
  new Scanner(text, from, to, part).sheetData(visit);
}

function malformed(part: string, what: string): XlsxLoadError {
  return new XlsxLoadError('Malformed', `The part is not well-formed XML: ${what}`, part);
}

const enum Kind { Open, Close, Empty, End }

class Scanner {
  private i: number;
  // The last tag read: its kind, local name, and where its attributes are.
  private kind: Kind = Kind.End;
  private name = '';
  private attrFrom = 0;
  private attrTo = 0;

  constructor(private readonly text: string, from: number, private readonly to: number, private readonly part: string) {
    this.i = from;
  }

  sheetData(visit: SheetDataVisitor): void {
    for (;;) {
      this.skipText();
      this.tag();
      if (this.kind === Kind.End) return;
      if (this.kind === Kind.Close) throw this.fail(`unexpected </${this.name}>`);
      if (this.name !== 'row') { this.skipElement(); continue; }
      visit.row(this.attr('r'));
      if (this.kind === Kind.Empty) continue;
      this.row(visit);
    }
  }

  private row(visit: SheetDataVisitor): void {
    for (;;) {
      this.skipText();
      this.tag();
      if (this.kind === Kind.End) throw this.fail('<row> is not closed');
      if (this.kind === Kind.Close) { this.expectClose('row'); return; }
      if (this.name !== 'c') { this.skipElement(); continue; }
      const cell: RawCell = { ref: this.attr('r'), t: this.attr('t'), s: this.attr('s'), v: undefined, f: undefined, is: undefined };
      if (this.kind === Kind.Open) this.cell(cell);
      visit.cell(cell);
    }
  }

  private cell(cell: RawCell): void {
    for (;;) {
      this.skipText();
      this.tag();
      if (this.kind === Kind.End) throw this.fail('<c> is not closed');
      if (this.kind === Kind.Close) { this.expectClose('c'); return; }
      if (this.name === 'v') cell.v = this.kind === Kind.Empty ? '' : this.textUntilClose('v');
      else if (this.name === 'f') {
        const t = this.attr('t');
        const si = this.attr('si');
        cell.f = { text: this.kind === Kind.Empty ? '' : this.textUntilClose('f'), t, si };
      } else if (this.name === 'is') cell.is = this.kind === Kind.Empty ? '' : this.inlineString();
      else this.skipElement();
    }
  }

  /** `<is>` content: plain `<t>` texts first, then the runs' `<t>` texts, as stringItemText does. */
  private inlineString(): string {
    let plain = '';
    let runs = '';
    for (;;) {
      this.skipText();
      this.tag();
      if (this.kind === Kind.End) throw this.fail('<is> is not closed');
      if (this.kind === Kind.Close) { this.expectClose('is'); return plain + runs; }
      if (this.name === 't') plain += this.kind === Kind.Empty ? '' : this.textUntilClose('t');
      else if (this.name === 'r' && this.kind === Kind.Open) runs += this.run();
      else this.skipElement();
    }
  }

  private run(): string {
    let out = '';
    for (;;) {
      this.skipText();
      this.tag();
      if (this.kind === Kind.End) throw this.fail('<r> is not closed');
      if (this.kind === Kind.Close) { this.expectClose('r'); return out; }
      if (this.name === 't') out += this.kind === Kind.Empty ? '' : this.textUntilClose('t');
      else this.skipElement();
    }
  }

  /** Character data up to the element's end tag (CDATA kept verbatim, comments dropped). */
  private textUntilClose(name: string): string {
    const text = this.text;
    let out = '';
    for (;;) {
      const lt = text.indexOf('<', this.i);
      if (lt < 0 || lt >= this.to) throw this.fail(`<${name}> is not closed`);
      out += decodeEntities(text.slice(this.i, lt));
      this.i = lt;
      if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0 || end >= this.to) throw this.fail('CDATA section is not closed');
        out += text.slice(lt + 9, end);
        this.i = end + 3;
        continue;
      }
      if (text.startsWith('<!--', lt)) { this.skipComment(); continue; }
      this.tag();
      if (this.kind !== Kind.Close) throw this.fail(`unexpected <${this.name}> inside <${name}>`);
      this.expectClose(name);
      return out;
    }
  }

  /** Skips the element whose start tag was just read, nested elements included. */
  private skipElement(): void {
    if (this.kind === Kind.Empty) return;
    const stack = [this.name];
    while (stack.length) {
      const lt = this.text.indexOf('<', this.i);
      if (lt < 0 || lt >= this.to) throw this.fail(`<${stack[stack.length - 1]}> is not closed`);
      this.i = lt;
      if (this.text.startsWith('<![CDATA[', lt)) {
        const end = this.text.indexOf(']]>', lt + 9);
        if (end < 0 || end >= this.to) throw this.fail('CDATA section is not closed');
        this.i = end + 3;
        continue;
      }
      this.tag();
      if (this.kind === Kind.Open) stack.push(this.name);
      else if (this.kind === Kind.Close) this.expectClose(stack.pop()!);
    }
  }

  /** Skips whitespace, stray text, comments and processing instructions between tags. */
  private skipText(): void {
    const text = this.text;
    for (;;) {
      const lt = text.indexOf('<', this.i);
      if (lt < 0 || lt >= this.to) { this.i = this.to; return; }
      this.i = lt;
      if (text.charCodeAt(lt + 1) === 33 /* ! */ && text.startsWith('<!--', lt)) { this.skipComment(); continue; }
      if (text.charCodeAt(lt + 1) === 63 /* ? */) {
        const end = text.indexOf('?>', lt + 2);
        if (end < 0 || end >= this.to) throw this.fail('processing instruction is not closed');
        this.i = end + 2;
        continue;
      }
      return;
    }
  }

  private skipComment(): void {
    const end = this.text.indexOf('-->', this.i + 4);
    if (end < 0 || end >= this.to) throw this.fail('comment is not closed');
    this.i = end + 3;
  }

  /** Reads the tag at `i` (which is "<" or the end) into kind/name/attributes. */
  private tag(): void {
    const text = this.text;
    if (this.i >= this.to) { this.kind = Kind.End; return; }
    let p = this.i + 1;
    let closing = false;
    if (text.charCodeAt(p) === 47 /* / */) { closing = true; p++; }
    const nameStart = p;
    let local = p;
    for (; p < this.to; p++) {
      const ch = text.charCodeAt(p);
      if (ch === 58 /* : */) local = p + 1;
      else if (ch === 62 /* > */ || ch === 47 /* / */ || ch === 32 || ch === 9 || ch === 10 || ch === 13) break;
      else if (ch === 60 /* < */ || ch === 34 || ch === 39 || ch === 61) throw this.fail('bad tag name');
    }
    if (p === nameStart || p >= this.to) throw this.fail('tag is not closed');
    this.name = text.slice(local, p);
    this.attrFrom = p;
    // Find the tag's end outside quoted attribute values.
    let quote = 0;
    for (; p < this.to; p++) {
      const ch = text.charCodeAt(p);
      if (quote !== 0) { if (ch === quote) quote = 0; else if (ch === 60) throw this.fail('"<" in an attribute value'); continue; }
      if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 62) break;
      else if (ch === 60) throw this.fail('tag is not closed');
    }
    if (p >= this.to) throw this.fail('tag is not closed');
    const selfClosing = text.charCodeAt(p - 1) === 47;
    this.attrTo = selfClosing ? p - 1 : p;
    this.kind = closing ? Kind.Close : selfClosing ? Kind.Empty : Kind.Open;
    this.i = p + 1;
  }

  private expectClose(name: string): void {
    if (this.name !== name) throw this.fail(`</${this.name}> closes <${name}>`);
  }

  /** Value of attribute `name` (local name, prefix ignored) of the last tag, entities decoded. */
  private attr(name: string): string | undefined {
    const text = this.text;
    let p = this.attrFrom;
    const end = this.attrTo;
    while (p < end) {
      let ch = text.charCodeAt(p);
      while (p < end && (ch === 32 || ch === 9 || ch === 10 || ch === 13)) ch = text.charCodeAt(++p);
      if (p >= end) return undefined;
      let local = p;
      while (p < end && (ch = text.charCodeAt(p)) !== 61 /* = */ && ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) {
        if (ch === 58) local = p + 1;
        p++;
      }
      const matches = p - local === name.length && text.startsWith(name, local);
      while (p < end && text.charCodeAt(p) !== 61) {
        const c = text.charCodeAt(p);
        if (c !== 32 && c !== 9 && c !== 10 && c !== 13) throw this.fail('attribute without a value');
        p++;
      }
      p++;
      while (p < end && ((ch = text.charCodeAt(p)) === 32 || ch === 9 || ch === 10 || ch === 13)) p++;
      const q = text.charCodeAt(p);
      if (q !== 34 && q !== 39) throw this.fail('attribute value is not quoted');
      const close = text.indexOf(q === 34 ? '"' : "'", p + 1);
      if (close < 0 || close >= end) throw this.fail('attribute value is not closed');
      if (matches) return decodeEntities(text.slice(p + 1, close));
      p = close + 1;
    }
    return undefined;
  }

  private fail(what: string): XlsxLoadError {
    return malformed(this.part, `${what} in <sheetData> near character ${this.i}`);
  }
}
