// The built-in transforms by name, in the order they run, without their code: what a selection (--transform,
// a configuration's `transforms`) is checked against before any file needs them. index.ts holds the
// transforms themselves; a test keeps the two the same.
export interface BuiltinEntry {
  name: string;
  /** Runs only when asked for (see Transform.optIn). */
  optIn?: boolean;
}

export const BUILTIN_CATALOG: readonly BuiltinEntry[] = [
  { name: 'ftp-to-ftp-tls' },
  { name: 'hardcoded-credentials' },
  { name: 'prot-p' },
  { name: 'ssl-context', optIn: true },
  { name: 'mock-targets' },
];

export const BUILTIN_NAMES: readonly string[] = BUILTIN_CATALOG.map((t) => t.name);
