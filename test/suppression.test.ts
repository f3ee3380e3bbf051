import { describe, it, expect, beforeAll } from 'vitest';
import type { Node, Tree } from 'web-tree-sitter';
import { initParser, parse } from '../src/parser.js';
import { createSuppressor, type SiteKind, type Suppressor } from '../src/suppression.js';

beforeAll(async () => {
  await initParser();
});

/** The smallest node spanning `inner` inside the first occurrence of `needle` (default: the whole needle). */
function nodeAt(source: string, tree: Tree, needle: string, inner = needle): Node {
  const at = source.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in source`);
  const start = at + needle.indexOf(inner);
  const node = tree.rootNode.descendantForIndex(start, start + inner.length);
  if (!node) throw new Error(`no node at ${needle}`);
  return node;
}

/** The first node of `type` whose text starts with `prefix` (a small tree walk). */
function findNode(tree: Tree, type: string, prefix: string): Node {
  const walk = (node: Node): Node | undefined => {
    if (node.type === type && node.text.startsWith(prefix)) return node;
    for (const child of node.children) {
      const hit = child && walk(child);
      if (hit) return hit;
    }
    return undefined;
  };
  const hit = walk(tree.rootNode);
  if (!hit) throw new Error(`no ${type} starting with ${prefix}`);
  return hit;
}

function setup(source: string, extra?: string[]): { s: Suppressor; tree: Tree } {
  const tree = parse(source);
  return { s: createSuppressor(source, tree, extra), tree };
}

/** The marker for the `FTP(` call in `source`. */
function callMarker(source: string, extra?: string[]): string | undefined {
  const { s, tree } = setup(source, extra);
  return s.markerFor(findNode(tree, 'call', 'FTP('), 'call');
}

/** The marker for the first ftplib import statement in `source`. */
function importMarker(source: string): string | undefined {
  const { s, tree } = setup(source);
  const node = findNode(
    tree,
    source.includes('from ftplib') ? 'import_from_statement' : 'import_statement',
    '',
  );
  return s.markerFor(node, 'import');
}

/** The marker for the `.login(` call in `source`. */
function loginMarker(source: string): string | undefined {
  const { s, tree } = setup(source);
  return s.markerFor(nodeAt(source, tree, 'conn.login(u, p)'), 'login');
}

describe('comment syntaxes at a call site (trailing comment)', () => {
  const positives: [tool: string, comment: string, marker: string][] = [
    ['precli', '# suppress: PY003', '# suppress: PY003'],
    ['precli', '# suppress: cleartext_transmission', '# suppress: cleartext_transmission'],
    ['precli', '# suppress: PY003, PY004', '# suppress: PY003, PY004'],
    ['precli', '# suppress: PY004,PY003', '# suppress: PY004,PY003'],
    ['precli', '# suppress: PY003 PY004', '# suppress: PY003 PY004'],
    ['precli', '# suppress PY003', '# suppress PY003'],
    ['precli', '# type: ignore # suppress: PY003', '# suppress: PY003'],
    ['cytoscnpy', '# ignore', '# ignore'],
    ['cytoscnpy', '# noqa', '# noqa'],
    ['cytoscnpy', '# pragma: no cytoscnpy', '# pragma: no cytoscnpy'],
    ['cytoscnpy', '# Pragma: No CytoScnPy', '# Pragma: No CytoScnPy'],
    ['cytoscnpy', '# noqa: CSP', '# noqa: CSP'],
    ['cytoscnpy', '# ignore: CSP-D406', '# ignore: CSP-D406'],
    ['cytoscnpy', '# noqa: CSP-D406, CSP-Q202', '# noqa: CSP-D406, CSP-Q202'],
    ['cytoscnpy', '# NOQA: csp-d406', '# NOQA: csp-d406'],
    ['cytoscnpy', '# type: ignore # noqa: CSP-D406', '# noqa: CSP-D406'],
    ['bandit', '# nosec', '# nosec'],
    ['bandit', '#nosec', '#nosec'],
    ['bandit', '# nosec B321', '# nosec B321'],
    ['bandit', '# nosec: B321,B402', '# nosec: B321,B402'],
    ['bandit', '# nosec B402, B321', '# nosec B402, B321'],
    ['bandit', '# nosec ftplib', '# nosec ftplib'],
    [
      'bandit',
      '# nosec - reviewed, the server is on loopback',
      '# nosec - reviewed, the server is on loopback',
    ],
    ['bandit', '# type: ignore # nosec B321 # why', '# nosec B321'],
    ['ruff', '# noqa: S321', '# noqa: S321'],
    ['ruff', '# noqa:S321', '# noqa:S321'],
    ['ruff', '# noqa: E501,S321', '# noqa: E501,S321'],
    ['ruff', '# noqa: E501 S321', '# noqa: E501 S321'],
    ['ruff', '# NoQA: S321 the server is on loopback', '# NoQA: S321 the server is on loopback'],
    ['ruff', '# noqa S321', '# noqa S321'], // no colon: a blanket noqa, as ruff reads it
    ['ruff', '# noqa: E501S321', '# noqa: E501S321'], // ruff warns about the missing comma, and reads both
    ['ruff', '# type: ignore # noqa: S321', '# noqa: S321'],
    ['semgrep', '# nosemgrep', '# nosemgrep'],
    ['semgrep', '# nosem', '# nosem'],
    ['semgrep', '# NOSEMGREP', '# NOSEMGREP'],
    [
      'semgrep',
      '# nosemgrep: python.lang.security.audit.insecure-transport.ftplib.use-ftp-tls.use-ftp-tls',
      '# nosemgrep: python.lang.security.audit.insecure-transport.ftplib.use-ftp-tls.use-ftp-tls',
    ],
    ['semgrep', '# nosemgrep: use-ftp-tls', '# nosemgrep: use-ftp-tls'],
    ['semgrep', '# nosemgrep:ftplib.use-ftp-tls.use-ftp-tls', '# nosemgrep:ftplib.use-ftp-tls.use-ftp-tls'],
    ['semgrep', '# nosemgrep: some-other-rule, use-ftp-tls', '# nosemgrep: some-other-rule, use-ftp-tls'],
    ['semgrep', '# reviewed nosemgrep: use-ftp-tls', '# reviewed nosemgrep: use-ftp-tls'],
    // the rule use-ftp-tls replaced in October 2024, under its full id, a suffix of it, and its published name
    [
      'semgrep',
      '# nosemgrep: python.lang.security.audit.ftplib.ftplib',
      '# nosemgrep: python.lang.security.audit.ftplib.ftplib',
    ],
    ['semgrep', '# nosemgrep: ftplib', '# nosemgrep: ftplib'],
    [
      'semgrep',
      '# nosemgrep: python.lang.security.audit.ftplib',
      '# nosemgrep: python.lang.security.audit.ftplib',
    ],
    ['semgrep', '# nosemgrep: some-other-rule, ftplib', '# nosemgrep: some-other-rule, ftplib'],
    ['ftptls', '# ftptls: ignore', '# ftptls: ignore'],
    ['ftptls', '# FTPTLS:ignore', '# FTPTLS:ignore'],
    ['ftptls', '# type: ignore  # ftptls: ignore', '# ftptls: ignore'],
  ];
  it.each(positives)('%s: %s suppresses', (_tool, comment, marker) => {
    expect(callMarker(`from ftplib import FTP\nconn = FTP(host)  ${comment}\n`)).toBe(marker);
  });

  const negatives: [tool: string, comment: string][] = [
    ['precli', '# suppress: PY004'],
    ['precli', '# suppress:PY003'], // precli wants one space after the colon
    ['precli', '# SUPPRESS: PY003'],
    ['precli', '# suppress: py003'],
    ['precli', '# suppress: PY03'],
    ['cytoscnpy', '# ignore: CSP-D101'],
    ['cytoscnpy', '# noqa: CSP-D4060'],
    ['cytoscnpy', '# ignored for now'],
    ['cytoscnpy', '# type: ignore'],
    ['cytoscnpy', '# type: ignore[attr-defined]'],
    ['bandit', '# nosec B105'],
    ['bandit', '# nosec: B105,B106'],
    ['bandit', '# NOSEC'],
    ['bandit', '# nosec hardcoded_password_string'],
    ['ruff', '# noqa: E501'],
    ['ruff', '# noqa: s321'],
    ['ruff', '# noqa: S3210'],
    ['ruff', '# noqa: S32'],
    ['ruff', '# noqa: S321abc'],
    ['ruff', '#noqaS321'],
    ['semgrep', '# nosemgrep: some-other-rule'],
    ['semgrep', '# nosemgrep: use-ftp-tls-extra'],
    ['semgrep', '# nosemgrep: python.lang.security.audit.insecure-transport.ftplib.use-ftp-tls.other'],
    ['semgrep', '# nosemgrep: python.lang.security.audit.telnetlib.telnetlib'],
    ['semgrep', '# nosemgrep: python.lang.security.audit.ftplib.other'],
    ['semgrep', '# nosemgrep: ftplib-extra'],
    ['semgrep', '# see the nosemgrepper docs'],
    ['ftptls', '# ftptls: ignored'],
    ['ftptls', '# ftptls: skip-file'], // file-level only, and only in the leading comments
    ['none', '# a plain comment'],
    ['none', '# pylint: disable=line-too-long'],
  ];
  it.each(negatives)('%s: %s does not suppress', (_tool, comment) => {
    expect(callMarker(`from ftplib import FTP\nconn = FTP(host)  ${comment}\n`)).toBeUndefined();
  });

  it('ignores marker text inside a string', () => {
    expect(callMarker('from ftplib import FTP\nconn = FTP("# nosec")\n')).toBeUndefined();
    expect(callMarker('from ftplib import FTP\nconn = FTP(host, "x # noqa")  # why\n')).toBeUndefined();
  });

  it('markers inside f-strings and triple-quoted strings are not comments', () => {
    expect(callMarker('from ftplib import FTP\nconn = FTP(f"{host}#{port}")  # nosec B321\n')).toBe(
      '# nosec B321',
    );
    expect(
      callMarker('from ftplib import FTP\nNOTE = """\n# nosec\n"""\nconn = FTP(host)\n'),
    ).toBeUndefined();
    const after = 'from ftplib import FTP\nx = """\n# nosec\n"""  # ok\n# noqa: S321\nconn = FTP(host)\n';
    expect(callMarker(after)).toBe('# noqa: S321');
  });

  it('a file without any marker suppresses nothing', () => {
    const { s, tree } = setup('from ftplib import FTP\n# connect\nconn = FTP(host)\n');
    expect(s.fileMarker).toBeUndefined();
    expect(s.markerFor(findNode(tree, 'call', 'FTP('), 'call')).toBeUndefined();
    expect(s.unused()).toEqual([]);
  });

  it('finds the marker after a string holding a #', () => {
    expect(callMarker('from ftplib import FTP\nconn = FTP("ftp.#example")  # nosec B321\n')).toBe(
      '# nosec B321',
    );
  });
});

describe('kind-specific rules', () => {
  const importSource = (comment: string) => `from ftplib import FTP  ${comment}\nconn = FTP(host)\n`;

  it.each([
    '# noqa: S402',
    '# nosec B402',
    '# nosec import_ftplib',
    '# nosec: B321,B402',
    '# noqa: CSP-D702',
    '# nosec',
    '# noqa',
    '# nosemgrep',
    '# ftptls: ignore',
  ])('%s suppresses an import', (comment) => {
    expect(importMarker(importSource(comment))).toBe(comment);
  });

  it.each([
    '# noqa: S321',
    '# nosec B321',
    '# nosec ftplib',
    '# suppress: PY003',
    '# nosemgrep: use-ftp-tls',
    '# nosemgrep: python.lang.security.audit.ftplib',
    '# ignore: CSP-D406',
  ])('%s does not suppress an import', (comment) => {
    expect(importMarker(importSource(comment))).toBeUndefined();
  });

  it.each(['# noqa: S402', '# nosec B402', '# nosec import_ftplib', '# noqa: CSP-D702'])(
    '%s does not suppress a call',
    (comment) => {
      expect(callMarker(`from ftplib import FTP\nconn = FTP(host)  ${comment}\n`)).toBeUndefined();
    },
  );

  it('`import ftplib` is an import site too', () => {
    expect(importMarker('import ftplib  # noqa: S402\nconn = ftplib.FTP(host)\n')).toBe('# noqa: S402');
  });

  it('login sites take the use-site codes', () => {
    const source = (c: string) => `from ftplib import FTP\nconn = FTP(host)\nconn.login(u, p)  ${c}\n`;
    expect(loginMarker(source('# nosec B321'))).toBe('# nosec B321');
    expect(loginMarker(source('# noqa: S321'))).toBe('# noqa: S321');
    expect(loginMarker(source('# ftptls: ignore'))).toBe('# ftptls: ignore');
    expect(loginMarker(source('# nosemgrep: python.lang.security.audit.ftplib'))).toBe(
      '# nosemgrep: python.lang.security.audit.ftplib',
    );
    expect(loginMarker(source('# noqa: S402'))).toBeUndefined();
    expect(loginMarker(source('# nosec B402'))).toBeUndefined();
  });

  it('reference sites take the use-site codes', () => {
    const source = (c: string) => `from ftplib import FTP\nclass Client(FTP):  ${c}\n    pass\n`;
    const ref = (c: string) => {
      const src = source(c);
      const { s, tree } = setup(src);
      return s.markerFor(nodeAt(src, tree, 'class Client(FTP)', 'FTP'), 'reference');
    };
    expect(ref('# noqa: S321')).toBe('# noqa: S321');
    expect(ref('# suppress: PY003')).toBe('# suppress: PY003');
    expect(ref('# noqa: S402')).toBeUndefined();
  });
});

describe('placement', () => {
  const header = 'from ftplib import FTP\n';

  it('a comment alone on the line above suppresses the next statement', () => {
    expect(callMarker(`${header}# nosec B321\nconn = FTP(host)\n`)).toBe('# nosec B321');
  });

  it('a run of comment lines directly above counts', () => {
    expect(callMarker(`${header}# nosec B321\n# the device only speaks FTP\nconn = FTP(host)\n`)).toBe(
      '# nosec B321',
    );
  });

  it('an indented comment above a statement in a function counts', () => {
    expect(callMarker(`${header}def connect():\n    # ftptls: ignore\n    return FTP(host)\n`)).toBe(
      '# ftptls: ignore',
    );
  });

  it('a blank line breaks the link', () => {
    expect(callMarker(`${header}# nosec\n\nconn = FTP(host)\n`)).toBeUndefined();
  });

  it('a comment above the previous statement does not count', () => {
    expect(callMarker(`${header}# nosec\nx = 1\nconn = FTP(host)\n`)).toBeUndefined();
  });

  it('the trailing comment of the previous statement does not count', () => {
    expect(callMarker(`${header}x = 1  # nosec\nconn = FTP(host)\n`)).toBeUndefined();
  });

  it('a comment below does not count', () => {
    expect(callMarker(`${header}conn = FTP(host)\n# nosec\n`)).toBeUndefined();
  });

  it.each([
    ['first line', `conn = FTP(  # nosec\n    host,\n    timeout=30,\n)\n`],
    ['middle line', `conn = FTP(\n    host,  # nosec\n    timeout=30,\n)\n`],
    ['own line inside the call', `conn = FTP(\n    host,\n    # nosec\n    timeout=30,\n)\n`],
    ['closing line', `conn = FTP(\n    host,\n    timeout=30,\n)  # nosec\n`],
    ['backslash continuation', `conn = \\\n    FTP(host)  # nosec\n`],
  ])('a marker on any line of a multi-line statement counts: %s', (_where, body) => {
    expect(callMarker(header + body)).toBe('# nosec');
  });

  it('a marker on any line of a parenthesised import counts', () => {
    expect(importMarker('from ftplib import (\n    FTP,  # noqa: S402\n    error_perm,\n)\n')).toBe(
      '# noqa: S402',
    );
    expect(importMarker('from ftplib import (\n    FTP,\n    error_perm,\n)  # nosec B402\n')).toBe(
      '# nosec B402',
    );
  });

  it('two statements on one line share the trailing comment', () => {
    expect(loginMarker(`${header}conn = FTP(host); conn.login(u, p)  # nosec B321\n`)).toBe('# nosec B321');
  });

  it('CRLF line endings', () => {
    expect(callMarker('from ftplib import FTP\r\n# nosec\r\nconn = FTP(host)\r\n')).toBe('# nosec');
    expect(callMarker('from ftplib import FTP\r\nconn = FTP(host)  # noqa: S321\r\n')).toBe('# noqa: S321');
    expect(callMarker('from ftplib import FTP\r\n# nosec\r\n\r\nconn = FTP(host)\r\n')).toBeUndefined();
  });

  it('a lone CR ends the comment text', () => {
    // tree-sitter-python keeps going past a lone \r inside a comment; Python's tokenizer does not.
    expect(callMarker('from ftplib import FTP\nconn = FTP(host)  # nosec\rx = 1\n')).toBe('# nosec');
  });
});

