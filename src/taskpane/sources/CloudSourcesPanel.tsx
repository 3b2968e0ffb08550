import { Button, Caption1, Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useRef, useState, type ReactElement } from 'react';
import type { PaneHost } from '../../excel/host-types';
import { keptOutOfSheet, tooBigToLand } from '../../refresh/queries/web-source-data';
import { allowsLocalHttp } from '../shared/allows-local-http';
import { EmptyState, Loading, SectionStatus, useSectionStatus } from '../StatusMessages';
import { useCloudSourcesStyles } from './CloudSourcesPanel.styles';
import { LoadProgress } from './LoadProgress';
import { PreviewTable } from './PreviewTable';
import type { SourceDefinition } from '../../model';
import { draftToSource, emptyDraft, isWebSource, labelFromUrl, moveUrlSecrets, sourceToDraft, type ColumnType, type SourceDraft } from '../../refresh/sources';
import { SourceForm, type Secrets } from './SourceForm';
import { SourceList } from './SourceList';
import { useCloudSources, type PreviewState } from './use-cloud-sources';

const NO_SECRETS: Secrets = { secret: '', user: '', password: '' };

/** The secret a form holds, in the credential store's format; undefined when none was typed. */
function secretOf(draft: SourceDraft, secrets: Secrets): string | undefined {
  if (draft.auth === 'none') return undefined;
  if (draft.auth === 'basic') return secrets.password ? `${secrets.user}:${secrets.password}` : undefined;
  return secrets.secret || undefined;
}

export interface CloudSourcesPanelProps {
  host: PaneHost;
  /** Opens "Build a query", where a warehouse is connected. */
  onConnectWarehouse?: () => void;
}

/**
 * Cloud data in the task pane: "Get data from the web" (address, kind, sign-in) → Preview (first
 * 100 rows, column types the user can change) → "Load to table" with progress and Cancel, and
 * the workbook's sources with their status, Refresh, Edit and Remove. The section shows one
 * current message: a newer action (preview, load, refresh) replaces the older one.
 *
 * @example <CloudSourcesPanel host={host} onConnectWarehouse={() => openSection('query')} />
 */
