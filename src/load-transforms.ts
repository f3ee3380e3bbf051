// Turns a transform selection (built-in names, paths of user modules, Transform objects) into the Transform
// objects to run, in order. User transforms are checked here once, so a broken one is one clear error.
// Checking a selection (selectTransforms) loads the user's modules but not the built-ins' code, which a run
// loads only once a file needs the pipeline (materialize): a file without ftplib never does.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TransformLoadError } from './errors.js';
import { BUILTIN_CATALOG, BUILTIN_NAMES } from '../transforms/catalog.js';
import type { Edit, FindingStatus, RawFinding, Transform, TransformResult } from './types.js';

export { TransformLoadError };

export interface TransformSelection {
  /**
   * Built-in transform names, paths of transform modules (`./my-transform.js`, relative to `cwd`), and (library
   * use) Transform objects. Naming built-ins runs only those; naming none runs every built-in that is not
   * opt-in. Modules and objects always run after the built-ins, in the order given.
   */
  transforms?: (string | Transform)[];
  /** Adds the opt-in ssl-context transform. */
  sslContext?: boolean;
  /** Where relative module paths start; the current directory unless told. */
  cwd?: string;
}

/** A selection checked: the built-ins it runs (by name, in their order), then its own transforms, loaded. */
export interface SelectedTransforms {
  builtins: string[];
  custom: Transform[];
}

function isModulePath(name: string): boolean {
  return /[\\/]/.test(name) || /\.[cm]?js$/.test(name);
}

export async function loadTransforms(selection: TransformSelection = {}): Promise<Transform[]> {
  return materialize(await selectTransforms(selection));
}

/** The Transform objects of a checked selection (loads the built-ins). */
export async function materialize(selected: SelectedTransforms): Promise<Transform[]> {
  const { BUILTIN_TRANSFORMS } = await import('../transforms/index.js');
  return [...BUILTIN_TRANSFORMS.filter((t) => selected.builtins.includes(t.name)), ...selected.custom];
}

/** Checks a selection and loads its transform modules: every error loadTransforms can have, and nothing more. */
export async function selectTransforms(selection: TransformSelection = {}): Promise<SelectedTransforms> {
  // A Transform object may be a built-in itself (the same as its name): only then are the built-ins needed
  const objects = selection.transforms?.some((t) => typeof t !== 'string');
  const builtins = objects ? (await import('../transforms/index.js')).BUILTIN_TRANSFORMS : [];
  const builtinNames: string[] = [];
  const custom: (string | Transform)[] = [];
  for (const entry of selection.transforms ?? []) {
    if (typeof entry !== 'string') {
      // a built-in passed as an object is the same as its name
      if (builtins.includes(entry)) builtinNames.push(entry.name);
      else custom.push(entry);
    } else if (isModulePath(entry)) custom.push(entry);
    else if (BUILTIN_NAMES.includes(entry)) builtinNames.push(entry);
    else throw new TransformLoadError(`unknown transform '${entry}' (see --list-transforms)`);
  }
  // No built-in named: the default pipeline (custom transforms are added after it)
  const wanted = new Set(
    builtinNames.length ? builtinNames : BUILTIN_CATALOG.filter((t) => !t.optIn).map((t) => t.name),
  );
  if (selection.sslContext) wanted.add('ssl-context');
  const chosen = BUILTIN_NAMES.filter((name) => wanted.has(name));

  const loaded: Transform[] = [];
  const seenFiles = new Set<string>();
  for (const entry of custom) {
    let transform: Transform;
    let origin: string;
    if (typeof entry === 'string') {
      const file = path.resolve(selection.cwd ?? process.cwd(), entry);
      if (seenFiles.has(file)) continue; // the same module named twice runs once
      seenFiles.add(file);
      transform = await loadModule(file, entry);
      origin = entry;
    } else {
      transform = checkShape(entry, 'the transform object');
      origin = `transform object '${String(entry.name)}'`;
    }
    if (BUILTIN_NAMES.includes(transform.name) || loaded.some((t) => t.name === transform.name))
      throw new TransformLoadError(
        `${origin}: the transform name '${transform.name}' is already taken; findings are reported under ` +
          "their transform's name, so give this one another",
      );
    loaded.push(guarded(transform));
  }
  return { builtins: chosen, custom: loaded };
}

