import {
  Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, mergeClasses,
} from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { TablePreview } from '../excel/workbook-info';
import { displayValue, isNumericCell } from '../engine/format';
import { previewCaption } from './pane-text';
import { ErrorMessage, Loading } from './StatusMessages';
import { useTablePreviewStyles } from './TablePreviewSection.styles';
import type { PreviewState } from './use-table-preview';

/** The preview area under the table list: loading, error, or the grid. */
export function TablePreviewSection({ state }: { state: PreviewState }): ReactElement | null {
  if (state.status === 'idle') return null;
  if (state.status === 'loading') return <Loading label={`Reading the first rows of ${state.table}…`} />;
  if (state.status === 'error') return <ErrorMessage title={`Preview of ${state.table} failed`} message={state.message} />;
  return <PreviewGrid preview={state.preview} />;
}

function PreviewGrid({ preview }: { preview: TablePreview }): ReactElement {
  const styles = useTablePreviewStyles();
  const headingId = `pivotdeck-preview-${preview.table}`;
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>{`Preview of ${preview.table}`}</h3>
      <Caption1 className={styles.caption}>{`${previewCaption(preview.rows.length, preview.totalRows)} · sheet ${preview.sheet}`}</Caption1>
      {/* Focusable so keyboard users can scroll a preview wider than the pane. */}
      <div className={styles.scroller} tabIndex={0} role="region" aria-label={`Preview of ${preview.table}, scrollable`}>
        <Table size="extra-small" className={styles.table} aria-label={`First rows of ${preview.table}`}>
          <TableHeader>
            <TableRow>
              {preview.headers.map((header, c) => (
                <TableHeaderCell key={c} className={styles.headerCell}>{header}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {preview.rows.map((row, r) => (
              <TableRow key={r}>
                {row.map((value, c) => {
                  const text = displayValue(value, preview.numberFormats[r]?.[c]);
                  return (
                    <TableCell
                      key={c}
                      className={mergeClasses(styles.cell, isNumericCell(value) && styles.number)}
                      title={text}
                    >
                      {text}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
