import { Badge, Button, Caption1, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { ArrowClockwise16Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { Delete16Regular } from '@fluentui/react-icons/svg/delete';
import { Edit16Regular } from '@fluentui/react-icons/svg/edit';
import { useState, type ReactElement } from 'react';
import type { SourceDefinition } from '../../model';
import { keptOutOfSheet, landingOf, sourceStatus } from '../../refresh/sources';
import { ColumnRemovalDialog } from '../shared/ColumnRemovalDialog';
import { AUTH_LABELS, KIND_LABELS, type WebKind } from '../../refresh/sources';
import { useSourceListStyles } from './SourceList.styles';
import { statusBadge, statusLine } from './source-words';
import type { CloudSources } from './use-cloud-sources';

export interface SourceListProps {
  sources: SourceDefinition[];
  notices: CloudSources['notices'];
  busy: boolean;
  readOnly: boolean;
  onRefresh(id: string): void;
  onEdit(def: SourceDefinition): void;
  onRemove(id: string): void;
  onCredential(def: SourceDefinition, secret: string): void;
  /** The question before a refresh removes columns the user's work uses (shown as a dialog). */
  removal?: CloudSources['removal'];
}

/**
 * The workbook's web sources with their status, Refresh, Edit and Remove, and the question a
 * refresh asks before it removes columns the user's formulas or PivotTables use.
 */
export function SourceList(props: SourceListProps): ReactElement {
  const styles = useSourceListStyles();
  return (
    <>
      <ul className={styles.list} aria-label="Web sources in this workbook">
        {props.sources.map((def) => <SourceItem key={def.id} def={def} {...props} />)}
      </ul>
      {props.removal && <ColumnRemovalDialog question={props.removal.question} onAnswer={props.removal.answer} />}
    </>
  );
}

function SourceItem({ def, notices, busy, readOnly, onRefresh, onEdit, onRemove, onCredential }: SourceListProps & { def: SourceDefinition }): ReactElement {
  const styles = useSourceListStyles();
  const status = sourceStatus(def);
  const badge = statusBadge(status);
  const landing = landingOf(def);
  const notice = notices[def.id];
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState('');
  const kind = KIND_LABELS[def.kind as WebKind] ?? def.kind;
  return (
    <li className={styles.item} aria-label={def.label}>
      <div className={styles.titleRow}>
        <h3 className={styles.title} title={def.url}>{def.label}</h3>
        <Badge className={styles.badge} appearance="tint" color={badge.color}>{badge.text}</Badge>
      </div>
      <Caption1 className={styles.detail}>
        {kind}{keptOutOfSheet(def) ? ' → kept out of the sheet, for queries' : landing ? ` → table ${landing.tableName} on ${landing.sheet}` : ''}{def.credential ? ` · ${AUTH_LABELS[def.credential.kind]}` : ''}
      </Caption1>
      <Text size={200} className={styles.detail}>{statusLine(def)}</Text>
      {notice && notice.text !== def.lastRefresh?.message && (
        <MessageBar intent={notice.intent} layout="multiline"><MessageBarBody>{notice.text}</MessageBarBody></MessageBar>
      )}
      {status.state === 'needsCredential' && def.credential && (
        <form className={styles.credential} onSubmit={(e) => { e.preventDefault(); if (secret) { onCredential(def, secret); setSecret(''); } }}>
          <Field className={styles.grow} label={`Your ${AUTH_LABELS[def.credential.kind].toLowerCase()} for ${def.credential.origin}`} hint="Kept on this computer for you only, never in the workbook.">
            <Input type="password" autoComplete="off" value={secret} onChange={(_, d) => setSecret(d.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={busy || !secret}>Save and refresh</Button>
        </form>
      )}
      {confirming ? (
        <div className={styles.actions} role="group" aria-label={`Remove ${def.label}?`}>
          <Text size={200}>Remove this source and its table?</Text>
          <Button size="small" appearance="primary" onClick={() => { setConfirming(false); onRemove(def.id); }}>Remove</Button>
          <Button size="small" onClick={() => setConfirming(false)}>Keep</Button>
        </div>
      ) : (
        <div className={styles.actions}>
          <Button size="small" icon={<ArrowClockwise16Regular />} disabled={busy || readOnly} onClick={() => onRefresh(def.id)} aria-label={`Refresh ${def.label}`}>Refresh</Button>
          <Button size="small" icon={<Edit16Regular />} disabled={busy || readOnly} onClick={() => onEdit(def)} aria-label={`Edit ${def.label}`}>Edit</Button>
          <Button size="small" icon={<Delete16Regular />} disabled={busy || readOnly} onClick={() => setConfirming(true)} aria-label={`Remove ${def.label}`}>Remove</Button>
        </div>
      )}
    </li>
  );
}
