// The test servers a file starts (src/analysis/plain-server.ts), asked directly on real parses: which count as
// a cleartext server that keeps the file's clients FTP, which as a TLS one, and which are no server at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tree } from 'web-tree-sitter';
import { plainServerReason, testServers } from '../src/analysis/plain-server.js';
import { Bindings } from '../src/analysis/bindings.js';
import { initParser, parse } from '../src/parser.js';

beforeAll(async () => {
  await initParser();
});

const trees: Tree[] = [];
afterAll(() => trees.forEach((t) => t.delete()));

/** Each server of the file as `line plain|tls: what`. */
function servers(lines: string[]): string[] {
  const source = lines.join('\n') + '\n';
  const tree = parse(source);
  trees.push(tree);
  return testServers(new Bindings(tree), source).map(
    (s) => `${s.node.startPosition.row + 1} ${s.tls ? 'tls' : 'plain'}: ${s.what}`,
  );
}

function reason(lines: string[]): string | undefined {
  const source = lines.join('\n') + '\n';
  const tree = parse(source);
  trees.push(tree);
  return plainServerReason(new Bindings(tree), source);
}

describe('pyftpdlib handlers', () => {
  it('FTPHandler handed to a server, set up, subclassed or assigned is a cleartext server', () => {
    expect(
      servers([
        'from pyftpdlib.handlers import FTPHandler',
        'from pyftpdlib.servers import FTPServer',
        'FTPServer(("127.0.0.1", 0), FTPHandler)',
        'FTPHandler.banner = "hi"',
        'class Mine(FTPHandler): pass',
        'handler = FTPHandler',
      ]),
    ).toEqual([
      '3 plain: pyftpdlib FTPHandler',
      '4 plain: pyftpdlib FTPHandler',
      '5 plain: pyftpdlib FTPHandler',
      '6 plain: pyftpdlib FTPHandler',
    ]);
  });

  it('is found through every import form: module attributes, an alias, a star, pyftpdlib 0.x, a function', () => {
    expect(servers(['import pyftpdlib.handlers', 'h = pyftpdlib.handlers.FTPHandler'])).toEqual([
      '2 plain: pyftpdlib FTPHandler',
    ]);
    expect(servers(['from pyftpdlib import handlers as hs', 'h = hs.FTPHandler'])).toEqual([
      '2 plain: pyftpdlib FTPHandler',
    ]);
    expect(servers(['from pyftpdlib.handlers import FTPHandler as Plain', 'h = Plain'])).toEqual([
      '2 plain: pyftpdlib FTPHandler',
    ]);
    expect(servers(['from pyftpdlib.handlers import *', 'h = FTPHandler'])).toEqual([
      '2 plain: pyftpdlib FTPHandler',
    ]);
    expect(servers(['from pyftpdlib import ftpserver', 'h = ftpserver.FTPHandler'])).toEqual([
      '2 plain: pyftpdlib FTPHandler',
    ]);
    expect(
      servers(['def setUp(self):', '    from pyftpdlib.handlers import FTPHandler', '    h = FTPHandler']),
    ).toEqual(['3 plain: pyftpdlib FTPHandler']);
  });

  it('starts no server where it is only imported, read, type-checked, or is not pyftpdlib’s', () => {
    expect(servers(['from pyftpdlib.handlers import FTPHandler'])).toEqual([]);
    expect(servers(['from pyftpdlib.handlers import FTPHandler', 'cmds = FTPHandler.proto_cmds'])).toEqual(
      [],
    );
    expect(
      servers(['from pyftpdlib.handlers import FTPHandler', 'ok = isinstance(h, (FTPHandler, int))']),
    ).toEqual([]);
    expect(servers(['class FTPHandler: pass', 'h = FTPHandler'])).toEqual([]);
    expect(servers(['from mylib.handlers import FTPHandler', 'h = FTPHandler'])).toEqual([]);
    expect(servers(['# h = FTPHandler  (pyftpdlib)', 's = "FTPHandler"'])).toEqual([]);
  });

  it('TLS_FTPHandler is a TLS server, and no reason to keep anything', () => {
    const tls = [
      'from pyftpdlib.handlers import TLS_FTPHandler',
      'from pyftpdlib.servers import ThreadedFTPServer',
      'TLS_FTPHandler.tls_control_required = True',
      'ThreadedFTPServer(("127.0.0.1", 0), TLS_FTPHandler)',
    ];
    expect(servers(tls)).toEqual(['3 tls: pyftpdlib TLS_FTPHandler', '4 tls: pyftpdlib TLS_FTPHandler']);
    expect(reason(tls)).toBeUndefined();
  });

  it('a server given a handler named nowhere here: cleartext unless its name says TLS; a parameter is left to its callers', () => {
    expect(
      servers([
        'from pyftpdlib.servers import FTPServer, MultiprocessFTPServer',
        'from elsewhere import AntiFloodHandler, SSLHandler',
        'FTPServer(("127.0.0.1", 0), AntiFloodHandler)',
        'MultiprocessFTPServer(("127.0.0.1", 0), handler=SSLHandler)',
        'def start(handler_class):',
        '    return FTPServer(("127.0.0.1", 0), handler_class)',
      ]),
    ).toEqual([
      '3 plain: pyftpdlib FTPServer with AntiFloodHandler, not known to be a TLS handler',
      '4 tls: pyftpdlib MultiprocessFTPServer with SSLHandler',
    ]);
  });
});

