import { Caption1, ToggleButton, mergeClasses } from '@fluentui/react-components';
import { useEffect, useState, type ReactElement } from 'react';
import type { PaneHost } from '../excel/host-types';
import type { TableInfo } from '../excel/workbook-info';
import type { WorkbookLists } from '../refresh/workbook';
import { EMPTY_TABLES, tableSize } from './pane-text';
import { useDocumentChanges } from './shared/use-document-changes';
import { EmptyState, ErrorMessage, Loading } from './StatusMessages';
import { TablePreviewSection } from './TablePreviewSection';
import { useTablesPanelStyles } from './TablesPanel.styles';
import { useTablePreview } from './use-table-preview';

export interface TablesPanelProps {
  host: PaneHost;
  lists: WorkbookLists | undefined;
  generation: number;
  onRetry(): void;
}

/** The workbook's tables; choosing one shows its first rows below the list. */
export function TablesPanel({ host, lists, generation, onRetry }: TablesPanelProps): ReactElement {
  const styles = useTablesPanelStyles();
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const tables = lists?.tables.ok ? lists.tables.data : undefined;

  // A refresh may remove or rename the selected table: forget it rather than show an error.
  useEffect(() => {
    if (tables && selected && !tables.some((t) => t.name === selected)) setSelected(undefined);
  }, [tables, selected]);

  // The preview re-reads when the lists reload and after every refresh PivotDeck records (a web
  // source landed into this table, a query output rewritten), so it never shows rows that are gone.
  const changes = useDocumentChanges();
  const preview = useTablePreview(host, tables?.some((t) => t.name === selected) ? selected : undefined, generation + changes);

  if (!lists) return <Loading label="Reading the workbook's tables…" />;
  if (!lists.tables.ok) return <ErrorMessage title="Tables could not be listed" message={lists.tables.message} onRetry={onRetry} />;
  if (lists.tables.data.length === 0) return <EmptyState>{EMPTY_TABLES}</EmptyState>;

  return (
    <div className={styles.root}>
      <Caption1 className={styles.hint}>Choose a table to preview its first rows.</Caption1>
      <ul className={styles.list} aria-label="Tables in this workbook">
        {lists.tables.data.map((table) => (
          <li key={table.name}>
            <TableItem
              table={table}
              selected={table.name === selected}
              onSelect={() => setSelected(table.name === selected ? undefined : table.name)}
            />
          </li>
        ))}
      </ul>
      {selected && <TablePreviewSection state={preview} />}
    </div>
  );
}

function TableItem({ table, selected, onSelect }: { table: TableInfo; selected: boolean; onSelect(): void }): ReactElement {
  const styles = useTablesPanelStyles();
  return (
    <ToggleButton
      appearance="subtle"
      checked={selected}
      className={mergeClasses(styles.item, selected && styles.itemSelected)}
      onClick={onSelect}
    >
      {/* The space keeps name and details apart in the button's accessible name. */}
      <span className={styles.itemText}>
        <span className={styles.name}>{table.name}</span>{' '}
        <Caption1 className={styles.meta}>{`Sheet ${table.sheet} · ${tableSize(table)}`}</Caption1>
      </span>
    </ToggleButton>
  );
}
