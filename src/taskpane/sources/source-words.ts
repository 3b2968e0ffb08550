/**
 * Words for sources in the pane: status badges, times, byte sizes, progress lines.
 */
import type { SourceDefinition } from '../../model';
import { sourceStatus, type SourceProgress, type SourceStatus } from '../../refresh/sources';

export function statusBadge(status: SourceStatus): { text: string; color: 'success' | 'warning' | 'danger' | 'informative' } {
  switch (status.state) {
    case 'fresh': return { text: 'Up to date', color: 'success' };
    case 'stale': return { text: 'Stale', color: 'danger' };
    case 'needsCredential': return { text: 'Needs your credential', color: 'warning' };
    default: return { text: 'Not loaded yet', color: 'informative' };
  }
}

/** "Mar 4, 05:06" in the user's locale; the ISO text when it does not parse. */
export function whenText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** One line under the source's name saying where it stands. */
export function statusLine(def: SourceDefinition): string {
  const status = sourceStatus(def);
  switch (status.state) {
    case 'fresh': return `Refreshed ${whenText(status.at)}.`;
    case 'stale': return `Refresh failed ${whenText(status.at)}; the table keeps the data from before. ${status.reason}`;
    case 'needsCredential': return `Needs your credential for ${status.host}. ${status.reason}`;
    default: return 'Not loaded yet.';
  }
}

export function bytesText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What the progress bar says, and its value (undefined = indeterminate). */
export function progressText(progress: SourceProgress | undefined): { text: string; value?: number } {
  if (!progress) return { text: 'Connecting…' };
  switch (progress.phase) {
    case 'download': {
      const pages = progress.pages && progress.pages > 1 ? `, page ${progress.pages}` : '';
      const value = progress.totalBytes ? Math.min(1, progress.bytes / progress.totalBytes) : undefined;
      return { text: `Downloading ${bytesText(progress.bytes)}${pages}…`, value };
    }
    case 'parse': return { text: `Reading the data${progress.rows ? ` (${progress.rows.toLocaleString('en-US')} rows)` : ''}…` };
    case 'backup': return { text: 'Keeping a copy of the current table in case something fails…' };
    case 'restore': return { text: 'Something failed; putting the previous table back…' };
    default: {
      const value = progress.totalRows ? progress.rows / progress.totalRows : 1;
      return { text: `Writing ${progress.rows.toLocaleString('en-US')} of ${progress.totalRows.toLocaleString('en-US')} rows · ${bytesText(progress.bytes)} of ${bytesText(progress.totalBytes)}`, value };
    }
  }
}
