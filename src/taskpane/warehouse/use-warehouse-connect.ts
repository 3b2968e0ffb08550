/**
 * State and actions of "Connect to a warehouse": test the connection with what the user typed
 * (nothing is stored yet), then save the source into the workbook's document and the password
 * into this user's credential store. The source is saved through the source coordinator (and so
 * the document service); the credential store and HTTP context are the composition root's.
 */
import { useCallback, useRef, useState } from 'react';
import type { CredentialStore } from '../../connectors/credentials';
import { describeWarehouseTable, isWarehouseError, warehouseConnection, type WarehouseTableInfo } from '../../connectors/warehouse';
import type { PaneHost } from '../../excel/host-types';
import { canonicalOrigin } from '../../connectors/http/origin';
import { useServices } from '../services-context';
import { saveWarehouseConnection, warehouseSecretOf } from './save-warehouse';
import { credentialOrigin, draftToWarehouseSource, EMPTY_WAREHOUSE_DRAFT, type WarehouseDraft } from './warehouse-draft';

export type TestState =
  | { status: 'idle' }
  | { status: 'testing' }
  | { status: 'ok'; info: WarehouseTableInfo; tested: string }
  | { status: 'failed'; message: string; kind?: string };

/** A store that answers with the typed secret for its origin first (testing before saving). */
function withTyped(store: CredentialStore, origin: string, secret: string | undefined): CredentialStore {
  return {
    get: async (o, kind) => (secret !== undefined && origin !== '' && canonicalOrigin(o) === origin && kind === 'basic' ? secret : store.get(o, kind)),
    set: (h, kind, s) => store.set(h, kind, s),
    delete: (h) => store.delete(h),
    list: () => store.list(),
  };
}

const fingerprint = (d: WarehouseDraft) => JSON.stringify([d.url.trim(), d.database.trim(), d.table.trim(), d.signIn, d.user, d.password]);

export function useWarehouseConnect(_host: PaneHost, onSaved: (sourceId: string) => void) {
  const services = useServices();
  const store = services.credentials;
  const [draft, setDraft] = useState<WarehouseDraft>(EMPTY_WAREHOUSE_DRAFT);
  const [test, setTest] = useState<TestState>({ status: 'idle' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const controller = useRef<AbortController | undefined>(undefined);


  const runTest = useCallback(async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setTest({ status: 'testing' });
    try {
      const def = draftToWarehouseSource(draft, 'test');
      if (!services.warehouseContext) throw new Error('This pane cannot reach the web, so it cannot test a warehouse connection.');
      const context = { ...services.warehouseContext, credentials: withTyped(store, credentialOrigin(draft.url), warehouseSecretOf(draft)) };
      const info = await describeWarehouseTable(warehouseConnection(def), context, { signal: abort.signal });
      if (!abort.signal.aborted) setTest({ status: 'ok', info, tested: fingerprint(draft) });
    } catch (error) {
      if (abort.signal.aborted) return;
      setTest({ status: 'failed', message: error instanceof Error ? error.message : String(error), kind: isWarehouseError(error) ? error.kind : undefined });
    }
  }, [draft, services, store]);

  const cancelTest = useCallback(() => {
    controller.current?.abort();
    setTest({ status: 'idle' });
  }, []);

  /** Saves the tested source (fields and row count included) and the credential; returns its id. */
  const save = useCallback(async () => {
    if (test.status !== 'ok' || test.tested !== fingerprint(draft)) return;
    setSaving(true);
    setSaveError(undefined);
    try {
      const id = await saveWarehouseConnection(services, draft, test.info);
      setDraft(EMPTY_WAREHOUSE_DRAFT);
      setTest({ status: 'idle' });
      onSaved(id);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }, [draft, services, onSaved, test]);

  const testedNow = test.status === 'ok' && test.tested === fingerprint(draft);
  return { draft, setDraft, test, testedNow, runTest, cancelTest, save, saving, saveError };
}
