// ESLint rule: the dependency rule of DESIGN.md, checked on resolved relative import paths.
//   - src/engine imports nothing of ours (only src/engine);
//   - src/model imports only src/model and *types* from src/engine;
//   - nothing imports src/taskpane except src/taskpane itself and the workbench;
//   - production code never imports src/simulator or src/workbench (only they, and tests, may).
import { dirname, relative, resolve, sep } from 'node:path';

const layerOf = (root, file) => {
  const rel = relative(root, file).split(sep);
  return rel[0] === 'src' && rel.length > 2 ? rel[1] : rel[0] === 'src' ? '(src)' : null;
};
const DEV_ONLY = new Set(['simulator', 'workbench']);

/** Returns a message when `from` (layer of the importer) may not import `to`, else null. */
export function layerViolation(from, to, typeOnly) {
  if (!from || !to || from === to) return null;
  if (from === 'engine') return `src/engine imports nothing of ours (found an import of src/${to})`;
  if (from === 'model' && to !== 'engine') return `src/model imports only engine types (found an import of src/${to})`;
  if (from === 'model' && !typeOnly) return 'src/model imports engine *types* only: use `import type`';
  if (to === 'taskpane' && from !== 'workbench') return `nothing imports src/taskpane except the workbench (found in src/${from})`;
  if (DEV_ONLY.has(to) && !DEV_ONLY.has(from)) return `production code must not import src/${to}: it never ships in the add-in`;
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Layer dependency rule from DESIGN.md' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: { layer: '{{message}}' },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const from = layerOf(root, file);
    if (!from) return {};
    const check = (node, spec, typeOnly) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = layerOf(root, resolve(dirname(file), spec));
      const message = layerViolation(from, to, typeOnly);
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
