import { LandingError } from './land-error';

/**
 * The workbook name that tracks the table landed for a source: "PivotDeck_" + id with
 * anything but letters, digits and _ made "_". The Excel table keeps the name the user chose;
 * this name is how a refresh finds exactly the table it owns even after the user renames it.
 *
 * @example landingName('cars-csv') // 'PivotDeck_cars_csv'
 */
export function landingName(sourceId: string): string {
  return `PivotDeck_${sourceId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/**
 * Checks a table name against Excel's rules before anything is sent to Excel, so a bad name is
 * a message, not a failed sync: starts with a letter, _ or \, then letters, digits, _ and .;
 * no spaces; not a cell reference such as "A1" or "R1C1"; at most 255 characters.
 *
 * @example checkTableName('Cars') // 'Cars'
 * @example checkTableName('A1')   // throws LandingError('badTableName')
 */
export function checkTableName(name: string): string {
  const trimmed = name.trim();
  const why = tableNameProblem(trimmed);
  if (why) throw new LandingError('badTableName', `"${trimmed}" cannot be an Excel table name: ${why}`);
  return trimmed;
}

function tableNameProblem(name: string): string | undefined {
  if (name === '') return 'type a name, for example Cars.';
  if (name.length > 255) return 'use at most 255 characters.';
  if (/\s/.test(name)) return 'names cannot contain spaces; use _ instead, for example Sales_2024.';
  if (!/^[\p{L}_\\]/u.test(name)) return 'start with a letter or _.';
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return 'use only letters, digits, _ and . (no other symbols).';
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name)) return 'it looks like a cell address; add a word, for example Table_A1.';
  if (/^PivotDeck_/i.test(name)) return 'names starting with PivotDeck_ are reserved for PivotDeck.';
  return undefined;
}
