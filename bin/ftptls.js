#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (the prepare script) or `npm run build`.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    'ftptls: not built yet; run `npm install` (or `npm run build`) in the ftptls folder first\n',
  );
  process.exit(2);
}
// `ftptls . | head`: a closed pipe ends the run quietly, as for other command-line tools
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
const { main } = await import(cli.href);
process.exitCode = await main();
