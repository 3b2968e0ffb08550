/**
 * DocumentService (issue 15): the one owner of the workbook document. Updates run one at a time,
 * each on what is stored now; a read-only document is never rewritten; an invalid result is
 * refused; subscribers hear every saved change; an older document is saved in the current shape.
 */
import { describe, expect, it } from 'vitest';
import { emptyDocument, ReadOnlyDocumentError, SCHEMA_VERSION, type PivotDeckDocument } from '../../src/model';
import { DocumentService, memoryDocumentStorage, ObjectLocks, type DocumentChange } from '../../src/refresh/document';

const query = (id: string, label = id): PivotDeckDocument['queries'][number] => ({ id, label, spec: { version: 1 } });

describe('DocumentService', () => {
  it('runs updates one at a time, each on the document as stored after the one before', async () => {
    const storage = memoryDocumentStorage(emptyDocument());
    const documents = new DocumentService(storage);
    // 30 writers at once, each adding its own query: none may be lost.
    const ids = Array.from({ length: 30 }, (_, i) => `q${i}`);
    await Promise.all(ids.map((id) => documents.update(`add ${id}`, (doc) => ({ ...doc, queries: [...doc.queries, query(id)] }))));
    expect((await documents.read()).queries.map((q) => q.id)).toEqual(ids);
    expect(storage.saves()).toBe(30);
  });

  it('re-reads what is stored before each update (another runtime saved meanwhile)', async () => {
    const storage = memoryDocumentStorage({ ...emptyDocument(), queries: [query('mine')] });
    const documents = new DocumentService(storage);
    await documents.read();
    // Someone else's save, straight into the storage.
    await storage.save(JSON.stringify({ ...emptyDocument(), queries: [query('mine'), query('theirs')] }));
    await documents.update('rename mine', (doc) => ({ ...doc, queries: doc.queries.map((q) => (q.id === 'mine' ? { ...q, label: 'Mïne ✓' } : q)) }));
    expect((await documents.read()).queries).toEqual([query('mine', 'Mïne ✓'), query('theirs')]);
  });

  it('never rewrites a document from a newer PivotDeck: update refuses with its message', async () => {
    const newer = JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, whatever: true });
    const storage = memoryDocumentStorage(newer);
    const documents = new DocumentService(storage);
    const attempt = documents.update('add', (doc) => ({ ...doc, queries: [query('q')] }));
    await expect(attempt).rejects.toBeInstanceOf(ReadOnlyDocumentError);
    await expect(attempt).rejects.toThrow(/newer PivotDeck/);
    expect(storage.text()).toBe(newer);
    expect(storage.saves()).toBe(0);
    // The queue goes on after a refusal.
    expect((await documents.open()).readOnly).toBe(true);
  });

  it('refuses an invalid result with the reason and saves nothing; later updates still run', async () => {
    const storage = memoryDocumentStorage(emptyDocument());
    const documents = new DocumentService(storage);
    await expect(documents.update('bad id', (doc) => ({ ...doc, queries: [query('../x')] }))).rejects.toThrow(/could not save this change \(bad id\).*ids use letters/s);
    expect(storage.saves()).toBe(0);
    await documents.update('good', (doc) => ({ ...doc, queries: [query('ok')] }));
    expect((await documents.read()).queries.map((q) => q.id)).toEqual(['ok']);
  });

  it('saves nothing when the mutator changes nothing, and a mutator that throws saves nothing', async () => {
    const storage = memoryDocumentStorage(emptyDocument());
    const documents = new DocumentService(storage);
    await documents.update('nothing', () => undefined);
    await documents.update('same', (doc) => doc);
    await expect(documents.update('boom', () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(storage.saves()).toBe(0);
  });

  it('tells subscribers after every saved update, with the reason, until they unsubscribe', async () => {
    const documents = new DocumentService(memoryDocumentStorage(emptyDocument()));
    const heard: DocumentChange[] = [];
    const off = documents.subscribe((change) => heard.push(change));
    documents.subscribe(() => { throw new Error('a panel that went away'); });
    await documents.update('add a', (doc) => ({ ...doc, queries: [query('a')] }));
    off();
    await documents.update('add b', (doc) => ({ ...doc, queries: [...doc.queries, query('b')] }));
    expect(heard.map((c) => [c.reason, c.document.queries.length])).toEqual([['add a', 1]]);
  });
});

describe('ObjectLocks', () => {
  it('runs work on one key in order, and different keys side by side', async () => {
    const locks = new ObjectLocks();
    const order: string[] = [];
    let openA: () => void = () => undefined;
    const a1 = locks.exclusive('query:a', () => new Promise<void>((resolve) => { order.push('a1 start'); openA = () => { order.push('a1 end'); resolve(); }; }));
    const a2 = locks.exclusive('query:a', async () => { order.push('a2'); });
    const b = locks.exclusive('query:b', async () => { order.push('b'); });
    await b;
    expect(order).toEqual(['a1 start', 'b']);
    expect(locks.held('query:a')).toBe(true);
    openA();
    await Promise.all([a1, a2]);
    expect(order).toEqual(['a1 start', 'b', 'a1 end', 'a2']);
    expect(locks.held('query:a')).toBe(false);
  });

  it('a failed work releases the lock for the next one', async () => {
    const locks = new ObjectLocks();
    await expect(locks.exclusive('k', async () => { throw new Error('x'); })).rejects.toThrow('x');
    await expect(locks.exclusive('k', async () => 42)).resolves.toBe(42);
  });
});
