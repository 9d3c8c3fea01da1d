import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { located } from './requires.ts';

const run = promisify(execFile);
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

export interface VnuMessage {
  type: string;
  url: string;
  message: string;
  lastLine?: number;
}

/**
 * Runs the W3C Nu HTML Checker (vnu.jar, from the vnu-jar package) over files and returns its
 * errors. One JVM checks them all. Needs Java: call it from tests declared with `itNeeding('java', …)`.
 */
export async function checkHtml(files: readonly string[]): Promise<VnuMessage[]> {
  const args = ['-jar', vnuJar, '--errors-only', '--format', 'json', '--exit-zero-always', ...files];
  const { stderr } = await run(located('java'), args, { maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(stderr) as { messages: VnuMessage[] };
  return report.messages.filter((message) => message.type === 'error' || message.type === 'non-document-error');
}
