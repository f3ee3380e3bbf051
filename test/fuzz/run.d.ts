// Types of run.js (plain JavaScript, run without a build step) for the TypeScript tests.
import type { Program } from './generate.js';

export const BIN: string;
export const SYSTEM_PYTHON: string;

export const OUTCOMES: readonly [
  'pass',
  'pass-with-manual',
  'manual-reported',
  'BUG-silent',
  'BUG-crash',
  'BUG-not-compiling',
  'BUG-not-idempotent',
  'BUG-dry-run-mismatch',
  'INVALID-original-passed',
  'INVALID-expected-failed',
];
export type Outcome = (typeof OUTCOMES)[number];

/** A bug of ftptls (BUG-*) or of the fuzzer (INVALID-*). */
export function isFailure(outcome: string): boolean;

/** What runPrograms needs of the FTPS server. */
export interface Server {
  host: string;
  port: number;
  user: string;
  password: string;
  home: string;
}

export interface Finding {
  rule: string;
  line: number;
  column: number;
  status: string;
  message: string;
  reason?: string;
}

export interface PythonRun {
  status: number | null;
  output: string;
  ok: boolean;
  refused: boolean;
  leaked: boolean;
}

export interface FuzzResult {
  id: string;
  summary: string;
  outcome: Outcome;
  detail: string;
  findings: Finding[];
  manual: Finding[];
  manualOnNoise: number;
  original: string;
  expected: string;
  rewritten: string | undefined;
  rewrittenAgain: string | undefined;
  ftptlsOutput: string;
  runs: { original?: PythonRun; expected?: PythonRun; rewritten?: PythonRun };
}

export interface RunOptions {
  server: Server;
  workDir: string;
  jobs?: number;
  batch?: number;
  progress?: (message: string) => void;
}

/** Runs the programs through ftptls and against the server; results in the order given. */
export function runPrograms(programs: Program[], options: RunOptions): Promise<FuzzResult[]>;

/** Writes a failing program to outDir/ID; returns the folder. */
export function saveFailure(result: FuzzResult, outDir: string): string;

/** How many of each outcome, every outcome listed. */
export function countOutcomes(results: FuzzResult[]): Record<Outcome, number>;
