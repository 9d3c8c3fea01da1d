import { request } from 'node:http';
import { RELOAD_PATH } from '../../src/serve/static-server.ts';

/** `serve`'s live-reload stream on `port`: `next()` resolves at the next reload event after it was called. */
export async function reloadStream(port: number): Promise<{ next: () => Promise<void>; close: () => void }> {
  let received = '';
  let wake: () => void = () => {};
  const stream = request({ host: '127.0.0.1', port, path: RELOAD_PATH });
  const connected = new Promise<void>((resolve) => (wake = () => received.includes(': connected') && resolve()));
  stream.on('response', (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      received += chunk;
      wake();
    });
  });
  stream.end();
  await connected;
  return {
    next() {
      const seen = received.split('event: reload').length;
      return new Promise<void>((resolve) => (wake = () => received.split('event: reload').length > seen && resolve()));
    },
    close: () => stream.destroy(),
  };
}
