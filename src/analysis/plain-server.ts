// Test servers this file starts: a test suite that runs a cleartext FTP server of its own (pyftpdlib's
// FTPHandler, pyftpdlib.test's helpers, pytest-localftpserver's `ftpserver` fixture, `python -m pyftpdlib`) and
// points its ftplib clients at it breaks when those clients become FTP_TLS: the server speaks no TLS. Such a
// file's clients are left as they are and reported. The scope is the file: a server started in a conftest.py or
// a helper module of the project is not seen here (a transform reads no other file).
//
// Precise on purpose: only what is bound to pyftpdlib or pytest-localftpserver counts, and a TLS server
// (TLS_FTPHandler, a pyftpdlib.test helper subclassed with `handler = TLS_FTPHandler`, `ftpserver_TLS`,
// `use_TLS=True`) is no reason to keep anything. Reading a handler's attributes (`FTPHandler.proto_cmds`) or
// an isinstance check starts no server and does not count either.
import type { Node } from 'web-tree-sitter';
import type { Bindings, BindingSite } from './bindings.js';
import { callArguments, positionalBases, stringValue } from '../syntax.js';

/** A server the file starts (or names to start), cleartext or TLS, and what to say about it. */
export interface TestServer {
  node: Node;
  tls: boolean;
  /** How the finding names it: `pyftpdlib FTPHandler`. */
  what: string;
  /** What would make it a TLS server (plain servers only). */
  fix: string;
}

const PLAIN_HANDLERS = new Set(['pyftpdlib.handlers.FTPHandler', 'pyftpdlib.ftpserver.FTPHandler']);
const TLS_HANDLERS = new Set([
  'pyftpdlib.handlers.TLS_FTPHandler',
  'pyftpdlib.contrib.handlers.TLS_FTPHandler',
]);
/** pyftpdlib's servers, which take the handler class as their second argument. */
const SERVERS = new Set(
  ['FTPServer', 'ThreadedFTPServer', 'MultiprocessFTPServer']
    .map((n) => `pyftpdlib.servers.${n}`)
    .concat('pyftpdlib.ftpserver.FTPServer'),
);
/** pyftpdlib.test's server threads and processes: `handler = FTPHandler` unless a subclass sets another. */
const TEST_HELPERS = new Set(
  ['ThreadedTestFTPd', 'MProcessTestFTPd', 'FtpdThreadWrapper', 'FtpdMultiprocWrapper'].map(
    (n) => `pyftpdlib.test.${n}`,
  ),
);
/** pytest-localftpserver's server classes: cleartext unless made with use_TLS=True. */
const LOCAL_SERVERS =
  /^pytest_localftpserver(\.\w+)*\.(PytestLocalFTPServer|SimpleFTPServer|ThreadFTPServer|ProcessFTPServer)$/;
/** The names worth resolving (and any alias a from-import gives them); anything else is not looked at. */
const CANDIDATE_NAMES = [
  'FTPHandler',
  'TLS_FTPHandler',
  'FTPServer',
  'ThreadedFTPServer',
  'MultiprocessFTPServer',
  'ThreadedTestFTPd',
  'MProcessTestFTPd',
  'FtpdThreadWrapper',
  'FtpdMultiprocWrapper',
  'PytestLocalFTPServer',
  'SimpleFTPServer',
  'ThreadFTPServer',
  'ProcessFTPServer',
];
const LIBRARIES = /^(pyftpdlib|pytest_localftpserver)(\.|$)/;
const FIXTURES = new Set(['ftpserver', 'ftpserver_TLS']);
/** A handler we cannot resolve (imported from elsewhere) is taken for a TLS one only by its name. */
const TLS_NAME = /tls|ssl|ftps/i;

const SWITCH_HANDLER = 'switch the server to TLS_FTPHandler';

