import { useCallback, useEffect, useRef, useState } from 'react';
import { buildFromTemplate, parseTiles, proposeStarterLayout, type DashboardField, type Tile } from '../../dashboards';
import type { PaneHost } from '../../excel/host-types';
import { listTables } from '../../excel/list-tables';
import type { PivotDeckDocument } from '../../model';
import { fieldsOfChoice, sourceChoices, type SourceChoice } from './source-choices';
import type { GalleryId } from './template-gallery-items';

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
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The "New dashboard" (and "Edit") flow: pick a source, pick a template, edit the proposed
 * tiles, name it and choose when it refreshes. Editing starts at the tiles step with the
 * dashboard's stored tiles.
 */
export function useNewDashboard(host: PaneHost, doc: PivotDeckDocument | undefined) {
  const [step, setStep] = useState<Step>('source');
  const [choices, setChoices] = useState<SourceChoice[] | undefined>();
  const [choicesError, setChoicesError] = useState<string | undefined>();
  const [choice, setChoice] = useState<SourceChoice | undefined>();
  const [fields, setFields] = useState<FieldsState>({ status: 'idle' });
  const [template, setTemplate] = useState<GalleryId | undefined>();
  const [templateError, setTemplateError] = useState<string | undefined>();
  const [tiles, setTiles] = useState<Tile[]>([]);
  const [label, setLabel] = useState('');
  const [options, setOptions] = useState<RefreshOptionsDraft>({ refreshOnOpen: false, everyOn: false, everyMinutes: '15' });
  const [editingId, setEditingId] = useState<string | undefined>();
  const request = useRef(0);

  useEffect(() => {
    let live = true;
    listTables(host.run)
      .then((tables) => { if (live) setChoices(sourceChoices(tables, doc)); })
      .catch((e: unknown) => { if (live) setChoicesError(errorText(e)); });
    return () => { live = false; };
  }, [host, doc]);

  const chooseSource = useCallback(async (next: SourceChoice | undefined) => {
    const mine = ++request.current;
    setChoice(next);
    setTemplate(undefined);
    setTemplateError(undefined);
    if (!next) { setFields({ status: 'idle' }); return; }
    if (next.ref.kind === 'table' && !next.fields) setFields({ status: 'loading' });
    try {
      const fields = await fieldsOfChoice(host.run, next);
      if (mine !== request.current) return;
      setFields({ status: 'ready', fields });
    } catch (e) {
      if (mine === request.current) setFields({ status: 'error', message: errorText(e) });
    }
  }, [host]);

  /** Proposes the tiles of a template and moves on to editing them. */
  const chooseTemplate = useCallback((id: GalleryId, templateLabel: string) => {
    if (!choice || fields.status !== 'ready') return;
    setTemplateError(undefined);
    try {
      const proposed = id === 'starter' ? proposeStarterLayout(choice.ref, fields.fields) : buildFromTemplate(id, choice.ref, fields.fields);
      setTemplate(id);
      setTiles(proposed);
      setLabel(id === 'starter' ? `${choice.label} dashboard` : templateLabel);
      setStep('tiles');
    } catch (e) {
      setTemplateError(errorText(e));
    }
  }, [choice, fields]);

  /** Starts over for a new dashboard. */
  const reset = useCallback(() => {
    request.current++;
    setStep('source');
    setChoice(undefined);
    setFields({ status: 'idle' });
    setTemplate(undefined);
    setTemplateError(undefined);
    setTiles([]);
    setLabel('');
    setOptions({ refreshOnOpen: false, everyOn: false, everyMinutes: '15' });
    setEditingId(undefined);
  }, []);

  /** Opens a stored dashboard for editing; returns why it cannot be edited, if it cannot. */
  const edit = useCallback(async (id: string): Promise<string | undefined> => {
    const def = doc?.dashboards.find((d) => d.id === id);
    if (!def) return 'This dashboard is no longer in the workbook.';
    const parsed = parseTiles(def.tiles);
    if (parsed.problems.length > 0) return `Some tiles cannot be read, so editing could lose them: ${parsed.problems.map((p) => p.message).join('; ')}`;
    reset();
    setEditingId(id);
    setTiles(parsed.tiles);
    setLabel(def.label);
    setOptions({ refreshOnOpen: def.refreshOnOpen === true, everyOn: def.refreshEveryMinutes !== undefined, everyMinutes: String(def.refreshEveryMinutes ?? 15) });
    // The fields of the first computed tile's source, for "Add a tile" and the dropdown choices.
    const source = parsed.tiles.find((t) => t.kind !== 'header' && 'source' in t);
    if (source && 'source' in source) {
      const known = (choices ?? []).find((c) => JSON.stringify(c.ref) === JSON.stringify(source.source));
      const fallback: SourceChoice = { key: 'edit', label: source.source.kind === 'table' ? source.source.name : 'source', detail: '', ref: source.source, group: 'workbook' };
      await chooseSource(known ?? fallback);
    }
    setStep('tiles');
    return undefined;
  }, [choices, chooseSource, doc, reset]);

  return {
    step, setStep, choices, choicesError, choice, chooseSource, fields, template, templateError, chooseTemplate,
    tiles, setTiles, label, setLabel, options, setOptions, editingId, edit, reset,
  };
}

export type NewDashboardState = ReturnType<typeof useNewDashboard>;

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