export function CloudSourcesPanel({ host, onConnectWarehouse }: CloudSourcesPanelProps): ReactElement {
  const styles = useCloudSourcesStyles();
  const sources = useCloudSources(host);
  const [draft, setDraft] = useState<SourceDraft>(emptyDraft);
  const [secrets, setSecrets] = useState<Secrets>(NO_SECRETS);
  const [preview, setPreview] = useState<PreviewState>();
  const [keepOut, setKeepOut] = useState(false);
  // The form's one message: a failed preview, or a secret in the address awaiting the user's OK.
  const status = useSectionStatus();
  // Focus follows the form: into the address when a saved source is opened for editing or the
  // preview closes, back to the source's Edit button when editing is cancelled.
  const getSection = useRef<HTMLElement>(null);
  const editOpener = useRef<HTMLElement | null>(null);
  const addressBox = () => getSection.current?.querySelector<HTMLInputElement>('form input');
  const busy = sources.running !== undefined;
  const readOnly = sources.readOnlyMessage !== undefined;
  const webSources = sources.doc?.sources.filter((s) => isWebSource(s.kind)) ?? [];
  // Saved in the workbook: only then is the form editing a source (a previewed one has an id too).
  const saved = draft.id !== undefined && webSources.some((s) => s.id === draft.id);

  const reset = () => {
    setDraft(emptyDraft());
    setSecrets(NO_SECRETS);
    setPreview(undefined);
    status.clear();
    setKeepOut(false);
  };

  /** A new action starts: older messages, in the form and under the sources, give way. */
  const newAction = () => {
    status.clear();
    sources.clearNotices();
  };

  const runPreview = async (typed: SourceDraft, typedSecrets: Secrets) => {
    try {
      const def = draftToSource({ ...typed, types: {} }, sources.doc?.sources.map((s) => s.id) ?? []);
      setPreview(await sources.preview(def, secretOf(typed, typedSecrets)));
      setSecrets(NO_SECRETS);
      setDraft((d) => ({ ...d, id: def.id, types: {} }));
    } catch (error) {
      status.show({ intent: 'error', title: 'Could not read the data', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const onMoveUrlSecret = (moved: { draft: SourceDraft; secrets: Secrets }) => {
    status.clear();
    setDraft(moved.draft);
    setSecrets(moved.secrets);
    void runPreview(moved.draft, moved.secrets);
  };

  const onPreview = () => {
    newAction();
    const inUrl = moveUrlSecrets(draft, secrets);
    if (!inUrl) {
      void runPreview(draft, secrets);
      return;
    }
    const { moved } = inUrl;
    status.show({
      intent: 'warning',
      title: 'The address holds a secret',
      message: inUrl.problem ??
        `The address holds ${inUrl.words}. Anything in the address is saved in the workbook, where everyone who gets the file can read it. PivotDeck can move it to your sign-in instead: kept on this computer for you only, sent only to this address's site.`,
      actions: (
        <>
          {moved && <Button appearance="primary" onClick={() => onMoveUrlSecret(moved)}>Move it and preview</Button>}
          <Button onClick={status.clear}>Edit the address</Button>
        </>
      ),
    });
  };

  const onLoad = async () => {
    if (!preview) return;
    const changed = Object.fromEntries(Object.entries(draft.types).filter(([name, type]) => preview.pull.columns.find((c) => c.name === name)?.type !== type));
    const drafted = draftToSource({ ...draft, id: preview.def.id, types: changed }, []);
    // Too many rows for a sheet: kept out whatever the choice (the table option is disabled).
    const outside = keepOut || tooBigToLand(preview.pull.rowCount) !== undefined;
    const def = { ...drafted, keepOutOfSheet: outside };
    // Changed types re-read the data with them; otherwise the previewed pull is landed as is.
    newAction();
    const outcome = await sources.land(def, Object.keys(changed).length ? undefined : preview.pull);
    if (outcome && outcome.status !== 'cancelled') reset();
  };

  const onEdit = (def: SourceDefinition) => {
    setPreview(undefined);
    setSecrets(NO_SECRETS);
    newAction();
    setDraft(sourceToDraft(def));
    setKeepOut(keptOutOfSheet(def));
    editOpener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    requestAnimationFrame(() => addressBox()?.focus());
  };

  const onCancelEdit = () => {
    reset();
    const back = editOpener.current;
    editOpener.current = null;
    requestAnimationFrame(() => (back?.isConnected ? back : addressBox())?.focus());
  };

  const onRefresh = (id: string) => {
    newAction();
    void sources.refresh(id);
  };

  const onCredential = async (def: SourceDefinition, secret: string) => {
    newAction();
    await sources.saveCredential(def, secret);
    await sources.refresh(def.id);
  };

  return (
    <div className={styles.root}>
      {sources.readOnlyMessage && (
        <MessageBar intent="warning" layout="multiline"><MessageBarBody>{sources.readOnlyMessage}</MessageBarBody></MessageBar>
      )}
      {sources.loadError && (
        <MessageBar intent="error" layout="multiline"><MessageBarBody>{sources.loadError}</MessageBarBody></MessageBar>
      )}
      <section ref={getSection} className={styles.block} aria-labelledby="pd-web-get">
        {/* "New web source" until it is saved in the workbook, "Edit web source" for a saved one. */}
        <h3 id="pd-web-get" className={styles.heading}>{saved ? `Edit web source: ${draft.label || labelFromUrl(draft.url)}` : 'New web source'}</h3>
        {preview ? (
          <PreviewTable
            pull={preview.pull}
            label={preview.def.label}
            types={draft.types}
            busy={busy || readOnly}
            keepOut={keepOut}
            onKeepOut={setKeepOut}
            onType={(column: string, type: ColumnType) => setDraft((d) => ({ ...d, types: { ...d.types, [column]: type } }))}
            onLoad={() => void onLoad()}
            onBack={() => setPreview(undefined)}
            returnFocusTo={addressBox}
          />
        ) : (
          <SourceForm
            draft={draft}
            secrets={secrets}
            editing={saved}
            busy={busy}
            allowLocalHttp={allowsLocalHttp(host)}
            onChange={setDraft}
            onSecrets={setSecrets}
            onPreview={onPreview}
            onCancelEdit={onCancelEdit}
          />
        )}
        <SectionStatus state={status} />
      </section>
      {sources.running && <LoadProgress running={sources.running} onCancel={sources.cancel} />}
      <section className={styles.block} aria-labelledby="pd-web-list">
        <h3 id="pd-web-list" className={styles.heading}>Web sources in this workbook</h3>
        {!sources.doc && !sources.loadError && <Loading label="Reading the workbook…" />}
        {sources.doc && webSources.length === 0 && <EmptyState>No web sources yet. Enter an address above to bring data into a table.</EmptyState>}
        {webSources.length > 0 && (
          <>
            <SourceList
              sources={webSources}
              notices={sources.notices}
              busy={busy}
              readOnly={readOnly}
              onRefresh={onRefresh}
              onEdit={onEdit}
              onRemove={(id) => void sources.remove(id)}
              onCredential={(def, secret) => void onCredential(def, secret)}
              removal={sources.removal}
            />
            <Caption1>Refresh asks the server whether the data changed; unchanged data is not downloaded again.</Caption1>
          </>
        )}
      </section>
      {onConnectWarehouse && (
        <Caption1 className={styles.warehouseNote}>
          {'Data in a ClickHouse warehouse? '}
          {/* Not named after the section ("Build a query"), so each control keeps a name of its own. */}
          <Link as="button" onClick={onConnectWarehouse}>Connect it in the query builder</Link>
          {': queries run there and only the summary comes back.'}
        </Caption1>
      )}
    </div>
  );
}
