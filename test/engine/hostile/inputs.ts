/** Inputs shared by the hostile-input scripts and the test that checks their output. */

export const CHAIN_ROWS = 1000;

/** An 8-character non-ASCII text with ten spellings ("Ünïcödé0" … "Ünïcödé9"). */
export const chainText = (i: number): string => `\u00dcn\u00efc\u00f6d\u00e9${i % 10}`;

/** 2,000 field names of 245 characters that differ only in their last digits. */
export const LONG_NAMES: string[] = Array.from({ length: 2000 }, (_, i) => `${'Revenue per r\u00e9gion and quarter, adjusted \u2014 '.repeat(8).slice(0, 240)}${String(i).padStart(5, '0')}`);

/** LONG_NAMES[1234] with one character changed in the middle: one edit away from it, two or more from every other. */
export const MISSPELT = `${LONG_NAMES[1234]!.slice(0, 100)}#${LONG_NAMES[1234]!.slice(101)}`;

/** Rows and text for the budget case: 7,000 rows joining a 16,000-character text to itself. */
export const BUDGET_ROWS = 7000;
export const BUDGET_TEXT_LENGTH = 16_000;

/** How many references manyReferences writes: 29 CONCATs of 30 (the formula stays under 8,192 characters). */
export const REFERENCES = 29 * 30;

/** CONCAT(CONCAT(r0, …, r29), …): REFERENCES field references in one formula, two levels deep. */
export function manyReferences(ref: (k: number) => string): string {
  const groups: string[] = [];
  for (let g = 0; g < 29; g++) groups.push(`CONCAT(${Array.from({ length: 30 }, (_, i) => ref(g * 30 + i)).join(',')})`);
  return `CONCAT(${groups.join(',')})`;
}
