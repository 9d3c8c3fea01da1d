import { readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config/schema.ts';
import { DatelineError } from '../errors.ts';
import { allSettled, folderTimes, isSettled } from '../read/fingerprint.ts';
import { ledgerFolderOf, listLedger } from '../ledger/ledger-folder.ts';
import { importHelpers, readHelpersSource } from '../render/helpers.ts';
import { assertTemplateFolders, templateFolders } from '../render/templates.ts';
import { scanArticles, type ScanResult } from '../read/scan.ts';
import type { CachingStateStore } from '../store/caching-store.ts';
import type { StateStore } from '../store/contents.ts';
import { plural } from '../site/words.ts';
import { dropStamp, loadStamp, saveStamp, stampFileOf, stampKey } from '../store/stamp.ts';
import { stateDir } from '../store/state-dir.ts';
import { droppedNote, StateDamaged } from '../store/damage.ts';
import { OutputChanged } from '../write/tree-check.ts';
import { CODE_KEY } from '../version.ts';
import { outputIdentity, removeLeftovers, ReplacingWriter, retainedTreeOf, SwappingUpdateWriter, UpdatingWriter } from '../write/disk-writer.ts';
import { assertLockHeld, lockOutput } from '../write/lock.ts';
import type { Console } from './console.ts';
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
  /** Worker threads (default: one per core). */
  jobs?: number;
  /** Say that feeds and sitemaps need a base URL when none is set (default true; `serve` says it once). */
  baseUrlNote?: boolean;
  /** Where the build state is kept (default: node_modules/.cache/dateline/ in the working directory). */
  cacheDir?: string;
  /** The time now (default `Date.now`): whether a file changed too recently to vouch for it by its times. */
  clock?: () => number;
  /** Publish an empty site when the input has no articles (otherwise a published site is kept). */
  allowEmpty?: boolean;
  /** The template helpers file (`dateline.config.mjs` beside the config), used when it exists. */
  helpers?: string;
}

/**
 * `dateline build`: takes the output's lock, and either finds that nothing changed since the last
 * build (by file fingerprints, without reading or parsing anything), or builds incrementally from
 * the previous build's state, or — with `--clean`, no state, or an output it did not write — cleanly.
 */
export async function runBuild(config: SiteConfig, flags: BuildFlags, io: Console): Promise<number> {
  try {
    return (await buildSite(config, flags, io)).code;
  } finally {
    // Pagefind's process, if the build started it.
    await (await import('../search/pagefind.ts')).closeSearchService();
  }
}

/**
 * What a long-running process (`serve`) keeps between builds: the build state open, with what it
 * read kept in memory, and the input folder's listing, which its watcher keeps up to date.
 */
export interface BuildSession {
  store: CachingStateStore;
  /** The input folder's listing now. */
  scan(): Promise<ScanResult>;
}

