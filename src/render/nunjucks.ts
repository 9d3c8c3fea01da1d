import nunjucks from 'nunjucks';
import type { PageModel } from '../pages/types.ts';

export interface Renderer {
  /** The page's HTML, laid out by `template` (a path under the templates folder; see the kinds in `src/kinds/`). */
  render(template: string, page: PageModel): string;
}

/**
 * Renders page models through the Nunjucks templates in `templatesDir`. Templates receive the page
 * model as `p` and the site-wide values as `site`; autoescaping is on, so every value is escaped
 * unless a template marks it `safe`. Page models are data, never template source, so article text
 * cannot run as Nunjucks. Compiled templates are kept for the renderer's life.
 *
 * Dateline renders with Nunjucks directly rather than through Eleventy, which wraps the same
 * engine: importing and starting Eleventy cost 0.75 s per process here, more than a whole update
 * of one article may take (see the README's Performance section).
 */
export function createRenderer(templatesDir: string, site: Readonly<Record<string, unknown>>): Renderer {
  const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDir), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  return {
    render(template, page) {
      try {
        return environment.render(template, { p: page, site });
      } catch (error) {
        throw new Error(`could not render ${page.outputFile} with ${template} from ${templatesDir}: ${(error as Error).message}`, { cause: error });
      }
    },
  };
}
