import path from 'node:path';
import { DEFAULT_TEMPLATES } from '../build-paths.ts';
import { dropStamp, loadStamp, saveStamp, stampFileOf, stampKey } from '../cache/stamp.ts';
import { dropState, loadState, saveState, stateFile } from '../cache/state.ts';
import type { SiteConfig } from '../config/schema.ts';
import { DatelineError } from '../errors.ts';
import { fingerprintFiles, fingerprintFolder, isSettled } from '../read/fingerprint.ts';
import { scanArticles } from '../read/scan.ts';
import { plural } from '../site/words.ts';
import { CODE_KEY } from '../version.ts';
import { outputIdentity, removeLeftovers, ReplacingWriter, retainedTreeOf, SwappingUpdateWriter, UpdatingWriter } from '../write/disk-writer.ts';
import { lockOutput } from '../write/lock.ts';
import type { Console } from './main.ts';
import { terminalProgress } from './progress.ts';
import { formatProblems, formatSummary } from './report.ts';

export interface BuildFlags {
  strict: boolean;
  drafts: boolean;
  clean: boolean;
  /**
   * Update the output file by file instead of swapping in a whole new version: faster, but a
   * reader can see a mix of old and new pages for a moment. `serve` uses it for its preview.
   */
  inPlace?: boolean;
}

/**
 * `dateline build`: takes the output's lock, and either finds that nothing changed since the last
 * build (by file fingerprints, without reading or parsing anything), or builds incrementally from
 * the previous build's state, or — with `--clean`, no state, or an output it did not write — cleanly.
 */
export async function runBuild(config: SiteConfig, flags: BuildFlags, io: Console): Promise<number> {
  return (await buildSite(config, flags, io)).code;
}

/** As {@link runBuild}, also saying whether the output changed (so `serve` reloads pages only then). */
export async function buildSite(config: SiteConfig, flags: BuildFlags, io: Console): Promise<{ code: number; changed: boolean }> {
  assertSeparateFolders(config);
  const release = await lockOutput(config.output);
  try {
    await removeLeftovers(config.output);
    const cache = stateFile(config.output);
    const stampFile = stampFileOf(cache);
    const templatesDir = config.templates ?? DEFAULT_TEMPLATES;
    const started = performance.now();
    const scan = await scanArticles(config.input);
    const fingerprints = [...fingerprintFolder(templatesDir), ...fingerprintFiles(scan.files)];
    const key = stampKey([CODE_KEY, JSON.stringify(config), String(flags.drafts), ...fingerprints]);
    const identity = await outputIdentity(config.output);
    const stamp = flags.clean ? undefined : await loadStamp(stampFile);
    if (identity !== undefined && stamp?.key === key && stamp.output === identity) {
      for (const line of formatProblems(stamp.problems)) io.err(line);
      io.out(`Nothing changed since the last build of ${config.output} (${plural(scan.files.length, 'file')} checked in ${((performance.now() - started) / 1000).toFixed(2)} s): ${plural(stamp.articles, 'article')}, ${plural(stamp.pages, 'page')}.`);
      return { code: flags.strict && stamp.skipped > 0 ? 1 : 0, changed: false };
    }

    const { build } = await import('../build.ts');
    const saved = flags.clean ? undefined : await loadState(cache);
    // The state only describes this output if no other build has written it since.
    const previous = identity !== undefined && saved?.output === identity ? saved : undefined;
    const incremental = previous !== undefined;
    // A swapping update starts from the kept previous version when the state vouches for it.
    const kept = previous?.retained !== undefined && (await outputIdentity(retainedTreeOf(config.output))) === previous.retained.identity ? previous.retained : undefined;
    const writer = !incremental
      ? await ReplacingWriter.open(config.output)
      : flags.inPlace
        ? await UpdatingWriter.open(config.output)
        : await SwappingUpdateWriter.open(config.output, kept);
    // The state and stamp describe the output: forget them while it changes, save the new ones after.
    await dropStamp(stampFile);
    await dropState(cache);
    const bar = terminalProgress();
    const summary = await build({ config, drafts: flags.drafts, progress: bar.progress, scan, ...(incremental ? { previous } : {}) }, writer).finally(() => bar.done());
    const written = await outputIdentity(config.output);
    const retained = writer instanceof SwappingUpdateWriter ? await keptVersion(config.output, writer.changes()) : undefined;
    await saveState(cache, { ...summary.state, ...(written === undefined ? {} : { output: written }), ...(retained ? { retained } : {}) });
    // Files changed a moment ago could change again unseen within one timestamp tick: no stamp then.
    if (isSettled(fingerprints, Date.now())) {
      await saveStamp(stampFile, { key, output: written, articles: summary.articles, pages: summary.pages, skipped: summary.skipped, problems: summary.problems });
    }

    for (const line of formatProblems(summary.problems)) io.err(line);
    if (config.baseUrl === undefined) {
      io.err('note: no base URL set, so feeds and sitemap.xml were not written (they need absolute URLs); pass --base-url or set "baseUrl" in dateline.config.json');
    }
    for (const line of formatSummary(summary, config.output)) io.out(line);
    return { code: flags.strict && summary.skipped > 0 ? 1 : 0, changed: summary.written + summary.removed > 0 };
  } finally {
    await release();
  }
}

/** What the state records of the version a swap kept beside the output, if it kept one. */
async function keptVersion(output: string, changedSince: string[]): Promise<{ identity: string; changedSince: string[] } | undefined> {
  const identity = await outputIdentity(retainedTreeOf(output));
  return identity === undefined ? undefined : { identity, changedSince };
}

/** The output folder is replaced on every build: it must not hold, or sit inside, the input. */
function assertSeparateFolders(config: SiteConfig): void {
  const input = path.resolve(config.input);
  const output = path.resolve(config.output);
  const inside = (child: string, parent: string) => {
    const relative = path.relative(parent, child);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  };
  if (inside(input, output) || inside(output, input)) {
    throw new DatelineError({ code: 'folders-overlap', file: config.output, message: `overlaps the input folder ${config.input}`, hint: 'choose an output folder outside the input' });
  }
}
