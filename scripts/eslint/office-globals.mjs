// ESLint rule: the Office.js globals (Office, Excel, OfficeRuntime, OfficeExtension) may be used
// at run time only in src/excel/**. Type positions (`Excel.Range` in an annotation, `typeof
// Office.context` in a type, `implements`/interface `extends`) are allowed everywhere because they
// vanish at compile time; values (calls, member reads, `extends` of a class, `as` operands) are not.

export const OFFICE_GLOBALS = ['Office', 'Excel', 'OfficeRuntime', 'OfficeExtension'];

/** AST node types whose subtree is erased by TypeScript. */
const TYPE_ONLY = new Set([
  'TSTypeAnnotation', 'TSTypeReference', 'TSTypeQuery', 'TSTypeAliasDeclaration', 'TSInterfaceDeclaration',
  'TSInterfaceHeritage', 'TSClassImplements', 'TSTypeParameterInstantiation', 'TSTypeParameterDeclaration',
  'TSIndexedAccessType', 'TSTypeLiteral', 'TSImportType', 'TSDeclareFunction',
]);

function inTypePosition(node) {
  for (let n = node.parent; n; n = n.parent) {
    if (TYPE_ONLY.has(n.type)) return true;
    // `declare` blocks and .d.ts-style ambient declarations emit nothing
    if ((n.type === 'TSModuleDeclaration' || n.type === 'VariableDeclaration' || n.type === 'ClassDeclaration') && n.declare) return true;
  }
  return false;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Office.js globals only at run time inside src/excel' },
    schema: [],
    messages: {
      runtime: '`{{name}}` is an Office.js global: only src/excel may use it at run time (DESIGN.md layers). Put the call in src/excel and pass the result in.',
    },
  },
  create(context) {
    const source = context.sourceCode;
    return {
      'Program:exit'(program) {
        const global = source.getScope(program);
        const refs = [...global.through];
        for (const name of OFFICE_GLOBALS) refs.push(...(global.set.get(name)?.references ?? []));
        const seen = new Set();
        for (const ref of refs) {
          const id = ref.identifier;
          if (!OFFICE_GLOBALS.includes(id.name) || seen.has(id)) continue;
          seen.add(id);
          if (ref.resolved && ref.resolved.defs.length > 0) continue; // a local of the same name
          if (!inTypePosition(id)) context.report({ node: id, messageId: 'runtime', data: { name: id.name } });
        }
      },
    };
  },
};
