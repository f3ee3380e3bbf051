#!/usr/bin/env node
// `npm run fuzz`: generated ftplib programs (./generate.js) through the built CLI and against the real TLS-only
// FTPS server (test/helpers/ftps_server.py), each ending in one outcome (OUTCOMES).
//
//   npm run fuzz -- [--count N] [--seed S] [--only ID[,ID...]] [--jobs J] [--batch B] [--out DIR]
//   npm run fuzz -- --print ID          the program ID and the expected (correct) version, nothing run
//
// For each program: the cleartext original is run against the server (it must be refused), and so is the
// expected, hand-secured version (it must succeed: this proves the generated program sound); then, in batches
// of files in one directory per command, `ftptls --format json FILES` (dry run: the findings), `ftptls --write
// FILES`, a compile() of every result by /usr/bin/python3, `ftptls --write` again on a copy (idempotence), and
// the rewritten program is run. Failing programs (every BUG-* and INVALID-* outcome) are written to DIR
// (default ./fuzz-failures/ID/: original.py, expected.py, rewritten.py, the outputs and result.json) so that one
// can become a fixture; `--only ID` reruns exactly one. Exit 1 when any program failed, 0 otherwise.
//
// The module also exports runPrograms() for test/fuzz.test.ts, which passes the TypeScript helper's server.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate, parseId } from './generate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'ftptls.js');
export const SYSTEM_PYTHON = '/usr/bin/python3';

/**
 * Every outcome, best first. `manual-reported`: the rewritten program fails, but the dry run reported a manual
 * finding (not on a noise line) for it, which is acceptable; `BUG-silent`: it fails with no such finding, the
 * worst. INVALID-* are the fuzzer's own faults (the generated program is not what it claims to be).
 */
export const OUTCOMES = /** @type {const} */ ([
  'pass',
  'pass-with-manual',
  'manual-reported',
  'BUG-silent',
  'BUG-crash',
  'BUG-not-compiling',
  'BUG-not-idempotent',
  'BUG-dry-run-mismatch',
  'INVALID-original-passed',
  'INVALID-expected-failed',
]);

/** @typedef {typeof OUTCOMES[number]} Outcome */

/** @param {string} outcome @returns {boolean} a bug of ftptls or of the fuzzer: a failure of the run */
export const isFailure = (outcome) => outcome.startsWith('BUG-') || outcome.startsWith('INVALID-');

/**
 * @typedef {object} Server what runPrograms needs of the FTPS server (test/fuzz/server.js or test/helpers/ftps-server.ts)
 * @property {string} host
 * @property {number} port
 * @property {string} user
 * @property {string} password
 * @property {string} home
 */

/**
 * @typedef {object} Finding a finding of the JSON report
 * @property {string} rule
 * @property {number} line
 * @property {number} column
 * @property {string} status
 * @property {string} message
 * @property {string} [reason]
 */

/**
 * @typedef {object} PythonRun
 * @property {number | null} status null when it did not exit by itself (the timeout)
 * @property {string} output stdout, then stderr
 * @property {boolean} ok exit 0, FUZZ-OK printed, and every transfer arrived byte for byte
 * @property {boolean} refused the server's TLS refusal (550 SSL/TLS required) is in the output
 * @property {boolean} leaked something reached the server or the disk
 */

/**
 * @typedef {object} FuzzResult
 * @property {string} id
 * @property {string} summary
 * @property {Outcome} outcome
 * @property {string} detail one line: why this outcome
 * @property {Finding[]} findings of the dry run
 * @property {Finding[]} manual the manual findings that count (not on a line of noise or of the port trick)
 * @property {number} manualOnNoise manual findings on noise lines (false alarms)
 * @property {string} original
 * @property {string} expected
 * @property {string | undefined} rewritten after `--write` (undefined when ftptls failed on it)
 * @property {string | undefined} rewrittenAgain after a second `--write`
 * @property {string} ftptlsOutput stderr of the ftptls commands, for this file where it can be told apart
 * @property {{ original?: PythonRun, expected?: PythonRun, rewritten?: PythonRun }} runs
 */

// -- processes -------------------------------------------------------------------------------------------------

/**
 * @param {string} file
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} options
 * @returns {Promise<{ status: number | null, stdout: string, stderr: string }>}
 */
