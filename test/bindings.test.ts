// The bindings analysis asked directly (real parses), the manual findings the transforms report where a fixture
// cannot show them, and UTF-16 offsets on non-ASCII text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Node, Tree } from 'web-tree-sitter';
import { Bindings } from '../src/analysis/bindings.js';
import type { Value } from '../src/analysis/value.js';
import { initParser, parse } from '../src/parser.js';
import { transformSourceSync } from '../src/transform-source.js';
import type { Finding } from '../src/types.js';

beforeAll(async () => {
  await initParser();
});

const trees: Tree[] = [];
afterAll(() => trees.forEach((t) => t.delete()));

/** Parses Python text (indentation of the template literal removed) and analyses it. */
function analyse(text: string): { text: string; tree: Tree; bindings: Bindings } {
  const source = dedent(text);
  const tree = parse(source);
  trees.push(tree);
  return { text: source, tree, bindings: new Bindings(tree) };
}

function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/**
 * The node of `type` at the n-th occurrence of `snippet`: the smallest one covering it, or when a `^` marks a
 * point in the snippet, the innermost one starting there (`return ^ftp` is the identifier ftp).
 */
function nodeOf(a: { text: string; tree: Tree }, snippet: string, type = 'identifier', nth = 0): Node {
  const caret = snippet.indexOf('^');
  const plain = snippet.replace('^', '');
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = a.text.indexOf(plain, at + 1);
    if (at < 0) throw new Error(`no occurrence ${nth} of ${plain}`);
  }
  let node: Node | null =
    caret >= 0
      ? a.tree.rootNode.descendantForIndex(at + caret)
      : a.tree.rootNode.descendantForIndex(at, at + plain.length);
  while (node && node.type !== type) node = node.parent;
  if (!node) throw new Error(`no ${type} at ${snippet}`);
  return node;
}

function kind(v: Value): string {
  if (v.kind === 'class' || v.kind === 'conn') return `${v.kind}:${v.tls ? 'FTP_TLS' : 'FTP'}`;
  return v.kind;
}

/** What the identifier at the start of `snippet` (or at its `^`) evaluates to. */
function valueAt(a: ReturnType<typeof analyse>, snippet: string, nth = 0): string {
  return kind(
    a.bindings.valueOf(nodeOf(a, snippet.includes('^') ? snippet : `^${snippet}`, 'identifier', nth)),
  );
}

/** Lines of the class references, e.g. ['3:FTP', '7:FTP_TLS']. */
function refLines(a: ReturnType<typeof analyse>): string[] {
  return a.bindings.classReferences().map((r) => `${r.node.startPosition.row + 1}:${r.name}`);
}

describe('bindings: import forms', () => {
  it('resolves from-imports, aliases, module imports and star imports', () => {
    const a = analyse(`
      import ftplib
      import ftplib as fl
      from ftplib import FTP as SecureFTP, error_perm
      from ftplib import *
      a = ftplib.FTP
      b = fl.FTP_TLS
      c = SecureFTP
      d = FTP_TLS
      e = error_perm
    `);
    expect(valueAt(a, 'a = ^ftplib')).toBe('ftplib');
    expect(kind(a.bindings.valueOf(nodeOf(a, 'ftplib.FTP', 'attribute')))).toBe('class:FTP');
    expect(valueAt(a, 'b =')).toBe('class:FTP_TLS');
    expect(valueAt(a, 'c =')).toBe('class:FTP');
    expect(valueAt(a, 'd =')).toBe('class:FTP_TLS');
    expect(valueAt(a, 'e =')).toBe('other');
    expect(valueAt(a, 'fl.FTP_TLS')).toBe('ftplib');
    expect(refLines(a)).toEqual(['5:FTP', '6:FTP_TLS', '7:FTP', '8:FTP_TLS']);
  });

  it('ignores the fallback of a try/except ImportError', () => {
    const a = analyse(`
      try:
          from ftplib import FTP
      except ImportError:
          FTP = None
      conn = FTP("h")
    `);
    expect(valueAt(a, 'conn')).toBe('conn:FTP');
    expect(refLines(a)).toEqual(['5:FTP']);
  });

  it('an import inside a function binds only there', () => {
    const a = analyse(`
      def push():
          from ftplib import FTP
          return FTP("h")
      def other():
          return FTP("h")
    `);
    expect(refLines(a)).toEqual(['3:FTP']);
  });
});

