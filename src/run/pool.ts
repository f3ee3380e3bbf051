// The worker pool of one run. With workers each file goes through two steps:
//
// 1. scan: workers read every file once, in chunks, and settle the files that never mention ftplib (the
//    prefilter: most of a large tree, at the speed of reading it);
// 2. process: the files that do mention it go through the full pipeline, in path order (so that each result
//    goes out, and is dropped, soon after it is done), the largest of the next few first (so one big file is
//    not left for the end while the other workers wait), at most two in flight per worker.
//
// Both overlap the walk: a pool started during the walk is given the files as the walk finds them. Gated (the
// project-wide pass), it scans and notes each file's import lines, and processes nothing until the plan says
// what (releaseSome, release).
import { errorResult, oneLine } from '../errors.js';
import { unchangedResult } from '../prefilter.js';
import type { FileImports } from '../project/imports.js';
import type { ProjectView } from '../project/types.js';
import type { Planned } from './project-run.js';
import type { Setup } from './run-setup.js';
import type { FileResult } from '../types.js';
import {
  InThreadHandle,
  tryStartWorker,
  type Handle,
  type Owner,
  type Request,
  type WorkerHandle,
} from './worker-handles.js';
import type { FromWorker, ToWorker } from './worker.js';

/** Files per scan request: a few milliseconds of reading, few enough messages. */
const SCAN_CHUNK = 256;

/** Requests a worker holds at once: the next is there as soon as it finishes one. */
const DEPTH = 2;

/**
 * Files to process are taken, the largest first, from the next this many places in path order: a result done
 * ahead of an earlier file waits for it, so this bounds how many wait (with the files in flight).
 */
const WINDOW = 16;

/**
 * At most this many processed files are started ahead of the first result not out yet: a bound on the results
 * waiting for an earlier file, whatever a slow file or the system's scheduling does (takeNext). Counted in
 * processed files, not places: the files the scan settled between two of them weigh nothing.
 */
const AHEAD = 64;
/**
 * A thread loads the pipeline (its code, compiled cold, and the parser's WebAssembly) before its first file:
 * about as much CPU time as processing a few files warm. With the project pass this thread loads it too, for
 * the plan; so there a cold worker gets files to process only once this many per worker that would then
 * have it loaded are waiting to start (a tree where a handful of files mention ftplib warms one worker).
 */
const FILES_PER_WARM_WORKER = 4;

/** Where the pool and the in-process loop put each file's result, by the file's index. */
export type Settle = (index: number, result: FileResult) => void;

/** Path order, once every file is known. */
export interface Ordering {
  /** Each file's place in path order, by index. */
  position: Int32Array;
  /** The place of the first file whose result has not gone out yet. */
  frontier: () => number;
}

export interface Outcome {
  /** Some files were not done (the run was stopped). */
  interrupted: boolean;
}

/** What the gated scan found: the files that mention ftplib (or could not be scanned), and each file's imports. */
export interface Scan {
  users: string[];
  imports: Map<string, FileImports>;
}

/** The project pass's view of each connected file: those are processed whatever the prefilter says. */
export type Views = Map<string, ProjectView> | undefined;

