// The project pass's import graph (src/project/graph.ts), answered from the import lines the scan notes
// (src/project/imports.ts): who imports a module, found also when the import does not spell the module's name
// (a relative `from . import x` names the package above), and what the analysis asked of the summaries
// (src/project/values.ts), which decides whether the plan's own processing of a module stands.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportGraph } from '../src/project/graph.js';
import { fileImports, importLines } from '../src/project/imports.js';
import { importsIn } from '../src/project/modules.js';
import { memberOf, projectModule, renamedNames, SummaryQuestions } from '../src/project/values.js';
import type { ModuleSummary } from '../src/project/types.js';

const root = path.resolve('/project');
const at = (rel: string) => path.join(root, rel);

function graph(tree: Record<string, string>): ImportGraph {
  const files = Object.keys(tree).sort().map(at);
  return new ImportGraph(files, [root], undefined, (file) =>
    fileImports(file, Buffer.from(tree[path.relative(root, file)], 'latin1')),
  );
}

describe('import lines', () => {
  it('are the lines that start with from/import, a parenthesised list with its continuation', () => {
    const text = 'import os\nx = "import y"\n  from a.b import (c,\n   d)\nimportx = 1\n\tfrom . import e\n';
    expect(importLines(Buffer.from(text))).toBe('import os\n  from a.b import (c,\n   d)\n\tfrom . import e');
    expect(importsIn(importLines(Buffer.from(text))).map((r) => [r.level, r.module, r.names])).toEqual([
      [0, 'os', []],
      [0, 'a.b', ['c', 'd']],
      [1, '', ['e']],
    ]);
  });

  it("of a notebook: its code cells'; patch targets name modules too", () => {
    const nb = JSON.stringify({ cells: [{ cell_type: 'code', source: ['import app.net\n', 'x = 1'] }] });
    expect(fileImports('a.ipynb', Buffer.from(nb))).toEqual({
      ftplib: false,
      lines: 'import app.net',
      patched: [],
      login: false,
    });
    // (a markdown cell's `.login(` is no call)
    const md = JSON.stringify({
      cells: [
        { cell_type: 'markdown', source: ['see conn.login(user)'] },
        { cell_type: 'code', source: ['def sign_on(conn):\n', '    conn . login ("u", pw)'] },
      ],
    });
    expect(fileImports('b.ipynb', Buffer.from(md)).login).toBe(true);
    const onlyMd = JSON.stringify({ cells: [{ cell_type: 'markdown', source: ['see conn.login(user)'] }] });
    expect(fileImports('c.ipynb', Buffer.from(onlyMd)).login).toBe(false);
    expect(fileImports('h.py', Buffer.from('def sign_on(conn):\n    conn.login(u, p)\n')).login).toBe(true);
    expect(fileImports('l.py', Buffer.from('login = 1\nlogin_count(2)\n')).login).toBe(false);
    const test = 'from unittest import mock\n@mock.patch("app.upload.FTP")\ndef t(m): pass\n';
    expect(fileImports('t.py', Buffer.from(test)).patched).toEqual(['app.upload']);
  });
});