describe('pyftpdlib.test helpers', () => {
  it('ThreadedTestFTPd and its kin run FTPHandler, also through a subclass that sets a cleartext handler', () => {
    expect(
      servers([
        'from pyftpdlib.handlers import FTPHandler',
        'from pyftpdlib.test import MProcessTestFTPd, ThreadedTestFTPd',
        'server_class = MProcessTestFTPd',
        'class Slow(FTPHandler): pass',
        'class SlowServer(ThreadedTestFTPd):',
        '    handler = Slow',
      ]),
    ).toEqual([
      '3 plain: pyftpdlib.test MProcessTestFTPd, whose handler is FTPHandler',
      '4 plain: pyftpdlib FTPHandler',
      '5 plain: pyftpdlib.test ThreadedTestFTPd, whose handler is FTPHandler',
    ]);
  });

  it('a subclass with handler = TLS_FTPHandler (or a subclass of it) is a TLS server', () => {
    const tls = [
      'from pyftpdlib.handlers import TLS_FTPHandler',
      'from pyftpdlib.test import FtpdThreadWrapper',
      'class Strict(TLS_FTPHandler):',
      '    tls_control_required = True',
      'class FTPSServer(FtpdThreadWrapper):',
      '    handler = Strict',
    ];
    expect(servers(tls)).toEqual([
      '3 tls: pyftpdlib TLS_FTPHandler',
      '5 tls: pyftpdlib.test FtpdThreadWrapper with handler = Strict',
    ]);
    expect(reason(tls)).toBeUndefined();
  });

  it('their constants and test case base start nothing', () => {
    expect(
      servers(['from pyftpdlib.test import USER, PASSWD, PyftpdlibTestCase', 'x = (USER, PASSWD)']),
    ).toEqual([]);
  });
});

