import {
  Button, Caption1, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text,
} from '@fluentui/react-components';
import { useMemo, type ReactElement } from 'react';
import type { ColumnType, PullOk } from '../../refresh/sources';
import { displayValue } from '../../engine/format';
import { tooBigToLand } from '../../refresh/queries/web-source-data';
import { usePreviewStyles } from './PreviewTable.styles';
import { useFocusInAndBack } from '../shared/use-focus-in-and-back';

const PREVIEW_ROWS = 100;
const TYPE_LABELS: Record<ColumnType, string> = { text: 'Text', number: 'Number', date: 'Date', boolean: 'True/false' };

export interface PreviewTableProps {
  pull: PullOk;
  label: string;
  /** The user's choice per column (absent = detected). */
  types: Record<string, ColumnType>;
  busy: boolean;
  /** Keep the data out of the sheet: queries pull it directly ("don't land raw rows"). */
  keepOut: boolean;
  onKeepOut(keepOut: boolean): void;
  onType(column: string, type: ColumnType): void;
  onLoad(): void;
  onBack(): void;
  /** Where focus goes when the preview closes (Back, Load): the form's address box, rendered again. */
  returnFocusTo?(): HTMLElement | null | undefined;
}

/**
 * The first 100 rows with the detected column types, which the user can change, then "Load to
 * table" or, kept out of the sheet, "Save for queries" (the only choice above a sheet's rows).
 */
export function PreviewTable({ pull, label, types, busy, keepOut, onKeepOut, onType, onLoad, onBack, returnFocusTo }: PreviewTableProps): ReactElement {
  const styles = usePreviewStyles();
  // Preview replaced the form (and its button): focus moves to the rows, and back to the address after.
  const root = useFocusInAndBack<HTMLElement>(returnFocusTo);
  const shown = Math.min(PREVIEW_ROWS, pull.rowCount);
  // One getter per column reads just the rows shown (table.array() would copy every row: a
  // million values per column, seconds of the pane's time, to show 100 rows).
  const cells = useMemo(() => pull.columns.map((c) => pull.table.getter(c.name) as (row: number) => unknown), [pull]);
  const tooBig = tooBigToLand(pull.rowCount);
  const outside = keepOut || tooBig !== undefined;
  return (
    <section ref={root} className={styles.root} aria-label={`Preview of ${label}`}>
      <Text weight="semibold">Preview of {label}</Text>
      <Caption1>
        {pull.rowCount.toLocaleString('en-US')} rows, {pull.columns.length} columns; showing the first {shown}. Check each column&apos;s type; dates land as Excel dates.
      </Caption1>
      {pull.warnings.map((w) => (
        <MessageBar key={w.code + w.message} intent="warning" layout="multiline"><MessageBarBody>{w.message}</MessageBarBody></MessageBar>
      ))}
      <div className={styles.scroller} tabIndex={0} role="region" aria-label={`First ${shown} rows of ${label}`}>
        <Table size="extra-small" className={styles.table} noNativeElements={false}>
          <TableHeader>
            <TableRow>
              {pull.columns.map((c) => (
                <TableHeaderCell key={c.name} className={styles.headerCell}>
                  <div className={styles.headerStack}>
                    <Text weight="semibold" size={200}>{c.name}</Text>
                    <Select size="small" aria-label={`Type of column ${c.name}`} value={types[c.name] ?? c.type} onChange={(_, d) => onType(c.name, d.value as ColumnType)}>
                      {Object.entries(TYPE_LABELS).map(([k, text]) => <option key={k} value={k}>{text}{k === c.type ? ' (detected)' : ''}</option>)}
                    </Select>
                  </div>
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {Array.from({ length: shown }, (_, r) => (
              <TableRow key={r}>
                {pull.columns.map((c, i) => (
                  <TableCell key={c.name} className={c.type === 'number' ? styles.number : undefined}>{cellText(cells[i]!(r), c.type)}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Field label="Where the data goes" hint={outside ? 'Nothing is written to the sheet; build a query on this source in “Build a query”.' : undefined}>
        <RadioGroup value={outside ? 'queries' : 'table'} onChange={(_, d) => onKeepOut(d.value === 'queries')}>
          <Radio value="table" label="Into an Excel table" disabled={tooBig !== undefined} />
          <Radio value="queries" label="Keep it out of the sheet (queries use it directly)" />
        </RadioGroup>
      </Field>
      {tooBig && <MessageBar intent="info" layout="multiline"><MessageBarBody>{tooBig}</MessageBarBody></MessageBar>}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onLoad} disabled={busy}>{outside ? 'Save for queries' : 'Load to table'}</Button>
        <Button onClick={onBack} disabled={busy}>Back</Button>
      </div>
    </section>
  );
}

function cellText(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return '';
  if (type === 'date' && typeof value === 'number') return displayValue(value, Number.isInteger(value) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm');
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
