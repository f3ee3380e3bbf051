// Configuration files (issue 16), end to end through the built CLI on real folders: discovery ([tool.ftptls]
// in the closest pyproject.toml that has it, or an ftptls.toml), flags over the file, --config, --isolated,
// every error message as printed, transform modules that a file may not load, --show-settings, the JSON
// report's `config`, standard input and the library API's `config` option.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_TRANSFORMS } from '../transforms/index.js';
import { ConfigError, run } from '../src/index.js';
import { runCli } from './helpers/run-cli.js';
import { tempDirs } from './helpers/temp.js';

const newDir = tempDirs('config');
let dir: string;
beforeEach(() => {
  dir = newDir();
});

function write(rel: string, text: string): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** A cleartext upload; `# lab-only` is a marker only when a configuration or a flag says so. */
const SAMPLE = 'from ftplib import FTP\n\nftp = FTP(host)  # lab-only\nftp.login(user, password)\n';
const FIXED =
  'from ftplib import FTP_TLS\n\nftp = FTP_TLS(host)  # lab-only\nftp.login(user, password)\nftp.prot_p()\n';
const WITH_CONTEXT =
  'import ssl\nfrom ftplib import FTP_TLS\n\nftp = FTP_TLS(host, context=ssl.create_default_context())  # lab-only\n' +
  'ftp.login(user, password)\nftp.prot_p()\n';

interface JsonFile {
  path: string;
  status: string;
  config?: string;
  findings: { rule: string; status: string }[];
}

function report(args: string[], cwd = dir): { status: number; stderr: string; files: JsonFile[] } {
  const r = runCli(['--format', 'json', ...args], { cwd });
  const files = r.stdout ? (JSON.parse(r.stdout) as { files: JsonFile[] }).files : [];
  return { status: r.status, stderr: r.stderr, files };
}

/** path -> [status, config, the rules with a finding] */
function summary(files: JsonFile[]): Record<string, [string, string | undefined, string[]]> {
  return Object.fromEntries(
    files.map((f) => [f.path, [f.status, f.config, f.findings.map((x) => `${x.rule}:${x.status}`)]]),
  );
}

const KNOWN =
  'exclude, extend-exclude, extensions, respect-gitignore, ssl-context, transforms, suppress-comments, ' +
  'include-generated, max-file-size, jobs';
const BUILTIN_NAMES = BUILTIN_TRANSFORMS.map((t) => t.name).join(', ');
const DEFAULT_PIPELINE = BUILTIN_TRANSFORMS.filter((t) => !t.optIn).map((t) => t.name);

