// Multi-module fixtures (issue 14): __testfixtures__/project/<case>/input/ is a small repository; after
// `run([copy], { write: true })` the copy must equal <case>/output/ byte for byte, file by file, report exactly
// the findings listed in <case>/findings.txt (`path:line:column status rule: message (reason)`), and a second
// run must change nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/run/runner.js';
import { BUILTIN_TRANSFORMS } from '../transforms/index.js';
import type { FileResult } from '../src/types.js';
import { FIXTURES_ROOT } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';
import { tempDirs } from './helpers/temp.js';

const ROOT = path.join(FIXTURES_ROOT, 'project');
const tempDir = tempDirs('project-fixtures');

/** Every file below dir, relative, sorted, with its bytes. */
export function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const file = path.join(dir, rel);
    if (fs.statSync(file).isFile()) out[rel.split(path.sep).join('/')] = fs.readFileSync(file, 'latin1');
  }
  return out;
}

export function findingLines(results: FileResult[]): string[] {
  return results.flatMap((r) =>
    r.findings.map(
      (f) =>
        `${r.path}:${f.line}:${f.column} ${f.status} ${f.rule}: ${f.message}${f.reason ? ` (${f.reason})` : ''}`,
    ),
  );
}

/** A copy of a case's input, run with --write from inside it (paths in results are relative to it). */
export async function runCase(name: string): Promise<{ dir: string; results: FileResult[] }> {
  const dir = path.join(tempDir(), name);
  fs.cpSync(path.join(ROOT, name, 'input'), dir, { recursive: true });
  const { results } = await run(['.'], { write: true, jobs: 1, cwd: dir });
  return { dir, results };
}

const cases = fs.readdirSync(ROOT).sort();