describe('bindings: scoping', () => {
  it('a later rebinding in the same scope wins over the import', () => {
    const a = analyse(`
      from ftplib import FTP
      from unittest.mock import Mock
      FTP = Mock
      conn = FTP("h")
    `);
    expect(valueAt(a, 'conn')).toBe('other');
    expect(refLines(a)).toEqual([]);
  });

  it('bindings in two branches are both possible; a later one that always runs replaces the earlier', () => {
    const a = analyse(`
      import ftplib

      def branches(tls):
          if tls:
              make = other_factory
          else:
              make = ftplib.FTP
          conn = make("h")

      def replaced_later():
          opener = other_factory
          opener = ftplib.FTP
          link = opener("h")

      def replaced_by_other():
          factory = ftplib.FTP
          factory = other_factory
          session = factory("h")

      def used_before_it_is_replaced():
          builder = ftplib.FTP
          handle = builder("h")
          builder = other_factory

      def replaced_in_a_branch(tls):
          maker = ftplib.FTP
          if tls:
              maker = other_factory
          ftp = maker("h")
    `);
    expect(valueAt(a, 'make("h")')).toBe('callables');
    expect(valueAt(a, 'conn = ')).toBe('partial');
    expect(valueAt(a, 'opener("h")')).toBe('class:FTP');
    expect(valueAt(a, 'link = ')).toBe('conn:FTP');
    expect(valueAt(a, 'factory("h")')).toBe('other');
    expect(valueAt(a, 'session = ')).toBe('other');
    // the use comes before the statement that replaces it: both may reach it (the body may be a loop's)
    expect(valueAt(a, 'builder("h")')).toBe('callables');
    // a binding in a branch replaces nothing for good
    expect(valueAt(a, 'maker("h")')).toBe('callables');
  });

  it('a later rebinding at module level replaces the import for the functions that run after it', () => {
    const a = analyse(`
      from ftplib import FTP

      def connect():
          return FTP("h")

      FTP = make_double()
    `);
    expect(valueAt(a, 'FTP("h")')).toBe('other');
  });

  it('a rebinding inside a function does not touch the module name', () => {
    const a = analyse(`
      from ftplib import FTP
      def test():
          FTP = object
          return FTP
      conn = FTP("h")
    `);
    expect(valueAt(a, 'conn')).toBe('conn:FTP');
    expect(refLines(a)).toEqual(['5:FTP']);
  });

  it('a class scope is not visible from its methods', () => {
    const a = analyse(`
      import ftplib
      class FTP:
          pass
      class Client:
          FTP = ftplib.FTP
          default = FTP
          def connect(self):
              return FTP("h")
    `);
    // in the class body FTP is the class attribute; in the method it is the module's own class FTP
    expect(valueAt(a, 'default = ^FTP')).toBe('class:FTP');
    expect(kind(a.bindings.valueOf(nodeOf(a, 'FTP("h")', 'call')))).toBe('other');
    expect(refLines(a)).toEqual(['5:FTP']);
  });

  it('global binds in the module, nonlocal in the enclosing function', () => {
    const a = analyse(`
      import ftplib
      ftp = None
      def connect():
          global ftp
          ftp = ftplib.FTP("h")
      def use():
          return ftp
      def outer():
          conn = None
          def inner():
              nonlocal conn
              conn = ftplib.FTP_TLS("h")
          inner()
          return conn
    `);
    expect(valueAt(a, 'return ^ftp')).toBe('conn:FTP');
    expect(valueAt(a, 'return ^conn')).toBe('conn:FTP_TLS');
  });

  it('comprehension variables stay in the comprehension', () => {
    const a = analyse(`
      from ftplib import FTP
      conns = [FTP(h) for h in hosts]
      names = [FTP for FTP in ("a", "b")]
      last = FTP
    `);
    expect(valueAt(a, '[^FTP for')).toBe('other'); // the comprehension's own FTP
    expect(valueAt(a, 'last')).toBe('class:FTP');
    expect(refLines(a)).toEqual(['2:FTP', '4:FTP']);
  });

  it('a local class overrides a star import', () => {
    const a = analyse(`
      from ftplib import *
      class FTP:
          pass
      sim = FTP()
      tls = FTP_TLS("h")
    `);
    expect(valueAt(a, 'sim')).toBe('other');
    expect(valueAt(a, 'tls')).toBe('conn:FTP_TLS');
    expect(refLines(a)).toEqual(['5:FTP_TLS']);
  });

  it('a parameter named like the import shadows it', () => {
    const a = analyse(`
      from ftplib import FTP
      def f(FTP):
          return FTP("h")
    `);
    expect(refLines(a)).toEqual([]);
  });
});

