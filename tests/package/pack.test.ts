import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseToml } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { listFiles, tempDir } from '../helpers/files.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Dateline as a user gets it. It is packed as the README says, by `npm pack` with its scripts, in a
 * copy of the repository's files without lib/: the packing compiles lib/ itself, and the
 * repository's own lib/, which the other tests run, is left alone. The package is installed into
 * an empty folder (the dependencies' files come from npm's local cache, where `npm ci` put them;
 * npm may still ask the registry for their version lists, which `npm ci` does not cache), and
 * `dateline init` and `dateline build` run there.
 */
let work: Awaited<ReturnType<typeof tempDir>>;
let clone: string;
let site: string;
let packed: string[];
let installed: { stderr: string };
beforeAll(async () => {
  work = await tempDir('dateline-pack-');
  clone = path.join(work.dir, 'clone');
  const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { files: string[] };
  // What the package ships, and what compiling lib/ needs; the dependencies are the repository's.
  for (const entry of [...manifest.files.filter((file) => file !== 'lib/'), 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/', 'src/']) {
    await cp(path.join(root, entry), path.join(clone, entry), { recursive: true });
  }
  await symlink(path.join(root, 'node_modules'), path.join(clone, 'node_modules'));
  const { stdout } = await run(npm, ['pack', '--json', '--pack-destination', work.dir], { cwd: clone, maxBuffer: 16 * 2 ** 20 });
  const [report] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  packed = report!.files.map((file) => file.path);
  site = path.join(work.dir, 'site');
  await run('mkdir', ['-p', site]);
  await writeFile(path.join(site, 'package.json'), '{ "name": "my-archive", "private": true }\n');
  installed = await run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(work.dir, report!.filename)], { cwd: site, maxBuffer: 16 * 2 ** 20 });
}, 600_000);
afterAll(() => work.cleanup());

const dateline = (args: string[]) => run('npx', ['--no-install', 'dateline', ...args], { cwd: site, maxBuffer: 16 * 2 ** 20 });

