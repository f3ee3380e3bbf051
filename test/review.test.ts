// The interactive review's decisions (src/review/review-file.ts), with scripted answers: what is asked, in which
// order, and what the file becomes. A declined rename must leave its connection plain FTP with no prot_p(),
// the imports must match what was accepted, and the result must parse (run under Python with a recording
// ftplib where one is available). The terminal side is test/interactive.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countSyntaxErrors, initParser, parse } from '../src/parser.js';
import { reviewSource, type Answer, type Change, type ReviewIO } from '../src/review/review-file.js';
import { EventEmitter } from 'node:events';
import { ABORT, openKeys, splitKeys } from '../src/review/keys.js';
import { printable } from '../src/review/show.js';
import { decodeSource } from '../src/source-text.js';
import { transformSourceSync } from '../src/transform-source.js';
import type { Finding, Transform } from '../src/types.js';
import { ftpToFtpTls } from '../transforms/ftp-to-ftp-tls.js';
import { protP } from '../transforms/prot-p.js';
import { sslContext } from '../transforms/ssl-context.js';
import { FIXTURES_ROOT, fixtureCases } from './helpers/fixtures.js';
import { python, pythonUnavailable } from './helpers/python.js';
import { requireAvailable, shouldSkip } from './helpers/skip.js';
import { TWO, TWO_B_DECLINED } from './helpers/review-samples.js';
import { tempDirs } from './helpers/temp.js';

const TRANSFORMS: Transform[] = [ftpToFtpTls, protP];
const pythonMissing = pythonUnavailable();

interface Script {
  answers: Answer[];
  asked: Change[];
  manual: Finding[];
  io: ReviewIO;
}

/** Answers in order; running out of answers fails the test (a question nobody expected). */
function script(...answers: Answer[]): Script {
  const s: Script = {
    answers,
    asked: [],
    manual: [],
    io: {
      ask: async (change) => {
        s.asked.push(change);
        const answer = s.answers[s.asked.length - 1];
        if (!answer) throw new Error(`unexpected question ${s.asked.length}: ${where(change)}`);
        return answer;
      },
      manual: (f) => s.manual.push(f),
    },
  };
  return s;
}

/** A change as `rule line`, the line in its stage's text. */
function where(change: Change): string {
  const line = change.stage.source.slice(0, change.finding.start).split('\n').length;
  return `${change.stage.transform.name} ${line}`;
}

function review(text: string, s: Script, transforms = TRANSFORMS) {
  return reviewSource(text, { path: 'app.py', transforms }, s.io);
}

function parses(text: string): boolean {
  const tree = parse(text);
  try {
    return countSyntaxErrors(tree) === 0;
  } finally {
    tree.delete();
  }
}

beforeAll(async () => {
  await initParser();
});

