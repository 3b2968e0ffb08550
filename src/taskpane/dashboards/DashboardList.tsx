import { Badge, Button, mergeClasses } from '@fluentui/react-components';
import { useMemo, useState, type ReactElement } from 'react';
import { parseTiles } from '../../dashboards';
import type { PivotDeckDocument } from '../../model';
import type { DashboardOutcome, DashboardSummary, FreshnessReport } from '../../refresh/dashboards';
import { useDashboardListStyles } from './DashboardList.styles';
import { useFreshnessBadgeStyles } from './FreshnessBadge.styles';
import { lastRefreshedWords, staleTiles, statusWords } from './refresh-words';
import { RefreshProgress } from './RefreshProgress';
import { tileName } from './tile-words';
import type { Busy } from './use-dashboards';

export interface DashboardListProps {
  summaries: DashboardSummary[];
  doc: PivotDeckDocument | undefined;
  busy: Record<string, Busy>;
  outcomes: Record<string, DashboardOutcome>;
  readOnly: boolean;
  onRefresh(id: string): void;
  onGoTo(sheet: string): void;
  onEdit(id: string): void;
  onDelete(id: string): void;
  onCancel(): void;
  /** The "New dashboard" form is open: the empty list says nothing then. */
  creating?: boolean;
  /** Whether what each dashboard read changed since its last refresh (absent: not checked yet). */
  freshness?: FreshnessReport;
}

/** When a dashboard refreshes by itself, in words. */
function scheduleWords(s: DashboardSummary): string | undefined {
  const parts = [s.refreshOnOpen && 'when the workbook opens', s.refreshEveryMinutes && `every ${s.refreshEveryMinutes} minute${s.refreshEveryMinutes === 1 ? '' : 's'}`].filter(Boolean);
  return parts.length > 0 ? `Refreshes ${parts.join(' and ')}` : undefined;
}

/** The dashboards of this workbook: status, last refresh, stale tiles with why, and actions. */
export function DashboardList(props: DashboardListProps): ReactElement {
  const styles = useDashboardListStyles();
  const badge = useFreshnessBadgeStyles();
  const [confirming, setConfirming] = useState<string | undefined>();
  // Tile names by dashboard, so stale tiles are named as the user titled them.
  const names = useMemo(() => new Map((props.doc?.dashboards ?? []).map((d) => [d.id, new Map(parseTiles(d.tiles).tiles.map((t) => [t.id, tileName(t)]))])), [props.doc]);
  if (props.summaries.length === 0) {
    if (props.creating) return <></>;
    return <p className={styles.empty}>No dashboards yet. Press “New dashboard” to build one from a table in a few clicks.</p>;
  }
  const all = props.busy['*'];
  return (
    <ul className={styles.list} aria-label="Dashboards in this workbook">
      {props.summaries.map((s) => {
        const busy = props.busy[s.id] ?? all;
        const locked = busy !== undefined || props.readOnly;
        const outcome = props.outcomes[s.id];
        const status = statusWords(s, outcome, props.freshness?.dashboards.get(s.id));
        const stale = staleTiles(outcome, names.get(s.id) ?? new Map());
        const schedule = scheduleWords(s);
        return (
          <li key={s.id} className={styles.card} aria-label={s.label}>
            <div className={styles.top}>
              <h4 className={styles.title}>{s.label}</h4>
              <Badge className={mergeClasses(badge.badge, badge.beside)} appearance="tint" color={status.tone} size="small">{status.text}</Badge>
            </div>
            <span className={styles.note}>{`On the sheet “${s.sheet}” · ${s.tileCount} tile${s.tileCount === 1 ? '' : 's'}`}</span>
            <span className={styles.note}>{lastRefreshedWords(s.lastRefresh)}</span>
            {schedule && <span className={styles.note}>{schedule}</span>}
            {stale.length > 0 && (
              <>
                <span className={styles.note}>Out of date (previous values kept):</span>
                <ul className={styles.stale} aria-label={`Out-of-date tiles of ${s.label}`}>
                  {stale.map((line) => <li key={line}>{line}</li>)}
                </ul>
              </>
            )}
            {s.problems.map((p) => <span key={p} className={styles.problem}>{`Cannot be used: ${p}`}</span>)}
            {busy && <RefreshProgress what={busy.what} events={busy.events} onCancel={props.onCancel} />}
            {confirming === s.id ? (
              <div className={styles.confirm} role="group" aria-label={`Delete ${s.label}?`}>
                <span>{`Delete “${s.label}” and its sheet “${s.sheet}”? Your tables are not touched.`}</span>
                <Button size="small" appearance="primary" onClick={() => { setConfirming(undefined); props.onDelete(s.id); }}>Delete</Button>
                <Button size="small" onClick={() => setConfirming(undefined)}>Keep it</Button>
              </div>
            ) : (
              <div className={styles.actions}>
                <Button size="small" appearance="primary" disabled={locked} onClick={() => props.onRefresh(s.id)} aria-label={`Refresh ${s.label}`}>Refresh</Button>
                <Button size="small" onClick={() => props.onGoTo(s.sheet)} aria-label={`Go to sheet: ${s.label}`}>Go to sheet</Button>
                <Button size="small" disabled={locked} onClick={() => props.onEdit(s.id)} aria-label={`Edit ${s.label}`}>Edit</Button>
                <Button size="small" disabled={locked} onClick={() => setConfirming(s.id)} aria-label={`Delete ${s.label}`}>Delete</Button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
