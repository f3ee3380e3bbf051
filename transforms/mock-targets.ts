// Transform mock-targets: test doubles move along with the code they stand in for. Once the code under test
// makes ftplib.FTP_TLS connections, a test that patches ftplib.FTP intercepts nothing: the test opens a real
// connection and fails (or connects somewhere). This transform moves the doubles to FTP_TLS (README: Test doubles):
//
//   patch("ftplib.FTP"), mock.patch, unittest.mock.patch, mocker.patch, patch(target="ftplib.FTP"), decorators;
//   "ftplib.FTP.login" (FTP_TLS has its own login()); patch.object(ftplib, "FTP"); monkeypatch.setattr(
//   "ftplib.FTP", X) and monkeypatch.setattr(ftplib, "FTP", X); patch.multiple(ftplib, FTP=DEFAULT), with the
//   name its mock reaches the test by (the decorated test's FTP parameter, `mocks["FTP"]`)
//   m.FTP where m is a mock of the ftplib module (`with patch("myapp.upload.ftplib") as m`, `m = mocker.patch(
//   ...)`, `@patch("myapp.upload.ftplib") def test(self, m)`)
//   ftplib.FTP = Mock() (and setattr(ftplib, "FTP", Mock())) in a test file, and the reads of the mock's own
//   attributes through ftplib.FTP there (ftplib.FTP.assert_called_once_with(...))
//   patch("myapp.upload.FTP"), patch.object(upload, "FTP"), ... and in a test file upload.FTP = X and reads of
//   upload.FTP, when the project pass says myapp.upload's `from ftplib import FTP` became FTP_TLS
//   (ctx.project.summaries["myapp.upload"].renamed.FTP); the module is found through the file's own imports
//
// A test file is one whose name says so (test_*.py, *_test.py, tests.py, conftest.py), that is in a tests/ or
// test/ folder (of its module name when the project pass knows it, else of a relative path), or that imports a
// test framework (unittest, unittest.mock, mock, pytest, pytest_mock). Only there is `ftplib.FTP = X` taken for a
// test double: elsewhere it is a monkeypatch of the program itself (a logging subclass, say), and moving it to
// FTP_TLS would hand every rewritten connection to a class that may well be cleartext; ftp-to-ftp-tls reports
// the assignment for a person, this transform a `setattr(ftplib, "FTP", X)`.
//
// Only plain string literals are changed (no f-strings, bytes, concatenations or escapes). Reported for a person
// (manual): FTP patched where another module uses it, when nothing says what became of that module (no project
// pass: a single file or stdin, or a module the pass did not summarise); a target that would move onto one the
// file patches already (ftplib.FTP and ftplib.FTP_TLS both patched); a patch.multiple mock that reaches the test
// through **kwargs. A suppression comment ftptls honours on the statement keeps the double (suppressed).
import { isTestFile, isTestPath } from '../src/analysis/test-files.js';
import { loginsWithoutProtP } from '../src/analysis/expected-calls.js';
import { absoluteModule, importsIn } from '../src/project/modules.js';
import { renamedNames } from '../src/project/values.js';
import type { Node } from 'web-tree-sitter';
import type { BindingSite } from '../src/analysis/bindings.js';
import { findingsFor } from '../src/finding.js';
import { callArguments } from '../src/syntax.js';
import type { Edit, RawFinding, Transform, TransformContext } from '../src/types.js';

const RULE = 'mock-targets';
const finding = findingsFor(RULE);
const IDENT = '[A-Za-z_]\\w*';
/** `ftplib.FTP`, `ftplib.FTP.login`, or a path through a module that did `import ftplib` (`myapp.ftplib.FTP`). */
const FTPLIB_TARGET = new RegExp(`^((?:${IDENT}\\.)*ftplib)\\.(FTP|FTP_TLS)((?:\\.${IDENT})*)$`);
/** A module path naming the ftplib module itself: what `patch("myapp.upload.ftplib")` replaces by a mock. */
const FTPLIB_MODULE = new RegExp(`^(?:${IDENT}\\.)*ftplib$`);
const DOTTED = new RegExp(`^${IDENT}(?:\\.${IDENT})*$`);
/** What a test reads of a mock (unittest.mock's own attributes), not of the class it stands for. */
export const MOCK_API =
  /^(?:assert_\w+|return_value|side_effect|call_args|call_args_list|call_count|called|mock_calls|method_calls|reset_mock|configure_mock)$/;
/** Two patches of one class: moving one onto the other needs a person. */
const MANUAL_CONFLICT =
  'the code under test now makes FTP_TLS, so this patch of FTP no longer intercepts its connections: the ' +
  'test may connect for real, and what it asserts of this mock sees no calls; moving it would patch the ' +
  'FTP_TLS this file patches already: by hand, give the FTP_TLS patch what this one sets up and asserts, ' +
  'then remove this one';

