// The command line: flags to options, FileResults to output and an exit code. Nothing else lives here.
// Modules a run may not need are imported where they are needed: `--version` loads little more than yargs, a
// file without ftplib no transform and no parser (start-up is most of the time of such a run).
import fs from 'node:fs';
import type { YargsFactory } from './cli-yargs.js';
import type { ConfigMode } from './config/run.js';
import { ConfigError, TransformLoadError } from './errors.js';
import type { TransformSelection } from './load-transforms.js';
import { plainPathsArgs } from './plain-paths.js';
import { DEFAULT_MAX_FILE_SIZE } from './prefilter.js';
import type { ProcessOptions } from './run/process-file.js';
import type { RuleInfo } from './report/sarif.js';
import type { Format } from './report/output.js';
import { findingLines, summarize } from './report/summary.js';
import { startProgress } from './run/progress.js';
import { runWarnings } from './run/run-warnings.js';
import type { FileResult, Transform } from './types.js';

export const EXIT = { ok: 0, changes: 1, failure: 2, interrupted: 130 } as const;

function parser(yargs: YargsFactory, argv: string[]) {
  return yargs(argv)
    .scriptName('ftptls')
    .usage(
      '$0 [paths..]\n\nRewrite cleartext ftplib.FTP to FTP_TLS with prot_p(). Without --write it changes nothing and prints a unified diff.',
    )
    .positional('paths', { describe: 'Python files or directories; - reads standard input', type: 'string' })
    .option('write', { alias: 'w', type: 'boolean', describe: 'Rewrite files in place (atomically)' })
    .option('check', {
      type: 'boolean',
      describe: 'Exit 1 if any file would change (CI gate); prints what would',
    })
    .option('ssl-context', {
      type: 'boolean',
      describe: 'Give every FTP_TLS a verifying ssl.create_default_context()',
    })
    .option('transform', {
      alias: 't',
      type: 'string',
      array: true,
      nargs: 1,
      describe: 'Run only these transforms (repeatable): a built-in name or a path to your own module',
    })
    .option('list-transforms', { type: 'boolean', describe: 'List the built-in transforms and exit' })
    .option('format', {
      alias: 'f',
      choices: ['diff', 'json', 'sarif', 'summary'] as const,
      default: 'diff' as Format,
      describe: 'What to print on standard output',
    })
    .option('jobs', { alias: 'j', type: 'number', describe: 'Worker threads (default: number of cores)' })
    .option('ignore-pattern', {
      alias: 'extend-exclude',
      type: 'string',
      array: true,
      nargs: 1,
      describe: 'Skip paths matching this gitignore-style glob (repeatable)',
    })
    .option('exclude', {
      type: 'string',
      array: true,
      nargs: 1,
      describe:
        'Skip these instead of the default excludes (.git, .venv, node_modules, ...): gitignore-style (repeatable)',
    })
    .option('gitignore', {
      alias: 'respect-gitignore',
      type: 'boolean',
      describe: 'Honour .gitignore files (default; --no-gitignore to turn off)',
    })
    .option('project', {
      type: 'boolean',
      describe:
        'Follow ftplib across the modules of the directories given (default; --no-project: each file alone)',
    })
    .option('extensions', {
      type: 'string',
      array: true,
      nargs: 1,
      describe: 'File extensions to look for in directories (default: .py .pyw .ipynb)',
    })
    .option('suppress-comment', {
      type: 'string',
      array: true,
      nargs: 1,
      describe: 'An extra comment marker that suppresses a site (repeatable)',
    })
    .option('report-unused-suppressions', {
      type: 'boolean',
      describe: 'Report our suppression markers that suppress nothing',
    })
    .option('include-generated', { type: 'boolean', describe: 'Also process files marked @generated' })
    .option('max-file-size', {
      type: 'number',
      describe: `Larger files are an error for that file (bytes; default ${DEFAULT_MAX_FILE_SIZE})`,
    })
    .option('config', {
      type: 'string',
      describe:
        'Use this configuration file for every file: a pyproject.toml ([tool.ftptls]) or an ftptls.toml',
    })
    .option('isolated', { type: 'boolean', describe: 'Read no configuration file' })
    .option('show-settings', {
      type: 'boolean',
      describe: 'Print the settings of each path and the configuration file they come from, and exit',
    })
    .option('stdin-filename', {
      type: 'string',
      describe: 'The name to use for standard input in messages and reports',
    })
    .option('color', {
      type: 'boolean',
      describe: 'Force colours on or off (default: on for a terminal, off with NO_COLOR)',
    })
    .option('interactive', {
      alias: 'i',
      type: 'boolean',
      describe: 'Review each change in the terminal; write only those accepted',
    })
    .conflicts('write', 'check')
    .conflicts('config', 'isolated')
    .example('$0 src/', 'show the diff for every Python file under src/')
    .example('$0 --write .', 'fix the whole repository in place')
    .example('$0 --check --format sarif . > ftptls.sarif', 'CI gate with a code-scanning report')
    .epilog(
      'Exit status: 0 nothing to change or done; 1 changes needed (--check); 2 usage error or a file could not be processed.',
    )
    .strictOptions()
    .help()
    .alias('help', 'h')
    .version(packageVersion())
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      throw new UsageError(msg || err?.message || 'invalid usage');
    });
}

