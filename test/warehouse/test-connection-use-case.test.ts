/**
 * "Test connection" as a use-case (issue 15 part 6, moved out of the pane's hook): against the
 * tier's real ClickHouse through a counting proxy. It reads fields and row count with what the
 * user typed, offers the typed password to the typed origin only, and never throws: a failure
 * comes back as words and a kind.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { memoryCredentialStore } from '../../src/connectors/credentials';
import type { WarehouseContext } from '../../src/connectors/warehouse';
import { EMPTY_WAREHOUSE_DRAFT, testWarehouseConnection, type WarehouseDraft } from '../../src/refresh/warehouse';
import { chRows } from '../support/clickhouse';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy';

const chUrl = inject('warehouseUrl');
let proxy: CountingProxy;
const context = (): WarehouseContext => ({ fetch: (input, init) => fetch(input, init), credentials: memoryCredentialStore(), policy: { allowHttpLocalhost: true }, progressEveryMs: 0 });
const draft = (over: Partial<WarehouseDraft> = {}): WarehouseDraft => ({ ...EMPTY_WAREHOUSE_DRAFT, url: proxy.url, table: 'flights', ...over });

beforeAll(async () => { proxy = await startCountingProxy(chUrl); });
afterAll(async () => { await proxy.close(); });

describe('testWarehouseConnection', () => {
  it('reads the fields and the row count the server itself reports', async () => {
    const [{ n }] = await chRows<{ n: number }>(chUrl, 'SELECT count() AS n FROM flights');
    const tested = await testWarehouseConnection({ warehouseContext: context(), credentials: memoryCredentialStore() }, draft());
    expect(tested.ok).toBe(true);
    if (!tested.ok) return;
    expect(tested.info.rowCount).toBe(Number(n));
    expect(tested.info.fields.map((f) => f.name)).toEqual(['date', 'delay', 'distance', 'origin', 'destination']);
  });

  it('sends the typed password, not the stored (correct) one, and answers a wrong one with words, not a throw', async () => {
    const stored = memoryCredentialStore({ [new URL(proxy.url).origin]: { basic: 'default:' } });
    const before = proxy.exchanges.length;
    const tested = await testWarehouseConnection({ warehouseContext: context(), credentials: stored }, draft({ signIn: 'url', user: 'default', password: 'typed-wrong' }));
    expect(tested).toMatchObject({ ok: false, kind: 'auth' });
    if (tested.ok) return;
    expect(tested.message).not.toMatch(/typed-wrong/);
    const sent = proxy.exchanges.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    // The proxy masks what it saw; the typed user is what reached the server, once per request.
    expect(sent.every((e) => e.params.user === 'default' && e.params.password === '***')).toBe(true);
  });

  it('says what is wrong with a missing table, an address holding a password, and a pane without web access', async () => {
    const missing = await testWarehouseConnection({ warehouseContext: context(), credentials: memoryCredentialStore() }, draft({ table: 'no_such_table_here' }));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.message).toMatch(/no_such_table_here/);
    const before = proxy.exchanges.length;
    const inUrl = await testWarehouseConnection({ warehouseContext: context(), credentials: memoryCredentialStore() }, draft({ url: proxy.url.replace('//', '//ann:pw@') }));
    expect(inUrl).toMatchObject({ ok: false });
    if (!inUrl.ok) expect(inUrl.message).toMatch(/user name and password/);
    expect(proxy.exchanges.length).toBe(before); // refused before anything was sent
    const offline = await testWarehouseConnection({ warehouseContext: undefined, credentials: memoryCredentialStore() }, draft());
    expect(offline).toMatchObject({ ok: false, message: expect.stringMatching(/cannot reach the web/) });
  });
});