describe('bindings: connections', () => {
  it('follows self attributes across methods, with targets, subclasses and factories', () => {
    const a = analyse(`
      import ftplib
      class Job:
          def __init__(self):
              self.ftp = None
          def connect(self):
              self.ftp = ftplib.FTP("h")
          def run(self):
              self.ftp.login()
              with ftplib.FTP_TLS("h") as self.other:
                  pass
      class Tracing(ftplib.FTP):
          def relogin(self):
              self.login()
          @classmethod
          def make(cls):
              return cls
      def mirror(host, factory=ftplib.FTP):
          client = factory(host)
          sub = Tracing(host)
    `);
    expect(
      kind(a.bindings.valueOf(nodeOf(a, 'self.ftp.login', 'attribute').childForFieldName('object'))),
    ).toBe('conn:FTP');
    expect(kind(a.bindings.valueOf(nodeOf(a, 'self.other', 'attribute')))).toBe('conn:FTP_TLS');
    expect(valueAt(a, 'self.login()')).toBe('conn:FTP'); // self in a subclass's method
    expect(valueAt(a, 'return ^cls')).toBe('other'); // cls in a classmethod is not an instance
    expect(valueAt(a, 'client')).toBe('conn:FTP');
    expect(valueAt(a, 'sub')).toBe('conn:FTP');
  });

  it('an annotated parameter is a connection of unknown origin', () => {
    const a = analyse(`
      import ftplib
      def upload(conn: ftplib.FTP):
          conn.login()
    `);
    const v = a.bindings.valueOf(nodeOf(a, 'conn', 'identifier', 1));
    expect(v).toMatchObject({ kind: 'conn', tls: false, origin: 'param' });
  });

  it('finds the parent __init__ called from a subclass', () => {
    const a = analyse(`
      from ftplib import FTP
      class A(FTP):
          def __init__(self, host):
              super().__init__(host)
      class B(FTP):
          def __init__(self, host):
              FTP.__init__(self, host)
    `);
    expect(a.bindings.parentInit(nodeOf(a, 'super().__init__(host)', 'call'))).toMatchObject({
      base: { kind: 'class', tls: false },
      offset: 0,
    });
    expect(a.bindings.parentInit(nodeOf(a, 'FTP.__init__(self, host)', 'call'))).toMatchObject({ offset: 1 });
  });
});

