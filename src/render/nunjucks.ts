import nunjucks from 'nunjucks';
import { DEFAULT_TEMPLATES } from '../build-paths.ts';
import type { PageModel } from '../pages/types.ts';
import { DATELINE_PREFIX, type TemplateSet } from './templates.ts';

export interface Renderer {
  /** The page's HTML, laid out by `template` (a path under the templates folder; see the kinds in `src/kinds/`). */
  render(template: string, page: PageModel): string;
}

/**
 * Renders page models through the Nunjucks templates of `templates`: a template is taken from the
 * first folder that has it (the user's, then Dateline's), and `dateline/<name>` is always
 * Dateline's own, so an override can extend the template it replaces. Templates receive the page
 * model as `p` and the site-wide values as `site`, plus the filters and globals of the helpers
 * file; autoescaping is on, so every value is escaped unless a template marks it `safe`. Page
 * models are data, never template source, so article text cannot run as Nunjucks. Compiled
 * templates are kept for the renderer's life.
 *
 * Dateline renders with Nunjucks directly rather than through Eleventy, which wraps the same
 * engine: importing and starting Eleventy cost 0.75 s per process here, more than a whole update
 * of one article may take (see the README's Performance section).
 */
export function createRenderer(templates: TemplateSet, site: Readonly<Record<string, unknown>>): Renderer {
  const environment = new nunjucks.Environment([datelineOwn(), new nunjucks.FileSystemLoader([...templates.folders])], {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  for (const [name, filter] of Object.entries(templates.helpers?.filters ?? {})) environment.addFilter(name, filter);
  for (const [name, value] of Object.entries(templates.helpers?.globals ?? {})) environment.addGlobal(name, value);
  return {
    render(template, page) {
      try {
        return environment.render(template, { p: page, site });
      } catch (error) {
        throw new Error(`could not render ${page.outputFile} with ${template} from ${templates.folders.join(' and ')}: ${(error as Error).message}`, { cause: error });
      }
    },
  };
}

/** Loads `dateline/<name>` from Dateline's own templates, whatever the user's folder holds. */
function datelineOwn(): nunjucks.ILoader {
  const own = new nunjucks.FileSystemLoader(DEFAULT_TEMPLATES);
  return {
    getSource: (name) => (name.startsWith(DATELINE_PREFIX) ? own.getSource(name.slice(DATELINE_PREFIX.length)) : (null as unknown as nunjucks.LoaderSource)),
  };
}
