/**
 * "Your data" (issue 20, part 2): what PivotDeck keeps for this user on this computer (saved
 * credentials, consent answers) with Remove, and what this workbook stores. The rules live in
 * your-data.ts; this view renders them. Loaded lazily when its section opens.
 */
import { Button, Text } from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons/svg/delete';
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { StoredCredential } from '../../refresh/services';
import type { StoredData } from '../../model/describe-stored-data';
import { useServices } from '../services-context';
import { EmptyState, ErrorMessage, Loading } from '../StatusMessages';
import {
  CREDENTIAL_KIND_WORDS, forgetConsent, loadYourData, removeAllCredentials, removeCredential, type YourData,
} from './your-data';
import { useYourDataStyles } from './YourDataPanel.styles';

/** "2026-03-01 10:01" in the user's time zone; the raw text when it is not a time. */
function whenText(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? (iso || 'an unknown time') : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "access token, saved 1 Mar 2026, 10:00": the kinds, and when the newest was saved if recorded. */
function credentialMeta(kept: StoredCredential[]): string {
  const kinds = kept.map((c) => CREDENTIAL_KIND_WORDS[c.kind]).join(', ');
  const newest = kept.map((c) => c.savedAt ?? '').sort().at(-1);
  return newest ? `${kinds}, saved ${whenText(newest)}` : `${kinds}, saved before PivotDeck recorded dates`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One line per kind of definition; the sizes a reviewer or IT admin asks about. */
function workbookLines(data: StoredData): string[] {
  const lines = data.sources.map((s) => `Source "${s.label}": ${s.kind}${s.address ? ` from ${s.address}` : ''}${s.credential ? ` (${s.credential}; the secret is not in the workbook)` : ''}`);
  for (const e of data.extensions) lines.push(`Extended PivotTable "${e.pivot}": ${plural(e.measures, 'measure', 'measures')}`);
  for (const q of data.queries) lines.push(`Query "${q}"`);
  for (const d of data.dashboards) lines.push(`Dashboard "${d.label}" on sheet "${d.sheet}"`);
  return lines;
}

/**
 * The view. Every Remove acts at once (nothing here is in the workbook, and a removed secret is
 * simply asked for again), and the list is re-read from storage afterwards, so what is shown is
 * what is kept.
 */
export function YourDataPanel(): ReactElement {
  const styles = useYourDataStyles();
  const services = useServices();
  const [data, setData] = useState<YourData | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const load = useCallback(() => {
    setError(undefined);
    loadYourData(services).then(setData, (e: unknown) => setError(`PivotDeck could not read what it keeps on this computer: ${e instanceof Error ? e.message : String(e)}`));
  }, [services]);
  useEffect(load, [load]);

  const act = (what: string, change: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    change().then(
      () => loadYourData(services).then(setData),
      (e: unknown) => setError(`PivotDeck could not ${what}: ${e instanceof Error ? e.message : String(e)}. Try again; if it keeps failing, close and reopen Excel.`),
    ).finally(() => setBusy(false));
  };

  if (!data) return error ? <ErrorMessage title="Your data could not be shown" message={error} onRetry={load} /> : <Loading label="Reading what PivotDeck keeps…" />;
  const origins = [...new Set(data.credentials.map((c) => c.origin))];

  return (
    <div className={styles.root}>
      {error && <ErrorMessage title="Nothing was removed" message={error} />}
      <section className={styles.group} aria-labelledby="your-data-credentials">
        <h3 id="your-data-credentials" className={styles.heading}>Saved sign-ins on this computer</h3>
        <p className={styles.note}>Kept for you only, never in the workbook. After removing one, you are asked for it at the next refresh.</p>
        {origins.length === 0 ? <EmptyState>No sign-ins are saved.</EmptyState> : (
          <>
            <ul className={styles.list} aria-label="Saved sign-ins">
              {origins.map((origin) => (
                <li key={origin} className={styles.item}>
                  <div className={styles.itemText}>
                    <Text className={styles.origin}>{origin}</Text>
                    <Text className={styles.meta}>{credentialMeta(data.credentials.filter((c) => c.origin === origin))}</Text>
                  </div>
                  <Button className={styles.remove} size="small" icon={<Delete20Regular />} disabled={busy} aria-label={`Remove the sign-in for ${origin}`} onClick={() => act(`remove the sign-in for ${origin}`, () => removeCredential(services.credentials, origin))}>Remove</Button>
                </li>
              ))}
            </ul>
            <Button className={styles.removeAll} size="small" disabled={busy} onClick={() => act('remove every sign-in', () => removeAllCredentials(services.credentials))}>Remove all sign-ins</Button>
          </>
        )}
      </section>
      <section className={styles.group} aria-labelledby="your-data-consent">
        <h3 id="your-data-consent" className={styles.heading}>Workbooks you allowed to go online</h3>
        <p className={styles.note}>Your answers to “This workbook wants to contact …”, kept on this computer. After removing one, that workbook asks again before it contacts anything.</p>
        {data.consents.length === 0 ? <EmptyState>No answers are remembered.</EmptyState> : (
          <ul className={styles.list} aria-label="Remembered answers">
            {data.consents.map((c) => (
              <li key={c.workbookId} className={styles.item}>
                <div className={styles.itemText}>
                  <Text className={styles.origin}>{c.origins.join(', ')}</Text>
                  <Text className={styles.meta}>{`${c.url ? `${c.url}, ` : ''}allowed ${whenText(c.updatedAt)}`}</Text>
                </div>
                <Button className={styles.remove} size="small" icon={<Delete20Regular />} disabled={busy} aria-label={`Remove the answer for ${c.url ?? c.origins.join(', ')}`} onClick={() => act('forget that answer', () => forgetConsent(services.consentStore, c.workbookId))}>Remove</Button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.group} aria-labelledby="your-data-workbook">
        <h3 id="your-data-workbook" className={styles.heading}>What this workbook stores</h3>
        {data.workbook === undefined ? <ErrorMessage title="This workbook could not be read" message={data.workbookError ?? ''} onRetry={load} />
          : data.workbook.empty ? <EmptyState>No PivotDeck definitions: this workbook holds nothing of PivotDeck's.</EmptyState> : (
            <>
              <p className={styles.note}>{`PivotDeck definitions saved inside the file (${data.workbook.bytes.toLocaleString()} bytes). Anyone with the file can read them; they hold no passwords or tokens.`}</p>
              <ul className={styles.facts}>{workbookLines(data.workbook).map((line, i) => <li key={i}>{line}</li>)}</ul>
            </>
          )}
      </section>
    </div>
  );
}