describe('compound statement headers', () => {
  it('with: a trailing comment on the header suppresses the call in it, not the body', () => {
    const src = 'from ftplib import FTP\nwith FTP(host) as conn:  # nosec\n    conn.login(u, p)\n';
    const { s, tree } = setup(src);
    expect(s.markerFor(findNode(tree, 'call', 'FTP('), 'call')).toBe('# nosec');
    expect(s.markerFor(nodeAt(src, tree, 'conn.login(u, p)'), 'login')).toBeUndefined();
  });

  it('with: a comment in the body does not suppress the header', () => {
    expect(
      callMarker('from ftplib import FTP\nwith FTP(host) as conn:\n    conn.login(u, p)  # nosec\n'),
    ).toBeUndefined();
  });

  it('with: a comment above the statement counts', () => {
    expect(callMarker('from ftplib import FTP\n# nosec\nwith FTP(host) as conn:\n    pass\n')).toBe(
      '# nosec',
    );
  });

  it('class: base class reference', () => {
    const ref = (src: string, needle = '(FTP') => {
      const { s, tree } = setup(src);
      return s.markerFor(nodeAt(src, tree, needle, 'FTP'), 'reference');
    };
    expect(ref('from ftplib import FTP\nclass C(FTP):  # noqa: S321\n    pass\n')).toBe('# noqa: S321');
    expect(ref('from ftplib import FTP\nclass C(FTP):\n    x = 1  # nosec\n')).toBeUndefined();
    expect(
      ref('from ftplib import FTP\nclass C(\n    FTP,\n    Mixin,\n):  # nosec\n    pass\n', ' FTP,'),
    ).toBe('# nosec');
    expect(ref('from ftplib import FTP\n# nosec\nclass C(\n    FTP,\n):\n    pass\n', ' FTP,')).toBe(
      '# nosec',
    );
    expect(ref('from ftplib import FTP\nclass C(FTP): pass  # nosec\n')).toBe('# nosec');
  });

  it('def: a default value, with the comment above the decorators', () => {
    const src =
      'from ftplib import FTP\n# ftptls: ignore\n@retry\ndef connect(factory=FTP):\n    return factory(host)\n';
    const { s, tree } = setup(src);
    expect(s.markerFor(nodeAt(src, tree, 'factory=FTP', 'FTP'), 'reference')).toBe('# ftptls: ignore');
  });

  it('def: a multi-line signature', () => {
    const src = 'from ftplib import FTP\ndef connect(\n    factory=FTP,\n) -> None:  # nosec\n    pass\n';
    const { s, tree } = setup(src);
    expect(s.markerFor(nodeAt(src, tree, 'factory=FTP', 'FTP'), 'reference')).toBe('# nosec');
  });

  it('if / elif conditions', () => {
    const at = (src: string, needle: string) => {
      const { s, tree } = setup(src);
      return s.markerFor(nodeAt(src, tree, needle, 'FTP'), 'reference');
    };
    expect(at('from ftplib import FTP\nif isinstance(c, FTP):  # nosec\n    pass\n', 'c, FTP')).toBe(
      '# nosec',
    );
    expect(
      at('from ftplib import FTP\nif a:  # nosec\n    pass\nelif isinstance(c, FTP):\n    pass\n', 'c, FTP'),
    ).toBeUndefined();
    expect(
      at('from ftplib import FTP\nif a:\n    pass\nelif isinstance(c, FTP):  # nosec\n    pass\n', 'c, FTP'),
    ).toBe('# nosec');
  });

  it('a one-line compound statement: the trailing comment suppresses its body statement', () => {
    expect(loginMarker('from ftplib import FTP\nconn = FTP(host)\nif ok: conn.login(u, p)  # nosec\n')).toBe(
      '# nosec',
    );
  });
});

