import type { SiteConfig } from '../config/schema.ts';
import { loadRecords } from '../records/load-records.ts';
import { plural } from '../site/words.ts';
import type { Console } from './main.ts';
import { formatProblems } from './report.ts';

/** `dateline check`: validates every article as a build would, writes nothing. */
export async function runCheck(config: SiteConfig, drafts: boolean, io: Console): Promise<number> {
  const loaded = await loadRecords({ inputDir: config.input, leftoverPatterns: config.leftoverPatterns, drafts });
  for (const line of formatProblems(loaded.problems)) io.err(line);
  const errors = loaded.problems.filter((problem) => problem.severity === 'error').length;
  io.out(`Checked ${config.input}: ${plural(loaded.records.length, 'article')} ready, ${plural(errors, 'file')} with errors, ${plural(loaded.problems.length - errors, 'warning')}.`);
  return errors > 0 ? 1 : 0;
}
