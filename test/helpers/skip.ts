// Tests that need something from outside the repository (a Python, an FTPS server, pre-commit, jq): where it is
// missing they are skipped with the reason printed, never passed having checked nothing; with CI=true (.ci/run
// installs all of it) they fail instead. Each skip is also written to the run's log (SKIP_LOG_ENV, made by
// ./skipped-summary.ts, vitest's globalSetup), whose teardown names the skipped suites at the very end of the
// run, with the command that installs what they need.
//
//   const reason = pythonUnavailable();
//   describe.skipIf(shouldSkip('name', reason))('...', () => {
//     beforeAll(() => requireAvailable('name', reason));
//     ...
//   });

import fs from 'node:fs';

export const CI = process.env.CI === 'true';

/** The environment variable naming this run's skip log (a file of JSON lines {name, reason}). */
export const SKIP_LOG_ENV = 'FTPTLS_SKIP_LOG';

/** Skip (saying why) unless CI=true; in CI the caller's beforeAll throws `reason` instead (requireAvailable). */
export function shouldSkip(name: string, reason: string | undefined): boolean {
  if (reason && !CI) {
    console.warn(`${name} skipped: ${reason}`);
    recordSkip(name, reason);
  }
  return reason !== undefined && !CI;
}

/** Appends a skip to the run's log, when there is one (a run without the globalSetup has none). */
function recordSkip(name: string, reason: string): void {
  const log = process.env[SKIP_LOG_ENV];
  if (log) fs.appendFileSync(log, `${JSON.stringify({ name, reason })}\n`);
}

/** For the beforeAll of a suite guarded by shouldSkip: it runs with a reason only under CI=true, and fails. */
export function requireAvailable(name: string, reason: string | undefined): void {
  if (reason !== undefined) throw new Error(`${name}: CI=true, so this may not be skipped: ${reason}`);
}
