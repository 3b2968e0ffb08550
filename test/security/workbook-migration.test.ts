/**
 * Version-1 workbooks named a credential by host; version 2 names the exact origin. The migration
 * reads host as https://host (port 443 when none): outside development PivotDeck only ever sent
 * requests over https. A host that does not parse loses its reference (no secret is then sent).
 */
import { describe, expect, it } from 'vitest';
import { openDocument, saveDocument, SCHEMA_VERSION } from '../../src/model';

const v1 = (credentials: Array<Record<string, unknown>>) => JSON.stringify({
  schemaVersion: 1, extensions: [], queries: [], dashboards: [],
  sources: credentials.map((credential, i) => ({ id: `s${i}`, label: `s${i}`, kind: 'csv', url: 'https://api.example.com/a.csv', credential })),
});

describe('credential references: host → origin', () => {
  it('turns each host into its https origin, normalised', () => {
    const opened = openDocument(v1([
      { host: 'api.example.com', kind: 'bearer' },
      { host: 'ch.example.com:8443', kind: 'basic' },
      { host: 'API.Example.COM:443', kind: 'apiKeyQuery', parameter: 'key' },
      { host: '127.0.0.1:8080', kind: 'bearer' },
      { host: 'bücher.example', kind: 'bearer' },
    ]));
    expect(opened).toMatchObject({ status: 'ok', migratedFrom: 1 });
    expect(opened.document.sources.map((s) => s.credential)).toEqual([
      { origin: 'https://api.example.com', kind: 'bearer' },
      { origin: 'https://ch.example.com:8443', kind: 'basic' },
      { origin: 'https://api.example.com', kind: 'apiKeyQuery', parameter: 'key' },
      { origin: 'https://127.0.0.1:8080', kind: 'bearer' },
      { origin: 'https://xn--bcher-kva.example', kind: 'bearer' },
    ]);
    const saved = JSON.parse(saveDocument(opened.document)) as { schemaVersion: number; sources: Array<{ credential: Record<string, unknown> }> };
    expect(saved.schemaVersion).toBe(SCHEMA_VERSION);
    expect(saved.sources.every((s) => !('host' in s.credential))).toBe(true);
  });

  it('drops a reference whose host is not a host (it could never be matched safely)', () => {
    const opened = openDocument(v1([
      { host: 'evil.example/path', kind: 'bearer' },
      { host: 'ann@api.example.com', kind: 'bearer' },
      { host: '', kind: 'bearer' },
      { kind: 'bearer' },
    ]));
    expect(opened.status).toBe('ok');
    expect(opened.document.sources.map((s) => s.credential)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('refuses a version-2 reference that is not a bare origin', () => {
    for (const origin of ['https://api.example.com/', 'https://api.example.com:443', 'api.example.com', 'ftp://x.example', 'https://API.example.com']) {
      const text = JSON.stringify({ schemaVersion: SCHEMA_VERSION, extensions: [], queries: [], dashboards: [], sources: [{ id: 's', label: 's', kind: 'csv', url: 'https://api.example.com/a.csv', credential: { origin, kind: 'bearer' } }] });
      expect(openDocument(text).status, origin).toBe('invalid');
    }
  });
});
