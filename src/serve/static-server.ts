import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The path live-reloading pages listen on (Server-Sent Events). */
export const RELOAD_PATH = '/__dateline/reload';
const RELOAD_SCRIPT = `<script>new EventSource(${JSON.stringify(RELOAD_PATH)}).addEventListener("reload", () => location.reload());</script>`;

export interface PreviewServer {
  server: Server;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

/**
 * A small static server for previewing the output folder, with live reload.
 * It never serves a file outside `root`: the decoded path is resolved and checked, then the real
 * path (symbolic links followed) is checked again. HTML pages get a tiny live-reload script.
 */
export function previewServer(root: string): PreviewServer {
  const clients = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    handle(root, request, response, clients).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  return {
    server,
    reload() {
      for (const client of clients) client.write('event: reload\ndata: {}\n\n');
    },
    async close() {
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handle(root: string, request: IncomingMessage, response: ServerResponse, clients: Set<ServerResponse>): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed');
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (pathname === RELOAD_PATH) {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    response.write(': connected\n\n');
    clients.add(response);
    request.on('close', () => clients.delete(response));
    return;
  }
  const file = await resolveRequest(root, pathname);
  if (file === undefined) return serveNotFound(root, response);
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  if (type.startsWith('text/html')) {
    const html = await readFile(file, 'utf8');
    return send(response, 200, injectReload(html), type, request.method === 'HEAD');
  }
  response.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file)
    .on('error', () => response.destroy()) // removed by a rebuild between stat and open
    .pipe(response);
}

/**
 * The file a URL path names inside `root`, or undefined. Folders serve their index.html.
 * Refuses anything that decodes or resolves outside the root, NUL bytes, and backslashes.
 */
export async function resolveRequest(root: string, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const base = path.resolve(root);
  let candidate = path.resolve(base, `.${path.posix.normalize(`/${decoded}`)}`);
  if (!isInside(base, candidate)) return undefined;
  try {
    if ((await stat(candidate)).isDirectory()) candidate = path.join(candidate, 'index.html');
    const real = await realpath(candidate);
    if (!isInside(await realpath(base), real) || !(await stat(real)).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}

function isInside(base: string, candidate: string): boolean {
  const relative = path.relative(base, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function serveNotFound(root: string, response: ServerResponse): Promise<void> {
  const page = await resolveRequest(root, '/404.html');
  const html = page === undefined ? 'Not found' : injectReload(await readFile(page, 'utf8'));
  send(response, 404, html, 'text/html; charset=utf-8');
}

function injectReload(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + RELOAD_SCRIPT : html.slice(0, at) + RELOAD_SCRIPT + html.slice(at);
}

function send(response: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', headOnly = false): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' });
  response.end(headOnly ? undefined : body);
}
