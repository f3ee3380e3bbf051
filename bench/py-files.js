// The .py files under a directory, sorted: what bench/split.js and bench/parse-floor.js go through.
import fs from 'node:fs';
import path from 'node:path';

export function pyFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...pyFiles(p));
    else if (e.name.endsWith('.py')) out.push(p);
  }
  return out.sort();
}
