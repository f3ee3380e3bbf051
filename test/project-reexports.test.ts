// The project pass follows a connection however a module hands it on (the fixtures star-reexport,
// module-reexport-attribute and dynamic-import show the rewrites): `from .net import *` (what `*` gives, by
// `__all__` or by name), a module re-exported as an attribute, `importlib.import_module` / `__import__` with a
// literal name; and a plan that fails says so on stderr instead of leaving every file alone in silence.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportGraph } from '../src/project/graph.js';
import { fileImports, importLines } from '../src/project/imports.js';
import { importsIn } from '../src/project/modules.js';
import { run } from '../src/run/runner.js';
import { runWarnings } from '../src/run/run-warnings.js';
import { runCli } from './helpers/run-cli.js';
import { tempDirs } from './helpers/temp.js';

const tempDir = tempDirs('project-reexports');

/** A tree written below a fresh directory. */
function project(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const NET = 'import ftplib\n\n\ndef open_link(host):\n    return ftplib.FTP(host)\n';

describe('import statements the graph reads', () => {
  it('marks a star import, which names no name', () => {
    expect(importsIn('from .net import *\nfrom app.old import  *  \n')).toEqual([
      { level: 1, module: 'net', names: [], locals: [], star: true },
      { level: 0, module: 'app.old', names: [], locals: [], star: true },
    ]);
  });

  it('reads import_module and __import__ with a literal name as an import of it', () => {
    const text = [
      'net = importlib.import_module("app.net")',
      "mod = import_module('.conn', package='app')",
      'rel = importlib.import_module(".sub", __package__)',
      '__import__("pkg.mod").mod.f()',
      'dyn = importlib.import_module(name)',
      'bad = importlib.import_module(".x")',
    ].join('\n');
    expect(importsIn(text).map((r) => [r.level, r.module, r.locals])).toEqual([
      [0, 'app.net', ['net']],
      [0, 'app.conn', ['mod']],
      [1, 'sub', ['rel']],
      [0, 'pkg.mod', []],
    ]);
  });

  it('notes the lines of dynamic imports with a literal name, and no other line that says import', () => {
    const text =
      'import importlib\nnet = importlib.import_module("app.net")\nx = import_module(name)\n' +
      "m = __import__( 'pkg.mod')\nimportant = 1\n";
    expect(importLines(Buffer.from(text))).toBe(
      'import importlib\nnet = importlib.import_module("app.net")\nm = __import__( \'pkg.mod\')',
    );
  });

  it('reads a file that ends in the middle of such a name', () => {
    for (const text of ['x = 1\nimport', 'x = importlib.import_mod', 'x = __import', 'x = __import__('])
      expect(importLines(Buffer.from(text))).toBe('');
    // (a name bound to it, whose calls are read too)
    expect(importLines(Buffer.from('x = __import__'))).toBe('x = __import__');
  });

  it('reads the calls of a name bound to import_module or __import__, as the analysis does', () => {
    const text = [
      'from importlib import import_module as load',
      'import importlib',
      'loader = importlib.import_module',
      'again = loader  # an alias of an alias',
      'typed: Callable = (importlib.import_module)',
      'important = 1',
      'a = load("app.a")',
      'e = typed("app.e")',
      'b = again(',
      '    "app.b",',
      ')',
      'c = important("app.c")',
      'd = load(name)',
    ].join('\n');
    const lines = importLines(Buffer.from(text));
    expect(lines.split('\n')).toEqual([
      'from importlib import import_module as load',
      'import importlib',
      'loader = importlib.import_module',
      'again = loader  # an alias of an alias',
      'typed: Callable = (importlib.import_module)',
      'a = load("app.a")',
      'e = typed("app.e")',
      'b = again(',
      '    "app.b",',
      ')',
    ]);
    expect(
      importsIn(lines)
        .filter((r) => r.dynamic)
        .map((r) => [r.module, r.locals]),
    ).toEqual([
      ['app.a', ['a']],
      ['app.e', ['e']],
      ['app.b', ['b']],
    ]);
  });

  it("reads __import__'s level: relative to the caller's package, given its globals()", () => {
    const text = [
      'net = __import__("net", globals(), locals(), [], 1)',
      'up = __import__("conn", globals(), level=2)',
      'odd = __import__("x", None, None, [], 1)',
      'top = __import__("app.net", globals(), locals(), [], 0)',
    ].join('\n');
    expect(importsIn(text).map((r) => [r.level, r.module, r.locals])).toEqual([
      [1, 'net', ['net']],
      [2, 'conn', ['up']],
      [0, 'app.net', ['top']],
    ]);
  });

  it('finds the importers of a module through a dynamic import of it', () => {
    const root = path.resolve('/project');
    const tree: Record<string, string> = {
      'app/__init__.py': '',
      'app/net.py': NET,
      'main.py': 'import importlib\nnet = importlib.import_module("app.net")\n',
      'other.py': 'import importlib\nplugin = importlib.import_module(name)\n',
    };
    const files = Object.keys(tree).map((f) => path.join(root, f));
    const g = new ImportGraph(files, [root], undefined, (file) =>
      fileImports(file, Buffer.from(tree[path.relative(root, file)])),
    );
    expect(g.importersOfFile(path.join(root, 'app/net.py'))).toEqual([path.join(root, 'main.py')]);
    expect(g.importedWhole('app.net')).toBe(true);
  });
});

describe('what a star import re-exports', () => {
  it("is what `*` gives: the names of __all__ when there is one, else those that do not start with '_'", async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/net.py': NET + '\n\ndef _raw(host):\n    return ftplib.FTP(host)\n',
      'app/old.py':
        'import ftplib\n\n__all__ = ["_legacy"]\n\n\ndef _legacy(host):\n    return ftplib.FTP(host)\n\n\n' +
        'def modern(host):\n    return ftplib.FTP(host)\n',
      'app/mid.py': 'from .net import *\nfrom .old import *\n',
      'main.py': 'from app.mid import open_link, _legacy\n',
    });
    const { views } = await run(['.'], { jobs: 1, cwd: dir });
    const summaries = views?.get('main.py')?.summaries ?? {};
    expect(Object.keys(summaries['app.old']?.exports ?? {}).sort()).toEqual(['_legacy', 'modern']);
    expect(summaries['app.old']?.all).toEqual(['_legacy']);
    expect(Object.keys(summaries['app.mid']?.exports ?? {}).sort()).toEqual(['_legacy', 'open_link']);
  });

  it('keeps a name the importing module binds itself', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/net.py': NET,
      'app/mid.py': 'from .net import *\n\n\ndef open_link(host):\n    return None\n',
      'main.py': 'from app.mid import open_link\nftp = open_link("h")\nftp.login(user, pw)\n',
    });
    const { results } = await run(['.'], { jobs: 1, cwd: dir });
    expect(results.find((r) => r.path === 'main.py')?.status).toBe('unchanged');
    // the same modules without that def: main's login is the star's connection, and gets its prot_p()
    const twin = project({
      'app/__init__.py': '',
      'app/net.py': NET,
      'app/mid.py': 'from .net import *\n',
      'main.py': 'from app.mid import open_link\nftp = open_link("h")\nftp.login(user, pw)\n',
    });
    const again = await run(['.'], { jobs: 1, cwd: twin });
    expect(again.results.find((r) => r.path === 'main.py')?.after).toContain('ftp.prot_p()');
  });
});

