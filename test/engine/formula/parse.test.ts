import { describe, expect, it } from 'vitest';
import { FormulaError, type FormulaNode, MAX_FORMULA_LENGTH, parseFormula } from '../../../src/engine/formula';

/** Compact S-expression of an AST, so expected trees are readable in the test. */
function sx(node: FormulaNode): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'string':
      return JSON.stringify(node.value);
    case 'boolean':
      return node.value ? 'TRUE' : 'FALSE';
    case 'field':
      return `[${node.name}]`;
    case 'unary':
      return `(${node.op} ${sx(node.arg)})`;
    case 'binary':
      return `(${node.op} ${sx(node.left)} ${sx(node.right)})`;
    case 'call':
      return `(${node.name}${node.args.map((a) => ' ' + sx(a)).join('')})`;
  }
}

const tree = (text: string) => sx(parseFormula(text).root);

function errorOf(text: string): FormulaError {
  try {
    parseFormula(text);
  } catch (e) {
    if (e instanceof FormulaError) return e;
    throw e;
  }
  throw new Error(`expected ${text} to fail`);
}

describe('parseFormula: grammar', () => {
  it('reads literals and field references', () => {
    expect(tree('42')).toBe('42');
    expect(tree('1.5e3')).toBe('1500');
    expect(tree('.5')).toBe('0.5');
    expect(tree('"say ""hi"""')).toBe('"say \\"hi\\""');
    expect(tree('TRUE')).toBe('TRUE');
    expect(tree('false')).toBe('FALSE');
    expect(tree('[Unit Price]')).toBe('[Unit Price]');
    expect(tree('[a]]b]')).toBe('[a]b]');
    expect(tree('= [x]')).toBe('[x]');
  });

  it('follows Excel precedence and left associativity', () => {
    expect(tree('1+2*3')).toBe('(+ 1 (* 2 3))');
    expect(tree('(1+2)*3')).toBe('(* (+ 1 2) 3)');
    expect(tree('1-2-3')).toBe('(- (- 1 2) 3)');
    expect(tree('2^3^2')).toBe('(^ (^ 2 3) 2)'); // Excel: =2^3^2 is 64
    expect(tree('-2^2')).toBe('(^ (- 2) 2)'); // Excel: =-2^2 is 4
    expect(tree('50%*2')).toBe('(* (% 50) 2)');
    expect(tree('"a"&1+2')).toBe('(& "a" (+ 1 2))');
    expect(tree('[a]&"x"=[b]')).toBe('(= (& [a] "x") [b])');
    expect(tree('[a]<>1')).toBe('(<> [a] 1)');
    expect(tree('[a]<=1')).toBe('(<= [a] 1)');
  });

  it('reads function calls with dotted names and any case', () => {
    expect(tree('sum([Revenue]) / SUM([Units])')).toBe('(/ (SUM [Revenue]) (SUM [Units]))');
    expect(tree('percentile.inc([x], 0.9)')).toBe('(PERCENTILE.INC [x] 0.9)');
    expect(tree('COUNTDISTINCT(IF([Channel]="Online", [Customer]))')).toBe('(COUNTDISTINCT (IF (= [Channel] "Online") [Customer]))');
    expect(tree('CONCAT()')).toBe('(CONCAT)');
  });

  it('records source spans', () => {
    const ast = parseFormula('SUM([Revenue]) / 2');
    const root = ast.root as Extract<FormulaNode, { kind: 'binary' }>;
    expect(root.span).toEqual({ start: 0, end: 18 });
    expect(root.left.span).toEqual({ start: 0, end: 14 });
    expect((root.left as Extract<FormulaNode, { kind: 'call' }>).nameSpan).toEqual({ start: 0, end: 3 });
    expect(root.right.span).toEqual({ start: 17, end: 18 });
  });

  it('produces plain JSON that survives a round trip', () => {
    const ast = parseFormula('IF([a] > 1, "x", [b] & "y")');
    expect(JSON.parse(JSON.stringify(ast))).toEqual(ast);
  });
});

