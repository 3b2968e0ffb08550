/**
 * The `<sheetData>` scanner: the row/cell grammar as ECMA-376 writes it, the XML details real
 * files use there (namespace prefixes, entities, CDATA, comments, self-closing elements, unknown
 * children), malformed input refused, and a differential check against fast-xml-parser on a
 * generated sheet (an independent reading of the same text).
 */
import { describe, expect, it } from 'vitest';
import { loadXlsx, XlsxLoadError } from '../../src/simulator/xlsx';
import { findSheetData, scanSheetData, type RawCell } from '../../src/simulator/xlsx/sheet-data';
import { child, children, parseXml, textOf, attr } from '../../src/simulator/xlsx/xml';
import { buildXlsx, NS } from './buildXlsx';

interface Scanned { rows: Array<string | undefined>; cells: RawCell[] }

function scan(sheetDataXml: string): Scanned {
  const text = `<worksheet xmlns="${NS}">${sheetDataXml}</worksheet>`;
  const span = findSheetData(text, 'sheet.xml');
  const out: Scanned = { rows: [], cells: [] };
  if (!span) return out;
  scanSheetData(text, span.contentStart, span.contentEnd, 'sheet.xml', {
    row: (r) => out.rows.push(r),
    cell: (c) => out.cells.push(c),
  });
  return out;
}

const cell = (extra: Partial<RawCell>): RawCell => ({ ref: undefined, t: undefined, s: undefined, v: undefined, f: undefined, is: undefined, ...extra });

