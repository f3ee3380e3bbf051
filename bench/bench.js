#!/usr/bin/env node
// `npm run bench`: ftptls against grep (the floor: every byte read once) and ast-grep (a native rewriter),
// on (a) the installed Python tree, (b) a generated tree of files that all use ftplib and (c) a generated
// multi-module project (bench/project.js); medians of several
// interleaved repetitions, peak memory from /usr/bin/time, and PASS/FAIL for the targets of issue #5.
// Runs the BUILT CLI (dist/): `npm run build` first. On the generated tree it also times bench/split.js, the
// per-file pipeline alone in 1 and in 2 threads (no walk, no pool): the ceiling of --jobs on this machine.
//
//   node bench/bench.js [--reps N] [--files N] [--python DIR] [--skip-ast-grep-python]
//
// The Python tree is `sysconfig.get_paths()["stdlib"]` of `python3`, given to ftptls as three roots: the
// stdlib, its site-packages and its venv package (our default excludes skip directories named
// `site-packages` and `venv` below a root, a root named explicitly is walked), which is exactly the .py/.pyw
// files `find` lists. grep and ast-grep are restricted to the same files: `grep --include=*.py
// --include=*.pyw` (grep -rl without it also reads every .pyc and .so: shown, not a target) and ast-grep
// `--globs '!*.pyi'` (its python file types include .pyi stubs, which ftptls does not read).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTree } from './generate.js';
import { generateProject } from './project.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'ftptls.js');
const AST_GREP = path.join(ROOT, 'node_modules', '.bin', 'ast-grep');
const TIME = '/usr/bin/time';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const REPS = Number(flag('--reps', '5'));
const FILES = Number(flag('--files', '2000'));
const MEMORY_LIMIT_MB = 300;

if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

const python = flag('--python', pythonStdlib());
const haveTime = fs.existsSync(TIME);
const haveAstGrep = fs.existsSync(AST_GREP);
const devNull = fs.openSync('/dev/null', 'w');

