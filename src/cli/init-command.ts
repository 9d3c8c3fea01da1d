import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_TEMPLATES, SAMPLE_ARTICLES, STARTER_DIR } from '../build-paths.ts';
import { CONFIG_FILE } from '../config/load.ts';
import { configSchema } from '../config/schema.ts';
import { DatelineError } from '../errors.ts';
import { DATELINE_VERSION } from '../version.ts';
import type { Console } from './console.ts';

/** Files of starter/ and where `init` puts them in a new site: the deploy recipes and the ignore list. */
const STARTER_FILES: readonly [from: string, to: string][] = [
  ['about.md', 'pages/about.md'],
  ['favicon.svg', 'static/favicon.svg'],
  ['gitignore', '.gitignore'],
  ['github-pages.yml', '.github/workflows/publish.yml'],
  ['gitlab-ci.yml', '.gitlab-ci.yml'],
  ['netlify.toml', 'netlify.toml'],
  ['wrangler.toml', 'wrangler.toml'],
];

/** The folder a new site keeps its articles in. */
const ARTICLES = 'articles';

/**
 * `dateline init [DIR]`: starts a site in DIR — the sample article in `articles/`, an About page
 * in `pages/`, a favicon in `static/`, a config with every key at its default (`baseUrl` null, to
 * be set), a package.json with `build` and `start` scripts, a .gitignore and the deploy recipes. It never overwrites a file: what exists is kept
 * and said so (a package.json that exists gets the two scripts if it lacks them). `--templates`
 * also copies the default templates into `templates/` and points the config at them, for editing.
 */
export async function runInit(dir: string, options: { templates: boolean }, io: Console): Promise<number> {
  const site = path.resolve(dir);
  await mkdir(site, { recursive: true });
  const written: string[] = [];
  const kept: string[] = [];
  const put = async (file: string, content: string | (() => Promise<string>)) => {
    const target = path.join(site, file);
    if (existsSync(target)) return void kept.push(file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, typeof content === 'string' ? content : await content());
    written.push(file);
  };

  // The sample articles only: the repository's own URL ledger stays behind (the new site starts its own).
  for (const name of (await readdir(SAMPLE_ARTICLES)).filter((file) => /\.(?:txt|md)$/.test(file)).sort()) await put(`${ARTICLES}/${name}`, () => readFile(path.join(SAMPLE_ARTICLES, name), 'utf8'));
  await put(CONFIG_FILE, `${JSON.stringify(starterConfig(), null, 2)}\n`);
  await putScripts(site, path.basename(site), written, kept);
  for (const [from, to] of STARTER_FILES) await put(to, () => readFile(path.join(STARTER_DIR, from), 'utf8'));
  if (options.templates) {
    if (existsSync(path.join(site, 'templates'))) kept.push('templates/');
    else {
      await cp(DEFAULT_TEMPLATES, path.join(site, 'templates'), { recursive: true });
      written.push('templates/');
    }
    await useTemplates(path.join(site, CONFIG_FILE), written);
  }

  for (const file of written) io.out(`  wrote ${file}`);
  for (const file of kept) io.out(`  kept ${file} (it exists)`);
  for (const line of nextSteps(site, path.relative(process.cwd(), site), written.includes(CONFIG_FILE))) io.out(line);
  return 0;
}

/**
 * What init says last: the folder by its full path (a bare "." would read as a full stop), what to
 * do next, and — when it wrote the config, with `baseUrl` unset — that the address is still to come.
 */
function nextSteps(site: string, relative: string, wroteConfig: boolean): string[] {
  return [
    `Started a Dateline site in ${site}`,
    `Next: ${relative === '' ? '' : `cd ${relative} && `}npm install && npm run build, then npm start to preview it.`,
    ...(wroteConfig ? [`Before publishing, set "baseUrl" in ${CONFIG_FILE} to the site's address, such as "https://example.org/news/": feeds and sitemaps need it. (The deploy recipes pass it with --base-url.)`] : []),
  ];
}

/**
 * Every config key a new site has, at its default, in the schema's order; its articles live in
 * `articles/`. `baseUrl` has no default: it is written as `null` ("not set yet", which the schema
 * takes as absent) so the user sees it, and a build still publishes no made-up address.
 */
function starterConfig(): Record<string, unknown> {
  const values: Record<string, unknown> = { ...configSchema.parse({}), baseUrl: null, input: ARTICLES, icon: '/favicon.svg' };
  return Object.fromEntries(Object.keys(configSchema.shape).filter((key) => key in values).map((key) => [key, values[key]]));
}

/** A package.json with `build` and `start`, or those two added to the one there. */
async function putScripts(site: string, name: string, written: string[], kept: string[]): Promise<void> {
  const file = path.join(site, 'package.json');
  const scripts = { build: 'dateline build', start: 'dateline serve' };
  if (!existsSync(file)) {
    const slug = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'news-archive';
    const manifest = { name: slug, private: true, type: 'module', scripts, dependencies: { dateline: `^${DATELINE_VERSION}` } };
    await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
    written.push('package.json');
    return;
  }
  let manifest: { scripts?: Record<string, string> };
  try {
    manifest = JSON.parse(await readFile(file, 'utf8')) as typeof manifest;
  } catch (error) {
    throw new DatelineError({ code: 'bad-package-json', file, message: `is not valid JSON (${(error as Error).message}); fix it or move it away, then run dateline init again` });
  }
  const missing = Object.entries(scripts).filter(([key]) => manifest.scripts?.[key] === undefined);
  if (missing.length === 0) return void kept.push('package.json');
  manifest.scripts = { ...manifest.scripts, ...Object.fromEntries(missing) };
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
  written.push(`package.json (added the ${missing.map(([key]) => key).join(' and ')} script${missing.length > 1 ? 's' : ''})`);
}

/** Points the config at the site's own templates, unless it names templates already. */
async function useTemplates(file: string, written: string[]): Promise<void> {
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new DatelineError({ code: 'bad-config', file, message: `is not valid JSON (${(error as Error).message}); set "templates": "templates" in it yourself` });
  }
  if (config.templates !== undefined) return;
  await writeFile(file, `${JSON.stringify({ ...config, templates: 'templates' }, null, 2)}\n`);
  written.push(`${CONFIG_FILE} ("templates": "templates")`);
}
