/**
 * "Save" in "Connect to a warehouse", as a use-case outside React: the tested connection becomes a
 * source definition (no secret in it) and the user name and password go to this user's credential
 * store. Connecting again to the same warehouse table updates that source, so its saved queries
 * and dashboards keep working.
 */
import type { CredentialStore } from '../../connectors/credentials';
import type { SourceDefinition } from '../../connectors/types';
import { warehouseConnection, type WarehouseField } from '../../connectors/warehouse';
import type { DocumentService } from '../document';
import type { SourceCoordinator } from '../sources';
import { draftToWarehouseSource, type WarehouseDraft } from './warehouse-draft';

/** Same address (origin), database and table: the same warehouse source. */
export function sameWarehouseTable(a: SourceDefinition, b: SourceDefinition): boolean {
  try {
    const x = warehouseConnection(a);
    const y = warehouseConnection(b);
    return new URL(x.url).origin === new URL(y.url).origin && x.database === y.database && x.table === y.table;
  } catch {
    return false;
  }
}

/** The secret a draft carries ("user:password"), or none for "no sign-in". */
export const warehouseSecretOf = (d: WarehouseDraft): string | undefined => (d.signIn === 'none' ? undefined : `${d.user}:${d.password}`);

/**
 * Saves a tested warehouse connection; resolves with the source's id.
 * @example const id = await saveWarehouseConnection({ documents, sources, credentials }, draft, { fields, rowCount });
 */
export async function saveWarehouseConnection(
  services: { documents: DocumentService; sources: SourceCoordinator; credentials: CredentialStore },
  draft: WarehouseDraft,
  tested: { fields: WarehouseField[]; rowCount?: number },
  now: () => Date = () => new Date(),
): Promise<string> {
  const opened = await services.documents.open();
  if (opened.readOnly) throw new Error(opened.message);
  const probe = draftToWarehouseSource(draft, 'probe');
  const same = opened.document.sources.find((s) => s.kind === 'warehouse' && sameWarehouseTable(s, probe));
  const taken = new Set(opened.document.sources.map((s) => s.id.toLowerCase()));
  const stamp = now().getTime().toString(36);
  let id = same?.id ?? `wh_${stamp}`;
  for (let n = 1; !same && taken.has(id.toLowerCase()); n++) id = `wh_${stamp}_${n}`;
  const def = draftToWarehouseSource(same && !draft.label.trim() ? { ...draft, label: same.label } : draft, id, tested.fields, tested.rowCount);
  const secret = warehouseSecretOf(draft);
  if (secret !== undefined && def.credential) await services.credentials.set(def.credential.origin, 'basic', secret);
  await services.sources.save(def);
  return id;
}
