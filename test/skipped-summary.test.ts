// The end of a test run names the suites that skipped for want of system packages, with the command that
// installs them (issue 16): test/helpers/skip.ts records each skip, test/helpers/skipped-summary.ts (vitest's
// globalSetup) prints them after vitest's own summary. Tested for real: vitest in a child process, on a machine
// made to lack openssl (a PATH without it), must end with those lines; a run that skips nothing must not.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SKIP_LOG_ENV } from './helpers/skip.js';
import { ciPackages, installCommand, readSkips, skippedSummary } from './helpers/skipped-summary.js';
import { tempDirs } from './helpers/temp.js';

const ROOT = path.join(import.meta.dirname, '..');
const VITEST = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');

/** vitest run on `files` in a child process, from the repository, without CI=true unless `env` sets it. */
function vitest(files: string[], env: NodeJS.ProcessEnv = {}) {
  const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of ['CI', 'FORCE_COLOR', SKIP_LOG_ENV]) delete base[key];
  const r = spawnSync(process.execPath, [VITEST, 'run', ...files], {
    cwd: ROOT,
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, pid: r.pid };
}

/** An empty dir: as PATH, `openssl` (and every other program looked up by name) is not found. */
const newDir = tempDirs('skipped-summary');

/** The packages .ci/run installs, read here from its text on its own. */
function packagesOfCiRun(): string[] {
  const line = fs
    .readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith('packages=('));
  expect(line).toBeDefined();
  return line!.slice('packages=('.length, line!.lastIndexOf(')')).split(' ').filter(Boolean);
}

describe('the summary of skipped suites at the end of a run', () => {
  it('ends a run on a machine without openssl by naming the skipped suite and the install command', () => {
    const r = vitest(['test/e2e.test.ts'], { PATH: newDir() });
    expect(r.status, r.stderr).toBe(0); // skipped, not failed
    const lines = r.stdout.trimEnd().split('\n');
    const command = `sudo apt-get install ${packagesOfCiRun().join(' ')}`;
    expect(lines.slice(-4, -2)).toEqual([
      '1 test suite was skipped because what it needs is not installed here (under CI=true it would fail):',
      expect.stringMatching(/^ {2}e2e: no FTPS server can be started here: /),
    ]);
    expect(lines.slice(-2)).toEqual([
      'To run it, install what is missing (Debian, Ubuntu), then run npm test again:',
      `  ${command}`,
    ]);
    // after vitest's own summary
    expect(lines.findIndex((l) => /^\s*Tests\s+\d+ passed \| \d+ skipped/.test(l))).toBeGreaterThan(-1);
    expect(lines.findIndex((l) => /^\s*Duration\s/.test(l))).toBeLessThan(lines.length - 4);
    // the run's log is gone
    expect(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(`ftptls-skipped-${r.pid}-`))).toEqual([]);
  });

  it('prints nothing more when nothing was skipped', () => {
    const r = vitest(['test/edits.test.ts']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/skipped because|apt-get/);
    expect(r.stdout.trimEnd().split('\n').pop()).toMatch(/^\s*Duration\s/);
  });

  it('under CI=true the suite fails instead, and nothing is listed as skipped', () => {
    const r = vitest(['test/e2e.test.ts'], { PATH: newDir(), CI: 'true' });
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/e2e: CI=true, so this may not be skipped: no FTPS server/);
    expect(r.stdout).not.toMatch(/skipped because|apt-get/);
  });
});

describe('skipped-summary helpers', () => {
  it('reads each suite and reason once, in the order first met', () => {
    const log = [
      { name: 'e2e-safety', reason: 'no FTPS server' },
      { name: 'pre-commit tests', reason: 'pre-commit is not installed' },
      { name: 'e2e-safety', reason: 'no FTPS server' },
    ]
      .map((s) => `${JSON.stringify(s)}\n`)
      .join('');
    expect(readSkips(log)).toEqual([
      { name: 'e2e-safety', reason: 'no FTPS server' },
      { name: 'pre-commit tests', reason: 'pre-commit is not installed' },
    ]);
    expect(readSkips('')).toEqual([]);
  });

  it('says nothing without skips, and counts suites (not reasons) with them', () => {
    expect(skippedSummary([], 'cmd')).toEqual([]);
    expect(
      skippedSummary(
        [
          { name: 'e2e', reason: 'a' },
          { name: 'e2e', reason: 'b' },
          { name: 'api: jq', reason: 'jq is not installed' },
        ],
        'sudo apt-get install jq',
      ),
    ).toEqual([
      '2 test suites were skipped because what they need is not installed here (under CI=true they would fail):',
      '  e2e: a',
      '  e2e: b',
      '  api: jq: jq is not installed',
      'To run them, install what is missing (Debian, Ubuntu), then run npm test again:',
      '  sudo apt-get install jq',
    ]);
  });

  it("installs .ci/run's packages, the command the README's Quick start gives", () => {
    expect(ciPackages()).toEqual(packagesOfCiRun());
    expect(ciPackages()).toEqual(
      expect.arrayContaining(['python3-pyftpdlib', 'python3-openssl', 'pre-commit']),
    );
    const quickStart = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n## ')[1];
    expect(quickStart.startsWith('Quick start')).toBe(true);
    expect(quickStart).toContain(installCommand());
  });
});
