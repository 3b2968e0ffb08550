/**
 * The page script of browser-redirects.test.ts: the connectors and the warehouse client as the
 * pane uses them (the window's own fetch), exposed as `window.pivotdeckSecurity`.
 */
import { memoryCredentialStore, pullSource, type SourceDefinition } from '../../src/connectors';
import { runClickHouse, warehouseConnection } from '../../src/connectors/warehouse';

type Outcome = { ok: true; rows: number } | { ok: false; kind?: string; message: string };
type Secrets = Record<string, Record<string, string>>;

const failed = (error: unknown): Outcome => ({ ok: false, kind: (error as { kind?: string }).kind, message: error instanceof Error ? error.message : String(error) });

const api = {
  async pull(def: SourceDefinition, secrets: Secrets): Promise<Outcome> {
    try {
      const result = await pullSource(def, { fetch: (input, init) => fetch(input, init), credentials: memoryCredentialStore(secrets), policy: { allowHttpLocalhost: true, timeoutMs: 10_000, maxRetries: 0 } });
      return { ok: true, rows: result.status === 'ok' ? result.rowCount : -1 };
    } catch (error) {
      return failed(error);
    }
  },
  async warehouse(def: SourceDefinition, secrets: Secrets): Promise<Outcome> {
    try {
      const answer = await runClickHouse(warehouseConnection(def), { fetch: (input, init) => fetch(input, init), credentials: memoryCredentialStore(secrets), policy: { allowHttpLocalhost: true, timeoutMs: 5000 }, progressEveryMs: 0 }, 'SELECT 1');
      return { ok: true, rows: answer.rows.length };
    } catch (error) {
      return failed(error);
    }
  },
};

(globalThis as unknown as { pivotdeckSecurity: typeof api }).pivotdeckSecurity = api;
