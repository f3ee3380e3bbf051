// Random but valid Python code: the rest of a real module around its ftplib uses (bench/generate.js). Classes
// with many methods, long docstrings, functions with type hints and decorators, nested functions and
// closures, async code, big dict/list literals, string constants, comments, exceptions, an argparse main():
// the shapes real modules have, so parsing and analysis see real sizes and variety. Nothing here mentions
// ftplib, logs in, or uses a name the transforms look at (ftp, ssl, host, user, passwd, ...), so a file's
// findings come from its ftplib uses alone.

const NOUNS = [
  'record',
  'entry',
  'chunk',
  'item',
  'row',
  'field',
  'header',
  'column',
  'table',
  'queue',
  'task',
  'result',
  'summary',
  'option',
  'setting',
  'path',
  'label',
  'size',
  'total',
  'limit',
  'offset',
  'position',
  'stamp',
  'checksum',
  'digest',
  'status',
  'warning',
  'message',
  'line',
  'block',
  'page',
  'section',
  'group',
  'bucket',
  'cache',
  'buffer',
  'window',
  'region',
  'account',
  'customer',
  'product',
  'vendor',
  'report',
  'invoice',
  'archive',
  'ledger',
  'sensor',
  'batch',
  'catalog',
  'snapshot',
  'manifest',
  'order',
  'price',
  'stock',
  'image',
  'period',
  'schedule',
  'target',
  'source',
  'counter',
];
const VERBS = [
  'load',
  'parse',
  'build',
  'check',
  'render',
  'merge',
  'split',
  'apply',
  'normalize',
  'validate',
  'collect',
  'resolve',
  'format',
  'encode',
  'decode',
  'scan',
  'filter',
  'group',
  'compare',
  'prepare',
  'convert',
  'compute',
  'extract',
  'update',
  'refresh',
  'rotate',
  'compress',
  'expand',
  'dedupe',
  'flatten',
  'notify',
  'publish',
  'read',
  'write',
  'clean',
  'find',
];
const PROSE = (
  'the a each every this that file files record records value values list table directory batch job run ' +
  'is are was be returned kept read written skipped checked sorted merged stored sent when if unless after ' +
  'before while and or but not with without from into for of to in on by as per only also still already ' +
  'empty missing invalid stale partial complete daily nightly remote local new old first last next given ' +
  'caller server queue worker report cache limit timeout retry error warning default option setting field ' +
  'line column header footer name size count time date stamp order price customer account'
).split(' ');
const TYPES = ['str', 'int', 'float', 'bool', 'bytes', 'List[str]', 'Dict[str, Any]', 'Optional[str]'];
const EXCEPTIONS = ['ValueError', 'KeyError', 'OSError', 'TypeError', 'RuntimeError', 'IndexError'];

/** Emits the filler of one module; `rand` is the module's seeded PRNG, `n` its name stem. */
export class Filler {
  constructor(rand, n) {
    this.rand = rand;
    this.n = n;
    /** Import lines the emitted code needs. */
    this.imports = new Set();
    /** Module-level helper functions emitted so far (later code calls them). */
    this.helpers = [];
    this.block = 0;
  }

  int(lo, hi) {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }
  chance(p) {
    return this.rand() < p;
  }
  one(xs) {
    return xs[Math.floor(this.rand() * xs.length)];
  }
  /** A module-level name no other block or ftplib use has: `stem` plus the module's and the block's number. */
  unique(stem) {
    return `${stem}_${this.n}_${this.block}`;
  }

