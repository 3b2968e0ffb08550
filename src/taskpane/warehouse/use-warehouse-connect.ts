/**
 * State and actions of "Connect to a warehouse": test the connection with what the user typed
 * (nothing is stored yet), then save the source into the workbook's document and the password
 * into this user's credential store. Excel is reached only through src/excel with `host.run`.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { CredentialStore } from '../../connectors/credentials';
import type { SourceDefinition } from '../../connectors/types';
import { describeWarehouseTable, isWarehouseError, warehouseConnection, type WarehouseTableInfo } from '../../connectors/warehouse';
import type { PaneHost } from '../../excel/host-types';
import { loadWorkbookDocument, saveWorkbookDocument } from '../../excel/workbook-document';
import { paneCredentialStore, paneWarehouseContext } from './warehouse-context';
import { canonicalOrigin } from '../../connectors/http/origin';
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
  };
}

/** Same address (origin), database and table: the same warehouse source. */
function sameTable(a: SourceDefinition, b: SourceDefinition): boolean {
  try {
    const x = warehouseConnection(a);
    const y = warehouseConnection(b);
    return new URL(x.url).origin === new URL(y.url).origin && x.database === y.database && x.table === y.table;
  } catch {
    return false;
  }
}

const fingerprint = (d: WarehouseDraft) => JSON.stringify([d.url.trim(), d.database.trim(), d.table.trim(), d.signIn, d.user, d.password]);

export function useWarehouseConnect(host: PaneHost, onSaved: (sourceId: string) => void) {
  const store = useMemo(() => paneCredentialStore(), []);
  const [draft, setDraft] = useState<WarehouseDraft>(EMPTY_WAREHOUSE_DRAFT);
  const [test, setTest] = useState<TestState>({ status: 'idle' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const controller = useRef<AbortController | undefined>(undefined);

  const secretOf = (d: WarehouseDraft) => (d.signIn === 'none' ? undefined : `${d.user}:${d.password}`);

  const runTest = useCallback(async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setTest({ status: 'testing' });
    try {
      const def = draftToWarehouseSource(draft, 'test');
      const context = paneWarehouseContext(host, withTyped(store, credentialOrigin(draft.url), secretOf(draft)));
      const info = await describeWarehouseTable(warehouseConnection(def), context, { signal: abort.signal });
      if (!abort.signal.aborted) setTest({ status: 'ok', info, tested: fingerprint(draft) });
    } catch (error) {
      if (abort.signal.aborted) return;
      setTest({ status: 'failed', message: error instanceof Error ? error.message : String(error), kind: isWarehouseError(error) ? error.kind : undefined });
    }
  }, [draft, host, store]);

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
      const opened = await loadWorkbookDocument(host.run);
      if (opened.readOnly) throw new Error(opened.message);
      // The same warehouse table again (a teammate entering their own password, or fields that
      // changed on the server): update that source, so its saved queries keep working.
      const probe = draftToWarehouseSource(draft, 'probe');
      const same = opened.document.sources.find((s) => s.kind === 'warehouse' && sameTable(s, probe));
      const taken = new Set(opened.document.sources.map((s) => s.id.toLowerCase()));
      let id = same?.id ?? `wh_${Date.now().toString(36)}`;
      for (let n = 1; !same && taken.has(id.toLowerCase()); n++) id = `wh_${Date.now().toString(36)}_${n}`;
      const def = draftToWarehouseSource(same && !draft.label.trim() ? { ...draft, label: same.label } : draft, id, test.info.fields, test.info.rowCount);
      const secret = secretOf(draft);
      if (secret !== undefined && def.credential) await store.set(def.credential.origin, 'basic', secret);
      const sources = same ? opened.document.sources.map((s) => (s.id === id ? def : s)) : [...opened.document.sources, def];
      await saveWorkbookDocument(host.run, opened, { ...opened.document, sources });
      setDraft(EMPTY_WAREHOUSE_DRAFT);
      setTest({ status: 'idle' });
      onSaved(id);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }, [draft, host, onSaved, store, test]);

  const testedNow = test.status === 'ok' && test.tested === fingerprint(draft);
  return { draft, setDraft, test, testedNow, runTest, cancelTest, save, saving, saveError };
}
