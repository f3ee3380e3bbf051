// Results stream: each file's result goes out in path order as soon as every earlier path is done, and is
// dropped after, so a run of any size holds only the results that wait for an earlier file. The proof: the
// built CLI runs a generated tree under a V8 heap too small to hold every file's before and after text (each
// file carries a long string, cheap to analyse, that makes its result large), and its diff, JSON and SARIF
// still come out whole and in path order, with the right tally. Holding every result, as the runner did
// before it streamed, that heap runs out within seconds (`FATAL ERROR: ... JavaScript heap out of memory`):
// the tree's texts, before and after, are about 70 MB; a streaming run lives in about 10 MB.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateFile } from '../bench/generate.js';
import { run } from '../src/index.js';
import { runCli } from './helpers/run-cli.js';
import { tempDirs } from './helpers/temp.js';
import type { FileResult } from '../src/types.js';

const newDir = tempDirs('stream');
const COUNT = 1000;
/** The V8 heap each thread of the CLI gets (--max-old-space-size, megabytes). */
const HEAP_MB = 32;

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const NOTES = `\n_NOTES = """\n${'Every transfer is logged with its size, its checksum and the time it took.\n'.repeat(420)}"""\n`;

/**
 * `count` short generated modules, each with a 32 KB string, under names whose path order differs from the
 * order a walk finds them in (`pkg10` before `pkg2`; `pkg3-old/`, `pkg3.py`, `pkg3/`); returns their paths,
 * sorted.
 */
function bigTree(root: string, count: number): string[] {
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = i % 13;
    const rel =
      i % 97 === 0
        ? `pkg${k}.py`
        : i % 41 === 0
          ? `pkg${k}-old/job_${i}.py`
          : `pkg${k}/m${i % 3}/job_${i}.py`;
    const file = path.join(root, rel);
    if (fs.existsSync(file)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, generateFile(i, 1, { maxLines: 60 }) + NOTES);
    files.push(`tree/${rel}`);
  }
  return files.sort(byPath);
}

describe(`a run of ${COUNT} large files under a ${HEAP_MB} MB heap (the built CLI)`, () => {
  let cwd: string;
  let files: string[];
  beforeAll(() => {
    cwd = newDir();
    files = bigTree(path.join(cwd, 'tree'), COUNT);
  });

  const cli = (args: string[]) => {
    const r = runCli([...args, 'tree'], {
      cwd,
      nodeArgs: [`--max-old-space-size=${HEAP_MB}`],
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(r.stderr).not.toContain('heap out of memory');
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    return r;
  };
  const tally = (stderr: string) =>
    stderr
      .trim()
      .split('\n')
      .pop()!
      .replace(/ · [\d.]+s /, ' · Xs ');

  type Report = { files: { path: string; status: string }[]; summary: Record<string, number> };
  /** The run's JSON report, made once for whichever test asks first (each test can run alone). */
  let made: Report | undefined;
  const jsonReport = (): Report => (made ??= JSON.parse(cli(['-f', 'json']).stdout) as Report);
  const changedFiles = () =>
    jsonReport()
      .files.filter((f) => f.status === 'changed')
      .map((f) => f.path);

  it('-f json: one valid document, every file once, in path order, its summary their tally', () => {
    const report = jsonReport();
    expect(report.files.map((f) => f.path)).toEqual(files);
    const statuses = report.files.map((f) => f.status);
    const changed = changedFiles();
    expect(changed.length).toBeGreaterThan(COUNT / 2);
    expect(report.summary).toMatchObject({
      files: files.length,
      changed: changed.length,
      unchanged: statuses.filter((s) => s === 'unchanged').length,
      skipped: 0,
      errors: 0,
    });
    expect(report.summary.fixed).toBeGreaterThan(changed.length);
  });

  it("the diff: every changed file's, in path order, then the same tally (worker threads and --jobs 1)", () => {
    const s = jsonReport().summary;
    const changed = changedFiles();
    const expected =
      `ftptls: ${s.changed} files changed, ${s.unchanged} unchanged, 0 skipped, 0 errors · ` +
      `${s.fixed} fixed, ${s.suppressed} suppressed, ${s.manual} manual · Xs (dry run: nothing written)`;
    const pooled = cli([]);
    const headers = pooled.stdout.split('\n').filter((l) => l.startsWith('--- a/'));
    expect(headers).toEqual(changed.map((p) => `--- a/${p}`));
    expect(tally(pooled.stderr)).toBe(expected);
    const single = cli(['--jobs', '1']);
    expect(single.stdout).toBe(pooled.stdout);
    expect(tally(single.stderr)).toBe(expected);
  });

  it('-f sarif: one valid log, results file by file in path order, each naming its rule', () => {
    const { summary } = jsonReport();
    const changed = changedFiles();
    const log = JSON.parse(cli(['-f', 'sarif']).stdout);
    const [sarifRun] = log.runs;
    const rules: { id: string }[] = sarifRun.tool.driver.rules;
    const results: { ruleId: string; ruleIndex: number; locations: any[] }[] = sarifRun.results;
    expect(results.length).toBe(summary.fixed + summary.manual + summary.suppressed);
    for (const r of results) expect(rules[r.ruleIndex].id).toBe(r.ruleId);
    const uris = results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri as string);
    const runs = uris.filter((u, i) => u !== uris[i - 1]);
    expect(runs).toEqual([...new Set(uris)].sort(byPath));
    expect(runs).toEqual(expect.arrayContaining(changed));
  });
});

describe('the library API with onResult', () => {
  const dir = () => {
    const root = newDir();
    // a configuration file of its own in `m/`: its files come from a second run, between the others
    for (const [rel, i] of [
      ['a.py', 1],
      ['m/x.py', 2],
      ['m/y.py', 3],
      ['m-n.py', 4],
      ['z/w.py', 5],
    ] as const) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), generateFile(i));
    }
    fs.writeFileSync(path.join(root, 'm', 'ftptls.toml'), 'ssl-context = true\n');
    fs.writeFileSync(path.join(root, 'ftptls.toml'), 'ssl-context = false\n');
    // the same file under a second name: once in the results, under the name the first run found
    fs.symlinkSync(path.join(root, 'm', 'x.py'), path.join(root, 'z', 'link.py'));
    return root;
  };

  it('takes every result in path order, each once, and keeps none; the summary still counts them', async () => {
    const root = dir();
    const options = { cwd: root, config: 'discover' } as const;
    const kept = await run(['.'], options);
    const given: FileResult[] = [];
    const streamed = await run(['.'], { ...options, onResult: (r) => given.push(r) });
    expect(streamed.results).toEqual([]);
    expect(given).toEqual(kept.results);
    expect(given.map((r) => r.path)).toEqual(['a.py', 'm-n.py', 'm/y.py', 'z/link.py', 'z/w.py']);
    expect(given.map((r) => r.config)).toEqual([
      'ftptls.toml',
      'ftptls.toml',
      'm/ftptls.toml',
      'ftptls.toml',
      'ftptls.toml',
    ]);
    expect({ ...streamed.summary, seconds: 0 }).toEqual({ ...kept.summary, seconds: 0 });
  });

  it('a callback that throws stops the run, which rejects with its error', async () => {
    const root = dir();
    let calls = 0;
    const running = run(['.'], {
      cwd: root,
      onResult: () => {
        calls++;
        throw new Error('no room left');
      },
    });
    await expect(running).rejects.toThrow('no room left');
    expect(calls).toBe(1);
  });
});
