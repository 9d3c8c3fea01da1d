import { request } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe } from '../../src/cli/serve-command.ts';
import { configSchema } from '../../src/config/schema.ts';
import { RELOAD_PATH } from '../../src/serve/static-server.ts';
import { tempDir } from '../helpers/files.ts';
import { reloadStream } from '../helpers/reloads.ts';
import { writeInput } from '../helpers/site.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
let serving: Awaited<ReturnType<typeof startServe>>;
let port: number;
const errors: string[] = [];
const waiting: { test: (line: string) => boolean; resolve: () => void }[] = [];

/** Collects a line `serve` reported, and wakes whoever waits for one like it. */
function reported(line: string): void {
  errors.push(line);
  for (const waiter of waiting.splice(0)) (waiter.test(line) ? waiter.resolve : () => waiting.push(waiter))();
}

/** Resolves once `serve` reports a line that passes `test` (or has already). */
function untilReported(test: (line: string) => boolean): Promise<void> {
  if (errors.some(test)) return Promise.resolve();
  return new Promise((resolve) => waiting.push({ test, resolve }));
}

/** A GET with the path sent exactly as written (no client-side normalisation of `..`). */
function get(rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  work = await tempDir();
  await writeInput(work.dir, {
    'site/in/001_a.txt': ' date 2025-04-27 First story.',
    'secret.txt': 'TOP SECRET',
    'site/out-secret/file.txt': 'SIBLING SECRET',
  });
  const config = configSchema.parse({ input: path.join(work.dir, 'site/in'), output: path.join(work.dir, 'site/out') });
  serving = await startServe(config, { port: 0, host: '127.0.0.1', loadConfig: async () => config, configFile: path.join(work.dir, 'site/none.json'), cacheDir: path.join(work.dir, 'cache') }, { out: () => {}, err: (line) => reported(line) });
  port = Number(new URL(serving.url).port);
});

afterAll(async () => {
  await serving?.stop();
  await work?.cleanup();
});

describe('dateline serve', () => {
  it('serves the built site on localhost with a live-reload script', async () => {
    expect(serving.url).toMatch(/^http:\/\/localhost:\d+\/$/);
    expect(serving.address).toBe('127.0.0.1'); // this machine only, unless --host says otherwise
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('First story');
    expect(home.body).toContain(RELOAD_PATH);
    expect((await get('/assets/style.css')).status).toBe(200);
    const missing = await get('/no/such/page/');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Page not found');
  });

  it.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%2f..%2fsecret.txt',
    '/%2e%2e/out-secret/file.txt',
    '/..%5c..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '/secret.txt%00.html',
    '/%E0%A4%A',
  ])('never serves a file outside the output folder: %s', async (attack) => {
    const response = await get(attack);
    expect(response.status).toBe(404);
    expect(response.body).not.toMatch(/SECRET/);
  });

  it('rebuilds when an article is added and tells open pages to reload; a bad file is reported and the site stays up', async () => {
    // Waits for events themselves, not for time: the stream's connection, then a reload.
    const stream = await reloadStream(port);
    const reloaded = stream.next();
    await writeFile(path.join(work.dir, 'site/in/002_b.txt'), ' date 2025-04-28 Second story.');
    await reloaded;
    expect((await get('/')).body).toContain('Second story');

    await writeFile(path.join(work.dir, 'site/in/003_c.txt'), ' date 2025-13-01 Bad month.');
    await untilReported((line) => line.includes('003_c.txt:1: date "2025-13-01"'));
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('Second story');

    // A new folder is watched from then on: an article saved in it, then another.
    await mkdir(path.join(work.dir, 'site/in/sub'));
    const third = stream.next();
    await writeFile(path.join(work.dir, 'site/in/sub/004_d.txt'), ' date 2025-04-29 Third story.');
    await third;
    await expect.poll(async () => (await get('/')).body).toContain('Third story');
    const fourth = stream.next();
    await writeFile(path.join(work.dir, 'site/in/sub/005_e.txt'), ' date 2025-04-30 Fourth story.');
    await fourth;
    await expect.poll(async () => (await get('/')).body).toContain('Fourth story');
    stream.close();
    // Five builds without a base URL: the note about what that leaves out came once, with the first.
    expect(errors.filter((line) => line.startsWith('note: no base URL'))).toHaveLength(1);
  });
});