class UsageError extends Error {}

/** Read from our own package.json: yargs would look for the nearest one, which is the user's when installed. */
function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

type Args = Awaited<ReturnType<ReturnType<typeof parser>['parseAsync']>>;

/** The flags. Paths alone need no yargs (src/plain-paths.ts). */
async function parseArgs(argv: string[]): Promise<Args> {
  // the fields yargs leaves out of such a line are undefined, which the type allows for each
  const plain: Partial<Args> | undefined = plainPathsArgs(argv);
  return plain ? (plain as Args) : yargsArgs(argv);
}

/**
 * The flags as yargs parses them (exported for test/cli-args.test.ts); its help layout is loaded only for a
 * parse that shows help (src/cli-yargs.ts).
 */
export async function yargsArgs(argv: string[]): Promise<Args> {
  const { fullYargs, lightYargs, NeedsHelpLayout } = await import('./cli-yargs.js');
  try {
    return await parser((await lightYargs()).yargs, argv).parseAsync();
  } catch (err) {
    if (!(err instanceof NeedsHelpLayout)) throw err;
  }
  return parser(await fullYargs(), argv).parseAsync();
}

export async function main(argv?: string[]): Promise<number> {
  // yargs' hideBin, which for Node (not a bundled Electron app) drops the first two
  argv ??= process.versions.electron
    ? (await (await import('./cli-yargs.js')).lightYargs()).hideBin(process.argv)
    : process.argv.slice(2);
  let args;
  try {
    args = await parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`ftptls: ${err.message}\nRun ftptls --help for usage.\n`);
      return EXIT.failure;
    }
    throw err;
  }
  if (args.listTransforms) {
    const { BUILTIN_TRANSFORMS } = await import('../transforms/index.js');
    for (const t of BUILTIN_TRANSFORMS)
      process.stdout.write(`${t.name}${t.optIn ? ' (opt-in)' : ''}\t${t.description}\n`);
    return EXIT.ok;
  }
  const paths = args._.map(String);
  const configMode: ConfigMode = args.isolated
    ? { kind: 'none' }
    : args.config !== undefined
      ? { kind: 'file', file: args.config }
      : { kind: 'discover' };
  if (args.showSettings) return printSettings(paths.length ? paths : ['.'], cliOptions(args), configMode);
  if (paths.length === 0) {
    process.stderr.write(
      'ftptls: no paths given (use . for the current directory, - for standard input)\nRun ftptls --help for usage.\n',
    );
    return EXIT.failure;
  }
  const options = cliOptions(args);
  const format = args.format as Format;
  const mode = args.write ? 'write' : args.check ? 'check' : 'dry-run';
  const color = args.color ?? (!process.env.NO_COLOR && !!process.stdout.isTTY);
  const errColor = args.color ?? (!process.env.NO_COLOR && !!process.stderr.isTTY);
  // named files: a short run (src/run/short-run.ts)
  if (!paths.some((p) => p !== '-' && isDirectory(p)))
    (await import('./run/short-run.js')).optimiseParserLater();

  if (args.interactive) {
    const { interactiveMode } = await import('./review/interactive.js');
    return interactiveMode({
      paths,
      options,
      mode: configMode,
      format,
      check: !!args.check,
      color,
      errColor,
    });
  }
  try {
    const { runConfigured, stdinOptions } = await import('./config/run.js');
    if (paths.includes('-')) {
      if (paths.length > 1) throw new UsageError('- (standard input) cannot be combined with other paths');
      const stdin = stdinOptions(args.stdinFilename, options, configMode);
      return await stdinMode(
        stdin.options,
        args.stdinFilename ?? '<stdin>',
        format,
        !!args.check,
        stdin.config,
      );
    }
    // a transform given that cannot load: one error before any walk
    await (await import('./load-transforms.js')).selectTransforms(options);
    const progress = startProgress(process.stderr, errColor);
    // SIGINT: the first stops handing out files and lets those in flight finish (each is written whole or
    // not at all); the second exits at once
    const interrupt = new AbortController();
    const onSigint = () => {
      if (interrupt.signal.aborted) process.exit(EXIT.interrupted);
      interrupt.abort();
    };
    process.on('SIGINT', onSigint);
    // Each result is printed as soon as every path before it is done, then dropped: the run keeps none
    const { startOutput } = await import('./report/output.js');
    const output = await startOutput(
      {
        format,
        mode,
        color,
        beforeWrite: () => process.stdout.isTTY && progress.stop(),
        preload: paths.some((p) => isDirectory(p)),
      },
      process,
    );
    let outcome: Awaited<ReturnType<typeof runConfigured>>;
    try {
      const runOptions = {
        ...options,
        onProgress: progress.update,
        signal: interrupt.signal,
        onResult: (r: FileResult) => output.add(r),
      };
      outcome = await runConfigured(paths, runOptions, configMode);
    } catch (err) {
      output.close();
      throw err;
    } finally {
      process.off('SIGINT', onSigint);
      progress.stop();
    }
    const warnings = runWarnings(outcome);
    if (warnings) process.stderr.write(warnings);
    if (interrupt.signal.aborted) {
      await output.interrupt();
      const { files, changed } = output.counts();
      process.stderr.write(
        mode === 'write'
          ? `ftptls: interrupted after ${files} files: ${changed} written whole, the rest untouched\n`
          : `ftptls: interrupted after ${files} files; nothing written\n`,
      );
      return EXIT.interrupted;
    }
    const { transforms } = outcome;
    const summary = await output.finish(outcome.seconds, async () => (await transforms()).map(ruleInfo));
    if (summary.errors > 0) return EXIT.failure;
    return mode === 'check' && summary.changed > 0 ? EXIT.changes : EXIT.ok;
  } catch (err) {
    if (err instanceof UsageError || err instanceof TransformLoadError || err instanceof ConfigError) {
      process.stderr.write(`ftptls: ${err.message}\n`);
      return EXIT.failure;
    }
    throw err;
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The flags as options; a flag not given is undefined, so that a configuration file's value can apply. */
function cliOptions(args: Args) {
  return {
    write: !!args.write,
    transforms: args.transform,
    sslContext: args.sslContext,
    suppressComments: args.suppressComment,
    reportUnusedSuppressions: !!args.reportUnusedSuppressions,
    includeGenerated: args.includeGenerated,
    maxFileSize: args.maxFileSize,
    jobs: args.jobs,
    ignorePatterns: args.ignorePattern,
    exclude: args.exclude,
    gitignore: args.gitignore,
    extensions: args.extensions,
    project: args.project,
  };
}

/** --show-settings: what each path gets, and from which configuration file; exit 0 (2 for a bad file). */
async function printSettings(paths: string[], options: ReturnType<typeof cliOptions>, mode: ConfigMode) {
  try {
    const { showSettings } = await import('./config/run.js');
    process.stdout.write(await showSettings(paths, options, mode));
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof ConfigError || err instanceof TransformLoadError)) throw err;
    process.stderr.write(`ftptls: ${err.message}\n`);
    return EXIT.failure;
  }
}

