// Bindings analysis, one pass shared by all transforms: which names, per Python scope, are bound to the module
// ftplib, to ftplib.FTP / FTP_TLS (or a subclass), and which receivers (names, self.attr, `self` in a
// subclass's methods) hold connections. Values are flow-insensitive: every binding of a name in its scope counts.
// Conservative by design: a name with any binding we cannot explain (a later `FTP = Mock`, a local
// `class FTP`) is not ftplib's, so nothing is rewritten through it.
import type { Node, Tree } from 'web-tree-sitter';
import { Flow } from './flow.js';
import {
  container,
  merge,
  mergeChoice,
  type ClassValue,
  type ConnValue,
  type FtplibClass,
  type FunctionValue,
  type Value,
} from './value.js';
import { NodeFacts } from './node-facts.js';
import { importedFromProject, memberOf, projectModule, starMember, starRenamed } from '../project/values.js';
import { starOrder } from '../project/star.js';
import { liveSites } from './rebinding.js';
import { isCallable } from './callables.js';
import type { ProjectView } from '../project/types.js';
import { lowerBound } from '../sorted.js';
import { callArguments, methodsOf, positionalBases } from '../syntax.js';
import type { Edit } from '../types.js';

/** The standard library names the flow follows through (wrappers that hand a connection back). */
const KNOWN_MODULES = new Set(['contextlib', 'functools', 'importlib']);
const KNOWN_NAMES = new Set([
  'contextlib.closing',
  'contextlib.contextmanager',
  'contextlib.ExitStack',
  'functools.partial',
  'importlib.import_module',
]);

const OTHER: Value = { kind: 'other' };
const NONE: Value = { kind: 'none' };

type ScopeKind = 'module' | 'class' | 'function' | 'comprehension';

export interface Scope {
  kind: ScopeKind;
  node: Node;
  parent?: Scope;
  bindings: Map<string, BindingSite[]>;
  globals: Set<string>;
  nonlocals: Set<string>;
  /** `from X import *` seen in this scope: each X as written (`.net` keeps its dots). */
  starModules: string[];
  /** The line of each of them (1-based), in the same order. */
  starLines: number[];
  /** Their statements, in the same order. */
  starStatements: Node[];
  /** For a method: the name of its first parameter (`self`) and the class scope. */
  selfName?: string;
  classScope?: Scope;
}

/** iterate: a `for` target, `value` the iterable. */
export type BindingKind =
  'import' | 'from-import' | 'def' | 'class' | 'assign' | 'param' | 'iterate' | 'other';

export interface BindingSite {
  kind: BindingKind;
  /** The identifier (or for imports, the import's name node) that binds. */
  node: Node;
  scope: Scope;
  /** assign / with: the value expression; param: the parameter node. */
  value?: Node;
  /** import: the dotted module; from-import: the module and the imported name. */
  module?: string;
  importedName?: string;
  /** The import statement or name node (dotted_name / aliased_import) for imports. */
  statement?: Node;
  importName?: Node;
  /** Inside an `except ImportError:` handler: a fallback, it does not make the name ambiguous. */
  fallback?: boolean;
  /** param: its position among the positional parameters (self counts); undefined for keyword-only ones. */
  paramIndex?: number;
  /** def: the function_definition (a name's parent is a trip into tree-sitter that walks down from the root). */
  def?: Node;
  /** iterate: the name's position in the target it is unpacked into (`for name, make in pairs`). */
  unpack?: number;
}

/** What a name resolves to: the scope that binds it, its binding sites there and that scope's star imports. */
export interface Found {
  scope: Scope;
  sites: BindingSite[];
  star: string[];
}

/** A direct reference to ftplib.FTP or FTP_TLS: an identifier bound by `from ftplib import FTP`, or `mod.FTP`. */
export interface ClassReference {
  node: Node;
  name: FtplibClass;
  /** identifier: bound by from-import (or star); attribute: `ftplib.FTP` through the module. */
  via: 'name' | 'attribute' | 'star';
  /** For via name: the from-import bindings it resolves to. */
  bindings: BindingSite[];
  scope: Scope;
}

/** What a call calls: its `function` child, that child's type and, for `x.name(...)`, the attribute's name. */
export interface Callee {
  fn: Node | null;
  type: string | undefined;
  /** `name` of `x.name(...)`; undefined when the callee is not an attribute. */
  attribute: string | undefined;
}

/** Node types `visit` handles itself: everything else only matters for what it contains. */
const VISITED = new Set([
  'function_definition',
  'lambda',
  'class_definition',
  'import_statement',
  'import_from_statement',
  'assignment',
  'augmented_assignment',
  'for_statement',
  'for_in_clause',
  'with_item',
  'except_clause',
  'named_expression',
  'global_statement',
  'nonlocal_statement',
  'list_comprehension',
  'set_comprehension',
  'dictionary_comprehension',
  'generator_expression',
]);

/** What the constructor asks tree-sitter for: the nodes it visits, and calls and annotations for the transforms. */
const INDEXED_TYPES = [...VISITED, 'call', 'type', 'decorated_definition'];

const COMPREHENSIONS = new Set([
  'list_comprehension',
  'set_comprehension',
  'dictionary_comprehension',
  'generator_expression',
]);

export class Bindings {
  readonly module: Scope;
  private readonly scopes = new Map<number, Scope>();
  /** While visiting: the innermost except clause around us (within this def/class) catches ImportError. */
  private inImportHandler = false;
  private intervals?: { start: number; end: number; scope: Scope }[];
  private readonly ranges = new Map<Scope, { start: number; end: number }>();
  /** Identifiers that bind rather than use a name. */
  private readonly bindingIds = new Set<number>();
  /** self.attr assignments per class scope: "classNodeId:attr" -> value expressions. */
  private readonly attrValues = new Map<string, Node[]>();
  // (the evaluation state, made afresh by renamedToTls: not readonly)
  private memo = new Map<number, Value>();
  private attrMemo = new Map<string, Value>();
  /** valueOf's answers by node id, for questions asked while nothing else is being evaluated. */
  private exprMemo = new Map<number, Value>();
  /** projectStar's answers, by the star modules and the name. */
  private starMemo = new Map<string, Value | undefined>();
  /** Binding sites (node ids) and attributes ("classId:attr") being evaluated, to cut cycles. */
  private evaluating = new Set<number | string>();
  /**
   * Cycles cut (here and in flow): a value met again while it is evaluated counts as nothing known. Without
   * any, every answer is the one the code gives whatever the order of questions (see mayBeClassAttribute).
   */
  cycleCuts = 0;
  /** Questions mayBeClassAttribute let a transform skip (only with `skipping`, set by renamedToTls). */
  skipped = 0;
  private skipping = false;
  /** Attribute names through which `x.name` may be a class (mayBeClassAttribute), made when first asked. */
  private classAttributes?: Set<string>;
  /** Every import of ftplib (statement nodes), for transforms' import bookkeeping. */
  readonly ftplibImports: BindingSite[] = [];
  /** From-imports of other modules, when the project is known (re-exports of ftplib's names among them). */
  readonly projectImports: BindingSite[] = [];
  /**
   * Every node of a VISITED type, in document order (ancestors first), with its offsets: asked of tree-sitter
   * in one call, so the walk never steps through the nodes in between (most of a file).
   */
  private readonly visitable: { node: Node; start: number; end: number }[] = [];
  /** The types of the nodes in `visitable`, read once: each `node.type` is a trip into tree-sitter. */
  private readonly knownTypes = new Map<number, string>();
  /** Types, offsets, texts and fields of nodes the questions read, once (shared by renamedToTls's copies). */
  readonly facts = new NodeFacts();
  /** lookup's answers (null: none) by scope and name; shared by renamedToTls's copies, like the scopes. */
  private readonly lookups = new Map<Scope, Map<string, Found | null>>();
  /** scopeAt's answers by node id. */
  private readonly scopeOfNode = new Map<number, Scope>();
  private readonly callNodes: Node[] = [];
  /** `callee` answers by call id: every transform asks about every call, each field a trip into tree-sitter. */
  private readonly callees = new Map<number, Callee>();
  private readonly decoratedNodes: Node[] = [];
  /** decorated_definition nodes by the id of the definition they decorate, made when first asked. */
  private decoratedIndex?: Map<number, Node>;
  private readonly typeNodes: Node[] = [];
  /** Nodes `visit` is inside of: an ancestor with the same offsets as a node is not its descendant. */
  private readonly active = new Set<number>();
  /** `obj.attr = value` for objects other than a method's self: resolved by obj's binding when asked. */
  private readonly objectAttrs: { object: Node; attr: string; value: Node }[] = [];
  private objectAttrIndex?: Map<string, Node[]>;
  private objectAttrNames?: Set<string>;
  /** Class bodies by the class bodies they derive from (classes defined here), made when first asked. */
  private subclassIndex?: Map<number, Scope[]>;
  /** Function summaries and wrappers: what calls give back, what parameters receive. */
  readonly flow = new Flow(this);
  /** Set by renamedToTls: the edits that renamed every identifier FTP to FTP_TLS, sorted. */
  private renames?: readonly Edit[];

