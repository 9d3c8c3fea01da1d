import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { beforeAll, describe, inject, it, type TestFunction } from 'vitest';
import { REUTERS } from './files.ts';

/*
 * What some tests need beyond Node and the repository. The global setup looks for each once per
 * run (`findNeeds`); a test that needs one that is missing is skipped, and the run ends with one
 * line per missing need (`skip-notices.ts`). With DATELINE_REQUIRE_ALL=1, as `.ci/run` sets, it
 * fails instead, so that CI never skips silently.
 */

export type Need = 'reuters' | 'java' | 'chromium';

/** Where a need was found (the corpus folder, the java or chromium executable), or why not. `broken` fails even without DATELINE_REQUIRE_ALL. */
export type Found = { state: 'found'; path: string } | { state: 'missing' | 'broken'; detail: string };

declare module 'vitest' {
  export interface ProvidedContext {
    needs: Record<Need, Found>;
  }
  export interface TaskMeta {
    /** Why the test was skipped: the need, what was found, how to get it. */
    skippedFor?: string;
  }
}

const NEEDS: Record<Need, { what: string; how: string }> = {
  reuters: { what: 'the Reuters-21578 corpus', how: 'set DATELINE_REUTERS to its articles folder' },
  java: { what: 'Java 11+ for the W3C Nu HTML checker', how: 'apt-get install default-jre-headless' },
  chromium: { what: 'Chromium for the browser tests', how: 'apt-get install chromium, or set CHROMIUM_PATH' },
};

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REUTERS_ARTICLES = 19_043;
const run = promisify(execFile);

/** Looks for every need, at once: run by the global setup. */
export async function findNeeds(): Promise<Record<Need, Found>> {
  const [reuters, java, chromium] = await Promise.all([findReuters(), findJava(), findChromium()]);
  return { reuters, java, chromium };
}

async function findReuters(): Promise<Found> {
  if (!existsSync(REUTERS)) return { state: 'missing', detail: `nothing at ${REUTERS}` };
  // A partial copy would make the counts the tests expect fail in confusing ways: say so instead.
  const count = (await readdir(REUTERS).catch(() => [])).filter((name) => name.endsWith('.txt')).length;
  if (count !== REUTERS_ARTICLES) return { state: 'broken', detail: `${REUTERS} holds ${count.toLocaleString('en')} of its ${REUTERS_ARTICLES.toLocaleString('en')} articles` };
  return { state: 'found', path: REUTERS };
}

/** Java on the PATH, else the runtime vnu-jar's install downloads when there is none (never downloaded here). */
async function findJava(): Promise<Found> {
  const downloader = createRequire(import.meta.url)('vnu-jar/vnu-java-downloader.js') as { findCachedJava(): string | null };
  let detail = 'no java on the PATH';
  for (const command of ['java', downloader.findCachedJava()]) {
    if (command === null) continue;
    const printed = await run(command, ['-version'], { timeout: 60_000 }).then(
      ({ stdout, stderr }) => stderr + stdout,
      () => undefined,
    );
    if (printed === undefined) continue;
    // `1.8.0_392` is Java 8; `17.0.15` is Java 17.
    const [, first = '0', second = '0'] = /version "(\d+)(?:\.(\d+))?/.exec(printed) ?? [];
    const major = first === '1' ? Number(second) : Number(first);
    if (major >= 11) return { state: 'found', path: command };
    detail = `${command} is Java ${major}`;
  }
  return { state: 'missing', detail };
}

async function findChromium(): Promise<Found> {
  if (!existsSync(CHROMIUM)) return { state: 'missing', detail: `nothing at ${CHROMIUM}` };
  try {
    await run(CHROMIUM, ['--version'], { timeout: 60_000 });
    return { state: 'found', path: CHROMIUM };
  } catch (error) {
    return { state: 'missing', detail: `${CHROMIUM} --version failed: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** Where the need was found; only for tests declared as needing it. */
export function located(need: Need): string {
  const status = inject('needs')[need];
  if (status.state !== 'found') throw new Error(`${NEEDS[need].what} is not there: declare the test with describeNeeding or itNeeding`);
  return status.path;
}

type Gate = { run: true } | { skip: string } | { fail: string };

function gate(need: Need): Gate {
  const status = inject('needs')[need];
  if (status.state === 'found') return { run: true };
  const notice = `${NEEDS[need].what}: ${status.detail} (${NEEDS[need].how})`;
  if (status.state === 'broken') return { fail: `This test needs ${notice}` };
  if (process.env.DATELINE_REQUIRE_ALL === '1') return { fail: `This test needs ${notice}; DATELINE_REQUIRE_ALL=1 turns the skip into a failure` };
  return { skip: notice };
}

/** `describe` for tests that all need `need`: skipped without it, failed when it must be there. Put the suite's hooks inside. */
export function describeNeeding(need: Need, name: string, body: () => void): void {
  const decided = gate(need);
  if ('run' in decided) describe(name, body);
  else if ('skip' in decided) describe(name, { skip: true, meta: { skippedFor: decided.skip } }, body);
  else {
    describe(name, () => {
      // First of the suite's hooks, so that nothing that needs it runs.
      beforeAll(() => {
        throw new Error(decided.fail);
      });
      body();
    });
  }
}

/** `it` for one test that needs `need`, among others that do not. */
export function itNeeding(need: Need, name: string, body: TestFunction, timeout?: number): void {
  const decided = gate(need);
  if ('run' in decided) it(name, body, timeout);
  else if ('skip' in decided) it(name, { skip: true, meta: { skippedFor: decided.skip } }, body);
  else {
    it(name, () => {
      throw new Error(decided.fail);
    });
  }
}
