/**
 * pivotdeck/document-access: only the document service may import the module that reads and
 * writes the workbook document (issue 15). Tested like the other project rules (lint-rules.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import documentAccess, { isDocumentModule, mayAccessDocument } from '../../scripts/eslint/document-access.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' } });
const ROOT = '/repo';
const at = (file: string) => ({ filename: `${ROOT}/${file}`, options: [{ root: ROOT }] });

describe('pivotdeck/document-access', () => {
  tester.run('document-access', documentAccess, {
    valid: [
      { code: "const m = () => import('../../excel/workbook-document');", ...at('src/refresh/document/workbook-document-storage.ts') },
      { code: "import { loadWorkbookDocument } from '../../excel/workbook-document';", ...at('src/refresh/document/x.ts') },
      { code: "import { openDocument } from '../model';", ...at('src/excel/workbook-document.ts') },
      // Reading the pure model (openDocument, the schema) is fine anywhere.
      { code: "import { openDocument } from '../../model/document';", ...at('src/taskpane/query/x.ts') },
      { code: "import { workbookDocumentStorage } from '../document/workbook-document-storage';", ...at('src/refresh/services/create-services.ts') },
      // A module whose name only starts the same way is another module.
      { code: "import { x } from '../excel/workbook-documents';", ...at('src/commands/x.ts') },
      { code: "import { x } from 'workbook-document';", ...at('src/commands/x.ts') },
    ],
    invalid: [
      { code: "import { loadWorkbookDocument } from '../../excel/workbook-document';", ...at('src/taskpane/query/use-x.ts'), errors: [{ messageId: 'owner' }] },
      { code: "import { saveWorkbookDocument } from '../excel/workbook-document.ts';", ...at('src/commands/x.ts'), errors: [{ messageId: 'owner' }] },
      { code: "const m = await import('../excel/workbook-document');", ...at('src/refresh/x.ts'), errors: [{ messageId: 'owner' }] },
      { code: "export { loadWorkbookDocument } from './workbook-document';", ...at('src/excel/index.ts'), errors: [{ messageId: 'owner' }] },
      { code: "export * from '../../excel/workbook-document';", ...at('src/refresh/queries/x.ts'), errors: [{ messageId: 'owner' }] },
      // The service's directory, not anything under src/refresh that merely mentions documents.
      { code: "import { loadWorkbookDocument } from '../../excel/workbook-document';", ...at('src/refresh/documents/x.ts'), errors: [{ messageId: 'owner' }] },
    ],
  });

  it('names the module with or without an extension, and only it', () => {
    expect(isDocumentModule(ROOT, `${ROOT}/src/excel/workbook-document`)).toBe(true);
    expect(isDocumentModule(ROOT, `${ROOT}/src/excel/workbook-document.ts`)).toBe(true);
    expect(isDocumentModule(ROOT, `${ROOT}/src/excel/land/workbook-document.ts`)).toBe(false);
    expect(mayAccessDocument(ROOT, `${ROOT}/src/refresh/document/document-service.ts`)).toBe(true);
    expect(mayAccessDocument(ROOT, `${ROOT}/src/refresh/dashboards/dashboard-coordinator.ts`)).toBe(false);
  });
});
