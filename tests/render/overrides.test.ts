import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../src/build-paths.ts';
import { buildSite, buildSiteWith, page } from '../helpers/site.ts';

const ARTICLES = { '001_a.txt': ' date 2025-04-27 Troops moved north on Sunday.\n\nSecond paragraph.' };
const ARTICLE_PAGE = /^2025\/04\/27\/troops-.*\/index\.html$/;

describe("a site's own templates over Dateline's", () => {
  it('takes one overridden page template from the site and every other template from Dateline', async () => {
    const { site } = await buildSiteWith({
      articles: ARTICLES,
      templates: { 'pages/article.njk': '{% extends "base.njk" %}\n{% block main %}<h1 class="mine">{{ p.article.headline }}</h1>{% endblock %}\n' },
    });
    const article = page(site, ARTICLE_PAGE);
    expect(article).toContain('<h1 class="mine">Troops moved north on Sunday</h1>');
    // Dateline's layout around it, and Dateline's other pages untouched.
    expect(article).toContain('<a class="skip-link" href="#main">Skip to content</a>');
    expect(article).not.toContain('Related articles');
    const { site: plain } = await buildSite(ARTICLES);
    for (const file of ['index.html', '2025/04/27/index.html', 'archive/index.html', '404.html']) expect(site.text(file), file).toBe(plain.text(file));
  });

  it('lets an override extend the template it replaces through the dateline/ prefix, and an overridden layout reach every page', async () => {
    const { site } = await buildSiteWith({
      articles: ARTICLES,
      templates: {
        'base.njk': '{% extends "dateline/base.njk" %}\n{% block site_head %}<link rel="icon" href="{{ p.chrome.home }}#icon">{% endblock %}\n',
        'pages/list.njk': '{% extends "dateline/pages/list.njk" %}\n',
      },
    });
    // base.njk's site_head block is the site's: every page has it, beside its own head block.
    expect(page(site, /^index\.html$/)).toContain('<link rel="icon" href="index.html#icon">');
    expect(page(site, /^archive\/index\.html$/)).toContain('<link rel="icon" href="../index.html#icon">');
    const article = page(site, ARTICLE_PAGE);
    expect(article).toContain('<link rel="icon" href="../../../../index.html#icon">');
    expect(article).toContain('<meta property="og:type" content="article">');
  });

  it("copies the site's own stylesheet in place of Dateline's, and an asset it adds, subfolders kept", async () => {
    const { site } = await buildSiteWith({ articles: ARTICLES, templates: { 'assets/style.css': 'body { color: teal }\n', 'assets/fonts/serif.woff2': 'font bytes', 'assets/.hidden': 'x' } });
    expect(site.text('assets/style.css')).toBe('body { color: teal }\n');
    expect(site.text('assets/fonts/serif.woff2')).toBe('font bytes');
    expect(site.text('assets/dateline.js')).toBe(await readFile(path.join(DEFAULT_TEMPLATES, 'assets/dateline.js'), 'utf8'));
    expect(site.files.has('assets/.hidden')).toBe(false);
  });

  it("refuses an asset named theme.css when the config sets colours (it is the stylesheet Dateline makes from them)", async () => {
    const built = buildSiteWith({ articles: ARTICLES, templates: { 'assets/theme.css': ':root {}' }, config: { colors: { light: { accent: 'darkred' } } } });
    await expect(built).rejects.toThrow(/templates\/assets\/theme\.css: has the name of the stylesheet Dateline makes from "colors" in the config/);
  });

  it('refuses a templates folder that does not exist rather than quietly using Dateline\'s', async () => {
    const { buildSite: buildOnDisk } = await import('../../src/cli/build-command.ts');
    const { configSchema } = await import('../../src/config/schema.ts');
    const { tempDir } = await import('../helpers/files.ts');
    const work = await tempDir();
    try {
      const errors: string[] = [];
      const config = configSchema.parse({ input: path.join(work.dir, 'in'), output: path.join(work.dir, 'out'), templates: path.join(work.dir, 'tempaltes') });
      await expect(buildOnDisk(config, { strict: false, drafts: false, clean: false, cacheDir: path.join(work.dir, 'cache') }, { out: () => {}, err: (line) => errors.push(line) })).rejects.toThrow(/tempaltes: does not exist/);
    } finally {
      await work.cleanup();
    }
  });
});

