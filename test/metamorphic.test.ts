// Metamorphic tests (issue 12): a change that means nothing to Python must change ftptls's result in exactly
// the same way. For every fixture input (__testfixtures__/<dir>/<case>.input.py, run with the pipeline and
// options the fixture test gives it) and every examples/*.py, and for every mutation of test/helpers/mutations.ts
// that applies to it: ftptls's output of the mutated input must be, byte for byte, the same mutation applied
// to ftptls's output of the original; its findings must be the original's, with their positions moved by the
// mutation (lines where lines were added, columns where indentation or a name's length changed), and its
// status, error and skip reason the same.
//
// A mutation that does not apply to a file is not run for it (a CRLF mutation of a CRLF file would be the
// identity; tabs need a file indented with 4-space levels; see each mutation's reasons), and one test checks
// that each mutation still runs on a good share of the inputs, so the suite cannot silently test nothing.
// Another checks, with Python's own ast module (one python3 run), that every mutant is the same program as
// its original (and the mutated output the same as the output): the mutations are neutral, so a difference
// here is ftptls's.
//
// Suppression: a file-level marker stays file-level under these mutations. `# ruff: noqa` counts on a line of
// its own anywhere, and `# ftptls: skip-file` among the comments before the first statement: blank or comment
// lines put first keep it there, so they are neutral and run on the suppression fixtures too. A docstring or
// an `if True:` put first becomes the first statement and moves such a header marker below it, where ftptls
// (as documented) no longer honours it: those two mutations are not run on a file with a skip-file header.
// A comment put first is no marker and joins no statement's "comment directly above" run that it could change:
// it is separated from nothing (a run of comment lines directly above a statement suppresses it whatever its
// length) and holds no directive.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initParser } from '../src/parser.js';
import { decodeSource, encodeSource, type SourceMeta } from '../src/source-text.js';
import type { FileResult } from '../src/types.js';
import { fixtureCases, fixtureOptions, FIXTURES_ROOT, runFixture } from './helpers/fixtures.js';
import {
  MUTATIONS,
  mapFindings,
  unrename,
  type Mutant,
  type Mutation,
  type Prepared,
} from './helpers/mutations.js';
import { python, pythonUnavailable } from './helpers/python.js';
import { requireAvailable, shouldSkip } from './helpers/skip.js';

await initParser();

const EXAMPLES = path.join(import.meta.dirname, '..', 'examples');

interface Input {
  /** The fixture (`prot-p/crlf`) or the example (`examples/plain_upload.py`), for test names. */
  label: string;
  dir: string;
  file: string;
  bytes: Buffer;
  options: Record<string, unknown>;
  text: string;
  meta: SourceMeta;
}

function input(label: string, dir: string, file: string, bytes: Buffer, options: Record<string, unknown>) {
  const { text, meta } = decodeSource(bytes);
  return { label, dir, file, bytes, options, text, meta };
}

const inputs: Input[] = [
  ...fixtureCases().map(({ dir, name }) =>
    input(
      `${dir}/${name}`,
      dir,
      `${name}.input.py`,
      fs.readFileSync(path.join(FIXTURES_ROOT, dir, `${name}.input.py`)),
      fixtureOptions(dir, name),
    ),
  ),
  ...fs
    .readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.py'))
    .sort()
    // not a transform's name: the default pipeline, as the CLI runs it
    .map((f) => input(`examples/${f}`, 'examples', f, fs.readFileSync(path.join(EXAMPLES, f)), {})),
];

interface Pair {
  input: Input;
  mutation: Mutation;
  prepared: Prepared;
  mutant: Mutant;
  bytes: Buffer;
}

const pairs: Pair[] = [];
/** Why each mutation was not run on each input it skipped. */
const skipped = new Map<string, string[]>(MUTATIONS.map((m) => [m.name, []]));

for (const inp of inputs) {
  for (const mutation of MUTATIONS) {
    let prepared: Prepared | string;
    let mutant: Mutant;
    try {
      prepared = mutation.prepare(inp);
      if (typeof prepared === 'string') {
        skipped.get(mutation.name)!.push(`${inp.label}: ${prepared}`);
        continue;
      }
      mutant = prepared.apply(inp);
    } catch (err) {
      throw new Error(`mutation ${mutation.name} of ${inp.label} failed: ${(err as Error).message}`);
    }
    const bytes = encodeSource(mutant.text, mutant.meta);
    if (bytes.equals(inp.bytes)) {
      skipped.get(mutation.name)!.push(`${inp.label}: the mutation changes nothing in it`);
      continue;
    }
    pairs.push({ input: inp, mutation, prepared, mutant, bytes });
  }
}

const originals = new Map<Input, { result: FileResult; bytes: Buffer }>();

/** ftptls's result for the unmutated input, once per input. */
function original(inp: Input) {
  let run = originals.get(inp);
  if (!run) {
    run = runFixture(inp.dir, inp.file, inp.bytes, inp.options);
    originals.set(inp, run);
  }
  return run;
}

/** The mutation applied to ftptls's output of the original: what the mutant's output must be. */
function expectedOutput(pair: Pair): Mutant {
  return pair.prepared.apply({ text: original(pair.input).result.after, meta: pair.input.meta });
}

const pairName = (p: Pair) =>
  `${p.mutation.name}: ${p.input.label}${p.prepared.detail ? ` (${p.prepared.detail})` : ''}`;