/** A double of ftplib.FTP configured in a file that does not patch ftplib.FTP itself. */
const CONFIGURED_ELSEWHERE =
  'it configures a test double of ftplib.FTP that this file does not make (a fixture or conftest.py may): ' +
  'where ftptls moved that double to ftplib.FTP_TLS (with the code under test), configure ' +
  'ftplib.FTP_TLS here too';

/** What a site does with the name: patches it (a mock call), replaces it (a test's double), reads it. */
type Role = 'patch' | 'double' | 'read';

type PatchKind = 'target' | 'object' | 'multiple' | 'setattr' | 'builtin-setattr';

/** What a call patches, by the dotted name of the function called. */
/** Words every site has near it: patch and setattr calls, and a test framework's import (see isTestFile). */
const MAY_HAVE_SITES = /\b(?:patch|setattr|unittest|mock|pytest|pytest_mock)\b/;

function patchKind(callee: string): PatchKind | undefined {
  if (/(?:^|\.)patch$/.test(callee)) return 'target';
  if (/(?:^|\.)patch\.object$/.test(callee)) return 'object';
  if (/(?:^|\.)patch\.multiple$/.test(callee)) return 'multiple';
  if (/\.setattr$/.test(callee)) return 'setattr'; // pytest's monkeypatch.setattr
  if (callee === 'setattr') return 'builtin-setattr';
  return undefined;
}

/** `a.b.c` for an identifier or a chain of attributes of identifiers; undefined for anything else. */
function dottedName(node: Node | null | undefined): string | undefined {
  if (node?.type === 'identifier') return node.text;
  if (node?.type !== 'attribute') return undefined;
  const object = dottedName(node.childForFieldName('object'));
  const attribute = node.childForFieldName('attribute');
  return object && attribute ? `${object}.${attribute.text}` : undefined;
}

/**
 * The content node of a plain string literal (`"..."`, `'...'`, `r"..."`, `u"..."`, triple-quoted), or
 * undefined for f-strings, bytes, concatenations and strings with escapes.
 */
