import path from 'node:path';
import type { EleventyConfig } from '@11ty/eleventy';
import type { PageModel } from '../pages/types.ts';
import { checkOutputPath } from '../write/output-path.ts';

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
 * Renders page models through Eleventy and the Nunjucks templates and yields each page.
 *
 * Eleventy only renders: page models arrive as global data (never as template source, so article
 * text cannot run as Nunjucks), each template paginates over the models of its kind, and the
 * output goes to Dateline's writer, which builds and checks every path itself. No config file from
 * the working directory is loaded, and autoescaping is on.
 */
export async function* renderPages(pages: readonly PageModel[], options: RenderOptions): AsyncGenerator<RenderedPage> {
  if (pages.length === 0) return; // nothing changed: Eleventy is not even loaded
  const { default: Eleventy } = await import('@11ty/eleventy');
  const byTemplate: Record<string, PageModel[]> = { article: [], list: [], archive: [], topics: [], search: [], notFound: [] };
  const expected = new Set<string>();
  for (const page of pages) {
    (byTemplate[page.template] ??= []).push(page);
    expected.add(checkOutputPath(page.outputFile));
  }
  const eleventy = new Eleventy(options.templatesDir, VIRTUAL_OUTPUT, {
    quietMode: true,
    configPath: '',
    config(config: EleventyConfig) {
      config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
      config.setTemplateFormats(['njk']);
      config.addGlobalData('dateline', byTemplate);
      config.addGlobalData('site', options.site);
      // The permalink is a function, so Eleventy does not compile and autoescape a template string
      // for each page. (It would still render a returned string holding `{{`, which checkOutputPath
      // has already ruled out above.)
      config.addGlobalData('eleventyComputed', { permalink: (data: { p?: PageModel }) => data.p?.outputFile ?? false });
      config.setDataDeepMerge(false);
    },
  });
  for (const result of await eleventy.toJSON()) {
    if (result.outputPath === false) continue;
    const outputFile = path.relative(VIRTUAL_OUTPUT, result.outputPath).split(path.sep).join('/');
    if (!expected.delete(outputFile)) {
      throw new Error(`template ${result.inputPath} rendered ${outputFile}, which no page model asked for (or asked for twice)`);
    }
    yield { outputFile, html: result.content };
  }
  if (expected.size > 0) {
    const [first] = expected;
    throw new Error(`${expected.size} page(s) were not rendered, e.g. ${first}: is a template missing from ${options.templatesDir}?`);
  }
}