  constructor(
    readonly tree: Tree,
    /** The project's other modules, when the run analyses a repository: what imports from them give. */
    readonly project?: ProjectView,
  ) {
    // One trip for what the transforms look for too: each trip walks the whole tree, about a fifth of a parse
    for (const node of tree.rootNode.descendantsOfType(INDEXED_TYPES)) {
      if (!node) continue;
      const type = node.type;
      if (type === 'call') this.callNodes.push(node);
      else if (type === 'type') this.typeNodes.push(node);
      else if (type === 'decorated_definition') this.decoratedNodes.push(node);
      else {
        this.visitable.push({ node, start: node.startIndex, end: node.endIndex });
        this.knownTypes.set(node.id, type);
      }
    }
    this.module = this.newScope('module', tree.rootNode, undefined);
    this.visit(tree.rootNode, this.module);
  }

  /**
   * This analysis as it reads once `renames` (src/rename-stages.ts checked them) have made every identifier
   * FTP say FTP_TLS: the same scopes and sites, on the same tree (names keep their old spelling, one to one
   * with the new), where ftplib's FTP is FTP_TLS. Values are asked afresh; what the code's structure gives
   * (scopes, sites, indexes) is shared. Every memo of values is listed here, to be made anew.
   */
  renamedToTls(renames: readonly Edit[], skipping = false): Bindings {
    const copy = Object.assign(Object.create(Bindings.prototype) as Bindings, this);
    copy.cycleCuts = 0;
    copy.skipped = 0;
    copy.skipping = skipping;
    copy.memo = new Map();
    copy.attrMemo = new Map();
    copy.exprMemo = new Map();
    copy.starMemo = new Map();
    copy.evaluating = new Set();
    (copy as { flow: Flow }).flow = this.flow.fork(copy);
    copy.renames = renames;
    return copy;
  }

  /** A cycle cut short: nothing known. */
  private cut(): Value {
    this.cycleCuts++;
    return OTHER;
  }

  /**
   * Whether a transform that only wants to know if `x.<attr>` is a class (a constructor call) must ask: with
   * `skipping`, false when no value of it can be one. Without the project (the copies that skip are made only
   * without one: src/transform-source.ts's mayRunEarly), `x.attr` is a class only as
   * ftplib's FTP / FTP_TLS, as an attribute assigned (`self.attr = ...`, `obj.attr = ...`) or as a name bound
   * in a class body (valueOfAttribute). A skipped question leaves memos unmade that a later question makes
   * itself: the same answers as long as no cycle is cut (a value's parts are then asked in any order with
   * the same results), which whoever skips checks after the last question (src/rename-stages.ts).
   */
  mayBeClassAttribute(attr: string): boolean {
    if (!this.skipping) return true;
    if (!this.classAttributes) {
      const names = new Set(['FTP', 'FTP_TLS']);
      for (const key of this.attrValues.keys()) names.add(key.slice(key.indexOf(':') + 1));
      for (const a of this.objectAttrs) names.add(a.attr);
      for (const scope of this.scopes.values())
        if (scope.kind === 'class') for (const name of scope.bindings.keys()) names.add(name);
      this.classAttributes = names;
    }
    if (this.classAttributes.has(attr)) return true;
    this.skipped++;
    return false;
  }

  /** An ftplib class name as this analysis reads it (FTP is FTP_TLS once renamed). */
  private ftplibName(name: string | undefined): string | undefined {
    return this.renames && name === 'FTP' ? 'FTP_TLS' : name;
  }

  /** The node's text as the analysed text has it: renamed identifiers say FTP_TLS. For messages. */
  textOf(node: Node): string {
    const text = node.text;
    const renames = this.renames;
    if (!renames) return text;
    const start = node.startIndex;
    let out = '';
    let at = 0;
    for (let i = lowerBound(renames.length, (k) => renames[k].start < start); i < renames.length; i++) {
      const r = renames[i];
      if (r.end > node.endIndex) break;
      out += text.slice(at, r.start - start) + r.text;
      at = r.end - start;
    }
    return out + text.slice(at);
  }

  /**
   * The node's text, for a text the stage both compares with others of its tree and writes out (a receiver):
   * it must read the same renamed or not. A renamed identifier in it throws RenamedText: the stage is run on
   * the renamed text instead.
   */
  sameTextOf(node: Node): string {
    const text = node.text;
    if (this.renames && this.textOf(node) !== text) throw new RenamedText();
    return text;
  }

  // ---- building ---------------------------------------------------------------------------------------

  private newScope(kind: ScopeKind, node: Node, parent: Scope | undefined): Scope {
    const scope: Scope = {
      kind,
      node,
      parent,
      bindings: new Map(),
      globals: new Set(),
      nonlocals: new Set(),
      starModules: [],
      starLines: [],
      starStatements: [],
    };
    this.scopes.set(node.id, scope);
    return scope;
  }

  /** Records a binding in the scope the name binds in (`global` / `nonlocal` move it) and returns it. */
  private bind(scope: Scope, name: Node, site: Omit<BindingSite, 'node' | 'scope'>): BindingSite {
    this.bindingIds.add(name.id);
    const text = name.text; // each .text is a trip into the parser's memory: read it once
    let target = scope;
    if (scope.globals.has(text)) target = this.module;
    else if (scope.nonlocals.has(text)) target = nonlocalTarget(scope, text);
    const list = target.bindings.get(text) ?? [];
    // every field written, in one order: sites of one shape keep property reads on them fast (a spread of
    // sites of several shapes made each a dictionary)
    const entry: BindingSite = {
      kind: site.kind,
      node: name,
      scope: target,
      value: site.value,
      module: site.module,
      importedName: site.importedName,
      statement: site.statement,
      importName: site.importName,
      fallback: site.fallback ?? this.inImportHandler,
      paramIndex: site.paramIndex,
      def: site.def,
      unpack: site.unpack,
    };
    list.push(entry);
    target.bindings.set(text, list);
    return entry;
  }

  /**
   * Visits the outermost descendants of `node` that bind names or open scopes (VISITED); they come from
   * `visitable` by offsets, since most of a file is expressions that bind nothing.
   */
  private visitChildren(node: Node, scope: Scope): void {
    const start = node.startIndex;
    const end = node.endIndex;
    const list = this.visitable;
    const lo = lowerBound(list.length, (i) => list[i].start < start);
    let covered = -1;
    for (let i = lo; i < list.length && list[i].start < end; i++) {
      const v = list[i];
      // Not below `node` (itself, or an ancestor with its offsets), or inside one visited already
      if (v.end > end || v.start < covered || v.node.id === node.id || this.active.has(v.node.id)) continue;
      covered = v.end;
      this.visit(v.node, scope);
    }
  }

  private visit(node: Node, scope: Scope): void {
    this.active.add(node.id);
    this.dispatch(node, scope);
    this.active.delete(node.id);
  }