describe('template helpers from dateline.config.mjs', () => {
  const helpers = `
export default {
  filters: {
    shout: (text) => String(text).toUpperCase(),
    wrapped: (text) => '<b>' + text + '</b>',
    initials(text, separator = '.') { return String(text).split(/\\s+/).map((word) => word[0]).join(separator); },
  },
  globals: { edition: 'Evening <edition>', year: () => 1987, desk: { name: 'Wire & desk' } },
};
`;

  it('gives an overridden template its filters and globals, their output escaped like any value', async () => {
    const { site } = await buildSiteWith({
      articles: ARTICLES,
      helpers,
      templates: {
        'pages/article.njk':
          '{% extends "dateline/pages/article.njk" %}\n{% block main %}<h1>{{ p.article.headline | shout }}</h1><p>{{ p.article.headline | initials("-") }} {{ p.article.headline | wrapped }}</p><p>{{ edition }}, {{ year() }}, {{ desk.name }}</p>{% endblock %}\n',
      },
    });
    const article = page(site, ARTICLE_PAGE);
    expect(article).toContain('<h1>TROOPS MOVED NORTH ON SUNDAY</h1>');
    expect(article).toContain('<p>T-m-n-o-S &lt;b&gt;Troops moved north on Sunday&lt;/b&gt;</p>');
    expect(article).toContain('<p>Evening &lt;edition&gt;, 1987, Wire &amp; desk</p>');
  });

  it('names the file and each bad key: not a function, a built-in name, the page data, an async filter, a promise, an unknown key', async () => {
    const bad = `
export default {
  filter: {},
  filters: { upper: (text) => text, notOne: 'text', later: async (text) => text, 'two words': (text) => text },
  globals: { range: 1, p: 'x', site: 'y', pending: Promise.resolve(1) },
};
`;
    const error = await buildSiteWith({ articles: ARTICLES, helpers: bad }).catch((thrown: Error) => thrown);
    const message = (error as Error).message;
    expect(message).toMatch(/dateline\.config\.mjs: invalid template helpers:/);
    for (const line of [
      'filter: unknown key (expected "filters" and "globals")',
      'filters.upper: Nunjucks has a built-in filter "upper"; choose another name',
      'filters.notOne: expected a function, got string',
      'filters.later: an async function: templates render synchronously, so it must return its result, not a promise',
      'filters.two words: not a name templates can use',
      'globals.range: Nunjucks has a built-in global "range"; choose another name',
      'globals.p: "p" is the page data templates receive; choose another name',
      'globals.site: "site" is the page data templates receive; choose another name',
      'globals.pending: a promise: await it at the top of the module instead',
    ]) {
      expect(message).toContain(line);
    }
  });

  it('asks for a default export of the right shape', async () => {
    for (const source of ['export const filters = {};', 'export default function () {}', 'export default { filters: [] };']) {
      const error = await buildSiteWith({ articles: ARTICLES, helpers: source }).catch((thrown: Error) => thrown);
      expect((error as Error).message, source).toMatch(/dateline\.config\.mjs: (expected a default export of the form export default \{ filters: \{ … \}, globals: \{ … \} \}|invalid template helpers:\n {2}filters: expected an object of names and functions)/);
    }
  });

  it('says which filter of which file failed, and in which template, when a filter throws while a page renders', async () => {
    const built = buildSiteWith({
      articles: ARTICLES,
      helpers: "export default { filters: { broken: () => { throw new Error('no desk'); } } };",
      templates: { 'pages/article.njk': '{% extends "dateline/pages/article.njk" %}\n{% block main %}{{ p.article.headline | broken }}{% endblock %}\n' },
    });
    await expect(built).rejects.toThrow(/could not render 2025\/04\/27\/troops-[^ ]+\/index\.html with pages\/article\.njk from .*: .*filter "broken" of \S*dateline\.config\.mjs failed: no desk/s);
  });
});