/** Every test server the file starts, in source order. Empty when the file uses neither library. */
export function testServers(bindings: Bindings, source: string): TestServer[] {
  if (!source.includes('pyftpdlib') && !source.includes('ftpserver')) return [];
  const out: TestServer[] = [];
  const seen = new Set<number>();
  const add = (server: TestServer | undefined) => {
    if (server && !seen.has(server.node.id)) {
      seen.add(server.node.id);
      out.push(server);
    }
  };
  const root = bindings.tree.rootNode;
  const names = new Set([...CANDIDATE_NAMES, ...FIXTURES, ...aliases(root)]);
  const word = new RegExp(`\\b(${[...names].join('|')})\\b`, 'g');
  for (const m of source.matchAll(word)) {
    const id = root.descendantForIndex(m.index, m.index + m[0].length);
    if (id?.type !== 'identifier' || id.text !== m[0]) continue;
    if (FIXTURES.has(m[0])) {
      add(fixtureParameter(id));
      continue;
    }
    const ref = referenceAt(bindings, id);
    if (ref) add(classifyReference(bindings, ref.node, ref.name));
  }
  for (const call of bindings.calls()) add(fixtureByName(call));
  if (source.includes('pyftpdlib'))
    for (const str of root.descendantsOfType('string')) if (str) add(commandLine(str));
  return out.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

/**
 * Why this file's ftplib.FTP clients stay FTP: it runs a cleartext test server. The reason names the first
 * one (and the first TLS one, when there is one too: which client talks to which cannot be told). Undefined
 * when the file starts no cleartext server.
 */
export function plainServerReason(bindings: Bindings, source: string): string | undefined {
  const servers = testServers(bindings, source);
  const plain = servers.find((s) => !s.tls);
  if (!plain) return undefined;
  const tls = servers.find((s) => s.tls);
  const line = (s: TestServer) => s.node.startPosition.row + 1;
  const started = `this file runs a cleartext FTP test server (${plain.what}, line ${line(plain)})`;
  const both = tls
    ? ` and a TLS one (${tls.what}, line ${line(tls)}): which client talks to which cannot be told here, and`
    : ':';
  return (
    `${started}${both} its clients stay FTP so the suite keeps passing; ${plain.fix}, ` +
    'then run ftptls again'
  );
}

/** `from pyftpdlib.handlers import FTPHandler as Handler`: the local names the candidates are imported as. */
function aliases(root: Node): string[] {
  const out: string[] = [];
  for (const stmt of root.descendantsOfType('import_from_statement')) {
    const module = stmt?.childForFieldName('module_name')?.text ?? '';
    if (!LIBRARIES.test(module)) continue;
    for (const item of stmt!.childrenForFieldName('name')) {
      if (item?.type !== 'aliased_import') continue;
      const name = item.childForFieldName('name')?.text ?? '';
      const alias = item.childForFieldName('alias')?.text;
      if (alias && CANDIDATE_NAMES.includes(name)) out.push(alias);
    }
  }
  return out;
}

/** The reference a candidate identifier is part of (`FTPHandler`, `handlers.FTPHandler`) and its full name. */
function referenceAt(bindings: Bindings, id: Node): { node: Node; name: string } | undefined {
  const parent = id.parent;
  if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === id.id) {
    const owner = qualifiedName(bindings, parent.childForFieldName('object'));
    return owner ? { node: parent, name: `${owner}.${id.text}` } : undefined;
  }
  if (!bindings.isUse(id)) return undefined;
  const name = qualifiedName(bindings, id);
  return name ? { node: id, name } : undefined;
}

/**
 * The dotted name an identifier or attribute stands for through imports only (`handlers.FTPHandler` after
 * `from pyftpdlib import handlers`: pyftpdlib.handlers.FTPHandler); undefined for anything else.
 */
function qualifiedName(bindings: Bindings, expr: Node | null): string | undefined {
  if (expr?.type === 'attribute') {
    const owner = qualifiedName(bindings, expr.childForFieldName('object'));
    const attr = expr.childForFieldName('attribute')?.text;
    return owner && attr ? `${owner}.${attr}` : undefined;
  }
  if (expr?.type !== 'identifier') return undefined;
  const found = bindings.lookup(expr.text, bindings.scopeAt(expr));
  if (!found || found.sites.length === 0) {
    // bound nowhere: `from pyftpdlib.handlers import *` (at module level: Python allows it nowhere else)
    const star = (found?.star ?? bindings.module.starModules).find((m) => LIBRARIES.test(m));
    return star ? `${star}.${expr.text}` : undefined;
  }
  const names = new Set(found.sites.filter((s) => !s.fallback).map(importedAs));
  const [only] = names;
  return names.size === 1 ? only : undefined;
}

function importedAs(site: BindingSite): string | undefined {
  if (site.kind === 'import') return site.module;
  if (site.kind === 'from-import' && site.module) return `${site.module}.${site.importedName}`;
  return undefined;
}

