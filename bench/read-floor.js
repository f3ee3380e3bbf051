#!/usr/bin/env node
// The platform floor of the Python tree target: every .py/.pyw file under DIR found (readdir), read once and
// searched for `ftplib`, in this one thread: what grep -rl does, done by Node, with nothing of ftptls (no
// worker, no prefilter of ours). bench.js times it beside grep and ftptls in the same rounds: it says how much of
// ftptls's distance to grep is the platform's own.
//
//   node bench/read-floor.js DIR
import fs from 'node:fs';
import path from 'node:path';

const [dir] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: node bench/read-floor.js DIR\n');
  process.exit(2);
}
const NEEDLE = Buffer.from('ftplib');
let files = 0;
let hits = 0;
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.isFile() && (e.name.endsWith('.py') || e.name.endsWith('.pyw'))) {
      files++;
      if (fs.readFileSync(p).indexOf(NEEDLE) >= 0) hits++;
    }
  }
};
walk(dir);
process.stdout.write(`${hits} of ${files} files mention ftplib\n`);
