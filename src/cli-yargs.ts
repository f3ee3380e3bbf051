// yargs, the command line's one parser, without its help layout until help is shown. yargs' ESM entry
// (yargs/index.mjs) builds yargs from its platform shim, lib/platform-shims/esm.mjs, which loads cliui and
// string-width: two thirds of yargs' load time (~45 ms of every run), for the layout of --help alone. Here
// yargs is built the same way from a copy of that shim whose two layout functions stop the parse instead
// (NeedsHelpLayout); a parse that needs them is done again from the start by yargs' own entry (fullYargs).
// For a yargs release other than the one this copies (SHIM_OF), or should its files ever move, this falls back
// to its own entry for every parse.
import { notStrictEqual, strictEqual } from 'node:assert';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import type Yargs from 'yargs';

export type YargsFactory = typeof Yargs;

/** Thrown by the light build where yargs would lay out help: parse again with fullYargs(). */
export class NeedsHelpLayout extends Error {}

/** yargs as its own entry builds it, help layout included. */
export async function fullYargs(): Promise<YargsFactory> {
  return (await import('yargs')).default;
}

let light: Promise<{ yargs: YargsFactory; hideBin: (argv: string[]) => string[] }> | undefined;

/** yargs with the help layout left out, and yargs' own hideBin. */
export function lightYargs(): Promise<{ yargs: YargsFactory; hideBin: (argv: string[]) => string[] }> {
  light ??= build().catch(async () => {
    const [yargs, { hideBin }] = await Promise.all([fullYargs(), import('yargs/helpers')]);
    return { yargs, hideBin };
  });
  return light;
}

/**
 * The yargs releases whose shim this copies: the shim's shape is yargs' internal business, so another
 * release (an install may resolve any 18.x) gets yargs' own entry rather than a guess.
 */
const SHIM_OF = /^18\.2\./;

async function build() {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('yargs/package.json');
  const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string };
  if (!SHIM_OF.test(version)) throw new Error(`yargs ${version}: its own entry parses`);
  const root = dirname(manifest);
  const file = (p: string) => pathToFileURL(join(root, p)).href;
  const [{ YargsFactory }, argv, { default: Parser }, { default: escalade }, { default: y18n }] =
    await Promise.all([
      import(file('build/lib/yargs-factory.js')) as Promise<{
        YargsFactory: (shim: unknown) => YargsFactory;
      }>,
      import(file('build/lib/utils/process-argv.js')) as Promise<{
        hideBin: (argv: string[]) => string[];
        getProcessArgvBin: () => string;
      }>,
      import('yargs-parser'),
      import('escalade/sync'),
      import('y18n'),
    ]);
  // From here on as in esm.mjs, whose own path some fields are computed from
  const shimFile = join(root, 'lib', 'platform-shims', 'esm.mjs');
  const mainFilename = shimFile.substring(0, shimFile.lastIndexOf('node_modules'));
  const shimRequire = createRequire(pathToFileURL(shimFile));
  const needsLayout = () => {
    throw new NeedsHelpLayout('yargs needs its help layout');
  };
  const shim = {
    assert: { notStrictEqual, strictEqual },
    cliui: needsLayout,
    findUp: escalade,
    getEnv: (key: string) => process.env[key],
    inspect,
    getProcessArgvBin: argv.getProcessArgvBin,
    mainFilename: mainFilename || process.cwd(),
    Parser,
    path: { basename, dirname, extname, relative, resolve, join },
    process: {
      argv: () => process.argv,
      cwd: process.cwd,
      emitWarning: (warning: string | Error, type?: string) => process.emitWarning(warning, type),
      execPath: () => process.execPath,
      exit: (code?: number) => process.exit(code),
      nextTick: process.nextTick,
      stdColumns: typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null,
    },
    readFileSync: fs.readFileSync,
    readdirSync: fs.readdirSync,
    require: shimRequire,
    getCallerFile: () => {
      // CommonJS, required when first needed (commandDir, which ftptls does not use)
      const getCallerFile = require('get-caller-file') as (position?: number) => string;
      const callerFile = getCallerFile(3);
      return callerFile.match(/^file:\/\//) ? fileURLToPath(callerFile) : callerFile;
    },
    stringWidth: needsLayout,
    y18n: y18n({ directory: resolve(shimFile, '../../../locales'), updateFiles: false }),
  };
  return { yargs: YargsFactory(shim), hideBin: argv.hideBin };
}
