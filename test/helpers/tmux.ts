// A real pseudo-terminal for tests of interactive use: a command started in a detached tmux session, on a tmux
// server of its own (`-L`: never the user's, and no race with a server that is shutting down), keys sent with
// send-keys, the screen read with capture-pane. Waiting is by polling the screen for what must appear, with a
// deadline, never by sleeping alone.
import { spawnSync } from 'node:child_process';

/** Why tmux cannot be used here, or undefined when it can. */
export function tmuxUnavailable(): string | undefined {
  const r = spawnSync('tmux', ['-V'], { encoding: 'utf8', timeout: 10_000 });
  if (r.error || r.status !== 0)
    return `tmux not found or not working (apt-get install tmux): ${r.error?.message ?? r.stderr}`;
  return undefined;
}

let servers = 0;

export class Terminal {
  readonly socket: string;
  readonly name: string;

  /**
   * Starts `command` (a shell command line) in a new session, `width` x `height`, in `cwd`. When the command
   * ends, the pane prints `[exit N]` and stays, so the last screen can still be read.
   */
  constructor(
    command: string,
    options: { cwd: string; env?: Record<string, string>; width?: number; height?: number },
  ) {
    this.socket = `ftptls-test-${process.pid}-${++servers}`;
    this.name = 'test';
    const env = Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${shellQuote(v)}`);
    const line = `${env.length ? `env ${env.join(' ')} ` : ''}${command}; echo "[exit $?]"; sleep 3600`;
    // the whole history is kept (a review longer than the screen is still read whole): set before the pane
    this.tmux(
      'start-server',
      ';',
      'set-option',
      '-g',
      'history-limit',
      '50000',
      ';',
      'new-session',
      '-d',
      '-s',
      this.name,
      '-x',
      String(options.width ?? 160),
      '-y',
      String(options.height ?? 50),
      '-c',
      options.cwd,
      line,
    );
  }

  private tmux(...args: string[]): string {
    const r = spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    if (r.status !== 0) throw new Error(`tmux ${args[0]} failed: ${r.error?.message ?? r.stderr}`);
    return r.stdout;
  }

  /** The screen and its history as text, wrapped lines joined; `escapes` keeps the colours (SGR sequences). */
  screen(escapes = false): string {
    return this.tmux('capture-pane', '-p', '-J', ...(escapes ? ['-e'] : []), '-S', '-', '-t', this.name);
  }

  /** Keys as tmux names them: `y`, `Enter`, `C-c`. */
  send(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  /** Waits until `pattern` occurs at least `count` times on the screen; the screen then. */
  async waitFor(pattern: RegExp | string, count = 1, timeoutMs = 20_000): Promise<string> {
    const re = typeof pattern === 'string' ? new RegExp(escapeRegExp(pattern), 'g') : globalOf(pattern);
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    for (;;) {
      screen = this.screen();
      if ((screen.match(re)?.length ?? 0) >= count) return screen;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${count} x ${re} on the screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }

  /** Waits for the command to end; its exit status and the screen. */
  async exited(timeoutMs = 20_000): Promise<{ status: number; screen: string }> {
    const screen = await this.waitFor(/\[exit \d+\]/, 1, timeoutMs);
    return { status: Number(/\[exit (\d+)\]/.exec(screen)![1]), screen };
  }

  /** Ends the session's server, and with it the command if it still runs. */
  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { timeout: 10_000 });
  }
}

export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function globalOf(re: RegExp): RegExp {
  return re.global ? re : new RegExp(re.source, `${re.flags}g`);
}
