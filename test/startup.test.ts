// What a short run loads (its start-up is most of its time: issue 15): a file that never mentions ftplib
// loads no transform and no parser, --version nothing of a run, a line of paths alone no yargs, and yargs'
// help layout is loaded for --help alone. Observed with a module hook that lists every module the built CLI
// loads; no time is measured.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../transforms/catalog.js';
import { BUILTIN_TRANSFORMS } from '../transforms/index.js';
import { runCli } from './helpers/run-cli.js';
import { INSECURE, SECURE } from './helpers/samples.js';
import { tempDirs } from './helpers/temp.js';

const newDir = tempDirs('startup');

/** Runs the CLI in `dir`: its result and the modules it loaded. */
function runListingModules(args: string[], dir: string, input?: string) {
  const list = path.join(dir, 'modules.txt');
  const hook = path.join(dir, 'hook.mjs');
  fs.writeFileSync(
    hook,
    `import fs from 'node:fs';\nexport async function load(url, context, next) {\n` +
      `  fs.appendFileSync(${JSON.stringify(list)}, url + '\\n');\n  return next(url, context);\n}\n`,
  );
  const register = path.join(dir, 'register.mjs');
  fs.writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(new URL(`file://${hook}`).href)});\n`,
  );
  const r = runCli(args, { cwd: dir, input, nodeArgs: ['--import', register] });
  const root = new URL(`file://${path.join(import.meta.dirname, '..')}/`).href;
  // ours below the repository, packages from their node_modules/ on (wherever that is)
  const modules = fs
    .readFileSync(list, 'utf8')
    .split('\n')
    .map((u) => u.replace(/^.*\/node_modules\//, 'node_modules/'))
    .map((u) => (u.startsWith(root) ? u.slice(root.length) : u));
  return { ...r, modules };
}

const loads = (modules: string[], part: string) => modules.some((m) => m.includes(part));

describe('what a short run loads', () => {
  it('--version: yargs without its help layout, nothing of a run', () => {
    const r = runListingModules(['--version'], newDir());
    expect(r.status).toBe(0);
    for (const part of ['dist/src/config/', 'dist/src/run/runner.js', 'dist/transforms/', 'web-tree-sitter'])
      expect(loads(r.modules, part), part).toBe(false);
    expect(loads(r.modules, 'node_modules/cliui/'), 'cliui').toBe(false);
    expect(loads(r.modules, 'node_modules/yargs/')).toBe(true);
  });

  it('a file without ftplib: reported unchanged, with neither the transforms nor the parser', () => {
    const dir = newDir();
    fs.writeFileSync(path.join(dir, 'other.py'), 'import os\nprint(os.getcwd())\n');
    const r = runListingModules(['other.py'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ftptls: 0 files changed, 1 unchanged, 0 skipped, 0 errors/);
    for (const part of ['dist/transforms/index.js', 'dist/src/parser.js', 'web-tree-sitter', 'smol-toml'])
      expect(loads(r.modules, part), part).toBe(false);
    // paths alone need no flag parser (src/plain-paths.ts)
    expect(loads(r.modules, 'node_modules/yargs/'), 'yargs').toBe(false);
  });

  it("the hooks' --write and --check: no yargs either", () => {
    for (const flag of ['--write', '--check']) {
      const dir = newDir();
      fs.writeFileSync(path.join(dir, 'other.py'), 'import os\n');
      const r = runListingModules([flag, 'other.py'], dir);
      expect(r.status).toBe(0);
      expect(loads(r.modules, 'node_modules/yargs/'), flag).toBe(false);
    }
  });

  it('another flag: yargs, without its help layout', () => {
    const dir = newDir();
    fs.writeFileSync(path.join(dir, 'other.py'), 'import os\n');
    const r = runListingModules(['--isolated', 'other.py'], dir);
    expect(r.status).toBe(0);
    expect(loads(r.modules, 'node_modules/yargs/'), 'yargs').toBe(true);
    expect(loads(r.modules, 'node_modules/cliui/'), 'cliui').toBe(false);
  });

  it('a file to fix, and standard input: the pipeline, with no project pass and no notebook support', () => {
    const dir = newDir();
    fs.writeFileSync(path.join(dir, 'upload.py'), INSECURE);
    for (const [args, input] of [[['upload.py']], [['-'], INSECURE]] as [string[], string?][]) {
      const r = runListingModules(args, dir, input);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(input === undefined ? '+ftp.prot_p()\n' : SECURE);
      for (const part of ['dist/transforms/index.js', 'web-tree-sitter'])
        expect(loads(r.modules, part), part).toBe(true);
      for (const part of ['dist/src/project/plan.js', 'dist/src/notebook.js', 'node_modules/yargs/'])
        expect(loads(r.modules, part), part).toBe(false);
    }
  });

  it('--help and -h: the whole help, from yargs with its layout', () => {
    const r = runListingModules(['--help'], newDir());
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ftptls \[paths\.\.\]\n\nRewrite cleartext ftplib\.FTP/);
    expect(r.stdout).toMatch(/^ {2}-w, --write +Rewrite files in place \(atomically\) +\[boolean\]$/m);
    expect(r.stdout).toMatch(/\nExit status: 0 nothing to change or done;[^]*\n$/);
    expect(loads(r.modules, 'node_modules/cliui/')).toBe(true);
    expect(runCli(['-h']).stdout).toBe(r.stdout);
  });
});

describe('the built-in catalog', () => {
  it('names the built-in transforms in their order, with the opt-in ones marked', () => {
    expect(BUILTIN_CATALOG).toEqual(
      BUILTIN_TRANSFORMS.map((t) => (t.optIn ? { name: t.name, optIn: true } : { name: t.name })),
    );
  });
});
