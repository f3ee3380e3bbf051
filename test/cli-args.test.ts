// A command line of paths alone (and the hooks' --write or --check) skips yargs (src/plain-paths.ts): for every
// line it takes, its arguments must be exactly yargs' own, and it must leave to yargs every line yargs reads
// otherwise (other flags, numbers, help).
import { describe, expect, it } from 'vitest';
// the built CLI, as the other CLI tests run it (it reads its version from the package.json above dist/)
import { yargsArgs } from '../dist/src/cli.js';
import { plainPathsArgs } from '../src/plain-paths.js';
import { mulberry32 } from '../bench/random.js';

async function expectYargsOwn(argv: string[]) {
  const plain = plainPathsArgs(argv);
  if (plain) expect(plain, JSON.stringify(argv)).toStrictEqual(await yargsArgs(argv));
  return plain !== undefined;
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
      ['--write', 'a.py', 'b.py'],
      ['a.py', '-w'],
      ['--check', 'a.py'],
      ['--check', '-'],
      ['-w', 'true.py'],
    ];
    for (const argv of lines) expect(await expectYargsOwn(argv), JSON.stringify(argv)).toBe(true);
  });

  it('leaves other flags, numbers, a last `help` and what yargs refuses to yargs', () => {
    const lines = [
      ['--', 'x.py'],
      ['-x.py'],
      ['--help'],
      ['--no-write', 'x.py'],
      ['--write=true', 'x.py'],
      ['-wi', 'x.py'],
      ['--write', 'true', 'x.py'],
      ['x.py', '--check', 'false'],
      ['--write', '--check', 'x.py'],
      ['-w', '--write', 'x.py'],
      ['--check', '--check', 'x.py'],
      ['1.0'],
      ['0x1f'],
      ['1e3'],
      ['.5'],
      ['-1'],
      ['help'],
      ['x.py', 'help'],
      ['--write', 'x.py', 'help'],
      ['x.py', '2'],
    ];
    for (const argv of lines) expect(plainPathsArgs(argv), JSON.stringify(argv)).toBeUndefined();
  });

  it('agrees with yargs on random lines of number-like paths and the flags it takes', async () => {
    const next = mulberry32(15);
    const pick = (n: number) => Math.floor(next() * n);
    const alphabet = '00123456789abcdefxXeE..+--/_ py=é';
    const words = ['--write', '-w', '--check', 'true', 'false', '-', '--', '-x', '--format'];
    const word = () =>
      pick(4) === 0
        ? words[pick(words.length)]
        : Array.from({ length: 1 + pick(6) }, () => alphabet[pick(alphabet.length)]).join('');
    let taken = 0;
    for (let i = 0; i < 3000; i++) {
      const argv = Array.from({ length: 1 + pick(4) }, word);
      if (await expectYargsOwn(argv)) taken++;
    }
    // enough of them are taken for the comparison to mean something
    expect(taken).toBeGreaterThan(1000);
  });
});
