import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { TableSearch20Regular } from '@fluentui/react-icons/svg/table-search';
import { useEffect, useState, type ReactElement } from 'react';
import { useServicesIfReady } from '../services-context';
import { useShowRowsStyles } from './ShowRowsButton.styles';
import type { ShowRowsOutcome } from '../../refresh/show-rows/show-rows-outcome';

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; outcome: ShowRowsOutcome };

/**
 * "Show rows": the rows behind the selected number (a PivotTable value, or a number PivotDeck
 * wrote: a query, an extension column, a dashboard tile) on a new sheet. Runs the composition
 * root's use-case (the ribbon's command runs the same), which loads on the first click.
 */
export function ShowRowsButton(): ReactElement {
  const styles = useShowRowsStyles();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const services = useServicesIfReady();
  // Outcomes of the ribbon's Show rows too: it opens the pane to show a refusal here.
  useEffect(() => services?.onShowRows((outcome) => setState({ kind: 'done', outcome })), [services]);
  const onClick = async () => {
    if (!services) return;
    setState({ kind: 'working' });
    try {
      setState({ kind: 'done', outcome: await services.showRows() });
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
