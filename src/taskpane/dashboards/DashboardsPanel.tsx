import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons/svg/add';
import { ArrowClockwise20Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { useRef, useState, type ReactElement } from 'react';
import type { PaneHost } from '../../excel/host-types';
import { DashboardList } from './DashboardList';
import { useDashboardsPanelStyles } from './DashboardsPanel.styles';
import { NewDashboardWizard } from './NewDashboardWizard';
import { useDashboards } from './use-dashboards';
import { everyMinutes, useNewDashboard } from './use-new-dashboard';

/**
 * "Dashboards": the dashboards of this workbook (status, last refresh, out-of-date tiles, with
 * Refresh, Go to sheet, Edit, Delete) and "New dashboard": pick the data, a template, check the
 * proposed tiles, name it and choose when it refreshes.
 */
export function DashboardsPanel({ host }: { host: PaneHost }): ReactElement {
  const styles = useDashboardsPanelStyles();
  const d = useDashboards(host);
  const w = useNewDashboard(host, d.doc);
  const [open, setOpen] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const wizardBusy = d.busy.new ?? (w.editingId ? d.busy[w.editingId] : undefined);

  const close = () => { setOpen(false); w.reset(); };
  const submit = async () => {
    const minutes = everyMinutes(w.options).minutes;
    if (w.editingId) {
      const ok = await d.update(w.editingId, { label: w.label.trim(), tiles: w.tiles, refreshOnOpen: w.options.refreshOnOpen, refreshEveryMinutes: minutes ?? null, history: w.options.history ?? null });
      if (ok) close();
      return;
    }
    const made = await d.create({ label: w.label.trim(), tiles: w.tiles, refreshOnOpen: w.options.refreshOnOpen, refreshEveryMinutes: minutes, ...(w.options.history ? { history: w.options.history } : {}) });
    if (made) {
      close();
      if (made.sheet) void d.goTo(made.sheet);
    }
  };
  const edit = async (id: string) => {
    const problem = await w.edit(id);
    if (problem) d.setNotice({ intent: 'error', text: problem });
    else setOpen(true);
  };

  return (
    <section className={styles.root} aria-labelledby="pivotdeck-dashboards-heading">
      <div className={styles.bar}>
        <h3 id="pivotdeck-dashboards-heading" className={styles.heading}>Dashboards in this workbook</h3>
        {d.summaries.length > 1 && (
          <Button size="small" icon={<ArrowClockwise20Regular />} disabled={d.busy['*'] !== undefined || d.readOnly} onClick={() => void d.refreshAll()}>Refresh all</Button>
        )}
        {!open && (
          <Button ref={newButton} size="small" appearance="primary" icon={<Add20Regular />} disabled={d.readOnly} onClick={() => { w.reset(); setOpen(true); }}>New dashboard</Button>
        )}
      </div>
      {d.readOnlyMessage && <MessageBar intent="warning"><MessageBarBody>{d.readOnlyMessage}</MessageBarBody></MessageBar>}
      {d.loadError && <MessageBar intent="error"><MessageBarBody>{d.loadError}</MessageBarBody></MessageBar>}
      {open && (
        <NewDashboardWizard w={w} busy={wizardBusy} readOnly={d.readOnly} onSubmit={() => void submit()} onClose={close} onCancelRun={d.cancel} returnFocusTo={() => newButton.current} />
      )}
      {d.notice && (
        <MessageBar intent={d.notice.intent} layout="multiline">
          <MessageBarBody>{d.notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <DashboardList
        summaries={d.summaries}
        doc={d.doc}
        busy={d.busy}
        outcomes={d.outcomes}
        readOnly={d.readOnly}
        onRefresh={(id) => void d.refresh(id)}
        onGoTo={(sheet) => void d.goTo(sheet)}
        onEdit={(id) => void edit(id)}
        onDelete={(id) => void d.remove(id)}
        onCancel={d.cancel}
        creating={open}
        freshness={d.freshness}
      />
    </section>
  );
}
