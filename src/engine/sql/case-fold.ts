/**
 * Case-insensitive text on a warehouse, checked against the engine's own folding (JavaScript's
 * toLowerCase/toUpperCase, the pane's semantics). ClickHouse 18.16's lowerUTF8/upperUTF8 and
 * DuckDB's lower/upper agree with it on every code point except the ones listed here, measured
 * code point by code point over U+0080…U+10FFFF against Node 20's Unicode tables
 * (test/warehouse/case-fold.test.ts re-measures the ClickHouse lists on the test cluster, and the
 * DuckDB lists in-process). U+03A3 Σ is listed for lower case everywhere: JavaScript lowers it to
 * ς at the end of a word. A browser with other Unicode tables may differ on letters added in
 * recent Unicode versions.
 *
 * Text containing none of them folds identically on the warehouse and in the pane, so the planner
 * pushes case-insensitive work down and adds one cheap check (rows with any non-ASCII character,
 * then a regular-expression class) that makes the pane refuse the answer when such a letter is
 * present, naming the field — never a silently different number.
 */

/** Code points (hex, ranges a-b) where ClickHouse lowerUTF8 differs from toLowerCase. */
const CH_LOWER = [
  '130', '1c5', '1c8', '1cb', '1f2', '23a', '23e', '3a3', '13a0-13f5', '1c89', '1c90-1cba', '1cbd-1cbf',
  '1e9e', '1f88-1f8f', '1f98-1f9f', '1fa8-1faf', '1fbc', '1fcc', '1ffc', '2126', '212a-212b', '2132',
  '2160-216f', '2183', '24b6-24cf', '2c00-2c2f', '2c60', '2c62-2c64', '2c67', '2c69', '2c6b', '2c6d-2c70',
  '2c72', '2c75', '2c7e-2c80', '2c82', '2c84', '2c86', '2c88', '2c8a', '2c8c', '2c8e', '2c90', '2c92',
  '2c94', '2c96', '2c98', '2c9a', '2c9c', '2c9e', '2ca0', '2ca2', '2ca4', '2ca6', '2ca8', '2caa', '2cac',
  '2cae', '2cb0', '2cb2', '2cb4', '2cb6', '2cb8', '2cba', '2cbc', '2cbe', '2cc0', '2cc2', '2cc4', '2cc6',
  '2cc8', '2cca', '2ccc', '2cce', '2cd0', '2cd2', '2cd4', '2cd6', '2cd8', '2cda', '2cdc', '2cde', '2ce0',
  '2ce2', '2ceb', '2ced', '2cf2', 'a78d', 'a7aa-a7ae', 'a7b0-a7b4', 'a7b6', 'a7b8', 'a7ba', 'a7bc', 'a7be',
  'a7c0', 'a7c2', 'a7c4-a7c7', 'a7c9', 'a7cb-a7cc', 'a7ce', 'a7d0', 'a7d2', 'a7d4', 'a7d6', 'a7d8', 'a7da',
  'a7dc', 'a7f5', '104b0-104d3', '10570-1057a', '1057c-1058a', '1058c-10592', '10594-10595', '10c80-10cb2',
  '10d50-10d65', '16e40-16e5f', '16ea0-16eb8', '1e900-1e921'
];
/** Code points where ClickHouse upperUTF8 differs from toUpperCase (ß → SS, ligatures, Greek with ypogegrammeni…). */
const CH_UPPER = [
  'b5', 'df', '131', '149', '17f', '19b', '1c5', '1c8', '1cb', '1f0', '1f2', '23f-240', '250-252', '25c',
  '261', '264-266', '26a-26c', '271', '27d', '282', '287', '29d-29e', '345', '390', '3b0', '3b9', '3bc',
  '3c2', '3d0-3d1', '3d5-3d6', '3f0-3f1', '3f5', '587', '10d0-10fa', '10fd-10ff', '13f8-13fd', '1c80-1c88',
  '1c8a', '1d8e', '1e96-1e9b', '1f50', '1f52', '1f54', '1f56', '1f80-1faf', '1fb2-1fb4', '1fb6-1fb7', '1fbc',
  '1fbe', '1fc2-1fc4', '1fc6-1fc7', '1fcc', '1fd2-1fd3', '1fd6-1fd7', '1fe2-1fe4', '1fe6-1fe7', '1ff2-1ff4',
  '1ff6-1ff7', '1ffc', '214e', '2170-217f', '2184', '24d0-24e9', '2c30-2c5f', '2c61', '2c65-2c66', '2c68',
  '2c6a', '2c6c', '2c73', '2c76', '2c81', '2c83', '2c85', '2c87', '2c89', '2c8b', '2c8d', '2c8f', '2c91',
  '2c93', '2c95', '2c97', '2c99', '2c9b', '2c9d', '2c9f', '2ca1', '2ca3', '2ca5', '2ca7', '2ca9', '2cab',
  '2cad', '2caf', '2cb1', '2cb3', '2cb5', '2cb7', '2cb9', '2cbb', '2cbd', '2cbf', '2cc1', '2cc3', '2cc5',
  '2cc7', '2cc9', '2ccb', '2ccd', '2ccf', '2cd1', '2cd3', '2cd5', '2cd7', '2cd9', '2cdb', '2cdd', '2cdf',
  '2ce1', '2ce3', '2cec', '2cee', '2cf3', '2d00-2d25', '2d27', '2d2d', 'a794', 'a7b5', 'a7b7', 'a7b9',
  'a7bb', 'a7bd', 'a7bf', 'a7c1', 'a7c3', 'a7c8', 'a7ca', 'a7cd', 'a7cf', 'a7d1', 'a7d3', 'a7d5', 'a7d7',
  'a7d9', 'a7db', 'a7f6', 'ab53', 'ab70-abbf', 'fb00-fb06', 'fb13-fb17', '104d8-104fb', '10597-105a1',
  '105a3-105b1', '105b3-105b9', '105bb-105bc', '10cc0-10cf2', '10d70-10d85', '16e60-16e7f', '16ebb-16ed3',
  '1e922-1e943'
];
/** Code points where DuckDB lower differs from toLowerCase. */
const DUCK_LOWER = [
  '130', '3a3', '1c89', 'a7cb-a7cc', 'a7ce', 'a7d2', 'a7d4', 'a7da', 'a7dc', 'feff', '10d50-10d65',
  '16ea0-16eb8'
];
/** Code points where DuckDB upper differs from toUpperCase. */
const DUCK_UPPER = [
  'df', '149', '19b', '1f0', '264', '390', '3b0', '587', '1c8a', '1e96-1e9a', '1f50', '1f52', '1f54', '1f56',
  '1f80-1faf', '1fb2-1fb4', '1fb6-1fb7', '1fbc', '1fc2-1fc4', '1fc6-1fc7', '1fcc', '1fd2-1fd3', '1fd6-1fd7',
  '1fe2-1fe4', '1fe6-1fe7', '1ff2-1ff4', '1ff6-1ff7', '1ffc', 'a7cd', 'a7cf', 'a7d3', 'a7d5', 'a7db',
  'fb00-fb06', 'fb13-fb17', 'feff', '10d70-10d85', '16ebb-16ed3'
];

