// Fixture pairs on disk: <name><input> beside <name><output>.
import fs from 'node:fs';

export interface FixturePairs {
  /** The names that have an input file, sorted: the cases to run. */
  inputs: string[];
  /** The names that have an output file, sorted. Equal to `inputs` when every file has its other half. */
  outputs: string[];
}

/** The fixture names in `dir` by the files they have, e.g. fixturePairs(dir, '.input.py', '.output.py'). */
export function fixturePairs(dir: string, input: string, output: string): FixturePairs {
  const files = fs.readdirSync(dir);
  const names = (suffix: string) =>
    files
      .filter((f) => f.endsWith(suffix))
      .map((f) => f.slice(0, -suffix.length))
      .sort();
  return { inputs: names(input), outputs: names(output) };
}
