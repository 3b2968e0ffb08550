/**
 * "Open workbook…": loads a real .xlsx / .xlsm (file picker, or a file dropped anywhere on the
 * workbench) with the xlsx loader and hands the model to the workbench, which swaps the
 * simulator. What the loader left out (charts, macros ...) or why it refused the file is shown
 * beside the button.
 */
import * as React from 'react';
import { Button } from '@fluentui/react-components';
import { FolderOpenRegular } from '@fluentui/react-icons';
import type { WorkbookModel } from '../simulator/model';
import { loadXlsx, XlsxLoadError, type LoadNotice } from '../simulator/xlsx';
import { useOpenWorkbookStyles } from './OpenWorkbookButton.styles';

export interface OpenWorkbookButtonProps {
  onOpen(model: WorkbookModel): void;
}

const ACCEPT = '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; file: string }
  | { kind: 'opened'; file: string; notices: LoadNotice[] }
  | { kind: 'failed'; file: string; message: string };

export function OpenWorkbookButton({ onOpen }: OpenWorkbookButtonProps): React.JSX.Element {
  const styles = useOpenWorkbookStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [status, setStatus] = React.useState<Status>({ kind: 'idle' });
  // The latest onOpen, so the window drop listener registered once never calls a stale one.
  const onOpenRef = React.useRef(onOpen);
  onOpenRef.current = onOpen;

  const open = React.useCallback(async (file: File) => {
    if (!/\.xls[xm]$/i.test(file.name)) {
      setStatus({ kind: 'failed', file: file.name, message: 'only .xlsx and .xlsm workbooks can be opened' });
      return;
    }
    setStatus({ kind: 'busy', file: file.name });
    try {
      const { model, notices } = await loadXlsx(new Uint8Array(await file.arrayBuffer()), { fileName: file.name });
      onOpenRef.current(model);
      setStatus({ kind: 'opened', file: file.name, notices });
    } catch (e) {
      const message = e instanceof XlsxLoadError ? e.message : `unexpected error: ${e instanceof Error ? e.message : String(e)}`;
      setStatus({ kind: 'failed', file: file.name, message });
    }
  }, []);

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
    </div>
  );
}

function statusText(status: Status): string {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'busy':
      return `Opening ${status.file}…`;
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
