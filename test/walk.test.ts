import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectFiles, DEFAULT_EXCLUDES } from '../src/run/walk.js';
import { pythonUnavailable, systemStdlib } from './helpers/python.js';
import { requireAvailable, shouldSkip } from './helpers/skip.js';

const tmpRoots: string[] = [];
afterAll(() => {
  for (const dir of tmpRoots) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temp directory holding `files` (path -> content; a path ending in '/' is an empty directory). */
function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ftptls-walk-')));
  tmpRoots.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    if (name.endsWith('/')) fs.mkdirSync(file, { recursive: true });
    else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
  }
  return dir;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.excludesFile=/dev/null', ...args], { cwd, encoding: 'utf8' });
}

const PY = 'import ftplib\n';

describe('collectFiles', () => {
  it('finds .py and .pyw files, sorted, in the form the path was given', async () => {
    const dir = tree({
      'proj/b.py': PY,
      'proj/a.pyw': PY,
      'proj/notes.txt': 'x',
      'proj/pkg/__init__.py': '',
      'proj/pkg/z.py': PY,
      'proj/pkg/.hidden/h.py': PY,
      'proj/empty/': '',
      'proj/dir.py/inside.py': PY, // a directory named like a file is walked
    });
    const expected = [
      'proj/a.pyw',
      'proj/b.py',
      'proj/dir.py/inside.py',
      'proj/pkg/.hidden/h.py',
      'proj/pkg/__init__.py',
      'proj/pkg/z.py',
    ];
    for (const arg of ['proj', 'proj/', './proj', 'proj/.', 'proj//']) {
      expect(await collectFiles([arg], { cwd: dir })).toEqual({ files: expected, errors: [] });
    }
    const inside = await collectFiles(['.'], { cwd: path.join(dir, 'proj') });
    expect(inside.files).toEqual(expected.map((f) => f.slice('proj/'.length)));
    const absolute = await collectFiles([path.join(dir, 'proj')]);
    expect(absolute.files).toEqual(expected.map((f) => path.join(dir, f)));
  });

  it('an aborted signal stops the walk: it returns what it found (Ctrl-C in a large tree)', async () => {
    const dir = tree({ 'a.py': PY, 'sub/b.py': PY });
    const stopped = await collectFiles([dir, path.join(dir, 'a.py')], { signal: AbortSignal.abort() });
    expect(stopped).toEqual({ files: [path.join(dir, 'a.py')], errors: [] }); // named explicitly: no walk
    const whole = await collectFiles([dir], { signal: new AbortController().signal });
    expect(whole.files).toEqual([path.join(dir, 'a.py'), path.join(dir, 'sub/b.py')]);
  });

  it('custom extensions, with or without the dot', async () => {
    const dir = tree({ 'a.py': '', 'b.pyi': '', 'c.pyw': '' });
    expect((await collectFiles(['.'], { cwd: dir, extensions: ['pyi'] })).files).toEqual(['b.pyi']);
    expect((await collectFiles(['.'], { cwd: dir, extensions: ['.py', '.pyi'] })).files).toEqual([
      'a.py',
      'b.pyi',
    ]);
  });

  it('skips the default excludes below a root, but walks one named explicitly', async () => {
    const files: Record<string, string> = { 'keep.py': PY, 'build/b.py': PY };
    for (const name of DEFAULT_EXCLUDES) files[`${name}/x.py`] = PY;
    const dir = tree(files);
    expect((await collectFiles(['.'], { cwd: dir })).files).toEqual(['build/b.py', 'keep.py']);
    expect((await collectFiles(['.venv', 'node_modules/'], { cwd: dir })).files).toEqual([
      '.venv/x.py',
      'node_modules/x.py',
    ]);
    expect(DEFAULT_EXCLUDES).toEqual(
      expect.arrayContaining(['.git', '.venv', 'venv', 'site-packages', 'dist']),
    );
  });

  it('a file named explicitly is always taken: any extension, excluded, ignored', async () => {
    const dir = tree({
      '.gitignore': 'ignored.py\n',
      script: '#!/usr/bin/env python\n',
      'ignored.py': PY,
      '.venv/lib.py': PY,
    });
    git(dir, 'init', '-q');
    const r = await collectFiles(['script', 'ignored.py', '.venv/lib.py', './script'], { cwd: dir });
    expect(r).toEqual({ files: ['.venv/lib.py', 'ignored.py', 'script'], errors: [] });
  });

  it('errors for a missing path and a dangling link named explicitly; the rest goes on', async () => {
    const dir = tree({ 'a.py': PY });
    fs.symlinkSync('nowhere.py', path.join(dir, 'dangling.py'));
    const r = await collectFiles(['missing', 'dangling.py', '.'], { cwd: dir });
    expect(r.files).toEqual(['a.py']);
    expect(r.errors).toEqual([
      { path: 'dangling.py', message: 'dangling symbolic link' },
      { path: 'missing', message: 'no such file or directory' },
    ]);
  });

  it('de-duplicates overlapping roots and repeated files', async () => {
    const dir = tree({ 'p/a.py': PY, 'p/sub/b.py': PY });
    const r = await collectFiles(['p/sub', 'p', 'p/a.py', 'p/sub/b.py', 'p'], { cwd: dir });
    expect(r.files).toEqual(['p/a.py', 'p/sub/b.py']);
  });

  describe('.gitignore', () => {
    function repo(): string {
      const dir = tree({
        '.gitignore': [
          '# comment',
          '*.gen.py',
          '!keep.gen.py',
          'build/',
          '/top_only.py',
          'sub/anchored.py',
          'logs',
          'negated_dir/',
          '',
        ].join('\n'),
        'a.py': PY,
        'top_only.py': PY,
        'x.gen.py': PY,
        'keep.gen.py': PY,
        'build/b.py': PY,
        'logs/l.py': PY,
        'sub/top_only.py': PY, // `/top_only.py` is anchored to the root
        'sub/anchored.py': PY,
        'sub/y.gen.py': PY,
        'sub/.gitignore': 'local.py\n!y.gen.py\n',
        'sub/local.py': PY,
        'sub/deeper/local.py': PY,
        'sub/deeper/ok.py': PY,
        'secret.py': PY,
        'crlf/.gitignore': 'crlf_ignored.py\r\n',
        'crlf/crlf_ignored.py': PY,
        'crlf/kept.py': PY,
        'negated_dir/n.py': PY,
        'other/.gitignore': '!negated_dir/\n',
        'other/negated_dir/o.py': PY,
      });
      git(dir, 'init', '-q');
      fs.appendFileSync(path.join(dir, '.git', 'info', 'exclude'), 'secret.py\n');
      return dir;
    }

    it('honours nested .gitignore files, negation, anchoring and .git/info/exclude like git', async () => {
      const dir = repo();
      const r = await collectFiles(['.'], { cwd: dir });
      expect(r.errors).toEqual([]);
      expect(r.files).toEqual([
        'a.py',
        'crlf/kept.py',
        'keep.gen.py',
        'other/negated_dir/o.py',
        'sub/deeper/ok.py',
        'sub/top_only.py',
        'sub/y.gen.py',
      ]);
      // the same list git gives for untracked, not ignored files
      const fromGit = git(dir, 'ls-files', '--others', '--exclude-standard', '--', '*.py')
        .split('\n')
        .filter(Boolean)
        .sort();
      expect(r.files).toEqual(fromGit);
    });

    it('rules of .gitignore files above the walked directory apply, relative to their own directory', async () => {
      const dir = repo();
      const r = await collectFiles(['sub'], { cwd: dir });
      expect(r.files).toEqual(['sub/deeper/ok.py', 'sub/top_only.py', 'sub/y.gen.py']);
      // walking from inside, with paths relative to there
      const inner = await collectFiles(['.'], { cwd: path.join(dir, 'sub') });
      expect(inner.files).toEqual(['deeper/ok.py', 'top_only.py', 'y.gen.py']);
    });

    it('a directory named explicitly is walked even if ignored', async () => {
      const dir = repo();
      fs.writeFileSync(path.join(dir, 'build', 'c.gen.py'), PY);
      fs.writeFileSync(path.join(dir, 'build', '.gitignore'), 'local.py\n');
      fs.writeFileSync(path.join(dir, 'build', 'local.py'), PY);
      // the .gitignore that ignores build/ does not apply inside it (its *.gen.py neither); build's own does
      expect((await collectFiles(['build'], { cwd: dir })).files).toEqual(['build/b.py', 'build/c.gen.py']);
    });

    it('--no-gitignore (gitignore: false) takes everything but the default excludes', async () => {
      const dir = repo();
      const r = await collectFiles(['.'], { cwd: dir, gitignore: false });
      expect(r.files).toContain('secret.py');
      expect(r.files).toContain('build/b.py');
      expect(r.files).toHaveLength(17);
    });

    it('a nested repository does not inherit the outer rules', async () => {
      const dir = repo();
      fs.mkdirSync(path.join(dir, 'vendored'));
      fs.writeFileSync(path.join(dir, 'vendored', 'z.gen.py'), PY);
      fs.writeFileSync(path.join(dir, 'vendored', 'own.py'), PY);
      git(path.join(dir, 'vendored'), 'init', '-q');
      fs.appendFileSync(path.join(dir, 'vendored', '.git', 'info', 'exclude'), 'own.py\n');
      const r = await collectFiles(['vendored'], { cwd: dir });
      expect(r.files).toEqual(['vendored/z.gen.py']);
      expect((await collectFiles(['.'], { cwd: dir })).files).toContain('vendored/z.gen.py');
    });

    it('.gitignore files are honoured outside a git repository too, from the root down', async () => {
      const dir = tree({ '.gitignore': 'gen/\n', 'gen/g.py': PY, 'a.py': PY });
      expect((await collectFiles(['.'], { cwd: dir })).files).toEqual(['a.py']);
    });
  });

  describe('--ignore-pattern', () => {
    it('gitignore syntax relative to cwd, with negation over .gitignore', async () => {
      const dir = tree({
        '.gitignore': 'skipped.py\n',
        'a.py': PY,
        'skipped.py': PY,
        'gen/g_pb2.py': PY,
        'src/gen/s.py': PY,
        'src/x_pb2.py': PY,
        'src/keep.py': PY,
      });
      const options = { cwd: dir, ignorePatterns: ['*_pb2.py', '/src/gen/', '!skipped.py'] };
      const r = await collectFiles(['.'], options);
      expect(r.files).toEqual(['a.py', 'skipped.py', 'src/keep.py']);
      // the same rules when walking a subdirectory: anchored patterns stay relative to cwd
      expect((await collectFiles(['src'], options)).files).toEqual(['src/keep.py']);
      expect((await collectFiles(['.'], { ...options, cwd: path.join(dir, 'src') })).files).toEqual([
        'gen/s.py',
        'keep.py',
      ]);
      // a root outside cwd: unanchored patterns still apply, anchored ones cannot match
      const outside = await collectFiles([path.join(dir, 'src')], { ...options, cwd: path.join(dir, 'gen') });
      expect(outside.files).toEqual([path.join(dir, 'src/gen/s.py'), path.join(dir, 'src/keep.py')]);
    });
  });

  describe('exclude, extendExclude and boundary (configuration files)', () => {
    it('exclude replaces the default excludes; no .gitignore negation overrules it; roots named are walked', async () => {
      const dir = tree({
        '.gitignore': '!vendor/\n',
        'a.py': PY,
        '.venv/v.py': PY,
        'vendor/x.py': PY,
        'src/vendor/y.py': PY,
        'keep/k.py': PY,
      });
      const r = await collectFiles(['.'], { cwd: dir, exclude: ['vendor/', '!src/vendor/'] });
      expect(r.files).toEqual(['.venv/v.py', 'a.py', 'keep/k.py', 'src/vendor/y.py']);
      // relative to the folder given with the patterns, wherever the walk starts
      const based = { cwd: path.join(dir, 'keep'), exclude: { patterns: ['/vendor/'], base: dir } };
      expect((await collectFiles([dir], based)).files).toEqual(
        ['.venv/v.py', 'a.py', 'keep/k.py', 'src/vendor/y.py'].map((f) => path.join(dir, f)),
      );
      expect((await collectFiles(['vendor'], { cwd: dir, exclude: ['vendor/'] })).files).toEqual([
        'vendor/x.py',
      ]);
    });

    it('extendExclude adds patterns relative to its folder, after --ignore-pattern in precedence', async () => {
      const dir = tree({ 'p/gen/g.py': PY, 'p/gen/keep.py': PY, 'p/a.py': PY, 'gen/top.py': PY });
      const options = {
        cwd: dir,
        extendExclude: { patterns: ['/gen/'], base: path.join(dir, 'p') },
        ignorePatterns: ['!p/gen/', 'g.py'],
      };
      // --ignore-pattern comes first: its negation keeps p/gen/ walked, its g.py skips that file
      expect((await collectFiles(['.'], options)).files).toEqual(['gen/top.py', 'p/a.py', 'p/gen/keep.py']);
      const only = { cwd: dir, extendExclude: options.extendExclude };
      expect((await collectFiles(['.'], only)).files).toEqual(['gen/top.py', 'p/a.py']);
    });

    it('leaves the directories a boundary claims, never a root, and offers only those holding its names', async () => {
      const dir = tree({
        'a.py': PY,
        'sub/pyproject.toml': '',
        'sub/s.py': PY,
        'other/o.py': PY,
        'other/deep/pyproject.toml': '',
        'other/deep/d.py': PY,
      });
      class Boundary {
        readonly names = ['pyproject.toml'];
        readonly offered: string[] = [];
        claim(abs: string, display: string): boolean {
          this.offered.push(`${path.relative(dir, abs)}=${display}`);
          return display === 'sub';
        }
      }
      const b = new Boundary();
      expect((await collectFiles(['.'], { cwd: dir, boundary: b })).files).toEqual([
        'a.py',
        'other/deep/d.py',
        'other/o.py',
      ]);
      expect(b.offered.sort()).toEqual(['other/deep=other/deep', 'sub=sub']);
      // the runner hands options to worker threads: a boundary must survive structuredClone
      expect(structuredClone(b).names).toEqual(['pyproject.toml']);
      const root = new Boundary();
      expect((await collectFiles(['sub'], { cwd: dir, boundary: root })).files).toEqual(['sub/s.py']);
      expect(root.offered).toEqual([]);
    });
  });

  describe('symlinks', () => {
    it('follows links inside the roots, skips those leading out, ends loops, ignores dangling ones', async () => {
      const outside = tree({ 'out.py': PY, 'outdir/o.py': PY });
      const dir = tree({ 'a.py': PY, 'real/r.py': PY, 'real/deep/d.py': PY });
      const link = (target: string, name: string) => fs.symlinkSync(target, path.join(dir, name));
      link('a.py', 'alias.py'); // same file twice: listed once, under its real name
      link('real', 'linked'); // same directory twice
      link(path.join(outside, 'out.py'), 'out.py');
      link(path.join(outside, 'outdir'), 'outdir');
      link('..', 'real/deep/up'); // a loop
      link('missing.py', 'dangling.py');
      link('loop2', 'loop1');
      link('loop1', 'loop2');
      const found: string[] = [];
      const r = await collectFiles(['.'], { cwd: dir, onFile: (f) => found.push(f) });
      expect(r).toEqual({ files: ['a.py', 'real/deep/d.py', 'real/r.py'], errors: [] });
      // onFile (the runner starts work on files as they are found) sees each listed file once, no other
      expect(found.sort()).toEqual(r.files);
    });

    it('a link is listed under its own name when its target is reached only through it', async () => {
      const dir = tree({ 'p/a.py': PY, 'shared/s.py': PY, 'shared/t.py': PY });
      fs.symlinkSync('../shared', path.join(dir, 'p', 'lib'));
      fs.symlinkSync('../shared/t.py', path.join(dir, 'p', 't_alias.py'));
      // shared/ is not a root: the links lead outside every root
      expect((await collectFiles(['p'], { cwd: dir })).files).toEqual(['p/a.py']);
      // both roots given: each file once, under the name of the real location
      expect((await collectFiles(['p', 'shared'], { cwd: dir })).files).toEqual([
        'p/a.py',
        'shared/s.py',
        'shared/t.py',
      ]);
      // a root reached only through a link inside it
      fs.symlinkSync('p/lib', path.join(dir, 'via'));
      expect((await collectFiles(['via'], { cwd: dir })).files).toEqual(['via/s.py', 'via/t.py']);
    });

    it('an explicitly named symlinked directory is walked', async () => {
      const target = tree({ 'x.py': PY });
      const dir = tree({});
      fs.symlinkSync(target, path.join(dir, 'link'));
      expect((await collectFiles(['link'], { cwd: dir })).files).toEqual(['link/x.py']);
    });

    it('is deterministic whatever the argument order', async () => {
      const dir = tree({ 'a/x.py': PY, 'b/y.py': PY });
      fs.symlinkSync('../b', path.join(dir, 'a', 'to_b'));
      fs.symlinkSync('../a', path.join(dir, 'b', 'to_a'));
      const found: string[] = [];
      const one = await collectFiles(['a', 'b'], { cwd: dir, onFile: (f) => found.push(f) });
      const two = await collectFiles(['b', 'a'], { cwd: dir });
      expect(one.files).toEqual(['a/x.py', 'b/y.py']);
      expect(two).toEqual(one);
      expect(found.sort()).toEqual(one.files);
    });
  });

  it.skipIf(process.getuid?.() === 0)(
    'an unreadable directory is an error entry; the walk goes on',
    async () => {
      const dir = tree({ 'a.py': PY, 'locked/x.py': PY });
      fs.chmodSync(path.join(dir, 'locked'), 0);
      try {
        const r = await collectFiles(['.'], { cwd: dir });
        expect(r.files).toEqual(['a.py']);
        expect(r.errors).toEqual([{ path: 'locked', message: 'permission denied' }]);
      } finally {
        fs.chmodSync(path.join(dir, 'locked'), 0o755);
      }
    },
  );
  // (As root, permissions do not stop reads, so the test above only runs for other users.)

  // (Its speed is measured by `npm run bench`, never here.)
  const noPython = pythonUnavailable();
  it.skipIf(shouldSkip('walk: standard library', noPython))(
    'walks the installed standard library without errors',
    async () => {
      requireAvailable('walk: standard library', noPython);
      const stdlib = systemStdlib();
      const r = await collectFiles([stdlib]);
      expect(r.errors).toEqual([]);
      expect(r.files.length).toBeGreaterThan(500);
      expect(new Set(r.files).size).toBe(r.files.length);
      expect([...r.files].sort()).toEqual(r.files);
    },
  );
});
