/**
 * The query builder's UI state as one reducer (as in Redux/Elm): the chosen source, the draft,
 * where the output goes, the run under way and the saved-query list's busy marks and messages.
 * Pure, so every transition is unit-tested without React; the hook (use-query-builder.ts) only
 * dispatches and calls the use-cases (QueryCoordinator, resolveSourceChoice and the reads of
 * src/refresh/queries/source-fields.ts). The lists the dropdown offers, the document as last
 * saved and the activity under way are state here too, so the hook holds no other state.
 */
import type { QuerySpec } from '../../engine';
import type { OutputLayout, OutputTarget } from '../../excel/query-output';
import type { TableInfo } from '../../excel/workbook-info';
import type { OpenResult, PivotDeckDocument } from '../../model';
import type { QueryOutcome, QueryProgress } from '../../refresh/queries';
import type { FieldInfo } from './field-info';
import { sourceRefOfAnyChoice } from './source-choice';
import { draftToSpec, EMPTY_DRAFT, type Draft } from './spec-draft';
import { webChoice } from './web-source-choice';

export type SourceState =
  | { status: 'idle' }
  | { status: 'loading'; table: string }
  | { status: 'ready'; table: string; fields: FieldInfo[]; totalRows: number }
  | { status: 'error'; table: string; message: string };

export type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; what: string }
  | { kind: 'done'; outcome: QueryOutcome; what: string };

export interface Placement {
  kind: 'newSheet' | 'at';
  sheet: string;
  cell: string;
}

/** An insert, save or refresh under way: where the pane shows it, and how far it is. */
export interface Activity {
  where: 'builder' | 'list';
  what: string;
  progress?: QueryProgress;
}

export interface BuilderState {
  /** The workbook's tables for the source dropdown; undefined until read. */
  tables: TableInfo[] | undefined;
  /** The document as opened (read-only, or with a message about an older or damaged one). */
  opened: OpenResult | undefined;
  /** The document as last saved, from whichever part of PivotDeck saved it. */
  doc: PivotDeckDocument | undefined;
  /** The insert, save or refresh under way. */
  activity: Activity | undefined;
  source: SourceState;
  draft: Draft;
  label: string;
  layout: OutputLayout;
  placement: Placement;
  /** The saved query being edited; undefined while building a new one. */
  editingId: string | undefined;
  run: RunState;
  /** Saved queries with an action under way ('*' for "Refresh all"). */
  busyIds: ReadonlySet<string>;
  /** The workbook's tables and saved queries could not be read (cleared when they are). */
  loadError: string | undefined;
  /**
   * The saved-query list's one current message (issue 16 part 8): a failed rename, delete or
   * edit, or a cancelled refresh. A newer action in the section replaces it.
   */
  listStatus: ListStatus | undefined;
  /** Goes up when the chosen source's rows were read again after a refresh (previews follow). */
  sourceVersion: number;
}

/** The saved-query list's message about its latest action. */
export interface ListStatus {
  intent: 'error' | 'info';
  text: string;
}

export type BuilderAction =
  | { type: 'listsLoaded'; tables: TableInfo[]; opened: OpenResult }
  | { type: 'document'; doc: PivotDeckDocument }
  | { type: 'activity'; activity: Activity | undefined }
  | { type: 'choose'; table: string | undefined; keepDraft: boolean }
  | { type: 'sourceReady'; table: string; fields: FieldInfo[]; totalRows: number }
  | { type: 'sourceFailed'; table: string; message: string }
  | { type: 'sourceRefreshed'; table: string; fields: FieldInfo[]; totalRows: number }
  | { type: 'draft'; draft: Draft }
  | { type: 'label'; label: string }
  | { type: 'layout'; layout: OutputLayout }
  | { type: 'placement'; placement: Placement }
  | { type: 'runStarted'; what: string }
  | { type: 'runDone'; what: string; outcome: QueryOutcome }
  | { type: 'inserted'; id: string; label: string }
  | { type: 'editing'; id: string; label: string; draft: Draft; layout: OutputLayout }
  | { type: 'startNew' }
  | { type: 'busy'; id: string; on: boolean }
  | { type: 'loadError'; message: string }
  | { type: 'listStatus'; status: ListStatus | undefined }
  | { type: 'renamed'; id: string; label: string }
  | { type: 'removed'; id: string };

export const INITIAL_BUILDER: BuilderState = {
  tables: undefined,
  opened: undefined,
  doc: undefined,
  activity: undefined,
  source: { status: 'idle' },
  draft: EMPTY_DRAFT,
  label: '',
  layout: 'grid',
  placement: { kind: 'newSheet', sheet: '', cell: 'A1' },
  editingId: undefined,
  run: { kind: 'idle' },
  busyIds: new Set(),
  loadError: undefined,
  listStatus: undefined,
  sourceVersion: 0,
};

/**
 * @example builderReducer(INITIAL_BUILDER, { type: 'choose', table: 'Sales', keepDraft: false }).source // { status: 'loading', table: 'Sales' }
 */
