// A generated multi-module project for `npm run bench` (issue 14): a package whose connections are made in a
// few factory modules and used across a few hundred others, some of which import them (directly, through a
// re-exporting package __init__, or relatively), the rest plain code that imports each other. What the
// project-wide pass costs on a repository, beside the same tree analysed file by file (--no-project).
import fs from 'node:fs';
import path from 'node:path';

/** Writes the project under `dir`; returns its file count. `modules` is the number of ordinary modules. */
export function generateProject(dir, { modules = 300 } = {}) {
  const pkg = path.join(dir, 'app');
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(pkg, rel)), { recursive: true });
    fs.writeFileSync(path.join(pkg, rel), text);
  };
  write('__init__.py', 'from .net.links import open_link\n\n__all__ = ["open_link"]\n');
  write('net/__init__.py', '');
  write(
    'net/base.py',
    'import ftplib\n\n\nclass Link(ftplib.FTP):\n    def stat(self, path):\n        return self.sendcmd("STAT " + path)\n',
  );
  write(
    'net/links.py',
    'from .base import Link\n\n\ndef open_link(host, port=21):\n    link = Link(timeout=30)\n    link.connect(host, port)\n    return link\n',
  );
  let files = 4;
  for (let i = 0; i < modules; i++) {
    const group = `part${Math.floor(i / 50)}`;
    if (i % 50 === 0) {
      write(`${group}/__init__.py`, '');
      files++;
    }
    const lines = [`"""Module ${i} of the generated project."""`, 'import os', ''];
    if (i % 3 === 0) lines.push('from app import open_link');
    else if (i % 3 === 1) lines.push('from ..net.links import open_link');
    if (i > 0) lines.push(`from .mod${Math.max(0, (i % 50) - 1)} import helper${Math.max(0, (i % 50) - 1)}`);
    lines.push('', '');
    lines.push(`def helper${i % 50}(value):`, `    return os.path.join(str(value), "${i}")`, '', '');
    if (i % 3 !== 2) {
      lines.push(
        `def sync${i}(cfg):`,
        '    link = open_link(cfg.host)',
        '    link.login(cfg.user, cfg.password)',
        `    link.cwd(helper${i % 50}(cfg.root))`,
        '    names = link.nlst()',
        '    link.quit()',
        '    return names',
        '',
        '',
      );
    }
    for (let k = 0; k < 8; k++)
      lines.push(
        `def work${k}(items):`,
        '    total = 0',
        '    for item in items:',
        `        total += len(str(item)) * ${k + 1}`,
        '    return total',
        '',
        '',
      );
    write(`${group}/mod${i % 50}.py`, lines.join('\n').trimEnd() + '\n');
    files++;
  }
  return files;
}
