// What both end-to-end tests share: the example scripts, and whether they can run here. Where no FTPS server
// can be started (or the CLI is not built) they are skipped with the reason printed; with CI=true, never.
import fs from 'node:fs';
import path from 'node:path';
import { ftpsAvailable } from './ftps-server.js';

export const EXAMPLES = path.join(import.meta.dirname, '..', '..', 'examples');
export const CI = process.env.CI === 'true';

/** The example scripts (examples/*.py), sorted. */
export function exampleScripts(): string[] {
  if (!fs.existsSync(EXAMPLES)) return [];
  return fs
    .readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.py'))
    .sort();
}

/** Why an end-to-end test cannot run here, or undefined when it can. */
export function e2eUnavailable(): string | undefined {
  const available = ftpsAvailable();
  if (!available.ok) return `no FTPS server can be started here: ${available.reason}`;
  if (!fs.existsSync(path.join(EXAMPLES, '..', 'dist', 'src', 'cli.js')))
    return 'the CLI is not built (run `npm run build`)';
  return undefined;
}

/** Skip (saying why) unless CI=true; in CI the caller's beforeAll throws `reason` instead. */
export function shouldSkip(name: string, reason: string | undefined): boolean {
  if (reason && !CI) console.warn(`${name} skipped: ${reason}`);
  return reason !== undefined && !CI;
}
