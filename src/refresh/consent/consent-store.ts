/**
 * The user's answers to "Allow this workbook to contact …?", remembered per user outside the
 * workbook (the same per-user storage as credentials: OfficeRuntime.storage, else IndexedDB, else
 * memory), so a workbook cannot grant itself permission.
 */
import type { KeyValueBackend } from '../../connectors/credentials';

/** What identifies a workbook for consent: PivotDeck's random id in its document, and the file's URL where Office gives one. */
export interface WorkbookIdentity {
  /** The document's `workbookId`, written the first time PivotDeck saves. */
  id?: string;
  /** Office.context.document.url, shown in the prompt; not part of the key (a moved file keeps its answers). */
  url?: string;
}

export interface ConsentRecord {
  /** Origins the user allowed for this workbook, sorted. */
  origins: string[];
  /** When the user last allowed something (ISO time). */
  updatedAt: string;
  url?: string;
}

export interface ConsentStore {
  read(workbookId: string): Promise<ConsentRecord | undefined>;
  /** Adds `origins` to what this workbook may contact. */
  allow(workbookId: string, origins: readonly string[], url?: string): Promise<ConsentRecord>;
  /** Every remembered workbook (for "Your data"). */
  list(): Promise<Array<{ workbookId: string } & ConsentRecord>>;
  forget(workbookId: string): Promise<void>;
}

const PREFIX = 'pivotdeck.consent\u0000';

function parseRecord(text: string | undefined): ConsentRecord | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object') return undefined;
    const { origins, updatedAt, url } = value as Record<string, unknown>;
    if (!Array.isArray(origins) || !origins.every((o) => typeof o === 'string')) return undefined;
    return {
      origins: [...origins as string[]].sort(),
      updatedAt: typeof updatedAt === 'string' ? updatedAt : '',
      ...(typeof url === 'string' ? { url } : {}),
    };
  } catch {
    // A damaged record allows nothing: the user is asked again.
    return undefined;
  }
}

/**
 * Consent answers over a key/value backend (one key per workbook).
 *
 * @example
 * const store = consentStoreOver(mapBackend());
 * await store.allow('wb-1', ['https://api.example.com']);
 * (await store.read('wb-1'))?.origins // ['https://api.example.com']
 */
export function consentStoreOver(backend: KeyValueBackend, now: () => Date = () => new Date()): ConsentStore {
  return {
    read: async (workbookId) => parseRecord(await backend.get(PREFIX + workbookId)),
    async allow(workbookId, origins, url) {
      const before = parseRecord(await backend.get(PREFIX + workbookId));
      const record: ConsentRecord = {
        origins: [...new Set([...(before?.origins ?? []), ...origins])].sort(),
        updatedAt: now().toISOString(),
        ...(url ?? before?.url ? { url: url ?? before?.url } : {}),
      };
      await backend.set(PREFIX + workbookId, JSON.stringify(record));
      return record;
    },
    async list() {
      const out: Array<{ workbookId: string } & ConsentRecord> = [];
      for (const key of await backend.keys()) {
        if (!key.startsWith(PREFIX)) continue;
        const record = parseRecord(await backend.get(key));
        if (record) out.push({ workbookId: key.slice(PREFIX.length), ...record });
      }
      return out;
    },
    forget: (workbookId) => backend.del(PREFIX + workbookId),
  };
}
