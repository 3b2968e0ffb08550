import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { loadXlsx, XlsxLoadError } from '../../src/simulator/xlsx';
import { buildXlsx, NS, worksheetXml } from './buildXlsx';

/** The rejection, checked to be an XlsxLoadError with the given code. */
async function refusal(bytes: Uint8Array, options?: Parameters<typeof loadXlsx>[1]): Promise<XlsxLoadError> {
  const error = await loadXlsx(bytes, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(XlsxLoadError);
  return error as XlsxLoadError;
}

const valid = () => buildXlsx({ sheets: [{ name: 'S', xml: worksheetXml({ A1: 1, B1: 'x' }) }] });

describe('not a workbook', () => {
  it('plain text is NotAZip', async () => {
    const e = await refusal(strToU8('Region,Sales\nEast,10\n'));
    expect(e.code).toBe('NotAZip');
  });

  it('an empty file is NotAZip', async () => {
    expect((await refusal(new Uint8Array(0))).code).toBe('NotAZip');
  });

  it('a truncated zip is Malformed', async () => {
    const bytes = valid();
    const e = await refusal(bytes.slice(0, Math.floor(bytes.length / 2)));
    expect(e.code).toBe('Malformed');
    expect(e.message).toMatch(/truncated or damaged/);
  });

  it('a password-protected workbook (OLE container with EncryptionInfo) is Encrypted', async () => {
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = 'EncryptionInfo';
    for (let i = 0; i < name.length; i++) bytes[600 + i * 2] = name.charCodeAt(i);
    expect((await refusal(bytes)).code).toBe('Encrypted');
  });

  it('a legacy .xls (OLE container without encryption) is Unsupported', async () => {
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await refusal(bytes)).code).toBe('Unsupported');
  });

  it('a zip without xl/workbook.xml is Malformed', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml: worksheetXml({ A1: 1 }) }], omit: ['xl/workbook.xml'] });
    const e = await refusal(bytes);
    expect(e.code).toBe('Malformed');
    expect(e.part).toBe('xl/workbook.xml');
  });

  it('a sheet the workbook names but the zip lacks is Malformed, naming the part', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml: worksheetXml({ A1: 1 }) }], omit: ['xl/worksheets/sheet1.xml'] });
    const e = await refusal(bytes);
    expect(e.code).toBe('Malformed');
    expect(e.part).toBe('xl/worksheets/sheet1.xml');
  });
});

describe('zip bombs', () => {
  // 20 MB of one repeated byte deflates to about 20 kB.
  const bomb = () => new Uint8Array(20_000_000).fill(0x20);

  it('declared sizes over the limit are refused before inflating', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml: worksheetXml({ A1: 1 }) }], parts: { 'xl/media/big.bin': bomb() } });
    expect(bytes.length).toBeLessThan(200_000);
    const e = await refusal(bytes, { maxUncompressedBytes: 10_000_000 });
    expect(e.code).toBe('TooLarge');
    expect(e.message).toMatch(/declares 20 MB/);
  });

  it('a part that lies about its size is stopped while inflating', async () => {
    const filler = bomb();
    const sheet = strToU8(worksheetXml({ A1: 1 }).replace('</worksheet>', ''));
    const lying = new Uint8Array(filler.length + sheet.length);
    lying.set(sheet);
    lying.set(filler, sheet.length);
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml: '' }], parts: { 'xl/worksheets/sheet1.xml': lying } });
    patchDeclaredSize(bytes, 'xl/worksheets/sheet1.xml', 1000);
    const e = await refusal(bytes, { maxUncompressedBytes: 10_000_000 });
    expect(e.code).toBe('TooLarge');
    expect(e.message).toMatch(/inflates beyond/);
    expect(e.part).toBe('xl/worksheets/sheet1.xml');
  });
});

