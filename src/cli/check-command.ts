import { checkEverything, checkFromState, type CheckOptions } from '../build/check.ts';
import type { SiteConfig } from '../config/schema.ts';
import { defaultJobs } from '../parallel/pool.ts';
import { scanArticles } from '../read/scan.ts';
import { plural } from '../site/words.ts';
import { stateDir } from '../store/state-dir.ts';
import type { Console } from './console.ts';
import { formatFurniture, formatProblems, formatRemovals } from './report.ts';

/**
 * `dateline check`: validates every article as a build would and writes nothing. With the build
 * state of the configured output (opened only to read), it reads only the files changed since
 * that build; without one, every file. Either way it prints the same.
 */
export async function runCheck(config: SiteConfig, drafts: boolean, io: Console, jobs = defaultJobs(), cacheDir?: string): Promise<number> {
  const options: CheckOptions = { config, scan: await scanArticles(config.input), drafts, jobs };
  const { LmdbStateStore } = await import('../store/lmdb-store.ts');
  const state = await LmdbStateStore.openToRead(stateDir(config.output, cacheDir));
  let result;
  try {
    result = (state && (await checkFromState(options, state))) ?? (await checkEverything(options));
  } finally {
    await state?.close();
  }
  for (const line of formatProblems(result.problems)) io.err(line);
  const errors = result.problems.filter((problem) => problem.severity === 'error').length;
  for (const line of [...formatFurniture(result.furniture, 'Would remove'), ...formatRemovals(result.removals, 'Would remove')]) io.out(line);
  io.out(`Checked ${config.input}: ${plural(result.ready, 'article')} ready, ${plural(errors, 'file')} with errors, ${plural(result.problems.length - errors, 'warning')}.`);
  return errors > 0 ? 1 : 0;
}
