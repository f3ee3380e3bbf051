// Text put aside while a report is written whose beginning must wait for the end of the run (SARIF: the rules
// and the notifications come before the results). In a temporary file, so that a run of any size holds none of
// it in memory; in memory only when no temporary file can be made, or for a report returned as one string.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

export interface Spill {
  write(text: string): void;
  /** Everything written, in order, in pieces. */
  read(): Iterable<string>;
  /** Lets go of what it holds (the file). */
  close(): void;
}

export function memorySpill(): Spill {
  let parts: string[] = [];
  return {
    write: (text) => void parts.push(text),
    read: () => parts,
    close: () => void (parts = []),
  };
}

/** Text written to this process's own temporary file, or kept in memory when none can be made. */
export function fileSpill(): Spill {
  try {
    return new FileSpill();
  } catch {
    return memorySpill();
  }
}

/** Pieces are gathered up to this many characters before each write, and read back in blocks of this size. */
const BLOCK = 1 << 20;

class FileSpill implements Spill {
  private readonly dir: string;
  private readonly file: string;
  private readonly fd: number;
  private pending: string[] = [];
  private pendingLength = 0;
  private size = 0;
  private removed = false;
  private closed = false;

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ftptls-'));
    this.file = path.join(this.dir, 'spill');
    this.fd = fs.openSync(this.file, 'w+', 0o600);
    // Removed at once where an open file can be (POSIX): nothing is left behind, however the process ends
    try {
      fs.rmSync(this.dir, { recursive: true });
      this.removed = true;
    } catch {
      // removed by close()
    }
  }

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= BLOCK) this.flush();
  }

  *read(): Iterable<string> {
    this.flush();
    const buffer = Buffer.allocUnsafe(BLOCK);
    const decoder = new StringDecoder('utf8');
    for (let at = 0; at < this.size;) {
      const n = fs.readSync(this.fd, buffer, 0, Math.min(BLOCK, this.size - at), at);
      if (n <= 0) throw new Error('the report could not be read back from its temporary file');
      at += n;
      yield decoder.write(buffer.subarray(0, n));
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
    if (!this.removed) fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(): void {
    if (!this.pending.length) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
    for (let done = 0; done < bytes.length;)
      done += fs.writeSync(this.fd, bytes, done, bytes.length - done, this.size + done);
    this.size += bytes.length;
  }
}
