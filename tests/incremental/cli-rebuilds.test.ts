import { spawn } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSite, type BuildFlags } from '../../src/cli/build-command.ts';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import { dateline, DATELINE_BIN } from '../helpers/cli.ts';
import { FIXTURE, listFiles, readTree, sample, tempDir } from '../helpers/files.ts';
import { writeInput } from '../helpers/site.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  work = await tempDir();
});
afterEach(() => work.cleanup());

const build = (...extra: string[]) => dateline(['build', '--input', 'in', '--output', 'out', ...extra], { cwd: work.dir });

describe('rebuilding with the dateline command', () => {
  it('says nothing changed, repeating the problems, until a file, a template or the config changes', async () => {
    await writeInput(work.dir, { 'in/001_a.txt': ' date 2025-04-27 First.', 'in/002_b.txt': 'no date' });
    // Files changed within the last two seconds are not trusted by their times: the builds' clock runs three seconds ahead.
    const run = async (flags: Partial<BuildFlags> = {}, extra: Partial<ConfigInput> = {}) => {
      const out: string[] = [];
      const err: string[] = [];
      const config = configSchema.parse({ input: path.join(work.dir, 'in'), output: path.join(work.dir, 'out'), ...extra });
      const { code } = await buildSite(config, { strict: false, drafts: false, clean: false, cacheDir: path.join(work.dir, 'cache'), clock: () => Date.now() + 3000, ...flags }, { out: (line) => out.push(line), err: (line) => err.push(line) });
      return { code, stdout: out.join('\n'), stderr: err.join('\n') };
    };
    expect((await run()).stdout).toMatch(/2 files parsed, 0 reused/);
    const again = await run();
    expect(again.stdout).toMatch(/^Nothing changed since the last build of \S+out \(2 files checked in \d+\.\d\d s\): 1 article, \d+ files\.$/m);
    expect(again.stderr).toContain('in/002_b.txt:1: expected the file to start with "date YYYY-MM-DD"');
    expect((await run({ strict: true })).code).toBe(1);

    await writeFile(path.join(work.dir, 'in/002_b.txt'), ' date 2025-04-28 Second.');
    expect((await run()).stdout).toMatch(/1 file parsed, 1 reused from the cache; \d+ files in the site; \d+ files written/);
    expect((await run({}, { baseUrl: 'https://example.org/' })).stdout).toMatch(/0 files parsed, 2 reused/);
    expect((await run({ clean: true })).stdout).toMatch(/2 files parsed, 0 reused/);
  });

  it('does not trust its cache after another Dateline run (from another folder) rebuilt the output', async () => {
    await writeInput(work.dir, { 'in/001_a.txt': ' date 2025-04-27 Original text.', 'elsewhere/.keep': '' });
    const page = () => readFile(path.join(work.dir, 'out/2025/04/27/index.html'), 'utf8');
    await build(); // from work.dir: its cache is work.dir/node_modules/.cache
    await writeFile(path.join(work.dir, 'in/001_a.txt'), ' date 2025-04-27 Edited text.');
    const other = await dateline(['build', '--input', '../in', '--output', '../out'], { cwd: path.join(work.dir, 'elsewhere') });
    expect(other.code).toBe(0);
    expect(await page()).toContain('Edited text');
    await writeFile(path.join(work.dir, 'in/001_a.txt'), ' date 2025-04-27 Original text.');
    expect((await build()).code).toBe(0);
    expect(await page()).toContain('Original text');
    expect(await page()).not.toContain('Edited text');
  });

  it('re-renders every page when a template changes', async () => {
    await writeInput(work.dir, { 'in/001_a.txt': ' date 2025-04-27 First.' });
    await cp(path.resolve(import.meta.dirname, '../../templates'), path.join(work.dir, 'templates'), { recursive: true });
    await writeFile(path.join(work.dir, 'dateline.config.json'), JSON.stringify({ templates: 'templates' }));
    await build();
    const layout = path.join(work.dir, 'templates/base.njk');
    await writeFile(layout, (await readFile(layout, 'utf8')).replace('<main id="main" class="wrap">', '<main id="main" class="wrap edited">'));
    const result = await build();
    // Every page again; the stylesheet, the script, robots.txt and the search index are unchanged.
    const pages = (await listFiles(path.join(work.dir, 'out'))).filter((file) => file.endsWith('.html')).length;
    expect(result.stdout).toContain(`; ${pages} files written, 4 unchanged, 0 removed.`);
    expect(await readFile(path.join(work.dir, 'out/index.html'), 'utf8')).toContain('class="wrap edited"');
  });

  it('refuses to build while another build holds the output, and takes over a lock left by a killed build', async () => {
    await writeInput(work.dir, { 'in/001_a.txt': ' date 2025-04-27 First.', 'out.lock': String(process.pid) });
    const refused = await build();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`another Dateline build (process ${process.pid}) is writing this output folder`);
    await writeFile(path.join(work.dir, 'out.lock'), '999999999');
    expect((await build()).code).toBe(0);
    expect(await listFiles(work.dir)).not.toContain('out.lock');
  });

  it('lets two builds started at once on one output never interleave', async () => {
    const names = await sample(FIXTURE, 150);
    const input: Record<string, string> = {};
    for (const name of names) input[`in/${name}`] = await readFile(path.join(FIXTURE, name), 'utf8');
    await writeInput(work.dir, input);
    const [first, second] = await Promise.all([build(), build()]);
    const refused = [first, second].filter((result) => result.code !== 0);
    expect(refused.length).toBeLessThanOrEqual(1);
    for (const result of refused) expect(result.stderr).toMatch(/another Dateline build \(process \d+\) is writing this output folder/);
    const built = await readTree(path.join(work.dir, 'out'));
    await dateline(['build', '--input', 'in', '--output', 'clean', '--clean'], { cwd: work.dir });
    const clean = await readTree(path.join(work.dir, 'clean'));
    expect([...built.keys()]).toEqual([...clean.keys()]);
    for (const [file, bytes] of clean) expect(built.get(file)?.equals(bytes), file).toBe(true);
  });

  it('leaves the previous site whole when a build is killed mid-way, and the next build finishes the job', async () => {
    const names = await sample(FIXTURE, 360);
    const input: Record<string, string> = {};
    for (const name of names) input[`in/${name}`] = await readFile(path.join(FIXTURE, name), 'utf8');
    await writeInput(work.dir, input);
    expect((await build()).code).toBe(0);
    const before = await readTree(path.join(work.dir, 'out'));
    // Change the date of every article, so nearly every page changes, then kill the build.
    for (const name of names) {
      const file = path.join(work.dir, 'in', name);
      await writeFile(file, (await readFile(file, 'utf8')).replace(/date 2023-(\d\d)/, 'date 2024-$1'));
    }
    // It kills itself once every new page is written into its staging folder, before anything is published (src/fault-point.ts).
    const child = spawn(process.execPath, [DATELINE_BIN, 'build', '--input', 'in', '--output', 'out'], { cwd: work.dir, stdio: 'ignore', env: { ...process.env, DATELINE_KILL_AT: 'index' } });
    expect(await new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)))).toBe('SIGKILL');
    expect((await listFiles(path.join(work.dir, `out.staging-${child.pid}`))).some((file) => file.startsWith('2024/') && file.endsWith('.html'))).toBe(true);
    const during = await readTree(path.join(work.dir, 'out'));
    const same = [...before].every(([file, bytes]) => during.get(file)?.equals(bytes)) && during.size === before.size;
    expect(same, 'the killed build changed the published site').toBe(true);

    expect((await build()).code).toBe(0);
    const after = await readTree(path.join(work.dir, 'out'));
    expect([...after.keys()].some((file) => file.startsWith('2024/'))).toBe(true);
    // Of 2023, only the articles' old URLs are left: each a page that sends readers on to the article's new date.
    const left = [...after].filter(([file]) => file.startsWith('2023/'));
    expect(left).toHaveLength(names.length);
    for (const [file, bytes] of left) expect(bytes.toString(), file).toMatch(new RegExp(`<meta http-equiv="refresh" content="0; url=../../../../2024/${file.slice(5, 11)}[a-z0-9-]+/index.html">`));
    expect((await listFiles(work.dir)).some((file) => /^out\.(staging|old)-/.test(file))).toBe(false);
  });
});
