/**
 * "Test connection" in "Connect to a warehouse", as a use-case outside React: reads the table's
 * fields and row count with what the user typed, before anything is stored. The typed password is
 * offered for the typed address's origin only, and only for this test.
 */
import { canonicalOrigin } from '../../connectors/http/origin';
import type { CredentialStore } from '../../connectors/credentials';
import { describeWarehouseTable, isWarehouseError, warehouseConnection, type WarehouseContext, type WarehouseTableInfo } from '../../connectors/warehouse';
import { warehouseSecretOf } from './save-warehouse';
import { credentialOrigin, draftToWarehouseSource, type WarehouseDraft } from './warehouse-draft';

export type WarehouseTest =
  | { ok: true; info: WarehouseTableInfo }
  | { ok: false; message: string; kind?: string };

/** A store that answers with the typed secret for its origin first (testing before saving). */
function withTyped(store: CredentialStore, origin: string, secret: string | undefined): CredentialStore {
  return {
    get: async (o, kind) => (secret !== undefined && origin !== '' && canonicalOrigin(o) === origin && kind === 'basic' ? secret : store.get(o, kind)),
    set: (h, kind, s) => store.set(h, kind, s),
    delete: (h) => store.delete(h),
    list: () => store.list(),
  };
}

/**
 * Tests a drafted connection; never throws (the message says what to do).
 * @example const t = await testWarehouseConnection(services, draft, signal);
 * if (t.ok) show(t.info.fields); else show(t.message);
 */
export async function testWarehouseConnection(
  services: { warehouseContext?: WarehouseContext; credentials: CredentialStore },
  draft: WarehouseDraft,
  signal?: AbortSignal,
): Promise<WarehouseTest> {
  try {
    const def = draftToWarehouseSource(draft, 'test');
    if (!services.warehouseContext) throw new Error('This pane cannot reach the web, so it cannot test a warehouse connection.');
    const context = { ...services.warehouseContext, credentials: withTyped(services.credentials, credentialOrigin(draft.url), warehouseSecretOf(draft)) };
    return { ok: true, info: await describeWarehouseTable(warehouseConnection(def), context, { signal }) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error), kind: isWarehouseError(error) ? error.kind : undefined };
  }
}
