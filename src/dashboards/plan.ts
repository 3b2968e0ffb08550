import type { Tile, TileOutcome, WritePlan } from './types';

export interface PlanInput {
  dashboardId: string;
  sheet: string;
  tiles: readonly Tile[];
  /** Per tile id. Header tiles get HeaderData too. */
  outcomes: ReadonlyMap<string, TileOutcome>;
  /** Tile ids written by the previous refresh that are gone now. */
  removedTiles?: readonly string[];
  /** First build: write parameters' default values ("All"). */
  initialParameters?: boolean;
}

/**
 * The write plan for a dashboard refresh.
 * @example const plan = planDashboard({ dashboardId: 'd1', sheet: 'Dashboard', tiles, outcomes });
 */
export function planDashboard(input: PlanInput): WritePlan {
  void input;
  throw new Error('not yet');
}
