// Generated programs (issue 12): a fixed sample of test/fuzz/generate.js's programs, each run as `npm run fuzz`
// runs it (test/fuzz/run.js): the cleartext original must be refused by the TLS-only FTPS server, the
// hand-secured version must transfer, and after `ftptls --write` the program must transfer too, or fail with a
// manual finding that says why. Any BUG-* outcome (a silent skip, a crash, output that does not compile, a second
// run that changes the file) or INVALID-* outcome (a generated program that is not what it claims) fails here.
// Skipped, with the reason printed, where no FTPS server can be started; with CI=true that fails instead.
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eUnavailable, shouldSkip, useFtpsServer } from './helpers/e2e.js';
import { generate } from './fuzz/generate.js';
import { countOutcomes, isFailure, runPrograms, type FuzzResult } from './fuzz/run.js';

const SEED = 12;
const COUNT = 50;
const programs = Array.from({ length: COUNT }, (_, i) => generate(SEED, i));
const unavailable = e2eUnavailable();

it('the generator is deterministic: a program depends on (seed, index) alone', () => {
  expect(generate(SEED, 7)).toEqual(programs[7]);
  expect(generate(SEED + 1, 7).source).not.toBe(programs[7].source);
  expect(new Set(programs.map((p) => p.source)).size).toBe(COUNT);
});

describe.skipIf(shouldSkip('fuzz', unavailable))(`generated programs (seed ${SEED}, ${COUNT})`, () => {
  const ftps = useFtpsServer('fuzz', unavailable);
  let results: FuzzResult[];

  beforeAll(async () => {
    results = await runPrograms(programs, { server: ftps.server, workDir: ftps.work });
  }, 120_000);

  it('no program ends in a BUG or INVALID outcome', () => {
    const failures = results
      .filter((r) => isFailure(r.outcome))
      .map(
        (r) => `${r.id} ${r.outcome}: ${r.summary}\n    ${r.detail}\n    (npm run fuzz -- --only ${r.id})`,
      );
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('every original is refused by the TLS-only server, and every hand-secured version transfers', () => {
    const ran = results.filter((r) => r.runs.original);
    expect(ran.length).toBe(COUNT);
    for (const r of ran) {
      expect(r.runs.original!.refused, `${r.id}: ${r.runs.original!.output}`).toBe(true);
      expect(r.runs.original!.status, r.id).not.toBe(0);
      expect(r.runs.expected!.ok, `${r.id}: ${r.runs.expected!.output}`).toBe(true);
    }
  });

  it('ends with the outcomes this fixed sample has (a slide from pass to manual-reported shows here)', () => {
    const counts = countOutcomes(results);
    expect(counts, JSON.stringify(counts)).toEqual({
      pass: 41,
      'pass-with-manual': 1,
      'manual-reported': 8,
      'BUG-silent': 0,
      'BUG-crash': 0,
      'BUG-not-compiling': 0,
      'BUG-not-idempotent': 0,
      'BUG-dry-run-mismatch': 0,
      'INVALID-original-passed': 0,
      'INVALID-expected-failed': 0,
    });
  });
});
