// Fixture pairs on disk: <name><input> beside <name><output>; and how a __testfixtures__ case is run.
import fs from 'node:fs';
import path from 'node:path';
import { decodeSource, encodeSource } from '../../src/source-text.js';
import { transformSourceSync, type TransformSourceOptions } from '../../src/transform-source.js';
import type { FileResult, Transform } from '../../src/types.js';
import { BUILTIN_TRANSFORMS } from '../../transforms/index.js';

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

export const FIXTURES_ROOT = path.join(import.meta.dirname, '..', '..', '__testfixtures__');

/** Every fixture case under __testfixtures__/<dir>/, sorted by dir then name. */
export function fixtureCases(root = FIXTURES_ROOT): { dir: string; name: string }[] {
  return fs
    .readdirSync(root)
    .sort()
    .flatMap((dir) =>
      fixturePairs(path.join(root, dir), '.input.py', '.output.py').inputs.map((name) => ({ dir, name })),
    );
}

/** A case's options.json, or {} when it has none. */
export function fixtureOptions(dir: string, name: string, root = FIXTURES_ROOT): Record<string, unknown> {
  const file = path.join(root, dir, `${name}.options.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
}

/**
 * The transforms a fixture directory runs: `names` (an options.json's `transforms`) when given; for a <dir>
 * named after a built-in transform, the built-in pipeline up to and including it (but the report-only ones);
 * else (and for a report-only transform's <dir>) the default pipeline.
 */
export function transformsFor(dir: string, names?: string[]): Transform[] {
  if (names) return names.map((n) => BUILTIN_TRANSFORMS.find((t) => t.name === n)!);
  const index = BUILTIN_TRANSFORMS.findIndex((t) => t.name === dir);
  // a report-only transform changes nothing: its cases show the default pipeline's output around its findings
  if (index < 0 || BUILTIN_TRANSFORMS[index].reportOnly) return BUILTIN_TRANSFORMS.filter((t) => !t.optIn);
  // and it is no part of another transform's cases (it runs early only to share that stage's analysis)
  return BUILTIN_TRANSFORMS.slice(0, index + 1).filter((t) => t.name === dir || (!t.optIn && !t.reportOnly));
}

/** Runs a fixture input's bytes as the fixture test does (initParser() must have resolved). */
export function runFixture(
  dir: string,
  file: string,
  bytes: Buffer,
  options: Record<string, unknown>,
): { result: FileResult; bytes: Buffer } {
  const { text, meta } = decodeSource(bytes);
  const { transforms, ...rest } = options as { transforms?: string[] } & TransformSourceOptions;
  const result = transformSourceSync(text, {
    ...rest,
    path: file,
    transforms: transformsFor(dir, transforms),
  });
  return { result, bytes: encodeSource(result.after, meta) };
}