function plainStringContent(node: Node | null | undefined): Node | undefined {
  if (node?.type !== 'string') return undefined;
  const parts = node.namedChildren;
  const [start, content, end] = parts;
  if (parts.length !== 3 || start?.type !== 'string_start' || end?.type !== 'string_end') return undefined;
  if (content?.type !== 'string_content' || content.namedChildCount > 0) return undefined;
  if (/[^rRuU]/.test(start.text.replace(/['"]/g, ''))) return undefined; // f, b, t prefixes
  return content;
}

/** One place to move: the node reported, the edit, what it names now, and what it conflicts with. */
interface Site {
  node: Node;
  /** The edits of the move, applied together (the target, and for patch.multiple what names its mock). */
  edits: Edit[];
  shown: string;
  message: string;
  /** Canonical name of what it will patch: a site whose `key` the file patches already is a conflict. */
  key?: string;
  /** Why it cannot move (patch.multiple's mock reaching the test through **kwargs). */
  manualReason?: string;
  /** It replaces the ftplib module's FTP class itself (not a method of it, not a mock module's attribute). */
  classDouble?: boolean;
  /**
   * `ftplib.FTP.return_value`, `.assert_called_once_with` ... in a test file: reads the double (not FTP's own
   * attributes, such as an explicit `ftplib.FTP.login(self)` base call), so it moves only when a double does.
   */
  readOfDouble?: boolean;
  /** A read of the double that sets one of its attributes (`ftplib.FTP.return_value = X`). */
  configures?: boolean;
}

/**
 * Manual sites: FTP patched where a module uses it, and nothing says what became of that module; a
 * patch.multiple mock that reaches the test under a name ftptls cannot follow; the program's own setattr.
 */
interface Manual {
  node: Node;
  shown: string;
  message: string;
  reason: string;
}

class Finder {
  readonly sites: Site[] = [];
  readonly manual: Manual[] = [];
  /** Canonical names the file patches already (`ftplib.FTP_TLS`, `myapp.upload.FTP_TLS`, `mock:12.FTP_TLS`). */
  readonly patched = new Set<string>();
  /** Parameters (their identifier's node id) that decorators fill with a mock of the ftplib module. */
  private readonly moduleMockParams = new Set<number>();
  /** The attribute names a site can have: FTP, FTP_TLS and what the project pass says was renamed. */
  private readonly names = new Set(['FTP', 'FTP_TLS']);
  private testFile?: boolean;
  /** Where multipleMock renamed a name already (start offsets). */
  private readonly renamedAt = new Set<number>();

  constructor(private readonly ctx: TransformContext) {
    for (const name of ctx.project ? renamedNames(ctx.project) : []) this.names.add(name);
  }

  /** Whether this file is a test (see the header), asked only where it matters. */
  get test(): boolean {
    return (this.testFile ??= isTestFile(this.ctx));
  }

  run(): void {
    for (const call of this.ctx.bindings.calls()) this.call(call);
    const source = this.ctx.source;
    if (/FTP/.test(source) && /\bcall\b/.test(source) && /\.login\b/.test(source) && this.test)
      for (const login of loginsWithoutProtP(this.ctx.tree.rootNode))
        this.manual.push({
          node: login,
          shown: login.text,
          message: 'the expected calls lack the prot_p() that ftptls adds after login()',
          reason:
            'the code under test now calls prot_p() right after login(), so the mock records call.prot_p() ' +
            'there too and this exact list of calls no longer matches: add call.prot_p() after the login ' +
            'call in the expected list',
        });
    // attribute sites (`ftplib.FTP = X`, `m.FTP` of a module mock): only where the text can have one
    if (![...this.names].some((n) => new RegExp(`\\.\\s*${n}\\b`).test(this.ctx.source))) return;
    const nodes = this.ctx.tree.rootNode.descendantsOfType(['attribute', 'decorated_definition']);
    for (const node of nodes) if (node?.type === 'decorated_definition') this.decoratorMocks(node);
    for (const node of nodes) if (node?.type === 'attribute') this.attribute(node);
  }

  // ---- calls --------------------------------------------------------------------------------------------

  private call(call: Node): void {
    const callee = dottedName(call.childForFieldName('function'));
    const kind = callee && patchKind(callee);
    if (!kind) return;
    const { positional, keywords } = callArguments(call);
    // monkeypatch.setattr takes either a target string or an object and an attribute name
    const form =
      kind === 'setattr'
        ? plainStringContent(positional[0] ?? keywords.get('target'))
          ? 'target'
          : 'object'
        : kind;
    if (form === 'target') {
      // patch("ftplib.FTP") / patch(target="ftplib.FTP") / monkeypatch.setattr("ftplib.FTP", value)
      const arg = positional[0] ?? keywords.get('target');
      const content = plainStringContent(arg);
      if (arg && content) this.target(arg, content);
    } else if (form === 'object' || form === 'builtin-setattr') {
      // patch.object(ftplib, "FTP") / monkeypatch.setattr(ftplib, "FTP", value) / setattr(ftplib, "FTP", value)
      const object = positional[0] ?? keywords.get('target');
      const attribute = positional[1] ?? keywords.get(kind === 'object' ? 'attribute' : 'name');
      const content = plainStringContent(attribute);
      if (!object || !attribute || !content) return;
      // the builtin setattr is an assignment: a test double only in a test file
      if (form === 'builtin-setattr' && !this.test && this.moduleMock(object) === undefined) {
        if (content.text === 'FTP' && this.isFtplib(object))
          this.manual.push({
            node: attribute,
            shown: 'ftplib.FTP',
            message: 'ftplib.FTP is replaced here (setattr), in code that is not a test',
            reason:
              'the rewritten code makes FTP_TLS and no longer gets this replacement; moving it onto FTP_TLS ' +
              'could hand every connection to a cleartext class: decide by hand',
          });
        return;
      }
      this.member(
        object,
        content.text,
        attribute,
        content.endIndex,
        form === 'builtin-setattr' ? 'double' : 'patch',
      );
    } else if (form === 'multiple') {
      // patch.multiple(ftplib, FTP=DEFAULT) / patch.multiple("myapp.upload", FTP=DEFAULT)
      const object = positional[0] ?? keywords.get('target');
      if (!object) return;
      for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
        const name = arg?.type === 'keyword_argument' ? arg.childForFieldName('name') : null;
        if (!name || name.text === 'target') continue;
        const before = this.sites.length;
        this.member(object, name.text, name, name.endIndex, 'patch');
        const site = this.sites[before];
        // FTP=DEFAULT makes a mock that the test receives by the keyword's name: that name moves too
        if (site && /(?:^|\.)DEFAULT$/.test(arg!.childForFieldName('value')?.text ?? ''))
          this.multipleMock(call, site, name.text);
      }
    }
  }

  /** A target string: `ftplib.FTP`, `ftplib.FTP.login`, or FTP where a module uses it (`myapp.upload.FTP`). */
  private target(arg: Node, content: Node): void {
    const text = content.text;
    const ftplib = FTPLIB_TARGET.exec(text);
    if (ftplib) {
      const [, , cls, rest] = ftplib;
      if (cls === 'FTP_TLS') this.patched.add(`ftplib.FTP_TLS${rest}`);
      else if (!this.keptForCleartext(arg, text, `patch target ${text}`, `${ftplib[1]}.FTP_TLS${rest}`)) {
        const at = content.startIndex + ftplib[1].length + '.FTP'.length;
        this.sites.push({
          node: arg,
          edits: [{ start: at, end: at, text: '_TLS' }],
          shown: text,
          key: `ftplib.FTP_TLS${rest}`,
          classDouble: rest === '',
          message: `the code under test now uses FTP_TLS: patch target ${text} moved to ${ftplib[1]}.FTP_TLS${rest}`,
        });
      }
      return;
    }
    if (!DOTTED.test(text) || !text.includes('.')) return;
    this.patched.add(text);
    // a module of the project and a name in it: the longest module prefix the project pass summarised
    const parts = text.split('.');
    const summaries = this.ctx.project?.summaries;
    for (let i = parts.length - 1; i >= 1 && summaries; i--) {
      const module = parts.slice(0, i).join('.');
      const summary = summaries[module];
      if (!summary) continue;
      const name = parts[i];
      const renamed = summary.renamed[name];
      if (renamed && renamed !== name) {
        const rest = parts
          .slice(i + 1)
          .map((p) => `.${p}`)
          .join('');
        const nameStart = content.startIndex + module.length + 1;
        const moved = `${module}.${renamed}${rest}`;
        this.sites.push({
          node: arg,
          edits: [{ start: nameStart, end: nameStart + name.length, text: renamed }],
          shown: text,
          key: moved,
          message:
            `${module} now has ${renamed} where it had ${name} (ftptls rewrote its import): ` +
            `patch target ${text} moved to ${moved}`,
        });
      }
      return; // summarised: what it does not rename is still there
    }
    const ftpAt = parts.indexOf('FTP', 1);
    if (ftpAt < 0) return;
    const module = parts.slice(0, ftpAt).join('.');
    const moved = [...parts.slice(0, ftpAt), 'FTP_TLS', ...parts.slice(ftpAt + 1)].join('.');
    this.manual.push({
      node: arg,
      shown: text,
      message: `patch target ${text} not changed`,
      reason: this.dependsOn(module, moved),
    });
  }

  /**
   * `object.name` through an object: patched (`patch.object(object, "FTP")`, `patch.multiple(object, FTP=...)`,
   * `monkeypatch.setattr(object, "FTP", ...)`), replaced in a test file (`object.FTP = X`, `setattr(object,
   * "FTP", X)`: a double), or read in a test file (`upload.FTP`, a project module's: only a name it renamed).
   * `node` is reported; the new name replaces [end - name.length, end).
   */
  private member(object: Node, name: string, node: Node, end: number, role: Role): void {
    if (!this.names.has(name)) return;
    const mock = role === 'read' ? undefined : this.moduleMock(object);
    if (mock !== undefined || (role !== 'read' && this.isFtplib(object))) {
      const key = mock !== undefined ? `mock:${mock}.FTP_TLS` : 'ftplib.FTP_TLS';
      if (name === 'FTP_TLS') this.patched.add(key);
      if (name !== 'FTP') return;
      const shown = mock !== undefined ? `${object.text}.FTP` : 'ftplib.FTP';
      const what = role === 'double' ? `the test's double for ${shown}` : `patch target ${shown}`;
      // (a double set by hand is put back by hand: what the test saved to put back must be FTP itself)
      const restore =
        role === 'double' ? `; where the test saves ${shown} to put it back, save ${shown} itself` : '';
      if (this.keptForCleartext(node, shown, what, `${shown}_TLS`, restore)) return;
      this.sites.push({
        node,
        edits: [{ start: end, end, text: '_TLS' }],
        shown,
        key,
        classDouble: mock === undefined,
        message:
          role === 'double'
            ? `the test's double for ${shown} moved to ${shown}_TLS, which the code under test now uses`
            : `the code under test now uses FTP_TLS: patch target ${shown} moved to ${shown}_TLS`,
      });
      return;
    }
    const module = this.moduleOf(object);
    if (!module) return;
    if (role !== 'read') this.patched.add(`${module.name}.${name}`);
    const summary = module.absolute ? this.ctx.project?.summaries[module.name] : undefined;
    const what = { patch: 'patch target', double: "the test's double for", read: '' }[role];
    if (summary) {
      const renamed = summary.renamed[name];
      if (!renamed || renamed === name) return; // what it does not rename is still there
      const moved = `${module.name}.${renamed}`;
      this.sites.push({
        node,
        edits: [{ start: end - name.length, end, text: renamed }],
        shown: `${module.name}.${name}`,
        key: role === 'read' ? undefined : moved,
        message:
          `${module.name} now has ${renamed} where it had ${name} (ftptls rewrote its import): ` +
          `${what ? `${what} ` : ''}${module.name}.${name} moved to ${moved}`,
      });
    } else if (name === 'FTP' && role !== 'read')
      this.manual.push({
        node,
        shown: `${module.name}.FTP`,
        message: `${what} ${module.name}.FTP not changed`,
        reason: this.dependsOn(module.name, `${module.name}.FTP_TLS`),
      });
  }

  /**
   * patch.multiple(..., FTP=DEFAULT) hands its mock on under the name FTP: a decorated test gets it as the
   * keyword argument FTP (its parameter and the uses of it are renamed with the move), a `with ... as mocks`
   * or `mocks = mocker.patch.multiple(...)` gets a dict (`mocks["FTP"]` follows). A name the mock reaches that
   * cannot be followed (`**kwargs`) makes the site manual.
   */
  private multipleMock(call: Node, site: Site, name: string): void {
    const moved = site.edits[0].text === '_TLS' ? `${name}_TLS` : site.edits[0].text;
    // two patch.multiple calls may reach one name (`mocks` bound by each of two `with`s): renamed once
    const rename = (node: Node) => {
      if (this.renamedAt.has(node.startIndex)) return;
      this.renamedAt.add(node.startIndex);
      site.edits.push({ start: node.startIndex, end: node.endIndex, text: moved });
    };
    const decorator = call.parent?.type === 'decorator' ? call.parent : undefined;
    if (decorator) {
      const def = decorator.parent?.childForFieldName('definition');
      if (def?.type !== 'function_definition') return;
      const param = namedParams(def).find((p) => p.text === name);
      if (param) {
        rename(param);
        for (const id of def.childForFieldName('body')?.descendantsOfType('identifier') ?? []) {
          if (!id || id.text !== name || !this.ctx.bindings.isUse(id)) continue;
          const sites = this.ctx.bindings.lookup(name, this.ctx.bindings.scopeAt(id))?.sites ?? [];
          if (sites.some((s) => s.node.id === param.id)) rename(id);
        }
      } else if (
        def.childForFieldName('parameters')?.namedChildren.some((p) => p?.type === 'dictionary_splat_pattern')
      )
        site.manualReason =
          `patch.multiple passes this mock to the test as the keyword argument ${name}, which reaches it through ` +
          `**kwargs here: move the target and the key together by hand`;
      return;
    }
    // the dict of mocks: `with patch.multiple(...) as mocks`, `mocks = mocker.patch.multiple(...)`, `.start()`
    let holder: Node | undefined;
    const parent = call.parent;
    if (parent?.type === 'as_pattern')
      holder = parent.childForFieldName('alias')?.namedChildren[0] ?? undefined;
    else {
      const started =
        parent?.type === 'attribute' && parent.childForFieldName('attribute')?.text === 'start'
          ? parent.parent
          : call;
      const assignment = started?.parent;
      if (assignment?.type === 'assignment' && assignment.childForFieldName('right')?.id === started?.id)
        holder = assignment.childForFieldName('left') ?? undefined;
    }
    if (holder?.type !== 'identifier') return;
    const bound = this.ctx.bindings.lookup(holder.text, this.ctx.bindings.scopeAt(holder));
    const scope = bound?.scope.node ?? this.ctx.tree.rootNode;
    for (const sub of scope.descendantsOfType('subscript')) {
      const value = sub?.childForFieldName('value');
      const key = plainStringContent(sub?.childForFieldName('subscript'));
      if (value?.type !== 'identifier' || value.text !== holder.text || key?.text !== name) continue;
      const sites = this.ctx.bindings.lookup(value.text, this.ctx.bindings.scopeAt(value))?.sites ?? [];
      if (sites.some((s) => s.node.id === holder.id)) rename(key);
    }
  }

  /**
   * A patch or double of ftplib's FTP (`what`, shown as `shown`) left as it is, with a finding, when a module
   * the test imports still makes cleartext FTP connections: moving it onto FTP_TLS would hand that module's
   * FTP back to the real class. True when so.
   */
  private keptForCleartext(node: Node, shown: string, what: string, moved: string, more = ''): boolean {
    const keeps = this.keepsCleartext();
    if (!keeps) return false;
    this.manual.push({
      node,
      shown,
      message: `${what} not changed`,
      reason:
        `${keeps.module} still makes cleartext ftplib.FTP (${keeps.path}:${keeps.line}, a site kept as it ` +
        `is), while other code the test may reach now makes FTP_TLS: a test of the first needs this patch, ` +
        `one of the rewritten code a patch of ${moved}: keep this patch and add one of ${moved} where the ` +
        `test reaches rewritten code${more}`,
    });
    return true;
  }

  /**
   * A project module this file imports that still makes a cleartext ftplib.FTP connection after the rewrite
   * (ModuleSummary.cleartext), if any: a test that patches ftplib.FTP may be patching it for that one.
   */
  private keepsCleartext(): { module: string; path: string; line: number } | undefined {
    const summaries = this.ctx.project?.summaries;
    if (!summaries) return undefined;
    for (const ref of importsIn(this.ctx.source)) {
      const from = this.fromModule('.'.repeat(ref.level) + ref.module);
      if (!from) continue;
      for (const module of [from, ...ref.names.map((n) => `${from}.${n}`)]) {
        const line = summaries[module]?.cleartext;
        if (line !== undefined) return { module, path: summaries[module].path, line };
      }
    }
    return undefined;
  }

  /** Why FTP patched where `module` uses it is left alone. */
  private dependsOn(module: string, instead: string): string {
    const unseen = this.ctx.project
      ? `${module} is not among the modules this run analysed`
      : 'this run analyses no other file (no project pass: a single file or stdin)';
    return (
      `this patches FTP where ${module} uses it, and whether that module now uses FTP_TLS depends on ` +
      `another file: ${unseen}; if ftptls rewrote it to FTP_TLS, patch ${instead} instead`
    );
  }

  // ---- attributes ---------------------------------------------------------------------------------------

  /** `ftplib.FTP = X` in a test file, `upload.FTP = X` likewise, `m.FTP` of a mock of the ftplib module. */
  private attribute(attr: Node): void {
    const object = attr.childForFieldName('object');
    const name = attr.childForFieldName('attribute');
    if (!object || !name || !this.names.has(name.text)) return;
    const mock = this.moduleMock(object);
    if (mock !== undefined) {
      // every access of the mock's FTP, read or set: the code under test now asks the mock for FTP_TLS
      const key = `mock:${mock}.FTP_TLS`;
      if (name.text === 'FTP_TLS') this.patched.add(key);
      if (name.text !== 'FTP') return;
      this.sites.push({
        node: attr,
        edits: [{ start: name.endIndex, end: name.endIndex, text: '_TLS' }],
        shown: attr.text,
        key,
        message:
          `${object.text} is a mock of the ftplib module, and the code under test now asks it for FTP_TLS: ` +
          `${attr.text} moved to ${attr.text}_TLS`,
      });
      return;
    }
    const parent = attr.parent;
    const assigned = parent?.type === 'assignment' && parent.childForFieldName('left')?.id === attr.id;
    if (!this.test) return; // an assignment elsewhere is the program's own monkeypatch (see the header)
    if (this.isFtplib(object)) {
      if (assigned) {
        if (!directTlsClass(this.ctx, parent.childForFieldName('right') ?? undefined))
          this.member(object, name.text, attr, name.endIndex, 'double');
      } else if (
        name.text === 'FTP' &&
        parent?.type === 'attribute' &&
        parent.childForFieldName('object')?.id === attr.id &&
        MOCK_API.test(parent.childForFieldName('attribute')?.text ?? '')
      )
        // ftplib.FTP.assert_called_once_with(...): reads the double (a mock's own attribute), moves with it
        this.sites.push({
          node: parent,
          edits: [{ start: name.endIndex, end: name.endIndex, text: '_TLS' }],
          shown: parent.text,
          readOfDouble: true,
          configures:
            parent.parent?.type === 'assignment' && parent.parent.childForFieldName('left')?.id === parent.id,
          message: `reads the test's double for ftplib.FTP, which moved to ftplib.FTP_TLS: moved with it`,
        });
    } else if (this.moduleOf(object))
      // upload.FTP = X is a double; any other upload.FTP reads a name that is gone once it is renamed
      this.member(object, name.text, attr, name.endIndex, assigned ? 'double' : 'read');
  }

  // ---- what an object is --------------------------------------------------------------------------------

  /** The ftplib module itself: `ftplib`, `import ftplib as f; f`, or the string "ftplib". */
  private isFtplib(node: Node): boolean {
    const content = plainStringContent(node);
    if (content) return FTPLIB_MODULE.test(content.text);
    return this.ctx.bindings.valueOf(node).kind === 'ftplib';
  }

  /**
   * A mock that stands for the ftplib module (`with patch("myapp.upload.ftplib") as m`, `m = mocker.patch(
   * "myapp.upload.ftplib")`, `m = patch(...).start()`, a parameter a `@patch("...ftplib")` decorator fills):
   * an id for it (the node id of its first binding), or undefined.
   */
  private moduleMock(node: Node): number | undefined {
    if (node.type !== 'identifier') return undefined;
    const sites = this.ctx.bindings.lookup(node.text, this.ctx.bindings.scopeAt(node))?.sites ?? [];
    if (!sites.length) return undefined;
    const mocks = (s: BindingSite) =>
      (s.kind === 'assign' && s.value !== undefined && givesModuleMock(s)) ||
      (s.kind === 'param' && this.moduleMockParams.has(s.node.id));
    return sites.every(mocks) ? sites[0].node.id : undefined;
  }

  /** Decorated functions: which parameters `@patch("...ftplib")` decorators fill (bottom-up, after self). */
  private decoratorMocks(decorated: Node): void {
    const def = decorated.childForFieldName('definition');
    if (def?.type !== 'function_definition') return;
    const decorators = decorated.namedChildren.filter((c) => c?.type === 'decorator') as Node[];
    // the decorator nearest the def fills the first argument
    const injected = decorators
      .map((d) => d.namedChildren[0])
      .reverse()
      .filter((e): e is Node => !!e && injectsMock(e));
    if (!injected.some((e) => patchesFtplibModule(e))) return;
    const params = positionalParams(def);
    const inClass = decorated.parent?.parent?.type === 'class_definition';
    const staticMethod = decorators.some((d) => d.namedChildren[0]?.text === 'staticmethod');
    const first = inClass && !staticMethod ? 1 : 0;
    injected.forEach((e, i) => {
      const param = params[first + i];
      if (param && patchesFtplibModule(e)) this.moduleMockParams.add(param.id);
    });
  }

  /**
   * A module named by an expression through the file's imports: `upload` bound by `from myapp import upload`
   * or `import myapp.upload as upload`, `myapp.upload` through `import myapp.upload`, the string
   * "myapp.upload". absolute: false for a relative import that the file's place does not resolve (no
   * project pass), whose name is then shown as written (`.upload`).
   */
  private moduleOf(node: Node): { name: string; absolute: boolean } | undefined {
    const content = plainStringContent(node);
    if (content) return DOTTED.test(content.text) ? { name: content.text, absolute: true } : undefined;
    if (node.type === 'attribute') {
      const object = node.childForFieldName('object');
      const base = object ? this.moduleOf(object) : undefined;
      const attr = node.childForFieldName('attribute')?.text;
      return base && attr ? { name: `${base.name}.${attr}`, absolute: base.absolute } : undefined;
    }
    if (node.type !== 'identifier') return undefined;
    const found = this.ctx.bindings.lookup(node.text, this.ctx.bindings.scopeAt(node));
    const modules = new Set<string>();
    let absolute = true;
    for (const site of found?.sites.filter((s) => !s.fallback) ?? []) {
      // `import a.b` binds `a` (site.module 'a'), `import a.b as c` binds c to 'a.b'
      if (site.kind === 'import' && site.module) modules.add(site.module);
      else if (site.kind === 'from-import' && site.module !== undefined && site.importedName) {
        const resolved = this.fromModule(site.module);
        if (resolved === undefined) absolute = false;
        const from = resolved ?? site.module;
        modules.add(from.endsWith('.') ? `${from}${site.importedName}` : `${from}.${site.importedName}`);
      } else return undefined; // bound by anything else somewhere: not (only) a module
    }
    return modules.size === 1 ? { name: [...modules][0], absolute } : undefined;
  }

  /**
   * The absolute module of `from <written> import ...` (`..pkg` relative), from the file's place in the
   * project (ctx.project.module and isPackage); undefined when that is unknown or climbs above the top.
   */
  private fromModule(written: string): string | undefined {
    const level = /^\.*/.exec(written)![0].length;
    if (level === 0) return written;
    const here = this.ctx.project?.module;
    return here
      ? absoluteModule({ module: here, isPackage: this.ctx.project?.isPackage }, level, written.slice(level))
      : undefined;
  }
}

/** `ftplib.FTP = ftplib.FTP_TLS` (or `= FTP_TLS` from ftplib): TLS forced by hand, no double to move. */
function directTlsClass(ctx: TransformContext, value: Node | undefined): boolean {
  if (!value || (value.type !== 'attribute' && value.type !== 'identifier')) return false;
  const v = ctx.bindings.valueOf(value);
  if (v.kind !== 'class' || !v.tls || v.subclass) return false;
  if (value.type === 'attribute') return value.childForFieldName('attribute')?.text === 'FTP_TLS';
  const sites = ctx.bindings.lookup(value.text, ctx.bindings.scopeAt(value))?.sites ?? [];
  return sites.length > 0 && sites.every((s) => s.kind === 'from-import' && s.module === 'ftplib');
}

/**
 * A binding that holds a mock of the ftplib module: `with patch("...ftplib") as m`, `m = mocker.patch(
 * "...ftplib")` (pytest-mock gives the mock), `m = patch("...ftplib").start()`,
 * `m = stack.enter_context(patch(...))` / `self.enterContext(patch(...))`. (`m = patch(...)` is the patcher.)
 */
function givesModuleMock(site: BindingSite): boolean {
  const value = site.value!;
  if (site.node.parent?.type === 'as_pattern_target') return patchesFtplibModule(value);
  if (value.type !== 'call') return false;
  const fn = value.childForFieldName('function');
  if (fn?.type === 'attribute') {
    const method = fn.childForFieldName('attribute')?.text;
    const object = fn.childForFieldName('object');
    if (method === 'start' && object) return patchesFtplibModule(object);
    if (method === 'enter_context' || method === 'enterContext') {
      const inner = callArguments(value).positional[0];
      return !!inner && patchesFtplibModule(inner);
    }
  }
  return /(?:^|\.)\w*mocker\.patch$/.test(dottedName(fn) ?? '') && patchesFtplibModule(value);
}

/** A patch call that gives back a mock of the ftplib module: `patch("myapp.upload.ftplib")`, no `new`. */
function patchesFtplibModule(call: Node): boolean {
  if (call.type !== 'call') return false;
  const callee = dottedName(call.childForFieldName('function'));
  if (!callee || patchKind(callee) !== 'target' || !injectsMock(call)) return false;
  const { positional, keywords } = callArguments(call);
  const content = plainStringContent(positional[0] ?? keywords.get('target'));
  return !!content && FTPLIB_MODULE.test(content.text);
}

/** A patch decorator that passes its mock to the function as a positional argument (no `new` given). */
function injectsMock(expr: Node): boolean {
  if (expr.type !== 'call') return false;
  const callee = dottedName(expr.childForFieldName('function'));
  const kind = callee && patchKind(callee);
  const { positional, keywords } = callArguments(expr);
  if (keywords.has('new')) return false;
  if (kind === 'target') return positional.length < 2;
  if (kind === 'object') return positional.length < 3;
  return false;
}

/** Every parameter name of a function (positional and keyword-only, not *args / **kwargs), in order. */
function namedParams(def: Node): Node[] {
  const out: Node[] = [];
  for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
    const name = p && paramName(p);
    if (name) out.push(name);
  }
  return out;
}

function paramName(p: Node): Node | undefined {
  if (p.type === 'identifier') return p;
  if (p.type === 'default_parameter' || p.type === 'typed_default_parameter')
    return p.childForFieldName('name') ?? undefined;
  if (p.type === 'typed_parameter') return p.namedChildren.find((c) => c?.type === 'identifier') ?? undefined;
  return undefined;
}

/** A function's positional parameters' names, in order. */
function positionalParams(def: Node): Node[] {
  const out: Node[] = [];
  for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p) continue;
    if (
      p.type === 'list_splat_pattern' ||
      p.type === 'keyword_separator' ||
      p.type === 'dictionary_splat_pattern'
    )
      break;
    if (p.type === 'positional_separator') continue;
    const name = paramName(p);
    if (name) out.push(name);
  }
  return out;
}

