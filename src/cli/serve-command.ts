import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TEMPLATES } from '../build-paths.ts';
import type { SiteConfig } from '../config/schema.ts';
import { DatelineError, formatProblem } from '../errors.ts';
import { previewServer } from '../serve/static-server.ts';
import { buildSite } from './build-command.ts';
import type { Console } from './console.ts';

export interface ServeOptions {
  port: number;
  host: string;
  /** Reads the config again (it may have changed on disk). */
  loadConfig: () => Promise<SiteConfig>;
  configFile: string;
}

/**
 * `dateline serve`: builds, serves the output folder on localhost, watches the input folder, the
 * templates and the config, rebuilds incrementally on a change and reloads open pages. A bad file
 * or a bad config is reported in the terminal and the last good site stays served.
 * Resolves when the server is listening; returns a function that stops everything.
 */
export async function startServe(initial: SiteConfig, options: ServeOptions, io: Console): Promise<{ url: string; address: string; stop: () => Promise<void> }> {
  let config = initial;
  assertNotWatched(config);
  await buildOnce(config, io);
  const preview = previewServer(path.resolve(config.output));
  await new Promise<void>((resolve, reject) => {
    preview.server.once('error', reject);
    preview.server.listen(options.port, options.host, () => resolve());
  });
  const address = preview.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host === '127.0.0.1' ? 'localhost' : options.host}:${port}/`;

  let building = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const rebuild = async () => {
    if (building) {
      again = true;
      return;
    }
    building = true;
    try {
      config = await options.loadConfig();
      if (await buildOnce(config, io)) preview.reload();
    } catch (error) {
      io.err(error instanceof DatelineError ? formatProblem(error.problem) : String((error as Error).message));
    } finally {
      building = false;
      if (again) {
        again = false;
        void rebuild();
      }
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 150);
  };
  const watchers: FSWatcher[] = [
    watch(config.input, { recursive: true }, schedule),
    watch(config.templates ?? DEFAULT_TEMPLATES, { recursive: true }, schedule),
    watch(path.dirname(path.resolve(options.configFile)), (_event, name) => {
      if (name === path.basename(options.configFile)) schedule();
    }),
  ];
  return {
    url,
    address: typeof address === 'object' && address ? address.address : options.host,
    async stop() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      await preview.close();
    },
  };
}

/** A build writing into a folder it watches would trigger itself forever: refuse that. */
function assertNotWatched(config: SiteConfig): void {
  const output = path.resolve(config.output);
  const templates = path.resolve(config.templates ?? DEFAULT_TEMPLATES);
  const relative = path.relative(templates, output);
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
    throw new DatelineError({ code: 'folders-overlap', file: config.output, message: `is inside the templates folder ${templates}, which serve watches`, hint: 'choose an output folder outside the templates' });
  }
}

/** One build, its report printed; true when it changed the output. */
async function buildOnce(config: SiteConfig, io: Console): Promise<boolean> {
  try {
    return (await buildSite(config, { strict: false, drafts: false, clean: false, inPlace: true }, io)).changed;
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
