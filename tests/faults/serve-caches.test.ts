// `serve` keeps what it read of the build state in memory between builds. A clean rebuild — set
// off inside `serve` by a new leftover pattern, or by a `dateline build --clean` beside it — numbers
// the archive's words afresh; what `serve` kept from before must not outlive it. Each time, the next
// article `serve` adds must give the site a clean build of the same articles gives.
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build-command.ts';
import { startServe } from '../../src/cli/serve-command.ts';
import { configSchema, type SiteConfig } from '../../src/config/schema.ts';
import { dateline } from '../helpers/cli.ts';
import { FIXTURE, readPages, tempDir } from '../helpers/files.ts';
import { reloadStream } from '../helpers/reloads.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
let serving: Awaited<ReturnType<typeof startServe>> | undefined;
let config: SiteConfig;
/** The site's settings, as its config file has them (paths relative to the site's folder). */
const settings = { input: 'in', output: 'out', search: false, baseUrl: 'https://example.org/' };
const quiet = { out: () => {}, err: () => {} };


/** A clean build of the same articles and settings, in a folder of its own. */
async function cleanBuild(): Promise<Map<string, string>> {
  const output = path.join(work.dir, 'clean');
  await rm(output, { recursive: true, force: true });
  expect(await runBuild({ ...config, output }, { strict: false, drafts: false, clean: true, cacheDir: path.join(work.dir, 'cache') }, quiet)).toBe(0);
  return readPages(output);
}

/** The files of `actual` that differ from `expected`, with those only one of them has. */
function differences(actual: Map<string, string>, expected: Map<string, string>): string[] {
  const files = new Set([...actual.keys(), ...expected.keys()]);
  return [...files].filter((file) => actual.get(file) !== expected.get(file)).sort();
}

const quagmire = (n: number) =>
  ` date 1987-03-0${n} Zebulon Quagmire, the chairman of Quagmire Holdings, said on ${['Monday', 'Tuesday', 'Wednesday'][n - 1]} that Zebulon Quagmire would buy more grain.\n\nZebulon Quagmire told reporters the company expected higher sales.\n`;

const wrangleworth = (n: number) =>
  ` date 1987-03-1${n} Ophelia Wrangleworth of Port Quimby Mining said on ${['Monday', 'Tuesday', 'Wednesday'][n - 1]} that Port Quimby Mining would sell copper to Hazelbrook Steel.\n\nOphelia Wrangleworth said Hazelbrook Steel and Port Quimby Mining agreed on prices.\n`;

beforeAll(async () => {
  work = await tempDir();
  const input = path.join(work.dir, 'in');
  await writeFile(path.join(work.dir, 'dateline.config.json'), JSON.stringify(settings));
  await mkdir(input);
  for (const file of (await readdir(FIXTURE)).sort().slice(0, 120)) await copyFile(path.join(FIXTURE, file), path.join(input, file));
  config = configSchema.parse({ ...settings, input, output: path.join(work.dir, 'out') });
}, 60_000);

afterAll(async () => {
  await serving?.stop();
  await work?.cleanup();
});

describe('serve after a clean rebuild', () => {
  it('files the next article under its own topics, as a clean build does, after a clean rebuild inside serve and one beside it', async () => {
    let current = config;
    const configFile = path.join(work.dir, 'dateline.config.json');
    serving = await startServe(config, { port: 0, host: '127.0.0.1', loadConfig: async () => current, configFile, cacheDir: path.join(work.dir, 'cache') }, quiet);
    const stream = await reloadStream(Number(new URL(serving.url).port));
    const output = config.output;
    const file = (name: string) => path.join(config.input, name);
    const settled = async (change: () => Promise<unknown>) => {
      const reloaded = stream.next();
      await change();
      await reloaded;
    };
    const add = (name: string, text: string) => settled(() => writeFile(file(name), text));
    const remove = (name: string) => settled(() => rm(file(name)));
    const topicOf = (files: Map<string, string>) => [...files.keys()].filter((name) => name.startsWith('topics/') && files.get(name)!.includes('<h1>Zebulon Quagmire'));
    const expectClean = async () => {
      const served = await readPages(output);
      expect(differences(served, await cleanBuild())).toEqual([]);
      return served;
    };

    // Zebulon Quagmire's words are numbered by an update; his articles go; new names come. A clean
    // rebuild then numbers the archive's words afresh, giving his old numbers to the new names.
    await add('900_zebulon1.txt', quagmire(1));
    await add('901_zebulon2.txt', quagmire(2));
    expect(topicOf(await readPages(output))).not.toEqual([]);
    await remove('900_zebulon1.txt');
    await remove('901_zebulon2.txt');
    await add('910_wrangleworth1.txt', wrangleworth(1));
    await add('911_wrangleworth2.txt', wrangleworth(2));

    // 1. A new leftover pattern changes how every record is cleaned: serve rebuilds cleanly. Then he comes back.
    current = config = { ...config, leftoverPatterns: [...config.leftoverPatterns, '^Dateline test leftover$'] };
    await settled(() => writeFile(configFile, JSON.stringify({ ...settings, leftoverPatterns: config.leftoverPatterns })));
    await add('900_zebulon1.txt', quagmire(1));
    await add('901_zebulon2.txt', quagmire(2));
    expect(topicOf(await expectClean())).not.toEqual([]);

    // 2. The same with a `dateline build --clean` beside serve, on the same output and state.
    await remove('900_zebulon1.txt');
    await remove('901_zebulon2.txt');
    await add('912_wrangleworth3.txt', wrangleworth(3));
    const beside = await dateline(['build', '--clean'], { cwd: work.dir, env: { DATELINE_CACHE_DIR: path.join(work.dir, 'cache') } });
    expect(beside.stderr).toBe('');
    expect(beside.code).toBe(0);
    await add('900_zebulon1.txt', quagmire(1));
    await add('901_zebulon2.txt', quagmire(2));
    await expectClean();
    await remove('910_wrangleworth1.txt');
    await add('902_zebulon3.txt', quagmire(3));
    expect(topicOf(await expectClean())).not.toEqual([]);
    stream.close();
  }, 240_000);
});