/** The worker pool of one run (see the top of this file for the two steps). */
export class Pool implements Owner {
  private readonly handles = new Set<Handle>();
  private scanNext = 0;
  /**
   * Files the scan could not settle, with their sizes, waiting to be processed: sorted by path order, the next
   * last (takeNext). Before the walk is over, the order found stands in for path order.
   */
  private queue: { index: number; size: number }[] = [];
  private queueSorted = true;
  /** Each file's place in path order, once every file is known (ordered). */
  private position?: Int32Array;
  /** The place of the first result not out yet (ordered): no more than AHEAD files are started past it. */
  private frontier?: () => number;
  /** Places of the files started for processing whose results may not be out yet (takeNext's bound). */
  private readonly ahead = new Set<number>();
  /** takeNext held files back for the frontier: a result that moves it lets them go (feedAll). */
  private held = false;
  private done = 0;
  /** Workers that crashed after they started. */
  private crashes = 0;
  /** This thread, for the files that ran a worker out of heap (redoHere). */
  private heavy?: InThreadHandle;
  /** The workers that have the pipeline loaded, or loading: given a file to process, or told to preload. */
  private readonly warm = new Set<Handle>();
  /** Every file is known: the walk is over (always, unless the pool takes files as the walk finds them). */
  private complete: boolean;
  private stopping = false;
  private finished = false;
  private resolve!: (outcome: Outcome) => void;
  /**
   * Gated (the project-wide pass): files are scanned but none is processed, and the files the scan does not
   * take are not settled, until release() gives the project views (those files may need processing too).
   */
  private released: boolean;
  /** The pool was gated: the project pass loads the pipeline in this thread too (mayProcess). */
  private readonly gated: boolean;
  private views?: Views;
  /** Files the project pass processed already: settled with its result. */
  private planned?: Map<string, FileResult>;
  /** Gated: what the scan left unsettled (no ftplib in them), and what it found to process (paths). */
  private readonly unsettled: number[] = [];
  private readonly candidates: string[] = [];
  /** Gated: files to process held until the project pass says whether it has a view for them. */
  private waiting: { index: number; size: number }[] = [];
  /**
   * Gated, while the plan runs: held files processed meanwhile as if they got no view (in path order, on
   * one core: the plan has the other), their results kept for release() to take or drop (at most WINDOW).
   */
  private guesses: { index: number; size: number }[] = [];
  private readonly guessed = new Map<number, FileResult>();
  private readonly guessing = new Set<number>();
  /** Gated: what the scan noted of each file it read, for the project pass. */
  private readonly imports = new Map<string, FileImports>();
  private scansOut = 0;
  private whenScanned?: (scan: Scan) => void;
  private whenFound?: (found: boolean) => void;
  /** Gated: resolves once every file is scanned (no user when stopped). */
  readonly scanned: Promise<Scan>;
  /** Gated: resolves once the scan finds a file that mentions ftplib (false: it found none, or stopped). */
  readonly found: Promise<boolean>;

  constructor(
    /** The files, in the order given; a pool started during the walk is given more with add(). */
    private readonly files: string[],
    /** Where each file's result goes, as it is known. */
    private readonly onSettled: Settle,
    private readonly setup: Setup,
    private readonly jobs: number,
    private readonly early: WorkerHandle[],
    walking = false,
    planned: Planned = {},
    gated = false,
  ) {
    this.complete = !walking;
    this.views = planned.views;
    this.planned = planned.done;
    this.released = !gated;
    this.gated = gated;
    this.scanned = new Promise((resolve) => (this.whenScanned = resolve));
    this.found = new Promise((resolve) => (this.whenFound = resolve));
  }

  /**
   * Gated: the files to process that the project pass cannot give a view are processed now, alone; in a run
   * that writes nothing, the others too, as a guess, but those it processes itself (`summarised`).
   */
  releaseSome(mayGetView: (file: string) => boolean, summarised: ReadonlySet<string>): void {
    if (this.released || this.finished) return;
    const held = this.waiting;
    this.waiting = [];
    for (const item of held) {
      const file = this.files[item.index];
      if (!mayGetView(file)) this.queue.push(item);
      else {
        this.waiting.push(item);
        // (with --write a guess the plan overrules would have written the file)
        if (!this.setup.workerOptions.write && !summarised.has(file)) this.guesses.push(item);
      }
    }
    this.queueSorted = false;
    // in path order, the next last: their results go out as soon as the plan is done
    this.guesses.sort((a, b) => this.place(b.index) - this.place(a.index));
    this.feedAll();
  }

  /**
   * Gated: processing may begin; `views` are the project pass's, for files the scan did not take, and `done`
   * the files it processed already.
   */
  release(views: Views, done?: Map<string, FileResult>): void {
    if (this.released || this.finished) return;
    this.released = true;
    this.views = views;
    this.planned = done;
    this.guesses = [];
    for (const { index, size } of this.waiting.splice(0)) {
      const guess = this.guessed.get(index);
      // a guess stands for a file the plan gave no view; one still out is taken when it comes
      if (views?.has(this.files[index]) || (!guess && !this.guessing.has(index))) this.take(index, size);
      else if (guess) this.settle(index, guess);
    }
    for (const i of this.unsettled.splice(0))
      if (views?.has(this.files[i])) this.take(i, 0);
      else this.settle(i, unchangedResult(this.files[i]));
    this.feedAll();
  }

  /** A file to process: queued, or settled with the result the project pass has for it. */
  private take(index: number, size: number): void {
    const result = this.planned?.get(this.files[index]);
    if (result) this.settle(index, result);
    else this.enqueue(index, size);
  }

  private checkScanned(): void {
    if (this.released || !this.whenScanned) return;
    if (this.complete && this.scanNext >= this.files.length && this.scansOut === 0) {
      this.whenScanned({ users: this.candidates, imports: this.imports });
      this.whenScanned = undefined;
      this.whenFound?.(this.candidates.length > 0);
    }
  }