describe('project fixtures', () => {
  it('every case has an input tree, an output tree and a findings list', () => {
    for (const name of cases)
      expect(
        ['findings.txt', 'input', 'output'].filter((f) => fs.existsSync(path.join(ROOT, name, f))),
      ).toEqual(['findings.txt', 'input', 'output']);
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  for (const name of cases) {
    it(`${name}: the rewritten tree, its findings, and a second run that changes nothing`, async () => {
      const { dir, results } = await runCase(name);
      expect(results.filter((r) => r.status === 'error')).toEqual([]);
      expect(tree(dir)).toEqual(tree(path.join(ROOT, name, 'output')));
      const listed = fs
        .readFileSync(path.join(ROOT, name, 'findings.txt'), 'utf8')
        .split('\n')
        .filter(Boolean);
      expect(findingLines(results)).toEqual(listed);
      const again = await run(['.'], { jobs: 1, cwd: dir });
      expect(again.results.filter((r) => r.status === 'changed').map((r) => r.path)).toEqual([]);
    });
  }
});

describe("project fixtures: the plan's own processing", () => {
  // the plan processes each module it summarises, and a run of the built-in transforms takes that processing
  // for the module's own; with a custom transform in the run it cannot (the plan runs the built-in ones only),
  // so every module is processed again in the run: both must give the same results
  it('stands for the run: the same results as a run that processes every module again', async () => {
    const noop = path.join(tempDir(), 'noop-transform.mjs');
    fs.writeFileSync(
      noop,
      "export default { name: 'noop', description: 'finds nothing', run: () => ({ findings: [] }) };\n",
    );
    const builtIn = BUILTIN_TRANSFORMS.filter((t) => !t.optIn).map((t) => t.name);
    let changed = 0;
    for (const name of cases) {
      const dir = path.join(tempDir(), `${name}-reuse`);
      fs.cpSync(path.join(ROOT, name, 'input'), dir, { recursive: true });
      const reused = await run(['.'], { jobs: 1, cwd: dir });
      const again = await run(['.'], { jobs: 1, cwd: dir, transforms: [...builtIn, noop] });
      expect(again.results, name).toEqual(reused.results);
      changed += reused.results.filter((r) => r.status === 'changed').length;
    }
    expect(changed).toBeGreaterThan(cases.length);
  });
});

describe('project reports', () => {
  /** The CLI's report of a copy of a case's input, run from inside it. */
  function report(name: string, format: 'json' | 'sarif') {
    const dir = path.join(tempDir(), `${name}-${format}`);
    fs.cpSync(path.join(ROOT, name, 'input'), dir, { recursive: true });
    const cli = runCli(['--format', format, '.'], { cwd: dir });
    expect(cli.status, cli.stderr).toBe(0);
    return JSON.parse(cli.stdout);
  }

  it('a finding caused by another module names it: JSON related, SARIF relatedLocations', async () => {
    const json = report('factory-three-modules-away', 'json');
    const main = json.files.find((f: { path: string }) => f.path === 'main.py');
    expect(main.findings.map((f: { related?: unknown }) => f.related)).toEqual([
      [{ path: 'backup/session.py', line: 4, message: 'the connection is made here' }],
    ]);
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const schema = JSON.parse(
      fs.readFileSync(path.join(import.meta.dirname, '..', 'schema', 'report.schema.json'), 'utf8'),
    );
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);

    const sarif = report('factory-three-modules-away', 'sarif');
    const related = sarif.runs[0].results.flatMap(
      (r: { relatedLocations?: unknown[] }) => r.relatedLocations ?? [],
    );
    expect(related).toEqual([
      {
        id: 0,
        message: { text: 'the connection is made here' },
        physicalLocation: { artifactLocation: { uri: 'backup/session.py' }, region: { startLine: 4 } },
      },
    ]);
  });
});

describe('the project pass in worker threads', () => {
  it('gives the same results with --jobs 2 (views cross into the workers) as with --jobs 1', async () => {
    const { generateProject } = await import('../bench/project.js');
    const dir = path.join(tempDir(), 'generated');
    generateProject(dir, { modules: 200 });
    const json = (jobs: string) => {
      const cli = runCli(['--format', 'json', '--jobs', jobs, '.'], { cwd: dir });
      expect(cli.status, cli.stderr).toBe(0);
      const doc = JSON.parse(cli.stdout);
      return { files: doc.files, summary: { ...doc.summary, seconds: 0 } };
    };
    const one = json('1');
    expect(one.summary.fixed).toBe(1 + 134); // the subclass, and the login of every module that makes one
    expect(json('2')).toEqual(one);
  });

  it('gives the same results with --jobs 2 when ftplib users the plan may reach wait for it', async () => {
    // users that import the project (the plan may give them a view) are processed meanwhile as if it gave none;
    // those it does give one are processed again with it
    const { generateProject } = await import('../bench/project.js');
    const dir = path.join(tempDir(), 'generated-users');
    generateProject(dir, { modules: 200 });
    const user = (name: string, text: string) => fs.writeFileSync(path.join(dir, 'app', name), text);
    for (let k = 0; k < 4; k++) {
      // gets a view: it logs in a connection the project makes
      user(
        `tool${k}.py`,
        `import ftplib\nfrom app import open_link\n\nlink = open_link("h${k}")\nlink.login()\n`,
      );
      // gets none: it imports the project, but nothing of it that holds a connection
      user(
        `plain${k}.py`,
        `import ftplib\nfrom app.part0 import mod1\n\nftp = ftplib.FTP("h${k}")\nftp.login()\n`,
      );
    }
    const run = (args: string[]) => {
      const cli = runCli(['--format', 'json', ...args, '.'], { cwd: dir });
      expect(cli.status, cli.stderr).toBe(0);
      const doc = JSON.parse(cli.stdout);
      return { files: doc.files, summary: { ...doc.summary, seconds: 0 } };
    };
    const one = run(['--jobs', '1']);
    expect(one.summary.fixed).toBe(1 + 134 + 4 + 4 * 2); // a prot_p() in each tool, FTP_TLS and prot_p() in each plain
    expect(run(['--jobs', '2'])).toEqual(one);
  });
});

describe('project pass: how it is asked', () => {
  it('an explicit project: true, and a package given as the path, analyse the project as "." does', async () => {
    const dir = path.join(tempDir(), 'asked');
    fs.cpSync(path.join(ROOT, 'reexport-compat', 'input'), dir, { recursive: true });
    const dot = await run(['.'], { jobs: 1, cwd: dir });
    const lines = (rs: FileResult[]) => findingLines(rs.filter((r) => r.path.startsWith('myapp')));
    const explicit = await run(['.'], { jobs: 1, cwd: dir, project: true });
    expect(explicit.results.filter((r) => r.status === 'error')).toEqual([]);
    expect(findingLines(explicit.results)).toEqual(findingLines(dot.results));
    expect(lines(dot.results).length).toBeGreaterThan(0);
    // `ftptls myapp`: the package's modules are still myapp.*, so an absolute `from myapp._compat import FTP`
    // resolves as it does from the folder above
    fs.writeFileSync(path.join(dir, 'myapp', 'net.py'), 'from myapp._compat import FTP\n\nc = FTP("h")\n');
    const pkg = await run(['myapp'], { jobs: 1, cwd: dir });
    expect(pkg.results.find((r) => r.path === 'myapp/net.py')?.after).toBe(
      'from myapp._compat import FTP_TLS\n\nc = FTP_TLS("h")\n',
    );
  });
});
