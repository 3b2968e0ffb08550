/**
 * Issue 16 part 7: the web-source form checks the address in PivotDeck's words (on blur and on
 * Preview), never with the browser's bubble.
 */
import { describe, expect, it } from 'vitest';
import { addressProblem } from '../../src/refresh/sources';

describe('addressProblem', () => {
  it('accepts https addresses, with non-ASCII hosts and paths', () => {
    expect(addressProblem('https://example.com/sales.csv', false)).toBeUndefined();
    expect(addressProblem('  https://daten.münchen.example/Umsätze 2025.csv  ', false)).toBeUndefined();
  });

  it('asks for the whole address, offering https:// in front of what looks like one', () => {
    expect(addressProblem('', false)).toMatch(/^Enter the address of the data/);
    expect(addressProblem('example.com/sales.csv', false)).toContain('Add https:// in front: https://example.com/sales.csv');
    // Parses as a URL with the scheme "localhost:", but is not one a user meant.
    const local = addressProblem('localhost:8080/a.csv', true)!;
    expect(local).toContain('not a full web address');
    expect(local).not.toContain('https://localhost');
  });

  it('refuses http except to this computer in development, and other schemes', () => {
    expect(addressProblem('http://data.example.com/a.csv', true)).toContain('only reads secure (https://) addresses');
    expect(addressProblem('http://127.0.0.1:8080/a.csv', true)).toBeUndefined();
    expect(addressProblem('http://127.0.0.1:8080/a.csv', false)).toContain('only in development');
    expect(addressProblem('ftp://files.example.com/a.csv', false)).toContain('ftp://files.example.com');
    expect(addressProblem('https://exa mple.com/a.csv', false)).toContain('not a web address PivotDeck can read');
  });

  it('leaves a user name and password in the address to Preview, which offers to move them', () => {
    expect(addressProblem('https://ann:pw@example.com/a.csv', false)).toBeUndefined();
  });
});