/** As {@link runBuild}, also saying whether the output changed (so `serve` reloads pages only then). */
export async function buildSite(given: SiteConfig, flags: BuildFlags, io: Console, session?: BuildSession): Promise<{ code: number; changed: boolean }> {
  // An output that is a symbolic link is built where it leads: the link stays, its target is replaced.
  assertSeparateFolders(given);
  const config = { ...given, output: linkTarget(given.output) };
  const release = await lockOutput(config.output);
  try {
    // A build beside `serve` may have committed since its last build: what serve kept is then
    // stale, and its next build starts clean, as one whose state names another output does.
    const elsewhere = session?.store.refresh() ?? false;
    await removeLeftovers(config.output);
    const dir = stateDir(config.output, flags.cacheDir);
    const stampFile = stampFileOf(dir);
    const folders = templateFolders(config);
    await assertTemplateFolders(folders);
    const helpers = flags.helpers === undefined ? undefined : await readHelpersSource(flags.helpers);
    const started = performance.now();
    const scan = session ? await session.scan() : await scanArticles(config.input);
    const scanned = performance.now();
    // The stamp says "nothing changed" to a later build without reading anything; `serve` rebuilds on events instead.
    // The URL ledger counts as it is after each build (a build writes it).
    const parts = session ? [] : [CODE_KEY, JSON.stringify(config), String(flags.drafts), ...folders.flatMap(folderTimes), `helpers:${helpers?.digest ?? ''}`, 'pages', ...folderTimes(config.pages), 'static', ...folderTimes(config.static)];
    const keyNow = () => (session ? '' : stampKey([...parts, listLedger(ledgerFolderOf(config)).identity], scan));
    const key = keyNow();
    const identity = await outputIdentity(config.output);
    const stamp = flags.clean || session ? undefined : await loadStamp(stampFile);
    if (identity !== undefined && stamp?.key === key && stamp.output === identity) {
      for (const line of formatProblems(stamp.problems)) io.err(line);
      io.out(`Nothing changed since the last build of ${config.output} (${plural(scan.paths.length, 'file')} checked in ${((performance.now() - started) / 1000).toFixed(2)} s): ${plural(stamp.articles, 'article')}, ${plural(stamp.pages, 'file')}.`);
      return { code: flags.strict && stamp.skipped > 0 ? 1 : 0, changed: false };
    }

    const { build } = await import('../build/build.ts');
    const templates = { folders, ...(helpers === undefined ? {} : { helpers: await importHelpers(helpers) }) };
    const { openState, dropState } = await import('../store/open-state.ts');
    const opened = session ? { store: session.store as StateStore } : await openState(dir);
    if (opened.note !== undefined) io.err(`note: ${opened.note}`);
    let store = opened.store;
    const attempt = async (mayTrust: boolean): Promise<Awaited<ReturnType<typeof build>>> => {
      const meta = store.meta();
      // An empty input folder (a failed mount, a wrong path, a checkout gone wrong) does not wipe a published archive.
      if (scan.paths.length === 0 && !flags.allowEmpty && identity !== undefined && !(meta?.output === identity && store.rows().length === 0)) {
        throw new DatelineError({
          code: 'empty-input',
          file: config.input,
          message: `has no articles, but ${config.output} holds a published site: it was left as it was rather than replaced by an empty one`,
          hint: 'if the archive really is empty now, build with --allow-empty',
        });
      }
      // The state only describes this output if no other build has written it since.
      const trusted = mayTrust && !flags.clean && !elsewhere && identity !== undefined && meta !== undefined && meta.output === identity && meta.code === CODE_KEY;
      // A swapping update starts from the kept previous version when the state vouches for it.
      const kept = trusted && meta.retained !== undefined && (await outputIdentity(retainedTreeOf(config.output))) === meta.retained.identity ? meta.retained : undefined;
      const writer = !trusted
        ? await ReplacingWriter.open(config.output)
        : flags.inPlace
          ? await UpdatingWriter.open(config.output)
          : await SwappingUpdateWriter.open(config.output, kept, meta.retained?.at === undefined ? undefined : { state: dir, at: meta.retained.at });
      await dropStamp(stampFile);
      const ready = performance.now();
      const bar = terminalProgress();
      const summary = await build(
        {
          config,
          drafts: flags.drafts,
          store,
          clean: !trusted,
          templates,
          scan,
          progress: bar.progress,
          ...(flags.jobs === undefined ? {} : { jobs: flags.jobs }),
          ...(flags.clock ? { clock: flags.clock } : {}),
          publishing: {
            ...(writer instanceof SwappingUpdateWriter
              ? {
                  // After the swap, the output it replaces is the kept version: it lacks this update's changes.
                  retained: async () => {
                    const was = await outputIdentity(config.output);
                    return was === undefined ? undefined : { identity: was, changedSince: writer.changes(), at: Date.now() };
                  },
                }
              : writer instanceof ReplacingWriter
                ? {
                    // A clean build keeps a linked copy of the new site once it is in: it lacks nothing.
                    retained: async () => ({ identity: writer.keptIdentity(), changedSince: [], at: Date.now() }),
                  }
                : {}),
            identify: () => outputIdentity(config.output),
            held: () => assertLockHeld(config.output),
          },
        },
        writer,
      ).finally(() => bar.done());
      // Files changed a moment ago could change again unseen within one timestamp tick: no stamp then.
      const now = (flags.clock ?? Date.now)();
      if (!session && allSettled(scan.times, now) && ledgerSettled(ledgerFolderOf(config), now)) {
        await saveStamp(stampFile, { key: keyNow(), output: await outputIdentity(config.output), articles: summary.articles, pages: summary.files, skipped: summary.skipped, problems: summary.problems });
      }
      summary.stages.unshift({ stage: 'scan', seconds: (scanned - started) / 1000 }, { stage: 'open state', seconds: (ready - scanned) / 1000 });
      return summary;
    };
    let summary: Awaited<ReturnType<typeof build>>;
    try {
      summary = await attempt(true).catch(async (error: unknown) => {
        // A damaged state found while building: dropped, and everything built again (the output is as it was).
        // So too an output changed by hand since the last build, which the state no longer describes.
        if (!(error instanceof StateDamaged) && !(error instanceof OutputChanged)) throw error;
        io.err(`note: ${error instanceof StateDamaged ? droppedNote(error) : `${error.message}: everything is built again from the articles`}`);
        if (error instanceof StateDamaged && !session) {
          await store.close();
          await dropState(dir);
          store = (await openState(dir)).store;
        }
        return attempt(false);
      });
    } finally {
      if (!session) await store.close();
    }
    if (summary.stateUnsaved !== undefined) io.err(`note: ${summary.stateUnsaved}: the site was published, and the next build builds everything again`);
    summary.seconds = (performance.now() - started) / 1000;
    for (const line of formatProblems(summary.problems)) io.err(line);
    if (config.baseUrl === undefined && flags.baseUrlNote !== false) {
      io.err('note: no base URL set, so feeds and sitemap.xml were not written (they need absolute URLs); pass --base-url or set "baseUrl" in dateline.config.json');
    }
    for (const line of formatSummary(summary, config.output)) io.out(line);
    return { code: flags.strict && summary.skipped > 0 ? 1 : 0, changed: summary.written + summary.removed + (summary.search?.written ?? 0) > 0 };
  } finally {
    await release();
  }
}

