import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { TableSearch20Regular } from '@fluentui/react-icons/svg/table-search';
import { useState, type ReactElement } from 'react';
import type { PaneHost } from '../../excel/host-types';
import { useServicesIfReady } from '../services-context';
import { useShowRowsStyles } from './ShowRowsButton.styles';
import type { ShowRowsOutcome } from './show-rows-at-selection';

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; outcome: ShowRowsOutcome };

/**
 * "Show rows": the rows behind the selected number (a PivotTable value or a query grid value
 * PivotDeck wrote) on a new sheet. The use-case loads on click, so the engine stays out of the
 * pane's first bundle.
 */
export function ShowRowsButton({ host }: { host: PaneHost }): ReactElement {
  const styles = useShowRowsStyles();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const services = useServicesIfReady();
  const onClick = async () => {
    if (!services) return;
    setState({ kind: 'working' });
    try {
      const { showRowsAtSelection } = await import('./show-rows-at-selection');
      const outcome = await showRowsAtSelection({
        run: host.run, canReadDataSource: host.isSetSupported('ExcelApi', '1.15'),
        loadDocument: () => services.documents.read(), ...(services.pull ? { pull: services.pull } : {}),
      });
      setState({ kind: 'done', outcome });
    } catch (error) {
      setState({ kind: 'done', outcome: { status: 'refused', message: `Show rows stopped: ${error instanceof Error ? error.message : String(error)}. Try again.` } });
    }
  };
  const outcome = state.kind === 'done' ? state.outcome : undefined;
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button size="small" icon={<TableSearch20Regular />} onClick={() => void onClick()} disabled={!services || state.kind === 'working'}>
          {state.kind === 'working' ? 'Showing rows…' : 'Show rows'}
        </Button>
        <Text className={styles.hint}>behind the selected number</Text>
      </div>
      {outcome?.status === 'written' && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{`${outcome.total.toLocaleString('en-US')} rows on "${outcome.sheet}"`}</MessageBarTitle>
            {outcome.words}
            {outcome.rowsWritten < outcome.total ? ` (the first ${outcome.rowsWritten.toLocaleString('en-US')} are shown)` : ''}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.status === 'refused' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
