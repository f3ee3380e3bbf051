// What a run that went on after a failure says on stderr (the CLI and --interactive): one line per failure.
import type { RunResult } from './runner.js';

export function runWarnings(
  outcome: Pick<RunResult, 'workerStartError' | 'projectError' | 'projectFailed'>,
): string {
  let out = '';
  if (outcome.workerStartError !== undefined)
    out += `ftptls: warning: a worker thread could not start (${outcome.workerStartError}); went on with fewer threads\n`;
  if (outcome.projectError !== undefined)
    out += `ftptls: warning: the project-wide pass failed (${outcome.projectError}); each file was analysed alone, as with --no-project\n`;
  for (const failed of outcome.projectFailed ?? [])
    out += `ftptls: warning: the project-wide pass could not analyse ${failed}; that file was analysed alone, and what its importers get from it was not followed\n`;
  return out;
}
