// `ftptls -i` as a person uses it: the built bin/ftptls.js in a real pseudo-terminal (tmux), keys pressed,
// the screen read, then the files on disk compared. Prompts are awaited by polling the screen with a deadline.
// Where tmux is missing these skip with the reason, and fail under CI=true (.ci/run installs tmux).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, runCli } from './helpers/run-cli.js';
import { requireAvailable, shouldSkip } from './helpers/skip.js';
import { tempDirs } from './helpers/temp.js';
import { shellQuote, Terminal, tmuxUnavailable } from './helpers/tmux.js';
import { TWO, TWO_B_DECLINED } from './helpers/review-samples.js';

const PROMPT =
  'Apply this change? [y]es / [n]o / [a]ll remaining in this file / [d]one with this file / [q]uit';
/** The built-in transforms these tests are about, named: a transform added to the default list asks more. */
const SELECT = ['-t', 'ftp-to-ftp-tls', '-t', 'prot-p'];
const ftptls = (args: string) => `${shellQuote(process.execPath)} ${shellQuote(BIN)} ${args}`;
/**
 * Then prints the terminal's line-discipline flags (raw mode must be off again once ftptls has ended), and
 * leaves ftptls's exit status as the command's.
 */
const thenStty =
  '; s=$?; stty -a | tr " ;" "\\n\\n" | grep -x -e "-\\?icanon" -e "-\\?echo" | tr "\\n" " "; (exit $s)';

const newDir = tempDirs('interactive');
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