  private dispatch(node: Node, scope: Scope): void {
    const type = this.knownTypes.get(node.id) ?? node.type;
    switch (type) {
      case 'function_definition':
        return this.withHandler(false, () => this.visitFunction(node, scope));
      case 'lambda':
        // the keyword `lambda` has the same type name (asked for with the node's): only the node opens a scope
        return node.isNamed ? this.visitLambda(node, scope) : undefined;
      case 'class_definition':
        return this.withHandler(false, () => this.visitClass(node, scope));
      case 'import_statement':
        return this.visitImport(node, scope);
      case 'import_from_statement':
        return this.visitFromImport(node, scope);
      case 'assignment':
        return this.visitAssignment(node, scope);
      case 'augmented_assignment':
        this.bindTargets(node.childForFieldName('left'), scope, { kind: 'other' });
        this.visitIfPresent(node.childForFieldName('right'), scope);
        return;
      case 'for_statement':
      case 'for_in_clause': {
        const left = node.childForFieldName('left');
        const iterable = node.childForFieldName('right') ?? undefined;
        const names = left ? unpackedNames(left) : undefined;
        if (left?.type === 'identifier') this.bind(scope, left, { kind: 'iterate', value: iterable });
        else if (names)
          names.forEach((name, unpack) =>
            this.bind(scope, name, { kind: 'iterate', value: iterable, unpack }),
          );
        else this.bindTargets(left, scope, { kind: 'other' });
        for (const child of node.namedChildren) if (child && child.id !== left?.id) this.visit(child, scope);
        return;
      }
      case 'with_item':
        return this.visitWithItem(node, scope);
      case 'except_clause':
        return this.withHandler(IMPORT_ERROR.test(node.namedChildren[0]?.text ?? ''), () => {
          const value = node.namedChildren[0];
          if (value?.type === 'as_pattern') {
            const alias = value.childForFieldName('alias');
            this.bindTargets(alias?.namedChildren[0] ?? null, scope, { kind: 'other' });
            this.visitIfPresent(value.namedChildren[0], scope);
            for (const child of node.namedChildren.slice(1)) if (child) this.visit(child, scope);
            return;
          }
          this.visitChildren(node, scope);
        });
      case 'named_expression': {
        let target = scope;
        while (target.kind === 'comprehension' && target.parent) target = target.parent;
        const name = node.childForFieldName('name');
        if (name)
          this.bind(target, name, { kind: 'assign', value: node.childForFieldName('value') ?? undefined });
        this.visitIfPresent(node.childForFieldName('value'), scope);
        return;
      }
      case 'global_statement':
      case 'nonlocal_statement':
        for (const id of node.namedChildren) {
          if (id?.type !== 'identifier') continue;
          (node.type === 'global_statement' ? scope.globals : scope.nonlocals).add(id.text);
          this.bindingIds.add(id.id);
        }
        return;
      case 'case_pattern':
      case 'dotted_name':
        // match patterns bind names we do not follow; dotted names outside imports are decorators' paths
        return this.visitChildren(node, scope);
      default:
        if (COMPREHENSIONS.has(type)) {
          const inner = this.newScope('comprehension', node, scope);
          return this.visitChildren(node, inner);
        }
        return this.visitChildren(node, scope);
    }
  }

  /** Runs `visit` with the innermost enclosing except clause known to be (or not be) `except ImportError`. */
  private withHandler(importError: boolean, visit: () => void): void {
    const saved = this.inImportHandler;
    this.inImportHandler = importError;
    visit();
    this.inImportHandler = saved;
  }

  private visitIfPresent(node: Node | null | undefined, scope: Scope): void {
    if (node) this.visit(node, scope);
  }

  private visitFunction(node: Node, scope: Scope): void {
    const name = node.childForFieldName('name');
    if (name) this.bind(scope, name, { kind: 'def', def: node });
    const fn = this.newScope('function', node, scope);
    const params = node.childForFieldName('parameters');
    const paramNames = params ? this.visitParameters(params, scope, fn) : [];
    // cls in a classmethod is the class, not an instance: only plain methods get a `self`
    if (scope.kind === 'class' && paramNames.length > 0 && !this.isStaticOrClassMethod(node)) {
      fn.selfName = paramNames[0];
      fn.classScope = scope;
    }
    this.visitIfPresent(node.childForFieldName('return_type'), scope);
    this.visitIfPresent(node.childForFieldName('body'), fn);
  }

  private visitLambda(node: Node, scope: Scope): void {
    const fn = this.newScope('function', node, scope);
    const params = node.childForFieldName('parameters');
    if (params) this.visitParameters(params, scope, fn);
    this.visitIfPresent(node.childForFieldName('body'), fn);
  }

  /** Binds parameter names in `fn`; defaults and annotations are evaluated in the enclosing scope. */
  private visitParameters(params: Node, outer: Scope, fn: Scope): string[] {
    const names: string[] = [];
    let position = 0;
    let keywordOnly = false;
    for (const param of params.namedChildren) {
      if (!param) continue;
      const type = param.type; // each .type is a trip into tree-sitter: read once
      if (type === 'keyword_separator' || type === 'list_splat_pattern') keywordOnly = true;
      if (type === 'positional_separator' || type === 'keyword_separator') continue;
      let name: Node | null = null;
      if (type === 'identifier') name = param;
      else if (type === 'default_parameter' || type === 'typed_default_parameter')
        name = param.childForFieldName('name');
      else if (type === 'typed_parameter')
        name = param.namedChildren.find((c) => c?.type === 'identifier') ?? null;
      else if (type === 'list_splat_pattern' || type === 'dictionary_splat_pattern')
        name = param.namedChildren[0] ?? null;
      if (type !== 'identifier') {
        for (const child of param.namedChildren) if (child && child.id !== name?.id) this.visit(child, outer);
      }
      if (name && (name === param || name.type === 'identifier')) {
        const splat = type === 'list_splat_pattern' || type === 'dictionary_splat_pattern';
        const paramIndex = splat || keywordOnly ? undefined : position++;
        this.bind(fn, name, { kind: splat ? 'other' : 'param', value: param, paramIndex });
        names.push(name.text);
      }
    }
    return names;
  }

  private visitClass(node: Node, scope: Scope): void {
    const name = node.childForFieldName('name');
    if (name) this.bind(scope, name, { kind: 'class', value: node });
    this.visitIfPresent(node.childForFieldName('superclasses'), scope);
    this.visitIfPresent(node.childForFieldName('type_parameters'), scope);
    const cls = this.newScope('class', node, scope);
    this.visitIfPresent(node.childForFieldName('body'), cls);
  }

  private visitImport(node: Node, scope: Scope): void {
    for (const item of node.childrenForFieldName('name')) {
      if (!item) continue;
      const dotted = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
      const alias = item.type === 'aliased_import' ? item.childForFieldName('alias') : null;
      const bound = alias ?? dotted?.namedChildren[0];
      if (!dotted || !bound) continue;
      // `import a.b` binds `a` (the package), `import a.b as c` binds c to a.b
      const module = alias ? dotted.text : bound.text;
      const site = this.bind(scope, bound, { kind: 'import', module, statement: node, importName: item });
      if (module === 'ftplib') this.ftplibImports.push(site);
      markIds(item, this.bindingIds);
    }
  }

  private visitFromImport(node: Node, scope: Scope): void {
    const moduleNode = node.childForFieldName('module_name');
    // a relative import keeps its dots (`..conn`): only the project-wide pass resolves it
    const module = moduleNode ? moduleNode.text.replace(/\s+/g, '') : '';
    if (moduleNode) markIds(moduleNode, this.bindingIds);
    if (node.namedChildren.some((c) => c?.type === 'wildcard_import')) {
      scope.starModules.push(module);
      scope.starLines.push(node.startPosition.row + 1);
      scope.starStatements.push(node);
      return;
    }
    for (const item of node.childrenForFieldName('name')) {
      if (!item) continue;
      const nameNode = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
      const bound = item.type === 'aliased_import' ? item.childForFieldName('alias') : item.namedChildren[0];
      if (!nameNode || !bound) continue;
      const site = this.bind(scope, bound, {
        kind: 'from-import',
        module,
        importedName: nameNode.text,
        statement: node,
        importName: item,
      });
      if (module === 'ftplib') this.ftplibImports.push(site);
      else if (this.project) this.projectImports.push(site);
      markIds(item, this.bindingIds);
    }
  }

