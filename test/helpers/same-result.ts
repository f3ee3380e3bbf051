// The corpus a pipeline shortcut is proven on (test/inherited-calls.test.ts, test/rename-stages.test.ts): a
// shortcut must give what the path it skips gives, byte for byte and finding for finding, on every example and
// a sample of generated files (bench and fuzz generators), as well as on every fixture input.
import fs from 'node:fs';
import path from 'node:path';
import { generateFile } from '../../bench/generate.js';
import type { FileResult } from '../../src/types.js';
import { generate } from '../fuzz/generate.js';
import { EXAMPLES, exampleScripts } from './e2e.js';

/** What a result promises: status, output bytes and findings (rule, position, status, message, reason...). */
export function outcome(run: () => FileResult): unknown {
  const r = run();
  return { status: r.status, after: r.after, findings: r.findings, error: r.error, skipReason: r.skipReason };
}

/** The examples' Python files: their names and texts. */
export function exampleTexts(): { name: string; text: string }[] {
  return exampleScripts().map((name) => ({ name, text: fs.readFileSync(path.join(EXAMPLES, name), 'utf8') }));
}

/** The first 200 bench files (bench/generate.js). */
export function benchTexts(): { name: string; text: string }[] {
  return Array.from({ length: 200 }, (_, i) => ({ name: `bench-${i}.py`, text: generateFile(i) }));
}

/** 150 fuzz programs (test/fuzz/generate.js, seed 15). */
export function fuzzTexts(): { name: string; text: string }[] {
  return Array.from({ length: 150 }, (_, i) => {
    const { id, source } = generate(15, i);
    return { name: id, text: source };
  });
}