function exec(file, args, options) {
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ status: null, stdout, stderr: `${stderr}${String(err)}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        status: signal ? null : code,
        stdout,
        stderr: signal ? `${stderr}(killed: ${signal})` : stderr,
      });
    });
  });
}

/** @returns {NodeJS.ProcessEnv} Python's environment: no bytecode beside the files, no user's Python settings */
function pythonEnv() {
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
  for (const key of ['PYTHONHOME', 'PYTHONPATH', 'PYTHONSTARTUP', 'SSL_CERT_FILE', 'SSL_CERT_DIR'])
    delete env[key];
  return env;
}

/**
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<{ status: number | null, stdout: string, stderr: string }>}
 */
const ftptls = (args, cwd) =>
  exec(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, timeoutMs: 300_000 });

/**
 * Runs `fn` over `items`, at most `jobs` at a time.
 * @template T, R
 * @param {T[]} items
 * @param {number} jobs
 * @param {(item: T) => Promise<R>} fn
 * @returns {Promise<R[]>}
 */
async function pool(items, jobs, fn) {
  const out = /** @type {R[]} */ (new Array(items.length));
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
  return out;
}

// -- ftptls over a batch -----------------------------------------------------------------------------------------

/**
 * @typedef {object} FileVerdict what ftptls did with one file
 * @property {string} status the dry run's file status, or 'crash'
 * @property {string} [error]
 * @property {Finding[]} findings
 * @property {string | undefined} rewritten
 * @property {string | undefined} rewrittenAgain
 * @property {string | undefined} notCompiling Python's error
 * @property {string} output
 */

/**
 * @param {string} stdout
 * @returns {Map<string, { status: string, error?: string, findings: Finding[] }> | undefined} the JSON report by path
 */
function parseReport(stdout) {
  try {
    const report = JSON.parse(stdout);
    return new Map(report.files.map((/** @type {any} */ f) => [f.path, f]));
  } catch {
    return undefined;
  }
}

/**
 * Dry run, write, compile, write again: the steps of ftptls for the files `names` in `dir`/orig, one command for
 * all of them (and file by file when a command as a whole fails, to tell which file did it).
 * @param {string} dir
 * @param {string[]} names
 * @returns {Promise<Map<string, FileVerdict>>}
 */
async function ftptlsBatch(dir, names) {
  /** @type {Map<string, FileVerdict>} */
  const verdicts = new Map();
  const orig = path.join(dir, 'orig');
  const out = path.join(dir, 'out');
  const again = path.join(dir, 'again');

  // 1. the dry run's findings
  const dry = await ftptls(['--format', 'json', ...names], orig);
  let report = dry.status === 0 || dry.status === 2 ? parseReport(dry.stdout) : undefined;
  /** @type {Map<string, string>} */
  const crashed = new Map();
  if (!report) {
    report = new Map();
    for (const name of names) {
      const one = await ftptls(['--format', 'json', name], orig);
      const r = one.status === 0 || one.status === 2 ? parseReport(one.stdout) : undefined;
      const file = r?.get(name);
      if (file) report.set(name, file);
      else crashed.set(name, `dry run: exit ${one.status}\n${one.stderr}`);
    }
  }

  // 2. --write on a copy, 3. --write again on a copy of that
  fs.cpSync(orig, out, { recursive: true });
  const write = await ftptls(['--write', ...names], out);
  if (write.status !== 0 && write.status !== 2) {
    for (const name of names) {
      fs.copyFileSync(path.join(orig, name), path.join(out, name));
      const one = await ftptls(['--write', name], out);
      if (one.status !== 0 && one.status !== 2)
        crashed.set(name, `${crashed.get(name) ?? ''}--write: exit ${one.status}\n${one.stderr}`);
    }
  }
  fs.cpSync(out, again, { recursive: true });
  const second = await ftptls(['--write', ...names], again);
  const secondFailed = second.status !== 0 && second.status !== 2;
  // a file the whole command processed but reported as an error (`name: error: reason` on stderr)
  const errorIn = (/** @type {string} */ stderr, /** @type {string} */ name) =>
    stderr.split('\n').find((l) => l.startsWith(`${name}: error`));
  for (const name of names) {
    const failed = errorIn(write.stderr, name) ?? errorIn(second.stderr, name);
    if (failed && !crashed.has(name)) crashed.set(name, failed);
  }

  // 4. does each result compile?
  const compile = spawnSync(
    SYSTEM_PYTHON,
    [
      '-c',
      [
        'import json, sys',
        'bad = {}',
        'for p in json.load(sys.stdin):',
        '    try:',
        '        compile(open(p, "rb").read(), p, "exec", dont_inherit=True)',
        '    except (SyntaxError, ValueError) as e:',
        '        bad[p] = type(e).__name__ + ": " + str(e)',
        'print(json.dumps(bad))',
      ].join('\n'),
    ],
    { cwd: out, input: JSON.stringify(names), encoding: 'utf8', env: pythonEnv(), timeout: 120_000 },
  );
  if (compile.status !== 0)
    throw new Error(`${SYSTEM_PYTHON} could not compile the batch:\n${compile.stderr}`);
  const notCompiling = /** @type {Record<string, string>} */ (JSON.parse(compile.stdout));

  const linesFor = (/** @type {string} */ text, /** @type {string} */ name) =>
    text
      .split('\n')
      .filter((l) => l.includes(name))
      .join('\n');
  for (const name of names) {
    const file = report.get(name);
    const read = (/** @type {string} */ d) =>
      fs.existsSync(path.join(d, name)) ? fs.readFileSync(path.join(d, name), 'utf8') : undefined;
    const crash = crashed.get(name);
    verdicts.set(name, {
      status: crash ? 'crash' : (file?.status ?? 'missing'),
      error:
        crash ??
        file?.error ??
        (secondFailed ? `second --write: exit ${second.status}\n${second.stderr}` : undefined),
      findings: file?.findings ?? [],
      rewritten: read(out),
      rewrittenAgain: secondFailed ? undefined : read(again),
      notCompiling: notCompiling[name],
      output: [linesFor(dry.stderr, name), linesFor(write.stderr, name), linesFor(second.stderr, name)]
        .filter(Boolean)
        .join('\n'),
    });
  }
  return verdicts;
}

// -- a program against the server -----------------------------------------------------------------------------

/**
 * Runs one version of a program with /usr/bin/python3 against the server: it uploads a fresh random file, the
 * server holds another to download and a third to list; then checks what arrived and removes them all.
 * @param {Server} server
 * @param {string} script
 * @param {string} runDir
 * @param {string[]} ops
 * @returns {Promise<PythonRun>}
 */
async function runOnServer(server, script, runDir, ops) {
  fs.mkdirSync(runDir, { recursive: true });
  const tag = crypto.randomBytes(6).toString('hex');
  const up = crypto.randomBytes(1 + crypto.randomInt(80_000));
  const down = crypto.randomBytes(1 + crypto.randomInt(20_000));
  const uploadFile = path.join(runDir, `up-${tag}.bin`);
  const downloadFile = path.join(runDir, `down-${tag}.bin`);
  const listedFile = path.join(runDir, `listed-${tag}.bin`);
  fs.writeFileSync(uploadFile, up);
  const onServer = (/** @type {string} */ f) => path.join(server.home, path.basename(f));
  fs.writeFileSync(onServer(downloadFile), down);
  fs.writeFileSync(onServer(listedFile), 'listed\n');
  const settings = {
    FTP_HOST: server.host,
    FTP_PORT: String(server.port),
    FTP_USER: server.user,
    FTP_PASS: server.password,
    UPLOAD_FILE: uploadFile,
    DOWNLOAD_FILE: downloadFile,
    DOWNLOAD_SHA256: crypto.createHash('sha256').update(down).digest('hex'),
    LISTED_FILE: listedFile,
  };
  const r = await exec(SYSTEM_PYTHON, [script, ...Object.values(settings)], {
    cwd: runDir,
    env: { ...pythonEnv(), ...settings },
    timeoutMs: 60_000,
  });
  const same = (/** @type {string} */ f, /** @type {Buffer} */ bytes) =>
    fs.existsSync(f) && fs.readFileSync(f).equals(bytes);
  const uploaded = same(onServer(uploadFile), up);
  const downloaded = same(downloadFile, down);
  for (const f of [uploadFile, downloadFile, listedFile]) fs.rmSync(onServer(f), { force: true });
  fs.rmSync(runDir, { recursive: true, force: true });
  const output = `${r.stdout}${r.stderr}`;
  return {
    status: r.status,
    output,
    ok:
      r.status === 0 &&
      /^FUZZ-OK$/m.test(r.stdout) &&
      (!ops.includes('upload') || uploaded) &&
      (!ops.includes('download') || downloaded),
    refused: /5[35]0 .*(SSL|TLS)/.test(output),
    leaked: uploaded || downloaded,
  };
}

// -- the whole run ----------------------------------------------------------------------------------------------

/**
 * @typedef {object} RunOptions
 * @property {Server} server
 * @property {string} workDir a directory for the run's files (a subdirectory is made and removed)
 * @property {number} [jobs] Python programs at once (default: twice the cores)
 * @property {number} [batch] files per ftptls command (default 250)
 * @property {(message: string) => void} [progress]
 */

/**
 * Runs the programs and returns their results, in the order given.
 * @param {import('./generate.js').Program[]} programs
 * @param {RunOptions} options
 * @returns {Promise<FuzzResult[]>}
 */
export async function runPrograms(programs, options) {
  const jobs = options.jobs ?? Math.max(2, os.cpus().length * 2);
  const batchSize = options.batch ?? 250;
  const progress = options.progress ?? (() => {});
  const work = fs.mkdtempSync(path.join(options.workDir, 'fuzz-'));
  try {
    const fileName = (/** @type {{ id: string }} */ p) => `prog_${p.id.replace('-', '_')}.py`;

    /** @type {Map<string, FileVerdict>} */
    const verdicts = new Map();
    /** @type {Map<string, string>} */
    const dirOf = new Map();
    for (let start = 0; start < programs.length; start += batchSize) {
      const batch = programs.slice(start, start + batchSize);
      const dir = path.join(work, `batch-${start}`);
      fs.mkdirSync(path.join(dir, 'orig'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'expected'), { recursive: true });
      for (const p of batch) {
        fs.writeFileSync(path.join(dir, 'orig', fileName(p)), p.source);
        fs.writeFileSync(path.join(dir, 'expected', fileName(p)), p.expected);
        dirOf.set(p.id, dir);
      }
      progress(`ftptls: programs ${start + 1}-${start + batch.length} of ${programs.length}`);
      const v = await ftptlsBatch(
        dir,
        batch.map((p) => fileName(p)),
      );
      for (const p of batch) verdicts.set(p.id, /** @type {FileVerdict} */ (v.get(fileName(p))));
    }

    let done = 0;
    const results = await pool(programs, Math.max(1, Math.floor(jobs / 3)), async (p) => {
      const verdict = /** @type {FileVerdict} */ (verdicts.get(p.id));
      const result = await judge(
        p,
        verdict,
        options.server,
        /** @type {string} */ (dirOf.get(p.id)),
        fileName(p),
      );
      done++;
      if (done % 100 === 0 || done === programs.length) progress(`run: ${done} of ${programs.length}`);
      return result;
    });
    return results;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * One program's outcome.
 * @param {import('./generate.js').Program} p
 * @param {FileVerdict} v
 * @param {Server} server
 * @param {string} dir the batch's directory
 * @param {string} name the program's file name there
 * @returns {Promise<FuzzResult>}
 */
async function judge(p, v, server, dir, name) {
  const noise = new Set(p.noiseLines);
  const setup = new Set(p.setupLines);
  const allManual = v.findings.filter((f) => f.status === 'manual');
  const manual = allManual.filter((f) => !noise.has(f.line) && !setup.has(f.line));
  /** @type {FuzzResult} */
  const result = {
    id: p.id,
    summary: p.summary,
    outcome: 'pass',
    detail: '',
    findings: v.findings,
    manual,
    manualOnNoise: allManual.filter((f) => noise.has(f.line)).length,
    original: p.source,
    expected: p.expected,
    rewritten: v.rewritten,
    rewrittenAgain: v.rewrittenAgain,
    ftptlsOutput: [v.error, v.output].filter(Boolean).join('\n'),
    runs: {},
  };
  const set = (/** @type {Outcome} */ outcome, /** @type {string} */ detail) => {
    result.outcome = outcome;
    result.detail = detail;
    return result;
  };

  if (v.status === 'crash' || v.status === 'error' || v.status === 'missing' || v.rewritten === undefined)
    return set('BUG-crash', `ftptls: ${(v.error ?? v.status).split('\n')[0]}`);
  if (v.notCompiling) return set('BUG-not-compiling', v.notCompiling);
  if (v.rewrittenAgain === undefined)
    return set('BUG-crash', `second --write: ${(v.error ?? '').split('\n')[0]}`);
  if (v.rewrittenAgain !== v.rewritten)
    return set('BUG-not-idempotent', 'a second --write changed the file again');
  if ((v.status === 'changed') !== (v.rewritten !== p.source))
    return set('BUG-dry-run-mismatch', `the dry run said "${v.status}", --write did the opposite`);

  const runs = path.join(dir, 'runs', p.id);
  const expectedFile = path.join(dir, 'expected', name);
  const [original, expected, rewritten] = await Promise.all([
    runOnServer(server, path.join(dir, 'orig', name), path.join(runs, 'original'), p.ops),
    runOnServer(server, expectedFile, path.join(runs, 'expected'), p.ops),
    runOnServer(server, path.join(dir, 'out', name), path.join(runs, 'rewritten'), p.ops),
  ]);
  result.runs = { original, expected, rewritten };
  if (original.status === 0 || original.ok || original.leaked || !original.refused)
    return set('INVALID-original-passed', 'the cleartext original was not refused by the TLS-only server');
  if (!expected.ok)
    return set('INVALID-expected-failed', `the hand-secured version failed: ${lastLine(expected.output)}`);
  if (rewritten.ok)
    return allManual.length
      ? set('pass-with-manual', `${allManual.length} manual finding(s)`)
      : set('pass', '');
  return manual.length
    ? set('manual-reported', `${lastLine(rewritten.output)} (manual: ${manual[0].message})`)
    : set('BUG-silent', lastLine(rewritten.output));
}

/** @param {string} text @returns {string} */
const lastLine = (text) =>
  text
    .trim()
    .split('\n')
    .filter((l) => l.trim())
    .pop() ?? '(no output)';

// -- reporting ------------------------------------------------------------------------------------------------------

/**
 * Writes a failing program to `outDir`/ID: the three versions, the outputs and result.json.
 * @param {FuzzResult} r
 * @param {string} outDir
 * @returns {string} the folder
 */
export function saveFailure(r, outDir) {
  const dir = path.join(outDir, r.id);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'original.py'), r.original);
  fs.writeFileSync(path.join(dir, 'expected.py'), r.expected);
  if (r.rewritten !== undefined) fs.writeFileSync(path.join(dir, 'rewritten.py'), r.rewritten);
  if (r.rewrittenAgain !== undefined && r.rewrittenAgain !== r.rewritten)
    fs.writeFileSync(path.join(dir, 'rewritten-again.py'), r.rewrittenAgain);
  for (const [phase, run] of Object.entries(r.runs))
    if (run) fs.writeFileSync(path.join(dir, `${phase}.log`), `exit ${run.status}\n${run.output}`);
  if (r.ftptlsOutput) fs.writeFileSync(path.join(dir, 'ftptls.log'), r.ftptlsOutput);
  const { original, expected, rewritten, rewrittenAgain, runs, ...rest } = r;
  fs.writeFileSync(
    path.join(dir, 'result.json'),
    `${JSON.stringify({ ...rest, regenerate: `npm run fuzz -- --only ${r.id}` }, null, 2)}\n`,
  );
  return dir;
}

/**
 * @param {FuzzResult[]} results
 * @returns {Record<string, number>} how many of each outcome (every outcome listed, zeros included)
 */
export function countOutcomes(results) {
  /** @type {Record<string, number>} */
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
  for (const r of results) counts[r.outcome]++;
  return counts;
}

// -- the command ----------------------------------------------------------------------------------------------------

/** @param {string[]} argv */
async function main(argv) {
  /** @type {Record<string, string>} */
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unexpected argument: ${argv[i]}`);
    flags[m[1]] = m[2] ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true');
  }
  const known = ['count', 'seed', 'only', 'jobs', 'batch', 'out', 'print', 'help'];
  for (const k of Object.keys(flags)) if (!known.includes(k)) throw new Error(`unknown option --${k}`);
  if (flags.help) {
    process.stdout.write(
      'npm run fuzz -- [--count N] [--seed S] [--only ID[,ID...]] [--jobs J] [--batch B] [--out DIR] [--print ID]\n',
    );
    return 0;
  }
  if (flags.print) {
    const { seed, index } = parseId(flags.print);
    const p = generate(seed, index);
    process.stdout.write(`# ---- ${p.id}: ${p.summary}\n${p.source}# ---- expected\n${p.expected}`);
    return 0;
  }
  const seed = Number(flags.seed ?? 1);
  const count = Number(flags.count ?? 200);
  if (!Number.isInteger(seed) || seed < 0 || !Number.isInteger(count) || count < 1)
    throw new Error('--seed and --count take whole numbers (seed >= 0, count >= 1)');
  const programs = flags.only
    ? flags.only.split(',').map((id) => {
        const { seed: s, index } = parseId(id);
        return generate(s, index);
      })
    : Array.from({ length: count }, (_, i) => generate(seed, i));
  const outDir = path.resolve(flags.out ?? 'fuzz-failures');

  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli.js'))) {
    process.stderr.write('fuzz: dist/ is missing; run `npm run build` first\n');
    return 2;
  }
  const { serverUnavailable, startServer } = await import('./server.js');
  const why = serverUnavailable();
  if (why) {
    process.stderr.write(`fuzz: no FTPS server can be started here: ${why}\n`);
    return 2;
  }
  const server = await startServer({ lifetimeSeconds: 4 * 3600 });
  const t0 = performance.now();
  let results;
  try {
    results = await runPrograms(programs, {
      server,
      workDir: os.tmpdir(),
      jobs: flags.jobs ? Number(flags.jobs) : undefined,
      batch: flags.batch ? Number(flags.batch) : undefined,
      progress: (m) => process.stderr.write(`fuzz: ${m}\n`),
    });
  } finally {
    await server.stop();
  }
  const seconds = (performance.now() - t0) / 1000;

  const counts = countOutcomes(results);
  const label = flags.only ? `--only ${flags.only}` : `seed ${seed}, ${count} programs`;
  process.stdout.write(`\nftptls fuzz: ${label}, ${seconds.toFixed(0)} s\n\n`);
  for (const o of OUTCOMES) process.stdout.write(`  ${o.padEnd(24)} ${String(counts[o]).padStart(6)}\n`);
  const noisy = results.filter((r) => r.manualOnNoise > 0).length;
  if (noisy) process.stdout.write(`\n  (${noisy} program(s) had manual findings on noise lines)\n`);

  const failures = results.filter((r) => isFailure(r.outcome));
  if (failures.length) {
    process.stdout.write(`\nfailures (written to ${path.relative(process.cwd(), outDir) || '.'}/ID):\n`);
    for (const r of failures) {
      saveFailure(r, outDir);
      process.stdout.write(
        `  ${r.id.padEnd(10)} ${r.outcome.padEnd(22)} ${r.summary}\n  ${''.padEnd(10)} ${r.detail}\n`,
      );
    }
  }
  const manual = results.filter((r) => r.outcome === 'manual-reported');
  if (manual.length)
    process.stdout.write(
      `\nmanual-reported: ${manual
        .slice(0, 40)
        .map((r) => r.id)
        .join(' ')}${manual.length > 40 ? ' ...' : ''}\n`,
    );
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(
    path.join(outDir, 'summary.json'),
    `${JSON.stringify(
      {
        run: label,
        seconds: Math.round(seconds),
        counts,
        results: results.map((r) => ({
          id: r.id,
          outcome: r.outcome,
          summary: r.summary,
          detail: r.detail,
          manual: r.findings
            .filter((f) => f.status === 'manual')
            .map((f) => `${f.line}:${f.column} ${f.message}${f.reason ? ` (${f.reason})` : ''}`),
        })),
      },
      null,
      2,
    )}\n`,
  );
  return failures.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err) => {
      process.stderr.write(`fuzz: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