  sentence(min = 6, max = 16) {
    const words = Array.from({ length: this.int(min, max) }, () => this.one(PROSE));
    words[0] = cap(words[0]);
    return `${words.join(' ')}.`;
  }
  /** Sentences wrapped at about 80 columns, each line prefixed with `prefix`. */
  paragraph(prefix, sentences) {
    const words = Array.from({ length: sentences }, () => this.sentence())
      .join(' ')
      .split(' ');
    const out = [];
    let line = '';
    for (const w of words) {
      if (line && prefix.length + line.length + w.length > 80) {
        out.push(prefix + line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    if (line) out.push(prefix + line);
    return out;
  }
  /** A docstring at `pad`: a summary line, or with `long` paragraphs and Args/Returns/Raises sections. */
  docstring(pad, { long = false, params = [] } = {}) {
    const summary = this.sentence(4, 10);
    if (!long) return [`${pad}"""${summary}"""`];
    const lines = [`${pad}"""${summary}`];
    for (let p = this.int(1, 3); p > 0; p--) lines.push('', ...this.paragraph(pad, this.int(1, 4)));
    if (params.length) {
      lines.push('', `${pad}Args:`);
      for (const p of params) lines.push(`${pad}    ${p}: ${this.sentence(3, 9)}`);
    }
    if (this.chance(0.6)) lines.push('', `${pad}Returns:`, `${pad}    ${this.sentence(3, 10)}`);
    if (this.chance(0.3))
      lines.push('', `${pad}Raises:`, `${pad}    ${this.one(EXCEPTIONS)}: ${this.sentence(3, 8)}`);
    lines.push(`${pad}"""`);
    return lines;
  }

  varName() {
    return this.chance(0.4) ? `${this.one(NOUNS)}_${this.one(NOUNS)}` : this.one(NOUNS);
  }
  literal() {
    switch (this.int(0, 6)) {
      case 0:
        return String(this.int(0, 5000));
      case 1:
        return `${this.int(0, 99)}.${this.int(0, 99)}`;
      case 2:
        return this.one(['True', 'False', 'None']);
      case 3:
        return `"${this.one(NOUNS)}"`;
      case 4:
        return `"${this.sentence(2, 6).slice(0, -1).toLowerCase()}"`;
      case 5:
        return `(${this.int(1, 9)}, ${this.int(10, 99)})`;
      default:
        return `[${this.literalAtom()}, ${this.literalAtom()}, ${this.literalAtom()}]`;
    }
  }
  literalAtom() {
    return this.chance(0.5) ? String(this.int(0, 999)) : `"${this.one(NOUNS)}"`;
  }

  /** A name in `scope`, or a module-level one (never a number: `5.strip()` is no Python). */
  name(scope) {
    return scope.names.length && this.chance(0.9)
      ? this.one(scope.names)
      : this.one(['data', 'options', 'DEFAULTS']);
  }

  /** An expression over the names in `scope`. */
  expr(scope, depth = 0) {
    const v = () => this.name(scope);
    if (depth > 2) return this.chance(0.6) ? v() : this.literal();
    switch (this.int(0, 17)) {
      case 0:
      case 1:
        return v();
      case 2:
        return this.literal();
      case 3:
        return `${this.one(['len', 'sorted', 'str', 'int', 'list', 'set', 'tuple', 'repr'])}(${v()})`;
      case 4:
        return `${this.one(['max', 'min', 'round'])}(${v()}, ${this.expr(scope, depth + 1)})`;
      case 5:
        return `${v()}.${this.one(['strip()', 'lower()', 'split(",")', 'items()', 'keys()', 'copy()'])}`;
      case 6:
        return `${v()}.get("${this.one(NOUNS)}", ${this.literal()})`;
      case 7:
        return `${v()} ${this.one(['+', '-', '*', '//', '%', 'or', 'and'])} ${this.expr(scope, depth + 1)}`;
      case 8:
        return `${this.expr(scope, depth + 1)} if ${this.cond(scope, depth + 1)} else ${this.expr(scope, depth + 1)}`;
      case 9: {
        const x = this.one(['x', 'item', 'part', 'value']);
        const inner = { names: [...scope.names, x], self: scope.self };
        return `[${this.expr(inner, depth + 1)} for ${x} in ${v()}${this.chance(0.4) ? ` if ${this.cond(inner, depth + 1)}` : ''}]`;
      }
      case 10:
        return `{k: ${this.expr({ names: [...scope.names, 'k', 'val'], self: scope.self }, depth + 1)} for k, val in ${v()}.items()}`;
      case 11:
        return `f"${this.one(NOUNS)} {${v()}}: {${v()}!r}"`;
      case 12:
        this.imports.add('import os');
        return `os.path.${this.one(['join', 'basename', 'dirname', 'splitext', 'exists'])}(${v()}${this.chance(0.5) ? `, "${this.one(NOUNS)}"` : ''})`;
      case 13:
        return `${v()}[${this.chance(0.5) ? this.int(0, 3) : `"${this.one(NOUNS)}"`}]`;
      case 14:
        if (this.helpers.length)
          return `${this.one(this.helpers)}(${v()}${this.chance(0.5) ? `, ${this.expr(scope, depth + 1)}` : ''})`;
        return v();
      case 15:
        return `{"${this.one(NOUNS)}": ${this.expr(scope, depth + 1)}, "${this.one(NOUNS)}": ${v()}}`;
      case 16:
        this.imports.add('import json');
        return `json.${this.one(['dumps', 'loads'])}(${v()})`;
      default:
        return scope.self && scope.attrs?.length ? `self.${this.one(scope.attrs)}` : v();
    }
  }
  cond(scope, depth = 0) {
    const v = () => this.name(scope);
    switch (this.int(0, 7)) {
      case 0:
        return `${v()} is None`;
      case 1:
        return `not ${v()}`;
      case 2:
        return `len(${v()}) > ${this.int(0, 20)}`;
      case 3:
        return `${v()} in ("${this.one(NOUNS)}", "${this.one(NOUNS)}")`;
      case 4:
        return `isinstance(${v()}, ${this.one(['dict', 'list', 'str', 'int', 'tuple'])})`;
      case 5:
        return `${this.cond(scope, depth + 1)} and ${v()}`;
      case 6:
        return `${v()} ${this.one(['<', '>', '==', '!=', '>='])} ${this.expr(scope, depth + 2)}`;
      default:
        return v();
    }
  }

  /**
   * Statements at `pad` into `out`, about `budget` lines of them. `ctx`: scope (names, self, attrs), and
   * whether this is inside a loop, a generator, an async function.
   */
  body(out, pad, ctx, budget, depth = 0) {
    const start = out.length;
    while (out.length - start < budget) this.statement(out, pad, ctx, budget - (out.length - start), depth);
    // a block of comments alone is no block
    const statement = (l) => l.length > pad.length && l[pad.length] !== ' ' && l[pad.length] !== '#';
    if (!out.slice(start).some(statement)) out.push(`${pad}pass`);
  }
  statement(out, pad, ctx, budget, depth) {
    const deeper = pad + '    ';
    const s = ctx.scope;
    const block = depth < 3 && budget > 3;
    switch (block ? this.int(0, 19) : this.int(0, 7)) {
      case 0:
      case 1:
      case 2: {
        const name = this.varName();
        const hint = this.chance(0.15) ? `: ${this.one(TYPES)}` : '';
        if (hint) this.imports.add('from typing import Any, Dict, List, Optional');
        out.push(`${pad}${name}${hint} = ${this.expr(s)}`);
        s.names.push(name);
        return;
      }
      case 3:
        out.push(`${pad}${s.names.length ? this.one(s.names) : 'counter'} += ${this.expr(s, 2)}`);
        return;
      case 4:
        this.imports.add('import logging');
        out.push(
          `${pad}logger.${this.one(['debug', 'info', 'warning'])}("${this.sentence(2, 6).slice(0, -1)}: %s", ${this.expr(s, 1)})`,
        );
        return;
      case 5:
        out.push(`${pad}# ${this.sentence(4, 14)}`);
        return;
      case 6:
        if (ctx.generator) out.push(`${pad}yield ${this.expr(s, 1)}`);
        else if (ctx.async) out.push(`${pad}${this.varName()} = await ${this.awaitable(s)}`);
        else if (ctx.loop && this.chance(0.5))
          out.push(`${pad}if ${this.cond(s)}:`, `${deeper}${this.one(['break', 'continue'])}`);
        else
          out.push(
            `${pad}${s.names.length ? this.one(s.names) : 'result'}.${this.one(['append', 'add', 'update', 'extend'])}(${this.expr(s, 1)})`,
          );
        return;
      case 7:
        out.push(`${pad}assert ${this.cond(s)}, "${this.sentence(2, 5).slice(0, -1)}"`);
        return;
      case 8:
      case 9:
      case 10: {
        out.push(`${pad}if ${this.cond(s)}:`);
        this.body(out, deeper, ctx, this.int(1, Math.min(6, budget)), depth + 1);
        if (this.chance(0.3)) {
          out.push(`${pad}elif ${this.cond(s)}:`);
          this.body(out, deeper, ctx, this.int(1, 3), depth + 1);
        }
        if (this.chance(0.4)) {
          out.push(`${pad}else:`);
          if (this.chance(0.3))
            out.push(
              `${deeper}raise ${this.one(EXCEPTIONS)}(f"${this.one(NOUNS)} {${s.names[0] ?? '0'}!r}")`,
            );
          else this.body(out, deeper, ctx, this.int(1, 3), depth + 1);
        }
        return;
      }
      case 11:
      case 12: {
        const item = this.one(['item', 'entry', 'name', 'row', 'part']);
        const it = s.names.length ? this.one(s.names) : `range(${this.int(2, 50)})`;
        if (this.chance(0.3)) out.push(`${pad}for i, ${item} in enumerate(${it}):`);
        else out.push(`${pad}for ${item} in ${it}:`);
        s.names.push(item);
        this.body(out, deeper, { ...ctx, loop: true }, this.int(1, Math.min(8, budget)), depth + 1);
        return;
      }
      case 13: {
        out.push(`${pad}attempt = 0`, `${pad}while attempt < ${this.int(2, 10)}:`, `${deeper}attempt += 1`);
        s.names.push('attempt');
        this.body(out, deeper, { ...ctx, loop: true }, this.int(1, Math.min(5, budget)), depth + 1);
        return;
      }
      case 14:
      case 15: {
        out.push(`${pad}try:`);
        this.body(out, deeper, ctx, this.int(1, Math.min(6, budget)), depth + 1);
        const a = this.one(EXCEPTIONS);
        const b = this.one(EXCEPTIONS.filter((e) => e !== a));
        out.push(`${pad}except ${this.chance(0.4) ? `(${a}, ${b})` : a} as exc:`);
        this.imports.add('import logging');
        out.push(
          `${deeper}logger.${this.one(['warning', 'error', 'exception'])}("${this.sentence(2, 6).slice(0, -1)}: %s", exc)`,
        );
        if (this.chance(0.3)) out.push(`${deeper}raise`);
        if (this.chance(0.25)) {
          out.push(`${pad}finally:`);
          this.body(out, deeper, ctx, this.int(1, 2), depth + 1);
        }
        return;
      }
      case 16: {
        const fh = this.one(['fh', 'stream', 'handle']);
        const mode = this.one(['"r", encoding="utf-8"', '"rb"', '"w", encoding="utf-8"', '"a"']);
        out.push(`${pad}with open(${this.expr(s, 2)}, ${mode}) as ${fh}:`);
        s.names.push(fh);
        this.body(out, deeper, ctx, this.int(1, Math.min(5, budget)), depth + 1);
        return;
      }
      case 17:
        if (depth < 2 && !ctx.generator) {
          // a closure: sees the enclosing names, is called or returned afterwards
          const name = `_${this.one(VERBS)}_${this.one(NOUNS)}`;
          const param = this.one(['value', 'item', 'part']);
          out.push(`${pad}def ${name}(${param}):`);
          const inner = { scope: { names: [...s.names, param], self: s.self, attrs: s.attrs } };
          this.body(out, deeper, inner, this.int(2, Math.min(8, budget)), depth + 1);
          out.push(`${deeper}return ${this.expr(inner.scope, 1)}`);
          s.names.push(name);
          return;
        }
        out.push(`${pad}# ${this.sentence(4, 14)}`);
        return;
      case 18:
        this.imports.add('import time');
        out.push(
          `${pad}${this.varName()} = time.${this.one(['time()', 'monotonic()', 'strftime("%Y%m%d")'])}`,
        );
        return;
      default: {
        const name = this.varName();
        out.push(`${pad}${name} = {`);
        for (let k = this.int(2, 6); k > 0; k--)
          out.push(`${deeper}"${this.one(NOUNS)}": ${this.expr(s, 2)},`);
        out.push(`${pad}}`);
        s.names.push(name);
      }
    }
  }
  awaitable(s) {
    this.imports.add('import asyncio');
    return this.chance(0.5)
      ? `asyncio.sleep(${this.int(0, 3)})`
      : `asyncio.wait_for(${this.one(['queue.get()', 'reader.read(4096)', 'future'])}, timeout=${this.int(1, 60)})`;
  }

  /** Parameters: positional, then defaulted, then maybe *args/**kwargs; type hints in some modules. */
  params(hints) {
    const names = [...new Set(Array.from({ length: this.int(0, 5) }, () => this.varName()))];
    if (hints) this.imports.add('from typing import Any, Dict, List, Optional');
    const defaults = this.int(0, names.length);
    const parts = names.map((p, k) => {
      const t = hints ? `: ${this.one(TYPES)}` : '';
      if (k < names.length - defaults) return `${p}${t}`;
      return `${p}${t}${hints ? ' ' : ''}=${hints ? ' ' : ''}${this.literal()}`;
    });
    if (this.chance(0.1)) parts.push('*args');
    if (this.chance(0.15)) parts.push('**kwargs');
    return { names, text: parts.join(', ') };
  }

  /** A function (or method, with `self`) of about `budget` lines. */
  func(out, pad, budget, { method = false, attrs = [], hints = false, name } = {}) {
    const kind = this.int(0, 19);
    const async = kind === 0;
    const generator = kind === 1;
    if (!method && this.chance(0.2)) out.push(`${pad}@_traced`);
    if (!method && this.chance(0.08)) {
      this.imports.add('import functools');
      out.push(`${pad}@functools.lru_cache(maxsize=${this.one([32, 128, 1024, 'None'])})`);
    }
    const fname = name ?? (method && this.chance(0.25) ? '_' : '') + `${this.one(VERBS)}_${this.one(NOUNS)}`;
    const { names, text } = this.params(hints);
    const sig = [method ? 'self' : '', text].filter(Boolean).join(', ');
    const ret = hints && this.chance(0.7) ? ` -> ${this.one([...TYPES, 'None'])}` : '';
    out.push(`${pad}${async ? 'async ' : ''}def ${fname}(${sig})${ret}:`);
    const inner = pad + '    ';
    if (this.chance(method ? 0.5 : 0.7))
      out.push(...this.docstring(inner, { long: this.chance(0.35), params: names }));
    const scope = { names: [...names], self: method, attrs };
    this.body(out, inner, { scope, async, generator }, Math.max(1, budget - 2));
    if (!generator && !async && this.chance(0.8)) out.push(`${inner}return ${this.expr(scope, 1)}`);
    if (!method) this.helpers.push(fname);
    return fname;
  }

  /** A class of about `budget` lines: docstring, attributes, __init__, properties and many methods. */
  klass(out, budget, hints) {
    const name = `${cap(this.one(NOUNS))}${cap(this.one(['manager', 'store', 'index', 'parser', 'builder', 'view', 'queue', 'registry']))}${this.block}`;
    const dataclass = this.chance(0.15);
    if (dataclass) {
      this.imports.add('import dataclasses');
      out.push('@dataclasses.dataclass');
    }
    out.push(`class ${name}${this.one(['', '', '(object)', '(dict)', '(Exception)'])}:`);
    out.push(...this.docstring('    ', { long: this.chance(0.6) }));
    const attrs = [...new Set(Array.from({ length: this.int(2, 8) }, () => this.varName()))];
    if (dataclass) {
      this.imports.add('from typing import Any, Dict, List, Optional');
      for (const a of attrs) out.push(`    ${a}: ${this.one(TYPES)} = ${this.literal()}`);
    } else {
      out.push('');
      for (let k = this.int(0, 3); k > 0; k--)
        out.push(`    ${this.varName().toUpperCase()} = ${this.literal()}`);
      out.push('');
      out.push(`    def __init__(self, ${attrs.map((a) => `${a}=None`).join(', ')}):`);
      for (const a of attrs) out.push(`        self.${a} = ${a}`);
    }
    const start = out.length;
    while (out.length - start < budget) {
      out.push('');
      const r = this.rand();
      if (r < 0.12) {
        const a = this.one(attrs);
        out.push('    @property', `    def ${a}_value(self):`, `        return self.${a}`);
      } else if (r < 0.2) {
        out.push(`    @${this.one(['staticmethod', 'classmethod'])}`);
        this.func(out, '    ', this.int(3, 20), { method: false, hints });
        this.helpers.pop();
      } else if (r < 0.27) {
        const dunder = this.one(['__repr__', '__len__', '__iter__', '__eq__', '__hash__', '__str__']);
        out.push(`    def ${dunder}(self${dunder === '__eq__' ? ', other' : ''}):`);
        out.push(`        return ${this.expr({ names: attrs.map((a) => `self.${a}`), self: true }, 1)}`);
      } else this.func(out, '    ', this.int(4, 30), { method: true, attrs, hints });
    }
    return name;
  }

  /** One top-level block of about `budget` lines, each block separated from the next by two blank lines. */
  topLevel(budget, hints) {
    this.block++;
    const out = [];
    const r = this.rand();
    if (r < 0.34) this.klass(out, budget, hints);
    else if (r < 0.8) this.func(out, '', budget, { hints });
    else if (r < 0.87) this.table(out, budget);
    else if (r < 0.91) this.template(out, budget);
    else if (r < 0.95) this.exceptions(out);
    else {
      out.push(`# ${'-'.repeat(this.int(20, 70))}`);
      out.push(...this.paragraph('# ', this.int(1, 4)));
      out.push(`${this.unique(this.one(NOUNS)).toUpperCase()} = ${this.literal()}`);
    }
    return out.join('\n');
  }

  /** A big dict or list literal: lookup tables, defaults, column specs. */
  table(out, budget) {
    const name = this.unique(this.one(NOUNS)).toUpperCase();
    const rows = Math.max(3, Math.min(budget, 120));
    if (this.chance(0.5)) {
      out.push(`${name} = {`);
      for (let k = 0; k < rows; k++)
        out.push(
          `    "${this.one(NOUNS)}_${k}": (${this.literalAtom()}, ${this.literal()}, "${this.sentence(2, 6).slice(0, -1)}"),`,
        );
      out.push('}');
    } else {
      out.push(`${name} = [`);
      for (let k = 0; k < rows; k++)
        out.push(`    ${this.literal()},${this.chance(0.1) ? `  # ${this.sentence(2, 6)}` : ''}`);
      out.push(']');
    }
  }

  /** A triple-quoted string constant (a message template, SQL, usage text) and a compiled pattern. */
  template(out, budget) {
    const name = this.unique(this.one(['TEMPLATE', 'QUERY', 'USAGE', 'BANNER'])).toUpperCase();
    out.push(`${name} = """\\`);
    for (let k = Math.max(3, Math.min(budget, 25)); k > 0; k--)
      out.push(this.chance(0.15) ? '' : `${this.chance(0.3) ? '    ' : ''}${this.sentence(4, 12)}`);
    out.push('"""');
    this.imports.add('import re');
    out.push(
      `${name}_RE = re.compile(r"^(?P<${this.one(NOUNS)}>[\\w.-]+)\\s+(?P<${this.one(['size', 'count'])}>\\d+)$")`,
    );
  }

  /** An exception hierarchy. */
  exceptions(out) {
    const base = `${cap(this.one(NOUNS))}Error${this.block}`;
    out.push(`class ${base}(Exception):`, ...this.docstring('    '));
    for (let k = this.int(1, 4); k > 0; k--) {
      out.push('', '');
      out.push(`class ${cap(this.one(NOUNS))}${cap(this.one(NOUNS))}Error${this.block}_${k}(${base}):`);
      out.push(...this.docstring('    ', { long: this.chance(0.2) }));
      if (this.chance(0.5))
        out.push(
          '',
          '    def __init__(self, message, code=None):',
          '        super().__init__(message)',
          '        self.code = code',
        );
    }
  }

  /** The decorator `_traced` that some functions use (a function in a function in a function). */
  decorator() {
    this.imports.add('import functools');
    this.imports.add('import logging');
    return `def _traced(fn):
    """Logs how long each call of \`fn\` takes."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        started = time.monotonic()
        try:
            return fn(*args, **kwargs)
        finally:
            logger.debug("%s took %.3fs", fn.__name__, time.monotonic() - started)

    return wrapper`;
  }

  /** `main()` with an argparse parser, and the `__main__` guard. */
  main() {
    this.imports.add('import argparse');
    this.imports.add('import sys');
    const out = [
      'def main(argv=None):',
      ...this.docstring('    '),
      `    parser = argparse.ArgumentParser(description="${this.sentence(3, 8)}")`,
    ];
    const opts = [];
    for (let k = this.int(2, 10); k > 0; k--) {
      const o = this.one(NOUNS);
      if (opts.includes(o)) continue;
      opts.push(o);
      out.push(
        `    parser.add_argument("--${o}", ${this.one(['type=int, default=3', 'default=None', 'action="store_true"', 'type=float, default=1.5', 'nargs="*"'])}, help="${this.sentence(3, 8)}")`,
      );
    }
    out.push('    args = parser.parse_args(argv)');
    const scope = { names: ['args', ...opts.map((o) => `args.${o}`)] };
    this.body(out, '    ', { scope }, this.int(3, 15));
    out.push('    return 0', '', '', 'if __name__ == "__main__":', '    sys.exit(main())');
    return out.join('\n');
  }
}

function cap(s) {
  return s[0].toUpperCase() + s.slice(1);
}
