import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import type { PivotQuestion } from '../../refresh/extensions/pivot-choices';

export interface PivotQuestionBarProps {
  question: PivotQuestion;
  busy: boolean;
  onAnswer(sheet: string): void;
}

/**
 * Asked once for an extension saved by an older PivotDeck whose PivotTable name is now held by
 * pivots on more than one sheet: which one the columns belong to. The answer is saved.
 */
export function PivotQuestionBar({ question, busy, onAnswer }: PivotQuestionBarProps): ReactElement {
  const [sheet, setSheet] = useState<string | undefined>();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{`Which "${question.pivotName}" do these columns belong to?`}</MessageBarTitle>
        {`PivotDeck added ${question.measures} to a PivotTable named "${question.pivotName}", and ${question.sheets.length} sheets now have one. Choose its sheet once; PivotDeck remembers it.`}
        <Field label="Sheet of the PivotTable">
          <RadioGroup value={sheet ?? ''} onChange={(_, d) => setSheet(d.value)}>
            {question.sheets.map((s) => <Radio key={s} value={s} label={`${question.pivotName} (${s})`} />)}
          </RadioGroup>
        </Field>
        <Button size="small" appearance="primary" disabled={busy || sheet === undefined} onClick={() => { if (sheet !== undefined) onAnswer(sheet); }}>Use this PivotTable</Button>
      </MessageBarBody>
    </MessageBar>
  );
}
