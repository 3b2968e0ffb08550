import { quote } from './formula-error';

/**
 * Names users bring from Excel or DAX that do NOT compute what any PivotDeck function computes
 * (a different blank rule, text read as 0, a table argument, DAX's own arithmetic), so they are
 * not aliases: the checker answers each with the PivotDeck formula to write and what differs.
 * Names that do compute the same are aliases (aliases.ts). See docs/formula-language.md.
 */

/** What to write instead, given the text of the call's arguments as the user wrote them. */
type Answer = (args: readonly string[]) => string;

/** The first argument as written, or a placeholder when there is none. */
const first = (args: readonly string[], placeholder = '[Field]') => args[0] ?? placeholder;

const ANSWERS = new Map<string, Answer>();
const answer = (names: string[], to: Answer) => names.forEach((n) => ANSWERS.set(n, to));

answer(['DISTINCTCOUNT'], (a) =>
  `use COUNTDISTINCT(${first(a)}), which leaves blanks out; DAX's DISTINCTCOUNT counts a blank as one more value, ` +
  `as COUNTDISTINCT(${first(a)}) + MAX(IF(ISBLANK(${first(a)}), 1, 0)) does`);
answer(['COUNTROWS'], (a) =>
  `write COUNTROWS() with nothing in the brackets: a PivotDeck formula reads one table, and COUNTROWS() counts its rows in each group` +
  (a[0]?.startsWith('[') ? `; COUNTA(${a[0]}) counts the cells of ${a[0]} that are not blank` : ''));
answer(['COUNTBLANK'], (a) => `write SUM(IF(ISBLANK(${first(a)}), 1, 0)), which counts the blank cells (empty, or empty text) of each group`);
for (const [foreign, ours] of [
  ['AVERAGEA', 'AVERAGE'], ['MINA', 'MIN'], ['MAXA', 'MAX'], ['STDEVA', 'STDEV.S'], ['STDEVPA', 'STDEV.P'], ['VARA', 'VAR.S'], ['VARPA', 'VAR.P'],
] as const) {
  answer([foreign], (a) => `use ${ours}(${first(a)}), which skips text and TRUE/FALSE; ${foreign} reads text as 0 and TRUE as 1`);
}
answer(['PERCENTILE.EXC'], (a) =>
  `use PERCENTILE.INC(${first(a)}, ${a[1] ?? '0.9'}): PivotDeck has Excel's inclusive percentile only, which interpolates a little differently near the ends`);
answer(['QUARTILE.EXC'], (a) =>
  `use QUARTILE.INC(${first(a)}, ${a[1] ?? '1'}): PivotDeck has Excel's inclusive quartile only, which interpolates a little differently`);
answer(['MODE.MULT'], (a) => `use MODE.SNGL(${first(a)}), which gives the first of the most frequent numbers (a cell holds one value)`);
// DAX's X functions: a table, then an expression evaluated per row by DAX's own rules (blank
// arithmetic, division by zero giving infinity). Ours take the row formula directly.
const TABLE_FIRST = new Set<string>(['COUNTROWS']);
for (const [foreign, ours] of [
  ['SUMX', 'SUM'], ['AVERAGEX', 'AVERAGE'], ['MINX', 'MIN'], ['MAXX', 'MAX'], ['MEDIANX', 'MEDIAN'], ['PRODUCTX', 'PRODUCT'],
  ['COUNTX', 'COUNT'], ['COUNTAX', 'COUNTA'], ['STDEVX.S', 'STDEV.S'], ['STDEVX.P', 'STDEV.P'], ['VARX.S', 'VAR.S'], ['VARX.P', 'VAR.P'],
  ['PERCENTILEX.INC', 'PERCENTILE.INC'], ['PERCENTILEX.EXC', 'PERCENTILE.INC'],
] as const) {
  TABLE_FIRST.add(foreign);
  answer([foreign], (a) => {
    const expression = a[1] ?? '[Price] * [Units]';
    const p = ours === 'PERCENTILE.INC' ? `, ${a[2] ?? '0.9'}` : '';
    return `write ${ours}(${expression}${p}): PivotDeck's ${ours} takes the row formula itself, with no table before it, and computes it by Excel's rules`;
  });
}
answer(['DIVIDE'], (a) => {
  const [x = '[A]', y = '[B]', alternate] = a;
  return `write IF(${y} <> 0, ${x} / ${y}${alternate !== undefined ? `, ${alternate}` : ''}), which gives ${alternate !== undefined ? alternate : 'a blank'} when ${y} is 0 or blank, as DIVIDE does`;
});
answer(['COUNTIF', 'COUNTIFS'], () => 'put the condition in IF: COUNTIFS([Region], "West") is COUNTA(IF([Region] = "West", 1))');
answer(['SUMIF', 'SUMIFS', 'AVERAGEIF', 'AVERAGEIFS', 'MAXIFS', 'MINIFS'], () =>
  'put the condition in IF inside the aggregate: SUMIFS([Revenue], [Region], "West") is SUM(IF([Region] = "West", [Revenue]))');
answer(['CALCULATE'], () =>
  'put the condition in IF inside the aggregate: CALCULATE(SUM([Revenue]), [Region] = "West") is SUM(IF([Region] = "West", [Revenue])); a condition for the whole query goes under Filters');

/** Shown arguments are cut to this many characters, so a hostile argument cannot flood the message. */
const SHOWN_ARGUMENT = 60;

/**
 * What to write instead of a name from Excel or DAX that PivotDeck's formulas do not read, with
 * what differs; undefined for a name it does not know. `args` are the call's arguments as the
 * user wrote them (long ones are cut).
 * @example foreignAnswer('DISTINCTCOUNT', ['[Customer]'])?.startsWith('use COUNTDISTINCT([Customer])') // true
 * @example foreignAnswer('constructor', []) // undefined
 */
export function foreignAnswer(name: string, args: readonly string[] = []): string | undefined {
  const to = ANSWERS.get(name.toUpperCase());
  if (!to) return undefined;
  // Only the shown part is flattened, so an argument millions of characters long costs nothing extra.
  return to(args.map((a) => quote(a.slice(0, SHOWN_ARGUMENT + 1).replace(/\s+/g, ' ').trim(), SHOWN_ARGUMENT)));
}

/**
 * Whether a DAX function takes a table as its first argument (COUNTROWS, SUMX…), so a bare name
 * there is a table name, not a field written without brackets.
 * @example takesTable('sumx') // true
 */
export function takesTable(name: string): boolean {
  return TABLE_FIRST.has(name.toUpperCase());
}