/** What a reference to one of the libraries' names says about the servers of the file, if anything. */
function classifyReference(bindings: Bindings, ref: Node, name: string): TestServer | undefined {
  const short = name.slice(name.lastIndexOf('.') + 1);
  if (SERVERS.has(name)) return serverCall(bindings, ref, short);
  if (LOCAL_SERVERS.test(name)) return localServer(ref, short);
  if (!PLAIN_HANDLERS.has(name) && !TLS_HANDLERS.has(name) && !TEST_HELPERS.has(name)) return undefined;
  if (readOnly(ref) || typeCheckArgument(ref)) return undefined;
  if (TEST_HELPERS.has(name)) {
    const cls = baseOf(ref);
    const handler = cls && handlerOverride(cls);
    if (handler && handlerKind(bindings, handler, 0) === 'tls')
      return {
        node: ref,
        tls: true,
        what: `pyftpdlib.test ${short} with handler = ${handler.text}`,
        fix: '',
      };
    return {
      node: ref,
      tls: false,
      what: `pyftpdlib.test ${short}, whose handler is FTPHandler`,
      fix: `${SWITCH_HANDLER} (a subclass of ${short} with handler = TLS_FTPHandler)`,
    };
  }
  const tls = TLS_HANDLERS.has(name);
  return { node: ref, tls, what: `pyftpdlib ${short}`, fix: tls ? '' : SWITCH_HANDLER };
}

/**
 * `FTPServer(addr, handler)` with a handler that is not named here as pyftpdlib's (those count where they are
 * named): one imported from elsewhere counts as cleartext unless its name says TLS; a parameter is left to the
 * calls that give it.
 */
function serverCall(bindings: Bindings, ref: Node, short: string): TestServer | undefined {
  const call = ref.parent;
  if (call?.type !== 'call' || call.childForFieldName('function')?.id !== ref.id) return undefined;
  const args = callArguments(call);
  const handler = args.keywords.get('handler') ?? args.positional[1];
  if (!handler) return undefined;
  const kind = handlerKind(bindings, handler, 0);
  if (kind !== 'unknown') return undefined;
  if (TLS_NAME.test(handler.text))
    return { node: call, tls: true, what: `pyftpdlib ${short} with ${handler.text}`, fix: '' };
  return {
    node: call,
    tls: false,
    what: `pyftpdlib ${short} with ${handler.text}, not known to be a TLS handler`,
    fix: `${SWITCH_HANDLER} (or a subclass of it)`,
  };
}

type HandlerKind = 'plain' | 'tls' | 'unknown' | 'param';

/** What a handler expression is: pyftpdlib's FTPHandler or TLS_FTPHandler, directly or through this file. */
function handlerKind(bindings: Bindings, expr: Node, depth: number): HandlerKind {
  if (depth > 8) return 'unknown';
  const name = qualifiedName(bindings, expr);
  if (name && PLAIN_HANDLERS.has(name)) return 'plain';
  if (name && TLS_HANDLERS.has(name)) return 'tls';
  if (expr.type !== 'identifier') return 'unknown';
  const sites = bindings.lookup(expr.text, bindings.scopeAt(expr))?.sites ?? [];
  if (sites.length === 0) return 'unknown';
  if (sites.every((s) => s.kind === 'param')) return 'param';
  const kinds = sites.map((site): HandlerKind => {
    if (site.kind === 'class' && site.value) {
      const bases = positionalBases(site.value).map((b) => handlerKind(bindings, b, depth + 1));
      return bases.includes('tls') ? 'tls' : bases.includes('plain') ? 'plain' : 'unknown';
    }
    if (site.kind === 'assign' && site.value) return handlerKind(bindings, site.value, depth + 1);
    return 'unknown';
  });
  if (kinds.includes('plain')) return 'plain';
  return kinds.every((k) => k === 'tls') ? 'tls' : 'unknown';
}

/** pytest-localftpserver's server classes made here: TLS only with use_TLS=True. */
function localServer(ref: Node, short: string): TestServer | undefined {
  const call = ref.parent;
  if (call?.type !== 'call' || call.childForFieldName('function')?.id !== ref.id) return undefined;
  const useTls = callArguments(call).keywords.get('use_TLS');
  if (useTls?.type === 'true')
    return { node: call, tls: true, what: `pytest_localftpserver ${short}(use_TLS=True)`, fix: '' };
  return {
    node: call,
    tls: false,
    what: `pytest_localftpserver ${short} without use_TLS=True`,
    fix: 'make it with use_TLS=True',
  };
}

/** `def test_upload(ftpserver)`: a test or fixture that asks for pytest-localftpserver's fixture. */
function fixtureParameter(id: Node): TestServer | undefined {
  let param: Node = id;
  const holder = id.parent;
  if (holder && holder.type !== 'parameters') {
    // `ftpserver=None`, `ftpserver: PytestLocalFTPServer`: the name, not something in the default or type
    const name =
      holder.type === 'typed_parameter' ? holder.namedChildren[0] : holder.childForFieldName('name');
    if (name?.id !== id.id) return undefined;
    param = holder;
  }
  const fn = param.parent?.type === 'parameters' ? param.parent.parent : undefined;
  if (fn?.type !== 'function_definition') return undefined;
  if (!isTestOrFixture(fn)) return undefined;
  return fixture(id, id.text === 'ftpserver_TLS');
}

