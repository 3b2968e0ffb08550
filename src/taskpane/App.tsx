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
import { lazy, Suspense, useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import type { PaneHost } from '../excel/host-types';
import { useAppStyles } from './App.styles';
import { isBlankWorkbook } from './first-run/is-blank-workbook';
import { StartHere } from './first-run/StartHere';
import { useServicesIfReady } from './services-context';
import { ConsentPrompt } from './shared/ConsentPrompt';
import { HelpLink } from './shared/HelpLink';
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

/** Scrolls a section's panel to the top of the pane and focuses it (its region is announced). */
function focusPanel(panel: HTMLElement): void {
  panel.scrollIntoView({ block: 'start' });
  panel.focus({ preventScroll: true });
}

export interface AppProps {
  host: PaneHost;
}

/** Each section's header words (also the help link's topic name). */
const TITLES: Record<Section, string> = {
  tables: 'Tables',
  pivots: 'PivotTables',
  extend: 'Extend a PivotTable',
  web: 'Data from the web',
  query: 'Build a query',
  dashboards: 'Dashboards',
  yourData: 'Your data',
};

/**
 * The task pane: a compact header with "Reload lists", the start card (what PivotDeck does, three
 * ways to start), then Tables, PivotTables and the feature sections as accordion sections (the
 * lists open at first; a feature's code loads when its section first opens). Accordion rather
 * than TabList: both lists stay visible when the pane is tall, and its headers are plain buttons
 * in the tab order. Every open section starts with a help link to its entry on the support page.
 */
export function App({ host }: AppProps): ReactElement {
  const styles = useAppStyles();
  // Built by the composition root (services-context.tsx) and shared with the ribbon's "Refresh all".
  const services = useServicesIfReady();
  const loading = <Spinner size="tiny" label="Loading…" />;
  const consent = useConsent(services?.consent);
  const [open, setOpen] = useState<Section[]>(['tables', 'pivots']);
  // The section a start button (or the sample) opened, whose panel takes focus when it mounts.
  const focusNext = useRef<Section>();
  const panels = useRef<Partial<Record<Section, HTMLDivElement | null>>>({});
  const { lists, refreshing, generation, refresh } = useWorkbookLists(host);
  const tableCount = lists?.tables.ok ? ` (${lists.tables.data.length})` : '';
  const pivotCount = lists?.pivots.ok ? ` (${lists.pivots.data.length})` : '';
  const onToggle: AccordionToggleEventHandler<Section> = (_, data) => setOpen(data.openItems);
  /** Opens a section and moves focus into it: now if it is open, else when its panel mounts. */
  const openSection = (section: Section) => {
    const panel = panels.current[section];
    // A folding panel may still be mounted (and inert) while it animates out: open it again first.
    if (panel && open.includes(section)) {
      focusPanel(panel);
      return;
    }
    focusNext.current = section;
    setOpen((o) => (o.includes(section) ? o : [...o, section]));
  };
  // Called by React with each section's panel element (null when it unmounts).
  const panelRef = (section: Section) => (el: HTMLDivElement | null) => {
    panels.current[section] = el;
    if (el && focusNext.current === section) {
      focusNext.current = undefined;
      focusPanel(el);
    }
  };
  // After the sample is in, the lists show it and "Extend a PivotTable" opens: the next step.
  const onSampleInserted = () => {
    refresh();
    openSection('extend');
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

  /** One accordion section: its header, then (when open) a focusable region with the help link and the content. */
  const section = (value: Section, icon: ReactElement, header: string, content: () => ReactNode) => (
    <AccordionItem value={value} className={styles.section}>
      <AccordionHeader as="h2" size="small" icon={icon} className={styles.sectionHeader}>
        {header}
      </AccordionHeader>
      <AccordionPanel className={styles.panel}>
        {open.includes(value) && (
          <div
            ref={panelRef(value)}
            className={styles.panelBody}
            role="region"
            aria-label={TITLES[value]}
            tabIndex={-1}
          >
            <HelpLink topic={value} title={TITLES[value]} />
            {content()}
          </div>
        )}
      </AccordionPanel>
    </AccordionItem>
  );
  const lazyPanel = (panel: ReactNode) => () => <Suspense fallback={loading}>{services ? panel : loading}</Suspense>;

  return (
    <Root className={styles.root} aria-label="PivotDeck">
      <header className={styles.header}>
        <div className={styles.brand}>
          <h1 className={styles.title}>PivotDeck</h1>
          {host.kind === 'workbench' && <Badge className={styles.badge} appearance="tint" color="informative">Simulated Excel</Badge>}
        </div>
        <Button
          className={styles.reload}
          appearance="subtle"
          size="small"
          icon={<ArrowClockwise20Regular />}
          onClick={refresh}
          disabled={refreshing}
          title="Read the workbook's tables and PivotTables again. Your data and PivotDeck's outputs are not refreshed."
        >
          {refreshing ? 'Reloading…' : 'Reload lists'}
        </Button>
      </header>
      {consent.request && (
        <ConsentPrompt request={consent.request} busy={consent.busy} onAllow={consent.allow} onNotNow={consent.notNow} />
      )}
      {consent.error && <ErrorMessage title="PivotDeck could not remember your answer" message={consent.error} />}
      <ShowRowsButton />
      <StartHere host={host} offerSample={isBlankWorkbook(lists)} onStart={openSection} onSampleInserted={onSampleInserted} />
      <Accordion multiple collapsible openItems={open} onToggle={onToggle} className={styles.sections}>
        {section('tables', <Table20Regular />, `Tables${tableCount}`, () => (
          <TablesPanel host={host} lists={lists} generation={generation} onRetry={refresh} />
        ))}
        {section('pivots', <TableCalculator20Regular />, `PivotTables${pivotCount}`, () => <PivotsPanel lists={lists} onRetry={refresh} />)}
        {section('extend', <TableAdd20Regular />, TITLES.extend, lazyPanel(<ExtendPivotPanel host={host} />))}
        {section('web', <CloudArrowDown20Regular />, TITLES.web, lazyPanel(<CloudSourcesPanel host={host} onConnectWarehouse={() => openSection('query')} />))}
        {section('query', <DataBarVertical20Regular />, TITLES.query, lazyPanel(<QueryBuilderPanel host={host} />))}
        {section('dashboards', <Board20Regular />, TITLES.dashboards, lazyPanel(<DashboardsPanel host={host} />))}
        {section('yourData', <PersonLock20Regular />, TITLES.yourData, lazyPanel(<YourDataPanel />))}
      </Accordion>
    </Root>
  );
}
