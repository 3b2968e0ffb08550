import {
  Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle,
} from '@fluentui/react-components';
import { ShieldKeyhole20Regular } from '@fluentui/react-icons/svg/shield-keyhole';
import type { ReactElement } from 'react';
import type { ConsentRequest } from '../../refresh/consent/consent-gate';
import { useConsentPromptStyles } from './ConsentPrompt.styles';

export interface ConsentPromptProps {
  request: ConsentRequest;
  busy?: boolean;
  onAllow: () => void;
  onNotNow: () => void;
}

/**
 * The pane's "Enable Content" bar: which addresses this workbook wants PivotDeck to contact, what
 * is waiting, and Allow / Not now. Nothing is contacted before the answer.
 */
export function ConsentPrompt({ request, busy, onAllow, onNotNow }: ConsentPromptProps): ReactElement {
  const styles = useConsentPromptStyles();
  const many = request.origins.length > 1;
  return (
    <MessageBar intent="warning" layout="multiline" icon={<ShieldKeyhole20Regular />} aria-live="polite">
      <MessageBarBody>
        <MessageBarTitle>{`This workbook wants to contact ${many ? `${request.origins.length} web addresses` : 'a web address'}`}</MessageBarTitle>
        <ul className={styles.origins} aria-label="Addresses this workbook wants to contact">
          {request.origins.map((origin) => <li key={origin}>{origin}</li>)}
        </ul>
        <span className={styles.note}>
          {`Waiting for your permission: ${request.waiting.join('; ')}. `}
          Allow only if you trust this workbook and {many ? 'these addresses' : 'this address'}. PivotDeck remembers your answer on this computer, not in the workbook.
        </span>
      </MessageBarBody>
      <MessageBarActions>
        <div className={styles.actions}>
          <Button appearance="primary" size="small" disabled={busy} onClick={onAllow}>Allow</Button>
          <Button size="small" disabled={busy} onClick={onNotNow}>Not now</Button>
        </div>
      </MessageBarActions>
    </MessageBar>
  );
}
