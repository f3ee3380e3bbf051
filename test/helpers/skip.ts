// Tests that need something from outside the repository (a Python, an FTPS server, pre-commit, jq): where it is
// missing they are skipped with the reason printed, never passed having checked nothing; with CI=true (.ci/run
// installs all of it) they fail instead.
//
//   const reason = pythonUnavailable();
//   describe.skipIf(shouldSkip('name', reason))('...', () => {
//     beforeAll(() => requireAvailable('name', reason));
//     ...
//   });

export const CI = process.env.CI === 'true';

/** Skip (saying why) unless CI=true; in CI the caller's beforeAll throws `reason` instead (requireAvailable). */
export function shouldSkip(name: string, reason: string | undefined): boolean {
  if (reason && !CI) console.warn(`${name} skipped: ${reason}`);
  return reason !== undefined && !CI;
}

/** For the beforeAll of a suite guarded by shouldSkip: it runs with a reason only under CI=true, and fails. */
export function requireAvailable(name: string, reason: string | undefined): void {
  if (reason !== undefined) throw new Error(`${name}: CI=true, so this may not be skipped: ${reason}`);
}
