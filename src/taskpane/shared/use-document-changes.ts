import { useEffect, useState } from 'react';
import { useServicesIfReady } from '../services-context';

/**
 * A counter that goes up after every saved change to the PivotDeck document: a source loaded or
 * refreshed, a query or dashboard refreshed (from the pane, the ribbon or a schedule). Previews of
 * workbook data depend on it so they re-read after a refresh of what they show (issue 16 part 8).
 * Zero until the services are built.
 * @example const changes = useDocumentChanges(); useEffect(() => reread(), [table, changes]);
 */
export function useDocumentChanges(): number {
  const documents = useServicesIfReady()?.documents;
  const [changes, setChanges] = useState(0);
  useEffect(() => documents?.subscribe(() => setChanges((n) => n + 1)), [documents]);
  return changes;
}
