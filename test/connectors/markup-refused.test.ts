/**
 * Issue 16 part 7: a web page or an XML document served where CSV or JSON was expected is refused
 * with what the server actually returned, not read as a 0-row table or blamed on "invalid JSON at
 * character 0". Every case goes through a real HTTP server on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullCsv, pullJson, pullRest, type PullOk, type SourceDefinition } from '../../src/connectors';
import { sniffMarkup } from '../../src/connectors/parse/sniff-markup';
import { startTestServer, type TestServer } from '../support/http-server';
import { rejection, testContext } from './context';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const def = (kind: 'csv' | 'json' | 'rest', name: string): SourceDefinition => ({
  id: 's', label: 'S', kind, url: server.url(`/mutable/${name}`), options: kind === 'rest' ? { paging: { kind: 'none' } } : undefined,
});

// A sign-in page as Google or a SharePoint share link sends it: non-ASCII, an entity, a long head.
const SIGN_IN = `<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8">\n<title>\n  Anmelden &ndash; Konten &amp; Zugänge\n</title></head><body><form>…</form></body></html>`;

describe('HTML or XML where CSV or JSON was expected', () => {
  it('refuses a sign-in page served for a CSV source, naming the page and its Content-Type', async () => {
    server.setResource('signin.csv', SIGN_IN, 'text/html; charset=utf-8');
    const error = await rejection(pullCsv(def('csv', 'signin.csv'), testContext()));
    expect(error.kind).toBe('malformed');
    expect(error.details.returned).toBe('html');
    // &ndash; is not among the entities decoded, so it stays as written; &amp; is decoded.
    expect(error.message).toContain('The address returned a web page (HTML) titled "Anmelden &ndash; Konten & Zugänge" (Content-Type: text/html), not CSV.');
    expect(error.message).toContain('direct download link');
  });

  it('refuses HTML even when the server calls it text/plain, after a byte-order mark and blank lines', async () => {
    server.setResource('plain.csv', `\uFEFF\n\n  <html><body><p>Error 500</p></body></html>`, 'text/plain');
    const error = await rejection(pullCsv(def('csv', 'plain.csv'), testContext()));
    expect(error.details.returned).toBe('html');
    expect(error.message).toContain('web page (HTML) (Content-Type: text/plain), not CSV');
  });

  it('refuses an XML error document served for a JSON source, naming its root element', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<!-- AWS -->\n<Error><Code>AccessDenied</Code></Error>';
    server.setResource('denied.json', xml, 'application/xml');
    const error = await rejection(pullJson(def('json', 'denied.json'), testContext()));
    expect(error.kind).toBe('malformed');
    expect(error.details.returned).toBe('xml');
    expect(error.message).toContain('The address returned an XML document (<Error>) (Content-Type: application/xml), not JSON.');
    expect(error.message).not.toContain('character 0');
  });

  it('refuses an HTML page from a paged web API (one page), where no Content-Type is passed on', async () => {
    server.setResource('api.json', '<!doctype html><html><head><title>502 Bad Gateway</title></head></html>', 'text/html');
    const error = await rejection(pullRest(def('rest', 'api.json'), testContext()));
    expect(error.details.returned).toBe('html');
    expect(error.message).toContain('web page (HTML) titled "502 Bad Gateway", not JSON');
  });

  it('cuts a very long page title at a word, within 80 characters', async () => {
    const words = Array.from({ length: 30 }, (_, i) => `Wort${i}`).join(' ');
    server.setResource('long.csv', `<html><title>${words}</title></html>`, 'text/html');
    const error = await rejection(pullCsv(def('csv', 'long.csv'), testContext()));
    const title = /titled "([^"]*)"/.exec(error.message)![1]!;
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title.endsWith('…')).toBe(true);
    // Cut at a word: what is left before the ellipsis is whole words of the original.
    expect(words.startsWith(title.slice(0, -1))).toBe(true);
    expect(words[title.length - 1]).toBe(' ');
  });

  it('still reads real CSV labelled text/html, and a CSV whose first cell starts with "<"', async () => {
    server.setResource('mislabelled.csv', 'Region,Umsatz\nNord,12\nSüd,-0\n', 'text/html');
    const ok = (await pullCsv(def('csv', 'mislabelled.csv'), testContext())) as PullOk;
    expect(ok.status).toBe('ok');
    expect(ok.rowCount).toBe(2);
    expect(ok.table.get('Region', 1)).toBe('Süd');

    server.setResource('less.csv', '<5 kg,weight\nsmall,3\nlarge,9\n', 'text/csv');
    const less = (await pullCsv(def('csv', 'less.csv'), testContext())) as PullOk;
    expect(less.columns.map((c) => c.name)).toEqual(['<5 kg', 'weight']);
    expect(less.rowCount).toBe(2);
  });

  it('keeps the old message for broken JSON that is not markup', async () => {
    server.setResource('broken.json', '{"a": <1>}', 'application/json');
    const error = await rejection(pullJson(def('json', 'broken.json'), testContext()));
    expect(error.details.returned).toBeUndefined();
    expect(error.message).toContain('The response is not valid JSON');
    expect(error.message).not.toContain('web page');
  });
});

describe('sniffMarkup', () => {
  it('tells markup from data that merely starts with "<"', () => {
    expect(sniffMarkup('<- arrow,x\n1,2', null)).toBeUndefined();
    expect(sniffMarkup('<5,x', 'text/html')).toBeUndefined();
    expect(sniffMarkup('[{"a":1}]', 'text/html')).toBeUndefined();
    expect(sniffMarkup('<rss version="2.0"><channel/></rss>', null)).toEqual({ kind: 'xml', name: 'rss' });
    expect(sniffMarkup('<feed xmlns="http://www.w3.org/2005/Atom">', 'application/atom+xml')).toEqual({ kind: 'xml', name: 'feed' });
    // A tagged body the server calls HTML is a web page, even without <html>.
    expect(sniffMarkup('<section>hi</section>', 'text/html')).toEqual({ kind: 'html', name: undefined });
    expect(sniffMarkup('<!-- build 7 -->\n<!DOCTYPE html><html><title>&#127757; Welt</title>', null)).toEqual({ kind: 'html', name: '🌍 Welt' });
  });
});
