import { Button, ProgressBar, Text } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { useCloudSourcesStyles } from './CloudSourcesPanel.styles';
import { progressText } from './source-words';
import type { Running } from './use-cloud-sources';

/** Progress of a preview, load or refresh (bytes and rows), with Cancel. */
export function LoadProgress({ running, onCancel }: { running: Running; onCancel: () => void }): ReactElement {
  const styles = useCloudSourcesStyles();
  const { text, value } = progressText(running.progress);
  return (
    <div className={styles.progress} role="status" aria-live="polite">
      <div className={styles.progressRow}>
        <Text weight="semibold">{running.label}</Text>
        <Button size="small" onClick={onCancel}>Cancel</Button>
      </div>
      <ProgressBar value={value} thickness="large" aria-label={`Progress of ${running.label}`} />
      <Text size={200}>{text}</Text>
    </div>
  );
}
