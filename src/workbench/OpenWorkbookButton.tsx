/**
 * "Open workbook…": loads a real .xlsx / .xlsm (file picker, or a file dropped anywhere on the
 * workbench) with the xlsx loader and hands the model to the workbench, which swaps the
 * simulator. What the loader left out (charts, macros ...) or why it refused the file is shown
 * beside the button.
 */
import * as React from 'react';
import { Button } from '@fluentui/react-components';
import { DismissRegular, FolderOpenRegular } from '@fluentui/react-icons';
import type { WorkbookModel } from '../simulator/model';
import { XlsxLoadError, type LoadNotice } from '../simulator/xlsx';
import { CancelledLoad, loadWorkbookFile, type WorkbookLoad } from './load-workbook-file';
import { useOpenWorkbookStyles } from './OpenWorkbookButton.styles';

export interface OpenWorkbookButtonProps {
  onOpen(model: WorkbookModel): void;
}

const ACCEPT = '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; file: string; step?: string }
  | { kind: 'opened'; file: string; notices: LoadNotice[] }
  | { kind: 'failed'; file: string; message: string };

export function OpenWorkbookButton({ onOpen }: OpenWorkbookButtonProps): React.JSX.Element {
  const styles = useOpenWorkbookStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [status, setStatus] = React.useState<Status>({ kind: 'idle' });
  // The latest onOpen, so the window drop listener registered once never calls a stale one.
  const onOpenRef = React.useRef(onOpen);
  onOpenRef.current = onOpen;

  // The load in flight (in a worker), so Cancel can stop it and a newer file replaces it.
  const loading = React.useRef<WorkbookLoad | null>(null);
  const superseded = React.useRef<() => void>(() => {});

  const open = React.useCallback(async (file: File) => {
    if (!/\.xls[xm]$/i.test(file.name)) {
      setStatus({ kind: 'failed', file: file.name, message: 'only .xlsx and .xlsm workbooks can be opened' });
      return;
    }
    superseded.current();
    setStatus({ kind: 'busy', file: file.name });
    // A worker-less load reports its first steps synchronously, before `load` exists: `mine`
    // tells this load's steps from a replaced one's either way.
    const mine = { current: true };
    loading.current?.cancel();
    const load = loadWorkbookFile(await file.arrayBuffer(), file.name, (step) => {
      if (mine.current) setStatus({ kind: 'busy', file: file.name, step });
    });
    loading.current = load;
    superseded.current = () => { mine.current = false; };
    try {
      const { model, notices } = await load.result;
      onOpenRef.current(model);
      setStatus({ kind: 'opened', file: file.name, notices });
    } catch (e) {
      if (e instanceof CancelledLoad) {
        if (loading.current === load) setStatus({ kind: 'idle' });
        return;
      }
      const message = e instanceof XlsxLoadError ? e.message : `unexpected error: ${e instanceof Error ? e.message : String(e)}`;
      setStatus({ kind: 'failed', file: file.name, message });
    } finally {
      if (loading.current === load) loading.current = null;
    }
  }, []);

  // A load still running when the workbench goes away is stopped with it.
  React.useEffect(() => () => loading.current?.cancel(), []);

  React.useEffect(() => {
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const onDragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer!.files[0];
      if (file) void open(file);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [open]);

  const onChange = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Reset so choosing the same file again still fires change.
    e.target.value = '';
    if (file) void open(file);
  };

  return (
    <div className={styles.root}>
      <input
        ref={input}
        className={styles.input}
        type="file"
        accept={ACCEPT}
        onChange={onChange}
        tabIndex={-1}
        aria-hidden="true"
        data-testid="open-workbook-input"
      />
      <Button
        appearance="secondary"
        size="small"
        icon={<FolderOpenRegular />}
        disabled={status.kind === 'busy'}
        onClick={() => input.current?.click()}
        title="Open an .xlsx or .xlsm file, or drop one anywhere on the page"
      >
        Open workbook…
      </Button>
      <span className={styles.status} role="status" title={statusDetail(status)} data-testid="open-workbook-status">
        {statusText(status)}
      </span>
      {status.kind === 'busy' && (
        <Button appearance="secondary" size="small" icon={<DismissRegular />} onClick={() => loading.current?.cancel()}>
          Cancel
        </Button>
      )}
    </div>
  );
}

function statusText(status: Status): string {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'busy':
      return status.step ? `Opening ${status.file}: ${status.step.charAt(0).toLowerCase()}${status.step.slice(1)}…` : `Opening ${status.file}…`;
    case 'opened':
      return status.notices.length
        ? `Opened ${status.file}; ${status.notices.length} item${status.notices.length === 1 ? '' : 's'} not simulated`
        : `Opened ${status.file}`;
    case 'failed':
      return `Could not open ${status.file}: ${status.message}`;
  }
}

/** The full notice list, for the tooltip. */
function statusDetail(status: Status): string | undefined {
  if (status.kind !== 'opened' || status.notices.length === 0) return undefined;
  return status.notices.map((n) => (n.part ? `${n.part}: ${n.message}` : n.message)).join('\n');
}
