/**
 * Header cells made usable as Excel table column names: trimmed, blanks named "Column N",
 * duplicates numbered ("Amount", "Amount (2)"). Reports whether anything was renamed.
 * Names written in the file are claimed before the ones made up here, so a real "Column 2" or
 * "Amount (2)" keeps its name and the made-up one takes the next free number.
 * @example columnNames(['a', '', 'a']) // { names: ['a', 'Column 2', 'a (2)'], renamed: true }
 * @example columnNames(['', 'Column 1']) // { names: ['Column 1 (2)', 'Column 1'], renamed: true }
 */
export function columnNames(raw: readonly (string | undefined)[]): { names: string[]; renamed: boolean } {
  const used = new Set<string>();
  let renamed = false;
  const bases = raw.map((cell, i) => {
    const name = (cell ?? '').trim();
    if (name !== '' && name !== cell) renamed = true;
    return { base: name === '' ? `Column ${i + 1}` : name, written: name !== '' };
  });
  const names: Array<string | undefined> = new Array(raw.length);
  // First the names as written, first occurrence wins; then made-up names; then numbered duplicates.
  bases.forEach(({ base, written }, i) => {
    if (written && !used.has(base.toLowerCase())) {
      names[i] = base;
      used.add(base.toLowerCase());
    }
  });
  bases.forEach(({ base, written }, i) => {
    if (names[i] !== undefined) return;
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base} (${n})`;
    if (written || candidate !== base) renamed = true;
    names[i] = candidate;
    used.add(candidate.toLowerCase());
  });
  return { names: names as string[], renamed };
}
