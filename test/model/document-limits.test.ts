/**
 * Hostile sizes when a document is opened (issue 13 part 6): a source's options nested 10,000
 * deep used to open fine and then make every later save overflow the stack. Too deep or too
 * large now opens read-only with a message, like invalid JSON, and nothing is parsed recursively.
 */
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_DEPTH, MAX_STORED_CHARS, nestingDepth, openDocument, saveDocument, SCHEMA_VERSION, emptyDocument } from '../../src/model';

/** A document whose one source has `depth` levels of nested objects in its options. */
function nestedSource(depth: number): string {
  // Built as text: building the object and stringifying it would itself recurse 10,000 deep.
  const inner = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return `{"schemaVersion":${SCHEMA_VERSION},"extensions":[],"queries":[],"dashboards":[],"sources":[{"id":"s","label":"S","kind":"csv","url":"https://example.com/a.csv","options":{"deep":${inner}}}]}`;
}

describe('opening stored documents of hostile depth and size', () => {
  it('counts nesting in one pass, ignoring brackets inside strings and escaped quotes', () => {
    expect(nestingDepth('')).toBe(0);
    expect(nestingDepth('1')).toBe(0);
    expect(nestingDepth('[]')).toBe(1);
    expect(nestingDepth('{"a":[1,{"b":"[["}]}')).toBe(3);
    expect(nestingDepth('{"a":"\\"[[[[","b":[[]]}')).toBe(3);
    // Unbalanced text (damaged): the deepest point reached still counts.
    expect(nestingDepth('[[[[')).toBe(4);
  });

  it('opens a source nested 10,000 deep read-only with a message, and never tries to save it', () => {
    const opened = openDocument(nestedSource(10_000));
    expect(opened.status).toBe('invalid');
    expect(opened.readOnly).toBe(true);
    expect(opened.document).toEqual(emptyDocument());
    if (opened.status === 'invalid') expect(opened.message).toMatch(/nested more than 64 levels.*read-only/s);
  });

  it('opens PivotDeck-sized nesting normally, right up to the limit', () => {
    // The document itself, its sources array, the source and its options take 4 levels.
    const atLimit = openDocument(nestedSource(MAX_DOCUMENT_DEPTH - 4));
    expect(atLimit.status).toBe('ok');
    expect(() => saveDocument(atLimit.document)).not.toThrow();
    expect(openDocument(nestedSource(MAX_DOCUMENT_DEPTH - 3)).status).toBe('invalid');
  });

  it('opens a stored text longer than PivotDeck ever writes read-only without parsing it', () => {
    const padded = `{"schemaVersion":${SCHEMA_VERSION},"extensions":[],"sources":[],"queries":[],"dashboards":[],"pad":"${'é'.repeat(MAX_STORED_CHARS)}"}`;
    const opened = openDocument(padded);
    expect(opened.status).toBe('invalid');
    expect(opened.readOnly).toBe(true);
    if (opened.status === 'invalid') expect(opened.message).toMatch(/too large.*read-only/s);
  });
});
