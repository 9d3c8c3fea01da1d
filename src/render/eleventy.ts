import path from 'node:path';
import Eleventy, { type EleventyConfig } from '@11ty/eleventy';
import type { PageModel } from '../pages/types.ts';

export interface RenderOptions {
  /** Folder of Nunjucks templates: one per page kind, named after `PageModel['template']`. */
  templatesDir: string;
  /** Site-wide values templates may show (`site.title`, `site.language`, …). */
  site: Record<string, unknown>;
}

export interface RenderedPage {
  outputFile: string;
  html: string;
}

/** Where Eleventy believes it writes; it never does, Dateline's writer does (see `renderPages`). */
const VIRTUAL_OUTPUT = path.resolve('/dateline-virtual-output');

/**
 * Renders page models through Eleventy and the Nunjucks templates, yielding each page as soon as
 * Eleventy has rendered it (a transform hands it over), so writing overlaps rendering.
 *
 * Eleventy only renders: page models arrive as global data (never as template source, so article
 * text cannot run as Nunjucks), each template paginates over the models of its kind, and the
 * output goes to Dateline's writer, which builds and checks every path itself. No config file from
 * the working directory is loaded, and autoescaping is on.
 */
export async function* renderPages(pages: readonly PageModel[], options: RenderOptions): AsyncGenerator<RenderedPage> {
  const byTemplate: Record<string, PageModel[]> = { article: [], list: [], archive: [], notFound: [] };
  const expected = new Set<string>();
  for (const page of pages) {
    (byTemplate[page.template] ??= []).push(page);
    expected.add(page.outputFile);
  }
  const rendered: RenderedPage[] = [];
  let wake: (() => void) | undefined;
  const eleventy = new Eleventy(options.templatesDir, VIRTUAL_OUTPUT, {
    quietMode: true,
    configPath: '',
    config(config: EleventyConfig) {
      config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
      config.setTemplateFormats(['njk']);
      config.addGlobalData('dateline', byTemplate);
      config.addGlobalData('site', options.site);
      // The permalink is a function, not a template string: Eleventy would compile and autoescape
      // a `{{ p.outputFile }}` string once per page.
      config.addGlobalData('eleventyComputed', { permalink: (data: { p?: PageModel }) => data.p?.outputFile ?? false });
      config.setDataDeepMerge(false);
      config.addTransform('dateline-hand-over', function (this: { page: { outputPath: string | false } }, content: string) {
        if (this.page.outputPath !== false) {
          rendered.push({ outputFile: path.relative(VIRTUAL_OUTPUT, this.page.outputPath).split(path.sep).join('/'), html: content });
          wake?.();
        }
        return content;
      });
    },
  });
  let done = false;
  let failure: unknown;
  const finished = eleventy.toJSON().then(
    () => {
      done = true;
      wake?.();
    },
    (error: unknown) => {
      failure = error;
      done = true;
      wake?.();
    },
  );
  let next = 0;
  while (!done || next < rendered.length) {
    if (next === rendered.length) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      continue;
    }
    const page = rendered[next] as RenderedPage;
    rendered[next++] = undefined as unknown as RenderedPage; // let the page's HTML be collected once written
    if (!expected.delete(page.outputFile)) {
      throw new Error(`a template rendered ${page.outputFile}, which no page model asked for (or asked for twice)`);
    }
    yield page;
  }
  await finished;
  if (failure !== undefined) throw failure;
  if (expected.size > 0) {
    const [first] = expected;
    throw new Error(`${expected.size} page(s) were not rendered, e.g. ${first}: is a template missing from ${options.templatesDir}?`);
  }
}
