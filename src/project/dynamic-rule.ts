// `importlib.import_module("app.net")` and `__import__("app.net")` with a literal name: which module the call
// imports and which it gives back. One rule, read two ways: on a call of the tree, for a file's analysis
// (dynamic-import.ts: the callee is known through the bindings, whatever alias), and on the import lines the
// scan noted, for the import graph (modules.ts). Both give this rule the arguments' texts; only the callee
// is found two ways. The graph's is a wider guess than the bindings' for the ways code spells it: any name
// spelled `import_module` or `__import__` (a module before it or not), and any name bound to one by
// `import_module as load` or an assignment alone on its line (`load = importlib.import_module`, an alias of
// an alias). A callee the bindings reach otherwise (a chained assignment, a function that returns it) is
// followed only in a file the plan connects for another reason. A name that is not a literal says nothing:
// which module it is cannot be known. Kept free of imports: the scan (imports.ts) reads aliases with it.

export type DynamicHow = 'import_module' | '__import__';

/** A call's arguments as texts: positional ones in order, keyword ones by name. */
export interface ArgumentTexts {
  positional: string[];
  keywords: Map<string, string>;
}

/** A module named as an import line names it: `level` dots before `module`, or below a literal `package`. */
export interface ModuleSpec {
  level: number;
  module: string;
  /** `import_module(".net", "app")`: relative to this package, not to the caller's. */
  package?: string;
}

export interface DynamicTarget {
  /** The module the call imports (runs). */
  imports: ModuleSpec;
  /** What it gives back: that module, or (`__import__` without a fromlist) the package it starts with. */
  gives: ModuleSpec;
}

const DOTTED = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

/**
 * `import_module(name, package)`: the module named, relative to `package` (a literal or `__package__`);
 * `__import__(name, globals, locals, fromlist, level)`: the module named (relative to the caller's package
 * when `level` is a positive literal and `globals()` is given), giving it back with a non-empty fromlist, else
 * the package its name starts with.
 */
export function dynamicTarget(how: DynamicHow, args: ArgumentTexts): DynamicTarget | undefined {
  const arg = (position: number, keyword: string) =>
    args.keywords.get(keyword) ?? (position < args.positional.length ? args.positional[position] : undefined);
  const name = literal(args.positional[0]);
  if (name === undefined) return undefined;
  const dots = /^\.*/.exec(name)![0].length;
  const rest = name.slice(dots);
  if (rest === '' ? dots === 0 : !DOTTED.test(rest)) return undefined;
  if (how === 'import_module') {
    if (dots === 0) return same({ level: 0, module: rest });
    const pkg = arg(1, 'package');
    if (bare(pkg) === '__package__') return same({ level: dots, module: rest });
    const literalPkg = literal(pkg);
    return literalPkg && DOTTED.test(literalPkg)
      ? same({ level: dots, module: rest, package: literalPkg })
      : undefined;
  }
  if (dots > 0) return undefined;
  const levelText = bare(arg(4, 'level'));
  const level = levelText === undefined ? 0 : /^\d+$/.test(levelText) ? Number(levelText) : undefined;
  if (level === undefined || (level === 0 && rest === '')) return undefined;
  // (relative to the package the globals name: the caller's, when they are its own)
  if (level > 0 && bare(arg(1, 'globals')) !== 'globals()') return undefined;
  const imports = { level, module: rest };
  if (nonEmptyFromlist(arg(3, 'fromlist'))) return { imports, gives: imports };
  return { imports, gives: { level, module: rest.split('.')[0] } };
}

function same(spec: ModuleSpec): DynamicTarget {
  return { imports: spec, gives: spec };
}

/** The text without blanks (`globals( )` is `globals()`). */
function bare(text: string | undefined): string | undefined {
  return text?.replace(/\s+/g, '');
}

/** A plain string literal's value (`"app.net"`, `u'app'`); undefined for anything else. */
function literal(text: string | undefined): string | undefined {
  const m = text === undefined ? null : /^[uU]?(['"])([\w.]*)\1$/.exec(text.trim());
  return m ? m[2] : undefined;
}

/** A `fromlist` that makes `__import__` give the module itself: any but none, `None`, `[]` or `()`. */
function nonEmptyFromlist(fromlist: string | undefined): boolean {
  const text = bare(fromlist);
  return text !== undefined && !['None', '[]', '()'].includes(text);
}

/**
 * The names a file binds to import_module or `__import__` (`from importlib import import_module as load`,
 * `load = importlib.import_module`, `again = load`), read from its text; `at`: where each assignment of one is.
 */
export function dynamicAliases(text: string): { names: Map<string, DynamicHow>; at: number[] } {
  const names = new Map<string, DynamicHow>();
  const at: number[] = [];
  for (const m of text.matchAll(IMPORTED_AS)) names.set(m[2], m[1] as DynamicHow);
  const assignments = [...text.matchAll(ASSIGNED)];
  // (an alias of an alias: until no assignment gives a new one)
  for (let grew = true; grew;) {
    grew = false;
    for (const m of assignments) {
      const how = m[2] === 'import_module' || m[2] === '__import__' ? m[2] : names.get(m[2]);
      if (!how || names.has(m[1])) continue;
      names.set(m[1], how);
      at.push(m.index);
      grew = true;
    }
  }
  return { names, at };
}

const IMPORTED_AS = /\b(import_module|__import__)[ \t]+as[ \t]+(\w+)/g;
/** `name = [dotted.]name` alone on its line (an annotation, parentheses and a comment may be there too). */
const ASSIGNED =
  /^[ \t]*(\w+)[ \t]*(?::[^=\n]+)?=[ \t]*\(?[ \t]*(?:[\w.]+\.)?(\w+)[ \t]*\)?[ \t]*(?:#[^\n]*)?$/gm;

/**
 * The arguments of the call whose `(` is just before `from`, as texts, read up to its `)` (or the text's end):
 * split at the commas outside brackets and strings, comments left out.
 */
export function argumentTexts(text: string, from: number): ArgumentTexts {
  const all: string[] = [];
  let depth = 0;
  let current = '';
  let i = from;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = stringEnd(text, i);
      current += text.slice(i, end);
      i = end - 1;
    } else if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end - 1;
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
      current += c;
    } else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) break;
      depth--;
      current += c;
    } else if (c === ',' && depth === 0) {
      all.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim()) all.push(current.trim());
  const out: ArgumentTexts = { positional: [], keywords: new Map() };
  for (const a of all) {
    const keyword = /^(\w+)\s*=(?!=)/.exec(a);
    if (keyword) out.keywords.set(keyword[1], a.slice(keyword[0].length).trim());
    else out.positional.push(a);
  }
  return out;
}

/** Where the string starting with the quote at `start` ends (after its closing quote; a line's end at most). */
function stringEnd(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote || text[i] === '\n') return i + 1;
  }
  return text.length;
}
