import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text,
} from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { ColumnRemovalCheck } from '../../excel/land';
import { useColumnRemovalDialogStyles } from './ColumnRemovalDialog.styles';
import type { RemovalQuestion } from './use-column-removal-question';

/** Formulas listed one by one; the rest are counted. */
const SHOWN = 12;

const quoted = (names: readonly string[]) => {
  const q = names.map((n) => `“${n}”`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
};

/** The question's lead sentence, e.g. 'The new data for the source “Orders” no longer has the column “Units”.' */
export function removalLead(check: ColumnRemovalCheck, what: string): string {
  const one = check.columns.length === 1;
  return `The new data for ${what} no longer has the column${one ? '' : 's'} ${quoted(check.columns)}. Refreshing removes ${one ? 'it' : 'them'} from the table “${check.table}”, and what uses ${one ? 'it' : 'them'} breaks for good:`;
}

export interface ColumnRemovalDialogProps {
  question: RemovalQuestion | undefined;
  onAnswer(go: boolean): void;
}

/**
 * Asks before a refresh removes table columns that the user's formulas or PivotTables use, and
 * names them: each formula with its sheet!cell, each PivotTable with its sheet. "Keep the table
 * as it is" changes nothing; "Remove and refresh" goes ahead. Closing the dialog is "keep".
 *
 * @example <ColumnRemovalDialog question={removal.question} onAnswer={removal.answer} />
 */
export function ColumnRemovalDialog({ question, onAnswer }: ColumnRemovalDialogProps): ReactElement | null {
  const styles = useColumnRemovalDialogStyles();
  if (!question) return null;
  const { check, what } = question;
  const one = check.columns.length === 1;
  const more = check.uses.length - SHOWN;
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => { if (!data.open) onAnswer(false); }}>
      <DialogSurface className={styles.surface} aria-describedby="pd-removal-lead">
        <DialogBody>
          <DialogTitle>{`Refreshing would break ${check.uses.length + check.pivots.length === 1 ? 'something' : 'things'} you built`}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text id="pd-removal-lead">{removalLead(check, what)}</Text>
            {check.uses.length > 0 && (
              <ul className={styles.list} aria-label="Formulas that would show #REF!">
                {check.uses.slice(0, SHOWN).map((u) => (
                  <li key={`${u.where} ${u.column}`}>
                    {`${u.where} `}<span className={styles.formula}>{u.formula}</span>{` would show #REF!`}
                  </li>
                ))}
                {more > 0 && <li>{`and ${more} more formula${more === 1 ? '' : 's'}`}</li>}
              </ul>
            )}
            {check.pivots.length > 0 && (
              <ul className={styles.list} aria-label="PivotTables that would lose a field">
                {check.pivots.map((p) => (
                  <li key={`${p.sheet}!${p.pivot}`}>
                    {`The PivotTable ${p.pivot} on ${p.sheet} ${p.onTable ? 'loses' : 'may lose'} its field${p.columns.length === 1 ? '' : 's'} ${quoted(p.columns)} at its next refresh.`}
                  </li>
                ))}
              </ul>
            )}
            {!check.complete && (
              <Text>The workbook is too large for PivotDeck to read every formula: others may use {one ? 'the column' : 'these columns'} too.</Text>
            )}
            <Text>Keep the table as it is to change nothing; you can then fix those formulas, or ask for the data to keep {one ? 'the column' : 'the columns'}.</Text>
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button appearance="primary" onClick={() => onAnswer(false)}>Keep the table as it is</Button>
            <Button onClick={() => onAnswer(true)}>{`Remove ${one ? 'the column' : 'the columns'} and refresh`}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
