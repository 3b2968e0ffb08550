import { Badge, mergeClasses } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Freshness } from '../../refresh/dashboards';
import { useFreshnessBadgeStyles } from './FreshnessBadge.styles';
import { freshnessWords } from './refresh-words';

/**
 * "Up to date", "Out of date — Orders changed" or "Refreshed at …" for an output that refreshed
 * fully; nothing before its sources were checked.
 *
 * @example <FreshnessBadge freshness={report?.queries.get(id)} />
 */
export function FreshnessBadge({ freshness, className }: { freshness: Freshness | undefined; className?: string }): ReactElement | null {
  const styles = useFreshnessBadgeStyles();
  const words = freshnessWords(freshness);
  if (!words) return null;
  return <Badge appearance="tint" color={words.tone} size="small" className={mergeClasses(styles.badge, className)}>{words.text}</Badge>;
}
