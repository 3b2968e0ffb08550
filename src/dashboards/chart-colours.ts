/**
 * Chart colours that stay with their category. Excel colours a pie's slices and a chart's series
 * by position, so when a region drops out of the data (a filter, a quiet month) every slice after
 * it changes colour, and changes back when it returns. PivotDeck gives each category a colour the
 * first time it appears, saves the map with the dashboard, and paints the chart from it on every
 * refresh; a category that vanishes keeps its colour reserved for when it comes back.
 */

/** A category (or series) name and its "#RRGGBB". */
export type ColourPair = [name: string, colour: string];

/** Per chart tile, its categories' colours in the order they first appeared (as saved in the document). */
export type ChartColours = Array<{ tile: string; colours: ColourPair[] }>;

/**
 * The colours a chart tile had, or undefined.
 * @example coloursOf([{ tile: 'share', colours: [['West', '#4472C4']] }], 'share') // [['West', '#4472C4']]
 */
export function coloursOf(all: ChartColours | undefined, tile: string): ColourPair[] | undefined {
  return all?.find((c) => c.tile === tile)?.colours;
}

/**
 * Twelve distinguishable colours in the order new categories take them: the six accents of
 * Excel's default Office theme (what an unformatted chart would use), then their darker shades.
 */
export const CHART_PALETTE = [
  '#156082', '#E97132', '#196B24', '#0F9ED5', '#A02B93', '#4EA72E',
  '#0D3A4F', '#8C441E', '#0F4016', '#095F80', '#60175A', '#2F6A1C',
] as const;

/** A tile's map keeps at most this many categories (the schema's limit); vanished ones go first. */
export const MAX_COLOURED = 300;

/**
 * The colour of each of `names` (in order), keeping the colours `previous` gave them; a new name
 * takes the first palette colour no name in `previous` holds (vanished ones included, so a
 * returning category finds its colour free), cycling when all are taken. Returns the colours in
 * the order of `names` and the map to save.
 *
 * @example assignColours([['West', '#ED7D31']], ['East', 'West']).colours // ['#4472C4', '#ED7D31']
 */
export function assignColours(previous: ReadonlyArray<readonly [string, string]> | undefined, names: readonly string[]): { colours: string[]; map: ColourPair[] } {
  // A Map, not an object: a category may be called "__proto__" or "constructor".
  const map = new Map<string, string>(previous ?? []);
  const colours = names.map((name) => {
    const known = map.get(name);
    if (known) return known;
    const used = new Set([...map.values()].map((c) => c.toUpperCase()));
    const next = CHART_PALETTE.find((c) => !used.has(c)) ?? CHART_PALETTE[map.size % CHART_PALETTE.length];
    map.set(name, next);
    return next;
  });
  if (map.size > MAX_COLOURED) {
    const showing = new Set(names);
    // Insertion order is the order categories first appeared: forget the oldest that are not shown.
    for (const k of [...map.keys()]) {
      if (map.size <= MAX_COLOURED) break;
      if (!showing.has(k)) map.delete(k);
    }
  }
  return { colours, map: [...map] };
}
