// The pre-commit hooks (.pre-commit-hooks.yaml) with the real pre-commit (Debian's /usr/bin/pre-commit, which
// .ci/run installs) against a temporary git repository: `pre-commit try-repo <ftptls> ftptls-check` and
// `... ftptls`. pre-commit installs the hooks as it would from GitHub: it clones the repository, and for
// `language: node` makes a nodeenv that links the system node (`node` and `npm` on PATH: language_version
// `system`, no download), runs `npm install` there, `npm pack` (which builds, via prepare) and
// `npm install -g` of the tarball. The npm registry is the only network it needs; with the npm cache warm
// (`npm ci` has run here) --prefer-offline answers from the cache.
//
// try-repo clones a git repository at a commit, and on a working tree with changes it commits only tracked
// files' changes (`git add -u`), so a new hooks file would be missing. So the test snapshots this working
// tree (every file git would track: `git ls-files --cached --others --exclude-standard`) into a temporary
// repository with one commit, and tries that.
//
// Skipped, with the reason printed, where pre-commit or git is missing; with CI=true that fails instead.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireAvailable, shouldSkip } from './helpers/skip.js';
import { tempDirs } from './helpers/temp.js';

const ROOT = path.join(import.meta.dirname, '..');
const PRE_COMMIT = '/usr/bin/pre-commit';
/** Each install of the hooks (npm install, build, npm pack, npm install -g) takes 10-20 s, more under load. */
const INSTALL_TIMEOUT = 240_000;

const INSECURE = 'from ftplib import FTP\n\nftp = FTP("ftp.example.com")\nftp.login("user", "secret")\n';
const SECURE =
  'from ftplib import FTP_TLS\n\nftp = FTP_TLS("ftp.example.com")\nftp.login("user", "secret")\nftp.prot_p()\n';
const SCRIPT = `#!/usr/bin/env python3\nimport ftplib\n\nftp = ftplib.FTP("h")\n`;
const NOTEBOOK = JSON.stringify({
  cells: [
    {
      cell_type: 'code',
      execution_count: null,
      metadata: {},
      outputs: [],
      source: ['import ftplib\n', 'ftp = ftplib.FTP("h")\n', 'ftp.login("u", "p")'],
    },
  ],
  metadata: {},
  nbformat: 4,
  nbformat_minor: 5,
});

function sh(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 300_000, ...options });
  return {
    status: r.status ?? -1,
    output: `${String(r.stdout ?? '')}${String(r.stderr ?? '')}${r.error ? `\n${r.error.message}` : ''}`,
  };
}

function unavailable(): string | undefined {
  if (!fs.existsSync(PRE_COMMIT)) return `${PRE_COMMIT} is not installed (apt-get install pre-commit)`;
  if (sh('git', ['--version']).status !== 0) return 'git is not installed';
  if (sh('git', ['rev-parse', '--show-toplevel'], { cwd: ROOT }).status !== 0)
    return `${ROOT} is not a git working tree`;
  if (sh('npm', ['--version']).status !== 0) return 'npm is not on PATH (pre-commit would download node)';
  return undefined;
}

const skipReason = unavailable();
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'ftptls test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'ftptls test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};

