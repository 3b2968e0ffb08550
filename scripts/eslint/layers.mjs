// ESLint rule: the dependency rule of DESIGN.md as an allow-list of arrows, checked on resolved
// relative import paths. What is not listed is not allowed: a new arrow is a design decision, made
// here and in DESIGN.md's layer table together.
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * from-layer → the layers it may import: 'value' (anything) or 'type' (`import type` only).
 * Tests, scripts and config are outside src and not checked.
 */
export const ALLOWED = {
  engine: {},
  dashboards: { engine: 'value' },
  model: { engine: 'type' },
  connectors: { engine: 'value' },
  // The Office.js adapter: builds on the engine (A1 addresses, values) and reads/writes the document.
  excel: { engine: 'value', model: 'value' },
  refresh: { engine: 'value', dashboards: 'value', model: 'value', connectors: 'value', excel: 'value' },
  taskpane: { refresh: 'value', model: 'value', engine: 'value', dashboards: 'value', excel: 'type' },
  commands: { refresh: 'value' },
  // The simulator implements the Excel API contract, so it may name its types.
  simulator: { engine: 'value', excel: 'type' },
  // The workbench shows simulated sheets (the engine's A1 module) and hosts the pane.
  workbench: { simulator: 'value', taskpane: 'value', engine: 'value', excel: 'type' },
};

/**
 * Files that still take an arrow the table does not have, each to be removed when the composition
 * root and the use-cases (issue 15 parts 3 and 6) move that wiring into src/refresh. Narrow on
 * purpose: one file and one target layer per entry, so no new file inherits the exception.
 */
export const EXCEPTIONS = {
  // The ribbon still reaches src/excel for its event and host plumbing.
  'src/commands/commands.ts': { excel: 'value' },
  'src/commands/refresh-everything.ts': { excel: 'value' },
  'src/commands/ribbon.ts': { excel: 'type' },
  // Connector results carry the document's source definition type.
  'src/connectors/types.ts': { model: 'type' },
  // The adapter writes what connectors and dashboards planned, and stores credentials.
  'src/excel/land/landing-block.ts': { connectors: 'type' },
  'src/excel/user-credential-store.ts': { connectors: 'value' },
  'src/excel/dashboard/write-dashboard-plan.ts': { dashboards: 'type' },
  'src/excel/dashboard/dashboard-sheet.ts': { dashboards: 'value' },
  'src/excel/sample/sample-plan.ts': { dashboards: 'value' },
  // The pane's entry: Office.onReady hands it the host, and it binds the ribbon to the pane's
  // services (the Office samples' "render after Office.onReady" entry, one per surface).
  'src/taskpane/index.tsx': { excel: 'value', commands: 'value' },
};

/** The layer of a file (its folder under src), or null outside src. "src/model" itself is model. */
const layerOf = (root, file) => {
  const rel = relative(root, file).split(sep);
  if (rel[0] !== 'src' || rel.length < 2) return null;
  return rel[1].replace(/\.(m?[jt]sx?)$/, '');
};

const DEV_ONLY = new Set(['simulator', 'workbench']);

/**
 * A message when layer `from` may not import layer `to`, else null. `file` (relative to the root,
 * with forward slashes) picks up an entry of EXCEPTIONS.
 * @example layerViolation('model', 'engine', true) // null
 * @example layerViolation('engine', 'model', true) // 'src/engine imports nothing of ours …'
 */
export function layerViolation(from, to, typeOnly, file) {
  if (!from || !to || from === to) return null;
  const allowed = ALLOWED[from];
  if (!allowed) return `src/${from} is not a layer of DESIGN.md: add it to the layer table and to ALLOWED in scripts/eslint/layers.mjs`;
  const excepted = file ? EXCEPTIONS[file]?.[to] : undefined;
  // The wider of the two: an exception may widen a type-only arrow to values.
  const arrow = excepted === 'value' ? 'value' : allowed[to] ?? excepted;
  if (arrow === 'value' || (arrow === 'type' && typeOnly)) return null;
  if (arrow === 'type') return `src/${from} imports src/${to} for types only: use \`import type\``;
  if (from === 'engine') return `src/engine imports nothing of ours (found an import of src/${to})`;
  if (to === 'taskpane') return `nothing imports src/taskpane except the workbench (found in src/${from})`;
  if (DEV_ONLY.has(to)) return `production code must not import src/${to}: it never ships in the add-in`;
  const may = Object.entries(allowed).map(([l, k]) => (k === 'type' ? `${l} (types)` : l)).join(', ');
  return `src/${from} may import only ${may || 'nothing of ours'} (DESIGN.md's layer table); found an import of src/${to}`;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Layer dependency rule from DESIGN.md, as an allow-list of arrows' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: { layer: '{{message}}' },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const from = layerOf(root, file);
    if (!from) return {};
    const relFile = relative(root, file).split(sep).join('/');
    const check = (node, spec, typeOnly) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = layerOf(root, resolve(dirname(file), spec));
      const message = layerViolation(from, to, typeOnly, relFile);
      if (message) context.report({ node, messageId: 'layer', data: { message } });
    };
    const allTypes = (node) =>
      node.importKind === 'type' || node.exportKind === 'type' ||
      ((node.specifiers ?? []).length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
    return {
      ImportDeclaration: (n) => check(n.source, n.source.value, allTypes(n)),
      ExportNamedDeclaration: (n) => n.source && check(n.source, n.source.value, allTypes(n)),
      ExportAllDeclaration: (n) => check(n.source, n.source.value, n.exportKind === 'type'),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n.source, n.source.value, false),
      TSImportType: (n) => {
        const lit = n.argument?.literal ?? n.argument;
        if (lit?.type === 'Literal') check(n, lit.value, true);
      },
    };
  },
};
