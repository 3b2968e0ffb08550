import { Caption1, Card, CardHeader, mergeClasses } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { PivotInfo } from '../excel/workbook-info';
import type { WorkbookLists } from '../refresh/workbook';
import { EMPTY_PIVOTS, fieldList, pivotSourceText, valueFieldLabel } from './pane-text';
import { usePivotsPanelStyles } from './PivotsPanel.styles';
import { EmptyState, ErrorMessage, Loading } from './StatusMessages';

export interface PivotsPanelProps {
  lists: WorkbookLists | undefined;
  onRetry(): void;
}

/** One card per PivotTable: sheet, source, row/column/filter fields and value fields. */
export function PivotsPanel({ lists, onRetry }: PivotsPanelProps): ReactElement {
  const styles = usePivotsPanelStyles();
  if (!lists) return <Loading label="Reading the workbook's PivotTables…" />;
  if (!lists.pivots.ok) return <ErrorMessage title="PivotTables could not be listed" message={lists.pivots.message} onRetry={onRetry} />;
  if (lists.pivots.data.length === 0) return <EmptyState>{EMPTY_PIVOTS}</EmptyState>;
  return (
    <ul className={styles.list} aria-label="PivotTables in this workbook">
      {lists.pivots.data.map((pivot) => (
        <li key={`${pivot.sheet}!${pivot.name}`}>
          <PivotCard pivot={pivot} />
        </li>
      ))}
    </ul>
  );
}

function PivotCard({ pivot }: { pivot: PivotInfo }): ReactElement {
  const styles = usePivotsPanelStyles();
  const layout = pivot.layout ? ` · ${pivot.layout} layout` : '';
  return (
    <Card className={styles.card} size="small" appearance="outline">
      <CardHeader
        header={<h3 className={styles.name}>{pivot.name}</h3>}
        description={<Caption1 className={styles.meta}>{`Sheet ${pivot.sheet}${layout}`}</Caption1>}
      />
      <dl className={styles.facts}>
        <dt className={styles.term}>Source</dt>
        <dd className={pivot.source.kind === 'known' ? styles.detail : mergeClasses(styles.detail, styles.degraded)}>
          {pivotSourceText(pivot)}
        </dd>
        <dt className={styles.term}>Rows</dt>
        <dd className={styles.detail}>{fieldList(pivot.rows)}</dd>
        <dt className={styles.term}>Columns</dt>
        <dd className={styles.detail}>{fieldList(pivot.columns)}</dd>
        <dt className={styles.term}>Filters</dt>
        <dd className={styles.detail}>{fieldList(pivot.filters)}</dd>
        <dt className={styles.term}>Values</dt>
        <dd className={styles.detail}>
          {pivot.values.length === 0 ? 'none' : (
            <ul className={styles.values}>
              {pivot.values.map((value) => <li key={value.name}>{valueFieldLabel(value)}</li>)}
            </ul>
          )}
        </dd>
      </dl>
    </Card>
  );
}