/** One timed run: wall seconds (around the spawn), peak RSS in MB (from /usr/bin/time), exit status. */
function once(cmd) {
  const memFile = path.join(os.tmpdir(), `ftptls-bench-${process.pid}.mem`);
  const [file, argv] = haveTime
    ? [TIME, ['-f', '%M %U %S', '-o', memFile, ...cmd.argv]]
    : [cmd.argv[0], cmd.argv.slice(1)];
  const t0 = performance.now();
  const r = spawnSync(file, argv, {
    stdio: ['ignore', devNull, 'pipe'],
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const seconds = (performance.now() - t0) / 1000;
  let mb;
  let cpu;
  if (haveTime) {
    const [kb, user, sys] = fs.readFileSync(memFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    mb = kb / 1024;
    cpu = user + sys;
    fs.rmSync(memFile, { force: true });
  }
  if (!cmd.okStatus.includes(r.status))
    throw new Error(
      `${cmd.name} exited ${r.status}: ${r.stderr.toString().split('\n').slice(-3).join(' | ')}`,
    );
  return { seconds, mb, cpu, stderr: r.stderr.toString() };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Repetitions interleaved across the commands (each round runs every command once), after one warm-up. */
function measure(label, commands) {
  process.stderr.write(`bench: ${label}: warm-up`);
  for (const c of commands) c.first = once(c);
  const runs = new Map(commands.map((c) => [c, []]));
  for (let i = 0; i < REPS; i++) {
    process.stderr.write(` ${i + 1}/${REPS}`);
    for (const c of commands) runs.get(c).push(once(c));
  }
  process.stderr.write('\n');
  return commands.map((c) => {
    const rs = runs.get(c);
    const secs = rs.map((r) => r.seconds);
    return {
      tree: label,
      name: c.name,
      median: median(secs),
      min: Math.min(...secs),
      max: Math.max(...secs),
      mb: haveTime ? Math.max(...rs.map((r) => r.mb), c.first.mb) : undefined,
      cpu: haveTime ? median(rs.map((r) => r.cpu)) : undefined,
      tally: c.first.stderr
        .split('\n')
        .filter((l) => l.startsWith('ftptls:'))
        .pop(),
    };
  });
}

const ftptls = (name, roots, extra = []) => ({
  name,
  argv: [process.execPath, BIN, ...extra, ...roots],
  okStatus: [0],
});
const grep = (name, roots, include) => ({
  name,
  argv: ['grep', '-rl', ...(include ? ['--include=*.py', '--include=*.pyw'] : []), 'ftplib', ...roots],
  okStatus: [0, 1],
});
/** bench/split.js: the per-file pipeline alone over every file, in `threads` threads (see there). */
const split = (name, dir, threads) => ({
  name,
  argv: [process.execPath, path.join(ROOT, 'bench', 'split.js'), dir, String(threads)],
  okStatus: [0],
});
const astGrep = (name, dir, extra = []) => ({
  name,
  argv: [
    AST_GREP,
    'run',
    '-l',
    'python',
    '-p',
    'FTP($$$A)',
    '-r',
    'FTP_TLS($$$A)',
    '--color',
    'never',
    ...extra,
    dir,
  ],
  okStatus: [0, 1],
});

const load = () => os.loadavg()[0].toFixed(2);

/** How busy the machine is with other work: the share of all cores in use over one second (Linux). */
function background() {
  const sample = () => {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: f[3] + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
  };
  try {
    const a = sample();
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    const b = sample();
    return `${Math.round(100 * (1 - (b.idle - a.idle) / (b.total - a.total)))}% of all cores busy with other work`;
  } catch {
    return 'background load unknown';
  }
}

console.log(
  `ftptls bench: node ${process.version}, ${os.availableParallelism()} cores, ${REPS} repetitions (medians), load average ${load()}, ${background()} at start`,
);
if (os.loadavg()[0] > 0.5)
  console.log(
    'note: the machine is busy (load average above 0.5); figures are noisier and slower than on an idle machine, ' +
      'and --jobs 2 suffers most (it needs both cores)',
  );

const rows = [];
const targets = [];
/** Context printed before the verdicts (not targets). */
const notes = [];

// (a) the installed Python tree
if (python && fs.existsSync(python)) {
  const roots = [
    python,
    ...['site-packages', 'venv'].map((d) => path.join(python, d)).filter((d) => fs.existsSync(d)),
  ];
  const count = Number(
    execFileSync('sh', [
      '-c',
      `find "$1" -type f \\( -name '*.py' -o -name '*.pyw' \\) | wc -l`,
      'sh',
      python,
    ]).toString(),
  );
  console.log(
    `(a) Python tree: ${python} (${count} .py/.pyw files; ftptls roots: ${roots.map((r) => path.relative(path.dirname(python), r)).join(', ')})`,
  );
  const cmds = [
    grep('grep -rl (same .py/.pyw files)', [python], true),
    grep('grep -rl (every file: .pyc, .so too)', [python], false),
    ftptls('ftptls (dry run)', roots),
  ];
  if (haveAstGrep && !args.includes('--skip-ast-grep-python'))
    cmds.push(astGrep('ast-grep run -p FTP($$$A) -r (no .pyi)', python, ['--globs', '!*.pyi']));
  const r = measure('python', cmds);
  rows.push(...r);
  const [g, , f, a] = r;
  targets.push({
    what: 'Python tree: ftptls within 1.5x of grep',
    pass: f.median <= 1.5 * g.median,
    detail: `${f.median.toFixed(2)}s vs ${g.median.toFixed(2)}s = ${(f.median / g.median).toFixed(2)}x (limit ${(1.5 * g.median).toFixed(2)}s)`,
  });
  if (a)
    targets.push({
      what: 'Python tree: ftptls at least 10x faster than ast-grep',
      pass: a.median >= 10 * f.median,
      detail: `${a.median.toFixed(2)}s / ${f.median.toFixed(2)}s = ${(a.median / f.median).toFixed(1)}x`,
    });
} else {
  console.log(`(a) Python tree: skipped (${python ? `${python} not found` : 'python3 not found'})`);
}

// (b) a generated tree where every file mentions ftplib
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ftptls-bench-'));
try {
  const dir = path.join(tmp, 'tree');
  generateTree(dir, { count: FILES });
  console.log(`(b) generated tree: ${FILES} files that all mention ftplib (bench/generate.js), in ${dir}`);
  const cmds = [
    grep('grep -rl', [dir], true),
    ftptls('ftptls (dry run)', [dir]),
    ftptls('ftptls --jobs 1', [dir], ['--jobs', '1']),
    ftptls('ftptls --jobs 2', [dir], ['--jobs', '2']),
    split('ceiling: pipeline alone, 1 thread', dir, 1),
    split('ceiling: pipeline alone, 2 threads, half the files each', dir, 2),
  ];
  if (haveAstGrep) cmds.push(astGrep('ast-grep run -p FTP($$$A) -r', dir));
  const r = measure('generated', cmds);
  rows.push(...r);
  const [, f, j1, j2, s1, s2, a] = r;
  notes.push(
    `--jobs ceiling of this machine: the per-file pipeline alone (bench/split.js) in 2 threads, half the files each, ` +
      `is ${(s1.median / s2.median).toFixed(2)}x as fast as in 1 thread; ftptls --jobs 2 vs --jobs 1: ` +
      `${(j1.median / j2.median).toFixed(2)}x`,
  );
  if (a)
    targets.push({
      what: 'All-match tree: ftptls no slower than ast-grep',
      pass: f.median <= a.median,
      detail: `${f.median.toFixed(2)}s vs ${a.median.toFixed(2)}s = ${(f.median / a.median).toFixed(1)}x ast-grep's time`,
    });
  targets.push({
    what: 'All-match tree: --jobs 2 at least 1.7x faster than --jobs 1',
    pass: j1.median >= 1.7 * j2.median,
    detail: `${j1.median.toFixed(2)}s / ${j2.median.toFixed(2)}s = ${(j1.median / j2.median).toFixed(2)}x`,
  });
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

// (c) a generated multi-module project: connections made in a package, logged in across 300 modules
const projectTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ftptls-bench-project-'));
try {
  const dir = path.join(projectTmp, 'project');
  const count = generateProject(dir, { modules: 300 });
  console.log(
    `(c) generated project: ${count} modules, a third of them logging in connections made elsewhere (bench/project.js)`,
  );
  const r = measure('project', [
    grep('grep -rl', [dir], true),
    ftptls('ftptls (project-wide)', [dir]),
    ftptls('ftptls --no-project (each file alone)', [dir], ['--no-project']),
  ]);
  rows.push(...r);
  const [g, p, single] = r;
  notes.push(
    `project: the project-wide pass costs ${(p.median / single.median).toFixed(1)}x the file-by-file run ` +
      `(${p.tally ?? ''} vs ${single.tally ?? ''}), ${(p.median / g.median).toFixed(1)}x grep`,
  );
} finally {
  fs.rmSync(projectTmp, { recursive: true, force: true });
}

if (haveTime) {
  const ours = rows.filter((r) => r.name.startsWith('ftptls') || r.name.startsWith('ceiling'));
  const peak = Math.max(...ours.map((r) => r.mb));
  targets.push({
    what: `Peak memory of ftptls under ${MEMORY_LIMIT_MB} MB`,
    pass: peak < MEMORY_LIMIT_MB,
    detail: `${peak.toFixed(0)} MB (max RSS of any ftptls run)`,
  });
}

// The table (Markdown, for the README)
const floor = Object.fromEntries(
  rows
    .filter((r) => r.name.startsWith('grep -rl') && !r.name.includes('every'))
    .map((r) => [r.tree, r.median]),
);
console.log('');
console.log('| tree | command | median wall s | min–max s | × grep | median CPU s | peak MB |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const mb = r.mb === undefined ? 'n/a' : r.mb.toFixed(0);
  const cpu = r.cpu === undefined ? 'n/a' : r.cpu.toFixed(2);
  console.log(
    `| ${r.tree} | ${r.name} | ${r.median.toFixed(3)} | ${r.min.toFixed(2)}–${r.max.toFixed(2)} | ${(r.median / floor[r.tree]).toFixed(2)} | ${cpu} | ${mb} |`,
  );
}
console.log('');
for (const r of rows) if (r.tally) console.log(`${r.tree}, ${r.name}: ${r.tally}`);
console.log('');
for (const n of notes) console.log(n);
for (const t of targets) console.log(`${t.pass ? 'PASS' : 'FAIL'}  ${t.what}: ${t.detail}`);
console.log(`load average ${load()}, ${background()} at the end`);
process.exitCode = targets.every((t) => t.pass) ? 0 : 1;

function pythonStdlib() {
  try {
    return execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return undefined;
  }
}
