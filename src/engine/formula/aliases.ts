/**
 * Names users bring from Excel or DAX that the formula language reads as one of its own
 * functions, because they compute the same thing (same values skipped, same blank rule). The
 * parser resolves them, so checkers and compilers only ever see PivotDeck's names, and
 * `normalizeFormula` rewrites them in the text that is saved, so one vocabulary is stored.
 * Names that do not compute the same are not here: foreign-names.ts answers them with what to
 * write instead. docs/formula-language.md has the table with each mapping's reason.
 */

/** Where a name comes from, for the note the editor shows. */
export type AliasOrigin = 'Excel' | 'DAX';

export interface FunctionAlias {
  /** The name as users write it, upper case (names are case-insensitive). */
  name: string;
  /** PivotDeck's function it is read as. */
  readAs: string;
  origin: AliasOrigin;
  /**
   * Only the call with no arguments is an alias, and it is read as `readAs(1)`: COUNTROWS() is
   * COUNTA(1), which counts every row of the group (the constant 1 is never blank).
   */
  noArguments?: true;
  /** Why the two compute the same, for the docs table and the tests' names. */
  why: string;
}

const ALIASES: readonly FunctionAlias[] = [
  // Excel's compatibility names: Microsoft documents each as the same calculation as the newer one.
  { name: 'PERCENTILE', readAs: 'PERCENTILE.INC', origin: 'Excel', why: 'Excel keeps PERCENTILE for compatibility; it is PERCENTILE.INC.' },
  { name: 'QUARTILE', readAs: 'QUARTILE.INC', origin: 'Excel', why: 'Excel keeps QUARTILE for compatibility; it is QUARTILE.INC.' },
  { name: 'MODE', readAs: 'MODE.SNGL', origin: 'Excel', why: 'Excel keeps MODE for compatibility; it is MODE.SNGL.' },
  { name: 'STDEV', readAs: 'STDEV.S', origin: 'Excel', why: 'Excel keeps STDEV for compatibility; it is STDEV.S.' },
  { name: 'STDEVP', readAs: 'STDEV.P', origin: 'Excel', why: 'Excel keeps STDEVP for compatibility; it is STDEV.P.' },
  { name: 'VAR', readAs: 'VAR.S', origin: 'Excel', why: 'Excel keeps VAR for compatibility; it is VAR.S.' },
  { name: 'VARP', readAs: 'VAR.P', origin: 'Excel', why: 'Excel keeps VARP for compatibility; it is VAR.P.' },
  { name: 'CONCATENATE', readAs: 'CONCAT', origin: 'Excel', why: 'Excel keeps CONCATENATE for compatibility; over single values it is CONCAT.' },
  // DAX.
  {
    name: 'DISTINCTCOUNTNOBLANK',
    readAs: 'COUNTDISTINCT',
    origin: 'DAX',
    why: 'Both count the different values and leave blanks out; text is compared ignoring case in both (a Power BI model compares text that way).',
  },
  {
    name: 'COUNTROWS',
    readAs: 'COUNTA',
    origin: 'DAX',
    noArguments: true,
    why: 'COUNTROWS() with no table counts the rows of the table the measure belongs to, under the current filters: in PivotDeck that is the rows of each group, which COUNTA(1) counts.',
  },
];

// A Map, not an object: names like "constructor" or "__proto__" must not find anything.
const BY_NAME: ReadonlyMap<string, FunctionAlias> = new Map(ALIASES.map((a) => [a.name, a]));

/**
 * The alias a name is, if any (case-insensitive).
 * @example functionAlias('distinctcountnoblank')?.readAs // 'COUNTDISTINCT'
 * @example functionAlias('DISTINCTCOUNT') // undefined: it counts a blank, COUNTDISTINCT does not
 */
export function functionAlias(name: string): FunctionAlias | undefined {
  return BY_NAME.get(name.toUpperCase());
}

/**
 * Every alias, in the order of the docs table.
 * @example functionAliases().some((a) => a.name === 'COUNTROWS') // true
 */
export function functionAliases(): readonly FunctionAlias[] {
  return ALIASES;
}