describe('the package', () => {
  it('holds the compiled command, templates, sample article, starter files and README only', () => {
    const tops = new Set(packed.map((file) => file.split('/')[0]));
    expect([...tops].sort()).toEqual(['README.md', 'bin', 'lib', 'package.json', 'seeds', 'starter', 'templates']);
    expect(packed).toContain('lib/dateline.js');
    expect(packed).toContain('lib/parse-worker.js');
    expect(packed).toContain('templates/base.njk');
    expect(packed).toContain('starter/github-pages.yml');
    expect(packed.some((file) => file.endsWith('.ts'))).toBe(false);
  });

  it('is packed with lib/ compiled, and installed with no scripts, which would name files it does not ship; the repository keeps its own', async () => {
    // The copy had no lib/: `npm pack` compiled it (prepack).
    expect(packed).toContain('lib/dateline.js');
    const shipped = JSON.parse(await readFile(path.join(site, 'node_modules/dateline/package.json'), 'utf8')) as Record<string, unknown>;
    expect(shipped).toMatchObject({ name: 'dateline', bin: { dateline: 'bin/dateline.js' } });
    expect(shipped.scripts).toBeUndefined();
    // So npm has no script of Dateline's to ask the site's owner to approve.
    expect(installed.stderr).not.toMatch(/\bdateline@\S+ \(/);
    // The repository's package.json is as it was after packing: a clone's `npm install` still compiles lib/ (prepare).
    expect(await readFile(path.join(clone, 'package.json'), 'utf8')).toBe(await readFile(path.join(root, 'package.json'), 'utf8'));
    expect(JSON.parse(await readFile(path.join(clone, 'package.json'), 'utf8'))).toMatchObject({ scripts: { prepare: 'node scripts/compile.mjs' } });
    expect(await readdir(clone)).not.toContain('package.json.before-pack');
  });

  it('starts a site with init, which builds with the packaged templates, search included', async () => {
    const init = await dateline(['init']);
    expect(init.stdout).toContain(`Started a Dateline site in ${await realpath(site)}\n`);
    const files = await listFiles(site);
    for (const file of ['articles/000_8e7b29ad4a414b1e.txt', 'dateline.config.json', '.gitignore', '.github/workflows/publish.yml', '.gitlab-ci.yml', 'netlify.toml', 'wrangler.toml']) expect(files).toContain(file);
    // The package.json npm made keeps its dependency and gains the scripts.
    const manifest = JSON.parse(await readFile(path.join(site, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(manifest.scripts).toEqual({ build: 'dateline build', start: 'dateline serve' });
    expect(manifest.dependencies.dateline).toMatch(/^file:/);

    const built = await run(npm, ['run', 'build', '--', '--base-url', 'https://example.org/news/'], { cwd: site, maxBuffer: 16 * 2 ** 20 });
    expect(built.stdout).toContain('Built 1 article into dist');
    const output = await listFiles(path.join(site, 'dist'));
    expect(output).toContain('index.html');
    expect(output).toContain('feed.xml');
    expect(output).toContain('pagefind/segments.json');
    expect(output.filter((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file))).toHaveLength(1);
    // The same build again in the same folder finds nothing to do: by the stamp, or — when the
    // sample article was written too recently for its times to vouch for it — by its build state.
    const again = await run(npm, ['run', 'build', '--', '--base-url', 'https://example.org/news/'], { cwd: site, maxBuffer: 16 * 2 ** 20 });
    expect(again.stdout).toMatch(/Nothing changed since the last build|: 0 files parsed, 1 reused from the cache; \d+ files in the site; 0 files written, \d+ unchanged, 0 removed\./);
    // A lede too long for a headline is cut by the part-of-speech tagger, a dependency the package must bring.
    await mkdir(path.join(work.dir, 'long-in'));
    await writeFile(
      path.join(work.dir, 'long-in/001_long.txt'),
      ' date 2025-04-28 LONDON, April 28 - Total futures and options turnover on the London International Financial Futures Exchange fell slightly during February, although daily average Eurodollar volume set a new record.\n\nMore follows.\n',
    );
    await dateline(['build', '--input', path.join(work.dir, 'long-in'), '--output', path.join(work.dir, 'long-out')]);
    const long = (await listFiles(path.join(work.dir, 'long-out'))).find((file) => /^2025\/04\/28\/[^/]+\/index\.html$/.test(file))!;
    expect(await readFile(path.join(work.dir, 'long-out', long), 'utf8')).toContain('<h1>Total futures and options turnover fell slightly during February</h1>');
  });

  it('writes deploy recipes that parse, run the scripts that exist, and set the base URL', async () => {
    const manifest = JSON.parse(await readFile(path.join(site, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const github = parseYaml(await readFile(path.join(site, '.github/workflows/publish.yml'), 'utf8')) as { jobs: Record<string, { steps: { run?: string; uses?: string; with?: { path?: string } }[] }> };
    const gitlab = parseYaml(await readFile(path.join(site, '.gitlab-ci.yml'), 'utf8')) as { pages: { script: string[]; cache: { paths: string[] } } };
    const netlify = parseToml(await readFile(path.join(site, 'netlify.toml'), 'utf8')) as { build: { command: string; publish: string } };
    const cloudflare = parseToml(await readFile(path.join(site, 'wrangler.toml'), 'utf8')) as { pages_build_output_dir: string };
    const steps = github.jobs.build!.steps;
    const commands = [...steps.flatMap((step) => (step.run ? [step.run] : [])), ...gitlab.pages.script, netlify.build.command];
    for (const command of commands) {
      for (const [, script] of command.matchAll(/npm run (\S+)/g)) expect(manifest.scripts, command).toHaveProperty(script!);
    }
    // Every recipe builds with a base URL; GitHub and GitLab keep the build state and the output between runs.
    for (const command of [steps.find((step) => step.run?.includes('npm run build'))!.run!, gitlab.pages.script.find((line) => line.includes('npm run build'))!, netlify.build.command]) expect(command).toContain('--base-url');
    expect(steps.find((step) => step.uses?.startsWith('actions/cache@'))!.with!.path).toMatch(/\.dateline-cache[\s\S]*dist/);
    expect(gitlab.pages.cache.paths).toEqual(['.dateline-cache/', 'dist/']);
    expect([netlify.build.publish, cloudflare.pages_build_output_dir]).toEqual(['dist', 'dist']);

    // The build command as the GitHub workflow runs it, with its cache folder, is accepted.
    const ci = await run(npm, ['run', 'build', '--', '--base-url', 'https://example.github.io/archive/'], { cwd: site, env: { ...process.env, DATELINE_CACHE_DIR: '.dateline-cache' }, maxBuffer: 16 * 2 ** 20 });
    expect(ci.stdout).toContain('Built 1 article into dist');
    expect(await listFiles(path.join(site, '.dateline-cache'))).not.toHaveLength(0);
  });
});
