/**
 * The "New dashboard" (and "Edit") flow's UI state as one reducer: the source choices, the chosen
 * source and its fields, the template, the tiles, the name and the refresh options. Pure, so each
 * transition is unit-tested without React; the hook (use-new-dashboard.ts) dispatches and calls
 * the use-cases (fieldsOfChoice, the templates).
 */
import type { DashboardField, Tile } from '../../dashboards';
import type { SourceChoice } from './source-choices';
import type { GalleryId } from './template-gallery-items';
import type { HistoryOptions } from '../../model';

export type Step = 'source' | 'template' | 'tiles';

export type FieldsState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; fields: DashboardField[] }
  | { status: 'error'; message: string };

/** Refresh options of a dashboard as the form holds them. */
export interface RefreshOptionsDraft {
  refreshOnOpen: boolean;
  everyOn: boolean;
  everyMinutes: string;
  /** Keep history (issue 17): null or absent = off. */
  history?: HistoryOptions | null;
}

export interface NewDashboardState {
  step: Step;
  choices: SourceChoice[] | undefined;
  choicesError: string | undefined;
  choice: SourceChoice | undefined;
  fields: FieldsState;
  template: GalleryId | undefined;
  templateError: string | undefined;
  tiles: Tile[];
  label: string;
  options: RefreshOptionsDraft;
  /** The dashboard being edited; undefined while building a new one. */
  editingId: string | undefined;
}

export type NewDashboardAction =
  | { type: 'choices'; choices: SourceChoice[] }
  | { type: 'choicesFailed'; message: string }
  | { type: 'choose'; choice: SourceChoice | undefined; fields: FieldsState }
  | { type: 'fields'; choice: SourceChoice; fields: FieldsState }
  | { type: 'template'; template: GalleryId; tiles: Tile[]; label: string }
  | { type: 'templateFailed'; message: string }
  | { type: 'step'; step: Step }
  | { type: 'tiles'; tiles: Tile[] }
  | { type: 'label'; label: string }
  | { type: 'options'; options: RefreshOptionsDraft }
  | { type: 'reset' }
  | { type: 'edit'; id: string; tiles: Tile[]; label: string; options: RefreshOptionsDraft };

export const DEFAULT_REFRESH_OPTIONS: RefreshOptionsDraft = { refreshOnOpen: false, everyOn: false, everyMinutes: '15' };

export const INITIAL_NEW_DASHBOARD: NewDashboardState = {
  step: 'source', choices: undefined, choicesError: undefined, choice: undefined, fields: { status: 'idle' },
  template: undefined, templateError: undefined, tiles: [], label: '', options: DEFAULT_REFRESH_OPTIONS, editingId: undefined,
};

/**
 * @example newDashboardReducer(INITIAL_NEW_DASHBOARD, { type: 'label', label: 'Sales' }).label // 'Sales'
 */
export function newDashboardReducer(state: NewDashboardState, action: NewDashboardAction): NewDashboardState {
  switch (action.type) {
    case 'choices':
      return { ...state, choices: action.choices };
    case 'choicesFailed':
      return { ...state, choicesError: action.message };
    case 'choose':
      return { ...state, choice: action.choice, fields: action.fields, template: undefined, templateError: undefined };
    case 'fields':
      // A late answer for a source no longer chosen is dropped.
      return state.choice === action.choice ? { ...state, fields: action.fields } : state;
    case 'template':
      return { ...state, template: action.template, tiles: action.tiles, label: action.label, templateError: undefined, step: 'tiles' };
    case 'templateFailed':
      return { ...state, templateError: action.message };
    case 'step':
      return { ...state, step: action.step };
    case 'tiles':
      return { ...state, tiles: action.tiles };
    case 'label':
      return { ...state, label: action.label };
    case 'options':
      return { ...state, options: action.options };
    case 'reset':
      return { ...INITIAL_NEW_DASHBOARD, choices: state.choices, choicesError: state.choicesError };
    case 'edit':
      return {
        ...INITIAL_NEW_DASHBOARD, choices: state.choices, choicesError: state.choicesError,
        editingId: action.id, tiles: action.tiles, label: action.label, options: action.options,
      };
  }
}

/**
 * Minutes from the form, or a message saying what to type.
 * @example everyMinutes({ refreshOnOpen: false, everyOn: true, everyMinutes: '15' }) // { minutes: 15 }
 */
export function everyMinutes(o: RefreshOptionsDraft): { minutes?: number; problem?: string } {
  if (!o.everyOn) return {};
  const n = Number(o.everyMinutes.trim());
  if (!Number.isInteger(n) || n < 1 || n > 1440) return { problem: 'Type a whole number of minutes from 1 to 1440 (a day).' };
  return { minutes: n };
}
