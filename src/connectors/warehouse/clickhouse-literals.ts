/**
 * ClickHouse identifiers and string literals, for the few statements the connector writes itself
 * (DESCRIBE, system tables). The query builder's SQL comes from the engine's dialect (src/engine/sql).
 */

/**
 * A back-quoted identifier: backslash and back quote escaped (backslash first).
 * @example quoteIdentifier('Unit Price') // '`Unit Price`'
 * @example quoteIdentifier('a`b') // '`a\\`b`'
 */
export function quoteIdentifier(name: string): string {
  return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

/**
 * A single-quoted string literal: backslash first, then the quote; control characters as \xHH
 * (doubling quotes alone is injectable in ClickHouse, which also reads \' as a quote).
 * @example quoteString("O'Hare") // "'O\\'Hare'"
 */
export function quoteString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    // eslint-disable-next-line no-control-regex -- control characters are exactly what we escape
    .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `'${escaped}'`;
}
