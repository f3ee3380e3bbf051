// Runs the built CLI (bin/ftptls.js) as a user would, capturing bytes and the exit code.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const BIN = path.join(import.meta.dirname, '..', '..', 'bin', 'ftptls.js');

export interface CliRun {
  /** The exit code; -1 when the process did not exit by itself (see `signal`). */
  status: number;
  stdout: string;
  /** stdout as it came, for byte-exact comparisons. */
  stdoutBytes: Buffer;
  stderr: string;
  /** The signal that ended the process (e.g. SIGTERM at the timeout), or null. */
  signal: NodeJS.Signals | null;
}

export function runCli(
  args: string[],
  options: {
    cwd?: string;
    input?: string | Buffer;
    env?: NodeJS.ProcessEnv;
    maxBuffer?: number;
    /** Node's own options, before the script (`node --max-old-space-size=512 bin/ftptls.js ...`). */
    nodeArgs?: string[];
  } = {},
): CliRun {
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: options.cwd,
    input: typeof options.input === 'string' ? Buffer.from(options.input) : options.input,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'buffer',
    ...(options.maxBuffer !== undefined ? { maxBuffer: options.maxBuffer } : {}),
    timeout: 120_000,
  });
  return {
    status: r.status ?? -1,
    stdout: r.stdout.toString('utf8'),
    stdoutBytes: r.stdout,
    stderr: r.stderr.toString('utf8'),
    signal: r.signal,
  };
}