  /** A from-import of ftplib's FTP from a project module that re-exports it with FTP_TLS beside it. */
  isReexportedFtp(site: BindingSite): boolean {
    if (site.kind !== 'from-import' || site.module === 'ftplib' || !this.project) return false;
    const value = this.valueOfSite(site);
    return value.kind === 'class' && !!value.reexport;
  }

  /** `module.FTP` of a project module that re-exports ftplib's FTP with FTP_TLS beside it. */
  private isReexportedMember(attribute: Node): boolean {
    const value = this.valueOf(attribute);
    return value.kind === 'class' && !!value.reexport;
  }

  private visitAssignment(node: Node, scope: Scope): void {
    const left = node.childForFieldName('left');
    let right = node.childForFieldName('right');
    // chained `a = b = FTP`: every target gets the final value
    let value = right;
    while (value?.type === 'assignment') value = value.childForFieldName('right');
    const elements = value && left ? unpacked(left, value) : undefined;
    if (left && elements) {
      // `a, b = FTP(x), FTP(y)`: each name gets its own element
      left.namedChildren.forEach((target, i) =>
        this.bindTargets(target, scope, { kind: 'assign', value: elements[i] }),
      );
    } else if (left) {
      if (right || scope.kind !== 'module')
        this.bindTargets(left, scope, { kind: 'assign', value: value ?? undefined });
      else this.bindingIds.add(left.id);
    }
    this.visitIfPresent(node.childForFieldName('type'), scope);
    if (right) this.visit(right, scope);
  }

  private visitWithItem(node: Node, scope: Scope): void {
    const value = node.childForFieldName('value');
    // tree-sitter reads `with A if c else B as x` as `A if c else (B as x)`: x gets the whole choice
    const last = value?.type === 'conditional_expression' ? value.namedChildren[2] : undefined;
    if (value && last?.type === 'as_pattern') {
      const alias = last.childForFieldName('alias')?.namedChildren[0];
      if (alias) this.bindTargets(alias, scope, { kind: 'assign', value });
      for (const part of [...value.namedChildren.slice(0, 2), last.namedChildren[0]])
        this.visitIfPresent(part, scope);
      return;
    }
    if (value?.type === 'as_pattern') {
      const expr = value.namedChildren[0];
      const alias = value.childForFieldName('alias')?.namedChildren[0];
      if (alias) this.bindTargets(alias, scope, { kind: 'assign', value: expr ?? undefined });
      this.visitIfPresent(expr, scope);
      return;
    }
    this.visitIfPresent(value, scope);
  }

  /** Binds every name in an assignment target; `self.attr` targets in methods feed the class's attributes. */
  private bindTargets(target: Node | null, scope: Scope, site: Omit<BindingSite, 'node' | 'scope'>): void {
    if (!target) return;
    switch (target.type) {
      case 'identifier':
        this.bind(scope, target, site);
        return;
      case 'attribute': {
        const object = target.childForFieldName('object');
        const attr = target.childForFieldName('attribute');
        const method = enclosingFunctionScope(scope);
        if (
          object?.type === 'identifier' &&
          attr &&
          method?.selfName === object.text &&
          method.classScope &&
          site.value
        ) {
          const key = `${method.classScope.node.id}:${attr.text}`;
          const list = this.attrValues.get(key) ?? [];
          list.push(site.value);
          this.attrValues.set(key, list);
        } else if (object?.type === 'identifier' && attr && site.value) {
          this.objectAttrs.push({ object, attr: attr.text, value: site.value });
        }
        this.visit(target, scope);
        return;
      }
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'tuple':
      case 'list':
      case 'parenthesized_expression':
        for (const child of target.namedChildren) this.bindTargets(child, scope, { kind: 'other' });
        return;
      case 'list_splat_pattern':
      case 'list_splat':
        this.bindTargets(target.namedChildren[0] ?? null, scope, { kind: 'other' });
        return;
      default:
        this.visit(target, scope);
    }
  }

  // ---- queries ----------------------------------------------------------------------------------------

  /** Every call in the file, in source order. */
  calls(): readonly Node[] {
    return this.callNodes;
  }

  /** What the call calls (read from tree-sitter once per call). */
  callee(call: Node): Callee {
    let known = this.callees.get(call.id);
    if (!known) {
      const facts = this.facts;
      const fn = facts.field(call, 'function');
      const type = fn ? facts.type(fn) : undefined;
      const attrNode = type === 'attribute' ? facts.field(fn!, 'attribute') : null;
      const attribute = attrNode ? facts.text(attrNode) : undefined;
      known = { fn, type, attribute };
      this.callees.set(call.id, known);
    }
    return known;
  }

  /** Every `type` node (annotations of parameters, returns and assignments), in source order. */
  annotations(): readonly Node[] {
    return this.typeNodes;
  }

  /** The innermost scope whose code contains `node` (defaults, annotations and bases belong outside). */
  scopeAt(node: Node): Scope {
    let scope = this.scopeOfNode.get(node.id);
    if (!scope) this.scopeOfNode.set(node.id, (scope = this.findScope(node)));
    return scope;
  }

  private findScope(node: Node): Scope {
    // By offsets, not by walking up the tree: each parent would be a new node object (the hot path)
    const intervals = (this.intervals ??= this.scopeIntervals());
    const start = node.startIndex;
    const end = this.facts.end(node);
    // the last interval starting at or before the node
    const lo = Math.max(0, lowerBound(intervals.length, (i) => intervals[i].start <= start) - 1);
    let scope: Scope | undefined =
      intervals.length && intervals[lo].start <= start ? intervals[lo].scope : undefined;
    while (scope && scope !== this.module) {
      const range = this.ranges.get(scope)!;
      if (range.start <= start && end <= range.end && scope.node.id !== node.id) return scope;
      scope = scope.parent;
    }
    return this.module;
  }

