import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';

/** Worker threads by default: one per core. */
export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * A worker script of Dateline's: the compiled one beside the bundle, or, when running from the
 * TypeScript sources (tests, `npm run dateline:dev`), the source itself loaded through tsx.
 */
function workerScript(name: string): { filename: string; execArgv: string[] } {
  const fromSources = import.meta.url.endsWith('.ts');
  const file = fileURLToPath(new URL(fromSources ? `./${name}.ts` : `./${name}.js`, import.meta.url));
  return { filename: file, execArgv: fromSources ? ['--import', 'tsx'] : [] };
}

/** A pool of `threads` workers running the named worker script; closed with `destroy()`. */
export async function workerPool(name: string, threads: number): Promise<Piscina> {
  const { Piscina } = await import('piscina');
  const { filename, execArgv } = workerScript(name);
  return new Piscina({ filename, execArgv, minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
}

/** Splits `items` into batches of about `size`, in order. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size));
  return out;
}
