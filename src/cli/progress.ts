import type { Progress } from '../build/build.ts';

const DELAY_MS = 1000;
const EVERY_MS = 100;
const WIDTH = 24;

/**
 * A one-line progress bar on an interactive terminal, shown only once a build has run for about a
 * second; on anything else (CI, a pipe) nothing, since the summary lines say it all.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): { progress: Progress; done(): void } {
  if (!stream.isTTY || process.env.CI) return { progress: () => {}, done: () => {} };
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    progress(stage, done, total) {
      const now = Date.now();
      if (now - started < DELAY_MS || (now - last < EVERY_MS && done < total)) return;
      last = now;
      shown = true;
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${stage} ${done.toLocaleString('en')}/${total.toLocaleString('en')}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
