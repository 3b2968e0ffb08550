import {
  Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text,
} from '@fluentui/react-components';
import { useCallback, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { useStatusStyles } from './StatusMessages.styles';

/** A failure with what to do about it, and a retry button. */
export function ErrorMessage({ title, message, onRetry }: { title: string; message: string; onRetry?: () => void }): ReactElement {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** Nothing to list yet, and how to get something. */
export function EmptyState({ children }: { children: ReactNode }): ReactElement {
  const styles = useStatusStyles();
  return (
    <div className={styles.empty} role="status">
      <Text>{children}</Text>
    </div>
  );
}

export function Loading({ label }: { label: string }): ReactElement {
  const styles = useStatusStyles();
  return <Spinner className={styles.spinner} size="small" label={label} labelPosition="after" />;
}

/** One message a section shows about its latest action. */
export interface SectionStatusValue {
  intent: 'success' | 'warning' | 'error' | 'info';
  title?: string;
  message: string;
  /** Buttons that answer the message (e.g. "Move it and preview"). */
  actions?: ReactNode;
}

export interface SectionStatusState {
  status: SectionStatusValue | undefined;
  /** Show the latest action's message, replacing whatever was shown before. */
  show(status: SectionStatusValue): void;
  clear(): void;
}

/**
 * One current status per section (issue 16 part 8): a section keeps a single message slot, so a
 * newer action's success or failure replaces the older one instead of piling up beside it.
 * @example
 *   const status = useSectionStatus();
 *   status.show({ intent: 'error', title: 'Could not read the data', message: e.message });
 *   return <SectionStatus state={status} />;
 */
export function useSectionStatus(): SectionStatusState {
  const [status, setStatus] = useState<SectionStatusValue>();
  const show = useCallback((next: SectionStatusValue) => setStatus(next), []);
  const clear = useCallback(() => setStatus(undefined), []);
  return useMemo(() => ({ status, show, clear }), [status, show, clear]);
}

/** The section's current message, if any; errors and warnings are announced at once, the rest politely. */
export function SectionStatus({ state }: { state: SectionStatusState }): ReactElement | null {
  const { status } = state;
  if (!status) return null;
  return (
    <MessageBar intent={status.intent} layout="multiline" politeness={status.intent === 'error' || status.intent === 'warning' ? 'assertive' : 'polite'}>
      <MessageBarBody>
        {status.title && <MessageBarTitle>{status.title}</MessageBarTitle>}
        {status.message}
      </MessageBarBody>
      {status.actions && <MessageBarActions>{status.actions}</MessageBarActions>}
    </MessageBar>
  );
}
