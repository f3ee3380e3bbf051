// A command line of paths alone, as an editor or a hook runs ftptls (`ftptls file.py`, `ftptls -`, the hooks'
// `ftptls --write` and `ftptls --check`), needs no flag parser: what yargs makes of it is known, and loading
// and setting up yargs is about a quarter of such a run. Anything else goes to yargs: another flag, `--`, a
// path yargs reads as a number (it turns `1.0` into 1 and `0x1f` into 31, which the CLI then looks for as
// `1` and `31`), a last path `help` (yargs shows help), `--write` with `--check` (an error), a flag given
// twice, and a flag followed by `true` or `false` (yargs reads that as the flag's value).

type Flags = { write?: true; w?: true; check?: true };

/** The flags taken here (.pre-commit-hooks.yaml's), with the keys yargs sets for each: name and alias. */
const FLAGS = new Map<string, Flags>([
  ['--write', { write: true, w: true }],
  ['-w', { write: true, w: true }],
  ['--check', { check: true }],
]);

/** yargs' arguments for `argv` when it holds paths alone (test/cli-args.test.ts compares), else undefined. */
export function plainPathsArgs(argv: readonly string[]) {
  const paths: string[] = [];
  const flags: Flags = {};
  for (const [i, arg] of argv.entries()) {
    const flag = FLAGS.get(arg);
    if (flag) {
      if (Object.keys(flag).some((k) => k in flags) || /^(true|false)$/.test(argv[i + 1] ?? ''))
        return undefined;
      Object.assign(flags, flag);
    } else if (arg === '-' || (!arg.startsWith('-') && !looksLikeNumber(arg))) paths.push(arg);
    else return undefined;
  }
  if (paths.at(-1) === 'help' || (flags.write && flags.check)) return undefined;
  // what yargs gives for such a line: the paths, the flags, and --format's default under its name and alias
  return { _: paths, ...flags, format: 'diff' as const, f: 'diff' as const, $0: 'ftptls' };
}

/** yargs-parser's own test for an argument it turns into a number (string-utils.js, looksLikeNumber). */
function looksLikeNumber(a: string): boolean {
  if (/^0x[0-9a-f]+$/i.test(a)) return true;
  if (/^0[^.]/.test(a)) return false;
  return /^[-]?(?:\d+(?:\.\d*)?|\.\d+)(e[-+]?\d+)?$/.test(a);
}