describe('interactive review: what is asked and what is written', () => {
  it('asks about each change in pipeline order; accepting all gives what a normal run gives', async () => {
    const s = script('yes', 'yes', 'yes', 'yes');
    const r = await review(TWO, s);
    expect(s.asked.map(where)).toEqual(['ftp-to-ftp-tls 5', 'ftp-to-ftp-tls 8', 'prot-p 6', 'prot-p 9']);
    expect(r.result.after).toBe(transformSourceSync(TWO, { transforms: TRANSFORMS }).after);
    expect(r.result.status).toBe('changed');
    expect(r).toMatchObject({ accepted: 4, declined: 0, quit: false, aborted: false });
  });

  it('a declined rename gets no prot_p() question and no prot_p(); FTP stays imported for it', async () => {
    const s = script('yes', 'no', 'yes');
    const r = await review(TWO, s);
    // no question about b's login: it is a plain FTP connection now
    expect(s.asked.map(where)).toEqual(['ftp-to-ftp-tls 5', 'ftp-to-ftp-tls 8', 'prot-p 6']);
    expect(r.result.after).toBe(TWO_B_DECLINED);
    expect(parses(r.result.after)).toBe(true);
    expect(r).toMatchObject({ accepted: 2, declined: 1 });
    const kept = r.result.findings.find((f) => f.line === 8 && f.rule === 'ftp-to-ftp-tls');
    expect(kept).toMatchObject({ status: 'suppressed', marker: '--interactive' });
  });

  it('shows each change on top of the ones accepted before it in its stage', async () => {
    const s = script('yes', 'no', 'yes');
    await review(TWO, s);
    const second = s.asked[1];
    expect(second.base).toEqual(s.asked[0].edits);
    expect(s.asked[0].base).toEqual([]);
  });

  it('declining every rename leaves the file as it was: nothing else is asked', async () => {
    const s = script('no', 'no');
    const r = await review(TWO, s);
    expect(s.asked).toHaveLength(2);
    expect(r.result.status).toBe('unchanged');
    expect(r.result.after).toBe(TWO);
    expect(r).toMatchObject({ accepted: 0, declined: 2 });
  });

  it('a declined prot_p() leaves the rename: FTP_TLS without prot_p() for that login only', async () => {
    const s = script('yes', 'yes', 'no', 'yes');
    const r = await review(TWO, s);
    expect(r.result.after).toContain('a = FTP_TLS("a.example.com")\n    a.login(user, pw)\n    a.retrlines');
    expect(r.result.after).toContain('b.login(user, pw)\n    b.prot_p()\n');
    expect(r.result.after.startsWith('from ftplib import FTP_TLS\n')).toBe(true);
  });

  it('a: this change and every remaining one in the file, without asking', async () => {
    const s = script('all');
    const r = await review(TWO, s);
    expect(s.asked).toHaveLength(1);
    expect(r.result.after).toBe(transformSourceSync(TWO, { transforms: TRANSFORMS }).after);
    expect(r.accepted).toBe(4);
  });

  it('d: none of the remaining changes, the accepted ones kept (later stages included)', async () => {
    const s = script('yes', 'done');
    const r = await review(TWO, s);
    expect(s.asked).toHaveLength(2);
    expect(r.result.after).toBe(
      TWO_B_DECLINED.replace('    a.prot_p()\n', ''), // a's prot_p() was one of the remaining changes
    );
    expect(r).toMatchObject({ accepted: 1, declined: 2, quit: false });
  });

  it('q: as d, and the review of further files stops', async () => {
    const s = script('yes', 'quit');
    const r = await review(TWO, s);
    expect(s.asked).toHaveLength(2);
    expect(r.result.after).toBe(TWO_B_DECLINED.replace('    a.prot_p()\n', ''));
    expect(r).toMatchObject({ quit: true, aborted: false });
  });

  it('Ctrl-C: aborted, the file as it was', async () => {
    const s = script('yes', 'abort');
    const r = await review(TWO, s);
    expect(r.aborted).toBe(true);
    expect(r.result.after).toBe(TWO);
  });

  it('asks again about a change that other answers changed (an aliased import split by a "no")', async () => {
    const text =
      'from ftplib import FTP as SecureFTP\n\n\ndef main(user, pw):\n' +
      '    a = SecureFTP("a")\n    a.login(user, pw)\n    b = SecureFTP("b")\n    b.login(user, pw)\n';
    // both uses change through the import (`FTP_TLS as SecureFTP`); declining a's keeps FTP imported for it,
    // so b's change becomes a rename of its own: asked again, then b's prot_p()
    const s = script('no', 'yes', 'yes', 'yes');
    const r = await review(text, s);
    expect(s.asked.map((c) => [where(c), c.viaImports, c.again])).toEqual([
      ['ftp-to-ftp-tls 5', true, false],
      ['ftp-to-ftp-tls 7', true, false],
      ['ftp-to-ftp-tls 7', false, true],
      ['prot-p 8', false, false],
    ]);
    expect(r.result.after).toBe(
      'from ftplib import FTP as SecureFTP, FTP_TLS\n\n\ndef main(user, pw):\n' +
        '    a = SecureFTP("a")\n    a.login(user, pw)\n    b = FTP_TLS("b")\n    b.login(user, pw)\n' +
        '    b.prot_p()\n',
    );
  });

  it('shows manual findings once each, as they come', async () => {
    const text = 'from ftplib import FTP\n\n\ndef main(host):\n    return FTP(host).login()\n';
    const s = script('yes');
    await review(text, s);
    expect(s.manual.map((f) => [f.rule, f.line, f.status])).toEqual([['prot-p', 5, 'manual']]);
  });

  it('refuses a file whose accepted changes would not parse, even from a transform that ignores suppression', async () => {
    // a custom transform that never asks the suppressor: a declined finding's edits are dropped for it
    const parens: Transform = {
      name: 'parens',
      description: 'wraps 1 + 2 in parentheses, one finding per parenthesis',
      run: ({ source }) => {
        const at = source.indexOf('1 + 2');
        const f = (start: number, text: string) => ({
          rule: 'parens',
          start,
          end: start + 1,
          status: 'fixed' as const,
          message: `insert ${text}`,
          edits: [{ start: text === '(' ? start : start + 1, end: text === '(' ? start : start + 1, text }],
        });
        return { findings: [f(at, '('), f(at + 4, ')')] };
      },
    };
    const text = 'import ftplib\nx = 1 + 2\n';
    const half = await review(text, script('yes', 'no'), [parens]);
    expect(half.result.status).toBe('error');
    expect(half.result.error).toBe('the changes as accepted would not parse; not changed');
    expect(half.result.after).toBe(text);
    const both = await review(text, script('yes', 'yes'), [parens]);
    expect(both.result.after).toBe('import ftplib\nx = (1 + 2)\n');
    const none = await review(text, script('no', 'no'), [parens]);
    expect(none.result).toMatchObject({ status: 'unchanged', after: text });
  });
});

