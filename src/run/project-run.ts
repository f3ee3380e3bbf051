// The project-wide pass of a run (src/project/): the plan, fed by the pool's scan, and what it tells the pool.
import { oneLine } from '../errors.js';
import type { Pool, Views } from './pool.js';
import type { Processed } from './process-file.js';
import type { FileImports } from '../project/imports.js';
import type { ProjectPlan } from '../project/plan.js';
import type { Setup } from './run-setup.js';
import type { FileResult } from '../types.js';

/** The project pass's outcome for the run. */
export interface Planned {
  /** Each connected file's view. */
  views?: Views;
  /** Connected modules the plan processed as their views would: their results (written, with --write). */
  done?: Map<string, FileResult>;
  /** Why the plan failed (then there are no views). */
  projectError?: string;
  /** The files it could not analyse (`path: why`). */
  projectFailed?: string[];
}

/**
 * The project-wide pass of a run. With a gated pool (started during the walk), the workers' scan found the
 * ftplib users and noted every file's imports: no user, no plan (a tree without ftplib costs nothing more);
 * the files the plan cannot reach are processed while it runs, and the pool is released when it is done. A
 * plan that fails leaves each file to be analysed alone: the run goes on, and says why (projectError).
 */
export async function planProjectRun(
  paths: string[],
  files: string[],
  setup: Setup,
  pool: Pool | undefined,
): Promise<Planned> {
  // the plan's code loads and the parser starts as soon as the scan finds a user, while the scan goes on
  const code = (pool?.found ?? Promise.resolve(true)).then((found) => (found ? planCode() : undefined));
  code.catch(() => undefined); // (a run that returns before it is awaited)
  const planned: Planned = {};
  try {
    let imports: Map<string, FileImports> | undefined;
    if (pool) {
      const scan = await pool.scanned;
      if (scan.users.length === 0 || setup.signal?.aborted) return planned;
      imports = scan.imports;
    }
    const [{ planProject }, { BUILTIN_TRANSFORMS }] = (await code) ?? (await planCode());
    // the built-in transforms only: a module's summary is about ftplib, and a custom transform runs once per
    // file, in the workers, never here (so only without one does the plan's processing stand for the run's)
    const all = await setup.transforms();
    const transforms = all.filter((t) => BUILTIN_TRANSFORMS.includes(t));
    const result: ProjectPlan | undefined = await planProject(paths, files, {
      ...setup.workerOptions,
      transforms,
      signal: setup.signal,
      imports,
      onReach: pool && ((mayGetView, summarised) => pool.releaseSome(mayGetView, summarised)),
      reuse: transforms.length === all.length,
    }).catch((err: unknown) => {
      planned.projectError = oneLine(err);
      return undefined;
    });
    planned.views = result?.views;
    if (result?.failed) planned.projectFailed = result.failed;
    if (result?.processed?.size) planned.done = await written(result.processed, setup);
  } finally {
    pool?.release(planned.views, planned.done);
  }
  return planned;
}

/** What the project pass runs on; the parser started (a failure is the plan's to meet). */
function planCode() {
  return Promise.all([
    import('../project/plan.js'),
    import('../../transforms/index.js'),
    import('../parser.js').then(({ initParser }) => initParser().catch(() => undefined)),
  ]);
}

/** The plan's processed modules, written with --write (those left once the run is stopped are not). */
async function written(processed: Map<string, Processed>, setup: Setup): Promise<Map<string, FileResult>> {
  const { writeProcessed } = await import('./process-file.js');
  const out = new Map<string, FileResult>();
  for (const [file, p] of processed) {
    if (setup.signal?.aborted) break;
    out.set(file, await writeProcessed(file, p, setup.workerOptions));
  }
  return out;
}
