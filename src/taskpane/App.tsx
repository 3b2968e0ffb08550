import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, type AccordionToggleEventHandler,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { Table20Regular } from '@fluentui/react-icons/svg/table';
import { TableCalculator20Regular } from '@fluentui/react-icons/svg/table-calculator';
import { useState, type ReactElement } from 'react';
import type { PaneHost } from '../excel/host-types';
import { useAppStyles } from './App.styles';
import { PivotsPanel } from './PivotsPanel';
import { TablesPanel } from './TablesPanel';
import { useWorkbookLists } from './use-workbook-lists';

type Section = 'tables' | 'pivots';

export interface AppProps {
  host: PaneHost;
}

/**
 * The task pane: a compact header with Refresh, then Tables and PivotTables as accordion
 * sections (both open at first). Accordion rather than TabList: both lists stay visible when the
 * pane is tall, and its headers are plain buttons in the tab order.
 */
export function App({ host }: AppProps): ReactElement {
  const styles = useAppStyles();
  const [open, setOpen] = useState<Section[]>(['tables', 'pivots']);
  const { lists, refreshing, generation, refresh } = useWorkbookLists(host);
  const tableCount = lists?.tables.ok ? ` (${lists.tables.data.length})` : '';
  const pivotCount = lists?.pivots.ok ? ` (${lists.pivots.data.length})` : '';
  const onToggle: AccordionToggleEventHandler<Section> = (_, data) => setOpen(data.openItems);
  // In Excel the pane is the page's main content; inside the workbench page it is one region.
  const Root = host.kind === 'excel' ? 'main' : 'section';

  return (
    <Root className={styles.root} aria-label="PivotDeck">
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
      <Accordion multiple collapsible openItems={open} onToggle={onToggle} className={styles.sections}>
        <AccordionItem value="tables" className={styles.section}>
          <AccordionHeader as="h2" size="small" icon={<Table20Regular />} className={styles.sectionHeader}>
            {`Tables${tableCount}`}
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <TablesPanel host={host} lists={lists} generation={generation} onRetry={refresh} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="pivots" className={styles.section}>
          <AccordionHeader as="h2" size="small" icon={<TableCalculator20Regular />} className={styles.sectionHeader}>
            {`PivotTables${pivotCount}`}
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <PivotsPanel lists={lists} onRetry={refresh} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </Root>
  );
}
