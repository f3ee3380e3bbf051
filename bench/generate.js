// A generated tree of Python files that all mention ftplib, for the benchmark and the runner tests.
// Deterministic (seeded): the same arguments give the same bytes. Each file is one or two of several
// real-world ways of using ftplib (from-import, module import, alias, `with`, a client class, constructor
// login, only the exceptions, already FTP_TLS), drawn first so a file's uses never depend on the rest, inside
// filler code (bench/filler.js) as large and varied as real modules that use ftplib: lengths drawn from a
// log-normal (median about 240 lines, one file in 40 over 1,000, up to 3,500), on average 12 KB a file, so
// 2,000 files are 25 MB like a real corpus of 2,000 ftplib-using modules. Small files would flatter the
// per-file costs (start-up, messages) and hide the ones that grow with the code (parse, analysis).
import fs from 'node:fs';
import path from 'node:path';
import { Filler } from './filler.js';
import { mulberry32 as prng } from './random.js';

const WORDS = [
  'report',
  'invoice',
  'backup',
  'archive',
  'ledger',
  'sensor',
  'export',
  'upload',
  'batch',
  'mirror',
  'catalog',
  'feed',
  'snapshot',
  'payload',
  'manifest',
  'order',
  'price',
  'stock',
  'image',
  'log',
];

/** The part of each file that uses ftplib; `n` is a name stem, `h` a host. */
const USES = [
  // from-import, module level script
  (n, h) => ({
    imports: ['import os', 'from ftplib import FTP'],
    body: `
def push_${n}(path, user, passwd):
    """Upload one ${n} file to ${h}."""
    ftp = FTP()
    ftp.connect("${h}", 21, timeout=30)
    ftp.login(user, passwd)
    try:
        with open(path, "rb") as fh:
            ftp.storbinary("STOR " + os.path.basename(path), fh)
    finally:
        ftp.quit()
`,
  }),
  // import module, with-statement
  (n, h) => ({
    imports: ['import ftplib', 'import io'],
    body: `
def fetch_${n}(name, user="anonymous", passwd=""):
    buf = io.BytesIO()
    with ftplib.FTP("${h}") as conn:
        conn.login(user, passwd)
        conn.cwd("/${n}")
        conn.retrbinary(f"RETR {name}", buf.write)
    return buf.getvalue()
`,
  }),
  // a client class that owns the connection
  (n, h) => ({
    imports: ['import ftplib', 'import logging', 'import os'],
    body: `
log = logging.getLogger(__name__)


class ${cap(n)}Client:
    """Keeps one connection to ${h} for the ${n} job."""

    def __init__(self, user, passwd, timeout=60):
        self.user = user
        self.passwd = passwd
        self.ftp = ftplib.FTP(timeout=timeout)

    def open(self):
        self.ftp.connect("${h}")
        self.ftp.login(self.user, self.passwd)
        log.info("connected to %s", "${h}")

    def send(self, path):
        with open(path, "rb") as fh:
            self.ftp.storbinary("STOR " + os.path.basename(path), fh)

    def listing(self):
        return self.ftp.nlst()

    def close(self):
        try:
            self.ftp.quit()
        except ftplib.all_errors:
            self.ftp.close()
`,
  }),
  // a deceptive alias, used in a function
  (n, h) => ({
    imports: ['import os', 'from ftplib import FTP as SecureFTP'],
    body: `
def sync_${n}(user, passwd, local_dir):
    client = SecureFTP("${h}")
    client.login(user, passwd)
    names = client.nlst()
    for name in names:
        target = os.path.join(local_dir, name)
        if os.path.exists(target):
            continue
        with open(target, "wb") as fh:
            client.retrbinary("RETR " + name, fh.write)
    client.quit()
    return names
`,
  }),
  // from-import with exceptions, error handling
  (n, h) => ({
    imports: ['from ftplib import FTP, error_perm', 'import time'],
    body: `
def remove_old_${n}(user, passwd, days=30):
    cutoff = time.time() - days * 86400
    ftp = FTP("${h}", timeout=20)
    ftp.login(user=user, passwd=passwd)
    removed = []
    for name, facts in ftp.mlsd():
        if facts.get("type") != "file":
            continue
        if float(facts.get("modify", "0")[:8] or 0) < cutoff:
            try:
                ftp.delete(name)
                removed.append(name)
            except error_perm as exc:
                print("cannot delete", name, exc)
    ftp.quit()
    return removed
`,
  }),
  // module alias, constructor login (no name to call prot_p() on before login)
  (n, h) => ({
    imports: ['import ftplib as fl'],
    body: `
def ping_${n}(user, passwd):
    session = fl.FTP("${h}", user, passwd)
    welcome = session.getwelcome()
    session.quit()
    return welcome
`,
  }),
  // only the exceptions: mentions ftplib, nothing to change
  (n) => ({
    imports: ['import ftplib'],
    body: `
def is_missing_${n}(exc):
    """True if the server said the ${n} file does not exist."""
    return isinstance(exc, ftplib.error_perm) and str(exc).startswith("550")
`,
  }),
  // already encrypted: nothing to change
  (n, h) => ({
    imports: ['from ftplib import FTP_TLS'],
    body: `
def secure_${n}(user, passwd):
    ftps = FTP_TLS("${h}")
    ftps.login(user, passwd)
    ftps.prot_p()
    return ftps
`,
  }),
];
/** How often each use appears (most files have something to fix, as in a tree that needs this tool). */
const USE_WEIGHTS = [5, 4, 3, 2, 2, 1, 1, 1];

