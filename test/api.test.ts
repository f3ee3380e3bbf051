// The library API as a user gets it: the repository packed with `npm pack`, installed from the tarball into a
// fresh "type": "module" project, imported as `ftptls` by a plain .mjs batch script on real files, and
// type-checked from a .ts file with the repository's tsc against the installed package's declarations.
// Needs the built dist/ (npm test builds first) and the package's dependencies in the npm cache (they are
// whenever `npm ci` has run here); the npm registry is only asked about what the cache lacks.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireAvailable, shouldSkip } from './helpers/skip.js';
import { tempDirs } from './helpers/temp.js';

const ROOT = path.join(import.meta.dirname, '..');
const TSC = path.join(ROOT, 'node_modules', '.bin', 'tsc');
const EXAMPLE_TRANSFORM = path.join(ROOT, 'examples', 'custom-transform', 'mock-patch-targets.js');
const NPM_ENV = {
  ...process.env,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_loglevel: 'error',
};

const INSECURE = 'from ftplib import FTP\n\nftp = FTP("ftp.example.com")\nftp.login("user", "secret")\n';
const SECURE =
  'from ftplib import FTP_TLS\n\nftp = FTP_TLS("ftp.example.com")\nftp.login("user", "secret")\nftp.prot_p()\n';

function sh(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, env: NPM_ENV, ...options });
  const out = { status: r.status ?? -1, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
  if (r.error) out.stderr += `\n${r.error.message}`;
  return out;
}

const tempDir = tempDirs('api');
let work: string;
let project: string;
let tarballFiles: string[];

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'index.d.ts')))
    throw new Error('dist/ is not built: run `npm run build` (npm test does) first');
  work = tempDir();
  // --ignore-scripts: pack the dist/ that npm test just built, instead of rebuilding it (prepare) under the
  // feet of the other test files that run the CLI from dist/ at the same time
  const pack = sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT });
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  tarballFiles = info.files.map((f) => f.path);

  project = path.join(work, 'consumer');
  fs.mkdirSync(project);
  fs.writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }, null, 2),
  );
  const install = sh(
    'npm',
    ['install', path.join(work, info.filename), '--prefer-offline', '--no-audit', '--no-fund'],
    { cwd: project },
  );
  if (install.status !== 0) throw new Error(`npm install of the tarball failed: ${install.stderr}`);
}, 120_000);

