// A command line of paths alone skips yargs (src/plain-paths.ts): for every line it takes, its arguments must
// be exactly yargs' own, and it must leave to yargs every line yargs reads otherwise (flags, numbers).
import { describe, expect, it } from 'vitest';
// the built CLI, as the other CLI tests run it (it reads its version from the package.json above dist/)
import { yargsArgs } from '../dist/src/cli.js';
import { plainPathsArgs } from '../src/plain-paths.js';

async function expectYargsOwn(argv: string[]) {
  const plain = plainPathsArgs(argv);
  if (plain) expect(plain, JSON.stringify(argv)).toStrictEqual(await yargsArgs(argv));
  return plain !== undefined;
}

/** mulberry32: the same lines on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('paths alone, without yargs', () => {
  it('gives yargs’ own arguments for the lines of editors and hooks', async () => {
    const lines = [
      ['file.py'],
      ['-'],
      ['src/app.py', 'tests/test_app.py'],
      ['.'],
      ['..'],
      ['src/'],
      ['help', 'x.py'],
      ['help.py'],
      ['version'],
      ['with space.py'],
      ['a=b.py'],
      ['x.py', '-'],
      ['naïve.py'],
      ['1.py'],
      ['0x1g'],
      ['1e3.py'],
      ['./1'],
      ['dir/-x.py'],
      ['012'],
      ['abc'],
      [''],
      [],
    ];
    for (const argv of lines) expect(await expectYargsOwn(argv), JSON.stringify(argv)).toBe(true);
  });

  it('leaves flags, numbers and a last `help` to yargs', () => {
    const lines = [
      ['--write', 'x.py'],
      ['x.py', '-w'],
      ['--', 'x.py'],
      ['-x.py'],
      ['--help'],
      ['1.0'],
      ['0x1f'],
      ['1e3'],
      ['.5'],
      ['-1'],
      ['help'],
      ['x.py', 'help'],
      ['x.py', '2'],
    ];
    for (const argv of lines) expect(plainPathsArgs(argv), JSON.stringify(argv)).toBeUndefined();
  });

  it('agrees with yargs on random lines made of number-like characters', async () => {
    const next = random(15);
    const alphabet = '00123456789abcdefxXeE..+--/_ py=é';
    const pick = (n: number) => Math.floor(next() * n);
    let taken = 0;
    for (let i = 0; i < 2000; i++) {
      const argv = Array.from({ length: 1 + pick(3) }, () =>
        Array.from({ length: 1 + pick(6) }, () => alphabet[pick(alphabet.length)]).join(''),
      );
      if (await expectYargsOwn(argv)) taken++;
    }
    // enough of them are taken for the comparison to mean something
    expect(taken).toBeGreaterThan(200);
  });
});