describe('metamorphic: a change that means nothing to Python changes the result the same way', () => {
  it('reads every fixture input and every example', () => {
    expect(inputs.filter((i) => i.dir === 'examples').length).toBeGreaterThanOrEqual(5);
    expect(inputs.length).toBe(fixtureCases().length + inputs.filter((i) => i.dir === 'examples').length);
  });

  // Shares of the inputs each mutation must run on: the line-ending, BOM and "lines first" mutations apply to
  // nearly everything; indentation and docstring ones need the right kind of file; the rename needs a name.
  const minimumShare: Record<string, number> = {
    'blank lines first': 0.95,
    'whitespace-only line first': 0.95,
    'comment line first': 0.95,
    'CRLF line endings': 0.9,
    'UTF-8 BOM': 0.9,
    'trailing blank lines': 0.95,
    'no final newline': 0.9,
    'tabs for 4-space indentation': 0.7,
    'module indented into if True': 0.85,
    'docstring first': 0.6,
    'connection variable renamed': 0.5,
  };

  it('runs each mutation on a good share of the inputs', () => {
    expect(Object.keys(minimumShare)).toEqual(MUTATIONS.map((m) => m.name));
    const share = Object.fromEntries(
      MUTATIONS.map((m) => [m.name, pairs.filter((p) => p.mutation === m).length / inputs.length]),
    );
    const tooFew = MUTATIONS.filter((m) => share[m.name] < minimumShare[m.name]).map(
      (m) =>
        `${m.name}: ${(share[m.name] * 100).toFixed(0)}% < ${minimumShare[m.name] * 100}%; skipped:\n  ` +
        skipped.get(m.name)!.join('\n  '),
    );
    expect(tooFew).toEqual([]);
  });

  for (const pair of pairs) {
    it(pairName(pair), () => {
      const before = original(pair.input);
      const after = runFixture(pair.input.dir, pair.input.file, pair.bytes, pair.input.options);
      const expected = expectedOutput(pair);

      expect(after.result.status).toBe(before.result.status);
      expect(after.result.error).toBe(before.result.error);
      expect(after.result.skipReason).toBe(before.result.skipReason);
      expect(after.bytes.toString('latin1')).toBe(
        encodeSource(expected.text, expected.meta).toString('latin1'),
      );
      expect(unrename(after.result.findings, pair.prepared.ast)).toEqual(
        mapFindings(before.result.findings, pair.input.text, pair.mutant),
      );
    });
  }
});

const noPython = pythonUnavailable();

describe.skipIf(shouldSkip('metamorphic Python check', noPython))(
  'metamorphic: the mutations are neutral',
  () => {
    beforeAll(() => requireAvailable('metamorphic Python check', noPython));

    // For each pair: the original's and the mutant's bytes, as Python reads a file (BOM and cookie included),
    // and how their ASTs relate; the same for ftptls's output of the original and the mutation of it.
    const script = String.raw`
import ast, base64, json, sys

class Rename(ast.NodeTransformer):
    def __init__(self, names):
        self.names = names
    def generic_visit(self, node):
        super().generic_visit(node)
        if not isinstance(node, (ast.alias, ast.keyword)):
            for field in ("id", "arg", "name"):
                value = getattr(node, field, None)
                if isinstance(value, str) and value in self.names:
                    setattr(node, field, self.names[value])
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            node.names = [self.names.get(n, n) for n in node.names]
        return node

def module(body):
    return ast.dump(ast.Module(body=body, type_ignores=[]))

def program(b64):
    return ast.parse(base64.b64decode(b64))

def expected(tree, relation):
    if relation["kind"] == "rename":
        tree = Rename(relation["names"]).visit(tree)
    return module(tree.body)

def actual(tree, relation):
    body = tree.body
    if relation["kind"] == "docstring":
        first = body[0]
        if not (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)):
            return "no docstring first"
        body = body[1:]
    elif relation["kind"] == "if-true":
        first = body[0] if len(body) == 1 else None
        if not (isinstance(first, ast.If) and isinstance(first.test, ast.Constant)
                and first.test.value is True and not first.orelse):
            return "not one if True: block"
        body = first.body
    return module(body)

failures = []
for item in json.load(sys.stdin):
    try:
        want = expected(program(item["original"]), item["relation"])
    except (SyntaxError, ValueError):
        continue  # not Python this interpreter reads; ftptls's own checks apply to it
    try:
        got = actual(program(item["mutant"]), item["relation"])
    except (SyntaxError, ValueError) as e:
        got = type(e).__name__ + ": " + str(e)
    if got != want:
        failures.append(item["name"] + ": " + (got if len(got) < 200 else "another AST"))
print(json.dumps(failures))
`;

    it('every mutant is the same program as its original to Python, and so is every mutated output', () => {
      const items = pairs.flatMap((p) => {
        const out = original(p.input);
        const mutatedOut = expectedOutput(p);
        return [
          {
            name: pairName(p),
            relation: p.prepared.ast,
            original: p.input.bytes.toString('base64'),
            mutant: p.bytes.toString('base64'),
          },
          {
            name: `${pairName(p)}, on the output`,
            relation: p.prepared.ast,
            original: out.bytes.toString('base64'),
            mutant: encodeSource(mutatedOut.text, mutatedOut.meta).toString('base64'),
          },
        ];
      });
      expect(JSON.parse(python(['-c', script], { input: JSON.stringify(items) }))).toEqual([]);
    });
  },
);
