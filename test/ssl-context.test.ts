// The ssl-context transform's findings (what is fixed, what is left for a person and why), and that it is opt-in.
// Byte-exact rewrites are pinned by the fixture pairs in __testfixtures__/ssl-context/.
import { beforeAll, describe, expect, it } from 'vitest';
import { initParser } from '../src/parser.js';
import { transformSourceSync } from '../src/transform-source.js';
import type { Finding } from '../src/types.js';
import { BUILTIN_TRANSFORMS, findTransform } from '../transforms/index.js';

beforeAll(async () => {
  await initParser();
});

function run(text: string) {
  const result = transformSourceSync(text, { path: 'case.py', transforms: BUILTIN_TRANSFORMS });
  expect(result.error).toBeUndefined();
  return { ...result, ours: result.findings.filter((f) => f.rule === 'ssl-context') };
}

function only(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0];
}

describe('ssl-context: registration', () => {
  it('is a built-in transform after hardcoded-credentials and prot-p, opt-in, with its metadata', () => {
    const names = BUILTIN_TRANSFORMS.map((t) => t.name);
    // in this order (other transforms may run between them)
    const order = ['hardcoded-credentials', 'prot-p', 'ssl-context'].map((n) => names.indexOf(n));
    expect(order).not.toContain(-1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const t = findTransform('ssl-context')!;
    expect(t.optIn).toBe(true);
    expect(t.helpUri).toBe('https://docs.python.org/3/library/ssl.html#ssl.create_default_context');
  });

  it('does not run unless asked for', () => {
    const text = 'from ftplib import FTP\n\nftp = FTP("h")\nftp.login("u", "p")\n';
    const byDefault = transformSourceSync(text, { path: 'case.py' });
    expect(byDefault.after).toBe(
      'from ftplib import FTP_TLS\n\nftp = FTP_TLS("h")\nftp.login("u", "p")\nftp.prot_p()\n',
    );
    expect(byDefault.after).not.toContain('ssl');
    expect(byDefault.findings.some((f) => f.rule === 'ssl-context')).toBe(false);

    const asked = transformSourceSync(text, { path: 'case.py', transforms: BUILTIN_TRANSFORMS });
    expect(asked.after).toBe(
      'import ssl\nfrom ftplib import FTP_TLS\n\nftp = FTP_TLS("h", context=ssl.create_default_context())\n' +
        'ftp.login("u", "p")\nftp.prot_p()\n',
    );
  });
});

describe('ssl-context: fixed', () => {
  it('reports each changed constructor at its place in the input, saying what is verified now', () => {
    const { ours, after } = run('import ftplib\n\na = ftplib.FTP_TLS("h")\nb = ftplib.FTP(\n    "h",\n)\n');
    expect(after).toContain('b = ftplib.FTP_TLS(\n    "h",\n    context=ssl.create_default_context(),\n)');
    expect(ours.map((f) => [f.status, f.line, f.column, f.endLine, f.endColumn])).toEqual([
      ['fixed', 3, 5, 3, 24],
      ['fixed', 4, 5, 6, 2],
    ]);
    for (const f of ours) {
      expect(f.message).toMatch(/certificate and hostname/);
      expect(f.message).toMatch(/verifies/);
    }
  });

  it('adds `import ssl` once for many constructors', () => {
    const { after } = run('import ftplib\n\na = ftplib.FTP_TLS("h")\nb = ftplib.FTP_TLS("i")\n');
    expect(after.match(/import ssl/g)).toHaveLength(1);
  });
});

describe('ssl-context: manual', () => {
  const unverified = (text: string): Finding => {
    const { ours, after, before } = run(text);
    expect(after).toBe(before);
    const f = only(ours);
    expect(f.status).toBe('manual');
    expect(f.message).toBe('FTP_TLS is given a context that does not verify the server');
    return f;
  };

  it('ssl._create_unverified_context() passed directly', () => {
    const f = unverified(
      'import ssl\nfrom ftplib import FTP_TLS\nftp = FTP_TLS("h", context=ssl._create_unverified_context())\n',
    );
    expect(f.line).toBe(3);
    expect(f.reason).toMatch(
      /^ssl\._create_unverified_context\(\) checks neither the certificate nor the hostname/,
    );
    expect(f.reason).toMatch(/ssl\.create_default_context\(\)/);
  });

  it('an unverified context through a name assigned in the same scope', () => {
    const f = unverified(
      'import ssl\nfrom ftplib import FTP_TLS\n\n\ndef connect(host):\n' +
        '    insecure = ssl._create_unverified_context()\n    return FTP_TLS(host, context=insecure)\n',
    );
    expect(f.reason).toMatch(/^insecure = ssl\._create_unverified_context\(\), which checks neither/);
  });

  it('verify_mode = CERT_NONE on the context passed', () => {
    const f = unverified(
      'import ssl\nfrom ftplib import FTP_TLS\nctx = ssl.create_default_context()\n' +
        'ctx.check_hostname = False\nctx.verify_mode = ssl.CERT_NONE\nftp = FTP_TLS("h", context=ctx)\n',
    );
    expect(f.reason).toMatch(/^ctx\.verify_mode = ssl\.CERT_NONE turns certificate verification off/);
  });

  it('check_hostname = False on the context passed', () => {
    const f = unverified(
      'import ssl\nfrom ftplib import FTP_TLS\nctx = ssl.create_default_context()\n' +
        'ctx.check_hostname = False\nftp = FTP_TLS("h", context=ctx)\n',
    );
    expect(f.reason).toMatch(/^ctx\.check_hostname = False turns the hostname check off/);
  });

  it('a same-named context in another function does not count', () => {
    const { ours } = run(
      'import ssl\nfrom ftplib import FTP_TLS\n\n\ndef a():\n    ctx = ssl._create_unverified_context()\n' +
        '    return ctx\n\n\ndef b():\n    ctx = ssl.create_default_context()\n    return FTP_TLS("h", context=ctx)\n',
    );
    expect(ours).toEqual([]);
  });

  it('context=None through a name only ever bound to None: reported, the call unchanged', () => {
    const text =
      'from ftplib import FTP_TLS\n\n\ndef nightly(host):\n    ctx = None\n    return FTP_TLS(host, context=ctx)\n';
    const { ours, after } = run(text);
    expect(after).toBe(text);
    const f = only(ours);
    expect([f.status, f.line, f.column]).toEqual(['manual', 6, 12]);
    expect(f.message).toBe('FTP_TLS is given context=ctx, which is always None here');
    expect(f.reason).toMatch(/^every assignment of ctx in its scope is None, so FTP_TLS checks neither/);
    expect(f.reason).toContain('ctx = ssl.create_default_context()');
  });

  it('a name set to a context elsewhere (global) or through another None name', () => {
    const { ours } = run(
      'import ssl\nfrom ftplib import FTP_TLS\nctx = None\n\n\ndef setup():\n    global ctx\n' +
        '    ctx = ssl.create_default_context()\n\n\ndef connect():\n    return FTP_TLS("h", context=ctx)\n',
    );
    expect(ours).toEqual([]);
    const chained = run(
      'from ftplib import FTP_TLS\nnone = None\nctx = none\nftp = FTP_TLS("h", context=ctx)\n',
    );
    expect(only(chained.ours).message).toBe('FTP_TLS is given context=ctx, which is always None here');
  });

  it('a None name that is also set to an unverified context: the unverified one is reported', () => {
    const { ours } = run(
      'import ssl\nfrom ftplib import FTP_TLS\nctx = None\nctx = ssl._create_unverified_context()\n' +
        'ftp = FTP_TLS("h", context=ctx)\n',
    );
    expect(only(ours).message).toBe('FTP_TLS is given a context that does not verify the server');
  });

  it('keyfile= / certfile= (removed in Python 3.12): the replacement, and the call unchanged', () => {
    const text = 'from ftplib import FTP_TLS\nftp = FTP_TLS("h", keyfile="c.key", certfile="c.pem")\n';
    const { ours, after } = run(text);
    expect(after).toBe(text);
    const f = only(ours);
    expect(f.status).toBe('manual');
    expect(f.message).toMatch(/keyfile\/certfile/);
    expect(f.reason).toMatch(/^keyfile= and certfile= were removed in Python 3\.12/);
    expect(f.reason).toContain('context.load_cert_chain(certfile, keyfile)');
    expect(f.reason).toContain('context=context');
  });

  it('positional keyfile (Python 3.11 signature) is keyfile too', () => {
    const { ours } = run('from ftplib import FTP_TLS\nftp = FTP_TLS("h", "u", "p", "", "c.key")\n');
    expect(ours.map((f) => f.status)).toEqual(['manual']);
    expect(ours[0].reason).toMatch(/^positional keyfile\/certfile/);
  });

  it('*args / **kwargs forwarded: they may hold a context already', () => {
    const { ours } = run(
      'import ftplib\n\n\ndef connect(host, **kw):\n    return ftplib.FTP_TLS(host, **kw)\n',
    );
    expect(only(ours).status).toBe('manual');
    expect(ours[0].reason).toMatch(/may already hold a context/);
  });

  it('the name ssl bound to something else where the call is', () => {
    const { ours, after, before } = run(
      'import ftplib\n\n\ndef connect(host, ssl=True):\n    return ftplib.FTP_TLS(host)\n',
    );
    expect(after).toBe(before);
    expect(only(ours).status).toBe('manual');
    expect(ours[0].reason).toMatch(/the name ssl means something else here/);
  });
});

describe('ssl-context: left alone', () => {
  it('a constructor that passes its own verifying context: no finding, no change', () => {
    const text =
      'import ssl\nfrom ftplib import FTP_TLS\nctx = ssl.create_default_context(cafile="ca.pem")\n' +
      'ftp = FTP_TLS("h", context=ctx)\n';
    const { ours, after } = run(text);
    expect(after).toBe(text);
    expect(ours).toEqual([]);
  });

  it('a suppressed constructor: a suppressed finding with its marker, the line unchanged', () => {
    const text =
      'from ftplib import FTP_TLS\nlab = FTP_TLS("lab")  # ftptls: ignore\nprod = FTP_TLS("prod")\n';
    const { ours, after } = run(text);
    expect(after).toContain('lab = FTP_TLS("lab")  # ftptls: ignore\n');
    expect(ours.map((f) => [f.line, f.status, f.marker])).toEqual([
      [2, 'suppressed', '# ftptls: ignore'],
      [3, 'fixed', undefined],
    ]);
  });

  it('a suppressed constructor given a None name: suppressed, not manual', () => {
    const text = 'from ftplib import FTP_TLS\nctx = None\nlab = FTP_TLS("lab", context=ctx)  # nosec\n';
    const { ours, after } = run(text);
    expect(after).toBe(text);
    expect(ours.map((f) => [f.line, f.status, f.marker])).toEqual([[3, 'suppressed', '# nosec']]);
  });

  it('cleartext FTP kept by a suppression is not an FTP_TLS constructor', () => {
    const text = 'from ftplib import FTP\nftp = FTP("h")  # ftptls: ignore\n';
    const { ours, after } = run(text);
    expect(after).toBe(text);
    expect(ours).toEqual([]);
  });
});
