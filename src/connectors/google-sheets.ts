import { SourceError } from './errors';
import { pullCsv } from './csv';
import type { Connector } from './types';

/**
 * The CSV export address of a Google Sheets link. Accepts a shared/edit link
 * (`/spreadsheets/d/<id>/edit#gid=<gid>`), an export link, or a "published to the web" link
 * (`/spreadsheets/d/e/<pubid>/pubhtml` or `/pub?...`). The sheet tab (`gid`) is kept when present.
 * @example googleSheetsCsvUrl('https://docs.google.com/spreadsheets/d/abc123/edit#gid=42')
 *   // 'https://docs.google.com/spreadsheets/d/abc123/export?format=csv&gid=42'
 * @example googleSheetsCsvUrl('https://docs.google.com/spreadsheets/d/e/2PACX-1v/pubhtml')
 *   // 'https://docs.google.com/spreadsheets/d/e/2PACX-1v/pub?output=csv'
 */
export function googleSheetsCsvUrl(link: string): string {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    throw notSheets();
  }
  if (url.hostname !== 'docs.google.com') throw notSheets();
  const gid = url.searchParams.get('gid') ?? /(?:^|[#&])gid=(\d+)/.exec(url.hash)?.[1] ?? null;
  if (gid !== null && !/^\d+$/.test(gid)) throw notSheets();
  const published = /^\/spreadsheets\/d\/e\/([A-Za-z0-9_-]+)\/(pub|pubhtml|pubchart)(\/.*)?$/.exec(url.pathname);
  if (published) {
    return `https://docs.google.com/spreadsheets/d/e/${published[1]}/pub?${gid !== null ? `gid=${gid}&single=true&` : ''}output=csv`;
  }
  const shared = /^\/spreadsheets(?:\/u\/\d+)?\/d\/([A-Za-z0-9_-]+)(\/.*)?$/.exec(url.pathname);
  if (shared && shared[1] !== 'e') {
    return `https://docs.google.com/spreadsheets/d/${shared[1]}/export?format=csv${gid !== null ? `&gid=${gid}` : ''}`;
  }
  throw notSheets();
}

function notSheets(): SourceError {
  return new SourceError(
    'badDefinition',
    'This is not a Google Sheets link. In Google Sheets use Share → "Anyone with the link", or File → Share → Publish to the web, and paste that link.',
  );
}

/**
 * A Google Sheet, read as CSV through its export address. The sheet must be shared with
 * "anyone with the link" or published to the web.
 * @example await pullGoogleSheets({ id: 'g', label: 'Budget', kind: 'googleSheets', url: 'https://docs.google.com/spreadsheets/d/abc/edit' }, ctx)
 */
export const pullGoogleSheets: Connector = (def, context) => pullCsv({ ...def, url: googleSheetsCsvUrl(def.url ?? '') }, context);