  /**
   * The code each scope owns: a function's, lambda's or class's body (a parameter's default and annotation,
   * decorators and bases belong outside), a comprehension whole. Sorted by start, outer first on ties.
   */
  private scopeIntervals(): { start: number; end: number; scope: Scope }[] {
    const out: { start: number; end: number; scope: Scope }[] = [];
    for (const scope of this.scopes.values()) {
      if (scope === this.module) continue;
      const owned = COMPREHENSIONS.has(scope.node.type) ? scope.node : scope.node.childForFieldName('body');
      if (!owned) continue;
      const range = { start: owned.startIndex, end: owned.endIndex, scope };
      this.ranges.set(scope, range);
      out.push(range);
    }
    return out.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** The binding sites a name resolves to from `scope`, Python's LEGB rules (class scopes skipped when nested). */
  lookup(name: string, scope: Scope): Found | undefined {
    // the same names are looked up from the same scopes again and again; the answer is the code's structure
    let byName = this.lookups.get(scope);
    if (!byName) this.lookups.set(scope, (byName = new Map()));
    let found = byName.get(name);
    if (found === undefined) byName.set(name, (found = this.resolve(name, scope) ?? null));
    return found ?? undefined;
  }

  private resolve(name: string, scope: Scope): Found | undefined {
    let current: Scope | undefined = scope;
    if (scope.globals.has(name)) current = this.module;
    else if (scope.nonlocals.has(name)) current = nonlocalTarget(scope, name);
    let first = !scope.nonlocals.has(name);
    while (current) {
      if (first || current.kind !== 'class') {
        const sites = current.bindings.get(name) ?? [];
        const star = current.starModules;
        if (sites.length || starProvides(star, name) || this.projectStar(star, name))
          return { scope: current, sites, star };
      }
      first = false;
      current = current.parent;
    }
    return undefined;
  }

  /** Is this identifier a use of a name (not a binding, attribute name, keyword or import part)? */
  isUse(id: Node): boolean {
    if (this.bindingIds.has(id.id)) return false;
    const parent = id.parent;
    if (!parent) return false;
    if (parent.type === 'attribute' && parent.childForFieldName('attribute')?.id === id.id) return false;
    if (parent.type === 'keyword_argument' && parent.childForFieldName('name')?.id === id.id) return false;
    if (
      (parent.type === 'function_definition' || parent.type === 'class_definition') &&
      parent.childForFieldName('name')?.id === id.id
    )
      return false;
    return true;
  }

  /** What an expression evaluates to, as far as ftplib is concerned. */
  valueOf(expr: Node | null | undefined): Value {
    if (!expr) return OTHER;
    // Transforms ask about the same callees and receivers again and again: answers to questions asked from
    // outside the analysis (nothing is being evaluated, so no cycle was cut short) are kept
    if (this.evaluating.size > 0) return this.evaluate(expr);
    const known = this.exprMemo.get(expr.id);
    if (known) return known;
    const value = this.evaluate(expr);
    this.exprMemo.set(expr.id, value);
    return value;
  }

  private evaluate(expr: Node): Value {
    const facts = this.facts;
    switch (facts.type(expr)) {
      case 'identifier':
        return this.valueOfName(facts.text(expr), this.scopeAt(expr), expr);
      case 'none':
        return NONE;
      case 'parenthesized_expression':
        return this.valueOf(expr.namedChildren[0]);
      case 'attribute':
        return this.valueOfAttribute(expr);
      case 'call':
        return this.flow.callValue(expr);
      case 'list':
      case 'tuple':
      case 'expression_list': {
        const values = expr.namedChildren.map((e) => this.valueOf(e));
        return container(values, this.items(expr, values));
      }
      case 'set':
        return container(expr.namedChildren.map((e) => this.valueOf(e)));
      case 'dictionary':
        return container(
          expr.namedChildren.map((p) =>
            p?.type === 'pair' ? this.valueOf(p.childForFieldName('value')) : OTHER,
          ),
        );
      case 'list_comprehension':
      case 'set_comprehension':
      case 'generator_expression':
        return container([this.valueOf(facts.field(expr, 'body'))]);
      case 'dictionary_comprehension': {
        const pair = facts.field(expr, 'body');
        return container([pair?.type === 'pair' ? this.valueOf(pair.childForFieldName('value')) : OTHER]);
      }
      case 'subscript': {
        const whole = this.valueOf(facts.field(expr, 'value'));
        return whole.kind === 'container' ? whole.of : OTHER;
      }
      case 'conditional_expression': {
        const [a, , b] = expr.namedChildren;
        return mergeChoice([this.valueOf(a), this.valueOf(b)]);
      }
      case 'type':
      case 'as_pattern':
        return this.valueOf(expr.namedChildren[0]);
      case 'lambda':
        // `make = lambda h: FTP(h)`: a function whose one return is its body
        return this.flow.functionValue(expr);
      default:
        return OTHER;
    }
  }

  /** A tuple or list's values one by one (comments left out); none when a `*splat` hides the positions. */
  private items(expr: Node, values: Value[]): Value[] | undefined {
    const children = expr.namedChildren;
    const items: Value[] = [];
    for (let i = 0; i < children.length; i++) {
      const type = children[i] ? this.facts.type(children[i]!) : undefined;
      if (type === 'list_splat' || type === 'parenthesized_list_splat') return undefined;
      if (type !== 'comment') items.push(values[i]);
    }
    return items;
  }

  /** What `name` holds, seen from `scope`; `at`: the use, when it is one (see liveSites). */
  valueOfName(name: string, scope: Scope, at?: Node): Value {
    const found = this.lookup(name, scope);
    if (!found) return OTHER;
    const sites = found.sites.filter((s) => !s.fallback);
    const values = sites.map((s) => this.valueOfSite(s));
    if (found.star.length && starProvides(found.star, name))
      values.unshift(starValue(found.star, this.ftplibName(name)!));
    else if (found.sites.length === 0 && found.star.length) {
      const star = this.projectStar(found.star, name);
      if (star) values.push(star);
    } else if (found.star.length) {
      // bound here and given by a `*` import too: the one that binds last, or both where the path decides
      const star = this.starBinding(found.scope, name);
      if (star?.order === 'star') return star.value;
      if (star?.order === 'both') return merge([...found.sites.map((s) => this.valueOfSite(s)), star.value]);
    }
    if (values.length === sites.length) return this.mergeSites(sites, values, found.scope === scope, at);
    return merge(values);
  }

  /**
   * A name's bindings merged. A class or function beside what is not known (`make = FTP` in one branch,
   * `make = other` in the other) is an open set of callables, whose call may make a connection or not,
   * unless a later binding replaces the earlier ones for good (`FTP = Mock` after the import: the later
   * rebinding wins).
   */
  private mergeSites(sites: BindingSite[], values: Value[], inScope: boolean, at?: Node): Value {
    if (!values.some(isCallable) || !values.some((v) => v.kind === 'other')) return merge(values);
    const live = liveSites(sites, at, inScope);
    const kept = values.filter((_, i) => live.includes(sites[i]));
    if (kept.every(isCallable) || !kept.some(isCallable)) return merge(kept);
    return mergeChoice(kept);
  }

  /**
   * For a name its scope binds and a `*` import of a summarised module gives too: that import's statement,
   * what it gives and which binds the name once the module has run (src/project/star.ts).
   */
  starBinding(
    scope: Scope,
    name: string,
  ): { statement: Node; value: Value; order: 'star' | 'own' | 'both' } | undefined {
    const { starModules, starStatements } = scope;
    const sites = scope.bindings.get(name) ?? [];
    for (let i = starModules.length - 1; i >= 0; i--) {
      const value = this.projectStar([starModules[i]], name);
      if (value) return { statement: starStatements[i], value, order: starOrder(starStatements[i], sites) };
    }
    return undefined;
  }

  /** `from app.net import *`: the name's value, when a summarised project module's `*` gives it. */
  private projectStar(modules: string[], name: string): Value | undefined {
    if (!this.project || modules.length === 0) return undefined;
    const key = `${modules.join(' ')} ${name}`;
    if (!this.starMemo.has(key)) this.starMemo.set(key, starMember(this.project, modules, name));
    return this.starMemo.get(key);
  }

  private valueOfAttribute(expr: Node): Value {
    const facts = this.facts;
    const object = facts.field(expr, 'object');
    const attrNode = facts.field(expr, 'attribute');
    const attr = attrNode ? facts.text(attrNode) : undefined;
    if (!object || !attr) return OTHER;
    const isName = facts.type(object) === 'identifier';
    const method = isName ? this.methodOfSelf(object) : undefined;
    if (method) return this.attributeValue(method.classScope!, attr);
    const base = this.valueOf(object);
    if (base.kind === 'ftplib' && (attr === 'FTP' || attr === 'FTP_TLS'))
      return { kind: 'class', tls: this.ftplibName(attr) === 'FTP_TLS' };
    if (base.kind === 'known' && KNOWN_NAMES.has(`${base.name}.${attr}`))
      return { kind: 'known', name: `${base.name}.${attr}` };
    if (base.kind === 'module' && this.project) return memberOf(this.project, base.name, attr);
    if (base.kind === 'holder') return base.attributes[attr] ?? OTHER;
    if (isName) {
      const assigned = this.objectAttributeSources(object, attr);
      if (assigned.length) return this.objectAttributeValue(object, attr, assigned);
      // `Client.make(...)`: a class defined here (not ftplib's), read through its body
      const cls = this.classBodyOf(object);
      if (cls) return this.attributeValue(cls, attr);
    }
    // `c = Client(); c.conn`: an instance of a class defined here (not ftplib's), read through its class
    const instance = base.kind === 'other' ? this.instanceClassOf(object, new Set()) : undefined;
    return instance ? this.attributeValue(instance, attr) : OTHER;
  }

  /**
   * The class defined here (not a subclass of ftplib's) that `expr` is an instance of: a call of it, or a name
   * or `self.attr` every assignment of which is one (a `None` placeholder aside). A `with` target is what
   * `__enter__` gives, not the instance: not followed.
   */
  private instanceClassOf(expr: Node, seen: Set<number>): Scope | undefined {
    if (seen.has(expr.id)) return undefined;
    seen.add(expr.id);
    const type = this.facts.type(expr);
    if (type === 'call') {
      const { fn, type: fnType } = this.callee(expr);
      const cls = fn && fnType === 'identifier' ? this.classBodyOf(fn) : undefined;
      return cls && this.classValue(cls.node).kind === 'other' ? cls : undefined;
    }
    let sources: Node[];
    if (type === 'identifier') {
      const sites = this.lookup(this.facts.text(expr), this.scopeAt(expr))?.sites.filter((s) => !s.fallback);
      if (!sites?.length || sites.some((s) => s.kind !== 'assign' || !s.value || withTarget(s.node)))
        return undefined;
      sources = sites.map((s) => s.value!);
    } else if (type === 'attribute') sources = this.sourcesOf(expr);
    else return undefined;
    let found: Scope | undefined;
    for (const source of sources) {
      if (this.facts.type(source) === 'none') continue;
      const cls = this.instanceClassOf(source, seen);
      if (!cls || (found && found !== cls)) return undefined;
      found = cls;
    }
    return found;
  }

  /**
   * The merge of what is assigned to `obj.attr`. An assignment may read the attribute it sets
   * (`opts.path = opts.path.rstrip("/")`): that read is a cycle, cut short like a name's.
   */
  private objectAttributeValue(object: Node, attr: string, assigned: Node[]): Value {
    const key = `object ${this.objectAttributeKey(object, attr)}`;
    if (this.evaluating.has(key)) return this.cut();
    this.evaluating.add(key);
    const value = merge(assigned.map((v) => this.valueOf(v)));
    this.evaluating.delete(key);
    return value;
  }

  /** `obj.attr` named by the scope that binds `obj`: the same key for every use of the same binding. */
  private objectAttributeKey(id: Node, attr: string): string {
    const text = this.facts.text(id);
    const owner = this.lookup(text, this.scopeAt(id))?.scope ?? this.module;
    return `${owner.node.id}:${text}.${attr}`;
  }

  /** The values assigned to `obj.attr` for the same `obj` (the same binding of its name). */
  private objectAttributeSources(object: Node, attr: string): Node[] {
    const keyOf = (id: Node, name: string) => this.objectAttributeKey(id, name);
    // most attributes read (`x.append`) are never assigned so: no need to find whose `x` this is
    this.objectAttrNames ??= new Set(this.objectAttrs.map((a) => a.attr));
    if (!this.objectAttrNames.has(attr)) return [];
    if (!this.objectAttrIndex) {
      this.objectAttrIndex = new Map();
      for (const a of this.objectAttrs) {
        const key = keyOf(a.object, a.attr);
        this.objectAttrIndex.set(key, [...(this.objectAttrIndex.get(key) ?? []), a.value]);
      }
    }
    return this.objectAttrIndex.get(keyOf(object, attr)) ?? [];
  }

  /** The body of the class a name is bound to, when its only binding is a class statement here. */
  classBodyOf(id: Node): Scope | undefined {
    const sites = this.lookup(this.facts.text(id), this.scopeAt(id))?.sites ?? [];
    return sites.length === 1 && sites[0].kind === 'class' && sites[0].value
      ? this.scopes.get(sites[0].value.id)
      : undefined;
  }

  /** The decorators of a function or class definition, in order (none when it is not decorated). */
  decoratorsOf(def: Node): Node[] {
    if (!this.decoratedIndex) {
      this.decoratedIndex = new Map();
      for (const d of this.decoratedNodes) {
        const inner = d.childForFieldName('definition');
        if (inner) this.decoratedIndex.set(inner.id, d);
      }
    }
    const decorated = this.decoratedIndex.get(def.id);
    return (decorated?.namedChildren ?? []).filter((d): d is Node => d?.type === 'decorator');
  }

  private isStaticOrClassMethod(fn: Node): boolean {
    return this.decoratorsOf(fn).some((d) => /\b(staticmethod|classmethod)\b/.test(d.text));
  }

  /** The scope a function definition opens (its parameters and body). */
  scopeOfDefinition(def: Node): Scope | undefined {
    return this.scopes.get(def.id);
  }

  /** The method whose `self` this identifier is (also from a function or comprehension nested in it). */
  private methodOfSelf(id: Node): Scope | undefined {
    const text = this.facts.text(id);
    const found = this.lookup(text, this.scopeAt(id));
    const scope = found?.scope;
    if (!found || !scope?.classScope || scope.selfName !== text) return undefined;
    return found.sites.length === 1 && found.sites[0].kind === 'param' ? scope : undefined;
  }

  /**
   * The expressions a name (from where it is used) or `self.attr` may have been assigned: one step back,
   * for questions about where a value came from. A class body's `attr` stands for its instances' `self.attr`.
   */
  sourcesOf(expr: Node): Node[] {
    const assigned = (sites: BindingSite[]) =>
      sites.flatMap((s) => (s.kind === 'assign' && s.value ? [s.value] : []));
    if (expr.type === 'identifier') {
      const scope = this.scopeAt(expr);
      const own = assigned(this.lookup(expr.text, scope)?.sites ?? []);
      return scope.kind === 'class' ? [...own, ...this.attributeSources(scope, expr.text)] : own;
    }
    const object = expr.type === 'attribute' ? expr.childForFieldName('object') : null;
    const method = object?.type === 'identifier' ? this.methodOfSelf(object) : undefined;
    const attr = expr.childForFieldName('attribute')?.text;
    if (!method || !attr) return [];
    return [
      ...this.attributeSources(method.classScope!, attr),
      ...assigned(method.classScope!.bindings.get(attr) ?? []),
    ];
  }

  private attributeSources(cls: Scope, attr: string): Node[] {
    return this.attrValues.get(`${cls.node.id}:${attr}`) ?? [];
  }

  /**
   * Every value assigned to `self.attr` in the class's methods, and to `attr` in the class body (the
   * instance's default), merged; guarded against cycles (`self.a = self.a.b`).
   */
  /**
   * What the instances of a class defined here hold, by attribute (assigned in its methods, set in its body,
   * or its methods and properties), for the attributes that hold a connection or give one.
   */
  instanceAttributes(classNode: Node): Map<string, Value> {
    const cls = this.scopes.get(classNode.id);
    const out = new Map<string, Value>();
    if (!cls) return out;
    const names = new Set(cls.bindings.keys());
    const prefix = `${classNode.id}:`;
    for (const key of this.attrValues.keys()) if (key.startsWith(prefix)) names.add(key.slice(prefix.length));
    for (const name of names) out.set(name, this.attributeValue(cls, name));
    return out;
  }

  private attributeValue(cls: Scope, attr: string): Value {
    const key = `${cls.node.id}:${attr}`;
    const known = this.attrMemo.get(key);
    if (known) return known;
    if (this.evaluating.has(key)) return this.cut();
    this.evaluating.add(key);
    // the class's own, else its bases' (defined here), and what its subclasses here set for their instances
    let values = this.ownAttributeValues(cls, attr);
    for (let bases = this.baseBodies(cls); values.length === 0 && bases.length;) {
      values = bases.flatMap((b) => this.ownAttributeValues(b, attr));
      bases = bases.flatMap((b) => this.baseBodies(b));
    }
    if (values.length === 0) values = this.importedBaseAttribute(cls, attr);
    for (const sub of this.subclassBodies(cls)) values.push(...this.ownAttributeValues(sub, attr));
    const value = values.length ? merge(values) : OTHER;
    this.evaluating.delete(key);
    this.attrMemo.set(key, value);
    return value;
  }

  /**
   * `class Uploader(Base)` where Base is a class of another project module whose instances hold connections
   * (a holder): what its instances' `attr` is, for the class or a base of it defined here.
   */
  private importedBaseAttribute(cls: Scope, attr: string): Value[] {
    if (!this.project) return [];
    const values: Value[] = [];
    const seen = new Set<Scope>();
    for (let bodies = [cls]; bodies.length; bodies = bodies.flatMap((b) => this.baseBodies(b))) {
      for (const body of bodies) {
        if (seen.has(body)) continue;
        seen.add(body);
        for (const base of positionalBases(body.node)) {
          const value = this.valueOf(base);
          if (value.kind === 'holder' && !value.instance && value.attributes[attr])
            values.push(value.attributes[attr]);
        }
      }
    }
    return values;
  }

  /** What `self.attr` may be from this class's own code: its methods' assignments and its body's binding. */
  private ownAttributeValues(cls: Scope, attr: string): Value[] {
    const values = [...(this.attrValues.get(`${cls.node.id}:${attr}`) ?? [])].map((v) => this.valueOf(v));
    for (const site of cls.bindings.get(attr) ?? []) {
      if (site.kind === 'assign' && site.value) values.push(this.valueOf(site.value));
      else if (site.kind === 'def') {
        // a method, or a property whose reading gives what it returns
        const fn = this.valueOfSite(site);
        values.push(fn.kind === 'function' && fn.property ? this.flow.returns(fn) : fn);
      } else values.push(OTHER);
    }
    return values;
  }

  /** The bodies of the class's positional bases that are classes defined here. */
  private baseBodies(cls: Scope): Scope[] {
    return positionalBases(cls.node).flatMap((b) => {
      const body = b.type === 'identifier' ? this.classBodyOf(b) : undefined;
      return body && body !== cls ? [body] : [];
    });
  }

  /** The bodies of the classes defined here that derive from this one, at any depth. */
  private subclassBodies(cls: Scope): Scope[] {
    if (!this.subclassIndex) {
      this.subclassIndex = new Map();
      for (const scope of this.scopes.values()) {
        if (scope.kind !== 'class') continue;
        for (const base of this.baseBodies(scope))
          this.subclassIndex.set(base.node.id, [...(this.subclassIndex.get(base.node.id) ?? []), scope]);
      }
    }
    const out: Scope[] = [];
    const visit = (c: Scope) => {
      for (const sub of this.subclassIndex!.get(c.node.id) ?? [])
        if (!out.includes(sub)) {
          out.push(sub);
          visit(sub);
        }
    };
    visit(cls);
    return out;
  }

  valueOfSite(site: BindingSite): Value {
    const key = site.node.id;
    const known = this.memo.get(key);
    if (known) return known;
    if (this.evaluating.has(key)) return this.cut();
    this.evaluating.add(key);
    const value = this.computeSite(site);
    this.evaluating.delete(key);
    this.memo.set(key, value);
    return value;
  }

  private computeSite(site: BindingSite): Value {
    switch (site.kind) {
      case 'import':
        if (site.module === 'ftplib') return { kind: 'ftplib' };
        if (site.module && KNOWN_MODULES.has(site.module)) return { kind: 'known', name: site.module };
        return this.project && site.module ? projectModule(this.project, site.module) : OTHER;
      case 'from-import':
        if (site.module === 'ftplib' && (site.importedName === 'FTP' || site.importedName === 'FTP_TLS'))
          return { kind: 'class', tls: this.ftplibName(site.importedName) === 'FTP_TLS' };
        if (KNOWN_NAMES.has(`${site.module}.${site.importedName}`))
          return { kind: 'known', name: `${site.module}.${site.importedName}` };
        return this.project
          ? importedFromProject(this.project, site.module ?? '', site.importedName ?? '')
          : OTHER;
      case 'def':
        return site.def ? this.flow.functionValue(site.def) : OTHER;
      case 'iterate': {
        const iterable = this.valueOf(site.value);
        if (iterable.kind !== 'container') return OTHER;
        if (site.unpack === undefined) return iterable.of;
        // one of a name per position: the element's item there, when its elements are written out
        const element = iterable.of;
        return (element.kind === 'container' && element.items?.[site.unpack]) || OTHER;
      }
      case 'assign':
        return site.value ? this.valueOf(site.value) : OTHER;
      case 'class':
        return site.value ? this.classValue(site.value) : OTHER;
      case 'param':
        if (site.scope.selfName === this.facts.text(site.node) && site.scope.classScope)
          return this.selfValue(site.scope);
        return this.parameterValue(site);
      default:
        return OTHER;
    }
  }

  private classValue(node: Node): Value {
    for (const base of positionalBases(node)) {
      const value = this.valueOf(base);
      if (value.kind === 'class') {
        // an __init__ that only hands *args, **kwargs on to FTP's takes FTP's arguments
        const ownInit = methodsOf(node).some(
          (m) => (m.name === '__init__' && !forwardsArguments(m.def)) || m.name === '__new__',
        );
        return { kind: 'class', tls: value.tls, subclass: node, ownInit: ownInit || value.ownInit };
      }
    }
    return OTHER;
  }

  /** `self` in a method of a subclass of FTP / FTP_TLS is a connection: `self.login()` logs it in. */
  private selfValue(method: Scope): Value {
    const cls = this.classValue(method.classScope!.node);
    if (cls.kind !== 'class') return OTHER;
    return { kind: 'conn', tls: cls.tls, origin: 'self', subclass: cls.subclass };
  }

  /**
   * The parent's `__init__` called from a method of a class: `super().__init__(...)`, `super(C, self)...`,
   * or `Base.__init__(self, ...)`. `base` is what the parent is; `offset` the arguments before FTP's own.
   */
  parentInit(call: Node): { base: ClassValue; offset: number; method: Scope } | undefined {
    const { fn, attribute } = this.callee(call);
    if (attribute !== '__init__') return undefined;
    const method = enclosingFunctionScope(this.scopeAt(call));
    if (!method?.classScope) return undefined;
    const object = fn!.childForFieldName('object')!;
    if (object.type === 'call' && object.childForFieldName('function')?.text === 'super') {
      // super() goes to the next class in the MRO: only the first base is known to be it
      const base = this.valueOf(positionalBases(method.classScope.node)[0]);
      return base.kind === 'class' ? { base, offset: 0, method } : undefined;
    }
    const base = this.valueOf(object);
    return base.kind === 'class' ? { base, offset: 1, method } : undefined;
  }

  /**
   * What the calls of its function here pass for a parameter, when there are any and one passes a
   * connection or an FTP class; else what its default and annotation say.
   */
  private parameterValue(site: BindingSite): Value {
    const passed = this.flow.argumentsFor(site);
    const kind = passed?.kind;
    if (
      kind === 'conn' ||
      kind === 'partial' ||
      kind === 'class' ||
      kind === 'function' ||
      kind === 'external' ||
      kind === 'callables' ||
      kind === 'unfollowed'
    )
      return passed!;
    return site.value ? this.paramValue(site.value) : OTHER;
  }

  /** A parameter whose default is an FTP class is a factory; one annotated with it receives a connection. */
  private paramValue(param: Node): Value {
    const value = this.facts.field(param, 'value');
    if (value) {
      const v = this.valueOf(value);
      if (v.kind === 'class') return v;
    }
    const type = this.facts.field(param, 'type');
    if (type) {
      const t = this.valueOf(type);
      if (t.kind === 'class') return { kind: 'conn', tls: t.tls, origin: 'param' };
    }
    return OTHER;
  }

  /**
   * Every direct reference to ftplib.FTP / FTP_TLS in the file, in source order. Asked by ftp-to-ftp-tls, of
   * the analysis of its own input (never of a renamedToTls copy): names read as the text spells them.
   */
  classReferences(): ClassReference[] {
    // Only names an ftplib import binds (or FTP / FTP_TLS, for `mod.FTP` and star imports) can be one: find
    // them in the text and ask for the node there, instead of walking every node of the file
    const names = new Set(['FTP', 'FTP_TLS']);
    for (const site of this.ftplibImports) if (site.kind === 'from-import') names.add(site.node.text);
    // `from ._compat import FTP`: ftplib's FTP re-exported by another module of the project
    for (const site of this.projectImports) if (this.isReexportedFtp(site)) names.add(site.node.text);
    // (`.FTP` is looked behind from its end: a pattern that starts with a look-behind is tried at every offset)
    const pattern = new RegExp(
      `(?<![\\w.])(?:${[...names].map(escapeRegExp).join('|')})(?!\\w)|FTP(?:_TLS)?(?!\\w)(?<=\\.\\s*FTP(?:_TLS)?)`,
      'gu',
    );
    const root = this.tree.rootNode;
    // root.text starts where the module does, after any leading blank lines: its offsets are relative to that
    const base = root.startIndex;
    const refs: ClassReference[] = [];
    const seen = new Set<number>();
    for (const match of root.text.matchAll(pattern)) {
      const at = base + match.index;
      const id = root.descendantForIndex(at, at + match[0].length);
      if (!id || id.type !== 'identifier' || id.text !== match[0] || seen.has(id.id)) continue;
      seen.add(id.id);
      const parent = id.parent;
      if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === id.id) {
        if (id.text !== 'FTP' && id.text !== 'FTP_TLS') continue;
        const object = parent.childForFieldName('object');
        const base = object ? this.valueOf(object) : OTHER;
        // `upload.FTP` where the project module `upload` had ftplib's FTP, which this run renames to FTP_TLS
        // or re-exports with FTP_TLS beside it (as `from upload import FTP` becomes FTP_TLS)
        // (calls and class bases: reads and assignments of it are test doubles, which mock-targets moves)
        const renamed =
          base.kind === 'module' &&
          (parent.parent?.type === 'call' || parent.parent?.parent?.type === 'class_definition') &&
          (this.project?.summaries[base.name]?.renamed[id.text] === 'FTP_TLS' ||
            (id.text === 'FTP' && this.isReexportedMember(parent)));
        if (base.kind === 'ftplib' || renamed)
          refs.push({
            node: parent,
            name: id.text as FtplibClass,
            via: 'attribute',
            bindings: [],
            scope: this.scopeAt(parent),
          });
        continue;
      }
      const ref = this.asClassReference(id);
      if (ref) refs.push(ref);
    }
    return refs;
  }