describe('manual findings', () => {
  function manual(text: string): Array<Pick<Finding, 'rule' | 'line' | 'reason'>> {
    const result = transformSourceSync(dedent(text), { path: 'm.py' });
    return result.findings
      .filter((f) => f.status === 'manual')
      .map((f) => ({ rule: f.rule, line: f.line, reason: f.reason }));
  }

  it('reports logins it cannot follow, and leaves them as they are', () => {
    const text = dedent(`
      import ftplib
      from ftplib import FTP
      def quick(host):
          return FTP(host).login()
      def give_back(host):
          conn = FTP(host)
          return conn.login()
      def login_with(conn: ftplib.FTP):
          conn.login()
      def later(host):
          conn = FTP(host)
          relogin = lambda: conn.login()
          return relogin
      def untyped(ftp, user):
          ftp.login(user)
          ftp.retrlines("LIST")
      def checked(host):
          conn = FTP(host)
          if not conn.login().startswith("230"):
              raise ValueError
    `);
    const result = transformSourceSync(text, { path: 'm.py' });
    expect(result.after).not.toContain('prot_p');
    expect(manual(text)).toEqual([
      { rule: 'prot-p', line: 4, reason: expect.stringMatching(/chained on the constructor/) },
      { rule: 'prot-p', line: 7, reason: expect.stringMatching(/return statement/) },
      { rule: 'prot-p', line: 9, reason: expect.stringMatching(/parameter whose origin is unknown/) },
      { rule: 'prot-p', line: 12, reason: expect.stringMatching(/lambda/) },
      { rule: 'prot-p', line: 15, reason: expect.stringMatching(/parameter whose origin is unknown/) },
      { rule: 'prot-p', line: 19, reason: expect.stringMatching(/if condition/) },
    ]);
  });

  it('follows imports into a global name, and leaves a from-import of one for a person', () => {
    // `global` moves the binding to the module: analysing such an import once threw instead
    const fixed = transformSourceSync(
      dedent(`
        def f():
            global ftplib
            import ftplib
            return ftplib.FTP("h")
      `),
      { path: 'm.py' },
    );
    expect(fixed.status).toBe('changed');
    expect(fixed.after).toContain('ftplib.FTP_TLS("h")');
    expect(
      manual(`
        def load():
            global FTP
            from ftplib import FTP
        def connect(host):
            load()
            return FTP(host)
      `),
    ).toEqual([
      { rule: 'ftp-to-ftp-tls', line: 6, reason: expect.stringMatching(/declared global or nonlocal/) },
    ]);
  });

  it('reports a constructor that logs in without a name, and *args it cannot map', () => {
    expect(
      manual(`
        from ftplib import FTP
        ARGS = ("h", "u", "p")
        def a():
            return FTP("h", "u", "p")
        def b():
            return FTP(*ARGS)
      `),
    ).toEqual([
      { rule: 'prot-p', line: 4, reason: expect.stringMatching(/not assigned to a name/) },
      {
        rule: 'hardcoded-credentials',
        line: 4,
        reason: expect.stringMatching(/^the password is a string literal/),
      },
      { rule: 'ftp-to-ftp-tls', line: 6, reason: expect.stringMatching(/\*args/) },
    ]);
  });

  it('reports imports kept for a re-export, a string annotation, a rebinding or a cleartext fallback', () => {
    expect(
      manual(`
        from ftplib import FTP
        __all__ = ["FTP"]
        def f(h) -> "FTP":
            return FTP(h)
      `).map((f) => f.reason),
    ).toEqual([
      expect.stringMatching(/still get cleartext FTP/),
      expect.stringMatching(/string annotations/),
    ]);
    expect(
      manual(`
        from ftplib import FTP
        FTP = object
      `).map((f) => f.reason),
    ).toEqual([expect.stringMatching(/bound again in this scope \(line 2\)/)]);
    expect(
      manual(`
        try:
            from ftplib import FTP_TLS as FTP
        except ImportError:
            from ftplib import FTP
      `).map((f) => f.reason),
    ).toEqual([expect.stringMatching(/cleartext fallback/)]);
  });
});

describe('UTF-16 offsets', () => {
  it('node offsets are String indices on non-ASCII text, and the edits land exactly', () => {
    const text =
      '# café 😀 中文\n' +
      'from ftplib import FTP\n' +
      's = "😀😀 中文 é"; ftp = FTP("hôte")\n' +
      'ftp.login("ü", "😀")  # 🔒 mot de passe\n';
    const a = { text, tree: parse(text) };
    trees.push(a.tree);
    const bindings = new Bindings(a.tree);
    const [ref] = bindings.classReferences().filter((r) => r.node.startPosition.row === 2);
    expect(text.slice(ref.node.startIndex, ref.node.endIndex)).toBe('FTP');
    expect(ref.node.startIndex).toBe(text.indexOf('FTP("'));
    const login = nodeOf(a, 'ftp.login', 'call');
    expect(text.slice(login.startIndex, login.endIndex)).toBe('ftp.login("ü", "😀")');

    const result = transformSourceSync(text, { path: 'utf.py' });
    expect(result.error).toBeUndefined();
    expect(result.after).toBe(
      '# café 😀 中文\n' +
        'from ftplib import FTP_TLS\n' +
        's = "😀😀 中文 é"; ftp = FTP_TLS("hôte")\n' +
        'ftp.login("ü", "😀")  # 🔒 mot de passe\n' +
        'ftp.prot_p()\n',
    );
    // findings are positioned in UTF-16 columns of the original text
    const fixed = result.findings.find((f) => f.rule === 'ftp-to-ftp-tls' && f.line === 3)!;
    expect(fixed.column).toBe(text.split('\n')[2].indexOf('FTP(') + 1);
  });
});