describe('file-level markers', () => {
  it('# ruff: noqa: S321 suppresses use sites, not imports', () => {
    const src = '# ruff: noqa: S321\nfrom ftplib import FTP\nconn = FTP(host)\n';
    const { s, tree } = setup(src);
    expect(s.fileMarker).toBe('# ruff: noqa: S321');
    expect(s.markerFor(findNode(tree, 'call', 'FTP('), 'call')).toBe('# ruff: noqa: S321');
    expect(s.markerFor(findNode(tree, 'import_from_statement', ''), 'import')).toBeUndefined();
  });

  it('# ruff: noqa (bare) and # flake8: noqa suppress everything', () => {
    for (const marker of ['# ruff: noqa', '# flake8: noqa', '#ruff:noqa']) {
      const src = `${marker}\nfrom ftplib import FTP\nconn = FTP(host)\n`;
      const { s, tree } = setup(src);
      expect(s.fileMarker).toBe(marker);
      expect(s.markerFor(findNode(tree, 'import_from_statement', ''), 'import')).toBe(marker);
    }
  });

  it('# ruff: noqa: S402 suppresses imports only, so the file is not skipped', () => {
    const src = '# ruff: noqa: S402\nfrom ftplib import FTP\nconn = FTP(host)\n';
    const { s, tree } = setup(src);
    expect(s.fileMarker).toBeUndefined();
    expect(s.markerFor(findNode(tree, 'import_from_statement', ''), 'import')).toBe('# ruff: noqa: S402');
    expect(s.markerFor(findNode(tree, 'call', 'FTP('), 'call')).toBeUndefined();
  });

  it('a ruff file-level marker counts anywhere on a line of its own', () => {
    const { s } = setup('from ftplib import FTP\nconn = FTP(host)\n\n# ruff: noqa: S321\n');
    expect(s.fileMarker).toBe('# ruff: noqa: S321');
  });

  it('a trailing # ruff: noqa is ignored (as ruff does) and reported unused', () => {
    const src = 'from ftplib import FTP\nconn = FTP(host)  # ruff: noqa: S321\n';
    const { s, tree } = setup(src);
    expect(s.fileMarker).toBeUndefined();
    expect(s.markerFor(findNode(tree, 'call', 'FTP('), 'call')).toBeUndefined();
    expect(s.unused()).toEqual([{ line: 2, column: 19, marker: '# ruff: noqa: S321' }]);
  });

  it('# ruff: noqa: E501 is not ours', () => {
    expect(setup('# ruff: noqa: E501\nfrom ftplib import FTP\n').s.fileMarker).toBeUndefined();
  });

  it('# ftptls: skip-file in the leading comments, after a shebang and an encoding line', () => {
    const src =
      '#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n# ftptls: skip-file\nimport ftplib\nftplib.FTP(h)\n';
    const { s } = setup(src);
    expect(s.fileMarker).toBe('# ftptls: skip-file');
    expect(s.unused()).toEqual([]);
  });

  it('# ftptls: skip-file after the first statement does nothing and is reported', () => {
    const src = 'import ftplib\n# ftptls: skip-file\nconn = ftplib.FTP(h)\n';
    const { s } = setup(src);
    expect(s.fileMarker).toBeUndefined();
    expect(s.unused()).toEqual([{ line: 2, column: 1, marker: '# ftptls: skip-file' }]);
  });

  it('# ftptls: skip-file after the module docstring does nothing', () => {
    expect(setup('"""Doc."""\n# ftptls: skip-file\nimport ftplib\n').s.fileMarker).toBeUndefined();
  });

  it('markerFor still works per site, preferring the site marker', () => {
    const src = '# ruff: noqa: S321\nfrom ftplib import FTP\nconn = FTP(host)  # nosec B321\n';
    const { s, tree } = setup(src);
    expect(s.fileMarker).toBe('# ruff: noqa: S321');
    expect(s.markerFor(findNode(tree, 'call', 'FTP('), 'call')).toBe('# nosec B321');
  });
});