describe('discovery', () => {
  it('gives each subproject of a monorepo its own settings, from the closest configuration', () => {
    // the root's pyproject.toml has no [tool.ftptls]: it is no configuration
    write('pyproject.toml', '[project]\nname = "mono"\n');
    write('svc-a/pyproject.toml', '[project]\nname = "a"\n\n[tool.ftptls]\nssl-context = true\n');
    write('svc-b/ftptls.toml', 'suppress-comments = ["# lab-only"]\nextend-exclude = ["generated/"]\n');
    for (const f of ['top.py', 'svc-a/a.py', 'svc-a/deep/d.py', 'svc-b/b.py', 'svc-b/generated/g.py'])
      write(f, SAMPLE);
    const r = report(['.']);
    expect(r.status, r.stderr).toBe(0);
    expect(summary(r.files)).toEqual({
      'svc-a/a.py': [
        'changed',
        'svc-a/pyproject.toml',
        ['ftp-to-ftp-tls:fixed', 'ssl-context:fixed', 'prot-p:fixed'],
      ],
      'svc-a/deep/d.py': [
        'changed',
        'svc-a/pyproject.toml',
        ['ftp-to-ftp-tls:fixed', 'ssl-context:fixed', 'prot-p:fixed'],
      ],
      // the marker of svc-b's file suppresses; generated/ (relative to svc-b) is not looked at
      'svc-b/b.py': ['unchanged', 'svc-b/ftptls.toml', ['ftp-to-ftp-tls:suppressed']],
      'top.py': ['changed', undefined, ['ftp-to-ftp-tls:fixed', 'prot-p:fixed']],
    });
    // a subproject also named: each file once
    const twice = report(['svc-a', '.', 'svc-a/a.py']);
    expect(twice.files.map((f) => f.path)).toEqual(r.files.map((f) => f.path));
    // the same files, one by one and written: each with its own settings
    const w = runCli(['--write', 'svc-a/a.py', 'svc-b/b.py', 'top.py'], { cwd: dir });
    expect(w.status, w.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'svc-a/a.py'), 'utf8')).toBe(WITH_CONTEXT);
    expect(fs.readFileSync(path.join(dir, 'svc-b/b.py'), 'utf8')).toBe(SAMPLE);
    expect(fs.readFileSync(path.join(dir, 'top.py'), 'utf8')).toBe(FIXED);
  });

  it('skips a pyproject.toml without [tool.ftptls] and goes on upward, from any current folder', () => {
    write('pyproject.toml', '[tool.ftptls]\nssl-context = true\n');
    write('pkg/pyproject.toml', '[project]\nname = "pkg"\n\n[tool.ruff]\nline-length = 100\n');
    write('pkg/mod.py', SAMPLE);
    expect(summary(report(['pkg/mod.py']).files)).toEqual({
      'pkg/mod.py': [
        'changed',
        'pyproject.toml',
        ['ftp-to-ftp-tls:fixed', 'ssl-context:fixed', 'prot-p:fixed'],
      ],
    });
    // run from inside pkg: the configuration is above the current folder, named by its absolute path
    expect(summary(report(['.'], path.join(dir, 'pkg')).files)).toEqual({
      'mod.py': [
        'changed',
        path.join(dir, 'pyproject.toml'),
        ['ftp-to-ftp-tls:fixed', 'ssl-context:fixed', 'prot-p:fixed'],
      ],
    });
  });

  it("gives a path with no configuration above it the current folder's (ruff's fallback)", () => {
    write('pyproject.toml', '[tool.ftptls]\nssl-context = true\n');
    const elsewhere = newDir();
    fs.writeFileSync(path.join(elsewhere, 'x.py'), SAMPLE);
    const r = report([elsewhere]);
    expect(r.files.map((f) => [f.config, f.findings.map((x) => x.rule)])).toEqual([
      ['pyproject.toml', ['ftp-to-ftp-tls', 'ssl-context', 'prot-p']],
    ]);
    const shown = runCli(['--show-settings', elsewhere], { cwd: dir });
    expect(shown.stdout).toContain(
      `Settings for ${elsewhere}\nConfiguration file: pyproject.toml (the current folder's: none above the path)\n`,
    );
  });

  it('lets an ftptls.toml win over the pyproject.toml beside it', () => {
    write('pyproject.toml', '[tool.ftptls]\nssl-context = true\n');
    write('ftptls.toml', 'ssl-context = false\n');
    write('a.py', SAMPLE);
    expect(summary(report(['.']).files)).toEqual({
      'a.py': ['changed', 'ftptls.toml', ['ftp-to-ftp-tls:fixed', 'prot-p:fixed']],
    });
  });

  it("does not look into a subproject that its parent's configuration excludes", () => {
    write('pyproject.toml', '[tool.ftptls]\nextend-exclude = ["legacy/"]\n');
    write('legacy/pyproject.toml', '[tool.ftptls]\nssl-context = true\n');
    write('legacy/old.py', SAMPLE);
    write('new.py', SAMPLE);
    expect(Object.keys(summary(report(['.']).files))).toEqual(['new.py']);
    // named, it is walked, with its own configuration
    expect(summary(report(['legacy']).files)['legacy/old.py'][1]).toBe('legacy/pyproject.toml');
  });

  it('applies `exclude` (which replaces the default excludes) and `extensions` relative to the file', () => {
    write('proj/pyproject.toml', '[tool.ftptls]\nexclude = ["/vendor/"]\nextensions = [".py", "pyi"]\n');
    write('proj/vendor/v.py', SAMPLE);
    write('proj/src/vendor/kept.py', SAMPLE); // anchored pattern: only proj/vendor/
    write('proj/.venv/lib.py', SAMPLE); // the defaults no longer apply
    write('proj/stub.pyi', SAMPLE);
    write('proj/nb.ipynb', '{}');
    write('proj/other.pyw', SAMPLE);
    expect(Object.keys(summary(report(['proj']).files)).sort()).toEqual([
      'proj/.venv/lib.py',
      'proj/src/vendor/kept.py',
      'proj/stub.pyi',
    ]);
  });
});

