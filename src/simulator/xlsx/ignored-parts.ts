/**
 * Parts of a package the simulator does not model. They load without error and are listed, so
 * the user sees what the workbench leaves out (and PivotDeck can explain, e.g., a pivot chart).
 */
import type { Package } from './parts';
import { child, textOf } from './xml';

const KINDS: Array<[RegExp, string]> = [
  [/^xl\/chartsheets\/[^/]+\.xml$/, 'chart sheet'],
  [/^xl\/drawings\/[^/]+\.xml$/, 'drawing (shapes, pictures, chart frames)'],
  [/^xl\/slicers\/[^/]+\.xml$/, 'slicer'],
  [/^xl\/slicercaches\/[^/]+\.xml$/, 'slicer cache'],
  [/^xl\/timelines\/[^/]+\.xml$/, 'timeline'],
  [/^xl\/vbaproject\.bin$/, 'VBA macros (not run, not kept)'],
  [/^xl\/externallinks\/[^/]+\.xml$/, 'link to another workbook'],
  [/^xl\/connections\.xml$/, 'external data connections'],
  [/^xl\/model\//, 'Data Model (Power Pivot)'],
  [/^xl\/querytables\/[^/]+\.xml$/, 'query table'],
  [/^xl\/(comments|threadedcomments\/)[^/]*\.xml$/, 'comments'],
  [/^xl\/media\//, 'picture'],
  [/^xl\/(activex|ctrlprops)\//, 'form or ActiveX control'],
];

/** A pivot chart found in a chart part: the pivot it draws from, as "[book]Sheet!PivotName". */
export interface PivotChartLink {
  part: string;
  sheet?: string;
  pivot: string;
}

/** Lists ignored parts into `ignored` and notices; returns the pivot charts for their pivots. */
export function collectIgnoredParts(pkg: Package, ignored: string[]): PivotChartLink[] {
  const links: PivotChartLink[] = [];
  for (const part of pkg.zip.names().sort()) {
    const key = part.toLowerCase();
    if (/^xl\/charts\/chart[^/]*\.xml$/.test(key)) {
      const link = pivotSourceOf(pkg, part);
      if (link) links.push(link);
      note(pkg, ignored, part, link ? `pivot chart (of ${link.pivot})` : 'chart');
      continue;
    }
    const kind = KINDS.find(([re]) => re.test(key));
    if (kind) note(pkg, ignored, part, kind[1]);
  }
  return links;
}

function note(pkg: Package, ignored: string[], part: string, what: string): void {
  ignored.push(`${what}: ${part}`);
  pkg.notice(part, `Ignored ${what}`);
}

function pivotSourceOf(pkg: Package, part: string): PivotChartLink | undefined {
  const source = child(child(pkg.optionalXml(part), 'chartSpace'), 'pivotSource');
  if (!source) return undefined;
  const full = textOf(child(source, 'name'));
  const bang = full.lastIndexOf('!');
  const pivot = full.slice(bang + 1);
  const sheet = bang > 0
    ? full.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/^\[[^\]]*\]/, '').replace(/''/g, "'")
    : undefined;
  return { part, sheet, pivot };
}