describe.skipIf(shouldSkip('review: outputs run under Python', pythonMissing))(
  'interactive review: the file as accepted runs',
  () => {
    const newDir = tempDirs('review');
    beforeAll(() => requireAvailable('review: outputs run under Python', pythonMissing));

    it('a declined rename: its connection is FTP without prot_p(), the other FTP_TLS with it', async () => {
      const s = script('yes', 'no', 'yes');
      const r = await review(TWO, s);
      const dir = newDir();
      // a recording ftplib: which class each connection is, and what was called on it
      fs.writeFileSync(
        path.join(dir, 'ftplib.py'),
        [
          'calls = []',
          'class FTP:',
          '    def __init__(self, host=""):',
          '        self.host = host',
          '    def _note(self, what):',
          '        calls.append(f"{type(self).__name__} {self.host} {what}")',
          '    def login(self, user="", passwd=""):',
          '        self._note("login")',
          '    def retrlines(self, cmd):',
          '        self._note(cmd)',
          'class FTP_TLS(FTP):',
          '    def prot_p(self):',
          '        self._note("prot_p")',
          '',
        ].join('\n'),
      );
      fs.writeFileSync(path.join(dir, 'app.py'), r.result.after);
      const out = python(['-c', 'import ftplib, app; app.main("u", "p"); print("\\n".join(ftplib.calls))'], {
        cwd: dir,
      });
      expect(out.trim().split('\n')).toEqual([
        'FTP_TLS a.example.com login',
        'FTP_TLS a.example.com prot_p',
        'FTP_TLS a.example.com LIST',
        'FTP b.example.com login',
        'FTP b.example.com LIST',
      ]);
    });
  },
);

/** Answer patterns, repeated over a file's questions: every one of them must give a file that parses. */
const PATTERNS: Answer[][] = [['yes'], ['no'], ['yes', 'no'], ['no', 'yes'], ['no', 'no', 'yes']];
/** The three transforms of the README's pipeline, ssl-context too: three stages. */
const ALL_THREE: Transform[] = [ftpToFtpTls, protP, sslContext];

interface Reviewed {
  name: string;
  input: string;
  pattern: Answer[];
  after: string;
  status: string;
  error?: string;
  /** Input lines of the manual and suppressed (declined too) findings. */
  findings: number[];
}

/** Every fixture input that the pipeline changes, reviewed with each answer pattern. */
async function reviewFixtures(): Promise<{ reviewed: Reviewed[]; pipeline: Map<string, string> }> {
  const reviewed: Reviewed[] = [];
  const pipeline = new Map<string, string>();
  for (const { dir, name } of fixtureCases()) {
    const { text: input } = decodeSource(fs.readFileSync(path.join(FIXTURES_ROOT, dir, `${name}.input.py`)));
    const base = transformSourceSync(input, { transforms: ALL_THREE });
    if (base.status !== 'changed') continue;
    pipeline.set(`${dir}/${name}`, base.after);
    for (const pattern of PATTERNS) {
      let i = 0;
      const r = await reviewSource(
        input,
        { path: name, transforms: ALL_THREE },
        { ask: async () => pattern[i++ % pattern.length], manual: () => {} },
      );
      reviewed.push({
        name: `${dir}/${name}`,
        input,
        pattern,
        after: r.result.after,
        status: r.result.status,
        error: r.result.error,
        findings: r.result.findings.filter((f) => f.status !== 'fixed').map((f) => f.line),
      });
    }
  }
  return { reviewed, pipeline };
}

