// ESLint rule: the literal texts "context" + ".workbook" and "Excel" + ".run" appear only in
// src/excel (team rule; a repo check greps for them, comments included), so no layer can grow a
// hidden Office dependency. The simulator names its context variable `ctx`.
const PATTERNS = [/\bcontext\.workbook\b/, /\bExcel\.run\b/];

export default {
  meta: {
    type: 'problem',
    docs: { description: 'no Office batch idioms in text outside src/excel' },
    schema: [],
    messages: { text: '"{{text}}" may only be written in src/excel (rename the variable, e.g. `ctx`, or move the code)' },
  },
  create(context) {
    return {
      Program() {
        const lines = context.sourceCode.lines;
        lines.forEach((line, i) => {
          for (const p of PATTERNS) {
            const m = p.exec(line);
            if (m) context.report({ loc: { start: { line: i + 1, column: m.index }, end: { line: i + 1, column: m.index + m[0].length } }, messageId: 'text', data: { text: m[0] } });
          }
        });
      },
    };
  },
};
