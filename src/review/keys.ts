// Single keypresses from the terminal for an interactive review: raw mode on standard input for the whole
// review (no Enter needed, and keys typed ahead are neither echoed nor lost), restored however the process
// ends. Ctrl-C and Ctrl-D arrive as keys in raw mode (the terminal sends no SIGINT then): both mean "stop now";
// a SIGINT from elsewhere does too.

export const ABORT = Symbol('abort');

export interface KeyReader {
  /** The next key: one character (lower case), an escape sequence, or ABORT. */
  next(): Promise<string | typeof ABORT>;
  /** True once Ctrl-C (or Ctrl-D, or SIGINT) came, even while no key was awaited. */
  readonly aborted: boolean;
  /** Restores the terminal's mode and lets standard input go. Idempotent. */
  close(): void;
}

const SIGNALS = { SIGTERM: 143, SIGHUP: 129 } as const;

export function openKeys(input: NodeJS.ReadStream): KeyReader {
  const queue: (string | typeof ABORT)[] = [];
  let waiting: ((key: string | typeof ABORT) => void) | undefined;
  let aborted = false;
  let closed = false;

  const push = (key: string | typeof ABORT) => {
    if (key === ABORT) aborted = true;
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      w(key);
    } else queue.push(key);
  };
  const onData = (chunk: Buffer | string) => {
    for (const key of splitKeys(chunk.toString())) push(key);
  };
  const onEnd = () => push(ABORT);
  const onSigint = () => push(ABORT);
  const onExit = () => restore();
  const onSignal = (signal: keyof typeof SIGNALS) => {
    close();
    process.exit(SIGNALS[signal]);
  };
  const restore = () => {
    if (input.isTTY) input.setRawMode(false);
  };
  const close = () => {
    if (closed) return;
    closed = true;
    restore();
    input.off('data', onData);
    input.off('end', onEnd);
    process.off('SIGINT', onSigint);
    process.off('exit', onExit);
    for (const s of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) process.off(s, onSignal);
    input.pause();
    if (waiting) push(ABORT);
  };

  input.setRawMode(true);
  input.on('data', onData);
  input.on('end', onEnd);
  input.resume();
  process.on('SIGINT', onSigint);
  process.on('exit', onExit);
  for (const s of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) process.on(s, onSignal);

  return {
    next() {
      const key = queue.shift();
      if (key !== undefined) return Promise.resolve(key);
      if (closed) return Promise.resolve(ABORT);
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    get aborted() {
      return aborted;
    },
    close,
  };
}

/**
 * The keys in a chunk of terminal input: an escape sequence (an arrow key, a function key) is one key; Enter
 * (CR or LF) is no key at all, so `y` followed by Enter answers once; Ctrl-C (ETX) and Ctrl-D (EOT) are ABORT.
 */
export function splitKeys(chunk: string): (string | typeof ABORT)[] {
  const keys: (string | typeof ABORT)[] = [];
  for (let i = 0; i < chunk.length; i++) {
    const ch = chunk[i];
    if (ch === '\x03' || ch === '\x04') keys.push(ABORT);
    else if (ch === '\r' || ch === '\n') continue;
    else if (ch === '\x1b') {
      // ESC [ ... final byte, or ESC O x, or ESC alone
      let j = i + 1;
      if (chunk[j] === '[') {
        j++;
        while (j < chunk.length && !/[@-~]/.test(chunk[j])) j++;
        j++;
      } else if (chunk[j] === 'O') j += 2;
      keys.push(chunk.slice(i, Math.min(j, chunk.length)));
      i = Math.min(j, chunk.length) - 1;
    } else {
      const cp = chunk.codePointAt(i)!;
      const key = String.fromCodePoint(cp);
      keys.push(key.toLowerCase());
      i += key.length - 1;
    }
  }
  return keys;
}
