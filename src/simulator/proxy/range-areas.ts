/**
 * The RangeAreas that Range.getMergedAreasOrNullObject returns (ExcelApi 1.13), and its `areas`
 * RangeCollection (ExcelApi 1.9). As in Excel, only merged areas whose top-left cell lies inside
 * the range are returned (office-js issue 3611, answered by Microsoft as the intended behaviour:
 * a merge that starts above or left of the range is not found from it), and the result is a
 * null object when there are none.
 */
import type { XRangeAreas, XRangeCollection } from '../../excel/api';
import { parseArea } from '../../engine/address/a1';
import type { SheetState } from '../state/sheet';
import type { RangeRef } from '../state/workbook';
import { type Collectable, type Getters, SimCollection, SimObject } from './base';
import type { SimContext } from './context';
import { RangeProxy, rangeAddress } from './range';

/** Merged areas of a sheet, as RangeRefs. */
export interface AreasRef {
  sheet: SheetState;
  areas: RangeRef[];
}

/**
 * The merged areas of `ref`'s sheet whose top-left cell is inside `ref`, in the sheet's order;
 * null when there are none.
 */
export function mergedAreasOf(ref: RangeRef): AreasRef | null {
  const { sheet, area } = ref;
  const areas = sheet.merges
    .map((m) => parseArea(m))
    .filter((m): m is NonNullable<typeof m> => m !== null && m !== undefined)
    .filter((m) => m.row >= area.row && m.row < area.row + area.rows && m.column >= area.column && m.column < area.column + area.columns)
    .map((m) => ({ sheet, area: m }));
  return areas.length ? { sheet, areas } : null;
}

export class RangeAreasProxy extends SimObject<AreasRef> implements XRangeAreas {
  readonly entity = 'RangeAreas';

  constructor(ctx: SimContext, path: string, resolver: () => AreasRef | null) {
    super(ctx, path, resolver, true);
  }

  protected scalars(): Getters<AreasRef> {
    return {
      // "Sheet1!A1:B2, Sheet1!D4:E5", as Excel writes a RangeAreas address.
      address: (t) => t.areas.map((a) => rangeAddress(t.sheet.name, a.area)).join(', '),
      areaCount: (t) => t.areas.length,
      cellCount: (t) => t.areas.reduce((n, a) => n + a.area.rows * a.area.columns, 0),
    };
  }

  protected override nav(name: string): Collectable | undefined {
    if (name === 'areas') return this.areas as RangeCollectionProxy;
    return undefined;
  }

  get address(): string { return this.prop('address'); }
  get areaCount(): number { return this.prop('areaCount'); }
  get cellCount(): number { return this.prop('cellCount'); }

  get areas(): XRangeCollection {
    return this.child('areas', () => new RangeCollectionProxy(this.ctx, `${this.path}.areas`, () => this.resolve()?.areas ?? null));
  }
}

/** A RangeCollection: its `items` are the areas, each a Range. */
export class RangeCollectionProxy extends SimCollection<RangeRef, RangeProxy> implements XRangeCollection {
  readonly entity = 'RangeCollection';

  protected makeItem(target: RangeRef, index: number): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => target);
  }
}
