// A progress bar on stderr, only on a terminal and only once a run has lasted long enough to need one.
import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';

const SHOW_AFTER_MS = 1000;

export interface Progress {
  update: (done: number, total: number) => void;
  /** Takes the bar off the terminal for good: later updates show nothing. */
  stop: () => void;
}

export function startProgress(stream: NodeJS.WriteStream, color: boolean): Progress {
  if (!stream.isTTY) return { update: () => {}, stop: () => {} };
  // Loaded only for a terminal: pipes and CI never pay its start-up time
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  const started = Date.now();
  let bar: CliProgress.SingleBar | undefined;
  let stopped = false;
  return {
    update(done, total) {
      if (stopped) return;
      if (!bar) {
        if (Date.now() - started < SHOW_AFTER_MS || done >= total) return;
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: `ftptls {bar} {value}/{total} files`,
            hideCursor: true,
            clearOnComplete: true,
            barsize: 30,
          },
          color ? cliProgress.Presets.shades_classic : cliProgress.Presets.legacy,
        );
        bar.start(total, done);
      }
      // A run that starts while the walk goes on learns its total as it goes
      if (total !== bar.getTotal()) bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar?.stop();
    },
  };
}
