import { readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dateline } from '../helpers/cli.ts';
import { listFiles, tempDir } from '../helpers/files.ts';
import { writeInput } from '../helpers/site.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  work = await tempDir();
});
afterEach(() => work.cleanup());

describe('dateline build', () => {
  it('reports each bad file as path:line: reason, builds the rest, and ends with a summary', async () => {
    await writeInput(path.join(work.dir, 'articles'), {
      '001_good.txt': ' date 2025-04-27 Good article.',
      '002_bad.txt': ' date 2025-13-01 Bad month.',
    });
    const result = await dateline(['build', '--input', 'articles', '--output', 'site'], { cwd: work.dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('articles/002_bad.txt:1: date "2025-13-01" is not a calendar date (expected YYYY-MM-DD)');
    expect(result.stderr).toContain('no base URL set, so feeds and sitemap.xml were not written');
    expect(result.stdout).toMatch(/^Built 1 article into site in \d+\.\d\d s: 2 files parsed, 0 reused from the cache; \d+ files in the site; \d+ files written, 0 unchanged, 0 removed\.$/m);
    expect(result.stdout).toMatch(/^Search: 1 article indexed; 1 segment in the index; \d+ files written, 0 removed\.$/m);
    expect(result.stdout).toContain('Skipped 1 file with errors (listed above).');
    expect(await listFiles(path.join(work.dir, 'site'))).toContain('2025/04/27/good-article-good/index.html');
  });

  it('exits 1 with --strict when a file was skipped', async () => {
    await writeInput(path.join(work.dir, 'articles'), { '001_good.txt': ' date 2025-04-27 Good.', '002_bad.txt': 'no header' });
    const result = await dateline(['build', '--input', 'articles', '--output', 'site', '--strict'], { cwd: work.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('articles/002_bad.txt:1: expected the file to start with "date YYYY-MM-DD"');
  });

  it('reads dateline.config.json, lets flags override it, and reports every invalid key', async () => {
    await writeInput(work.dir, { 'in/001_a.txt': ' date 2025-04-27 Hello.', 'dateline.config.json': JSON.stringify({ title: 'The Archive', input: 'in', output: 'out' }) });
    expect((await dateline(['build', '--base-url', 'https://news.example/'], { cwd: work.dir })).code).toBe(0);
    const home = await readFile(path.join(work.dir, 'out/index.html'), 'utf8');
    expect(home).toContain('<title>The Archive</title>');
    expect(home).toContain('<link rel="canonical" href="https://news.example/">');

    await writeFile(path.join(work.dir, 'dateline.config.json'), JSON.stringify({ pageSize: 0, baseUrl: 'example.org', colour: 'red' }));
    const bad = await dateline(['build'], { cwd: work.dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('dateline.config.json: invalid configuration:');
    expect(bad.stderr).toMatch(/pageSize: .*>=1/);
    expect(bad.stderr).toContain('baseUrl: expected an absolute http(s) URL');
    expect(bad.stderr).toMatch(/Unrecognized key.*colour/);
  });

  it('names the line of a JSON syntax error in the config', async () => {
    await writeInput(work.dir, { 'dateline.config.json': '{\n  "title": "x",\n  oops\n}' });
    const result = await dateline(['check'], { cwd: work.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^dateline\.config\.json:3: not valid JSON/);
  });

  it('refuses to replace a folder it did not write, and an output that overlaps the input', async () => {
    await writeInput(work.dir, { 'in/001_a.txt': ' date 2025-04-27 Hello.', 'precious/thesis.tex': 'years of work' });
    const result = await dateline(['build', '--input', 'in', '--output', 'precious'], { cwd: work.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('precious: is not empty and was not written by Dateline');
    expect(await readFile(path.join(work.dir, 'precious/thesis.tex'), 'utf8')).toBe('years of work');
    expect((await dateline(['build', '--input', 'in', '--output', 'in/site'], { cwd: work.dir })).stderr).toContain('overlap');
    // Through a symbolic link to the input (or to a folder in it) the output is inside it all the same.
    await symlink(path.join(work.dir, 'in'), path.join(work.dir, 'linked'));
    for (const output of ['linked/site', 'linked']) {
      const linked = await dateline(['build', '--input', 'in', '--output', output], { cwd: work.dir });
      expect(linked.code, output).toBe(1);
      expect(linked.stderr, output).toContain(`${output}: overlaps the input folder in`);
    }
    expect((await readdir(path.join(work.dir, 'in'))).sort()).toEqual(['001_a.txt']);
  });

  it('says so when the input folder does not exist, and leaves no staging folder', async () => {
    const result = await dateline(['build', '--input', 'nowhere', '--output', 'out'], { cwd: work.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nowhere');
    expect(await listFiles(work.dir)).toEqual([]);
  });

  it('keeps the previous site when no article at all could be built', async () => {
    await writeInput(work.dir, { 'in/001_a.txt': ' date 2025-04-27 Hello.' });
    await dateline(['build', '--input', 'in', '--output', 'out'], { cwd: work.dir });
    await writeFile(path.join(work.dir, 'in/001_a.txt'), ' date 2025-02-30 Broken.');
    const result = await dateline(['build', '--input', 'in', '--output', 'out'], { cwd: work.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('in/001_a.txt:1: date "2025-02-30" is not a calendar date');
    expect(result.stderr).toContain('none of the articles could be built (1 skipped with errors), so the previous site was left as it was');
    expect(await listFiles(path.join(work.dir, 'out'))).toContain('2025/04/27/hello-a/index.html');
  });

  it('replaces its own previous output, leaving nothing stale but the moved article\'s old URL, which redirects', async () => {
    await writeInput(work.dir, { 'in/001_a.txt': ' date 2025-04-27 First.', 'in/002_b.txt': ' date 2025-04-28 Second.' });
    await dateline(['build', '--input', 'in', '--output', 'out'], { cwd: work.dir });
    await writeFile(path.join(work.dir, 'in/002_b.txt'), ' date 2025-05-01 Moved.');
    await dateline(['build', '--input', 'in', '--output', 'out'], { cwd: work.dir });
    const files = await listFiles(path.join(work.dir, 'out'));
    // Its URL keeps its words (published URLs never change but for the date), and the old one redirects.
    expect(files.filter((file) => file.startsWith('2025/04/28/'))).toEqual(['2025/04/28/second-b/index.html']);
    expect(await readFile(path.join(work.dir, 'out/2025/04/28/second-b/index.html'), 'utf8')).toContain('<meta http-equiv="refresh" content="0; url=../../../05/01/second-b/index.html">');
    expect(files).toContain('2025/05/01/second-b/index.html');
    expect(await readFile(path.join(work.dir, 'out/_redirects'), 'utf8')).toBe('/2025/04/28/second-b/ /2025/05/01/second-b/ 301\n');
  });

  it('refuses a symbolic link that leads outside the input folder', async () => {
    await writeInput(work.dir, { 'in/001_a.txt': ' date 2025-04-27 Hello.', 'secret.txt': ' date 2025-04-27 Secret.' });
    await symlink(path.join(work.dir, 'secret.txt'), path.join(work.dir, 'in/002_link.txt'));
    const result = await dateline(['build', '--input', 'in', '--output', 'out'], { cwd: work.dir });
    expect(result.stderr).toContain('in/002_link.txt: is a symbolic link to a place outside the input folder; refused');
    expect((await listFiles(path.join(work.dir, 'out'))).join()).not.toContain('secret');
  });

  it('prints help for each command and refuses unknown options', async () => {
    expect((await dateline(['build', '--help'])).stdout).toContain('Usage: dateline build [--input DIR] [--output DIR] [--base-url URL] [--clean] [--in-place] [--strict]');
    expect((await dateline(['check', '--help'])).stdout).toContain('Usage: dateline check [--input DIR]');
    expect((await dateline(['--help'])).stdout).toContain('dateline build [options]');
    const bad = await dateline(['build', '--colour']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--colour'");
  });

  it('takes --jobs as a whole number of worker threads, and says why another value is refused', async () => {
    await writeInput(path.join(work.dir, 'in'), { '001_a.txt': ' date 2025-04-27 Fine.' });
    for (const value of ['0', '1.5', 'many']) {
      const refused = await dateline(['build', '--input', 'in', '--output', 'out', '--jobs', value], { cwd: work.dir });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`--jobs: "${value}" is not a number of worker threads (a whole number from 1)`);
    }
    const built = await dateline(['build', '--input', 'in', '--output', 'out', '--jobs', '1'], { cwd: work.dir });
    expect(built.code).toBe(0);
    expect(built.stdout).toContain('Built 1 article');
  });
});

describe('dateline check', () => {
  it('validates without writing anything but its own cache, and exits 1 when a file has an error', async () => {
    await writeInput(path.join(work.dir, 'in'), { '001_a.txt': ' date 2025-04-27 Fine.', '002_b.md': '---js\n{ title: "x" }\n---\n' });
    const result = await dateline(['check', '--input', 'in'], { cwd: work.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('in/002_b.md:1: front matter in "js" is not supported; only YAML is read');
    expect(result.stdout).toContain('Checked in: 1 article ready, 1 file with errors, 0 warnings.');
    expect((await listFiles(work.dir)).filter((file) => !file.startsWith('node_modules/.cache/dateline/'))).toEqual(['in/001_a.txt', 'in/002_b.md']);
  });

  it('passes the seeds', async () => {
    const result = await dateline(['check', '--input', path.resolve(import.meta.dirname, '../../seeds')]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });
});