describe('parseFormula: errors name the offending part', () => {
  it.each([
    ['"abc', 'unterminated-string', 'Unterminated string at 1:1 — add a closing "'],
    ['SUM([Revenue)', 'unterminated-field', 'Unterminated field reference at 1:5 — add a closing ]'],
    ['[ ]', 'empty-field', 'Empty field reference at 1:1'],
    ['1 + $', 'unexpected-character', 'Unexpected character "$" at 1:5'],
    ["'x'", 'unexpected-character', 'Unexpected character "\'" at 1:1 — text goes in double quotes: "like this"'],
    ['SUM([a]; [b])', 'unexpected-character', 'Unexpected character ";" at 1:8 — separate arguments with commas'],
    ['Revenue * 2', 'syntax', 'Unexpected name Revenue at 1:1 — field names go in brackets: [Revenue]'],
    ['1 +', 'syntax', 'Unexpected end of formula at 1:4'],
    ['(1 + 2', 'syntax', 'Unexpected end of formula at 1:7 — expected ")" to close the "(" at 1:1'],
    ['1 + 2)', 'syntax', 'Unexpected ")" at 1:6 — this ")" has no matching "("'],
    ['1 2', 'syntax', 'Unexpected number 2 at 1:3 — is an operator or a comma missing?'],
    ['SUM([a] [b])', 'syntax', 'Unexpected field [b] at 1:9 — expected "," or ")" in the call to SUM at 1:1'],
    ['', 'syntax', 'Empty formula at 1:1'],
    ['*2', 'syntax', 'Unexpected "*" at 1:1 — an operator needs a value on its left'],
    ['1\n+ )', 'syntax', 'Unexpected ")" at 2:3'],
    ['12abc', 'syntax', 'Unexpected "12a" at 1:1'],
  ])('%j', (text, code, message) => {
    const e = errorOf(text);
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });
});

describe('parseFormula: hostile input', () => {
  it('treats JavaScript as text it cannot parse, never as code', () => {
    // A call to an unknown name parses; checkFormula rejects it (see check.test.ts).
    expect(tree('[a] + process.exit()')).toBe('(+ [a] (PROCESS.EXIT))');
    expect(errorOf('"x"); alert(1); ("').message).toBe('Unexpected character ";" at 1:5 — separate arguments with commas');
    expect(errorOf('[a] + process.exit').message).toBe('Unexpected name process.exit at 1:7 — field names go in brackets: [process.exit]');
    expect(errorOf('constructor').code).toBe('syntax');
    expect(errorOf('__proto__').code).toBe('syntax');
    expect(errorOf('d => d.a').code).toBe('syntax');
    expect(errorOf('`${1}`').code).toBe('unexpected-character');
  });

  it('keeps hostile text as inert data inside strings and field names', () => {
    expect(tree('"); alert(1); ("')).toBe(JSON.stringify('); alert(1); ('));
    expect(tree('[__proto__]')).toBe('[__proto__]');
    expect(tree('[constructor] & "\\u0000"')).toBe('(& [constructor] "\\\\u0000")');
    // A call named like an Object prototype member parses (as a name), and checkFormula rejects it.
    expect(tree('constructor(1)')).toBe('(CONSTRUCTOR 1)');
  });

  it('limits length and depth with a clear error instead of a stack overflow', () => {
    const long = '1+'.repeat(MAX_FORMULA_LENGTH) + '1';
    expect(errorOf(long).code).toBe('too-long');
    expect(errorOf(long).message).toMatch(/^Formula is \d+ characters long; the limit is 8192 at 1:8193$/);
    expect(errorOf('('.repeat(3000) + '1' + ')'.repeat(3000)).code).toBe('too-deep');
    expect(errorOf('-'.repeat(4000) + '1').code).toBe('too-deep');
    expect(errorOf('ABS('.repeat(1500) + '1' + ')'.repeat(1500)).code).toBe('too-deep');
    expect(errorOf('1+'.repeat(4000) + '1').code).toBe('too-deep');
    expect(errorOf('2^'.repeat(4000) + '1').code).toBe('too-deep');
    // Moderate nesting is fine.
    expect(() => parseFormula('('.repeat(60) + '1' + ')'.repeat(60))).not.toThrow();
    expect(() => parseFormula('1+'.repeat(200) + '1')).not.toThrow();
  });
});