function cap(s) {
  return s[0].toUpperCase() + s.slice(1);
}

function pick(rand, weights) {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rand() * total;
  for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return i;
  return weights.length - 1;
}

/**
 * How long a module is, in lines: log-normal with a median of 215 lines and sigma 0.75, as in real modules
 * that use ftplib (median 200-300 lines, a long tail past 1,000), cut to 60-3,500. Filler is added block by
 * block until the length is reached, so files come out a little longer (median about 240 lines).
 */
function moduleLines(rand, maxLines) {
  // Box-Muller: one standard normal from two uniforms (1 - u keeps the logarithm finite)
  const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Math.round(Math.min(maxLines, Math.max(Math.min(60, maxLines), 215 * Math.exp(0.75 * z))));
}

/**
 * Tests that need many files but not their size (a tree for the worker pool, a stream of results) cap the
 * filler with `maxLines`: the ftplib uses, drawn first, are the same whatever the cap.
 */
const SIZES = { maxLines: 3500 };

/** The text of file number `i`. */
export function generateFile(i, seed = 1, { maxLines } = SIZES) {
  return moduleText(i, seed, true, maxLines);
}

/** File number `i` without its ftplib uses: the same module otherwise, one that never mentions ftplib. */
export function generatePlainFile(i, seed = 1, { maxLines } = SIZES) {
  return moduleText(i, seed, false, maxLines);
}

function moduleText(i, seed, withUses, maxLines = SIZES.maxLines) {
  const rand = prng(seed * 100003 + i);
  const n = `${WORDS[i % WORDS.length]}${i}`;
  const h = `ftp${i % 7}.example.${['com', 'org', 'net'][i % 3]}`;
  // The ftplib uses first, from the same draws as ever: each file keeps its uses whatever the filler does
  const drawn = [USES[pick(rand, USE_WEIGHTS)](n, h)];
  if (rand() < 0.25) drawn.push(USES[pick(rand, USE_WEIGHTS)](`${n}b`, h));
  const uses = withUses ? drawn : [];
  const target = moduleLines(rand, maxLines);
  const filler = new Filler(rand, n);
  const hints = rand() < 0.4;
  const lines = (text) => text.split('\n').length;
  let total = drawn.reduce((sum, u) => sum + lines(u.body), 0) + 40;
  const blocks = [filler.decorator()];
  while (total < target) {
    // most blocks 10-60 lines, one in ten up to 400 (a big class, a long table): real modules' shape
    const budget = Math.min(
      target - total,
      rand() < 0.1 ? 80 + Math.floor(rand() * 300) : 8 + Math.floor(rand() * 50),
    );
    const block = filler.topLevel(Math.max(4, budget), hints);
    blocks.push(block);
    total += lines(block) + 2;
  }
  for (const u of uses) blocks.splice(1 + Math.floor(rand() * blocks.length), 0, u.body.trim());
  if (rand() < 0.5) blocks.push(filler.main());
  const imports = [
    ...new Set(uses.flatMap((u) => u.imports).concat(['import time', 'import logging', ...filler.imports])),
  ].sort();
  const doc = [
    `"""Module ${n}: moves ${WORDS[i % WORDS.length]} files to and from ${h}.`,
    '',
    ...filler.paragraph('', 1 + Math.floor(rand() * 6)),
    '"""',
  ];
  return (
    [doc.join('\n'), imports.join('\n'), 'logger = logging.getLogger(__name__)', ...blocks].join('\n\n\n') +
    '\n'
  );
}

/** Writes `count` files under `dir` (20 per directory, two levels of packages); returns their paths. */
export function generateTree(dir, { count = 2000, seed = 1, maxLines = SIZES.maxLines } = {}) {
  const files = [];
  for (let i = 0; i < count; i++) {
    const sub = path.join(
      dir,
      `pkg${String(Math.floor(i / 200)).padStart(2, '0')}`,
      `mod${Math.floor(i / 20) % 10}`,
    );
    if (i % 20 === 0) fs.mkdirSync(sub, { recursive: true });
    const file = path.join(sub, `job_${i}.py`);
    fs.writeFileSync(file, generateFile(i, seed, { maxLines }));
    files.push(file);
  }
  return files;
}

// `node bench/generate.js DIR [COUNT]`
if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const [dir, count] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: node bench/generate.js DIR [COUNT]\n');
    process.exit(2);
  }
  const files = generateTree(dir, { count: count ? Number(count) : 2000 });
  process.stdout.write(`${files.length} files in ${dir}\n`);
}
