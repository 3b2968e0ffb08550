/**
 * Where each section's help lives. Decision (issue 16 part 4): the help is the support page the
 * build already serves beside the pane (assets/pages/support.html → support.html, filled with the
 * publisher's details, at ADDIN_URL in production and on the dev server in development), one
 * anchored "Help by section" entry per pane section that explains it in plain words and names the
 * reference doc in docs/. The link is resolved against the pane's own page, so it follows the
 * add-in wherever it is hosted and never points at a machine or repository the user cannot reach.
 * Should the build one day render docs/*.md to HTML, only `helpHref` changes.
 */

/** The pane's sections that carry a help link. */
export type HelpTopic = 'tables' | 'pivots' | 'extend' | 'web' | 'query' | 'dashboards' | 'yourData';

/** The anchor of each topic on support.html (kept in step with assets/pages/support.html). */
export const HELP_ANCHORS: Readonly<Record<HelpTopic, string>> = {
  tables: 'help-tables',
  pivots: 'help-tables',
  extend: 'help-extend',
  web: 'help-web',
  query: 'help-query',
  dashboards: 'help-dashboards',
  yourData: 'help-your-data',
};

/**
 * The address of a topic's help, next to the page the pane runs in.
 * @example helpHref('extend', 'https://addins.example.org/pivotdeck/taskpane.html') // 'https://addins.example.org/pivotdeck/support.html#help-extend'
 */
export function helpHref(topic: HelpTopic, pageUrl: string): string {
  return new URL(`support.html#${HELP_ANCHORS[topic]}`, pageUrl).href;
}
