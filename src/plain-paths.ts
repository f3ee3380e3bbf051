// A command line of paths alone, as an editor or a hook runs ftptls (`ftptls file.py`, `ftptls -`), needs no
// flag parser: what yargs makes of it is known, and loading and setting up yargs is about a quarter of such a
// run. Anything else goes to yargs: a flag, `--`, a path yargs reads as a number (it turns `1.0` into 1 and
// `0x1f` into 31, which the CLI then looks for as `1` and `31`), and a last path `help` (yargs shows help).

/** yargs' arguments for `argv` when it holds paths alone (test/cli-args.test.ts compares), else undefined. */
export function plainPathsArgs(argv: readonly string[]) {
  if (argv.at(-1) === 'help') return undefined;
  if (!argv.every((a) => a === '-' || (!a.startsWith('-') && !looksLikeNumber(a)))) return undefined;
  // what yargs gives for such a line: the paths, and --format's default under its name and its alias
  return { _: [...argv], format: 'diff' as const, f: 'diff' as const, $0: 'ftptls' };
}

/** yargs-parser's own test for an argument it turns into a number (string-utils.js, looksLikeNumber). */
function looksLikeNumber(a: string): boolean {
  if (/^0x[0-9a-f]+$/i.test(a)) return true;
  if (/^0[^.]/.test(a)) return false;
  return /^[-]?(?:\d+(?:\.\d*)?|\.\d+)(e[-+]?\d+)?$/.test(a);
}