  private asClassReference(id: Node): ClassReference | undefined {
    if (!this.isUse(id)) return undefined;
    const scope = this.scopeAt(id);
    const found = this.lookup(id.text, scope);
    if (!found)
      return id.text === 'FTP' && this.starTookFtp(scope)
        ? { node: id, name: 'FTP', via: 'star', bindings: [], scope }
        : undefined;
    const sites = found.sites.filter((s) => !s.fallback);
    const fromStar = found.star.length > 0 && starProvides(found.star, id.text);
    if (sites.length === 0 && fromStar && (id.text === 'FTP' || id.text === 'FTP_TLS'))
      return { node: id, name: id.text as FtplibClass, via: 'star', bindings: [], scope };
    if (sites.length === 0 && !fromStar && id.text === 'FTP' && this.projectStarRenames(found, scope))
      return { node: id, name: 'FTP', via: 'star', bindings: [], scope };
    if (sites.length === 0 || fromStar) return undefined;
    const names = new Set(
      sites.map((s) =>
        s.kind === 'from-import' && s.module === 'ftplib'
          ? s.importedName
          : this.isReexportedFtp(s)
            ? 'FTP'
            : undefined,
      ),
    );
    if (names.size !== 1) return undefined;
    const name = [...names][0];
    if (name !== 'FTP' && name !== 'FTP_TLS') return undefined;
    return { node: id, name, via: 'name', bindings: sites, scope };
  }

