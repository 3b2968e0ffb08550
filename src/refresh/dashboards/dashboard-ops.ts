import type { PivotDeckDocument } from '../../model';
import type { Tile } from '../../dashboards';
import type { DashboardDeps, DashboardDocResult, DashboardOutcome, RefreshDashboardOptions } from './types';

export interface NewDashboard {
  label: string;
  tiles: Tile[];
  /** Wanted sheet name; a fresh one is found if taken. Default: the label. */
  sheet?: string;
  refreshOnOpen?: boolean;
  refreshEveryMinutes?: number;
}

export interface DashboardChange {
  label?: string;
  tiles?: Tile[];
  refreshOnOpen?: boolean;
  /** null turns the interval off. */
  refreshEveryMinutes?: number | null;
}

/** A dashboard as the pane lists it. */
export interface DashboardSummary {
  id: string;
  label: string;
  sheet: string;
  tileCount: number;
  lastRefresh?: { at: string; ok: boolean; message?: string };
  refreshOnOpen: boolean;
  refreshEveryMinutes?: number;
  /** Tiles that cannot be read (edited by hand, newer PivotDeck). */
  problems: string[];
}

/** @example listDashboards(doc) */
export function listDashboards(doc: PivotDeckDocument): DashboardSummary[] {
  void doc;
  throw new Error('not yet');
}

/** @example const { document, id, outcome } = await createDashboard(deps, doc, { label: 'Sales overview', tiles }); */
export async function createDashboard(deps: DashboardDeps, doc: PivotDeckDocument, request: NewDashboard, options: RefreshDashboardOptions = {}): Promise<DashboardDocResult & { id: string }> {
  void deps; void doc; void request; void options;
  throw new Error('not yet');
}

/** @example const { document, outcome } = await refreshDashboard(deps, doc, 'd1'); */
export async function refreshDashboard(deps: DashboardDeps, doc: PivotDeckDocument, id: string, options: RefreshDashboardOptions = {}): Promise<DashboardDocResult> {
  void deps; void doc; void id; void options;
  throw new Error('not yet');
}

/** @example const { document, outcomes } = await refreshAllDashboards(deps, doc); */
export async function refreshAllDashboards(deps: DashboardDeps, doc: PivotDeckDocument, options: RefreshDashboardOptions = {}): Promise<{ document: PivotDeckDocument; outcomes: Map<string, DashboardOutcome> }> {
  void deps; void doc; void options;
  throw new Error('not yet');
}

/** @example await updateDashboard(deps, doc, 'd1', { tiles: edited }) */
export async function updateDashboard(deps: DashboardDeps, doc: PivotDeckDocument, id: string, change: DashboardChange, options: RefreshDashboardOptions = {}): Promise<DashboardDocResult> {
  void deps; void doc; void id; void change; void options;
  throw new Error('not yet');
}

/** @example const next = await deleteDashboard(deps, doc, 'd1'); */
export async function deleteDashboard(deps: DashboardDeps, doc: PivotDeckDocument, id: string, options: { deleteSheet?: boolean } = {}): Promise<PivotDeckDocument> {
  void deps; void doc; void id; void options;
  throw new Error('not yet');
}
