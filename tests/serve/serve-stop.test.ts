import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { startServe } from '../../src/cli/serve-command.ts';
import { configSchema } from '../../src/config/schema.ts';
import { tempDir } from '../helpers/files.ts';
import { writeInput } from '../helpers/site.ts';

it('lets a build under way finish before stop() resolves, so nothing writes into the folders after it', async () => {
  const work = await tempDir();
  await writeInput(work.dir, { 'site/in/001_a.txt': ' date 2025-04-27 First story.' });
  const config = configSchema.parse({ input: path.join(work.dir, 'site/in'), output: path.join(work.dir, 'site/out'), search: false });
  onTestFinished(() => rm(work.dir, { recursive: true, force: true }));
  const problems: string[] = [];
  const serving = await startServe(config, { port: 0, host: '127.0.0.1', loadConfig: async () => config, configFile: path.join(work.dir, 'site/none.json'), cacheDir: path.join(work.dir, 'cache') }, { out: () => {}, err: (line) => problems.push(line) });
  // A build starts once the saves settle; stop is called while it runs.
  const started = new Promise<void>((resolve) => {
    const poll = async () => ((await readdir(path.join(work.dir, 'site')).catch(() => [])).some((name) => name === 'out.lock') ? resolve() : setTimeout(poll, 1));
    void poll();
  });
  for (let at = 2; at < 40; at++) await writeFile(path.join(work.dir, `site/in/${String(at).padStart(3, '0')}_x${at}.txt`), ` date 2025-04-${String(at % 28 + 1).padStart(2, '0')} Story ${at}.`);
  await started;
  await serving.stop();
  // The build released the output's lock before stop resolved: it is over, and the folder can go.
  expect(await readdir(path.join(work.dir, 'site'))).not.toContain('out.lock');
  expect(problems.filter((line) => !line.startsWith('note:'))).toEqual([]);
  // Removing the folders works at once (it failed with ENOTEMPTY while a build went on writing).
  await rm(work.dir, { recursive: true });
});
