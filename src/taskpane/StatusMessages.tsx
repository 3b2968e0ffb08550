import {
  Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text,
} from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';
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