export const mockTargets: Transform = {
  name: RULE,
  description:
    'Move test doubles (mock.patch, patch.object, monkeypatch targets, ftplib.FTP = Mock() in tests) from ' +
    'ftplib.FTP to ftplib.FTP_TLS along with the code they stand in for',
  helpUri: 'https://docs.python.org/3/library/unittest.mock.html#where-to-patch',
  run(ctx) {
    const findings: RawFinding[] = [];
    // every site names FTP (or, with a project, a name the project pass says was renamed)
    if (!ctx.source.includes('FTP') && !ctx.project) return { findings };
    // a site is a patch()/setattr() call, an attribute of a mock made by one, or an assignment in a test
    // file (one by its path or its import of a test framework): without these words it has none, and the
    // analysis is not needed (it is made on first use)
    if (!MAY_HAVE_SITES.test(ctx.source) && !isTestPath(ctx)) return { findings };
    const finder = new Finder(ctx);
    finder.run();
    const marked = (node: Node) => ctx.suppressor.markerFor(node, 'reference');
    const results = new Map<Site, RawFinding>();
    for (const site of finder.sites.filter((s) => !s.readOfDouble)) {
      const marker = marked(site.node);
      results.set(
        site,
        marker
          ? finding(site.node, 'suppressed', `${site.shown} kept: suppressed by ${marker}`, { marker })
          : site.manualReason || (site.key && finder.patched.has(site.key))
            ? finding(site.node, 'manual', `${site.shown} not changed`, {
                reason: site.manualReason ?? MANUAL_CONFLICT,
              })
            : finding(site.node, 'fixed', site.message, { edits: site.edits }),
      );
    }
    // the double's attributes move only with a double that moved
    const doubleMoved = finder.sites.some((s) => s.classDouble && results.get(s)?.status === 'fixed');
    for (const site of finder.sites.filter((s) => s.readOfDouble && doubleMoved)) {
      const marker = marked(site.node);
      results.set(
        site,
        marker
          ? finding(site.node, 'suppressed', `${site.shown} kept: suppressed by ${marker}`, { marker })
          : finding(site.node, 'fixed', site.message, { edits: site.edits }),
      );
    }
    // a double configured here but made elsewhere (conftest.py, a fixture): ftptls cannot tell if it moved
    for (const site of finder.sites.filter((s) => s.configures && !doubleMoved)) {
      const marker = marked(site.node);
      results.set(
        site,
        marker
          ? finding(site.node, 'suppressed', `${site.shown} kept: suppressed by ${marker}`, { marker })
          : finding(site.node, 'manual', `${site.shown} not changed`, { reason: CONFIGURED_ELSEWHERE }),
      );
    }
    for (const site of finder.sites) {
      const f = results.get(site);
      if (f) findings.push(f);
    }
    for (const m of finder.manual) {
      const marker = marked(m.node);
      findings.push(
        marker
          ? finding(m.node, 'suppressed', `${m.shown} kept: suppressed by ${marker}`, { marker })
          : finding(m.node, 'manual', m.message, { reason: m.reason }),
      );
    }
    findings.sort((a, b) => a.start - b.start);
    return { findings };
  },
};
