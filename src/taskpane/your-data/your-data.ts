/**
 * "Your data" (issue 20, part 2) outside React: what PivotDeck keeps for this user on this
 * computer (credentials, consent answers) and in this workbook, and removing it. The view
 * (YourDataPanel.tsx) only renders these answers, so the removal rules are tested without a DOM.
 */
import type { CredentialStore, StoredCredential } from '../../refresh/services';
import { describeStoredData, type StoredData } from '../../model/describe-stored-data';
import type { PivotDeckDocument } from '../../model/schema';
import type { ConsentRecord, ConsentStore } from '../../refresh/consent/consent-store';

/** The parts of the pane's services "Your data" reads and changes. */
export interface YourDataDeps {
  credentials: CredentialStore;
  consentStore: ConsentStore;
  documents: { read(): Promise<PivotDeckDocument> };
}

export type RememberedConsent = { workbookId: string } & ConsentRecord;

export interface YourData {
  /** Per user, on this computer: origin, kind and when saved; never the secret. */
  credentials: StoredCredential[];
  /** Workbooks the user allowed to reach the network, newest answer first. */
  consents: RememberedConsent[];
  /** What this workbook's PivotDeck document holds; undefined when it could not be read. */
  workbook: StoredData | undefined;
  /** Why the workbook part is missing, in plain words. */
  workbookError?: string;
}

/**
 * Everything "Your data" shows. A workbook that cannot be read still leaves the per-user parts.
 * @example const data = await loadYourData(services); data.credentials // [{ origin: 'https://api.example.com', kind: 'bearer' }]
 */
export async function loadYourData(deps: YourDataDeps): Promise<YourData> {
  const [credentials, consents, workbook] = await Promise.all([
    deps.credentials.list(),
    deps.consentStore.list(),
    deps.documents.read().then(
      (doc) => ({ data: describeStoredData(doc) }),
      (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
    ),
  ]);
  // ISO times sort as text; a record without a time goes last.
  consents.sort((a, b) => (b.updatedAt === a.updatedAt ? a.workbookId.localeCompare(b.workbookId) : b.updatedAt.localeCompare(a.updatedAt)));
  return 'data' in workbook
    ? { credentials, consents, workbook: workbook.data }
    : { credentials, consents, workbook: undefined, workbookError: `PivotDeck could not read what this workbook stores: ${workbook.error} Close and reopen the pane to try again.` };
}

/**
 * Removes every secret kept for one origin (all kinds: a user removing "api.example.com" means all
 * of it) and answers what is left.
 * @example const left = await removeCredential(services.credentials, 'https://api.example.com');
 */
export async function removeCredential(store: CredentialStore, origin: string): Promise<StoredCredential[]> {
  await store.delete(origin);
  return store.list();
}

/**
 * Removes every kept credential ("sign out everywhere") and answers what is left, which is empty
 * unless the storage refused a removal.
 * @example await removeAllCredentials(services.credentials) // []
 */
export async function removeAllCredentials(store: CredentialStore): Promise<StoredCredential[]> {
  for (const origin of new Set((await store.list()).map((c) => c.origin))) await store.delete(origin);
  return store.list();
}

/**
 * Forgets the user's answer for one workbook; it asks again before its next network request.
 * @example const left = await forgetConsent(services.consentStore, 'wb-1');
 */
export async function forgetConsent(store: ConsentStore, workbookId: string): Promise<RememberedConsent[]> {
  await store.forget(workbookId);
  return store.list();
}

/** Words for credential kinds, as the source forms name them. */
export const CREDENTIAL_KIND_WORDS: Record<StoredCredential['kind'], string> = {
  none: 'nothing', bearer: 'access token', apiKeyHeader: 'API key (header)', apiKeyQuery: 'API key (address)', basic: 'user name and password',
};
