import { request } from 'node:http';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe } from '../../src/cli/serve-command.ts';
import { loadConfig } from '../../src/config/load.ts';
import { tempDir } from '../helpers/files.ts';
import { reloadStream } from '../helpers/reloads.ts';
import { writeInput } from '../helpers/site.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
let serving: Awaited<ReturnType<typeof startServe>>;
let port: number;
const reports: string[] = [];
let wakeReports: () => void = () => {};

function get(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: file, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  work = await tempDir();
  await writeInput(work.dir, {
    'in/001_a.txt': ' date 2025-04-27 First story.',
    'templates/pages/not-found.njk': '{% extends "dateline/pages/not-found.njk" %}{% block main %}<h1>{{ "lost" | mark }}</h1>{% endblock %}',
    'dateline.config.mjs': "export default { filters: { mark: (text) => `[${text}]` } };\n",
    'dateline.config.json': JSON.stringify({ input: 'in', output: 'out', templates: 'templates', search: false }),
  });
  const configFile = path.join(work.dir, 'dateline.config.json');
  // Paths in the config are relative to the working directory: made absolute here, as the tests do not change it.
  const load = async () => {
    const config = await loadConfig(configFile, {});
    return { ...config, input: path.join(work.dir, config.input), output: path.join(work.dir, config.output), templates: path.join(work.dir, config.templates!) };
  };
  serving = await startServe(await load(), { port: 0, host: '127.0.0.1', loadConfig: load, configFile, cacheDir: path.join(work.dir, 'cache') }, {
    out: () => {},
    err: (line) => {
      reports.push(line);
      wakeReports();
    },
  });
  port = Number(new URL(serving.url).port);
});

afterAll(async () => {
  await serving?.stop();
  await work?.cleanup();
});

describe('dateline serve with a look of its own', () => {
  it("rebuilds when the site's template, the helpers file or the colours change, and reports a broken helpers file", async () => {
    expect(await get('/404.html')).toContain('<h1>[lost]</h1>');
    const stream = await reloadStream(port);

    let reloaded = stream.next();
    await writeFile(path.join(work.dir, 'templates/pages/not-found.njk'), '{% extends "dateline/pages/not-found.njk" %}{% block main %}<h2>{{ "lost" | mark }}</h2>{% endblock %}');
    await reloaded;
    expect(await get('/404.html')).toContain('<h2>[lost]</h2>');

    // Imported again when its text changes.
    reloaded = stream.next();
    await writeFile(path.join(work.dir, 'dateline.config.mjs'), "export default { filters: { mark: (text) => `«${text}»` } };\n");
    await reloaded;
    expect(await get('/404.html')).toContain('<h2>«lost»</h2>');

    const broken = new Promise<void>((resolve) => (wakeReports = () => reports.some((line) => line.includes('dateline.config.mjs: invalid template helpers')) && resolve()));
    await writeFile(path.join(work.dir, 'dateline.config.mjs'), "export default { filters: { mark: 'not a function' } };\n");
    await broken;
    expect(reports.join('\n')).toContain('filters.mark: expected a function, got string');
    expect(await get('/404.html')).toContain('<h2>«lost»</h2>');

    reloaded = stream.next();
    await writeFile(path.join(work.dir, 'dateline.config.mjs'), "export default { filters: { mark: (text) => `<${text}>` } };\n");
    await reloaded;
    expect(await get('/404.html')).toContain('<h2>&lt;lost&gt;</h2>');

    reloaded = stream.next();
    await writeFile(path.join(work.dir, 'dateline.config.json'), JSON.stringify({ input: 'in', output: 'out', templates: 'templates', search: false, colors: { light: { accent: 'darkred' } } }));
    await reloaded;
    expect(await get('/assets/theme.css')).toContain('--accent: darkred;');
    expect(await get('/')).toContain('assets/theme.css');
    stream.close();
  });
});
