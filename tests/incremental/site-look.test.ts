import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build-command.ts';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import { FIXTURE, readTree, sample, tempDir } from '../helpers/files.ts';
import { expectUpdatesEqualClean, writeInput } from '../helpers/site.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  work = await tempDir();
});
afterEach(() => work.cleanup());

/** A small archive from the fixture, for a site whose look changes. */
async function archive(count: number): Promise<string> {
  const input = path.join(work.dir, 'in');
  await mkdir(input);
  for (const name of await sample(FIXTURE, count)) await copyFile(path.join(FIXTURE, name), path.join(input, name));
  return input;
}

describe("an update after the site's look changed", () => {
  it('equals a clean build after each setting, a template override, an added asset and the helpers file change', async () => {
    const input = await archive(40);
    const templates = path.join(work.dir, 'templates');
    await mkdir(templates);
    const helpers = path.join(work.dir, 'dateline.config.mjs');
    let look: Partial<ConfigInput> = {};
    const config = (output: string) => configSchema.parse({ input, output, templates, baseUrl: 'https://example.org/', search: false, pageSize: 5, ...look });
    const set = (more: Partial<ConfigInput>) => async () => void (look = { ...look, ...more });
    const file = (name: string, text: string) => () => writeInput(work.dir, { [name]: text });
    const gone = (name: string) => () => rm(path.join(work.dir, name));
    const has = (file: string, text: string) => (tree: Map<string, Buffer>) => expect(tree.get(file)?.toString()).toContain(text);
    const lacks = (file: string, text: string) => (tree: Map<string, Buffer>) => expect(tree.get(file)?.toString()).not.toContain(text);

    await expectUpdatesEqualClean(
      work.dir,
      config,
      [
        ['tagline', set({ tagline: 'Wire stories & more' }), has('index.html', 'Wire stories &amp; more')],
        ['logo', set({ logo: 'assets/logo.svg', logoAlt: 'The Archive' }), has('index.html', 'alt="The Archive"')],
        ['nav', set({ nav: [{ label: 'About', url: '/about/' }] }), has('index.html', '<a href="about/index.html">About</a>')],
        ['footer', set({ footer: 'Our footer' }), has('archive/index.html', '<p>Our footer</p>')],
        ['image', set({ image: 'assets/social.png' }), has('404.html', '<h1>')],
        ['colours', set({ colors: { light: { accent: '#8a1c1c' } } }), has('assets/theme.css', '--accent: #8a1c1c;')],
        ['another colour', set({ colors: { light: { accent: '#123456' }, dark: { link: 'lightblue' } } }), has('assets/theme.css', '--link: lightblue;')],
        ['colours removed', set({ colors: undefined }), lacks('index.html', 'theme.css')],
        ['an asset added', file('templates/assets/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>'), has('assets/logo.svg', '<svg')],
        ['an asset overridden', file('templates/assets/style.css', 'body { color: teal }'), has('assets/style.css', 'teal')],
        ['an asset removed', gone('templates/assets/logo.svg'), (tree) => expect(tree.has('assets/logo.svg')).toBe(false)],
        ['a page template overridden', file('templates/pages/topics.njk', '{% extends "dateline/pages/topics.njk" %}{% block main %}<h1>Our topics</h1>{% endblock %}'), has('topics/index.html', '<h1>Our topics</h1>')],
        ['helpers added', file('dateline.config.mjs', "export default { filters: { shout: (text) => String(text).toUpperCase() }, globals: { desk: 'Night desk' } };"), () => {}],
        ['the override uses them', file('templates/pages/topics.njk', '{% extends "dateline/pages/topics.njk" %}{% block main %}<h1>{{ "our topics" | shout }}, {{ desk }}</h1>{% endblock %}'), has('topics/index.html', '<h1>OUR TOPICS, Night desk</h1>')],
        ['helpers edited', file('dateline.config.mjs', "export default { filters: { shout: (text) => String(text).toUpperCase() + '!' }, globals: { desk: 'Day desk' } };"), has('topics/index.html', '<h1>OUR TOPICS!, Day desk</h1>')],
        ['the override removed', gone('templates/pages/topics.njk'), lacks('topics/index.html', 'OUR TOPICS')],
        ['helpers removed', gone('dateline.config.mjs'), () => {}],
        ['settings back to none', set({ tagline: undefined, logo: undefined, logoAlt: undefined, nav: [], footer: undefined, image: undefined }), lacks('index.html', 'site-tagline')],
      ],
      undefined,
      { helpers },
    );
  });

  it('writes only assets/theme.css when a colour changes', async () => {
    const input = await archive(30);
    let colors: ConfigInput['colors'] = { light: { accent: '#8a1c1c' } };
    const config = () => configSchema.parse({ input, output: path.join(work.dir, 'out'), baseUrl: 'https://example.org/', search: false, colors });
    const run = async () => {
      const out: string[] = [];
      expect((await buildSite(config(), { strict: true, drafts: false, clean: false, cacheDir: path.join(work.dir, 'cache') }, { out: (line) => out.push(line), err: () => {} })).code).toBe(0);
      return out.join('\n');
    };
    await run();
    const before = await readTree(path.join(work.dir, 'out'));
    colors = { light: { accent: '#123456' }, dark: { accent: 'salmon' } };
    expect(await run()).toMatch(/; 1 file written, \d+ unchanged, 0 removed\./);
    const after = await readTree(path.join(work.dir, 'out'));
    const changed = [...after].filter(([name, bytes]) => !before.get(name)?.equals(bytes)).map(([name]) => name);
    expect(changed).toEqual(['assets/theme.css']);
    expect(after.get('assets/theme.css')?.toString()).toContain('--accent: salmon;');
  });

  it('renders every page again when the helpers file changes, and not when it is saved unchanged', async () => {
    const input = await archive(20);
    const helpers = path.join(work.dir, 'dateline.config.mjs');
    await writeFile(helpers, "export default { globals: { desk: 'Night' } };\n");
    const config = () => configSchema.parse({ input, output: path.join(work.dir, 'out'), search: false });
    const run = async () => {
      const out: string[] = [];
      expect((await buildSite(config(), { strict: true, drafts: false, clean: false, cacheDir: path.join(work.dir, 'cache'), helpers, clock: () => Date.now() + 3000 }, { out: (line) => out.push(line), err: () => {} })).code).toBe(0);
      return out.join('\n');
    };
    await run();
    const pages = [...(await readTree(path.join(work.dir, 'out'))).keys()].filter((name) => name.endsWith('.html')).length;
    await writeFile(helpers, "export default { globals: { desk: 'Day' } };\n");
    expect(await run()).toContain(`; ${pages} files written,`);
    await writeFile(helpers, "export default { globals: { desk: 'Day' } };\n");
    expect(await run()).toMatch(/^Nothing changed since the last build/m);
  });
});
