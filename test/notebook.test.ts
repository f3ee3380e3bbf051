// Jupyter notebooks: code cells fixed as one program, only changed `source` values rewritten, every other byte
// kept. Real notebook files under test/data/notebooks (written by make.py with Python's json module, as
// nbformat writes them), run through the built CLI on temporary copies, and through the library.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  encodeJsonString,
  neutralise,
  scanJson,
  splitLinesPython,
  transformNotebook,
  transformNotebookBytes,
  type JsonNode,
} from '../src/notebook.js';
import { initParser } from '../src/parser.js';
import { BUILTIN_TRANSFORMS } from '../transforms/index.js';
import { fixturePairs } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';
import { tempDirs } from './helpers/temp.js';

const DATA = path.join(import.meta.dirname, 'data', 'notebooks');

const tempDir = tempDirs('nb');
let dir: string;
beforeEach(() => {
  dir = tempDir();
});
beforeAll(async () => {
  await initParser();
});

/** Copies test notebooks into the temp directory; returns the copy's path. */
function copy(name: string, as = name): string {
  const to = path.join(dir, as);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(path.join(DATA, name), to);
  return to;
}

const read = (file: string) => fs.readFileSync(file, 'utf8');
const original = (name: string) => read(path.join(DATA, name));

interface NotebookJson {
  cells: { cell_type: string; source: string[] | string; [key: string]: unknown }[];
  [key: string]: unknown;
}
const sources = (text: string) =>
  (JSON.parse(text) as NotebookJson).cells.map((c) =>
    Array.isArray(c.source) ? c.source.join('') : c.source,
  );