  run(): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      const { signal } = this.setup;
      const onAbort = () => this.interrupt();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.resolve = (outcome) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      // Workers started early (the first one has the pipeline loading), then new ones up to `jobs` (feedAll)
      const early = this.early.filter((h) => !h.exited);
      for (const h of early.slice(this.jobs)) h.retire();
      for (const h of early.slice(0, this.jobs)) this.adopt(h);
      // Started during the walk, the pool may come after the signal: then it starts no file
      if (signal?.aborted) this.interrupt();
      this.feedAll();
    });
  }

  /** One more file found by the walk. */
  add(file: string): void {
    this.files.push(file);
    if (this.files.length - this.scanNext >= SCAN_CHUNK) this.feedAll();
  }

  /** The walk is over: no file will be added. */
  end(): void {
    if (this.complete) return;
    this.complete = true;
    this.feedAll();
    this.endWalk();
  }

  private adopt(handle: Handle): void {
    this.handles.add(this.ownedBy(handle));
  }

  private ownedBy<H extends Handle>(handle: H): H {
    handle.owner = this;
    return handle;
  }

  /** Work for every worker, round by round: the two largest files go to two workers, not both to one. */
  private feedAll(): void {
    if (this.finished) return;
    this.held = false;
    this.startWorkers();
    this.warmUp();
    for (let depth = 1; depth <= DEPTH; depth++) for (const h of [...this.handles]) this.feed(h, depth);
    this.maybeFinish();
  }

  /**
   * Whether a worker may be given a file to process: without the project pass, any; with it, one that has the
   * pipeline loaded, the first to load it, or a cold one when enough files wait (FILES_PER_WARM_WORKER).
   */
  private mayProcess(handle: Handle): boolean {
    if (!this.gated || this.warm.has(handle) || this.warm.size === 0) return true;
    return this.toStart() >= FILES_PER_WARM_WORKER * (this.warm.size + 1);
  }

  /** Files to process not started yet: queued, or held for the project pass (gated). */
  private toStart(): number {
    return this.queue.length + this.waiting.length;
  }

  /** Workers that will process load the pipeline now, while they scan what is left. */
  private warmUp(): void {
    if (this.stopping) return;
    for (const h of this.handles)
      if (!this.warm.has(h) && this.toStart() > 0 && this.mayProcess(h)) {
        this.warm.add(h);
        h.send({ type: 'preload' });
      }
  }

  /**
   * Up to `jobs` workers while there is work to hand out (so a crashed one is replaced); when none can be
   * started and none is left, this thread does the work.
   */
  private startWorkers(): void {
    while (this.handles.size < this.jobs && !this.stopping && this.hasWork()) {
      const handle = this.tooManyCrashes() ? undefined : tryStartWorker(this.setup);
      if (handle) this.adopt(handle);
      else {
        if (this.handles.size === 0) this.adopt(new InThreadHandle(this.setup));
        return;
      }
    }
  }

  /**
   * A bound on replacements whatever crashes the workers: a crash at work costs a file its result (or a scan
   * chunk its scan), so workers that crash more often than there are files crash on their own.
   */
  private tooManyCrashes(): boolean {
    return this.crashes > this.files.length;
  }

  /** Gives a worker work until it holds `depth` requests or there is none to give. */
  private feed(handle: Handle, depth = DEPTH): void {
    if (handle === this.heavy) return; // it takes only the files redoHere gives it
    while (!this.stopping && !this.finished && handle.outstanding.length < depth) {
      let msg: ToWorker;
      // A file to process goes to a worker not processing one yet: done while the walk and the scan go on, the
      // big files are not all left for the end. Otherwise scan, in whole chunks while the walk goes on.
      const unscanned = this.files.length - this.scanNext;
      const scannable = unscanned >= SCAN_CHUNK || (this.complete && unscanned > 0);
      const processing = handle.outstanding.some((r) => r.kind === 'process');
      const may = this.queue.length > 0 || this.guesses.length > 0 ? this.mayProcess(handle) : false;
      const index = may && this.queue.length && (!processing || !scannable) ? this.takeNext() : undefined;
      if (index !== undefined) {
        this.warm.add(handle);
        handle.outstanding.push({ kind: 'process', index });
        msg = this.processMessage(index);
      } else if (
        may &&
        this.guesses.length &&
        !this.released &&
        !processing &&
        this.guessing.size < Math.max(1, this.jobs - 1) &&
        // their results wait for release(): a bound on them too
        this.guessed.size + this.guessing.size < WINDOW
      ) {
        const { index } = this.guesses.pop()!;
        this.guessing.add(index);
        this.warm.add(handle);
        handle.outstanding.push({ kind: 'process', index, guess: true });
        msg = { type: 'process', index, file: this.files[index] };
      } else if (scannable) {
        const start = this.scanNext;
        const end = Math.min(this.files.length, start + SCAN_CHUNK);
        this.scanNext = end;
        handle.outstanding.push({ kind: 'scan', start, end });
        this.scansOut++;
        msg = { type: 'scan', start, files: this.files.slice(start, end) };
        if (!this.released) msg.imports = true;
      } else break;
      handle.send(msg);
    }
  }

  private processMessage(index: number): ToWorker {
    const file = this.files[index];
    const project = this.views?.get(file);
    return { type: 'process', index, file, ...(project ? { project } : {}) };
  }

  /** Every file is known: from now on the files to process are taken in path order. */
  ordered({ position, frontier }: Ordering): void {
    this.position = position;
    this.frontier = frontier;
    this.queueSorted = false;
  }

  /** A file's place in path order (before the walk is over, in the order found). */
  private place(index: number): number {
    return this.position ? this.position[index] : index;
  }

  /**
   * The largest of the files within WINDOW places after the next one in path order: results go out in path
   * order, so a file done far ahead of the others would wait, its result held meanwhile; among the next few,
   * the largest first still keeps one big file from being left for the end while the other workers wait.
   * The next one is taken once it is the largest left there, after fewer than WINDOW others. Once AHEAD files
   * are started past the first result not out yet (a slow file, a thread the system put aside), only that
   * first file itself is: then fewer than AHEAD processed results wait, whatever the scheduling.
   */
  private takeNext(): number | undefined {
    const { queue } = this;
    if (!this.queueSorted) {
      queue.sort((a, b) => this.place(b.index) - this.place(a.index));
      this.queueSorted = true;
    }
    const first = this.place(queue[queue.length - 1].index);
    let end = first + WINDOW;
    if (this.frontier) {
      const frontier = this.frontier();
      for (const place of this.ahead) if (place < frontier) this.ahead.delete(place);
      if (this.ahead.size >= AHEAD) end = first === frontier ? first + 1 : first;
    }
    let best = -1;
    for (let k = queue.length - 1; k >= 0 && this.place(queue[k].index) < end; k--)
      if (best < 0 || queue[k].size > queue[best].size) best = k;
    if (best < 0) {
      this.held = true;
      return undefined;
    }
    const { index } = queue.splice(best, 1)[0];
    if (this.frontier) this.ahead.add(this.place(index));
    return index;
  }

  private enqueue(index: number, size: number): void {
    if (!this.released) return void this.waiting.push({ index, size });
    this.queue.push({ index, size });
    this.queueSorted = false;
  }

  onMessage(handle: Handle, msg: FromWorker): void {
    const req = handle.outstanding.shift();
    if (msg.type === 'scanned' && req?.kind === 'scan') {
      this.scansOut--;
      msg.imports?.forEach((noted, k) => noted && this.imports.set(this.files[req.start + k], noted));
      let c = 0;
      for (let i = req.start; i < req.end; i++) {
        if (c < msg.candidates.length && msg.candidates[c] === i) {
          this.take(i, msg.sizes[c]);
          if (!this.released) this.candidates.push(this.files[i]);
          c++;
        } else if (!this.released) this.unsettled.push(i);
        else if (this.views?.has(this.files[i])) this.take(i, 0);
        else this.settle(i, unchangedResult(this.files[i]));
      }
      if (this.candidates.length) this.whenFound?.(true);
      this.checkScanned();
      // New files to process: any worker may take them
      this.feedAll();
      return;
    }
    if (msg.type === 'result') {
      const result = msg.same ? { ...msg.result, after: msg.result.before } : msg.result;
      if (req?.kind === 'process' && req.guess) this.guessDone(req.index, result);
      else this.settle(msg.index, result);
    } else if (req?.kind === 'process' && req.guess) this.guessing.delete(req.index);
    // 'dropped': stopped before it started; nothing to record
    if (this.held)
      this.feedAll(); // the frontier may have moved: files held back for it may go
    else this.feed(handle);
    this.maybeFinish();
  }

  /** A guess's result: kept until release(), then taken unless the file got a view (processed again then). */
  private guessDone(index: number, result: FileResult): void {
    this.guessing.delete(index);
    if (!this.released) this.guessed.set(index, result);
    else if (!this.views?.has(this.files[index])) this.settle(index, result);
  }

  onMessageError(handle: Handle, err: unknown): void {
    const req = handle.outstanding.shift();
    const why = oneLine(err);
    if (req) this.unanswered(req, `internal error: an answer from a worker could not be read: ${why}`);
    this.feedAll();
  }

  private settle(index: number, result: FileResult): void {
    this.done++;
    this.onSettled(index, result);
    this.setup.onProgress?.(this.done, this.files.length);
  }

  /** A worker that stopped: ours (retiring), one that never started, or a crash. */
  onExit(handle: WorkerHandle, code: number): void {
    this.handles.delete(handle);
    this.warm.delete(handle);
    if (handle.retiring || this.finished) return;
    if (!handle.ready) {
      // It started on none of its requests: no file is to blame (and tryStartWorker starts no more)
      for (const req of handle.outstanding) this.handOut(req);
    } else {
      this.crashes++;
      // The request it was on is the one that crashed it; the others it held are handed out again
      const [current, ...rest] = handle.outstanding;
      const why = handle.error ?? `exited with code ${code}`;
      if (current?.kind === 'process' && handle.outOfMemory && this.setup.roomToRedo) this.redoHere(current);
      else if (current) this.unanswered(current, `crashed a worker thread: ${why}`);
      for (const req of rest) this.handOut(req);
    }
    // Also what finishes: the crashed file may have been the last, with no worker left
    this.feedAll();
  }

  /**
   * A file whose processing ran a worker out of heap (its limit is workerLimits'): processed again in this
   * thread, whose heap is V8's own (or the user's --max-old-space-size), one such file at a time.
   */
  private redoHere(req: Request & { kind: 'process' }): void {
    this.heavy ??= this.ownedBy(new InThreadHandle(this.setup));
    this.heavy.outstanding.push(req);
    const file = this.files[req.index];
    const project = req.guess ? undefined : this.views?.get(file);
    this.heavy.send({ type: 'process', index: req.index, file, ...(project ? { project } : {}) });
  }

  /**
   * A request that gets no answer: a file to process is an error result, never retried (so a file that would
   * crash every worker crashes one); a scan chunk's files are processed one by one, which isolates the one at
   * fault.
   */
  private unanswered(req: Request, error: string): void {
    if (req.kind === 'scan') return this.handOut(req);
    // a guess that crashed: what processing the file alone gives (never retried, unless it gets a view)
    if (req.guess) return this.guessDone(req.index, errorResult(this.files[req.index], error));
    const file = this.files[req.index];
    this.settle(req.index, errorResult(file, error));
  }

  /** A request not started, for another worker: a file to process goes first, a scan chunk file by file. */
  private handOut(req: Request): void {
    if (req.kind === 'process' && req.guess) {
      this.guessing.delete(req.index);
      if (!this.released) this.guesses.push({ index: req.index, size: Number.MAX_SAFE_INTEGER });
      else if (!this.views?.has(this.files[req.index])) this.take(req.index, Number.MAX_SAFE_INTEGER);
      return;
    }
    if (req.kind === 'process') return this.enqueue(req.index, Number.MAX_SAFE_INTEGER);
    for (let i = req.start; i < req.end; i++) this.enqueue(i, 0);
    // a scan chunk's files are processed one by one instead; for the project pass they are found files
    // (it checks each for ftplib itself)
    this.scansOut--;
    if (!this.released) for (let i = req.start; i < req.end; i++) this.candidates.push(this.files[i]);
    this.checkScanned();
  }

  /** The walk is over: a gated pool may have scanned everything already. */
  private endWalk(): void {
    this.checkScanned();
  }

  private hasWork(): boolean {
    return this.scanNext < this.files.length || this.queue.length > 0;
  }

  interrupt(): void {
    if (this.stopping || this.finished) return;
    this.stopping = true;
    this.whenScanned?.({ users: [], imports: this.imports });
    this.whenScanned = undefined;
    this.whenFound?.(false);
    Atomics.store(new Int32Array(this.setup.stop), 0, 1);
    this.maybeFinish();
  }

  private maybeFinish(): void {
    if (this.finished) return;
    if (!this.released && !this.stopping) return; // the project pass has not said what to process
    for (const h of this.handles) if (h.outstanding.length) return;
    if (this.heavy?.outstanding.length) return;
    const all = this.complete && this.done === this.files.length;
    if (!all && !this.stopping) return; // more to come from the walk, or from workers still to be fed
    this.finished = true;
    for (const h of this.handles) h.retire();
    this.heavy?.retire();
    this.resolve({ interrupted: !all });
  }
}
