import { mergeClasses, Spinner } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { displayValue, isNumericCell } from '../../engine/format';
import { ErrorMessage } from '../StatusMessages';
import { useQueryPreviewStyles } from './QueryPreview.styles';
import type { PreviewState } from './use-live-preview';

const isTotalLabel = (v: unknown) => typeof v === 'string' && (v === 'Grand Total' || v.endsWith(' Total'));

/** The first rows of the result, formatted as Excel will show them. */
export function QueryPreview({ state }: { state: PreviewState }): ReactElement | null {
  const styles = useQueryPreviewStyles();
  if (state.status === 'empty') return null;
  if (state.status === 'error') return <ErrorMessage title="This query cannot run yet" message={state.message} />;
  if (state.status === 'computing') return <Spinner size="tiny" label="Computing the preview…" labelPosition="after" />;
  const shown = state.values.length - state.header;
  return (
    <section className={styles.root} aria-label="Preview">
      <span className={styles.caption} aria-live="polite">
        {`Preview: first ${shown} of ${state.totalRows.toLocaleString('en-US')} rows · ${state.keptRows.toLocaleString('en-US')} of ${state.sourceRows.toLocaleString('en-US')} source rows used`}
      </span>
      <div className={styles.scroller} tabIndex={0} role="region" aria-label="Preview of the result, scrollable">
        <table className={styles.table} aria-label="First rows of the result">
          <tbody>
            {state.values.map((row, r) => {
              const total = r >= state.header && isTotalLabel(row[0]);
              return (
                <tr key={r}>
                  {row.map((v, c) => {
                    const Cell = r < state.header ? 'th' : 'td';
                    return (
                      <Cell
                        key={c}
                        scope={r < state.header ? 'col' : undefined}
                        className={mergeClasses(styles.cell, r < state.header && styles.header, isNumericCell(v) && styles.number, total && styles.total)}
                      >
                        {displayValue(v, state.formats[r]?.[c])}
                      </Cell>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