describe('extra markers (--suppress-comment)', () => {
  const src = 'from ftplib import FTP  # legacy-ftp-ok\nconn = FTP(host)  # legacy-ftp-ok: vendor box\n';

  it('a comment containing the text suppresses any kind of site', () => {
    const { s, tree } = setup(src, ['legacy-ftp-ok']);
    expect(s.markerFor(findNode(tree, 'call', 'FTP('), 'call')).toBe('# legacy-ftp-ok: vendor box');
    expect(s.markerFor(findNode(tree, 'import_from_statement', ''), 'import')).toBe('# legacy-ftp-ok');
  });

  it('is not a marker without the flag', () => {
    expect(callMarker(src)).toBeUndefined();
  });

  it('a marker given with its #, and one among other comments', () => {
    expect(
      callMarker('from ftplib import FTP\nconn = FTP(host)  # noqa: E501 # keep-ftp\n', ['# keep-ftp']),
    ).toBe('# keep-ftp');
  });

  it('does not match other comments; an empty marker is ignored', () => {
    expect(
      callMarker('from ftplib import FTP\nconn = FTP(host)  # legacy\n', ['legacy-ftp-ok', '']),
    ).toBeUndefined();
  });

  it('is not reported unused (it may serve other tools)', () => {
    expect(setup('x = 1  # legacy-ftp-ok\n', ['legacy-ftp-ok']).s.unused()).toEqual([]);
  });
});

