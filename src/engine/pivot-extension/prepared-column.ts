import { classifyValue } from '../values/classify';
import type { XlValue } from './types';

export const Kind = { Blank: 0, Number: 1, Text: 2, Logical: 3, Error: 4 } as const;

/** One source column made cheap to aggregate: numbers unboxed, each cell's kind precomputed. */
export interface PreparedColumn {
  name: string;
  raw: XlValue[];
  num: Float64Array;
  kind: Uint8Array;
}

const KIND = { blank: Kind.Blank, number: Kind.Number, text: Kind.Text, logical: Kind.Logical, error: Kind.Error } as const;

/**
 * Classifies every cell once (engine's `classifyValue`, Excel's view of blank/number/text/
 * logical/error) so every measure over the column reads typed arrays.
 *
 * @example prepareColumn('Units', [1, '', 'x']).kind // Uint8Array [1, 0, 2]
 */
export function prepareColumn(name: string, raw: XlValue[]): PreparedColumn {
  const n = raw.length;
  const num = new Float64Array(n);
  const kind = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = raw[i];
    if (typeof v === 'number' && Number.isFinite(v)) { num[i] = v; kind[i] = Kind.Number; continue; }
    num[i] = NaN;
    kind[i] = v === '' ? Kind.Blank : KIND[classifyValue(v)];
  }
  return { name, raw, num, kind };
}
