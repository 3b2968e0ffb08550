import { useCallback, useEffect, useReducer, useRef } from 'react';
import { buildFromTemplate, parseTiles, proposeStarterLayout, type Tile } from '../../dashboards';
import type { PaneHost } from '../../excel/host-types';
import type { PivotDeckDocument } from '../../model';
import { dashboardTables } from '../../refresh/dashboards';
import { INITIAL_NEW_DASHBOARD, newDashboardReducer, type FieldsState, type RefreshOptionsDraft, type Step } from './new-dashboard-state';
import { fieldsOfChoice, sourceChoices, type SourceChoice } from './source-choices';
import type { GalleryId } from './template-gallery-items';

export { everyMinutes, type FieldsState, type RefreshOptionsDraft, type Step } from './new-dashboard-state';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The "New dashboard" (and "Edit") flow: pick a source, pick a template, edit the proposed
 * tiles, name it and choose when it refreshes. Editing starts at the tiles step with the
 * dashboard's stored tiles. The state is a reducer (new-dashboard-state.ts); reading a source's
 * fields is the fieldsOfChoice use-case.
 */
export function useNewDashboard(host: PaneHost, doc: PivotDeckDocument | undefined) {
  const [state, dispatch] = useReducer(newDashboardReducer, INITIAL_NEW_DASHBOARD);
  const request = useRef(0);

  useEffect(() => {
    let live = true;
    dashboardTables(host.run)
      .then((tables) => { if (live) dispatch({ type: 'choices', choices: sourceChoices(tables, doc) }); })
      .catch((e: unknown) => { if (live) dispatch({ type: 'choicesFailed', message: errorText(e) }); });
    return () => { live = false; };
  }, [host, doc]);

  const chooseSource = useCallback(async (next: SourceChoice | undefined) => {
    const mine = ++request.current;
    const first: FieldsState = !next ? { status: 'idle' } : next.fields ? { status: 'ready', fields: next.fields } : next.ref.kind === 'table' ? { status: 'loading' } : { status: 'error', message: next.unavailable ?? 'PivotDeck cannot read this source’s columns.' };
    dispatch({ type: 'choose', choice: next, fields: first });
    if (!next || first.status !== 'loading') return;
    try {
      const fields = await fieldsOfChoice(host.run, next);
      if (mine === request.current) dispatch({ type: 'fields', choice: next, fields: { status: 'ready', fields } });
    } catch (e) {
      if (mine === request.current) dispatch({ type: 'fields', choice: next, fields: { status: 'error', message: errorText(e) } });
    }
  }, [host]);

  const { choice, fields, choices } = state;
  /** Proposes the tiles of a template and moves on to editing them. */
  const chooseTemplate = useCallback((id: GalleryId, templateLabel: string) => {
    if (!choice || fields.status !== 'ready') return;
    try {
      const proposed = id === 'starter' ? proposeStarterLayout(choice.ref, fields.fields) : buildFromTemplate(id, choice.ref, fields.fields);
      dispatch({ type: 'template', template: id, tiles: proposed, label: id === 'starter' ? `${choice.label} dashboard` : templateLabel });
    } catch (e) {
      dispatch({ type: 'templateFailed', message: errorText(e) });
    }
  }, [choice, fields]);

  /** Starts over for a new dashboard. */
  const reset = useCallback(() => {
    request.current++;
    dispatch({ type: 'reset' });
  }, []);

  /** Opens a stored dashboard for editing; returns why it cannot be edited, if it cannot. */
  const edit = useCallback(async (id: string): Promise<string | undefined> => {
    const def = doc?.dashboards.find((d) => d.id === id);
    if (!def) return 'This dashboard is no longer in the workbook.';
    const parsed = parseTiles(def.tiles);
    if (parsed.problems.length > 0) return `Some tiles cannot be read, so editing could lose them: ${parsed.problems.map((p) => p.message).join('; ')}`;
    request.current++;
    dispatch({
      type: 'edit', id, tiles: parsed.tiles, label: def.label,
      options: { refreshOnOpen: def.refreshOnOpen === true, everyOn: def.refreshEveryMinutes !== undefined, everyMinutes: String(def.refreshEveryMinutes ?? 15), history: def.history ?? null },
    });
    // The fields of the first computed tile's source, for "Add a tile" and the dropdown choices.
    const source = parsed.tiles.find((t) => t.kind !== 'header' && 'source' in t);
    if (source && 'source' in source) {
      const known = (choices ?? []).find((c) => JSON.stringify(c.ref) === JSON.stringify(source.source));
      const fallback: SourceChoice = { key: 'edit', label: source.source.kind === 'table' ? source.source.name : 'source', detail: '', ref: source.source, group: 'workbook' };
      await chooseSource(known ?? fallback);
    }
    dispatch({ type: 'step', step: 'tiles' });
    return undefined;
  }, [choices, chooseSource, doc]);

  const setStep = useCallback((step: Step) => dispatch({ type: 'step', step }), []);
  const setTiles = useCallback((tiles: Tile[]) => dispatch({ type: 'tiles', tiles }), []);
  const setLabel = useCallback((label: string) => dispatch({ type: 'label', label }), []);
  const setOptions = useCallback((options: RefreshOptionsDraft) => dispatch({ type: 'options', options }), []);

  return {
    step: state.step, setStep, choices, choicesError: state.choicesError, choice, chooseSource, fields, template: state.template, templateError: state.templateError, chooseTemplate,
    tiles: state.tiles, setTiles, label: state.label, setLabel, options: state.options, setOptions, editingId: state.editingId, edit, reset,
  };
}

export type NewDashboardState = ReturnType<typeof useNewDashboard>;