  /**
   * `from app import *` where the rewrite took FTP away from app (or from a module whose names app passes on)
   * for FTP_TLS: FTP here, which that `*` gave, says FTP_TLS now, when that name finds ftplib's FTP_TLS here.
   */
  private starTookFtp(scope: Scope): boolean {
    const stars = this.module.starModules;
    if (!this.project || stars.length === 0 || starRenamed(this.project, stars, 'FTP') !== 'FTP_TLS')
      return false;
    const tls = this.valueOfName('FTP_TLS', scope);
    return tls.kind === 'class' && tls.tls && !tls.subclass;
  }

  /**
   * `from app.compat import *` of a project module that re-exports ftplib's FTP with its FTP_TLS: a use of
   * FTP here can say FTP_TLS, when that name finds ftplib's FTP_TLS here.
   */
  private projectStarRenames(found: Found, scope: Scope): boolean {
    const ftp = this.projectStar(found.star, 'FTP');
    if (ftp?.kind !== 'class' || !ftp.reexport) return false;
    const tls = this.valueOfName('FTP_TLS', scope);
    return tls.kind === 'class' && tls.tls && !tls.subclass;
  }
}

// ---- helpers -----------------------------------------------------------------------------------------

/** Thrown by sameTextOf: the text differs once renamed (src/rename-stages.ts then runs the stage as before). */
export class RenamedText extends Error {}

