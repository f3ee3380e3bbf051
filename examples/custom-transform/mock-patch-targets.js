// @ts-check
/**
 * mock-patch-targets: an example ftptls transform, loaded with
 *
 *   npx ftptls tests/ -t ftp-to-ftp-tls -t prot-p --transform ./examples/custom-transform/mock-patch-targets.js
 *
 * ftptls's built-in `mock-targets` transform now does what this one does, and more (README: Test doubles); this
 * file stays as a how-to for writing a transform of your own. After the default pipeline it finds nothing left
 * to move, so the command above runs it after the code transforms only.
 *
 * Once ftptls has rewritten the code under test from `ftplib.FTP` to `ftplib.FTP_TLS`, a test that patches
 * `ftplib.FTP` no longer intercepts anything: the code now creates a real FTP_TLS connection and the test
 * fails (or, worse, connects somewhere). This transform moves the patch targets along:
 *
 *   mock.patch("ftplib.FTP")                 ->  mock.patch("ftplib.FTP_TLS")       (also patch, mocker.patch,
 *   patch(target="ftplib.FTP")               ->  patch(target="ftplib.FTP_TLS")      unittest.mock.patch, ...)
 *   mock.patch.object(ftplib, "FTP")         ->  mock.patch.object(ftplib, "FTP_TLS")
 *   mock.patch.multiple(ftplib, FTP=DEFAULT) ->  mock.patch.multiple(ftplib, FTP_TLS=DEFAULT)
 *   monkeypatch.setattr("ftplib.FTP", Fake)  ->  monkeypatch.setattr("ftplib.FTP_TLS", Fake)
 *   monkeypatch.setattr(ftplib, "FTP", Fake) ->  monkeypatch.setattr(ftplib, "FTP_TLS", Fake)
 *
 * Only plain string literals are changed (no f-strings, bytes or concatenations). The object forms change only
 * when the first argument really is the ftplib module, as ftptls's bindings analysis sees it (`import ftplib`,
 * `import ftplib as f`, ...). Two cases are reported for a person instead (status `manual`):
 *   - a target that patches FTP where it is used (`patch("myapp.upload.FTP")`): whether `myapp.upload` now
 *     has FTP_TLS depends on another file;
 *   - a file that already patches `ftplib.FTP_TLS` as well: two patches of one class need a decision.
 * A suppression comment that ftptls honours (`# nosec`, `# noqa: S321`, `# ftptls: ignore`, ...) on the
 * statement keeps the target as it is (status `suppressed`).
 *
 * The module's default export is a Transform, the same interface as ftptls's built-in transforms:
 * `{ name, description, run(ctx) }`. `run` gets the file's current text (after the built-ins), its tree-sitter
 * tree, the shared bindings analysis and the suppression checker, and returns findings; each finding's
 * `edits` ({ start, end, text } in UTF-16 offsets of ctx.source) are applied as one group. ftptls checks them
 * (an overlap or a result that does not parse makes the file an error and nothing is written) and reports
 * the findings under the transform's name, in every output format.
 *
 * The types below come from the built package (`npm run build`) of this repository; in your own project write
 * `import('ftptls').Transform` and so on instead. They are for your editor and `tsc --checkJs` only: nothing
 * is imported at run time, so this file also works where `ftptls` itself is not resolvable.
 *
 * @typedef {import('../../dist/src/index.js').Transform} Transform
 * @typedef {import('../../dist/src/index.js').TransformContext} TransformContext
 * @typedef {import('../../dist/src/index.js').RawFinding} RawFinding
 * @typedef {import('../../dist/src/index.js').Node} Node
 */

const NAME = 'mock-patch-targets';

/** `ftplib.FTP`, or a path through a module that did `import ftplib` (`myapp.ftplib.FTP`). */
const FTPLIB_TARGET = /^(?:[A-Za-z_]\w*\.)*ftplib\.FTP$/;
const FTPLIB_TLS_TARGET = /^(?:[A-Za-z_]\w*\.)*ftplib\.FTP_TLS$/;
/** Any other dotted path ending in `.FTP`: FTP patched where a module uses it. */
const WHERE_USED_TARGET = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\.FTP$/;

/**
 * What a call patches, by the dotted name of the function called: `patch` and `mock.patch` take a target
 * string; `.object` and `setattr` an object and an attribute name; `.multiple` an object and keywords.
 * @param {string} callee
 * @returns {'target' | 'object' | 'multiple' | 'setattr' | undefined}
 */
function patchKind(callee) {
  if (/(^|\.)patch$/.test(callee)) return 'target';
  if (/(^|\.)patch\.object$/.test(callee)) return 'object';
  if (/(^|\.)patch\.multiple$/.test(callee)) return 'multiple';
  if (/\.setattr$/.test(callee)) return 'setattr'; // pytest's monkeypatch.setattr (not the builtin setattr)
  return undefined;
}

/**
 * `a.b.c` for an identifier or a chain of attributes of identifiers; undefined for anything else.
 * @param {Node | null} node
 * @returns {string | undefined}
 */
function dottedName(node) {
  if (node?.type === 'identifier') return node.text;
  if (node?.type !== 'attribute') return undefined;
  const object = dottedName(node.childForFieldName('object'));
  const attribute = node.childForFieldName('attribute');
  return object && attribute ? `${object}.${attribute.text}` : undefined;
}

/**
 * The content node of a plain string literal (`"..."`, `'...'`, `r"..."`, `u"..."`, triple-quoted), or
 * undefined for f-strings, bytes, concatenations and strings with escapes.
 * @param {Node | undefined} node
 * @returns {Node | undefined}
 */