describe.skipIf(shouldSkip('pre-commit tests', skipReason))('pre-commit hooks', () => {
  const tempDir = tempDirs('pre-commit');
  let work: string;
  let hooksRepo: string;
  let target: string;
  let env: NodeJS.ProcessEnv;

  const git = (cwd: string, ...args: string[]) => {
    const r = sh('git', args, { cwd, env });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.output}`);
    return r.output;
  };
  const tryRepo = (hook: string, ...extra: string[]) =>
    sh(PRE_COMMIT, ['try-repo', hooksRepo, hook, '--all-files', '--color', 'never', ...extra], {
      cwd: target,
      env,
    });

  beforeAll(() => {
    requireAvailable('pre-commit tests', skipReason);
    work = tempDir();
    env = {
      ...process.env,
      ...GIT_ENV,
      HOME: process.env.HOME,
      PRE_COMMIT_HOME: path.join(work, 'cache'),
      PRE_COMMIT_COLOR: 'never',
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };

    // a one-commit snapshot of this working tree
    hooksRepo = path.join(work, 'ftptls');
    const listed = sh('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT });
    for (const rel of listed.output.split('\0').filter(Boolean)) {
      const from = path.join(ROOT, rel);
      if (!fs.existsSync(from) || fs.statSync(from).isDirectory()) continue; // deleted, or a submodule
      fs.mkdirSync(path.dirname(path.join(hooksRepo, rel)), { recursive: true });
      fs.copyFileSync(from, path.join(hooksRepo, rel));
      fs.chmodSync(path.join(hooksRepo, rel), fs.statSync(from).mode);
    }
    git(hooksRepo, 'init', '-q');
    git(hooksRepo, 'add', '-A');
    git(hooksRepo, 'commit', '-q', '--no-verify', '-m', 'snapshot of the working tree');

    // the project that uses the hooks
    target = path.join(work, 'project');
    fs.mkdirSync(path.join(target, 'app'), { recursive: true });
    fs.writeFileSync(path.join(target, 'app', 'upload.py'), INSECURE);
    fs.writeFileSync(path.join(target, 'app', 'clean.py'), 'print("nothing to do")\n');
    fs.writeFileSync(path.join(target, 'notes.txt'), 'ftplib.FTP("h") is not Python here\n');
    fs.writeFileSync(path.join(target, 'deploy'), SCRIPT, { mode: 0o755 });
    fs.writeFileSync(path.join(target, 'explore.ipynb'), NOTEBOOK);
    git(target, 'init', '-q');
    git(target, 'add', '-A');
  }, 60_000);

  it('has a manifest pre-commit accepts', () => {
    const r = sh(PRE_COMMIT, ['validate-manifest', path.join(ROOT, '.pre-commit-hooks.yaml')]);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });

  it(
    'ftptls-check fails on cleartext FTP, prints the diff, and changes nothing',
    () => {
      const r = tryRepo('ftptls-check');
      expect(r.output).toMatch(/ftptls check \(cleartext ftplib\.FTP\)\.+Failed/);
      expect(r.status).toBe(1);
      expect(r.output).toContain('-from ftplib import FTP\n+from ftplib import FTP_TLS\n');
      expect(r.output).toContain('+ftp.prot_p()\n');
      // an executable script with a python shebang is a Python file to pre-commit (identify), so it is checked
      expect(r.output).toContain('+++ b/deploy\n');
      expect(r.output).toContain('+++ b/explore.ipynb:cell 1'); // notebooks: types_or jupyter
      expect(r.output).not.toContain('notes.txt');
      expect(fs.readFileSync(path.join(target, 'app', 'upload.py'), 'utf8')).toBe(INSECURE);
    },
    INSTALL_TIMEOUT,
  );

  it(
    'ftptls rewrites in place, and pre-commit fails because files were modified',
    () => {
      const first = tryRepo('ftptls');
      expect(first.output).toMatch(/ftptls \(FTP to FTP_TLS with prot_p\)\.+Failed/);
      expect(first.output).toContain('files were modified by this hook');
      expect(first.status).toBe(1);
      expect(fs.readFileSync(path.join(target, 'app', 'upload.py'), 'utf8')).toBe(SECURE);
      expect(fs.readFileSync(path.join(target, 'deploy'), 'utf8')).toContain('ftplib.FTP_TLS("h")');
      expect(fs.readFileSync(path.join(target, 'notes.txt'), 'utf8')).toContain('ftplib.FTP("h")');
      expect(fs.readFileSync(path.join(target, 'explore.ipynb'), 'utf8')).toContain('ftplib.FTP_TLS(');
    },
    INSTALL_TIMEOUT,
  );

  // try-repo installs the hooks into a throwaway store each time (~10 s); from here on, a configuration and
  // the PRE_COMMIT_HOME store, installed once
  it(
    'from .pre-commit-config.yaml: both hooks pass on the fixed tree, in a nodeenv of the system node',
    () => {
      const head = git(hooksRepo, 'rev-parse', 'HEAD').trim();
      fs.writeFileSync(
        path.join(target, '.pre-commit-config.yaml'),
        `repos:\n  - repo: ${hooksRepo}\n    rev: ${head}\n    hooks:\n      - id: ftptls\n      - id: ftptls-check\n`,
      );
      git(target, 'add', '-A');
      const run = sh(PRE_COMMIT, ['run', '--all-files', '--color', 'never'], { cwd: target, env });
      expect(run.output).toMatch(/ftptls \(FTP to FTP_TLS with prot_p\)\.+Passed/);
      expect(run.output).toMatch(/ftptls check \(cleartext ftplib\.FTP\)\.+Passed/);
      expect(run.status).toBe(0);
      // installed with the system node (node and npm on PATH): nothing but npm packages was downloaded
      const store = path.join(work, 'cache');
      const envs = fs
        .readdirSync(store)
        .filter((d) => fs.statSync(path.join(store, d)).isDirectory())
        .flatMap((d) => fs.readdirSync(path.join(store, d)).filter((e) => e.startsWith('node_env')));
      expect(envs).toEqual(['node_env-system']);
    },
    INSTALL_TIMEOUT,
  );

  it(
    'runs as an installed hook on commit (.pre-commit-config.yaml, pre-commit install)',
    () => {
      expect(sh(PRE_COMMIT, ['install'], { cwd: target, env }).status).toBe(0);
      git(target, 'commit', '-q', '-m', 'clean');
      fs.writeFileSync(path.join(target, 'app', 'again.py'), INSECURE);
      git(target, 'add', 'app/again.py');
      const refused = sh('git', ['commit', '-m', 'adds cleartext FTP'], { cwd: target, env });
      expect(refused.status, refused.output).toBe(1); // git commit, refused by the failing hook
      expect(refused.output).toContain('+++ b/app/again.py');
      expect(git(target, 'log', '--format=%s')).not.toContain('adds cleartext FTP');
    },
    INSTALL_TIMEOUT,
  );
});