const FTPLIB_STAR = new Set([
  'FTP',
  'FTP_TLS',
  'error_reply',
  'error_temp',
  'error_perm',
  'error_proto',
  'all_errors',
]);

function starProvides(modules: string[], name: string): boolean {
  return modules.includes('ftplib') ? FTPLIB_STAR.has(name) : false;
}

function starValue(modules: string[], name: string): Value {
  if (modules.includes('ftplib') && (name === 'FTP' || name === 'FTP_TLS'))
    return { kind: 'class', tls: name === 'FTP_TLS' };
  return OTHER;
}

/** The function a scope is (or is in, through comprehensions): a method's scope for code in its body. */
export function enclosingFunctionScope(scope: Scope): Scope | undefined {
  let s: Scope | undefined = scope;
  while (s && s.kind === 'comprehension') s = s.parent;
  return s?.kind === 'function' ? s : undefined;
}

/** The scope a `nonlocal` name binds in: the nearest enclosing function that binds it (class scopes skipped). */
function nonlocalTarget(scope: Scope, name: string): Scope {
  let nearest: Scope | undefined;
  for (let s = scope.parent; s; s = s.parent) {
    if (s.kind !== 'function') continue;
    nearest ??= s;
    if (s.bindings.has(name)) return s;
  }
  return nearest ?? scope;
}

/** An except clause's head that catches a failed import: what it binds is a fallback. */
const IMPORT_ERROR = /\b(ImportError|ModuleNotFoundError)\b/;

/** `a, b = x, y`: the right side's elements, when they line up one to one with the targets. */
function unpacked(left: Node, right: Node): Node[] | undefined {
  const targets = ['pattern_list', 'tuple_pattern', 'list_pattern'];
  const values = ['expression_list', 'tuple', 'list'];
  if (!targets.includes(left.type) || !values.includes(right.type)) return undefined;
  const elements = right.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
  const names = left.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
  if (names.length !== elements.length || names.some((n) => n.type === 'list_splat_pattern'))
    return undefined;
  return elements;
}

/** The names of a `for` target that unpacks each element into names only (`for name, make in pairs`). */
function unpackedNames(left: Node): Node[] | undefined {
  if (!['pattern_list', 'tuple_pattern', 'list_pattern'].includes(left.type)) return undefined;
  const names = left.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
  return names.length && names.every((n) => n.type === 'identifier') ? names : undefined;
}

/** `def __init__(self, *args, **kwargs): super().__init__(*args, **kwargs)` (more may follow). */
function forwardsArguments(init: Node): boolean {
  const params = init.childForFieldName('parameters')?.namedChildren ?? [];
  const star = params.find((p) => p?.type === 'list_splat_pattern')?.namedChildren[0]?.text;
  const stars = params.find((p) => p?.type === 'dictionary_splat_pattern')?.namedChildren[0]?.text;
  if (params.length !== 3 || !star || !stars) return false;
  return [...(init.childForFieldName('body')?.descendantsOfType('call') ?? [])].some((call) => {
    const fn = call?.childForFieldName('function');
    if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== '__init__') return false;
    const args = callArguments(call!);
    return args.all.some((a) => a.text === `*${star}`) && args.all.some((a) => a.text === `**${stars}`);
  });
}

/** A name bound by `with ... as name`. */
function withTarget(name: Node): boolean {
  return name.parent?.type === 'as_pattern_target';
}

function markIds(node: Node, ids: Set<number>): void {
  ids.add(node.id);
  for (const child of node.namedChildren) if (child) markIds(child, ids);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