function plainStringContent(node) {
  if (node?.type !== 'string') return undefined;
  const parts = node.namedChildren;
  const [start, content, end] = parts;
  if (parts.length !== 3 || start?.type !== 'string_start' || end?.type !== 'string_end') return undefined;
  if (content?.type !== 'string_content' || content.namedChildCount > 0) return undefined;
  if (/[^rRuU]/.test(start.text.replace(/['"]/g, ''))) return undefined; // f, b, t prefixes
  return content;
}

/**
 * Positional arguments and keyword arguments of a call (no `*args` / `**kwargs` unpacking).
 * @param {Node} call
 */
function callArguments(call) {
  /** @type {Node[]} */
  const positional = [];
  /** @type {Map<string, Node>} */
  const keywords = new Map();
  /** @type {Node[]} */
  const keywordNames = [];
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name');
      const value = arg.childForFieldName('value');
      if (name && value) {
        keywords.set(name.text, value);
        keywordNames.push(name);
      }
    } else if (arg.type !== 'list_splat' && arg.type !== 'dictionary_splat') positional.push(arg);
  }
  return { positional, keywords, keywordNames };
}

/**
 * One site: the node reported, and the edit that moves it from FTP to FTP_TLS (insert `_TLS` after it).
 * @typedef {{ node: Node, insertAt: number, shown: string, manual?: string }} Site
 */

/**
 * Every patch site of this file that names ftplib's FTP, and whether the file also patches FTP_TLS.
 * @param {TransformContext} ctx
 */
function findSites(ctx) {
  /** @type {Site[]} */
  const sites = [];
  let patchesTls = false;
  /** Is this expression the ftplib module (`ftplib`, `import ftplib as f; f`) or the string "ftplib"? */
  const isFtplib = (/** @type {Node | undefined} */ node) =>
    ctx.bindings.valueOf(node).kind === 'ftplib' || plainStringContent(node)?.text === 'ftplib';

  for (const call of ctx.tree.rootNode.descendantsOfType('call')) {
    if (!call) continue;
    const callee = dottedName(call.childForFieldName('function'));
    const kind = callee && patchKind(callee);
    if (!kind) continue;
    const { positional, keywords, keywordNames } = callArguments(call);

    // monkeypatch.setattr takes either a target string or an object and an attribute name
    const form = kind === 'setattr' ? (plainStringContent(positional[0]) ? 'target' : 'object') : kind;

    if (form === 'target') {
      // patch("ftplib.FTP") / patch(target="ftplib.FTP") / monkeypatch.setattr("ftplib.FTP", value)
      const arg = positional[0] ?? keywords.get('target');
      const content = plainStringContent(arg);
      if (!arg || !content) continue;
      if (FTPLIB_TLS_TARGET.test(content.text)) patchesTls = true;
      else if (FTPLIB_TARGET.test(content.text))
        sites.push({ node: arg, insertAt: content.endIndex, shown: content.text });
      else if (WHERE_USED_TARGET.test(content.text))
        sites.push({
          node: arg,
          insertAt: content.endIndex,
          shown: content.text,
          manual:
            'this patches FTP where another module uses it; if ftptls rewrote that module to FTP_TLS, ' +
            `patch "${content.text}_TLS" instead`,
        });
    } else if (form === 'object') {
      // patch.object(ftplib, "FTP") / monkeypatch.setattr(ftplib, "FTP", value)
      const target = positional[0] ?? keywords.get('target');
      const attribute = positional[1] ?? keywords.get(kind === 'object' ? 'attribute' : 'name');
      const content = plainStringContent(attribute);
      if (!attribute || !content || !isFtplib(target)) continue;
      if (content.text === 'FTP_TLS') patchesTls = true;
      else if (content.text === 'FTP')
        sites.push({ node: attribute, insertAt: content.endIndex, shown: `ftplib.${content.text}` });
    } else if (form === 'multiple') {
      // patch.multiple(ftplib, FTP=DEFAULT) / patch.multiple("ftplib", FTP=DEFAULT)
      if (!isFtplib(positional[0] ?? keywords.get('target'))) continue;
      for (const name of keywordNames) {
        if (name.text === 'FTP_TLS') patchesTls = true;
        else if (name.text === 'FTP')
          sites.push({ node: name, insertAt: name.endIndex, shown: 'ftplib.FTP' });
      }
    }
  }
  return { sites, patchesTls };
}

/** @type {Transform} */
const mockPatchTargets = {
  name: NAME,
  description: 'Move mock.patch / patch.object / monkeypatch targets from ftplib.FTP to ftplib.FTP_TLS',
  helpUri: 'https://docs.python.org/3/library/unittest.mock.html#where-to-patch',
  run(ctx) {
    const { sites, patchesTls } = findSites(ctx);
    /** @type {RawFinding[]} */
    const findings = [];
    for (const site of sites) {
      const at = { rule: NAME, start: site.node.startIndex, end: site.node.endIndex };
      const marker = ctx.suppressor.markerFor(site.node, 'reference');
      if (marker) {
        findings.push({
          ...at,
          status: 'suppressed',
          marker,
          message: `patch target ${site.shown} kept: suppressed by ${marker}`,
        });
      } else if (site.manual) {
        findings.push({
          ...at,
          status: 'manual',
          message: `patch target ${site.shown} not changed`,
          reason: site.manual,
        });
      } else if (patchesTls) {
        findings.push({
          ...at,
          status: 'manual',
          message: `patch target ${site.shown} not changed`,
          reason:
            'this file also patches ftplib.FTP_TLS; decide by hand which patch the rewritten code needs',
        });
      } else {
        findings.push({
          ...at,
          status: 'fixed',
          message: `the code under test now uses FTP_TLS: patch target ${site.shown} moved to FTP_TLS`,
          edits: [{ start: site.insertAt, end: site.insertAt, text: '_TLS' }],
        });
      }
    }
    return { findings };
  },
};

export default mockPatchTargets;