/** Whether the URL ledger's files were last written long enough ago to vouch for them by their times. */
function ledgerSettled(folder: string | undefined, now: number): boolean {
  const { latest } = listLedger(folder);
  return isSettled({ mtimeMs: latest, ctimeMs: latest }, now);
}

/** Where `folder` leads when it is a symbolic link (followed to the end, even to a folder not made yet); otherwise `folder`. */
function linkTarget(folder: string): string {
  let at = path.resolve(folder);
  for (let hops = 0; hops < 40; hops++) {
    let target: string;
    try {
      target = readlinkSync(at);
    } catch {
      return at === path.resolve(folder) ? folder : at;
    }
    at = path.resolve(path.dirname(at), target);
  }
  return at;
}

/** The output folder is replaced on every build: it must not hold, or sit inside, the input, the site's own pages or its own files. */
/** The real path of `folder` (which may not exist yet): its nearest existing ancestor's real path, and the rest as written. */
function realFolder(folder: string): string {
  const rest: string[] = [];
  for (let existing = path.resolve(folder); ; existing = path.dirname(existing)) {
    try {
      return path.join(realpathSync(existing), ...rest.reverse());
    } catch {
      if (path.dirname(existing) === existing) return path.resolve(folder);
      rest.push(path.basename(existing));
    }
  }
}

function assertSeparateFolders(config: SiteConfig): void {
  // By real paths: an output reached through a symbolic link into the input is inside it all the same.
  const output = realFolder(config.output);
  const inside = (child: string, parent: string) => {
    const relative = path.relative(parent, child);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  };
  for (const [folder, what] of [
    [config.input, 'input folder'],
    [config.pages, 'pages folder'],
    [config.static, 'static files folder'],
  ] as const) {
    const other = realFolder(folder);
    if (inside(other, output) || inside(output, other)) {
      throw new DatelineError({ code: 'folders-overlap', file: config.output, message: `overlaps the ${what} ${folder}`, hint: `choose an output folder outside the ${what}` });
    }
  }
}
