import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateline } from '../helpers/cli.ts';
import { tempDir } from '../helpers/files.ts';
import { writeInput } from '../helpers/site.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
const occupant = createServer((_request, response) => response.end('the occupant'));
let port: number;

beforeAll(async () => {
  work = await tempDir();
  await writeInput(work.dir, { 'in/001_a.txt': ' date 2025-04-27 First story.' });
  await new Promise<void>((resolve) => occupant.listen(0, '127.0.0.1', resolve));
  port = (occupant.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => occupant.close(resolve));
  await work.cleanup();
});

describe('dateline serve on a port in use', () => {
  it('says which port is in use and how to choose another, exits 1, and has started and built nothing', async () => {
    // The command resolves once the process has exited: a server or watcher left open would keep it running.
    const served = await dateline(['serve', '--port', String(port), '--input', 'in', '--output', 'out'], { cwd: work.dir });
    expect(served.code).toBe(1);
    expect(served.stderr).toContain(`--port: port ${port} on 127.0.0.1 is in use by another program`);
    expect(served.stderr).toContain(`choose another with --port: dateline serve --port ${port + 1}`);
    expect(served.stdout).toBe('');
    // It stopped before building: no site, no build state, no lock.
    expect(await readdir(work.dir)).toEqual(['in']);
    // The program on the port was left alone.
    const answer = await new Promise<string>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path: '/' }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve(body));
      }).on('error', reject);
    });
    expect(answer).toBe('the occupant');
  });
});
