/**
 * Header cells made usable as Excel table column names: trimmed, blanks named "Column N",
 * duplicates numbered ("Amount", "Amount (2)"). Reports whether anything was renamed.
 * @example columnNames(['a', '', 'a']) // { names: ['a', 'Column 2', 'a (2)'], renamed: true }
 */
export function columnNames(raw: readonly (string | undefined)[]): { names: string[]; renamed: boolean } {
  const used = new Set<string>();
  let renamed = false;
  const names = raw.map((cell, i) => {
    let name = (cell ?? '').trim();
    if (name === '') name = `Column ${i + 1}`;
    if (name !== cell) renamed = renamed || (cell ?? '') !== '';
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${name} (${n})`;
    if (candidate !== name) renamed = true;
    used.add(candidate.toLowerCase());
    return candidate;
  });
  return { names, renamed };
}
