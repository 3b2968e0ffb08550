/**
 * Issue 16 part 4: every section's help link resolves next to the pane's page, and lands on an
 * anchor that exists on the support page the build serves (assets/pages/support.html).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP_ANCHORS, helpHref, type HelpTopic } from '../../src/taskpane/shared/help-links';

const TOPICS: HelpTopic[] = ['tables', 'pivots', 'extend', 'web', 'query', 'dashboards', 'yourData'];

describe('help links', () => {
  it('resolve against the page the pane runs in, under any path and host', () => {
    expect(helpHref('extend', 'https://addins.example.org/pivotdeck/taskpane.html?_host_Info=Excel')).toBe('https://addins.example.org/pivotdeck/support.html#help-extend');
    expect(helpHref('yourData', 'https://localhost:3000/workbench.html#x')).toBe('https://localhost:3000/support.html#help-your-data');
    // A host name outside ASCII is kept in its punycode form, as browsers send it.
    expect(helpHref('web', 'https://zürich.example/äpp/taskpane.html')).toBe('https://xn--zrich-kva.example/%C3%A4pp/support.html#help-web');
  });

  it('land on anchors the support page has, one per topic', () => {
    const page = readFileSync(join(process.cwd(), 'assets', 'pages', 'support.html'), 'utf8');
    const ids = new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    for (const topic of TOPICS) expect(ids.has(HELP_ANCHORS[topic]), topic).toBe(true);
  });
});
