import { copyFile, cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build-command.ts';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import { FIXTURE, readTree, sample, tempDir } from '../helpers/files.ts';
import { random } from '../helpers/random.ts';
import { png } from '../helpers/images.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => work.cleanup());

const quiet = { out: () => {}, err: () => {} };

/** Small pages, so that pages are cut and re-cut; every name prominent in two articles a topic. */
function settings(input: string, output: string, templates: string, extra: Partial<ConfigInput> = {}) {
  const own = path.dirname(input);
  return configSchema.parse({ input, output, templates, pages: path.join(own, 'pages'), static: path.join(own, 'static'), baseUrl: 'https://example.org/', pageSize: 5, dayPageSize: 4, feedSize: 8, topicMinArticles: 2, search: false, ...extra });
}

/** Outputs of the kinds an update must get right, by a file each has. */
const KINDS_SEEN = {
  picture: /^1987\/\d\d\/01\/note[^/]*\/pic\.png$/,
  page: /^p\d\/index\.html$/,
  ownFile: /^(?:CNAME|files\/f\d\.txt)$/,
  author: /^authors\/ana-perez\/index\.html$/,
  redirect: /^_redirects$/,
  // A month's older pages (planned by monthKind's reach on each update).
  monthPage: /^\d{4}\/\d\d\/page\/[^/]+\/index\.html$/,
};

/** Everything but the search index, which the search tests compare by results. */
async function site(root: string): Promise<Map<string, Buffer>> {
  const tree = await readTree(root);
  for (const file of [...tree.keys()]) if (file.startsWith('pagefind/')) tree.delete(file);
  return tree;
}

describe('incremental builds', () => {
  it('equal a clean build byte for byte after 120 random changes: back-dated adds, edits of text, dates and topics, deletions, renames, Markdown with authors and pictures, pictures changed, pages and own files, a template override, settings and the site\'s look', async () => {
    const next = random(20261130);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const input = path.join(work.dir, 'in');
    // The site's templates folder overrides one template; the rest are Dateline's.
    const templates = path.join(work.dir, 'templates');
    await mkdir(templates);
    await cp(path.resolve(import.meta.dirname, '../../templates/base.njk'), path.join(templates, 'base.njk'));
    await mkdir(input);
    const pool = await sample(FIXTURE, 220);
    for (const name of pool.slice(0, 60)) await copyFile(path.join(FIXTURE, name), path.join(input, name));
    let unused = pool.slice(60);
    const output = path.join(work.dir, 'incremental');
    const cacheDir = path.join(work.dir, 'cache');
    let extra: Partial<ConfigInput> = {};
    const seen = new Set<string>();
    const counts = { add: 0, backdated: 0, lede: 0, body: 0, date: 0, topic: 0, delete: 0, rename: 0, markdown: 0, picture: 0, page: 0, ownFile: 0, template: 0, setting: 0 };
    await writeFile(path.join(input, 'pic.png'), png(20, 10));
    await mkdir(path.join(work.dir, 'pages'));
    await mkdir(path.join(work.dir, 'static'));
    expect((await buildSite(settings(input, output, templates), { strict: false, drafts: false, clean: false, cacheDir }, quiet)).code).toBe(0);

    for (let step = 0; step < 120; step++) {
      const present = (await readdir(input)).filter((name) => name.endsWith('.txt')).sort();
      const roll = next();
      if (step === 40 || step === 90) {
        const layout = path.join(templates, 'base.njk');
        await writeFile(layout, (await readFile(layout, 'utf8')).replace(/<main id="main"[^>]*>/, `<main id="main" class="wrap" data-step="${step}">`));
        counts.template++;
      } else if (step === 70) {
        extra = { pageSize: 4 };
        counts.setting++;
      } else if (step === 100) {
        // The site's look: a tagline on every page, accent colours in one file.
        extra = { ...extra, tagline: `Edition ${step}`, colors: { light: { accent: '#8a1c1c' } } };
        counts.setting++;
      } else if (step === 110) {
        extra = { ...extra, colors: { light: { accent: '#0b4f8a' } } };
        counts.setting++;
      } else if ((roll < 0.22 && unused.length > 0) || present.length < 10) {
        const name = pick(unused);
        unused = unused.filter((other) => other !== name);
        const text = await readFile(path.join(FIXTURE, name), 'utf8');
        // Half the time back-dated (or forward) to a day already in the archive, landing amid its pages.
        const target = path.join(input, name);
        if (next() < 0.5) {
          const day = /date (\S+)/.exec(await readFile(path.join(input, pick(present)), 'utf8'))?.[1] ?? '1987-03-03';
          await writeFile(target, text.replace(/date \S+/, `date ${day}`));
          counts.backdated++;
        } else {
          await writeFile(target, text);
          counts.add++;
        }
      } else if (roll < 0.5) {
        const name = pick(present);
        const file = path.join(input, name);
        const text = await readFile(file, 'utf8');
        const kind = next();
        if (kind < 0.25) {
          await writeFile(file, text.replace(/date (\S+) /, `date $1 Edited ${step}: `));
          counts.lede++;
        } else if (kind < 0.45) {
          await writeFile(file, `${text}\n\nAdded paragraph ${step}.`);
          counts.body++;
        } else if (kind < 0.7) {
          await writeFile(file, text.replace(/date \d{4}-\d{2}-\d{2}/, `date 1987-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`));
          counts.date++;
        } else {
          // A name made prominent in this article (named twice in its lede): it joins or makes a topic.
          const name = pick(['Kiichi Miyazawa', 'Petroleos Mexicanos', 'Ecuador', 'Anheuser-Busch', 'Karl Otto Poehl']);
          await writeFile(file, text.replace(/date (\S+) /, `date $1 ${name} said ${name} would act. `));
          counts.topic++;
        }
      } else if (roll < 0.62) {
        await rm(path.join(input, pick(present)));
        counts.delete++;
      } else if (roll < 0.74) {
        const name = pick(present);
        await rename(path.join(input, name), path.join(input, name.replace(/_/, `_r${step}`)));
        counts.rename++;
      } else if (roll < 0.87) {
        // Authored notes: a shared slug, authors who come and go, a picture of the input, an update date.
        const author = ['Ana Pérez', '[Ana Pérez, Bo Lee]', 'Bo Lee'][step % 3];
        await writeFile(
          path.join(input, `m${step % 4}.md`),
          `---\ntitle: Note ${step}\ndate: 1987-0${1 + (step % 5)}-01\n${step % 2 ? 'updated: 1987-06-30\n' : ''}slug: note\nauthor: ${author}\ntags: [step${step % 3}, Oil]\n---\nBody ${step}.\n\n${step % 3 ? '![A chart](pic.png)' : ''}\n`,
        );
        counts.markdown++;
      } else if (next() < 0.35) {
        // The picture the notes show, another size: every note showing it is made again.
        await writeFile(path.join(input, 'pic.png'), png(10 + step, 10));
        counts.picture++;
      } else if (next() < 0.6) {
        const page = path.join(work.dir, 'pages', `p${step % 3}.md`);
        if (step % 5 === 0) await rm(page, { force: true });
        else await writeFile(page, `---\ntitle: Page ${step}\n${step % 2 ? 'nav: true\n' : ''}---\nAbout us, as of step ${step}.\n`);
        counts.page++;
      } else {
        const file = path.join(work.dir, 'static', step % 2 ? `files/f${step % 3}.txt` : 'CNAME');
        await mkdir(path.dirname(file), { recursive: true });
        if (step % 7 === 0) await rm(file, { force: true });
        else await writeFile(file, `own file, step ${step}\n`);
        counts.ownFile++;
      }

      // Swapped updates (each from the version the last one kept), every fifth in place, as `serve` does.
      const lines: string[] = [];
      const result = await buildSite(settings(input, output, templates, extra), { strict: false, drafts: false, clean: false, inPlace: step % 5 === 4, cacheDir }, { out: (line) => lines.push(line), err: () => {} });
      expect(result.code, `step ${step}`).toBe(0);
      // An update: the unchanged articles' records came from the state, not from parsing.
      const [, parsed, reused] = /(\d+) files? parsed, (\d+) reused/.exec(lines.join('\n')) ?? [];
      expect(Number(reused), `step ${step}: ${lines.join(' ')}`).toBeGreaterThan(Number(parsed));
      if (counts.template > 0 && step === 40) expect(lines.join(' '), 'a template edit makes every page again').toMatch(/[1-9]\d\d files written/);
      const clean = path.join(work.dir, `clean-${step}`);
      await buildSite(settings(input, clean, templates, extra), { strict: false, drafts: false, clean: true, cacheDir }, quiet);
      const expected = await site(clean);
      const actual = await site(output);
      expect([...actual.keys()], `step ${step}`).toEqual([...expected.keys()]);
      for (const [file, bytes] of expected) expect(actual.get(file)?.toString(), `step ${step}: ${file}`).toBe(bytes.toString());
      for (const [kind, pattern] of Object.entries(KINDS_SEEN)) if ([...actual.keys()].some((file) => pattern.test(file))) seen.add(kind);
      await rm(clean, { recursive: true });
    }
    // The new kinds of output were all there at some step: pictures, pages, own files, authors, redirects.
    expect([...seen].sort()).toEqual(Object.keys(KINDS_SEEN).sort());
    // Every kind of change was exercised.
    expect(Object.values(counts).every((count) => count > 0), JSON.stringify(counts)).toBe(true);
  });
});