describe('the import graph', () => {
  const tree = {
    'pkg/__init__.py': 'from . import mod\n',
    'pkg/mod.py': 'from .sub import helper\n',
    'pkg/sub.py': 'import os\n',
    'pkg/deep/inner.py': 'from .. import sub\n',
    'app.py': 'import pkg.mod\nimport ftplib\n',
    'tests/test_app.py': 'from unittest import mock\n\n@mock.patch("app.FTP")\ndef test(m): pass\n',
    'plain.py': 'x = 1\n',
  };
  const g = graph(tree);

  it('finds the importers of a module, in file order, however they spell it', () => {
    expect(g.importersOfFile(at('pkg/sub.py'))).toEqual([at('pkg/deep/inner.py'), at('pkg/mod.py')]);
    // `from . import mod` in the package itself names pkg.mod; `import pkg.mod` runs pkg's __init__
    expect(g.importersOfFile(at('pkg/mod.py'))).toEqual([at('app.py'), at('pkg/__init__.py')]);
    expect(g.importersOfFile(at('pkg/__init__.py'))).toEqual([
      at('app.py'),
      at('pkg/deep/inner.py'),
      at('pkg/mod.py'),
    ]);
    expect(g.importersOfFile(at('app.py'))).toEqual([at('tests/test_app.py')]);
    expect(g.isImported(at('app.py'))).toBe(true);
    expect(g.isImported(at('plain.py'))).toBe(false);
  });

  it('says what is imported from a module, and whether it is imported whole', () => {
    expect(g.wanted('pkg')).toEqual(new Set(['mod', 'sub']));
    expect(g.wanted('pkg.sub')).toEqual(new Set(['helper']));
    expect(g.wanted('plain')).toBeUndefined();
    expect(g.importedWhole('pkg.mod')).toBe(true); // import pkg.mod
    expect(g.importedWhole('pkg.sub')).toBe(true); // from .. import sub
    expect(g.importedWhole('pkg')).toBe(false);
    expect(g.users()).toEqual([at('app.py')]);
  });

  it('says whether a name is imported from a module as wanted() does, asked of the files that spell it', () => {
    const cases: [string, string][] = [
      ['pkg', 'mod'],
      ['pkg', 'sub'],
      ['pkg', 'helper'],
      ['pkg.sub', 'helper'],
      ['pkg.sub', 'os'],
      ['plain', 'x'],
    ];
    // before wanted() has answered for the module, and after
    for (const fresh of [true, false])
      for (const [module, name] of cases) {
        const asked = graph(tree);
        if (!fresh) asked.wanted(module);
        expect(asked.asks(module, name), `${module} ${name}`).toBe(g.wanted(module)?.has(name) ?? false);
      }
  });

  it('finds the importers of a module named like others, through its package or from inside it', () => {
    const utils = graph({
      'pkg/__init__.py': '',
      'pkg/utils.py': 'import os\n',
      'pkg/a.py': 'from . import utils\n',
      'pkg/sub/b.py': 'from ..utils import helper\n',
      'other/__init__.py': '',
      'other/utils.py': 'import os\n',
      'other/c.py': 'from other import utils\nfrom . import utils as u\n',
      'd.py': 'import pkg.utils\n',
      'e.py': 'from pkg import utils\n',
      't.py': 'from unittest import mock\n@mock.patch("pkg.utils.FTP")\ndef t(m): pass\n',
    });
    expect(utils.importersOfFile(at('pkg/utils.py'))).toEqual([
      at('d.py'),
      at('e.py'),
      at('pkg/a.py'),
      at('pkg/sub/b.py'),
      at('t.py'),
    ]);
    expect(utils.importersOfFile(at('other/utils.py'))).toEqual([at('other/c.py')]);
    expect(utils.wanted('pkg.utils')).toEqual(new Set(['helper']));
    expect(utils.importedWhole('pkg.utils')).toBe(true);
  });

  it('follows neither module of a name found under two roots', () => {
    const files = [at('s1/app/net.py'), at('s2/app/net.py'), at('user.py')];
    const lines: Record<string, string> = { 'user.py': 'from app.net import x\n' };
    const clash = new ImportGraph(files, [root, at('s1'), at('s2')], undefined, (file) =>
      fileImports(file, Buffer.from(lines[path.relative(root, file)] ?? '')),
    );
    expect(clash.deps(at('user.py'))).toEqual([]);
    expect(clash.importersOfFile(at('s1/app/net.py'))).toEqual([]);
  });
});

describe('what the analysis asked of the summaries', () => {
  const summary = (module: string, exports: ModuleSummary['exports'] = {}): ModuleSummary => ({
    module,
    path: `${module}.py`,
    exports,
    renamed: {},
  });
  const conn = { kind: 'conn' as const, tls: false, protects: false, line: 1 };

  it('holds while every question gets the same answer, whatever else the summaries gain', () => {
    const live: Record<string, ModuleSummary> = { 'app.net': summary('app.net', { link: conn }) };
    const questions = new SummaryQuestions(live);
    const view = { module: 'app.main', summaries: questions.summaries };
    expect(memberOf(view, 'app.net', 'link').kind).toBe('conn');
    expect(memberOf(view, 'app.util', 'helper').kind).toBe('other');
    expect(projectModule(view, 'app').kind).toBe('module');
    expect(renamedNames(view)).toEqual([]);
    // a module that exports nothing it asked about, under a package it knew of already
    expect(questions.holdIn({ ...live, 'app.util': summary('app.util') })).toBe(true);
    expect(questions.holdIn({ ...live, 'app.util': summary('app.util', { helper: conn }) })).toBe(false);
    expect(questions.holdIn({ ...live, 'app.net': summary('app.net') })).toBe(false);
    expect(questions.holdIn({ ...live, 'x.y': { ...summary('x.y'), renamed: { FTP: 'FTP_TLS' } } })).toBe(
      false,
    );
  });

  it('counts any other read of the summaries as a question too', () => {
    const live: Record<string, ModuleSummary> = { a: summary('a') };
    const direct = new SummaryQuestions(live);
    expect(direct.summaries.a?.module).toBe('a');
    expect(direct.holdIn({ ...live, b: summary('b') })).toBe(true);
    expect(direct.holdIn({ a: summary('a', { c: conn }) })).toBe(false);
    const all = new SummaryQuestions(live);
    expect(Object.keys(all.summaries)).toEqual(['a']);
    expect(all.holdIn({ ...live, b: summary('b') })).toBe(false);
  });
});