describe('sheetData scanner', () => {
  it('reads rows and cells with their attributes, values and formulas', () => {
    const out = scan(`<sheetData>
      <row r="1" spans="1:3"><c r="A1" t="s" s="2"><v>0</v></c><c r="B1"><f>SUM(A1:A3)</f><v>6</v></c><c r="C1" s="1"/></row>
      <row r="3"><c r="A3"><f t="shared" ref="A3:A5" si="0">B3*2</f><v>4</v></c><c r="B3"><f t="shared" si="0"/><v>8</v></c></row>
    </sheetData>`);
    expect(out.rows).toEqual(['1', '3']);
    expect(out.cells).toEqual([
      cell({ ref: 'A1', t: 's', s: '2', v: '0' }),
      cell({ ref: 'B1', v: '6', f: { text: 'SUM(A1:A3)', t: undefined, si: undefined } }),
      cell({ ref: 'C1', s: '1' }),
      cell({ ref: 'A3', v: '4', f: { text: 'B3*2', t: 'shared', si: '0' } }),
      cell({ ref: 'B3', v: '8', f: { text: '', t: 'shared', si: '0' } }),
    ]);
  });

  it('decodes entities in text and attributes, keeps CDATA verbatim, drops comments', () => {
    const out = scan(`<sheetData><!-- a comment with <row> in it --><row r="1">
      <c r="A1" t="str"><f>IF(A2&lt;&gt;"",&quot;x&quot;,"&amp;")</f><v>a &amp; b &#8364;<!-- c --> end</v></c>
      <c r='B1' t="inlineStr"><is><t><![CDATA[<raw> & kept]]></t></is></c></row></sheetData>`);
    expect(out.cells[0].f?.text).toBe('IF(A2<>"","x","&")');
    expect(out.cells[0].v).toBe('a & b € end');
    expect(out.cells[1]).toEqual(cell({ ref: 'B1', t: 'inlineStr', is: '<raw> & kept' }));
  });

  it('handles namespace prefixes, self-closing rows and cells, and skips unknown elements', () => {
    const out = scan(`<x:sheetData xmlns:x="${NS}"><x:row r="1"/><x:row r="2"><x:c r="A2" x:t="b"><x:v>1</x:v><x:extLst><x:ext uri="u"><y/></x:ext></x:extLst></x:c></x:row></x:sheetData>`);
    expect(out.rows).toEqual(['1', '2']);
    expect(out.cells).toEqual([cell({ ref: 'A2', t: 'b', v: '1' })]);
  });

  it('reads inline rich text runs and skips phonetic guides, as for shared strings', () => {
    const out = scan(`<sheetData><row><c t="inlineStr"><is><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and plain</t></r><rPh sb="0" eb="1"><t>ボ</t></rPh></is></c></row></sheetData>`);
    expect(out.rows).toEqual([undefined]);
    expect(out.cells).toEqual([cell({ t: 'inlineStr', is: 'Bold and plain' })]);
  });

  it('matches whole attribute names ("ts" is neither "t" nor "s")', () => {
    const out = scan('<sheetData><row r="1"><c r="A1" xr:uid="{1}" ts="9"><v>1</v></c></row></sheetData>');
    expect(out.cells[0].s).toBeUndefined();
    expect(out.cells[0].t).toBeUndefined();
  });

  it('returns nothing for an empty or self-closing sheetData', () => {
    expect(scan('<sheetData/>')).toEqual({ rows: [], cells: [] });
    expect(scan('<sheetData></sheetData>')).toEqual({ rows: [], cells: [] });
  });

  it.each([
    ['an unclosed cell', '<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>'],
    ['a mismatched end tag', '<sheetData><row r="1"><c r="A1"><v>1</f></c></row></sheetData>'],
    ['an unquoted attribute', '<sheetData><row r=1><c r="A1"/></row></sheetData>'],
    ['an unclosed comment', '<sheetData><row r="1"><!-- x </row></sheetData>'],
    ['an unclosed CDATA section', '<sheetData><row r="1"><c><v><![CDATA[1</v></c></row></sheetData>'],
    ['an element inside <v>', '<sheetData><row r="1"><c><v>1<b/></v></c></row></sheetData>'],
    ['a stray end tag', '<sheetData></c></sheetData>'],
  ])('refuses %s as Malformed', (_, xml) => {
    let error: unknown;
    try { scan(xml); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(XlsxLoadError);
    expect((error as XlsxLoadError).code).toBe('Malformed');
  });
});

describe('scanner against fast-xml-parser on a generated sheet', () => {
  it('sees the same cells, values, types, styles and formulas', () => {
    const rows: string[] = [];
    for (let r = 1; r <= 300; r++) {
      const cs: string[] = [];
      for (let c = 0; c < 6; c++) {
        const ref = `${'ABCDEF'[c]}${r}`;
        const k = (r * 7 + c * 3) % 6;
        if (k === 0) cs.push(`<c r="${ref}" t="s"><v>${r % 5}</v></c>`);
        else if (k === 1) cs.push(`<c r="${ref}" s="${r % 3}"><v>${r * 1.25 - c}</v></c>`);
        else if (k === 2) cs.push(`<c r="${ref}" t="str"><f>"a&amp;"&amp;B${r}</f><v>a&amp;${r}</v></c>`);
        else if (k === 3) cs.push(`<c r="${ref}" t="b"><v>${r % 2}</v></c>`);
        else if (k === 4) cs.push(`<c r="${ref}" t="inlineStr"><is><t>x &lt;${r}&gt;</t></is></c>`);
        else cs.push(`<c r="${ref}" s="1"/>`);
      }
      rows.push(`<row r="${r}" spans="1:6">${cs.join('')}</row>`);
    }
    const sheetData = `<sheetData>${rows.join('\n')}</sheetData>`;
    const scanned = scan(sheetData).cells;
    const parsed = children(child(parseXml(`<worksheet>${sheetData}</worksheet>`, 'p'), 'worksheet'), 'sheetData')
      .flatMap((sd) => children(sd, 'row'))
      .flatMap((row) => children(row, 'c'))
      .map((c): RawCell => {
        const v = child(c, 'v');
        const f = child(c, 'f');
        const is = child(c, 'is');
        return {
          ref: attr(c, 'r'), t: attr(c, 't'), s: attr(c, 's'),
          v: v === undefined ? undefined : textOf(v),
          f: f === undefined ? undefined : { text: textOf(f), t: attr(f, 't'), si: attr(f, 'si') },
          is: is === undefined ? undefined : children(is, 't').map(textOf).join(''),
        };
      });
    expect(scanned).toHaveLength(1800);
    expect(scanned).toEqual(parsed);
  });

  it('loads a workbook whose sheet mixes everything, with the rest of the part still parsed', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${NS}"><dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1"><v>2</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells></worksheet>`;
    const { model } = await loadXlsx(buildXlsx({ sheets: [{ name: 'S', xml }] }));
    expect(model.sheets[0].cells).toEqual({ '0,0': { value: 'a' }, '0,1': { value: 2 } });
    expect(model.sheets[0].merges).toEqual(['A2:B2']);
  });
});
