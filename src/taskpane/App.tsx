import { Badge, Button, Tab, TabList } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { Table20Regular } from '@fluentui/react-icons/svg/table';
import { TableCalculator20Regular } from '@fluentui/react-icons/svg/table-calculator';
import { useState, type ReactElement } from 'react';
import type { PaneHost } from '../excel/host-types';
import { useAppStyles } from './App.styles';
import { PivotsPanel } from './PivotsPanel';
import { TablesPanel } from './TablesPanel';
import { useWorkbookLists } from './use-workbook-lists';

type TabValue = 'tables' | 'pivots';

export interface AppProps {
  host: PaneHost;
}

/** The task pane: header with Refresh, then Tables and PivotTables tabs. */
export function App({ host }: AppProps): ReactElement {
  const styles = useAppStyles();
  const [tab, setTab] = useState<TabValue>('tables');
  const { lists, refreshing, generation, refresh } = useWorkbookLists(host);
  const tableCount = lists?.tables.ok ? ` (${lists.tables.data.length})` : '';
  const pivotCount = lists?.pivots.ok ? ` (${lists.pivots.data.length})` : '';

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.brand}>
          <h1 className={styles.title}>PivotDeck</h1>
          {host.kind === 'workbench' && <Badge appearance="tint" color="informative">Simulated Excel</Badge>}
        </div>
        <Button
          appearance="subtle"
          size="small"
          icon={<ArrowClockwise20Regular />}
          onClick={refresh}
          disabled={refreshing}
          aria-label="Refresh the lists of tables and PivotTables"
        >
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </Button>
      </header>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as TabValue)}
        aria-label="Workbook contents"
      >
        <Tab id="pivotdeck-tab-tables" value="tables" icon={<Table20Regular />} aria-controls="pivotdeck-panel">
          {`Tables${tableCount}`}
        </Tab>
        <Tab id="pivotdeck-tab-pivots" value="pivots" icon={<TableCalculator20Regular />} aria-controls="pivotdeck-panel">
          {`PivotTables${pivotCount}`}
        </Tab>
      </TabList>
      <main
        id="pivotdeck-panel"
        role="tabpanel"
        aria-labelledby={tab === 'tables' ? 'pivotdeck-tab-tables' : 'pivotdeck-tab-pivots'}
        className={styles.panel}
      >
        {tab === 'tables' ? (
          <TablesPanel host={host} lists={lists} generation={generation} onRetry={refresh} />
        ) : (
          <PivotsPanel lists={lists} onRetry={refresh} />
        )}
      </main>
    </div>
  );
}