async function loadModule(file: string, given: string): Promise<Transform> {
  if (!fs.existsSync(file)) throw new TransformLoadError(`transform module ${given} not found (${file})`);
  let mod: Record<string, unknown>;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (err) {
    throw new TransformLoadError(`cannot load transform ${given}: ${await describeLoadError(err, file)}`);
  }
  const candidate = mod.default ?? mod.transform;
  return checkShape(candidate, given);
}

/** A transform needs a name (its findings' rule id) and a run function. */
function checkShape(candidate: unknown, origin: string): Transform {
  const t = candidate as Partial<Transform> | undefined;
  if (!t || typeof t !== 'object' || typeof t.run !== 'function' || typeof t.name !== 'string')
    throw new TransformLoadError(
      `${origin} does not export a transform: expected a default export { name, description, run(ctx) }`,
    );
  if (!/^[A-Za-z0-9][\w.-]*$/.test(t.name))
    throw new TransformLoadError(
      `${origin}: transform name '${t.name}' must be letters, digits, '-', '_' or '.' (it is the findings' rule id)`,
    );
  return t as Transform;
}

/**
 * A user transform runs inside a wrapper that checks what it returns: an edit outside the text or a malformed
 * finding becomes "transform X failed: ..." for that file (an error, nothing written) instead of crashing the
 * run or being applied wrongly. Findings without a rule get the transform's name; a missing description one.
 */
function guarded(t: Transform): Transform {
  return {
    name: t.name,
    description: typeof t.description === 'string' ? t.description : `custom transform ${t.name}`,
    ...(typeof t.helpUri === 'string' ? { helpUri: t.helpUri } : {}),
    run(ctx) {
      const result = t.run(ctx) as TransformResult | undefined;
      if (!result || typeof result !== 'object' || !Array.isArray(result.findings))
        throw new Error('run() must return { findings: [...], edits?: [...] }');
      const length = ctx.source.length;
      if (result.edits !== undefined && !Array.isArray(result.edits))
        throw new Error('run() returned edits that are not an array');
      for (const e of result.edits ?? []) checkEdit(e, length);
      const findings = result.findings.map((f: RawFinding) => {
        checkFinding(f, length);
        for (const e of f.edits ?? []) checkEdit(e, length);
        return f.rule ? f : { ...f, rule: t.name };
      });
      return { edits: result.edits, findings };
    },
  };
}

const STATUSES: readonly FindingStatus[] = ['fixed', 'suppressed', 'manual'];

function checkEdit(e: Edit, length: number): void {
  if (
    !e ||
    !Number.isInteger(e.start) ||
    !Number.isInteger(e.end) ||
    e.start < 0 ||
    e.start > e.end ||
    e.end > length ||
    typeof e.text !== 'string'
  )
    throw new Error(
      `invalid edit ${JSON.stringify(e)}: need integer 0 <= start <= end <= ${length} (UTF-16 offsets in ctx.source) and text`,
    );
}

function checkFinding(f: RawFinding, length: number): void {
  if (
    !f ||
    !Number.isInteger(f.start) ||
    !Number.isInteger(f.end) ||
    f.start < 0 ||
    f.start > f.end ||
    f.end > length ||
    !STATUSES.includes(f.status) ||
    typeof f.message !== 'string' ||
    (f.edits !== undefined && !Array.isArray(f.edits))
  )
    throw new Error(
      `invalid finding ${JSON.stringify({ ...f, edits: undefined })}: need start/end offsets in ctx.source, status fixed|suppressed|manual and a message`,
    );
}

/** One line: a syntax error gets its line number (Node's import() error does not carry it). */
async function describeLoadError(err: unknown, file: string): Promise<string> {
  const e = err as Error;
  const first = (e?.message ?? String(err)).split('\n')[0];
  if (e?.name !== 'SyntaxError') return first;
  const { spawnSync } = await import('node:child_process');
  const check = spawnSync(
    process.execPath,
    ['--check', `--input-type=${file.endsWith('.cjs') ? 'commonjs' : 'module'}`],
    { input: fs.readFileSync(file), encoding: 'utf8', timeout: 10_000 },
  );
  const line = /^\[stdin\]:(\d+)/m.exec(check.stderr ?? '')?.[1];
  return `SyntaxError: ${first}${line ? ` (line ${line})` : ''}`;
}