describe('unused()', () => {
  it('reports a use-site marker on an import', () => {
    const src = 'from ftplib import FTP  # nosec B321\nconn = FTP(host)\n';
    const { s, tree } = setup(src);
    expect(s.markerFor(findNode(tree, 'import_from_statement', ''), 'import')).toBeUndefined();
    expect(s.markerFor(findNode(tree, 'call', 'FTP('), 'call')).toBeUndefined();
    expect(s.unused()).toEqual([{ line: 1, column: 25, marker: '# nosec B321' }]);
  });

  it('reports ours and ftplib-specific markers that no site asked about', () => {
    const src = [
      'x = 1  # ftptls: ignore',
      'y = 2  # noqa: S321',
      'z = 3  # noqa: E501, S402',
      'w = 4  # suppress: PY003',
      'v = 5  # ignore: CSP-D406',
      'u = 6  # nosemgrep: use-ftp-tls',
      't = 7  # nosec: B402',
      's = 8  # nosemgrep: python.lang.security.audit.ftplib',
      '',
    ].join('\n');
    expect(
      setup(src)
        .s.unused()
        .map((u) => [u.line, u.marker]),
    ).toEqual([
      [1, '# ftptls: ignore'],
      [2, '# noqa: S321'],
      [3, '# noqa: E501, S402'],
      [4, '# suppress: PY003'],
      [5, '# ignore: CSP-D406'],
      [6, '# nosemgrep: use-ftp-tls'],
      [7, '# nosec: B402'],
      [8, '# nosemgrep: python.lang.security.audit.ftplib'],
    ]);
  });

  it('does not report generic markers', () => {
    const src = [
      'a = 1  # nosec',
      'b = 2  # noqa',
      'c = 3  # noqa: E501',
      'd = 4  # nosemgrep',
      'e = 5  # suppress: cleartext_transmission',
      'f = 6  # ignore',
      'g = 7  # noqa: CSP-D702',
      'h = 8  # nosec B105',
      '# ruff: noqa',
      '',
    ].join('\n');
    expect(setup(src).s.unused()).toEqual([]);
  });

  it('is empty once the markers were used, and counts every tool of one comment', () => {
    const src = 'from ftplib import FTP\nconn = FTP(host)  # nosec B321  # noqa: S321  # ftptls: ignore\n';
    const { s, tree } = setup(src);
    expect(s.markerFor(findNode(tree, 'call', 'FTP('), 'call')).toBe('# nosec B321');
    expect(s.unused()).toEqual([]);
  });

  it('reading fileMarker uses the file-level marker', () => {
    const { s } = setup('# ruff: noqa: S321\nfrom ftplib import FTP\n');
    expect(s.unused()).toHaveLength(1);
    expect(s.fileMarker).toBe('# ruff: noqa: S321');
    expect(s.unused()).toEqual([]);
  });

  it('columns are 1-based UTF-16 units', () => {
    const src = 'conn = FTP("é😀")  # type: ignore # ftptls: ignore\n';
    const [u] = setup(src).s.unused();
    expect(u).toEqual({ line: 1, column: src.indexOf('# ftptls') + 1, marker: '# ftptls: ignore' });
    expect(u.column).toBe(35);
  });
});

describe('scale', () => {
  it('answers for thousands of sites in one file quickly', () => {
    const lines = ['from ftplib import FTP'];
    for (let i = 0; i < 3000; i++) {
      lines.push(
        i % 3 === 0
          ? `c${i} = FTP(h)  # nosec B321`
          : i % 3 === 1
            ? `# noqa: S321\nc${i} = FTP(h)`
            : `c${i} = FTP(h)`,
      );
    }
    const src = lines.join('\n') + '\n';
    const tree = parse(src);
    const calls = tree.rootNode.descendantsOfType('call');
    const s = createSuppressor(src, tree);
    let suppressed = 0;
    for (const call of calls) if (call && s.markerFor(call, 'call')) suppressed++;
    expect(calls).toHaveLength(3000);
    expect(suppressed).toBe(2000);
    expect(s.unused()).toEqual([]);
  });
});

it('the SiteKind type covers the four kinds', () => {
  const kinds: SiteKind[] = ['import', 'call', 'login', 'reference'];
  const { s, tree } = setup('x = FTP(h)  # nosec\n');
  for (const kind of kinds) expect(s.markerFor(findNode(tree, 'call', 'FTP('), kind)).toBe('# nosec');
});