/** Overwrites the uncompressed size in the central directory entry and the local header of `name`. */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const encoded = strToU8(name);
  let patched = 0;
  for (let p = 0; p + 46 < zip.length; p++) {
    const sig = view.getUint32(p, true);
    if (sig !== 0x02014b50 && sig !== 0x04034b50) continue;
    const central = sig === 0x02014b50;
    const nameAt = p + (central ? 46 : 30);
    const length = view.getUint16(p + (central ? 28 : 26), true);
    if (length !== encoded.length || encoded.some((b, i) => zip[nameAt + i] !== b)) continue;
    view.setUint32(p + (central ? 24 : 22), size, true);
    patched++;
  }
  expect(patched).toBe(2);
}

describe('XML attacks and damage', () => {
  it('a DOCTYPE with entity expansion (billion laughs) is refused quickly', async () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<sst xmlns="${NS}"><si><t>&lol4;</t></si></sst>`;
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml: worksheetXml({ A1: { t: 's', v: 0 } }) }], sharedStrings: lol });
    const e = await refusal(bytes);
    expect(e.code).toBe('Malformed');
    expect(e.part).toBe('xl/sharedStrings.xml');
    expect(e.message).toMatch(/DOCTYPE/);
  });

  it('an external entity (XXE) is refused', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>`;
    const e = await refusal(buildXlsx({ sheets: [{ name: 'S', xml: xxe }] }));
    expect(e.code).toBe('Malformed');
  });

  it('malformed XML in a sheet is Malformed and names the part', async () => {
    const broken = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>`;
    const e = await refusal(buildXlsx({ sheets: [{ name: 'S', xml: broken }] }));
    expect(e.code).toBe('Malformed');
    expect(e.part).toBe('xl/worksheets/sheet1.xml');
  });

  it('a shared string index past the table is Malformed', async () => {
    const e = await refusal(buildXlsx({ sheets: [{ name: 'S', xml: worksheetXml({ A1: { t: 's', v: 5 } }) }], sharedStrings: ['only'] }));
    expect(e.code).toBe('Malformed');
  });

  it('a non-numeric number cell is Malformed', async () => {
    const e = await refusal(buildXlsx({ sheets: [{ name: 'S', xml: worksheetXml({ A1: { v: 'abc' } }) }] }));
    expect(e.code).toBe('Malformed');
  });

  it('deeply nested elements are refused, not recursed into', async () => {
    const deep = `<worksheet xmlns="${NS}">${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}<sheetData/></worksheet>`;
    const e = await refusal(buildXlsx({ sheets: [{ name: 'S', xml: deep }] }));
    expect(e.code).toBe('Malformed');
    expect(e.message).toMatch(/nested/);
  });
});

describe('huge sheets', () => {
  it('a sheet whose dimension declares more cells than maxCells is TooLarge', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml: worksheetXml({ A1: 1 }, { dimension: 'A1:Z1000' }) }] });
    const e = await refusal(bytes, { maxCells: 1000 });
    expect(e.code).toBe('TooLarge');
    expect(e.message).toMatch(/26,000 cells/);
  });

  it('the default limit refuses a sheet declaring the whole grid', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml: worksheetXml({ A1: 1 }, { dimension: 'A1:XFD1048576' }) }] });
    expect((await refusal(bytes)).code).toBe('TooLarge');
  });

  it('more stored cells than maxCells across sheets is TooLarge', async () => {
    const cells: Record<string, number> = {};
    for (let r = 1; r <= 30; r++) cells[`A${r}`] = r;
    const bytes = buildXlsx({ sheets: [{ name: 'A', xml: worksheetXml(cells) }, { name: 'B', xml: worksheetXml(cells) }] });
    await expect(loadXlsx(bytes, { maxCells: 60 })).resolves.toBeDefined();
    expect((await refusal(bytes, { maxCells: 59 })).code).toBe('TooLarge');
  });
});

it('a zip whose entries are stored rather than deflated still loads', async () => {
  const files = {
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(`<workbook xmlns="${NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': strToU8(worksheetXml({ A1: 42 })),
  };
  const { model } = await loadXlsx(zipSync(files, { level: 0 }));
  expect(model.sheets[0].cells['0,0'].value).toBe(42);
});
