import { Button, ProgressBar, Text } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { QueryProgress } from '../../refresh/queries';
import { useQueryActivityStyles } from './QueryActivity.styles';
import { progressWords } from './query-progress-words';

/** An insert, save or refresh in progress: what it is doing, how far, and Cancel. */
export function QueryActivity({ what, progress, onCancel }: { what: string; progress?: QueryProgress; onCancel: () => void }): ReactElement {
  const styles = useQueryActivityStyles();
  const { text, value } = progressWords(progress);
  return (
    <div className={styles.root} role="status" aria-live="polite">
      <div className={styles.row}>
        <Text weight="semibold">{what}</Text>
        <Button size="small" onClick={onCancel}>Cancel</Button>
      </div>
      <ProgressBar value={value} thickness="large" aria-label={`Progress: ${what}`} />
      <Text size={200}>{text}</Text>
    </div>
  );
}