export function builderReducer(state: BuilderState, action: BuilderAction): BuilderState {
  switch (action.type) {
    case 'listsLoaded':
      return { ...state, tables: action.tables, opened: action.opened, doc: action.opened.document, loadError: undefined };
    case 'document':
      return { ...state, doc: action.doc };
    case 'activity':
      return { ...state, activity: action.activity };
    case 'choose': {
      const fresh = action.keepDraft ? {} : { draft: EMPTY_DRAFT, editingId: undefined };
      if (!action.table) return { ...state, ...fresh, source: { status: 'idle' } };
      const place = action.keepDraft ? {} : { label: '', placement: { ...state.placement, sheet: '' } };
      return { ...state, ...fresh, ...place, source: { status: 'loading', table: action.table } };
    }
    case 'sourceReady':
    case 'sourceFailed':
      // A late answer for a source no longer chosen is dropped.
      if (state.source.status !== 'loading' || state.source.table !== action.table) return state;
      return {
        ...state,
        source: action.type === 'sourceReady'
          ? { status: 'ready', table: action.table, fields: action.fields, totalRows: action.totalRows }
          : { status: 'error', table: action.table, message: action.message },
      };
    case 'sourceRefreshed':
      // Only the source still chosen and shown; its fields and count may have changed.
      if (state.source.status !== 'ready' || state.source.table !== action.table) return state;
      return { ...state, source: { ...state.source, fields: action.fields, totalRows: action.totalRows }, sourceVersion: state.sourceVersion + 1 };
    case 'draft':
      return { ...state, draft: action.draft };
    case 'label':
      return { ...state, label: action.label };
    case 'layout':
      return { ...state, layout: action.layout };
    case 'placement':
      return { ...state, placement: action.placement };
    case 'runStarted':
      // One current status per section: an insert or save replaces the list's older message.
      return { ...state, run: { kind: 'running', what: action.what }, listStatus: undefined };
    case 'runDone':
      return { ...state, run: { kind: 'done', what: action.what, outcome: action.outcome } };
    case 'inserted':
      return { ...state, editingId: action.id, label: action.label };
    case 'editing':
      return {
        ...state, editingId: action.id, label: action.label, draft: action.draft, layout: action.layout,
        placement: { kind: 'newSheet', sheet: '', cell: 'A1' }, run: { kind: 'idle' },
      };
    case 'startNew':
      return { ...state, editingId: undefined, draft: EMPTY_DRAFT, label: '', run: { kind: 'idle' } };
    case 'busy': {
      const busyIds = new Set(state.busyIds);
      if (action.on) busyIds.add(action.id);
      else busyIds.delete(action.id);
      if (!action.on) return { ...state, busyIds };
      // A list action starts: the list's older message and the builder's last "Written" or
      // "Nothing was written" give way, so only the newest outcome is on show.
      return { ...state, busyIds, listStatus: undefined, run: state.run.kind === 'done' ? { kind: 'idle' } : state.run };
    }
    case 'loadError':
      return { ...state, loadError: action.message };
    case 'listStatus':
      return { ...state, listStatus: action.status };
    case 'renamed':
      return action.id === state.editingId ? { ...state, label: action.label.trim() } : state;
    case 'removed':
      return action.id === state.editingId ? { ...state, editingId: undefined, draft: EMPTY_DRAFT } : state;
  }
}

/**
 * The spec the draft describes on the chosen source, once it has a value to compute.
 * @example specOf(state)?.source // { kind: 'table', name: 'Sales' }
 */
export function specOf(state: Pick<BuilderState, 'source' | 'draft'>): QuerySpec | undefined {
  if (state.source.status !== 'ready' || state.draft.measures.length === 0) return undefined;
  return draftToSpec(sourceRefOfAnyChoice(state.source.table), state.draft, state.source.fields.map((f) => f.name));
}

/**
 * The name a query gets when the user typed none: its first values and its rows.
 * @example defaultQueryLabel(spec) // 'Revenue by Region × Year'
 */
export function defaultQueryLabel(spec: QuerySpec): string {
  return `${spec.measures.map((m) => m.label ?? m.id).slice(0, 2).join(', ')} by ${[...spec.rows, ...(spec.columns ?? [])].join(' × ') || 'total'}`.slice(0, 120);
}

/**
 * Where the output goes: a new sheet (named as typed, else after the query) or a cell.
 * @example outputTarget({ kind: 'newSheet', sheet: '', cell: 'A1' }, 'By region') // { kind: 'newSheet', sheet: 'By region' }
 */
export function outputTarget(placement: Placement, name: string): OutputTarget {
  return placement.kind === 'newSheet'
    ? { kind: 'newSheet', sheet: placement.sheet.trim() || name }
    : { kind: 'at', sheet: placement.sheet, cell: placement.cell };
}

/**
 * What a PivotDeck refresh of a builder choice changes in the document: the pull record of the
 * kept-out web source it names, or of the sources landed into the workbook table it names. When
 * this changes while the choice is shown, the builder reads the rows again so its preview follows
 * the refresh (issue 16 part 8). Other document changes (a query inserted) leave it alone.
 * @example sourceRefreshStamp('Orders', doc) // '[["src1","2026-12-07T09:00:00Z",…]]'
 */
export function sourceRefreshStamp(choice: string, doc: PivotDeckDocument | undefined): string {
  const feeding = (doc?.sources ?? []).filter((s) => webChoice(s.id) === choice || s.landing?.tableName === choice);
  return JSON.stringify(feeding.map((s) => [s.id, s.lastRefresh?.at ?? null, s.lastRefresh?.ok ?? null, s.lastPull?.rows ?? null, s.lastPull?.etag ?? null]));
}
