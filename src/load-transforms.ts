// Turns transform names from options (built-in names, or paths of user modules) into Transform objects.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILTIN_TRANSFORMS } from '../transforms/index.js';
import type { Transform } from './types.js';

export interface TransformSelection {
  /** Built-in names and/or module paths (`./my-transform.js`); custom modules run after the built-ins. */
  transforms?: string[];
  /** Adds the opt-in ssl-context transform. */
  sslContext?: boolean;
  cwd?: string;
}

export class TransformLoadError extends Error {}

function isModulePath(name: string): boolean {
  return /[\\/]/.test(name) || /\.[cm]?js$/.test(name);
}

export async function loadTransforms(selection: TransformSelection = {}): Promise<Transform[]> {
  const names = selection.transforms ?? [];
  const builtinNames = names.filter((n) => !isModulePath(n));
  const modulePaths = names.filter(isModulePath);
  for (const name of builtinNames) {
    if (!BUILTIN_TRANSFORMS.some((t) => t.name === name))
      throw new TransformLoadError(`unknown transform '${name}' (see --list-transforms)`);
  }
  // No built-in named: the default pipeline (custom modules are added after it)
  const wanted = new Set(
    builtinNames.length ? builtinNames : BUILTIN_TRANSFORMS.filter((t) => !t.optIn).map((t) => t.name),
  );
  if (selection.sslContext) wanted.add('ssl-context');
  const chosen = BUILTIN_TRANSFORMS.filter((t) => wanted.has(t.name));
  for (const file of modulePaths)
    chosen.push(await loadModule(path.resolve(selection.cwd ?? process.cwd(), file)));
  return chosen;
}

async function loadModule(file: string): Promise<Transform> {
  let mod: Record<string, unknown>;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (err) {
    throw new TransformLoadError(`cannot load transform ${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  const candidate = (mod.default ?? mod.transform) as Partial<Transform> | undefined;
  if (!candidate || typeof candidate.run !== 'function' || typeof candidate.name !== 'string')
    throw new TransformLoadError(
      `${file} does not export a transform (default export { name, description, run(ctx) })`,
    );
  return candidate as Transform;
}