describe('pytest-localftpserver', () => {
  it('the ftpserver fixture, asked for by a test, a fixture or by name, is a cleartext server', () => {
    expect(
      servers([
        'import pytest',
        'def test_a(ftpserver): pass',
        'class TestB:',
        '    def test_b(self, ftpserver: object): pass',
        '@pytest.fixture',
        'def client(ftpserver): pass',
        'def test_c(request):',
        '    request.getfixturevalue("ftpserver")',
        '@pytest.mark.usefixtures("ftpserver")',
        'def test_d(): pass',
      ]),
    ).toEqual([
      "2 plain: pytest-localftpserver's ftpserver fixture",
      "4 plain: pytest-localftpserver's ftpserver fixture",
      "6 plain: pytest-localftpserver's ftpserver fixture",
      "8 plain: pytest-localftpserver's ftpserver fixture",
      "9 plain: pytest-localftpserver's ftpserver fixture",
    ]);
  });

  it('ftpserver_TLS is a TLS server; a parameter called ftpserver outside tests and fixtures is nothing', () => {
    expect(servers(['def test_a(ftpserver_TLS): pass'])).toEqual([
      "1 tls: pytest-localftpserver's ftpserver_TLS fixture",
    ]);
    expect(servers(['def mirror(ftpserver): pass', 'def test_a(tmp_path, x=ftpserver): pass'])).toEqual([]);
  });

  it('its server classes are cleartext unless made with use_TLS=True', () => {
    expect(
      servers([
        'from pytest_localftpserver.servers import SimpleFTPServer',
        'from pytest_localftpserver.plugin import PytestLocalFTPServer',
        'a = SimpleFTPServer(use_TLS=True)',
        'b = SimpleFTPServer()',
        'c = PytestLocalFTPServer(use_TLS=flag)',
        'ok = isinstance(c, PytestLocalFTPServer)',
      ]),
    ).toEqual([
      '3 tls: pytest_localftpserver SimpleFTPServer(use_TLS=True)',
      '4 plain: pytest_localftpserver SimpleFTPServer without use_TLS=True',
      '5 plain: pytest_localftpserver PytestLocalFTPServer without use_TLS=True',
    ]);
  });
});

describe('python -m pyftpdlib', () => {
  it('its command line, as an argument list or a shell string, is a cleartext server', () => {
    expect(
      servers([
        'import subprocess, sys',
        'subprocess.Popen([sys.executable, "-m", "pyftpdlib", "-p", "2121"])',
        'subprocess.Popen("python3 -m pyftpdlib -w", shell=True)',
        'subprocess.Popen(f"{sys.executable} -m pyftpdlib -p {port}", shell=True)',
      ]),
    ).toEqual([
      '2 plain: python -m pyftpdlib',
      '3 plain: python -m pyftpdlib',
      '4 plain: python -m pyftpdlib',
    ]);
  });

  it('a docstring or a comment that mentions it, or another module run with -m, starts nothing', () => {
    expect(
      servers([
        'def serve():',
        '    """Like python -m pyftpdlib, but with TLS."""',
        '    # python -m pyftpdlib -p 2121',
        '    run(["python", "-m", "http.server"], "pyftpdlib")',
      ]),
    ).toEqual([]);
  });
});

describe('the reason a finding gives', () => {
  it('names the first cleartext server and its line, and what to change', () => {
    expect(
      reason([
        'from pyftpdlib.handlers import FTPHandler',
        'from pyftpdlib.servers import FTPServer',
        'server = FTPServer(("127.0.0.1", 0), FTPHandler)',
      ]),
    ).toBe(
      'this file runs a cleartext FTP test server (pyftpdlib FTPHandler, line 3): its clients stay FTP so the ' +
        'suite keeps passing; switch the server to TLS_FTPHandler, then run ftptls again',
    );
    expect(reason(['def test_a(ftpserver): pass'])).toBe(
      "this file runs a cleartext FTP test server (pytest-localftpserver's ftpserver fixture, line 1): its " +
        'clients stay FTP so the suite keeps passing; switch the tests to the ftpserver_TLS fixture, then run ' +
        'ftptls again',
    );
  });

  it('names the TLS server too where there is one: which client talks to which cannot be told', () => {
    expect(reason(['def test_a(ftpserver_TLS): pass', 'def test_b(ftpserver): pass'])).toBe(
      "this file runs a cleartext FTP test server (pytest-localftpserver's ftpserver fixture, line 2) and a " +
        "TLS one (pytest-localftpserver's ftpserver_TLS fixture, line 1): which client talks to which cannot " +
        'be told here, and its clients stay FTP so the suite keeps passing; switch the tests to the ' +
        'ftpserver_TLS fixture, then run ftptls again',
    );
  });

  it('is undefined for a file that uses neither library', () => {
    expect(reason(['import ftplib', 'conn = ftplib.FTP("example.org")'])).toBeUndefined();
  });
});