describe('the packed package', () => {
  it('holds the built code, its declarations, the launcher, the JSON schema and the example transform', () => {
    expect(tarballFiles).toEqual(
      expect.arrayContaining([
        'bin/ftptls.js',
        'dist/src/index.js',
        'dist/src/index.d.ts',
        'dist/src/run/worker.js',
        'dist/src/cli.js',
        'schema/report.schema.json',
        'examples/custom-transform/mock-patch-targets.js',
        'package.json',
        'README.md',
      ]),
    );
    expect(
      tarballFiles.filter((f) => f.startsWith('test/') || (f.endsWith('.ts') && !f.endsWith('.d.ts'))),
    ).toEqual([]);
  });

  it('runs as a batch script that imports it by name (.mjs)', () => {
    const repo = path.join(work, 'repo');
    fs.mkdirSync(path.join(repo, 'app'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'app', 'upload.py'), INSECURE);
    fs.writeFileSync(path.join(repo, 'app', 'clean.py'), 'print("no ftp")\n');
    fs.writeFileSync(path.join(repo, 'app', 'broken.py'), 'import ftplib\ndef (:\n');
    fs.writeFileSync(
      path.join(repo, 'app', 'test_upload.py'),
      'from unittest import mock\n\n@mock.patch("ftplib.FTP")\ndef test(m): pass\n',
    );
    const script = `
import { run, transformSource, jsonReport, BUILTIN_TRANSFORMS, TransformLoadError } from 'ftptls';
import pkg from 'ftptls/package.json' with { type: 'json' };

const out = {};
out.version = pkg.version;
out.builtins = BUILTIN_TRANSFORMS.map((t) => t.name);

const one = await transformSource(${JSON.stringify(INSECURE)}, { path: 'upload.py' });
out.one = { status: one.status, after: one.after, rules: one.findings.map((f) => f.rule + ':' + f.status) };
const ssl = await transformSource('import ftplib\\nftp = ftplib.FTP("h")\\n', { sslContext: true });
out.ssl = ssl.after;

// an inline custom transform (an object): runs after the built-ins, reported under its name
const todo = {
  name: 'todo-note',
  description: 'notes every file that still imports ftplib',
  run(ctx) {
    const at = ctx.source.indexOf('ftplib');
    return { findings: [{ rule: 'todo-note', start: at, end: at + 6, status: 'manual', message: 'imports ftplib' }] };
  },
};
const dry = await run([process.argv[2]], { transforms: [todo] });
out.dry = {
  summary: { ...dry.summary, seconds: typeof dry.summary.seconds },
  files: dry.results.map((r) => [r.path.slice(process.argv[2].length + 1), r.status]),
  notes: dry.results.flatMap((r) => r.findings.filter((f) => f.rule === 'todo-note').map((f) => f.line + ':' + f.column)),
  json: JSON.parse(jsonReport(dry.results, dry.summary)).summary.changed,
};

const written = await run([process.argv[2]], { write: true, transforms: [process.argv[3]] });
out.written = { changed: written.summary.changed, errors: written.summary.errors };

try {
  await run([process.argv[2]], { transforms: ['no-such-transform'] });
} catch (err) {
  out.loadError = err instanceof TransformLoadError ? err.message : 'wrong class: ' + err;
}
try {
  await import('ftptls/dist/src/cli.js');
} catch (err) {
  out.deepImport = err.code;
}
console.log(JSON.stringify(out));
`;
    fs.writeFileSync(path.join(project, 'batch.mjs'), script);
    const r = sh(process.execPath, ['batch.mjs', repo, EXAMPLE_TRANSFORM], { cwd: project });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.version).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    expect(out.builtins).toEqual([
      'ftp-to-ftp-tls',
      'hardcoded-credentials',
      'prot-p',
      'ssl-context',
      'mock-targets',
    ]);
    expect(out.one.status).toBe('changed');
    expect(out.one.after).toBe(SECURE);
    // and the sample's password, written in the code: reported, not changed
    expect(out.one.rules).toEqual(['ftp-to-ftp-tls:fixed', 'prot-p:fixed', 'hardcoded-credentials:manual']);
    expect(out.ssl).toContain('ftplib.FTP_TLS("h", context=ssl.create_default_context())');
    expect(out.dry.files).toEqual([
      ['app/broken.py', 'error'],
      ['app/clean.py', 'unchanged'],
      ['app/test_upload.py', 'changed'], // the built-in mock-targets moves its patch target
      ['app/upload.py', 'changed'],
    ]);
    expect(out.dry.summary).toMatchObject({
      files: 4,
      changed: 2,
      unchanged: 1,
      errors: 1,
      seconds: 'number',
    });
    expect(out.dry.notes).toEqual(['3:14', '1:6']); // test_upload.py, upload.py (the broken file never runs)
    expect(out.dry.json).toBe(2);
    // --write with the example transform module after the built-ins: upload.py and the test's patch target
    expect(out.written).toEqual({ changed: 2, errors: 1 });
    expect(fs.readFileSync(path.join(repo, 'app', 'upload.py'), 'utf8')).toBe(SECURE);
    expect(fs.readFileSync(path.join(repo, 'app', 'test_upload.py'), 'utf8')).toContain(
      '@mock.patch("ftplib.FTP_TLS")',
    );
    expect(out.loadError).toBe("unknown transform 'no-such-transform' (see --list-transforms)");
    expect(out.deepImport).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  it('has declarations that type-check a TypeScript consumer (tsc --noEmit)', () => {
    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify(
        {
          compilerOptions: {
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: [],
          },
          files: ['consumer.ts', 'bad.ts', 'emscripten.d.ts'],
        },
        null,
        2,
      ),
    );
    fs.writeFileSync(
      path.join(project, 'consumer.ts'),
      `import {
  run,
  transformSource,
  type FileResult,
  type Finding,
  type RunResult,
  type Summary,
  type Transform,
  type TransformContext,
  type RawFinding,
} from 'ftptls';

/** A custom transform written against the exported interface. */
export const noteLogins: Transform = {
  name: 'note-logins',
  description: 'Notes every login() call',
  run(ctx: TransformContext) {
    const findings: RawFinding[] = [];
    for (const call of ctx.tree.rootNode.descendantsOfType('call')) {
      if (!call || !call.text.includes('.login(')) continue;
      const callee = ctx.bindings.valueOf(call.childForFieldName('function'));
      findings.push({
        rule: 'note-logins',
        start: call.startIndex,
        end: call.endIndex,
        status: callee.kind === 'other' ? 'manual' : 'fixed',
        message: 'login',
        edits: [{ start: call.endIndex, end: call.endIndex, text: '' }],
      });
    }
    return { findings };
  },
};

export async function batch(paths: string[]): Promise<Summary> {
  const r: RunResult = await run(paths, { write: false, jobs: 2, transforms: ['prot-p', noteLogins] });
  const changed: FileResult[] = r.results.filter((x) => x.status === 'changed');
  const manual: Finding[] = changed.flatMap((x) => x.findings.filter((f) => f.status === 'manual'));
  const one: FileResult = await transformSource('import ftplib\\n', { path: 'a.py', sslContext: true });
  const after: string = one.after;
  return { ...r.summary, manual: manual.length + after.length };
}
`,
    );
    // web-tree-sitter's declarations (Node, Tree) name EmscriptenModule from @types/emscripten, which it has
    // only as a devDependency: with skipLibCheck false a consumer needs @types/emscripten or this stand-in
    fs.writeFileSync(path.join(project, 'emscripten.d.ts'), 'interface EmscriptenModule {}\n');
    // and the types must refuse what is wrong
    fs.writeFileSync(
      path.join(project, 'bad.ts'),
      `import { run, type Transform } from 'ftptls';
// @ts-expect-error: a finding's status is fixed | suppressed | manual
export const bad: Transform = { name: 'x', description: 'y', run: () => ({ findings: [{ rule: 'x', start: 0, end: 0, status: 'done', message: '' }] }) };
// @ts-expect-error: paths are an array
void run('src/');
// @ts-expect-error: the result has no such field
void run(['src/']).then((r) => r.exitCode);
`,
    );
    const r = sh(TSC, ['-p', 'tsconfig.json'], { cwd: project });
    expect(`${r.stdout}${r.stderr}`).toBe('');
    expect(r.status).toBe(0);
  });

  it('installs the ftptls command, which runs from the installed package', () => {
    const dir = path.join(work, 'cmd');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'upload.py'), INSECURE);
    const bin = path.join(project, 'node_modules', '.bin', 'ftptls');
    const r = sh(bin, ['--check', dir], { cwd: project, env: { ...NPM_ENV, NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('+ftp.prot_p()\n');
  });
});

/** The code blocks of a markdown file that follow `heading`, up to the next heading of any level. */
function codeBlocks(file: string, heading: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`${file} has no heading ${heading}`);
  const rest = text.slice(start + heading.length + 2);
  const section = rest.slice(0, rest.search(/\n#{2,4} /) >>> 0);
  return [...section.matchAll(/```\w*\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe('the recipes in the README, run against the installed package', () => {
  // .ci/run installs jq: without it the jq test is skipped (saying so), and fails under CI=true
  const jqMissing =
    sh('jq', ['--version']).status === 0 ? undefined : 'jq is not installed (apt-get install jq)';

  it('README: the batch script migrates every checkout and keeps a report for each', () => {
    const [script] = codeBlocks('README.md', '### A batch script');
    fs.writeFileSync(path.join(project, 'migrate-all.mjs'), script);
    const root = path.join(work, 'checkouts');
    for (const [name, file] of [
      ['billing', INSECURE],
      ['clean', 'print("no ftp")\n'],
      ['legacy', 'import ftplib\ndef (:\n'],
    ]) {
      fs.mkdirSync(path.join(root, name, '.git'), { recursive: true });
      fs.writeFileSync(path.join(root, name, 'job.py'), file);
    }
    const r = sh(process.execPath, ['migrate-all.mjs', root], { cwd: project });
    expect(r.status).toBe(2);
    // 1 manual: the sample's hard-coded password
    expect(r.stdout).toMatch(/^billing\t1 changed\t2 fixed\t1 manual\t0 errors$/m);
    expect(r.stdout).toMatch(/^clean\t0 changed\t0 fixed\t0 manual\t0 errors$/m);
    expect(r.stdout).toMatch(/^legacy\t0 changed\t0 fixed\t0 manual\t1 errors\n {2}.*job\.py: syntax error/m);
    expect(fs.readFileSync(path.join(root, 'billing', 'job.py'), 'utf8')).toBe(SECURE);
    const report = JSON.parse(fs.readFileSync(path.join(project, 'ftptls-reports', 'billing.json'), 'utf8'));
    expect(report).toMatchObject({ version: 2, tool: 'ftptls', summary: { changed: 1 } });
  });

  describe('README: ftptls-migrate.sh as multi-gitter runs it, on three clones', () => {
    const script = path.join(ROOT, 'docs', 'examples', 'ftptls-migrate.sh');
    let org: string;
    let reports: string;
    const clones: Record<string, string> = {};
    const runs: Record<string, { status: number; stdout: string; stderr: string }> = {};

    beforeAll(() => {
      org = path.join(work, 'org');
      reports = path.join(org, 'ftptls-reports');
      const env = {
        ...NPM_ENV,
        PATH: `${path.join(project, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
        FTPTLS_REPORTS: reports,
        FTPTLS_ARGS: `--transform ${path.join(project, 'node_modules', 'ftptls', 'examples', 'custom-transform', 'mock-patch-targets.js')}`,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.invalid',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.invalid',
      };
      /** A clone as multi-gitter leaves it: a git work tree, the script run in its root with REPOSITORY set. */
      const clone = (name: string, files: Record<string, string>) => {
        const dir = path.join(org, name);
        fs.mkdirSync(dir, { recursive: true });
        for (const [rel, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, rel), text);
        for (const args of [
          ['init', '-q'],
          ['add', '-A'],
          ['commit', '-q', '-m', 'init'],
        ]) {
          const git = sh('git', args, { cwd: dir, env });
          if (git.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${git.stderr}`);
        }
        clones[name] = dir;
      };
      const migrate = (run: string, name: string, extra: Record<string, string> = {}) => {
        runs[run] = sh(script, [], {
          cwd: clones[name],
          env: { ...env, REPOSITORY: `my-org/${name}`, ...extra },
        });
      };

      clone('app', {
        'upload.py': INSECURE,
        'chained.py': 'import ftplib\n\nftplib.FTP("h").login("u", "p")\n', // a manual prot-p finding
        'test_upload.py': 'from unittest import mock\n\n@mock.patch("ftplib.FTP")\ndef test(m): pass\n',
      });
      clone('clean', { 'main.py': 'print("hello")\n' });
      clone('legacy', { 'upload.py': INSECURE, 'old.py': 'import ftplib\ndef (:\n' });
      migrate('app', 'app');
      migrate('clean', 'clean');
      migrate('legacy', 'legacy');
      // legacy's report is now the second run's: upload.py was already fixed by the first
      migrate('legacy allowing errors', 'legacy', { FTPTLS_ALLOW_ERRORS: '1' });
    }, 120_000);

    it('fixes the clones, exits as multi-gitter expects, and keeps a report per repository', () => {
      expect(fs.statSync(script).mode & 0o111).not.toBe(0); // multi-gitter runs it directly
      const changed = (name: string) => sh('git', ['status', '--porcelain'], { cwd: clones[name] }).stdout;

      expect(runs.app.stderr).toContain('fixed upload.py');
      expect(runs.app.status).toBe(0); // changes + exit 0: multi-gitter opens a pull request
      expect(changed('app')).toBe(' M chained.py\n M test_upload.py\n M upload.py\n'); // the report is not in the clone
      expect(fs.readFileSync(path.join(clones.app, 'test_upload.py'), 'utf8')).toContain('"ftplib.FTP_TLS"');

      expect(runs.clean.status).toBe(0); // no changes: no pull request
      expect(changed('clean')).toBe('');

      expect(runs.legacy.status).toBe(1); // multi-gitter skips the repository
      expect(runs.legacy.stderr).toContain('some files in my-org/legacy could not be processed');
      expect(runs['legacy allowing errors'].status).toBe(0);

      expect(fs.readdirSync(reports).sort()).toEqual([
        'my-org__app.json',
        'my-org__clean.json',
        'my-org__legacy.json',
      ]);
    });

    it.skipIf(shouldSkip('api: the jq one-liners of the README', jqMissing))(
      'the jq one-liners of "4. Read the reports" sum up the reports',
      () => {
        requireAvailable('api', jqMissing);
        const commands = codeBlocks('README.md', '### 4. Read the reports')
          .flatMap((block) => block.split('\n'))
          .filter((line) => line.startsWith('jq '));
        expect(commands).toHaveLength(3);
        const [total, perRepo, manual] = commands.map((c) => {
          const r = sh('bash', ['-c', c], { cwd: org });
          expect(r.stderr).toBe('');
          expect(r.status).toBe(0);
          return r.stdout;
        });
        // manual: chained.py's prot-p, and the hard-coded password of chained.py, app's and legacy's upload.py
        expect(JSON.parse(total)).toEqual({
          repositories: 3,
          files_changed: 3,
          fixed: 4,
          manual: 4,
          errors: 1,
        });
        expect(perRepo).toBe(
          'my-org__app\t3\t4\t3\t0\nmy-org__clean\t0\t0\t0\t0\nmy-org__legacy\t0\t0\t1\t1\n',
        );
        const lines = manual.split(/(?<=\n)/);
        expect(lines).toHaveLength(4);
        expect(lines[0]).toMatch(
          /^my-org__app: chained\.py:3:1: prot_p\(\) not added: .* \(FTP_TLS\(\.\.\.\)\.login\(\) is chained on the constructor; .*\)\n$/,
        );
        expect(lines[1]).toMatch(/^my-org__app: chained\.py:3:28: hard-coded password in login\(\): .*\)\n$/);
        expect(lines[2]).toMatch(/^my-org__app: upload\.py:4:19: hard-coded password in login\(\): .*\)\n$/);
        expect(lines[3]).toMatch(
          /^my-org__legacy: upload\.py:4:19: hard-coded password in login\(\): .*\)\n$/,
        );
      },
    );
  });
});