describe('interactive review over every fixture input, whatever the answers', () => {
  let all: Awaited<ReturnType<typeof reviewFixtures>>;
  beforeAll(async () => {
    all = await reviewFixtures();
  });

  it('every answer pattern gives a file that parses; accepting all gives what a normal run gives', () => {
    expect(all.pipeline.size).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const r of all.reviewed) {
      const label = `${r.name} [${r.pattern.join(',')}]`;
      if (r.status === 'error') problems.push(`${label}: ${r.error}`);
      else if (!parses(r.after)) problems.push(`${label}: does not parse`);
      if (r.pattern.join() === 'yes' && r.after !== all.pipeline.get(r.name))
        problems.push(`${label}: not what the pipeline makes`);
    }
    expect(problems).toEqual([]);
  });

  const checker = path.join(import.meta.dirname, 'helpers', 'login_rule.py');
  it.skipIf(shouldSkip('review: the login rule over reviewed fixtures', pythonMissing))(
    'the login rule holds for every answer pattern: each TLS login has prot_p() or a finding (Python ast)',
    () => {
      requireAvailable('review: the login rule over reviewed fixtures', pythonMissing);
      const cases = all.reviewed
        .filter((r) => r.status !== 'error')
        .map((r) => ({
          name: `${r.name} [${r.pattern.join(',')}]`,
          input: r.input,
          output: r.after,
          findings: r.findings,
          skipped: false,
        }));
      const left = JSON.parse(python([checker], { input: JSON.stringify(cases) })) as Record<
        string,
        string[]
      >;
      expect(left).toEqual({});
    },
  );
});

describe('interactive review: keys and what reaches the terminal', () => {
  it('reads keypresses: Enter is no key, escape sequences are one, Ctrl-C and Ctrl-D abort', () => {
    expect(splitKeys('y')).toEqual(['y']);
    expect(splitKeys('y\r')).toEqual(['y']);
    expect(splitKeys('\r\n')).toEqual([]);
    expect(splitKeys('Yn')).toEqual(['y', 'n']);
    expect(splitKeys('\x1b[A')).toEqual(['\x1b[A']);
    expect(splitKeys('\x1b[1;5Cq')).toEqual(['\x1b[1;5C', 'q']);
    expect(splitKeys('\x03')).toEqual([ABORT]);
    expect(splitKeys('\x04')).toEqual([ABORT]);
  });

  it("never sends the file's control characters to the terminal as they are", () => {
    expect(printable('x = "\x1b[2J"\tok')).toBe('x = "^[[2J"\tok');
    expect(printable('a\x7fb\x00')).toBe('a^?b^@');
  });

  it('raw mode for the review and back after it, also when the process exits first; Ctrl-C as a key aborts', async () => {
    const modes: boolean[] = [];
    const input = Object.assign(new EventEmitter(), {
      isTTY: true,
      setRawMode(on: boolean) {
        modes.push(on);
        return input;
      },
      resume: () => input,
      pause: () => input,
    });
    const exitListeners = process.listeners('exit');
    const keys = openKeys(input as unknown as NodeJS.ReadStream);
    const onExit = process.listeners('exit').filter((l) => !exitListeners.includes(l));
    expect(modes).toEqual([true]);
    expect(onExit).toHaveLength(1);
    input.emit('data', Buffer.from('y\r'));
    expect(await keys.next()).toBe('y');
    const pending = keys.next();
    input.emit('data', Buffer.from('\x03'));
    expect(await pending).toBe(ABORT);
    expect(keys.aborted).toBe(true);
    onExit[0](0); // an exit before close() restores the terminal too
    expect(modes).toEqual([true, false]);
    keys.close();
    expect(modes.at(-1)).toBe(false);
    expect(await keys.next()).toBe(ABORT);
    expect(input.listenerCount('data')).toBe(0);
    expect(process.listeners('exit')).not.toContain(onExit[0]);
  });
});
