import {
  Button, Dropdown, Field, MessageBar, MessageBarBody, MessageBarTitle, Option, ProgressBar, Spinner,
} from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import type { ExtensionMeasure } from '../../engine/pivot-extension';
import type { PaneHost } from '../../excel/host-types';
import { useExtendPivotPanelStyles } from './ExtendPivotPanel.styles';
import { ExtensionCard } from './ExtensionCard';
import { ExtensionFields } from './ExtensionFields';
import { ExtensionResult } from './ExtensionResult';
import { MeasureEditor } from './MeasureEditor';
import { pivotFromKey, pivotKey, pivotLabel } from './pivot-key';
import { PivotQuestionBar } from './PivotQuestionBar';
import { progressWords } from './progress-words';
import { defaultMeasureField } from '../query/measure-choices';
import { SectionStatus } from '../StatusMessages';
import { useExtendPivot } from './use-extend-pivot';

export interface ExtendPivotPanelProps {
  host: PaneHost;
}

/**
 * "Extend a PivotTable": pick a pivot, add measures Excel pivots lack, write them beside it,
 * checked against the numbers Excel shows; list, refresh and remove existing extensions.
 */
export function ExtendPivotPanel({ host }: ExtendPivotPanelProps): ReactElement {
  const styles = useExtendPivotPanelStyles();
  const state = useExtendPivot(host);
  const [measures, setMeasures] = useState<ExtensionMeasure[]>([]);
  // Set when a card's "Add measures" chose the pivot: focus then moves into the Fields pane.
  const [fromCard, setFromCard] = useState(false);
  const { description, run } = state;
  const snapshot = description?.snapshot;
  const blocked = !description || description.problems.length > 0 || measures.length === 0 || run.kind === 'running' || state.readOnly;

  return (
    // The pane's accordion header ("Extend a PivotTable", an h2) titles this panel.
    <div className={styles.root}>
      {!state.canReadDataSource && (
        <MessageBar intent="warning"><MessageBarBody>PivotDeck needs Excel for Microsoft 365, Excel 2024 or Excel on the web (ExcelApi 1.15) to read a PivotTable's source data; volume-licensed Excel 2021 stops at ExcelApi 1.14. Open this workbook in Excel on the web to extend its PivotTables.</MessageBarBody></MessageBar>
      )}
      {state.docMessage && <MessageBar intent="warning"><MessageBarBody>{state.docMessage}</MessageBarBody></MessageBar>}
      <div className={styles.row}>
        <Field label="PivotTable">
          <Dropdown
            placeholder={state.pivots === undefined ? 'Loading…' : state.pivots.length === 0 ? 'No PivotTables in this workbook' : 'Choose a PivotTable'}
            value={state.pivot ? pivotLabel(state.pivot) : ''}
            selectedOptions={state.pivot ? [pivotKey(state.pivot)] : []}
            onOptionSelect={(_, d) => { setMeasures([]); setFromCard(false); void state.choosePivot(d.optionValue === undefined ? undefined : pivotFromKey(d.optionValue)); }}
          >
            {/* Names are unique per sheet only: the key and text carry the sheet too. */}
            {(state.pivots ?? []).map((p) => <Option key={pivotKey(p)} value={pivotKey(p)} text={pivotLabel(p)}>{pivotLabel(p)}</Option>)}
          </Dropdown>
        </Field>
        <Button onClick={() => { setMeasures([]); setFromCard(false); void state.useSelected(); }}>Use selected pivot</Button>
      </div>
      {state.statusAt === 'top' && <SectionStatus state={state.status} />}
      {state.pivotName && !description && !state.error && <Spinner size="tiny" label="Reading the PivotTable…" />}
      {snapshot && (
        <dl className={styles.facts} aria-label="PivotTable fields">
          <dt className={styles.term}>Rows</dt><dd className={styles.detail}>{snapshot.rows.map((f) => f.name).join(', ') || '—'}</dd>
          <dt className={styles.term}>Columns</dt><dd className={styles.detail}>{snapshot.columns.map((f) => f.name).join(', ') || '—'}</dd>
          <dt className={styles.term}>Filters</dt><dd className={styles.detail}>{snapshot.filters.map((f) => f.name).join(', ') || '—'}</dd>
          <dt className={styles.term}>Values</dt><dd className={styles.detail}>{snapshot.data.map((d) => `${d.name} (${d.summarizeBy})`).join(', ') || '—'}</dd>
          <dt className={styles.term}>Source</dt><dd className={styles.detail}>{snapshot.source.text}</dd>
        </dl>
      )}
      {snapshot && snapshot.columns.length > 0 && (
        <p className={styles.note}>This pivot has column fields: new measures are computed per row, across all columns.</p>
      )}
      {description && description.problems.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>PivotDeck cannot extend this pivot</MessageBarTitle>
            {description.problems.map((p) => <div key={p}>{p}</div>)}
          </MessageBarBody>
        </MessageBar>
      )}
      {description && description.problems.length === 0 && state.pivot && (
        <ExtensionFields
          key={`${state.pivot.sheet}!${state.pivot.name}`}
          fields={state.fields}
          extension={state.extension}
          writing={state.writing}
          readOnly={state.readOnly || run.kind === 'running'}
          status={state.statusAt === 'fields' ? state.status : undefined}
          onChange={state.writeValues}
          focusOnOpen={fromCard}
        />
      )}
      {description && description.problems.length === 0 && (
        <>
          <h3 className={styles.subheading}>Several measures at once</h3>
          {/* Started again once the fields are typed, on the first number field. */}
          <MeasureEditor
            key={`${state.pivotName ?? ''}${state.fields ? ':typed' : ''}`}
            fields={description.sourceFields}
            defaultField={state.fields ? defaultMeasureField(state.fields) : undefined}
            measures={measures}
            onChange={setMeasures}
          />
        </>
      )}
      {description && description.problems.length === 0 && (
        <div className={styles.row}>
          <Button appearance="primary" disabled={blocked || state.writing !== undefined} onClick={() => {
              // Written: the drafted measures are in the extension now; pressing Add again must not add them twice.
              void state.addToPivot(measures, { kind: 'beside' }).then((written) => { if (written) setMeasures([]); });
            }}>Add to pivot</Button>
          {run.kind === 'running' && <Button onClick={run.cancel}>Cancel</Button>}
        </div>
      )}
      {run.kind === 'running' && (
        <Field
          validationState="none"
          validationMessage={progressWords(run.progress)}
        >
          <ProgressBar value={run.progress.totalRows ? (run.progress.rowsRead ?? 0) / run.progress.totalRows : undefined} />
        </Field>
      )}
      {run.kind === 'done' && (
        <ExtensionResult
          outcome={run.outcome}
          onPlaceOnSheet={() => void state.addToPivot(run.measures, { kind: 'sheet', sheet: `${run.pivotName} measures`.slice(0, 31) })}
        />
      )}

      <h3 className={styles.subheading}>Extensions in this workbook</h3>
      {state.questions.map((q) => (
        <PivotQuestionBar key={q.extensionId} question={q} busy={state.busyIds.has(q.extensionId)} onAnswer={(sheet) => void state.answerQuestion(q.extensionId, sheet)} />
      ))}
      {state.doc && state.doc.extensions.length === 0 && <p className={styles.note}>None yet.</p>}
      {state.doc && state.doc.extensions.length > 0 && (
        <>
          <div className={styles.row}>
            <Button size="small" disabled={state.busyIds.has('*') || state.readOnly} onClick={() => void state.refreshAll()}>Refresh all</Button>
          </div>
          <ul className={styles.list}>
            {state.doc.extensions.map((ext) => (
              <ExtensionCard
                key={ext.id}
                ext={ext}
                busy={state.busyIds.has(ext.id) || state.busyIds.has('*')}
                readOnly={state.readOnly}
                notice={state.notices.get(ext.id)}
                onRefresh={() => void state.refreshOne(ext.id)}
                onRemove={() => void state.remove(ext.id)}
                onEdit={(edit, done) => void state.edit(ext.id, edit, done)}
                onAutoRefresh={(on) => void state.setAutoRefresh(ext.id, on)}
                onAddMeasures={() => {
                  if (ext.pivotSheet === undefined) return;
                  setMeasures([]);
                  setFromCard(true);
                  void state.choosePivot({ sheet: ext.pivotSheet, name: ext.pivotName });
                }}
              />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
