// ESLint rule: only the document service (src/refresh/document) may import the module that reads
// and writes the workbook document in Excel's settings (src/excel/workbook-document). Everyone
// else reads with DocumentService.read() and changes it with update(reason, mutator), so updates
// are serialized and each one starts from what is stored (DESIGN.md, "One owner for each piece
// of state"). Checked on resolved relative import paths, static and dynamic.
import { dirname, relative, resolve, sep } from 'node:path';

const DOCUMENT_MODULE = ['src', 'excel', 'workbook-document'];
const OWNER = ['src', 'refresh', 'document'];

const parts = (root, file) => relative(root, file).split(sep);
const startsWith = (list, prefix) => prefix.every((p, i) => list[i] === p);

/** True when `target` (a resolved path, with or without extension) is the document module. */
export function isDocumentModule(root, target) {
  const p = parts(root, target);
  if (p.length !== DOCUMENT_MODULE.length) return false;
  const last = p[p.length - 1].replace(/\.(ts|tsx|js|mjs)$/, '');
  return startsWith(p.slice(0, -1), DOCUMENT_MODULE.slice(0, -1)) && last === DOCUMENT_MODULE[DOCUMENT_MODULE.length - 1];
}

/** True when `file` may import the document module: the document service's directory (and the module itself). */
export function mayAccessDocument(root, file) {
  const p = parts(root, file);
  return startsWith(p, OWNER) || isDocumentModule(root, file);
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Only the document service reads and writes the workbook document' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      owner: 'Only the document service (src/refresh/document) may import src/excel/workbook-document. Read with DocumentService.read() and change the document with update(reason, mutator).',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    if (mayAccessDocument(root, file)) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      if (isDocumentModule(root, resolve(dirname(file), spec))) context.report({ node, messageId: 'owner' });
    };
    return {
      ImportDeclaration: (n) => check(n.source, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n.source, n.source.value),
      ExportAllDeclaration: (n) => check(n.source, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n.source, n.source.value),
    };
  },
};
