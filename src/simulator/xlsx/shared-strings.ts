/**
 * The shared string table. A string item is either plain (`<si><t>`) or rich text, whose runs
 * (`<r><t>`) are concatenated; phonetic runs (`<rPh>`) are guides, not text, and are skipped.
 */
import { child, children, textOf, type XmlNode } from './xml';

export function readSharedStrings(root: XmlNode | undefined): string[] {
  return children(child(root, 'sst'), 'si').map(stringItemText);
}

/** Text of an `<si>` or `<is>` element. */
export function stringItemText(item: XmlNode): string {
  const plain = children(item, 't').map(textOf).join('');
  const runs = children(item, 'r').map((r) => children(r, 't').map(textOf).join('')).join('');
  return unescapeOoxml(plain + runs);
}

/** OOXML writes control characters as "_x000D_"; "_x005F_" escapes a literal underscore sequence. */
export function unescapeOoxml(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
