import { Button, Caption1, Field, Input, Select } from '@fluentui/react-components';
import { LockClosed16Regular } from '@fluentui/react-icons/svg/lock-closed';
import { useRef, useState, type ReactElement } from 'react';
import { addressProblem, AUTH_LABELS, KIND_LABELS, PAGING_LABELS, type AuthKind, type PagingKind, type SourceDraft, type WebKind } from '../../refresh/sources';
import { useSourceFormStyles } from './SourceForm.styles';

export interface Secrets {
  secret: string;
  user: string;
  password: string;
}

export interface SourceFormProps {
  draft: SourceDraft;
  secrets: Secrets;
  editing: boolean;
  busy: boolean;
  /** http://localhost is allowed (the workbench, development): the address check says so. */
  allowLocalHttp: boolean;
  onChange(draft: SourceDraft): void;
  onSecrets(secrets: Secrets): void;
  onPreview(): void;
  onCancelEdit(): void;
}

/**
 * "Get data from the web": address, kind, sign-in and where the table goes. Secret fields are
 * password inputs whose text goes to this user's credential store, never into the workbook.
 * The address is checked in PivotDeck's words when the user leaves the box and on Preview, never
 * per keystroke and never with the browser's own bubble (the form is noValidate, the box is text).
 * @example <SourceForm draft={draft} secrets={secrets} editing={false} busy={false} allowLocalHttp={false} … />
 */