describe('a project plan that fails on a module', () => {
  // a module nested deeper than the analysis's stack (CPython would reject it, a tree may still hold it): the
  // plan meets it when it summarises the module, which never mentions ftplib (processing alone skips it)
  const deep = () =>
    project({
      'app/__init__.py': '',
      'app/net.py': NET,
      'app/mid.py': `from app.net import open_link\n\nDATA = ${'['.repeat(20000)}${']'.repeat(20000)}\n\n\ndef link(h):\n    return open_link(h)\n`,
      'main.py':
        'from app.mid import link\n\n\ndef run(user, pw):\n    ftp = link("h")\n    ftp.login(user, pw)\n',
      // imports net itself: the failure of mid is no reason to leave its login alone
      'tools.py': 'from app.net import open_link\n\nftp = open_link("h")\nftp.login("u", "p")\n',
    });

  it('says why, leaves that module alone, and plans the rest of the project', async () => {
    const dir = deep();
    const outcome = await run(['.'], { jobs: 1, cwd: dir });
    expect(outcome.projectError).toBeUndefined();
    expect(outcome.projectFailed).toEqual([expect.stringMatching(/^app\/mid\.py: [^\n]+$/)]);
    expect(outcome.views?.has('app/mid.py')).toBe(false);
    const tools = outcome.results.find((r) => r.path === 'tools.py');
    expect(tools?.after).toContain('ftp.prot_p()');
    // every other file as analysed alone (main's link comes from mid, which is not followed)
    const alone = await run(['.'], { jobs: 1, cwd: dir, project: false });
    const others = (rs: typeof alone.results) => rs.filter((r) => r.path !== 'tools.py');
    expect(others(outcome.results)).toEqual(others(alone.results));
    expect(alone.results.find((r) => r.path === 'tools.py')?.after ?? '').not.toContain('prot_p');
    const planned = await run(['.'], { jobs: 1, cwd: project({ 'app/__init__.py': '', 'app/net.py': NET }) });
    expect(planned.projectFailed).toBeUndefined();
  });

  it('is a one-line warning on stderr, naming the module', () => {
    const dir = deep();
    const cli = runCli(['.'], { cwd: dir });
    expect(cli.status, cli.stderr).toBe(0);
    const warnings = cli.stderr.split('\n').filter((l) => l.includes('warning'));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^ftptls: warning: the project-wide pass could not analyse app\/mid\.py: .+; that file was analysed alone, and what its importers get from it was not followed$/,
      ),
    ]);
    expect(cli.stdout).toContain('+ftp.prot_p()');
  });

  it('and a plan that fails as a whole says each file was analysed alone', () => {
    expect(runWarnings({ projectError: 'app/x.py: boom' })).toBe(
      'ftptls: warning: the project-wide pass failed (app/x.py: boom); each file was analysed alone, as with --no-project\n',
    );
  });
});
