import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Spinner, type AccordionToggleEventHandler,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { Table20Regular } from '@fluentui/react-icons/svg/table';
import { TableCalculator20Regular } from '@fluentui/react-icons/svg/table-calculator';
import { TableAdd20Regular } from '@fluentui/react-icons/svg/table-add';
import { DataBarVertical20Regular } from '@fluentui/react-icons/svg/data-bar-vertical';
import { CloudArrowDown20Regular } from '@fluentui/react-icons/svg/cloud-arrow-down';
import { Board20Regular } from '@fluentui/react-icons/svg/board';
import { PersonLock20Regular } from '@fluentui/react-icons/svg/person-lock';
import { lazy, Suspense, useEffect, useState, type ReactElement } from 'react';
import type { PaneHost } from '../excel/host-types';
import { useAppStyles } from './App.styles';
import { FirstRun } from './first-run/FirstRun';
import { isBlankWorkbook } from './first-run/is-blank-workbook';
import { useServicesIfReady } from './services-context';
import { ConsentPrompt } from './shared/ConsentPrompt';
import { useConsent } from './shared/use-consent';
import { PivotsPanel } from './PivotsPanel';
import { ErrorMessage } from './StatusMessages';
import { ShowRowsButton } from './show-rows/ShowRowsButton';
import { TablesPanel } from './TablesPanel';
import { useWorkbookLists } from './use-workbook-lists';

type Section = 'tables' | 'pivots' | 'extend' | 'web' | 'query' | 'dashboards' | 'yourData';

// The extend panel pulls in the engine (Arquero, the formula compiler): loaded when its section
// first opens, so the pane's initial bundle stays small.
const QueryBuilderPanel = lazy(() => import('./query/QueryBuilderPanel').then((m) => ({ default: m.QueryBuilderPanel })));
const ExtendPivotPanel = lazy(() => import('./extend/ExtendPivotPanel').then((m) => ({ default: m.ExtendPivotPanel })));
const CloudSourcesPanel = lazy(() => import('./sources').then((m) => ({ default: m.CloudSourcesPanel })));
const DashboardsPanel = lazy(() => import('./dashboards').then((m) => ({ default: m.DashboardsPanel })));
const YourDataPanel = lazy(() => import('./your-data/YourDataPanel').then((m) => ({ default: m.YourDataPanel })));

export interface AppProps {
  host: PaneHost;
}

/**
 * The task pane: a compact header with Refresh, then Tables, PivotTables and "Extend a
 * PivotTable" as accordion sections (the lists open at first; the extend panel loads on opening). Accordion rather than TabList: both lists stay visible when the
 * pane is tall, and its headers are plain buttons in the tab order.
 */
export function App({ host }: AppProps): ReactElement {
  const styles = useAppStyles();
  // Built by the composition root (services-context.tsx) and shared with the ribbon's "Refresh all".
  const services = useServicesIfReady();
  const loading = <Spinner size="tiny" label="Loading…" />;
  const consent = useConsent(services?.consent);
  const [open, setOpen] = useState<Section[]>(['tables', 'pivots']);
  const { lists, refreshing, generation, refresh } = useWorkbookLists(host);
  const tableCount = lists?.tables.ok ? ` (${lists.tables.data.length})` : '';
  const pivotCount = lists?.pivots.ok ? ` (${lists.pivots.data.length})` : '';
  const onToggle: AccordionToggleEventHandler<Section> = (_, data) => setOpen(data.openItems);
  // After the sample is in, the lists show it and "Extend a PivotTable" opens: the next step.
  const onSampleInserted = () => {
    refresh();
    setOpen((o) => (o.includes('extend') ? o : [...o, 'extend']));
  };
  // In Excel the pane is the page's main content; inside the workbench page it is one region.
  const Root = host.kind === 'excel' ? 'main' : 'section';
  // Dashboards refresh on open, on their schedules and when a dropdown cell changes, whether or
  // not their section is open; the code loads after the first render.
  useEffect(() => {
    if (!services) return undefined;
    let stop: (() => void) | undefined;
    let live = true;
    void import('./dashboards/start-dashboards').then((m) => m.startDashboards(host, services)).then((s) => { if (live) stop = s; else s(); }, () => undefined);
    return () => { live = false; stop?.(); };
  }, [host, services]);

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
      {consent.request && (
        <ConsentPrompt request={consent.request} busy={consent.busy} onAllow={consent.allow} onNotNow={consent.notNow} />
      )}
      {consent.error && <ErrorMessage title="PivotDeck could not remember your answer" message={consent.error} />}
      <ShowRowsButton />
      {isBlankWorkbook(lists) && <FirstRun host={host} onInserted={onSampleInserted} />}
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
        <AccordionItem value="extend" className={styles.section}>
          <AccordionHeader as="h2" size="small" icon={<TableAdd20Regular />} className={styles.sectionHeader}>
            Extend a PivotTable
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            {open.includes('extend') && (
              <Suspense fallback={loading}>
                {services ? <ExtendPivotPanel host={host} /> : loading}
              </Suspense>
            )}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="web" className={styles.section}>
          <AccordionHeader as="h2" size="small" icon={<CloudArrowDown20Regular />} className={styles.sectionHeader}>
            Data from the web
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            {open.includes('web') && (
              <Suspense fallback={loading}>
                {services ? <CloudSourcesPanel host={host} /> : loading}
              </Suspense>
            )}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="query" className={styles.section}>
          <AccordionHeader as="h2" size="small" icon={<DataBarVertical20Regular />} className={styles.sectionHeader}>
            Build a query
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            {open.includes('query') && (
              <Suspense fallback={loading}>
                {services ? <QueryBuilderPanel host={host} /> : loading}
              </Suspense>
            )}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="dashboards" className={styles.section}>
          <AccordionHeader as="h2" size="small" icon={<Board20Regular />} className={styles.sectionHeader}>
            Dashboards
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            {open.includes('dashboards') && (
              <Suspense fallback={loading}>
                {services ? <DashboardsPanel host={host} /> : loading}
              </Suspense>
            )}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="yourData" className={styles.section}>
          <AccordionHeader as="h2" size="small" icon={<PersonLock20Regular />} className={styles.sectionHeader}>
            Your data
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            {open.includes('yourData') && (
              <Suspense fallback={loading}>
                {services ? <YourDataPanel /> : loading}
              </Suspense>
            )}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </Root>
  );
}