describe('precedence', () => {
  it('a flag on the command line beats the file; lists of markers add up', () => {
    write(
      'pyproject.toml',
      '[tool.ftptls]\nssl-context = true\nsuppress-comments = ["# lab-only"]\nmax-file-size = 10\n',
    );
    write('a.py', SAMPLE);
    write('b.py', SAMPLE.replace('# lab-only', '# mirror'));
    write('c.py', SAMPLE.replace('  # lab-only', ''));
    // the file's max-file-size (10 bytes) makes every file an error
    const small = report(['.']);
    expect(small.status).toBe(2);
    expect(small.files.map((f) => f.status)).toEqual(['error', 'error', 'error']);
    const r = report([
      '--no-ssl-context',
      '--max-file-size',
      '100000',
      '--suppress-comment',
      '# mirror',
      '.',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(summary(r.files)).toEqual({
      'a.py': ['unchanged', 'pyproject.toml', ['ftp-to-ftp-tls:suppressed']],
      'b.py': ['unchanged', 'pyproject.toml', ['ftp-to-ftp-tls:suppressed']],
      'c.py': ['changed', 'pyproject.toml', ['ftp-to-ftp-tls:fixed', 'prot-p:fixed']],
    });
    fs.rmSync(path.join(dir, 'c.py'));
    // --exclude replaces the file's exclude; --transform its transforms
    write('ftptls.toml', 'exclude = ["b.py"]\ntransforms = ["ftp-to-ftp-tls"]\n');
    expect(summary(report(['.']).files)).toEqual({
      'a.py': ['changed', 'ftptls.toml', ['ftp-to-ftp-tls:fixed']],
    });
    const flags = report(['--exclude', 'a.py', '-t', 'ftp-to-ftp-tls', '-t', 'prot-p', '.']);
    expect(summary(flags.files)).toEqual({
      'b.py': ['changed', 'ftptls.toml', ['ftp-to-ftp-tls:fixed', 'prot-p:fixed']],
    });
  });
});

describe('--config and --isolated', () => {
  it('--config uses one file for every file, also below a subproject of its own', () => {
    write('ci/ftptls.toml', 'ssl-context = true\n');
    write('sub/pyproject.toml', '[tool.ftptls]\ntransforms = ["ftp-to-ftp-tls"]\n');
    write('sub/a.py', SAMPLE);
    write('b.py', SAMPLE);
    const r = report(['--config', 'ci/ftptls.toml', '.']);
    expect(r.status, r.stderr).toBe(0);
    const all = ['ftp-to-ftp-tls:fixed', 'ssl-context:fixed', 'prot-p:fixed'];
    expect(summary(r.files)).toEqual({
      'b.py': ['changed', 'ci/ftptls.toml', all],
      'sub/a.py': ['changed', 'ci/ftptls.toml', all],
    });
    // named with --config, its patterns are relative to the current folder (as ruff's), not to ci/
    write('ci/ftptls.toml', 'ssl-context = true\nextend-exclude = ["/b.py"]\n');
    write('ci/b.py', SAMPLE);
    expect(Object.keys(summary(report(['--config', 'ci/ftptls.toml', '.']).files))).toEqual([
      'ci/b.py',
      'sub/a.py',
    ]);
    const shown = runCli(['--show-settings', '--config', 'ci/ftptls.toml', 'sub'], { cwd: dir });
    expect(shown.stdout).toContain(
      '\nextend-exclude = ["/b.py"]  # ci/ftptls.toml (relative to the current folder)\n',
    );
    // a pyproject.toml named with --config must have the table
    write('ci/pyproject.toml', '[project]\nname = "x"\n');
    const none = runCli(['--config', 'ci/pyproject.toml', '.'], { cwd: dir });
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('ftptls: ci/pyproject.toml: no [tool.ftptls] table\n');
    const missing = runCli(['--config', 'nope.toml', '.'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('ftptls: nope.toml: could not read: no such file or directory\n');
  });

  it('--isolated reads no configuration, not even a broken one', () => {
    write('pyproject.toml', '[tool.ftptls]\nssl-context = true\n');
    write('sub/ftptls.toml', 'jobs = [');
    write('sub/a.py', SAMPLE);
    write('b.py', SAMPLE);
    expect(runCli(['.'], { cwd: dir }).status).toBe(2);
    const r = report(['--isolated', '.']);
    expect(r.status, r.stderr).toBe(0);
    expect(summary(r.files)).toEqual({
      'b.py': ['changed', undefined, ['ftp-to-ftp-tls:fixed', 'prot-p:fixed']],
      'sub/a.py': ['changed', undefined, ['ftp-to-ftp-tls:fixed', 'prot-p:fixed']],
    });
    const both = runCli(['--isolated', '--config', 'pyproject.toml', '.'], { cwd: dir });
    expect(both.status).toBe(2);
    expect(both.stderr).toBe(
      'ftptls: Arguments config and isolated are mutually exclusive\nRun ftptls --help for usage.\n',
    );
  });
});

describe('a file that cannot be used: exit 2, the file, the key, what was expected', () => {
  const cases: [string, string, string][] = [
    [
      'an unknown key',
      '[tool.ftptls]\nexlude = ["x/"]\n',
      `pyproject.toml: unknown key 'exlude' in [tool.ftptls] (known keys: ${KNOWN})`,
    ],
    [
      'a string for a number',
      '[tool.ftptls]\njobs = "4"\n',
      'pyproject.toml: [tool.ftptls] jobs: expected a positive integer, got a string ("4")',
    ],
    [
      'a float for a number',
      '[tool.ftptls]\nmax-file-size = 1.5e6\n',
      'pyproject.toml: [tool.ftptls] max-file-size: expected a positive integer (bytes), got a float (1500000.0)',
    ],
    [
      'a string for a boolean',
      '[tool.ftptls]\nrespect-gitignore = "no"\n',
      'pyproject.toml: [tool.ftptls] respect-gitignore: expected true or false, got a string ("no")',
    ],
    [
      'a string for a list',
      '[tool.ftptls]\nsuppress-comments = "# lab-only"\n',
      'pyproject.toml: [tool.ftptls] suppress-comments: expected an array of strings, got a string ("# lab-only")',
    ],
    [
      'a number in a list',
      '[tool.ftptls]\nextensions = [".py", 3]\n',
      'pyproject.toml: [tool.ftptls] extensions[1]: expected a string, got an integer (3)',
    ],
    [
      'a table where the settings go',
      '[tool]\nftptls = true\n',
      'pyproject.toml: [tool.ftptls]: expected a table, got a boolean (true)',
    ],
    [
      'a TOML syntax error',
      '[project]\nname = "x"\n\n[tool.ftptls]\nssl-context = tru\n',
      'pyproject.toml:5:15: invalid TOML: invalid value',
    ],
    [
      'an unterminated string (the line ends inside it)',
      '[tool.ftptls]\nextend-exclude = ["gen/]\n',
      'pyproject.toml:2:25: invalid TOML: control characters are not allowed in strings',
    ],
    [
      'a key given twice',
      '[tool.ftptls]\njobs = 1\njobs = 2\n',
      'pyproject.toml:3:1: invalid TOML: trying to redefine an already defined table or value',
    ],
  ];
  for (const [what, text, message] of cases)
    it(what, () => {
      write('pyproject.toml', text);
      write('a.py', SAMPLE);
      const r = runCli(['--write', '.'], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`ftptls: ${message}\n`);
      expect(r.stdout).toBe('');
      expect(fs.readFileSync(path.join(dir, 'a.py'), 'utf8')).toBe(SAMPLE);
    });

  it('an ftptls.toml names keys at its top level', () => {
    write('ftptls.toml', 'jobs = 0\n');
    write('a.py', SAMPLE);
    const r = runCli(['.'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('ftptls: ftptls.toml: jobs: expected a positive integer, got an integer (0)\n');
  });

  it('a broken configuration found deep in the walk stops the run before anything is written', () => {
    write('a.py', SAMPLE);
    write('z/sub/pyproject.toml', '[tool.ftptls]\nssl-context = 1\n');
    write('z/sub/b.py', SAMPLE);
    const r = runCli(['--write', '.'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'ftptls: z/sub/pyproject.toml: [tool.ftptls] ssl-context: expected true or false, got an integer (1)\n',
    );
    expect(fs.readFileSync(path.join(dir, 'a.py'), 'utf8')).toBe(SAMPLE);
    expect(fs.readFileSync(path.join(dir, 'z/sub/b.py'), 'utf8')).toBe(SAMPLE);
  });

  it("another tool's broken pyproject.toml that never mentions ftptls is not ours to judge", () => {
    write('pyproject.toml', '[tool.black\nline-length = 100\n');
    write('a.py', SAMPLE);
    const r = report(['.']);
    expect(r.status, r.stderr).toBe(0);
    expect(summary(r.files)['a.py'][1]).toBeUndefined();
  });
});

describe('a configuration file never runs code', () => {
  const refusal = (file: string, where: string) =>
    `ftptls: ${file}: ${where}transforms: './evil.js' is not a built-in transform (${BUILTIN_NAMES}); a ` +
    'configuration file names built-in transforms only and never loads code: give a custom transform module ' +
    'with --transform on the command line, or to the library API\n';

  /** A transform module that leaves a mark when it is imported. */
  function evil(): string {
    const mark = path.join(dir, 'LOADED');
    write(
      'evil.js',
      `import fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(mark)}, 'imported');\n` +
        "export default { name: 'evil', description: 'x', run: () => ({ findings: [] }) };\n",
    );
    write('a.py', SAMPLE);
    return mark;
  }

  it('refuses a module path in `transforms`, and the module is never imported', async () => {
    const mark = evil();
    write('pyproject.toml', '[tool.ftptls]\ntransforms = ["ftp-to-ftp-tls", "./evil.js"]\n');
    for (const args of [
      ['.'],
      ['--write', 'a.py'],
      ['--show-settings', '.'],
      ['-', '--stdin-filename', 'x.py'],
    ]) {
      const r = runCli(args, { cwd: dir, input: SAMPLE });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(refusal('pyproject.toml', '[tool.ftptls] '));
    }
    write('ci.toml', 'transforms = ["./evil.js"]\n');
    const named = runCli(['--config', 'ci.toml', '.'], { cwd: dir });
    expect(named.status).toBe(2);
    expect(named.stderr).toBe(refusal('ci.toml', ''));
    // nor through the library API
    await expect(run(['.'], { cwd: dir, config: 'discover' })).rejects.toThrow(ConfigError);
    await expect(run(['.'], { cwd: dir, config: 'ci.toml' })).rejects.toThrow(
      "'./evil.js' is not a built-in",
    );
    expect(fs.existsSync(mark)).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'a.py'), 'utf8')).toBe(SAMPLE);
    // the mark works: the same module named on the command line is imported
    const flag = runCli(['--isolated', '-t', './evil.js', 'a.py'], { cwd: dir });
    expect(flag.status, flag.stderr).toBe(0);
    expect(fs.readFileSync(mark, 'utf8')).toBe('imported');
  });

  it('refuses a name that is no built-in transform', () => {
    write('ftptls.toml', 'transforms = ["prot_p"]\n');
    write('a.py', SAMPLE);
    const r = runCli(['.'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ftptls: ftptls\.toml: transforms: 'prot_p' is not a built-in transform \(/);
  });
});

describe('--show-settings', () => {
  it('prints the settings of each path, where each comes from, and the configuration file; exit 0', () => {
    write(
      'svc/pyproject.toml',
      '[tool.ftptls]\nssl-context = true\nextend-exclude = ["gen/"]\nsuppress-comments = ["# lab-only"]\njobs = 3\n',
    );
    write('svc/a.py', SAMPLE);
    const r = runCli(['--show-settings', '--jobs', '2', '--suppress-comment', '# mirror', 'svc/a.py', '.'], {
      cwd: dir,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const list = (names: string[]) => `[${names.map((n) => JSON.stringify(n)).join(', ')}]`;
    const withContext = BUILTIN_TRANSFORMS.filter((t) => !t.optIn || t.name === 'ssl-context').map(
      (t) => t.name,
    );
    const defaultExcludes = [
      'exclude = [  # default',
      '  ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".ipynb_checkpoints", ".mypy_cache",',
      '  ".nox", ".pants.d", ".pyenv", ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".tox", ".venv",',
      '  ".vscode", "__pycache__", "__pypackages__", "_build", "buck-out", "dist", "node_modules",',
      '  "site-packages", "venv",',
      ']',
    ];
    expect(r.stdout).toBe(
      [
        'Settings for svc/a.py',
        'Configuration file: svc/pyproject.toml',
        ...defaultExcludes,
        'extend-exclude = ["gen/"]  # svc/pyproject.toml (relative to svc)',
        'extensions = [".py", ".pyw", ".ipynb"]  # default',
        'respect-gitignore = true  # default',
        'ssl-context = true  # svc/pyproject.toml',
        `transforms = ${list(withContext)}  # default, with ssl-context`,
        'suppress-comments = ["# lab-only", "# mirror"]  # svc/pyproject.toml and command line',
        'include-generated = false  # default',
        'max-file-size = 5242880  # default',
        'jobs = 2  # command line',
        '',
        'Settings for .',
        'Configuration file: none (none found: defaults)',
        ...defaultExcludes,
        'extend-exclude = []  # default',
        'extensions = [".py", ".pyw", ".ipynb"]  # default',
        'respect-gitignore = true  # default',
        'ssl-context = false  # default',
        `transforms = ${list(DEFAULT_PIPELINE)}  # default`,
        'suppress-comments = ["# mirror"]  # command line',
        'include-generated = false  # default',
        'max-file-size = 5242880  # default',
        'jobs = 2  # command line',
        '',
      ].join('\n'),
    );
    // nothing was processed
    expect(fs.readFileSync(path.join(dir, 'svc/a.py'), 'utf8')).toBe(SAMPLE);
  });

  it('says when the settings come from --isolated, and takes the values flags give', () => {
    write('pyproject.toml', '[tool.ftptls]\nssl-context = true\n');
    const r = runCli(['--show-settings', '--isolated', '--no-gitignore', '--exclude', 'x/', '.'], {
      cwd: dir,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Settings for .\nConfiguration file: none (--isolated)\n' +
        'exclude = ["x/"]  # command line (relative to the current folder)\n',
    );
    expect(r.stdout).toContain(
      '\nrespect-gitignore = false  # command line\nssl-context = false  # default\n',
    );
  });
});

describe('standard input', () => {
  it('gets the configuration of the folder of --stdin-filename, and the report names it', () => {
    write('svc/ftptls.toml', 'ssl-context = true\n');
    const r = runCli(['-', '--stdin-filename', 'svc/new.py'], { cwd: dir, input: SAMPLE });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(WITH_CONTEXT);
    const j = runCli(['-', '--stdin-filename', 'svc/new.py', '--format', 'json'], {
      cwd: dir,
      input: SAMPLE,
    });
    expect(JSON.parse(j.stdout).files[0].config).toBe('svc/ftptls.toml');
    expect(runCli(['-', '--stdin-filename', 'new.py'], { cwd: dir, input: SAMPLE }).stdout).toBe(FIXED);
  });
});

describe('the library API', () => {
  it('reads no configuration unless asked; `config` discovers or names one, and options win', async () => {
    write('pyproject.toml', '[tool.ftptls]\nssl-context = true\n');
    write('a.py', SAMPLE);
    const plain = await run(['a.py'], { cwd: dir });
    expect(plain.results[0].after).toBe(FIXED);
    expect(plain.results[0].config).toBeUndefined();
    const found = await run(['a.py'], { cwd: dir, config: 'discover' });
    expect(found.results[0].after).toBe(WITH_CONTEXT);
    expect(found.results[0].config).toBe('pyproject.toml');
    const over = await run(['a.py'], { cwd: dir, config: 'pyproject.toml', sslContext: false });
    expect(over.results[0].after).toBe(FIXED);
    expect(over.summary.changed).toBe(1);
  });
});