/** The reporters standard input's report needs, loaded only then (jsdiff and the rest cost start-up time). */
async function loadReporters() {
  const [{ jsonReport }, { sarifReport }] = await Promise.all([
    import('./report/json.js'),
    import('./report/sarif.js'),
  ]);
  return { jsonReport, sarifReport };
}

type Reporters = Awaited<ReturnType<typeof loadReporters>>;

/** Standard input's report (the formats that report instead of printing the source). */
function render(
  { jsonReport, sarifReport }: Reporters,
  results: FileResult[],
  format: 'json' | 'sarif',
  transforms: Transform[],
): string {
  return format === 'json'
    ? `${jsonReport(results, summarize(results, 0))}\n`
    : `${sarifReport(results, transforms.map(ruleInfo))}\n`;
}

export function ruleInfo(t: Transform): RuleInfo {
  return {
    id: t.name,
    name: t.name.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: t.description,
    fullDescription: t.description,
    helpUri: t.helpUri ?? 'https://docs.python.org/3/library/ftplib.html#ftplib.FTP_TLS',
  };
}

/**
 * `-`: source on standard input, the result on standard output (editors, pipes). The same pipeline as a file
 * (processBytes: size limit, @generated, notebooks by --stdin-filename); the input goes back unchanged when it
 * could not be fixed or was skipped, so an editor never loses text.
 */
async function stdinMode(
  options: ProcessOptions & TransformSelection,
  filename: string,
  format: Format,
  check: boolean,
  config?: string,
): Promise<number> {
  const bytes = fs.readFileSync(0);
  const { loadTransforms } = await import('./load-transforms.js');
  const transforms = await loadTransforms(options);
  const { processBytes } = await import('./run/process-file.js');
  const { result, out } = await processBytes(filename, bytes, transforms, options);
  if (config !== undefined) result.config = config;
  if (format === 'json' || format === 'sarif')
    process.stdout.write(render(await loadReporters(), [result], format, transforms));
  else process.stdout.write(out ?? bytes);
  if (result.status === 'skipped') process.stderr.write(`${filename}: skipped: ${result.skipReason}\n`);
  for (const line of findingLines([result])) process.stderr.write(`${line}\n`);
  if (result.status === 'error') return EXIT.failure;
  return check && result.status === 'changed' ? EXIT.changes : EXIT.ok;
}
