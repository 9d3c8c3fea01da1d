import type { SiteConfig } from '../config/schema.ts';
import { displayPath, scanArticles } from '../read/scan.ts';
import { ledgerFileOf, readLedger } from '../ledger/lockfile.ts';
import { placeRecords } from '../records/place.ts';
import { readArticles, sortProblems } from '../records/load-records.ts';
import { plural } from '../site/words.ts';
import type { Console } from './console.ts';
import { formatFurniture, formatProblems } from './report.ts';
import { countFurniture } from '../build/furniture-stage.ts';
import { foldParagraph } from '../clean/boilerplate.ts';
import { defaultJobs } from '../parallel/pool.ts';

/** `dateline check`: validates every article as a build would (reading every file), writes nothing. */
export async function runCheck(config: SiteConfig, drafts: boolean, io: Console, jobs = defaultJobs()): Promise<number> {
  const read = await readArticles({ inputDir: config.input, scan: await scanArticles(config.input), leftoverPatterns: config.leftoverPatterns, jobs });
  const furniture = config.discoverLeftovers ? countFurniture(undefined, read, undefined, (hash) => read.records.get(hash)).found(new Set(config.keepParagraphs.map(foldParagraph))) : [];
  const published = [...read.records.values()].filter((record) => drafts || !record.draft);
  const display = displayPath(config.input);
  // Placed as a build would place them, against a copy of the URL ledger that is never written.
  const { ledger } = await readLedger(ledgerFileOf(config));
  const ids = new Set(published.map((record) => record.id));
  const placed = placeRecords(published, { ledger, published: (id) => ids.has(id), displayPath: (record) => `${display}/${record.source}` });
  const problems = sortProblems([...read.problems, ...placed.problems]);
  for (const line of formatProblems(problems)) io.err(line);
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  for (const line of formatFurniture(furniture, 'Would remove')) io.out(line);
  io.out(`Checked ${config.input}: ${plural(published.length, 'article')} ready, ${plural(errors, 'file')} with errors, ${plural(problems.length - errors, 'warning')}.`);
  return errors > 0 ? 1 : 0;
}
