import { parseFormula } from './parse';

/** A formula with every alias written as PivotDeck's name, and what was read as what. */
export interface NormalizedFormula {
  /** The text to save: aliases replaced, everything else as the user wrote it. */
  text: string;
  /** One note per alias name, e.g. "DISTINCTCOUNTNOBLANK is read as COUNTDISTINCT". */
  notes: string[];
}

/**
 * Writes names from Excel or DAX that PivotDeck reads as its own (aliases.ts) with PivotDeck's
 * name, so one vocabulary is saved, and says once per name what it was read as. A formula that
 * does not parse comes back as it is, with no notes (the checker says what is wrong).
 * @example normalizeFormula('distinctcountnoblank([Customer])')
 *   // { text: 'COUNTDISTINCT([Customer])', notes: ['DISTINCTCOUNTNOBLANK is read as COUNTDISTINCT'] }
 * @example normalizeFormula('SUM([Revenue]) / COUNTROWS()').text // 'SUM([Revenue]) / COUNTA(1)'
 */
export function normalizeFormula(text: string): NormalizedFormula {
  let aliases;
  try {
    aliases = parseFormula(text).aliases;
  } catch {
    return { text, notes: [] };
  }
  if (!aliases) return { text, notes: [] };
  let out = text;
  // From the end, so earlier spans stay where they were.
  for (const use of [...aliases].sort((a, b) => b.span.start - a.span.start)) {
    out = use.noArguments
      ? `${out.slice(0, use.span.start)}${use.readAs}(1)${out.slice(use.span.end)}`
      : `${out.slice(0, use.nameSpan.start)}${use.readAs}${out.slice(use.nameSpan.end)}`;
  }
  const notes = new Map<string, string>();
  for (const use of aliases) {
    const key = `${use.name}${use.noArguments ? '()' : ''}`;
    if (!notes.has(key)) {
      notes.set(key, use.noArguments ? `${use.name}() is read as ${use.readAs}(1), which counts every row` : `${use.name} is read as ${use.readAs}`);
    }
  }
  return { text: out, notes: [...notes.values()] };
}