/** The JSON text with every cell's source value cut out: what must stay byte for byte. */
function withoutSources(text: string): string[] {
  const root = scanJson(text);
  const spans: { start: number; end: number }[] = [];
  const cells = member(root, 'cells');
  if (cells?.type === 'array')
    for (const cell of cells.items) {
      const source = member(cell, 'source');
      if (source) spans.push(source);
    }
  const parts: string[] = [];
  let at = 0;
  for (const s of spans) {
    parts.push(text.slice(at, s.start));
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts;
}

function member(node: JsonNode, key: string): JsonNode | undefined {
  return node.type === 'object' ? node.members.findLast((m) => m.key === key)?.value : undefined;
}

describe('notebooks through the CLI', () => {
  it('fixes imports in one cell and connections in another, as one program', () => {
    const file = copy('cross_cell.ipynb');
    const r = runCli(['--write', 'cross_cell.ipynb'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('fixed cross_cell.ipynb');
    const after = sources(read(file));
    const before = sources(original('cross_cell.ipynb'));
    expect(after[1]).toBe('from ftplib import FTP_TLS\nimport os');
    // prot_p() goes into the cell of the login, not the next one
    expect(after[3]).toBe('ftp = FTP_TLS(HOST)\nftp.login("user", "secret")\nftp.prot_p()');
    expect(after[4]).toBe(before[4]);
    expect([0, 2, 4, 5, 6].map((i) => after[i])).toEqual([0, 2, 4, 5, 6].map((i) => before[i]));
  });

  it('maps the changes back into a notebook of many small cells, empty ones and ones without a final newline', () => {
    const file = copy('many_cells.ipynb');
    const r = runCli(['--write', 'many_cells.ipynb'], { cwd: dir });
    expect(r.stderr).not.toContain(': error:');
    expect(r.status).toBe(0);
    const before = sources(original('many_cells.ipynb'));
    expect(before.length).toBe(11);
    const expected = [...before];
    expected[1] = 'f = ftplib.FTP_TLS()\n';
    expect(sources(read(file))).toEqual(expected);
    expect(withoutSources(read(file))).toEqual(withoutSources(original('many_cells.ipynb')));
    expect(runCli(['--check', 'many_cells.ipynb'], { cwd: dir }).status).toBe(0);
  });

  it('keeps every byte outside the changed source values: outputs, metadata, unchanged cells', () => {
    const file = copy('cross_cell.ipynb');
    expect(runCli(['--write', '.'], { cwd: dir }).status).toBe(0);
    const before = original('cross_cell.ipynb');
    const after = read(file);
    expect(after).not.toBe(before);
    // everything between the source values, byte for byte
    expect(withoutSources(after)).toEqual(withoutSources(before));
    // the JSON minus sources is equal too (outputs, execution counts, ids, metadata)
    const strip = (t: string) => {
      const nb = JSON.parse(t) as NotebookJson;
      for (const c of nb.cells) delete (c as { source?: unknown }).source;
      return nb;
    };
    expect(strip(after)).toEqual(strip(before));
    // unchanged cells' source values are the original bytes
    const spans = (t: string) => {
      const cells = member(scanJson(t), 'cells');
      return cells?.type === 'array' ? cells.items.map((c) => member(c, 'source')!) : [];
    };
    const [b, a] = [spans(before), spans(after)];
    for (const i of [0, 2, 4, 5, 6])
      expect(after.slice(a[i].start, a[i].end)).toBe(before.slice(b[i].start, b[i].end));
    // and the changed ones are written exactly as Jupyter writes a source list
    expect(after.slice(a[3].start, a[3].end)).toBe(
      '[\n    "ftp = FTP_TLS(HOST)\\n",\n    "ftp.login(\\"user\\", \\"secret\\")\\n",\n    "ftp.prot_p()"\n   ]',
    );
    expect(after.endsWith('}\n')).toBe(true);
  });

  it('is idempotent: a second run changes nothing and --check passes', () => {
    const file = copy('cross_cell.ipynb');
    copy('magics.ipynb');
    copy('suppressed.ipynb');
    expect(runCli(['--write', '.'], { cwd: dir }).status).toBe(0);
    const once = read(file);
    const again = runCli(['--write', '.'], { cwd: dir });
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/0 files changed/);
    expect(read(file)).toBe(once);
    expect(runCli(['--check', '.'], { cwd: dir }).status).toBe(0);
  });

  it('leaves IPython syntax in place and fixes the Python around it', () => {
    const file = copy('magics.ipynb');
    expect(runCli(['--write', 'magics.ipynb'], { cwd: dir }).status).toBe(0);
    const [c1, c2, c3, c4, c5] = sources(read(file));
    const before = sources(original('magics.ipynb'));
    expect(c1).toBe(before[0]); // %matplotlib, %load_ext: nothing to fix in that cell
    expect(c2).toBe(
      '%%time\nconn = ftplib.FTP_TLS("ftp.example.com")\n!echo "it\'s a shell line"\nconn.login()\nconn.prot_p()',
    );
    expect(c3).toBe(before[2]); // `files = !ls`, an indented `%time`, `conn?`
    expect(c4).toBe(before[3]); // %%bash is not Python
    // %%python3 runs in its own process: a program of its own, fixed on its own
    expect(c5).toBe(
      '%%python3\nfrom ftplib import FTP_TLS\nftp = FTP_TLS("ftp.example.com")\nftp.login()\nftp.prot_p()\nftp.quit()',
    );
  });

  it('shows a diff per changed cell, named after the cell, not a diff of the JSON', () => {
    copy('cross_cell.ipynb', 'nb/upload.ipynb');
    const r = runCli(['nb'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^--- a\/nb\/upload\.ipynb:cell 2\t?\n\+\+\+ b\/nb\/upload\.ipynb:cell 2\t?\n/);
    expect(r.stdout).toContain('-from ftplib import FTP\n+from ftplib import FTP_TLS\n import os\n');
    expect(r.stdout).toMatch(/^--- a\/nb\/upload\.ipynb:cell 4\t?$/m);
    expect(r.stdout).toContain('+ftp.prot_p()\n');
    expect(r.stdout).not.toContain('"source"');
    expect(r.stdout).not.toContain('\\n"');
    // a cell's last line has no newline as a rule: no "\ No newline" note for it
    expect(r.stdout).not.toContain('No newline');
    expect(r.stdout).not.toMatch(/cell [1357]\b/);
    expect(read(path.join(dir, 'nb/upload.ipynb'))).toBe(original('cross_cell.ipynb'));
  });

  it('--check exits 1 on a notebook that needs changes and writes nothing', () => {
    const file = copy('cross_cell.ipynb');
    const r = runCli(['--check', 'cross_cell.ipynb'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('+++ b/cross_cell.ipynb:cell 4');
    expect(r.stderr).toMatch(/check: 1 file needs changes/);
    expect(read(file)).toBe(original('cross_cell.ipynb'));
    copy('clean.ipynb');
    expect(runCli(['--check', 'clean.ipynb'], { cwd: dir }).status).toBe(0);
  });

  it('invalid JSON is a one-line error for that file; the others are still fixed', () => {
    const broken = copy('broken.ipynb', 'a_broken.ipynb');
    const good = copy('cross_cell.ipynb', 'b_good.ipynb');
    const r = runCli(['--write', '.'], { cwd: dir });
    expect(r.status).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.includes('a_broken.ipynb'));
    expect(lines).toEqual([
      'a_broken.ipynb: error: invalid notebook JSON: unexpected character "]" at line 7 column 2',
    ]);
    expect(read(broken)).toBe(original('broken.ipynb'));
    expect(read(good)).not.toBe(original('cross_cell.ipynb'));
  });

  it('a syntax error names the cell and its line, and changes nothing', () => {
    const file = copy('syntax_error.ipynb');
    const r = runCli(['--write', '.'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('syntax_error.ipynb: error: cell 2: the cell ends inside an open bracket');
    expect(read(file)).toBe(original('syntax_error.ipynb'));
  });

  it('skips notebooks whose kernel is not Python, with the reason', () => {
    copy('r_kernel.ipynb');
    const r = runCli(['--format', 'json', '.'], { cwd: dir });
    expect(r.status).toBe(0);
    const [file] = JSON.parse(r.stdout).files;
    expect(file).toMatchObject({
      path: 'r_kernel.ipynb',
      status: 'skipped',
      skipReason: "the notebook's kernel language is R, not Python",
    });
  });

  it('honours suppression comments in cells, and reports findings by cell', () => {
    const file = copy('suppressed.ipynb');
    const r = runCli(['--format', 'json', '--write', '.'], { cwd: dir });
    expect(r.status).toBe(0);
    const [result] = JSON.parse(r.stdout).files;
    const view = result.findings.map(
      (f: { rule: string; status: string; line: number; column: number; message: string }) =>
        `${f.message.split(':')[0]} ${f.line}:${f.column} ${f.rule} ${f.status}`,
    );
    expect(view).toEqual([
      'cell 1 1:20 ftp-to-ftp-tls suppressed',
      'cell 2 1:10 ftp-to-ftp-tls suppressed', // still FTP: no prot-p finding, as in a .py file
      'cell 3 1:7 ftp-to-ftp-tls fixed',
      'cell 3 2:1 prot-p fixed',
    ]);
    const after = sources(read(file));
    expect(after[0]).toBe('from ftplib import FTP  # noqa: S402\nfrom ftplib import FTP_TLS');
    expect(after[1]).toBe(sources(original('suppressed.ipynb'))[1]);
    expect(after[2]).toBe('ftp = FTP_TLS("ftp.example.com")\nftp.login()\nftp.prot_p()');
  });

  it('finds notebooks when walking a directory, but not in .ipynb_checkpoints', () => {
    copy('cross_cell.ipynb', 'work/upload.ipynb');
    copy('cross_cell.ipynb', 'work/.ipynb_checkpoints/upload-checkpoint.ipynb');
    const r = runCli(['--format', 'summary', '.'], { cwd: dir });
    expect(r.stdout).toBe(`changed\t${path.join('work', 'upload.ipynb')}\n`);
    // --extensions replaces the default list
    expect(runCli(['--format', 'summary', '--extensions', '.py', '.'], { cwd: dir }).stdout).toBe('');
  });

  it('SARIF stays valid and names the cell in the message', () => {
    copy('cross_cell.ipynb');
    const r = runCli(['--format', 'sarif', '.'], { cwd: dir });
    expect(r.status).toBe(0);
    const run = JSON.parse(r.stdout).runs[0];
    // the constructor, the login and its hard-coded password, all in cell 4 (the import in cell 2 is an edit,
    // not a finding)
    expect(
      run.results.map((x: { ruleId: string; message: { text: string } }) => [
        x.ruleId,
        x.message.text.split(':')[0],
      ]),
    ).toEqual([
      ['ftp-to-ftp-tls', 'cell 4'],
      ['prot-p', 'cell 4'],
      ['hardcoded-credentials', 'cell 4'],
    ]);
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('cross_cell.ipynb');
  });
});

describe('notebook JSON styles', () => {
  const layouts = fixturePairs(path.join(DATA, 'layouts'), '.input.ipynb', '.output.ipynb');
  const cases = layouts.inputs;

  it('every layout input has its expected output, and every output its input', () => {
    expect(layouts.outputs).toEqual(layouts.inputs);
  });

  it.each(cases)('%s: the fixed notebook is byte for byte what that style writes', async (name) => {
    const input = fs.readFileSync(path.join(DATA, 'layouts', `${name}.input.ipynb`));
    const expected = fs.readFileSync(path.join(DATA, 'layouts', `${name}.output.ipynb`));
    const { result, out } = transformNotebookBytes(input, { path: `${name}.ipynb` });
    expect(result.status).toBe('changed');
    expect(result.cells?.map((c) => c.cell)).toEqual([2, 3]);
    expect(out?.toString('utf8')).toBe(expected.toString('utf8'));
    // and fixing the output again changes nothing
    expect(transformNotebookBytes(expected, { path: `${name}.ipynb` }).result.status).toBe('unchanged');
  });

  it('keeps a BOM', () => {
    const input = fs.readFileSync(path.join(DATA, 'layouts', 'jupyter.input.ipynb'));
    const { out } = transformNotebookBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), input]), {});
    expect([...out!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('notebooks through the library', () => {
  const notebook = (...cells: string[]) =>
    JSON.stringify(
      {
        cells: cells.map((s, i) => ({
          cell_type: 'code',
          execution_count: null,
          id: `cell${i}`,
          metadata: {},
          outputs: [],
          source: splitLinesPython(s),
        })),
        metadata: {},
        nbformat: 4,
        nbformat_minor: 5,
      },
      null,
      1,
    ) + '\n';

  it('maps findings to the cell, with lines and columns within it', async () => {
    const r = await transformNotebook(notebook('import ftplib', 'x = 1\nftplib.FTP("h").login()'));
    expect(r.findings.map((f) => [f.cell, f.line, f.column, f.rule, f.status])).toEqual([
      [2, 2, 1, 'ftp-to-ftp-tls', 'fixed'],
      [2, 2, 1, 'prot-p', 'manual'],
    ]);
    expect(r.findings[1].message).toMatch(/^cell 2: prot_p\(\) not added/);
  });

  it('puts an added import in the cell of the imports (ssl-context)', async () => {
    const r = await transformNotebook(
      notebook('%matplotlib inline', 'from ftplib import FTP', 'c = FTP("h")\nc.login()'),
      { transforms: BUILTIN_TRANSFORMS },
    );
    expect(r.cells?.map((c) => [c.cell, c.after])).toEqual([
      [2, 'import ssl\nfrom ftplib import FTP_TLS'],
      [3, 'c = FTP_TLS("h", context=ssl.create_default_context())\nc.login()\nc.prot_p()'],
    ]);
  });

  it('adds prot_p() inside a with block that ends a cell, and keeps trailing newlines', async () => {
    const r = await transformNotebook(
      notebook('import ftplib\n', 'with ftplib.FTP("h") as f:\n    f.login()\n', 'print(1)'),
    );
    expect(r.cells?.map((c) => c.after)).toEqual([
      'with ftplib.FTP_TLS("h") as f:\n    f.login()\n    f.prot_p()\n',
    ]);
  });

  it('fixes every cell of a notebook with more than ten cells, each in its own cell', async () => {
    const cells = Array.from({ length: 25 }, (_, k) => `c${k} = ftplib.FTP("h")\nc${k}.login()`);
    const r = await transformNotebook(notebook('import ftplib', ...cells));
    expect(r.status).toBe('changed');
    expect(r.cells?.map((c) => [c.cell, c.after])).toEqual(
      cells.map((_, k) => [k + 2, `c${k} = ftplib.FTP_TLS("h")\nc${k}.login()\nc${k}.prot_p()`]),
    );
    expect(r.findings.filter((f) => f.rule === 'prot-p').map((f) => [f.cell, f.line])).toEqual(
      cells.map((_, k) => [k + 2, 2]),
    );
  });

  it('keeps empty cells, blank-only cells and final newlines (or their absence) of every cell', async () => {
    const login = 'f = ftplib.FTP("h")\nf.login()';
    const fixed = 'f = ftplib.FTP_TLS("h")\nf.login()\nf.prot_p()';
    const before = [
      'import ftplib',
      '',
      login,
      '',
      '\n',
      login + '\n',
      '\n\n',
      'x = 1',
      login + '\n\n',
      '',
      '',
    ];
    const expected = [...before];
    expected[2] = fixed;
    expected[5] = fixed + '\n';
    expected[8] = fixed + '\n\n';
    const r = await transformNotebook(notebook(...before));
    expect(r.status).toBe('changed');
    expect((JSON.parse(r.after) as NotebookJson).cells.map((c) => (c.source as string[]).join(''))).toEqual(
      expected,
    );
    expect(r.cells?.map((c) => c.cell)).toEqual([3, 6, 9]);
  });

  it('fixes a notebook whose code starts with blank lines or empty cells, with findings at their cell lines', async () => {
    const first = await transformNotebook(notebook('\n\nimport ftplib\nf = ftplib.FTP("h")\n'));
    expect(first.cells?.map((c) => c.after)).toEqual(['\n\nimport ftplib\nf = ftplib.FTP_TLS("h")\n']);
    expect(first.findings.map((f) => [f.cell, f.line, f.column])).toEqual([[1, 4, 5]]);
    const empty = await transformNotebook(
      notebook('', '\nimport ftplib', '', 'f = ftplib.FTP("h")\nf.login()'),
    );
    expect(empty.cells?.map((c) => [c.cell, c.after])).toEqual([
      [4, 'f = ftplib.FTP_TLS("h")\nf.login()\nf.prot_p()'],
    ]);
  });

  it('a suppression comment ending one cell does not reach into the next', async () => {
    const r = await transformNotebook(notebook('import ftplib\n# ftptls: ignore', 'c = ftplib.FTP("h")'));
    expect(r.cells?.map((c) => c.after)).toEqual(['c = ftplib.FTP_TLS("h")']);
  });

  it('# ftptls: skip-file in the first code cell skips the notebook', async () => {
    const r = await transformNotebook(notebook('# ftptls: skip-file\nimport ftplib', 'ftplib.FTP("h")'));
    expect(r.status).toBe('skipped');
    expect(r.skipReason).toContain('skip-file');
  });

  it('a real syntax error names the cell and the line in it', async () => {
    const r = await transformNotebook(notebook('import ftplib', 'x = 1\ny = = 2'));
    expect(r.status).toBe('error');
    expect(r.error).toBe('syntax error in cell 2 at 2:5; not changed');
  });

  it('without ftplib in any code cell, nothing is parsed', async () => {
    const r = await transformNotebook(notebook('print("ftp")'));
    expect(r.status).toBe('unchanged');
  });

  it('leaves markdown, raw and non-Python cells alone', async () => {
    const nb = JSON.parse(notebook('import ftplib', 'c = ftplib.FTP("h")'));
    nb.cells.push(
      { cell_type: 'markdown', id: 'm', metadata: {}, source: ['c = ftplib.FTP("h")'] },
      { cell_type: 'raw', id: 'r', metadata: {}, source: ['c = ftplib.FTP("h")'] },
      {
        cell_type: 'code',
        id: 'js',
        execution_count: null,
        metadata: { vscode: { languageId: 'javascript' } },
        outputs: [],
        source: ['c = ftplib.FTP("h")'],
      },
      {
        cell_type: 'code',
        id: 'sh',
        execution_count: null,
        metadata: {},
        outputs: [],
        source: ['%%sh\nFTP()'],
      },
    );
    const r = await transformNotebook(JSON.stringify(nb, null, 1));
    expect(r.cells?.map((c) => c.cell)).toEqual([2]);
  });

  it('refuses what is not an nbformat 4 notebook', async () => {
    expect((await transformNotebook('[1, 2]')).error).toMatch(/not a Jupyter notebook/);
    expect((await transformNotebook('{"nbformat": 3, "worksheets": []}')).status).toBe('skipped');
    expect((await transformNotebook('{"cells": [{"cell_type": "code", "source": 3}]}')).error).toMatch(
      /source of cell 1 is not text/,
    );
    expect((await transformNotebook('{"cells": [], "x": "a\tb"}')).error).toMatch(
      /control character in string at line 1 column 22/,
    );
  });
});

describe('IPython syntax', () => {
  const ids = () => {
    let n = 0;
    return () => `id${++n}`;
  };

  it('replaces magics, shell lines, help and autocall one line for one line', () => {
    const cell = [
      '%load_ext autoreload',
      '!pip install x',
      'files = !ls',
      'out = %env HOME',
      '?ftplib',
      'ftplib.FTP??',
      '/print 1',
      'if x:',
      '    %time f()',
      '    !echo a \\',
      '      b',
      'x != !y if 0 else 1',
    ].join('\n');
    const code = neutralise(cell, false, ids());
    expect(code.text.split('\n')).toEqual([
      '# id1',
      '# id2',
      '# id3',
      '# id4',
      '# id5',
      '# id6',
      '# id7',
      'if x:',
      '    ...  # id8',
      '    ...  # id9',
      '      ...  # id10',
      'x != !y if 0 else 1',
    ]);
    expect(code.placeholders.map((p) => p.original)).toEqual([
      ...cell.split('\n').slice(0, 7),
      ...cell.split('\n').slice(8, 11),
    ]);
  });

  it('does not touch lines inside strings or brackets, or a `?` in a string or comment', () => {
    const cell = 's = """\n%s\n!x\n"""\nt = (1,\n     %2)\nu = "why?"  # really?\nv = \'a\\\n!b\'';
    const code = neutralise(cell, false, ids());
    expect(code.text).toBe(cell);
    expect(code.incomplete).toBeUndefined();
  });

  it('a cell magic header is one placeholder; an unfinished cell says why', () => {
    expect(neutralise('\n%%time\nx = 1', true, ids()).text).toBe('\n# id1\nx = 1');
    expect(neutralise('x = (1,', false, ids()).incomplete).toMatch(/open bracket/);
    expect(neutralise('x = """', false, ids()).incomplete).toMatch(/inside a string/);
    expect(neutralise('x = 1 + \\', false, ids()).incomplete).toMatch(/continuation/);
  });
});

describe('JSON helpers', () => {
  it('encodes strings as Python json.dumps does', () => {
    expect(encodeJsonString('a"\\\n\t\x01\x7fé☕\u2028', false)).toBe('"a\\"\\\\\\n\\t\\u0001\x7fé☕\u2028"');
    expect(encodeJsonString('é☕😀\x7f', true)).toBe('"\\u00e9\\u2615\\ud83d\\ude00\\u007f"');
    expect(encodeJsonString('\ud800', false)).toBe('"\\ud800"');
  });

  it('splits lines as Python str.splitlines(keepends=True)', () => {
    expect(splitLinesPython('a\nb\r\nc\rd\x0be\x0cf\x1cg\x85h\u2028i\u2029j')).toEqual([
      'a\n',
      'b\r\n',
      'c\r',
      'd\x0b',
      'e\x0c',
      'f\x1c',
      'g\x85',
      'h\u2028',
      'i\u2029',
      'j',
    ]);
    expect(splitLinesPython('')).toEqual([]);
    expect(splitLinesPython('x\n')).toEqual(['x\n']);
  });

  it('accepts what Python json.loads accepts, and gives positions', () => {
    expect(scanJson('{"a": [NaN, -Infinity, 1e5, true, null, "\\u00e9"]}').type).toBe('object');
    expect(() => scanJson('{"a": 1,}')).toThrow(/at line 1 column 9/);
    expect(() => scanJson('{"a": 01}')).toThrow(/expected ',' or '}'/);
    expect(() => scanJson('{"a": "\\x"}')).toThrow(/invalid escape/);
    expect(() => scanJson('{} x')).toThrow(/after the JSON value/);
    expect(() => scanJson('')).toThrow(/unexpected end of input/);
  });
});
