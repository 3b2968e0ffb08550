import { Badge, Button, Caption1, Field, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, Spinner } from '@fluentui/react-components';
import { LockClosed16Regular } from '@fluentui/react-icons/svg/lock-closed';
import { useState, type ReactElement } from 'react';
import type { PaneHost } from '../../excel/host-types';
import { useFocusInAndBack } from '../shared/use-focus-in-and-back';
import { useWarehouseConnect } from './use-warehouse-connect';
import { useWarehouseConnectFormStyles } from './WarehouseConnectForm.styles';
import { moveWarehouseUrlSecrets, SIGN_IN_LABELS, type WarehouseDraft, type WarehouseSignIn } from '../../refresh/warehouse';

const TYPE_WORDS = { number: 'Number', date: 'Date', text: 'Text', logical: 'TRUE/FALSE' } as const;

export interface WarehouseConnectFormProps {
  host: PaneHost;
  /** Called with the new source's id once it is saved in the workbook. */
  onSaved(sourceId: string): void;
  onClose(): void;
  /** Where focus goes when the form closes if the control that opened it is gone (it hides while the form is open). */
  returnFocusTo?(): HTMLElement | null | undefined;
}

/**
 * "Connect to a warehouse": the ClickHouse HTTP address, database, table or view, and how to sign
 * in. "Test connection" reads the table's fields and row count (no rows travel); "Save" keeps the
 * source in the workbook and the password on this computer only.
 */
export function WarehouseConnectForm({ host, onSaved, onClose, returnFocusTo }: WarehouseConnectFormProps): ReactElement {
  const styles = useWarehouseConnectFormStyles();
  // Focus moves to the address when the form opens and back to "Connect to a warehouse…" when it closes.
  const formRef = useFocusInAndBack<HTMLFormElement>(returnFocusTo);
  const w = useWarehouseConnect(host, onSaved);
  const { draft } = w;
  const set = <K extends keyof WarehouseDraft>(key: K, value: WarehouseDraft[K]) => w.setDraft({ ...draft, [key]: value });
  // A user name or password typed into the address, waiting for the user's OK to move it.
  const [urlSecret, setUrlSecret] = useState<ReturnType<typeof moveWarehouseUrlSecrets>>();
  const canTest = draft.url.trim() !== '' && draft.table.trim() !== '' && (draft.signIn === 'none' || draft.user.trim() !== '');
  const onTest = () => {
    const inUrl = moveWarehouseUrlSecrets(draft);
    setUrlSecret(inUrl);
    if (!inUrl) void w.runTest();
  };
  const onMove = () => {
    if (urlSecret?.moved) w.setDraft(urlSecret.moved);
    setUrlSecret(undefined);
  };
  return (
    <form ref={formRef} className={styles.form} aria-label="Connect to a warehouse" onSubmit={(e) => { e.preventDefault(); onTest(); }}>
      <h4 className={styles.heading}>Connect to a warehouse</h4>
      <Caption1 className={styles.note}>
        PivotDeck sends each query to the warehouse and brings back only the summary, never the raw rows. Works with ClickHouse&apos;s HTTP interface.
      </Caption1>
      <Field label="Warehouse address" required hint="The https:// address of its HTTP interface, e.g. https://warehouse.example.com:8443">
        <Input className={styles.fill} type="url" value={draft.url} onChange={(_, d) => set('url', d.value)} placeholder="https://warehouse.example.com:8443" />
      </Field>
      <div className={styles.pair}>
        <Field label="Database">
          <Input className={styles.fill} value={draft.database} onChange={(_, d) => set('database', d.value)} placeholder="default" />
        </Field>
        <Field label="Table or saved view" required>
          <Input className={styles.fill} value={draft.table} onChange={(_, d) => set('table', d.value)} placeholder="flights" />
        </Field>
      </div>
      <Field label="Sign-in">
        <Select className={styles.fill} value={draft.signIn} onChange={(_, d) => set('signIn', d.value as WarehouseSignIn)}>
          {Object.entries(SIGN_IN_LABELS).map(([k, text]) => <option key={k} value={k}>{text}</option>)}
        </Select>
      </Field>
      {draft.signIn !== 'none' && (
        <>
          <div className={styles.pair}>
            <Field label="User name">
              <Input className={styles.fill} autoComplete="off" value={draft.user} onChange={(_, d) => set('user', d.value)} />
            </Field>
            <Field label="Password">
              <Input className={styles.fill} type="password" autoComplete="off" value={draft.password} onChange={(_, d) => set('password', d.value)} />
            </Field>
          </div>
          <Caption1 className={styles.note}>
            <LockClosed16Regular aria-hidden /> Kept on this computer for you only, never saved in the workbook. Teammates who open the workbook are asked for their own.
          </Caption1>
        </>
      )}
      <Field label="Source name">
        <Input className={styles.fill} value={draft.label} onChange={(_, d) => set('label', d.value)} placeholder={draft.table ? `${draft.table} (warehouse)` : 'e.g. Flights (warehouse)'} />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" disabled={!canTest || w.test.status === 'testing'}>Test connection</Button>
        <Button appearance="primary" disabled={!w.testedNow || w.saving} onClick={() => void w.save()}>Save and use it</Button>
        <Button appearance="subtle" onClick={() => { w.cancelTest(); onClose(); }}>Close</Button>
        {w.test.status === 'testing' && <Spinner size="tiny" label="Connecting…" labelPosition="after" />}
      </div>
      {urlSecret && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The address holds a password</MessageBarTitle>
            {urlSecret.problem ??
              `The warehouse address holds ${urlSecret.words}. Anything in the address is saved in the workbook, where everyone who gets the file can read it. Move it to the sign-in fields (kept on this computer for you only), then press Test connection.`}
          </MessageBarBody>
          <MessageBarActions>
            {urlSecret.moved && <Button appearance="primary" onClick={onMove}>Move it to the sign-in</Button>}
            <Button onClick={() => setUrlSecret(undefined)}>Edit the address</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {w.test.status === 'ok' && (
        <MessageBar intent={w.testedNow ? 'success' : 'info'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{w.testedNow ? 'Connected' : 'The details changed: test again'}</MessageBarTitle>
            {`${draft.table} has ${w.test.info.rowCount?.toLocaleString('en-US') ?? 'an unknown number of'} rows and ${w.test.info.fields.length} fields`}
            {w.test.info.serverVersion ? ` (ClickHouse ${w.test.info.serverVersion}).` : '.'}
            {w.test.info.skipped.length > 0 && ` Left out (types PivotDeck cannot use): ${w.test.info.skipped.map((s) => s.name).join(', ')}.`}
            <ul className={styles.fields} aria-label="Fields">
              {w.test.info.fields.map((f) => <li key={f.name}><Badge appearance="outline" color="informative">{`${f.name} · ${TYPE_WORDS[f.type]}`}</Badge></li>)}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {w.test.status === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody><MessageBarTitle>Could not connect</MessageBarTitle>{w.test.message}</MessageBarBody>
        </MessageBar>
      )}
      {w.saveError && <MessageBar intent="error"><MessageBarBody>{w.saveError}</MessageBarBody></MessageBar>}
    </form>
  );
}
