/**
 * State and actions of "Connect to a warehouse": test the connection with what the user typed
 * (nothing is stored yet), then save the source into the workbook's document and the password
 * into this user's credential store. The source is saved through the source coordinator (and so
 * the document service); the credential store and HTTP context are the composition root's.
 */
import { useCallback, useRef, useState } from 'react';
import type { PaneHost } from '../../excel/host-types';
import { EMPTY_WAREHOUSE_DRAFT, saveWarehouseConnection, testWarehouseConnection, type WarehouseDraft, type WarehouseTableInfo } from '../../refresh/warehouse';
import { useServices } from '../services-context';

export type TestState =
  | { status: 'idle' }
  | { status: 'testing' }
  | { status: 'ok'; info: WarehouseTableInfo; tested: string }
  | { status: 'failed'; message: string; kind?: string };

const fingerprint = (d: WarehouseDraft) => JSON.stringify([d.url.trim(), d.database.trim(), d.table.trim(), d.signIn, d.user, d.password]);

export function useWarehouseConnect(_host: PaneHost, onSaved: (sourceId: string) => void) {
  const services = useServices();
  const [draft, setDraft] = useState<WarehouseDraft>(EMPTY_WAREHOUSE_DRAFT);
  const [test, setTest] = useState<TestState>({ status: 'idle' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const controller = useRef<AbortController | undefined>(undefined);

  const runTest = useCallback(async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    // One current status: a new test replaces the last save's failure.
    setSaveError(undefined);
    setTest({ status: 'testing' });
    const tested = await testWarehouseConnection(services, draft, abort.signal);
    if (abort.signal.aborted) return;
    setTest(tested.ok ? { status: 'ok', info: tested.info, tested: fingerprint(draft) } : { status: 'failed', message: tested.message, kind: tested.kind });
  }, [draft, services]);

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