/** `request.getfixturevalue("ftpserver")`, `@pytest.mark.usefixtures("ftpserver")`. */
function fixtureByName(call: Node): TestServer | undefined {
  const fn = call.childForFieldName('function');
  if (!fn || !/(^|\.)(getfixturevalue|usefixtures)$/.test(fn.text)) return undefined;
  for (const arg of callArguments(call).positional) {
    const value = arg.type === 'string' ? stringValue(arg) : undefined;
    if (value === 'ftpserver' || value === 'ftpserver_TLS') return fixture(arg, value === 'ftpserver_TLS');
  }
  return undefined;
}

function fixture(node: Node, tls: boolean): TestServer {
  return tls
    ? { node, tls, what: "pytest-localftpserver's ftpserver_TLS fixture", fix: '' }
    : {
        node,
        tls,
        what: "pytest-localftpserver's ftpserver fixture",
        fix: 'switch the tests to the ftpserver_TLS fixture',
      };
}

function isTestOrFixture(fn: Node): boolean {
  if (/^test/.test(fn.childForFieldName('name')?.text ?? '')) return true;
  const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent : undefined;
  return (decorated?.namedChildren ?? []).some(
    (d) => d?.type === 'decorator' && /(^|[\s.@])fixture\b/.test(d.text),
  );
}

/** `[sys.executable, "-m", "pyftpdlib", ...]`, `"python3 -m pyftpdlib -p 2121"`: its command line is cleartext. */
function commandLine(str: Node): TestServer | undefined {
  const value = stringValue(str);
  let found = false;
  if (value === 'pyftpdlib') {
    let before = str.previousNamedSibling;
    while (before?.type === 'comment') before = before.previousNamedSibling;
    found = before?.type === 'string' && stringValue(before) === '-m';
  } else if (str.parent?.type !== 'expression_statement') {
    // a docstring that mentions the command runs nothing
    found = /(^|[\s"'}])-m\s+pyftpdlib(\s|["']|$)/.test(str.text) && !/^[rRbB]*("""|''')/.test(str.text);
  }
  if (!found) return undefined;
  return {
    node: str,
    tls: false,
    what: 'python -m pyftpdlib',
    fix: 'start a pyftpdlib server with TLS_FTPHandler instead (python -m pyftpdlib has no TLS option)',
  };
}

/** `FTPHandler.proto_cmds`: a read of the class's attribute, not a server (`FTPHandler.banner = x` is set up). */
function readOnly(ref: Node): boolean {
  const attribute = ref.parent;
  if (attribute?.type !== 'attribute' || attribute.childForFieldName('object')?.id !== ref.id) return false;
  const holder = attribute.parent;
  const assigned =
    (holder?.type === 'assignment' || holder?.type === 'augmented_assignment') &&
    holder.childForFieldName('left')?.id === attribute.id;
  return !assigned;
}

/** The class argument of isinstance() / issubclass(), alone or in a tuple. */
function typeCheckArgument(ref: Node): boolean {
  let arg: Node = ref;
  if (arg.parent?.type === 'tuple') arg = arg.parent;
  const call = arg.parent?.type === 'argument_list' ? arg.parent.parent : undefined;
  const fn = call?.type === 'call' ? call.childForFieldName('function')?.text : undefined;
  return fn === 'isinstance' || fn === 'issubclass';
}

/** The class this reference is a positional base of. */
function baseOf(ref: Node): Node | undefined {
  const cls = ref.parent?.type === 'argument_list' ? ref.parent.parent : undefined;
  return cls?.type === 'class_definition' && positionalBases(cls).some((b) => b.id === ref.id)
    ? cls
    : undefined;
}

/** `handler = X` in a class body: the handler class a pyftpdlib.test helper subclass runs. */
function handlerOverride(cls: Node): Node | undefined {
  let value: Node | undefined;
  for (const stmt of cls.childForFieldName('body')?.namedChildren ?? []) {
    const assignment = stmt?.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
    if (assignment?.type !== 'assignment') continue;
    if (assignment.childForFieldName('left')?.text !== 'handler') continue;
    value = assignment.childForFieldName('right') ?? undefined;
  }
  return value;
}
