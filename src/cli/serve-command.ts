import { existsSync, watch, type FSWatcher } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { SiteConfig } from '../config/schema.ts';
import { DatelineError, formatProblem } from '../errors.ts';
import { rescanFiles, scanArticles, type ScanResult } from '../read/scan.ts';
import { SHARD_FILE } from '../ledger/ledger-folder.ts';
import { helpersFileOf } from '../render/helpers.ts';
import { templateFolders } from '../render/templates.ts';
import { closeSearchService } from '../search/pagefind.ts';
import { previewServer } from '../serve/static-server.ts';
import { watchFolder } from '../serve/watch-folder.ts';
import { CachingStateStore } from '../store/caching-store.ts';
import { stateDir } from '../store/state-dir.ts';
import { buildSite, type BuildSession } from './build-command.ts';
import { openState } from '../store/open-state.ts';
import type { Console } from './console.ts';

export interface ServeOptions {
  port: number;
  host: string;
  /** Reads the config again (it may have changed on disk). */
  loadConfig: () => Promise<SiteConfig>;
  configFile: string;
  /** Where the build state is kept (default: node_modules/.cache/dateline/). */
  cacheDir?: string;
}

/** How long to wait after a change for the next one (an editor's save is often several writes). */
const SETTLE_MS = 40;

/**
 * `dateline serve`: builds, serves the output folder on localhost, watches the input folder, the
 * templates (the user's and Dateline's), the config and its helpers file, rebuilds incrementally on a change and reloads open pages. A bad file
 * or a bad config is reported in the terminal and the last good site stays served.
 *
 * It keeps its state in memory between builds: the build state stays open with what it read
 * (the archive's rows, entries, output keys), the input folder's listing is patched with the paths
 * the watcher reports instead of listed again, and Pagefind's process stays up. A saved article is
 * read, placed, rendered and indexed without reading the rest of the archive again.
 * Resolves when the server is listening; returns a function that stops everything.
 */
export async function startServe(initial: SiteConfig, options: ServeOptions, io: Console): Promise<{ url: string; address: string; stop: () => Promise<void> }> {
  let config = initial;
  assertNotWatched(config);
  const helpers = helpersFileOf(options.configFile);
  // The port first: one in use is said at once, before a build that may take minutes, with nothing to undo.
  const preview = previewServer(path.resolve(config.output));
  await listen(preview.server, options.port, options.host);
  let session: ServeSession;
  try {
    session = await openSession(config, options.cacheDir, io);
  } catch (error) {
    await preview.close();
    throw error;
  }
  const changed = new Set<string>();
  let rescan = false;
  session.scan = async () => {
    const patched = !rescan && session.last ? rescanFiles(session.last, changed) : undefined;
    changed.clear();
    rescan = false;
    session.last = patched ?? (await scanArticles(config.input));
    return session.last;
  };
  // The first build says what a missing base URL leaves out; rebuilds do not repeat it.
  await buildOnce(config, io, session, options.cacheDir, helpers, true);
  const address = preview.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host === '127.0.0.1' ? 'localhost' : options.host}:${port}/`;

  let building: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const rebuild = async () => {
    if (stopped) return;
    if (building) {
      again = true;
      return;
    }
    let done = () => {};
    building = new Promise((resolve) => (done = resolve));
    try {
      const next = await options.loadConfig();
      if (path.resolve(next.output) !== path.resolve(config.output) || path.resolve(next.input) !== path.resolve(config.input)) {
        // Another site: its own state, and a fresh listing.
        await session.store.close();
        const scan = session.scan;
        session = await openSession(next, options.cacheDir, io);
        session.scan = scan;
        rescan = true;
      }
      config = next;
      if (await buildOnce(config, io, session, options.cacheDir, helpers)) preview.reload();
    } catch (error) {
      io.err(error instanceof DatelineError ? formatProblem(error.problem) : String((error as Error).message));
    } finally {
      building = undefined;
      done();
      if (again) {
        again = false;
        void rebuild();
      }
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), SETTLE_MS);
  };
  const input = watchFolder(config.input, (name) => {
    // The URL ledger is written by the builds themselves (through a hidden temporary file); hidden files are never articles.
    if (name !== null && (SHARD_FILE.test(path.basename(name)) || name.split(/[\\/]/).some((part) => part.startsWith('.')))) return;
    // Without a name the watcher lost track: list the folder again.
    if (name === null) rescan = true;
    else changed.add(name);
    schedule();
  });
  // The config and the helpers file sit side by side: one watcher of their folder.
  const beside = new Set([path.basename(options.configFile), path.basename(helpers)]);
  const watchers: FSWatcher[] = [
    ...templateFolders(config).map((folder) => watch(folder, { recursive: true }, schedule)),
    // The site's own pages and files, when it has them (a folder made while serving is seen after a restart).
    ...[config.pages, config.static].filter((folder) => existsSync(folder)).map((folder) => watch(folder, { recursive: true }, schedule)),
    watch(path.dirname(path.resolve(options.configFile)), (_event, name) => {
      if (name !== null && beside.has(name)) schedule();
    }),
  ];
  for (const watcher of watchers) watcher.on('error', () => (rescan = true));
  return {
    url,
    address: typeof address === 'object' && address ? address.address : options.host,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      input.close();
      for (const watcher of watchers) watcher.close();
      // A build under way finishes before the state and the search process close.
      while (building) await building;
      await preview.close();
      await session.store.close();
      await closeSearchService();
    },
  };
}

type ServeSession = BuildSession & { last?: ScanResult };

/** Listens on `port`; a port in use is a problem that names it and says how to choose another. */
async function listen(server: Server, port: number, host: string): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    const other = port < 65535 ? port + 1 : port - 1;
    throw new DatelineError({
      code: 'port-in-use',
      file: '--port',
      message: `port ${port} on ${host} is in use by another program, perhaps another dateline serve`,
      hint: `choose another with --port: dateline serve --port ${other}, or npm start -- --port ${other}`,
    });
  }
}

async function openSession(config: SiteConfig, cacheDir: string | undefined, io: Console): Promise<ServeSession> {
  const opened = await openState(stateDir(config.output, cacheDir));
  if (opened.note !== undefined) io.err(`note: ${opened.note}`);
  const store = new CachingStateStore(opened.store);
  return { store, scan: () => scanArticles(config.input) };
}

/** A build writing into a folder it watches would trigger itself forever: refuse that. */
function assertNotWatched(config: SiteConfig): void {
  const output = path.resolve(config.output);
  for (const folder of templateFolders(config)) {
    const templates = path.resolve(folder);
    const relative = path.relative(templates, output);
    if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
      throw new DatelineError({ code: 'folders-overlap', file: config.output, message: `is inside the templates folder ${templates}, which serve watches`, hint: 'choose an output folder outside the templates' });
    }
  }
}

/** One build, its report printed (with the base-URL note when `baseUrlNote`); true when it changed the output. */
async function buildOnce(config: SiteConfig, io: Console, session: BuildSession, cacheDir: string | undefined, helpers: string, baseUrlNote = false): Promise<boolean> {
  try {
    return (await buildSite(config, { strict: false, drafts: false, clean: false, inPlace: true, baseUrlNote, helpers, ...(cacheDir === undefined ? {} : { cacheDir }) }, io, session)).changed;
  } catch (error) {
    if (error instanceof DatelineError) {
      for (const problem of error.problems) io.err(formatProblem(problem));
      io.err(formatProblem(error.problem));
    } else {
      io.err(`build failed: ${(error as Error).message}`);
    }
    return false;
  }
}