export function SourceForm({ draft, secrets, editing, busy, allowLocalHttp, onChange, onSecrets, onPreview, onCancelEdit }: SourceFormProps): ReactElement {
  const styles = useSourceFormStyles();
  const [urlProblem, setUrlProblem] = useState<string>();
  const urlBox = useRef<HTMLInputElement>(null);
  const set = <K extends keyof SourceDraft>(key: K, value: SourceDraft[K]) => onChange({ ...draft, [key]: value });
  const keepHint = editing ? 'Saved on this computer; leave empty to keep it' : undefined;
  const submit = () => {
    const problem = addressProblem(draft.url, allowLocalHttp);
    setUrlProblem(problem);
    if (problem) urlBox.current?.focus();
    else onPreview();
  };
  return (
    <form className={styles.form} noValidate onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label="Get data from the web">
      <Field
        label="Web address (URL)"
        required
        hint="https:// address of a file, feed or API. Share links from Google Sheets work too."
        validationState={urlProblem ? 'error' : 'none'}
        validationMessage={urlProblem}
      >
        <Input
          ref={urlBox}
          className={styles.fill}
          type="text"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          value={draft.url}
          onChange={(_, d) => {
            set('url', d.value);
            // An error goes once the user changes the address; a new one waits for blur or Preview.
            if (urlProblem) setUrlProblem(undefined);
          }}
          onBlur={() => { if (draft.url.trim() !== '') setUrlProblem(addressProblem(draft.url, allowLocalHttp)); }}
          placeholder="https://example.com/sales.csv"
        />
      </Field>
      <Field label="What is at this address">
        <Select value={draft.kind} onChange={(_, d) => set('kind', d.value as WebKind)}>
          {Object.entries(KIND_LABELS).map(([k, text]) => <option key={k} value={k}>{text}</option>)}
        </Select>
      </Field>
      {(draft.kind === 'json' || draft.kind === 'rest') && (
        <Field label="Records are at (optional)" hint="Dotted path to the list of records, e.g. data.items. Empty: PivotDeck finds it.">
          <Input className={styles.fill} value={draft.recordsPath} onChange={(_, d) => set('recordsPath', d.value)} placeholder="data.items" />
        </Field>
      )}
      {draft.kind === 'rest' && (
        <>
          <Field label="How the API pages">
            <Select value={draft.paging} onChange={(_, d) => set('paging', d.value as PagingKind)}>
              {Object.entries(PAGING_LABELS).map(([k, text]) => <option key={k} value={k}>{text}</option>)}
            </Select>
          </Field>
          {draft.paging !== 'none' && draft.paging !== 'linkHeader' && (
            <div className={styles.pair}>
              <Field label={draft.paging === 'bodyLink' ? 'Link is at' : draft.paging === 'page' ? 'Page parameter' : 'Offset parameter'}>
                <Input className={styles.fill} value={draft.pagingParam} onChange={(_, d) => set('pagingParam', d.value)} placeholder={draft.paging === 'bodyLink' ? 'links.next' : draft.paging === 'page' ? 'page' : 'offset'} />
              </Field>
              {draft.paging !== 'bodyLink' && (
                <Field label={draft.paging === 'page' ? 'Page size parameter' : 'Limit parameter'}>
                  <Input className={styles.fill} value={draft.sizeParam} onChange={(_, d) => set('sizeParam', d.value)} placeholder={draft.paging === 'page' ? 'pageSize' : 'limit'} />
                </Field>
              )}
            </div>
          )}
          {(draft.paging === 'page' || draft.paging === 'offset') && (
            <div className={styles.pair}>
              <Field label="Rows per page">
                <Input className={styles.fill} type="number" min={1} value={draft.size} onChange={(_, d) => set('size', d.value)} placeholder="100" />
              </Field>
              <Field label="Total count at (optional)">
                <Input className={styles.fill} value={draft.totalPath} onChange={(_, d) => set('totalPath', d.value)} placeholder="meta.total" />
              </Field>
            </div>
          )}
        </>
      )}
      <Field label="Sign-in">
        <Select value={draft.auth} onChange={(_, d) => set('auth', d.value as AuthKind)}>
          {Object.entries(AUTH_LABELS).map(([k, text]) => <option key={k} value={k}>{text}</option>)}
        </Select>
      </Field>
      {(draft.auth === 'apiKeyHeader' || draft.auth === 'apiKeyQuery') && (
        <div className={styles.pair}>
          <Field label={draft.auth === 'apiKeyHeader' ? 'Header name' : 'Parameter name'}>
            <Input className={styles.fill} value={draft.keyName} onChange={(_, d) => set('keyName', d.value)} placeholder={draft.auth === 'apiKeyHeader' ? 'X-API-Key' : 'api_key'} />
          </Field>
          <Field label="API key">
            <Input className={styles.fill} type="password" autoComplete="off" value={secrets.secret} placeholder={keepHint} onChange={(_, d) => onSecrets({ ...secrets, secret: d.value })} />
          </Field>
        </div>
      )}
      {draft.auth === 'bearer' && (
        <Field label="Access token">
          <Input className={styles.fill} type="password" autoComplete="off" value={secrets.secret} placeholder={keepHint} onChange={(_, d) => onSecrets({ ...secrets, secret: d.value })} />
        </Field>
      )}
      {draft.auth === 'basic' && (
        <div className={styles.pair}>
          <Field label="User name">
            <Input className={styles.fill} autoComplete="off" value={secrets.user} onChange={(_, d) => onSecrets({ ...secrets, user: d.value })} />
          </Field>
          <Field label="Password">
            <Input className={styles.fill} type="password" autoComplete="off" value={secrets.password} placeholder={keepHint} onChange={(_, d) => onSecrets({ ...secrets, password: d.value })} />
          </Field>
        </div>
      )}
      {draft.auth !== 'none' && (
        <Caption1 className={styles.secretNote}>
          <LockClosed16Regular aria-hidden /> Kept on this computer for you only, never saved in the workbook. Teammates who open the workbook are asked for their own.
        </Caption1>
      )}
      <div className={styles.pair}>
        <Field label="Source name">
          <Input className={styles.fill} value={draft.label} onChange={(_, d) => set('label', d.value)} placeholder="From the address" />
        </Field>
        <Field label="Excel table name">
          <Input className={styles.fill} value={draft.tableName} onChange={(_, d) => set('tableName', d.value)} placeholder="Same as the name" />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>Preview</Button>
        {editing && <Button onClick={onCancelEdit}>Cancel editing</Button>}
      </div>
    </form>
  );
}
