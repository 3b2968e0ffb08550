import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import type { ColumnType, SourceDefinition } from '../../connectors/types';
import type { PaneHost } from '../../excel/host-types';
import { isWebSource } from '../../connectors/pull-source';
import { keptOutOfSheet, tooBigToLand } from '../../refresh/queries/web-source-data';
import { EmptyState, Loading } from '../StatusMessages';
import { useCloudSourcesStyles } from './CloudSourcesPanel.styles';
import { LoadProgress } from './LoadProgress';
import { PreviewTable } from './PreviewTable';
import { draftToSource, emptyDraft, moveUrlSecrets, sourceToDraft, type SourceDraft } from './source-draft';
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

/**
 * Cloud data in the task pane: "Get data from the web" (address, kind, sign-in) → Preview (first
 * 100 rows, column types the user can change) → "Load to table" with progress and Cancel, and
 * the workbook's sources with their status, Refresh, Edit and Remove.
 *
 * @example <CloudSourcesPanel host={host} />
 */
export function CloudSourcesPanel({ host }: { host: PaneHost }): ReactElement {
  const styles = useCloudSourcesStyles();
  const sources = useCloudSources(host);
  const [draft, setDraft] = useState<SourceDraft>(emptyDraft);
  const [secrets, setSecrets] = useState<Secrets>(NO_SECRETS);
  const [preview, setPreview] = useState<PreviewState>();
  const [keepOut, setKeepOut] = useState(false);
  const [formError, setFormError] = useState<string>();
  // A secret typed into the address, waiting for the user's OK to move it to their sign-in.
  const [urlSecret, setUrlSecret] = useState<ReturnType<typeof moveUrlSecrets>>();
  const busy = sources.running !== undefined;
  const readOnly = sources.readOnlyMessage !== undefined;
  const webSources = sources.doc?.sources.filter((s) => isWebSource(s.kind)) ?? [];

  const reset = () => {
    setDraft(emptyDraft());
    setSecrets(NO_SECRETS);
    setPreview(undefined);
    setFormError(undefined);
    setKeepOut(false);
    setUrlSecret(undefined);
  };

  const runPreview = async (typed: SourceDraft, typedSecrets: Secrets) => {
    try {
      const def = draftToSource({ ...typed, types: {} }, sources.doc?.sources.map((s) => s.id) ?? []);
      setPreview(await sources.preview(def, secretOf(typed, typedSecrets)));
      setSecrets(NO_SECRETS);
      setDraft((d) => ({ ...d, id: def.id, types: {} }));
    } catch (error) {
      setFormError(error instanceof Error ? error.message : String(error));
    }
  };

  const onPreview = () => {
    setFormError(undefined);
    const inUrl = moveUrlSecrets(draft, secrets);
    if (inUrl) setUrlSecret(inUrl);
    else void runPreview(draft, secrets);
  };

  const onMoveUrlSecret = () => {
    const moved = urlSecret?.moved;
    setUrlSecret(undefined);
    if (!moved) return;
    setDraft(moved.draft);
    setSecrets(moved.secrets);
    void runPreview(moved.draft, moved.secrets);
  };

  const onLoad = async () => {
    if (!preview) return;
    const changed = Object.fromEntries(Object.entries(draft.types).filter(([name, type]) => preview.pull.columns.find((c) => c.name === name)?.type !== type));
    const drafted = draftToSource({ ...draft, id: preview.def.id, types: changed }, []);
    // Too many rows for a sheet: kept out whatever the choice (the table option is disabled).
    const outside = keepOut || tooBigToLand(preview.pull.rowCount) !== undefined;
    const def = { ...drafted, keepOutOfSheet: outside };
    // Changed types re-read the data with them; otherwise the previewed pull is landed as is.
    const outcome = await sources.land(def, Object.keys(changed).length ? undefined : preview.pull);
    if (outcome && outcome.status !== 'cancelled') reset();
  };

  const onEdit = (def: SourceDefinition) => {
    setPreview(undefined);
    setSecrets(NO_SECRETS);
    setFormError(undefined);
    setDraft(sourceToDraft(def));
    setKeepOut(keptOutOfSheet(def));
  };

  const onCredential = async (def: SourceDefinition, secret: string) => {
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
      <section className={styles.block} aria-labelledby="pd-web-get">
        <h3 id="pd-web-get" className={styles.heading}>{draft.id && !preview ? 'Edit web source' : 'Get data from the web'}</h3>
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
          />
        ) : (
          <SourceForm
            draft={draft}
            secrets={secrets}
            editing={draft.id !== undefined}
            busy={busy}
            onChange={setDraft}
            onSecrets={setSecrets}
            onPreview={onPreview}
            onCancelEdit={reset}
          />
        )}
        {urlSecret && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>The address holds a secret</MessageBarTitle>
              {urlSecret.problem ??
                `The address holds ${urlSecret.words}. Anything in the address is saved in the workbook, where everyone who gets the file can read it. PivotDeck can move it to your sign-in instead: kept on this computer for you only, sent only to this address's site.`}
            </MessageBarBody>
            <MessageBarActions>
              {urlSecret.moved && <Button appearance="primary" onClick={onMoveUrlSecret}>Move it and preview</Button>}
              <Button onClick={() => setUrlSecret(undefined)}>Edit the address</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {formError && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody><MessageBarTitle>Could not read the data</MessageBarTitle>{formError}</MessageBarBody>
          </MessageBar>
        )}
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
              onRefresh={(id) => void sources.refresh(id)}
              onEdit={onEdit}
              onRemove={(id) => void sources.remove(id)}
              onCredential={(def, secret) => void onCredential(def, secret)}
              removal={sources.removal}
            />
            <Caption1>Refresh asks the server whether the data changed; unchanged data is not downloaded again.</Caption1>
          </>
        )}
      </section>
    </div>
  );
}
