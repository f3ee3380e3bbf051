// The one Python the tests run: Debian's /usr/bin/python3, which .ci/run installs (with pyftpdlib and pyOpenSSL).
// The `python3` first on PATH may be another build (pyenv, a CI runner's tool cache) with another standard
// library and without those packages, so no test calls `python3` by name. Where SYSTEM_PYTHON is missing, tests
// skip with the reason outside CI and fail under CI=true (./skip.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const SYSTEM_PYTHON = '/usr/bin/python3';

/** The environment Python runs in: no bytecode written beside the files it reads, no user's Python settings. */
export function pythonEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
  for (const key of ['PYTHONHOME', 'PYTHONPATH', 'PYTHONSTARTUP']) delete env[key];
  return env;
}

/** Why SYSTEM_PYTHON cannot run here, or undefined when it can. */
export function pythonUnavailable(): string | undefined {
  if (!fs.existsSync(SYSTEM_PYTHON)) return `${SYSTEM_PYTHON} not found (apt-get install python3)`;
  const r = spawnSync(SYSTEM_PYTHON, ['-c', 'import sys'], {
    encoding: 'utf8',
    env: pythonEnv(),
    timeout: 30_000,
  });
  if (r.status !== 0)
    return `${SYSTEM_PYTHON} does not run: ${(r.stderr || String(r.error ?? r.signal)).trim()}`;
  return undefined;
}

/** Runs SYSTEM_PYTHON and returns its stdout; throws, with its stderr, when it does not exit 0. */
export function python(args: string[], options: { input?: string; cwd?: string } = {}): string {
  const r = spawnSync(SYSTEM_PYTHON, args, {
    cwd: options.cwd,
    input: options.input,
    encoding: 'utf8',
    env: pythonEnv(),
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (r.status !== 0) {
    const how = r.error ? String(r.error) : r.signal ? `signal ${r.signal}` : `exit ${r.status}`;
    throw new Error(`${SYSTEM_PYTHON} ${args.join(' ').slice(0, 200)} failed (${how}):\n${r.stderr}`);
  }
  return r.stdout;
}

/**
 * Runs SYSTEM_PYTHON for a test to judge (a script that is expected to fail, too): its exit status (null when
 * it did not exit by itself, e.g. at the timeout) and its output, stdout then stderr then any spawn error.
 * `env` adds variables; one set to undefined is removed.
 */
export function runPython(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): { status: number | null; output: string } {
  const env = { ...pythonEnv(), ...options.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const r = spawnSync(SYSTEM_PYTHON, args, {
    cwd: options.cwd,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** SYSTEM_PYTHON's standard library directory (sysconfig's "stdlib" path, e.g. /usr/lib/python3.11). */
export function systemStdlib(): string {
  return python(['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])']).trim();
}

/**
 * compile() of each file in one SYSTEM_PYTHON process, as Python reads source files (bytes, so the coding
 * cookie applies): the files that do not compile, each with Python's error. Empty when all compile.
 */
export function notCompiling(files: string[]): Record<string, string> {
  const script = [
    'import json, sys',
    'bad = {}',
    'for p in json.load(sys.stdin):',
    '    try:',
    '        compile(open(p, "rb").read(), p, "exec", dont_inherit=True)',
    '    except (SyntaxError, ValueError) as e:',
    '        bad[p] = type(e).__name__ + ": " + str(e)',
    'print(json.dumps(bad))',
  ].join('\n');
  return JSON.parse(python(['-c', script], { input: JSON.stringify(files) })) as Record<string, string>;
}
