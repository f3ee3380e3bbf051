// vitest's globalSetup (vitest.config.ts): makes this run's skip log before any test file loads, and at the very
// end of the run (its teardown prints after vitest's own summary) names the suites that skipped for want of
// something not installed here, with the one command that installs all of it (the packages .ci/run installs).
// A fresh machine's `npm test` passes with those suites skipped; this says so where it is read: last.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SKIP_LOG_ENV } from './skip.js';

const CI_RUN = path.join(import.meta.dirname, '..', '..', '.ci', 'run');

export interface Skip {
  name: string;
  reason: string;
}

/** The system packages .ci/run installs (its `packages=(...)` line), in its order. */
export function ciPackages(ciRun = CI_RUN): string[] {
  const m = /^packages=\(([^)]*)\)/m.exec(fs.readFileSync(ciRun, 'utf8'));
  if (!m) throw new Error(`${ciRun}: no packages=(...) line`);
  return m[1].trim().split(/\s+/);
}

/** The command that installs what the skipped suites need (Debian, Ubuntu). */
export function installCommand(ciRun = CI_RUN): string {
  return `sudo apt-get install ${ciPackages(ciRun).join(' ')}`;
}

/** The skips recorded in a log (JSON lines), each suite and reason once, in the order they were first met. */
export function readSkips(text: string): Skip[] {
  const seen = new Set<string>();
  const out: Skip[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const skip = JSON.parse(line) as Skip;
    const key = `${skip.name}\0${skip.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(skip);
  }
  return out;
}

/** The lines that end a run with skips (none without). */
export function skippedSummary(skips: Skip[], command: string): string[] {
  if (skips.length === 0) return [];
  const n = new Set(skips.map((s) => s.name)).size;
  const [suites, they, need, it] =
    n === 1 ? ['test suite was', 'it', 'needs', 'it'] : ['test suites were', 'they', 'need', 'them'];
  return [
    `${n} ${suites} skipped because what ${they} ${need} is not installed here (under CI=true ${they} would fail):`,
    ...skips.map((s) => `  ${s.name}: ${s.reason}`),
    `To run ${it}, install what is missing (Debian, Ubuntu), then run npm test again:`,
    `  ${command}`,
  ];
}

export default function setup(): () => void {
  const log = path.join(os.tmpdir(), `ftptls-skipped-${process.pid}-${crypto.randomUUID()}.jsonl`);
  fs.writeFileSync(log, '');
  // test files load in workers started after this, with this environment: shouldSkip writes here
  process.env[SKIP_LOG_ENV] = log;
  return () => {
    let text = '';
    try {
      text = fs.readFileSync(log, 'utf8');
    } finally {
      fs.rmSync(log, { force: true });
    }
    let command: string;
    try {
      command = installCommand();
    } catch {
      command = 'the packages listed in .ci/run';
    }
    const lines = skippedSummary(readSkips(text), command);
    if (lines.length) process.stdout.write(`\n${lines.join('\n')}\n`);
  };
}
