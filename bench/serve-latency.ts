/**
 * How long `dateline serve` takes from saving a new article to telling open pages to reload (its
 * live-reload event), run in this process against an input folder and its built output.
 *
 *   tsx bench/serve-latency.ts INPUT OUTPUT [RUNS]     prints one latency in seconds per line
 */
import { request } from 'node:http';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startServe } from '../src/cli/serve-command.ts';
import { configSchema } from '../src/config/schema.ts';
import { RELOAD_PATH } from '../src/serve/static-server.ts';

const [input, output, runs = '5'] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: serve-latency.ts INPUT OUTPUT [RUNS]');
const config = configSchema.parse({ input, output, baseUrl: 'https://example.org/' });
const serving = await startServe(config, { port: 0, host: '127.0.0.1', loadConfig: async () => config, configFile: path.join(input, '..', 'none.json') }, { out: (line) => process.env.DATELINE_BENCH_VERBOSE && console.error(line), err: () => {} });
const port = Number(new URL(serving.url).port);
let received = '';
let wake = () => {};
const stream = request({ host: '127.0.0.1', port, path: RELOAD_PATH }, (response) => {
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    received += chunk;
    wake();
  });
});
stream.end();
await new Promise<void>((resolve) => (wake = () => received.includes(': connected') && resolve()));
const added: string[] = [];
for (let run = 0; run < Number(runs); run++) {
  const before = received.split('event: reload').length;
  const reloaded = new Promise<void>((resolve) => (wake = () => received.split('event: reload').length > before && resolve()));
  const file = path.join(input, `999998_serve${String(run).padStart(11, '0')}.txt`);
  added.push(file);
  const started = performance.now();
  await writeFile(file, ` date 1987-10-19 Serve benchmark run ${run} saves this article about grain.\n\nIt has a second paragraph.\n`);
  await reloaded;
  console.log(((performance.now() - started) / 1000).toFixed(3));
  // Let the watcher quiet down before the next save.
  await new Promise((resolve) => setTimeout(resolve, 300));
}
stream.destroy();
await serving.stop();
for (const file of added) await rm(file);
