import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle,
} from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  /** The button that does it ("Remove"), named for what it does. */
  confirm: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Asks before something that cannot be undone from the pane. Fluent's Dialog moves focus into
 * it on open and back to the button that opened it on close.
 */
export function ConfirmDialog({ open, title, children, confirm, onConfirm, onCancel }: ConfirmDialogProps): ReactElement {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => { if (!d.open) onCancel(); }}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>{confirm}</Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
