// Is a file a test? Test doubles there stand in for the code under test, so they move with its rewrite
// (transforms/mock-targets.ts), where elsewhere the same assignment is the program's own monkeypatch.
import type { TransformContext } from '../types.js';

/** A test file's own name: test_*.py, *_test.py, tests.py, conftest.py. */
const TEST_NAME = /^(?:test_.*|.*_test|tests|conftest)\.pyw?$/;
/** A folder of tests. */
const TEST_FOLDER = /^tests?$/;
/** Modules only tests import. */
const TEST_IMPORTS = new Set(['unittest', 'unittest.mock', 'mock', 'pytest', 'pytest_mock']);

/**
 * Whether this file is a test: its name (test_*.py, ...), a tests/ or test/ folder it is in (the folders of its
 * dotted module name when the project pass knows it, else those of a relative path: an absolute path's folders
 * say where the checkout is, not what the file is), or an import of a test framework (see the header).
 */
const known = new WeakMap<object, boolean>();

/** Asked by more than one transform per file: the answer is kept per tree (per context's tree and path). */
export function isTestFile(ctx: Pick<TransformContext, 'path' | 'project' | 'tree'>): boolean {
  const cached = known.get(ctx.tree);
  if (cached !== undefined) return cached;
  const answer = testFile(ctx);
  known.set(ctx.tree, answer);
  return answer;
}

function testFile(ctx: Pick<TransformContext, 'path' | 'project' | 'tree'>): boolean {
  if (isTestPath(ctx)) return true;
  for (const stmt of ctx.tree.rootNode.descendantsOfType(['import_statement', 'import_from_statement'])) {
    if (!stmt) continue;
    const modules =
      stmt.type === 'import_from_statement'
        ? [stmt.childForFieldName('module_name')]
        : stmt
            .childrenForFieldName('name')
            .map((n) => (n?.type === 'aliased_import' ? n.childForFieldName('name') : n));
    if (modules.some((m) => m && TEST_IMPORTS.has(m.text.replace(/\s+/g, '')))) return true;
  }
  return false;
}

/** Whether the file's name or folders say it is a test (the first part of isTestFile, no tree needed). */
export function isTestPath(ctx: Pick<TransformContext, 'path' | 'project'>): boolean {
  const parts = ctx.path.split(/[\\/]/);
  if (TEST_NAME.test(parts[parts.length - 1])) return true;
  const folders = ctx.project?.module
    ? ctx.project.module.split('.').slice(0, ctx.project.isPackage ? undefined : -1)
    : /^(?:[\\/]|[A-Za-z]:)/.test(ctx.path)
      ? []
      : parts.slice(0, -1);
  return folders.some((f) => TEST_FOLDER.test(f));
}