const hexRange = (r: string) => r.split('-').map((h) => parseInt(h, 16));

/** An RE2 character class matching any listed code point, e.g. `[\\x{130}\\x{13a0}-\\x{13f5}]`. */
function re2Class(ranges: readonly string[]): string {
  return `[${ranges.map((r) => r.split('-').map((h) => `\\x{${h}}`).join('-')).join('')}]`;
}

/** A JavaScript test for the same code points (for literals, checked before any SQL is sent). */
function jsTest(ranges: readonly string[]): (text: string) => boolean {
  const spans = ranges.map(hexRange);
  return (text) => {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80) continue;
      for (const [a, b = a] of spans) if (cp >= a && cp <= b) return true;
    }
    return false;
  };
}

export interface FoldClasses {
  /** RE2 class of the code points this warehouse lower-cases differently. */
  lower: string;
  upper: string;
  /** Does a text (a literal of the query) contain one of them? */
  lowerUnsafe(text: string): boolean;
  upperUnsafe(text: string): boolean;
}

const classes = (lower: readonly string[], upper: readonly string[]): FoldClasses => ({
  lower: re2Class(lower),
  upper: re2Class(upper),
  lowerUnsafe: jsTest(lower),
  upperUnsafe: jsTest(upper),
});

export const CLICKHOUSE_FOLD = classes(CH_LOWER, CH_UPPER);
export const DUCKDB_FOLD = classes(DUCK_LOWER, DUCK_UPPER);

/** Plain words for the message: a few of the letters concerned. */
export const FOLD_EXAMPLES = 'ẞ, K (the Kelvin sign), İ, ǅ, Σ at the end of a word, Roman numerals such as Ⅻ';
