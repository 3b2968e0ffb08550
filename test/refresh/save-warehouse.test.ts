/**
 * "Connect to a warehouse" → Save as a use-case (issue 15 part 6): the definition goes through the
 * document service without the password; the password goes to the user's store; the same table
 * again updates its source; a read-only document is refused.
 */
import { describe, expect, it } from 'vitest';
import { memoryCredentialStore } from '../../src/connectors';
import { emptyDocument, SCHEMA_VERSION } from '../../src/model';
import { DocumentService, memoryDocumentStorage } from '../../src/refresh/document';
import { SourceCoordinator, type SourceDeps } from '../../src/refresh/sources';
import { createSimulator, modelFromRows } from '../../src/simulator';
import { EMPTY_WAREHOUSE_DRAFT, saveWarehouseConnection } from '../../src/refresh/warehouse';

function services(stored: string) {
  const storage = memoryDocumentStorage(stored);
  const documents = new DocumentService(storage);
  const credentials = memoryCredentialStore();
  const deps: SourceDeps = { run: createSimulator(modelFromRows('S', [['']])).run, fetch: globalThis.fetch, credentials };
  return { storage, documents, credentials, sources: new SourceCoordinator(deps, documents) };
}

const draft = { ...EMPTY_WAREHOUSE_DRAFT, url: 'https://ch.example.com:8443', table: 'flights', signIn: 'url' as const, user: 'ana', password: 'pä$$ wörd' };
const fields = [{ name: 'delay', type: 'number' as const, serverType: 'Int32', nullable: false }];
const now = () => new Date(Date.UTC(2026, 0, 1));

describe('saveWarehouseConnection', () => {
  it('saves the source without the password, which goes to the user store; the same table again updates it', async () => {
    const s = services(JSON.stringify(emptyDocument()));
    const id = await saveWarehouseConnection(s, draft, { fields, rowCount: 12 }, now);
    expect(id).toBe(`wh_${Date.UTC(2026, 0, 1).toString(36)}`);
    expect(s.storage.text()).not.toMatch(/pä\$\$|ana/);
    expect(await s.credentials.get('https://ch.example.com:8443', 'basic')).toBe('ana:pä$$ wörd');
    const again = await saveWarehouseConnection(s, { ...draft, url: 'https://ch.example.com:8443/', user: 'ben', password: 'x' }, { fields, rowCount: 13 }, () => new Date(Date.UTC(2027, 0, 1)));
    expect(again).toBe(id);
    const doc = await s.documents.read();
    expect(doc.sources.map((d) => [d.id, d.label, d.lastPull?.rows])).toEqual([[id, 'flights (warehouse)', 13]]);
  });

  it('refuses to change a document from a newer PivotDeck, and stores no credential', async () => {
    const s = services(JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1 }));
    await expect(saveWarehouseConnection(s, draft, { fields }, now)).rejects.toThrow(/newer PivotDeck/);
    expect(await s.credentials.get('https://ch.example.com:8443', 'basic')).toBeUndefined();
    expect(s.storage.saves()).toBe(0);
  });
});
