/**
 * Field references in formula text, written the way Excel writes structured references
 * (support.microsoft.com, "Using structured references with Excel tables", syntax rules:
 * inside a column specifier the left bracket, right bracket, pound sign and single quotation
 * mark are escaped with a single quotation mark: `'[`, `']`, `'#`, `''`).
 */

/** Characters Excel escapes with an apostrophe inside a structured reference. */
const ESCAPED = /['[\]#]/g;

/**
 * The formula text that refers to a field, with Excel's apostrophe escapes, so any name
 * (brackets, apostrophes, pound signs included) reads back as itself.
 * @example formatFieldRef('Unit [EUR]') // "[Unit '[EUR']]"
 * @example formatFieldRef("O'Brien #2") // "[O''Brien '#2]"
 */
export function formatFieldRef(name: string): string {
  return `[${name.replace(ESCAPED, "'$&")}]`;
}