const read = (rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

describe('ftptls -i refuses without a terminal', () => {
  it('exits 2 with one line when standard input and output are pipes, and writes nothing', () => {
    write('app.py', TWO);
    const r = runCli(['-i', '.'], { cwd: dir, input: 'yyyy' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'ftptls: --interactive needs a terminal (standard input and output); use --write to apply every change\n',
    );
    expect(r.stdout).toBe('');
    expect(read('app.py')).toBe(TWO);
  });

  it('refuses flags it cannot honour', () => {
    write('app.py', TWO);
    expect(runCli(['-i', '--check', '.'], { cwd: dir }).stderr).toBe(
      'ftptls: --interactive and --check cannot be combined\n',
    );
    expect(runCli(['-i', '-'], { cwd: dir, input: TWO }).status).toBe(2);
    expect(runCli(['-i', '--format', 'json', '.'], { cwd: dir }).status).toBe(2);
    expect(read('app.py')).toBe(TWO);
  });
});

const missing = tmuxUnavailable();
describe.skipIf(shouldSkip('interactive (tmux)', missing))('ftptls -i in a terminal (tmux)', () => {
  let term: Terminal | undefined;
  beforeAll(() => requireAvailable('interactive (tmux)', missing));
  afterEach(() => {
    term?.kill();
    term = undefined;
  });

  /** Starts `ftptls -i <args>` in the test's folder, then the stty check. */
  const start = (args: string, env: Record<string, string> = { NO_COLOR: '1' }) => {
    term = new Terminal(`${ftptls(`-i ${SELECT.join(' ')} ${args}`)}${thenStty}`, { cwd: dir, env });
    return term;
  };

  /** Presses `key` at prompt number `n` (waits for it first). */
  const answer = async (t: Terminal, n: number, ...keys: string[]) => {
    await t.waitFor(PROMPT, n);
    t.send(...keys);
  };

  it('accept all: the file becomes what --write makes of it; keys need no Enter, an Enter after one is ignored', async () => {
    write('app.py', TWO);
    write('copy/app.py', TWO);
    const t = start('app.py', {}); // colours on: the terminal shows the hunk coloured
    await answer(t, 1, 'y', 'Enter');
    await answer(t, 2, 'y');
    await answer(t, 3, 'x'); // not an answer: the help, and the same question again
    await t.waitFor('q - as d, and review no further file');
    await answer(t, 4, 'Y', 'Enter');
    await answer(t, 5, 'y');
    const { status, screen } = await t.exited();
    expect(status).toBe(0);
    expect(screen.match(new RegExp(escape(PROMPT), 'g'))).toHaveLength(5);
    expect(screen).toContain('app.py:5:9 ftp-to-ftp-tls · change 1');
    expect(screen).toContain('-    a = FTP("a.example.com")\n+    a = FTP_TLS("a.example.com")\n');
    expect(screen).toContain('ftplib.FTP sends logins and files in cleartext: replaced by FTP_TLS');
    expect(screen).toContain('fixed app.py (4 accepted, 0 declined)');
    expect(screen).toContain('ftptls: review: 4 changes accepted, 0 declined\n');
    expect(screen).toMatch(
      /ftptls: 1 file changed, 0 unchanged, 0 skipped, 0 errors · 4 fixed, 0 suppressed, 0 manual/,
    );
    expect(screen).toContain('icanon echo'); // the terminal is back in its normal mode
    expect(t.screen(true)).toContain('\x1b[32m+    a = FTP_TLS("a.example.com")');
    expect(runCli(['--write', ...SELECT, 'copy/app.py'], { cwd: dir }).status).toBe(0);
    expect(read('app.py')).toBe(read('copy/app.py'));
    expect(read('app.py')).not.toBe(TWO);
  });

  it('a repository: its pyproject.toml settings and the project-wide pass apply, as with --write', async () => {
    // excluded by the configuration: never reviewed; main.py logs in a connection made in backup/net.py
    write('pyproject.toml', '[tool.ftptls]\nextend-exclude = ["vendored/"]\n');
    write('vendored/old.py', 'import ftplib\n\nftplib.FTP("h").quit()\n');
    write('backup/__init__.py', '');
    write('backup/net.py', 'import ftplib\n\n\ndef open_link(host):\n    return ftplib.FTP(host)\n');
    write('main.py', 'from backup.net import open_link\n\nlink = open_link("h")\nlink.login()\n');
    fs.cpSync(dir, `${dir}-copy`, { recursive: true });
    const t = start('.');
    await answer(t, 1, 'y'); // backup/net.py: FTP -> FTP_TLS
    await answer(t, 2, 'y'); // main.py: prot_p() after the login of the connection made there
    const { status, screen } = await t.exited();
    expect(status, screen).toBe(0);
    expect(screen.match(new RegExp(escape(PROMPT), 'g'))).toHaveLength(2);
    expect(screen).not.toContain('vendored/old.py');
    expect(runCli(['--write', ...SELECT, '.'], { cwd: `${dir}-copy` }).status).toBe(0);
    for (const f of ['backup/net.py', 'main.py', 'vendored/old.py'])
      expect(read(f), f).toBe(fs.readFileSync(path.join(`${dir}-copy`, f), 'utf8'));
    expect(read('main.py')).toContain('link.prot_p()');
  });

  it('decline one rename: no prot_p() is offered or added for it, FTP stays imported for it', async () => {
    write('app.py', TWO);
    const t = start('.');
    await answer(t, 1, 'y');
    await answer(t, 2, 'n');
    await answer(t, 3, 'y');
    const { status, screen } = await t.exited();
    expect(status).toBe(0);
    // three questions: a's prot_p() is the last one, b's login is plain FTP now
    expect(screen.match(new RegExp(escape(PROMPT), 'g'))).toHaveLength(3);
    expect(screen).toContain('app.py:6:5 prot-p · change 3');
    expect(screen).toContain('-from ftplib import FTP\n+from ftplib import FTP, FTP_TLS\n');
    expect(screen).toContain('ftptls: review: 2 changes accepted, 1 declined');
    expect(screen).toMatch(/· 2 fixed, 1 suppressed, 0 manual/);
    expect(read('app.py')).toBe(TWO_B_DECLINED);
  });

  it('d: done with this file, the accepted change written; the next file is still reviewed', async () => {
    write('a.py', TWO);
    write('b.py', TWO);
    const t = start('.');
    await answer(t, 1, 'y'); // a.py: a's rename
    await answer(t, 2, 'd'); // a.py: nothing more (b's rename, a's prot_p)
    await t.waitFor('b.py:5:9 ftp-to-ftp-tls · change 1');
    await answer(t, 3, 'a'); // b.py: everything
    const { status, screen } = await t.exited();
    expect(status).toBe(0);
    expect(screen.match(new RegExp(escape(PROMPT), 'g'))).toHaveLength(3);
    expect(screen).toContain('fixed a.py (1 accepted, 2 declined)');
    expect(screen).toContain('fixed b.py (4 accepted, 0 declined)');
    expect(read('a.py')).toBe(TWO_B_DECLINED.replace('    a.prot_p()\n', ''));
    expect(read('b.py')).toBe(runCli([...SELECT, '-'], { input: TWO }).stdout);
  });

  it('q: the accepted changes of this file written, no further file reviewed or changed', async () => {
    write('a.py', TWO);
    write('b.py', TWO);
    const t = start('.');
    await answer(t, 1, 'y');
    await answer(t, 2, 'q');
    const { status, screen } = await t.exited();
    expect(status).toBe(0);
    expect(screen.match(new RegExp(escape(PROMPT), 'g'))).toHaveLength(2);
    expect(screen).not.toContain('b.py:');
    expect(screen).toContain('ftptls: review: 1 change accepted, 2 declined (quit)');
    expect(screen).toMatch(/ftptls: 1 file changed, 0 unchanged, 1 skipped, 0 errors/);
    expect(read('a.py')).toBe(TWO_B_DECLINED.replace('    a.prot_p()\n', ''));
    expect(read('b.py')).toBe(TWO);
  });

  it('Ctrl-C: the file under review is not written, the one before it is; exit 130, terminal restored', async () => {
    write('a.py', TWO);
    write('b.py', TWO);
    const t = start('.');
    await answer(t, 1, 'a'); // a.py whole
    await t.waitFor('fixed a.py (4 accepted, 0 declined)');
    await answer(t, 2, 'y'); // b.py: one accepted...
    await answer(t, 3, 'C-c'); // ...then stop
    const { status, screen } = await t.exited();
    expect(status).toBe(130);
    expect(screen).toContain(
      'ftptls: interrupted: b.py not written; 1 file written before it, 0 after it untouched',
    );
    expect(screen).toContain('icanon echo');
    expect(read('a.py')).toBe(runCli([...SELECT, '-'], { input: TWO }).stdout);
    expect(read('b.py')).toBe(TWO);
  });

  it('refuses when standard output is not the terminal (redirected), even with standard input one', async () => {
    write('app.py', TWO);
    term = new Terminal(`${ftptls('-i .')} > out.txt`, { cwd: dir });
    const { status, screen } = await term.exited();
    expect(status).toBe(2);
    expect(screen).toContain(
      'ftptls: --interactive needs a terminal (standard input and output); use --write to apply every change',
    );
    expect(read('out.txt')).toBe('');
    expect(read('app.py')).toBe(TWO);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
