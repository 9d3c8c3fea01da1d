import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DatelineError } from '../errors.ts';
import { resolveInside } from './output-path.ts';
import { WrittenPaths, type Writer } from './writer.ts';

/** A file Dateline leaves in every output folder, so it only ever replaces folders it made. */
export const OUTPUT_MARKER = '.dateline-output';
const MARKER_TEXT = 'This folder is written by Dateline and replaced on every build.\n';

/**
 * Writes a build into a staging folder beside the output folder, then swaps it in, so a failed
 * build leaves the previous site untouched and no stale file survives a rebuild.
 * It refuses to replace a non-empty folder that Dateline did not write.
 */
export class DiskWriter implements Writer {
  readonly #output: string;
  readonly #staging: string;
  readonly #claimed = new WrittenPaths();
  readonly #folders = new Set<string>();

  private constructor(output: string) {
    this.#output = output;
    this.#staging = `${output}.staging-${process.pid}`;
  }

  static async open(outputDir: string): Promise<DiskWriter> {
    const output = path.resolve(outputDir);
    await assertReplaceable(output);
    const writer = new DiskWriter(output);
    await rm(writer.#staging, { recursive: true, force: true });
    await mkdir(writer.#staging, { recursive: true });
    await writeFile(path.join(writer.#staging, OUTPUT_MARKER), MARKER_TEXT);
    return writer;
  }

  async write(file: string, content: string | Uint8Array): Promise<void> {
    this.#claimed.claim(file);
    const target = resolveInside(this.#staging, file);
    const folder = path.dirname(target);
    if (!this.#folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.#folders.add(folder);
    }
    await writeFile(target, content);
  }

  async commit(): Promise<void> {
    const old = `${this.#output}.old-${process.pid}`;
    let hadOutput = true;
    try {
      await rename(this.#output, old);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      hadOutput = false;
    }
    try {
      await rename(this.#staging, this.#output);
    } catch (error) {
      if (hadOutput) await rename(old, this.#output); // put the previous site back
      throw error;
    }
    if (hadOutput) await rm(old, { recursive: true, force: true });
  }

  async abort(): Promise<void> {
    await rm(this.#staging, { recursive: true, force: true });
  }
}

async function assertReplaceable(output: string): Promise<void> {
  if (output === path.parse(output).root || output === path.resolve(process.cwd()) || output === path.resolve(process.env.HOME ?? '/')) {
    throw new DatelineError({ code: 'unsafe-output', file: output, message: 'cannot be the output folder: it is replaced on every build' });
  }
  let entries: string[];
  try {
    if (!(await stat(output)).isDirectory()) throw new DatelineError({ code: 'unsafe-output', file: output, message: 'exists and is not a folder' });
    entries = await readdir(output);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
    throw new DatelineError({
      code: 'unsafe-output',
      file: output,
      message: `is not empty and was not written by Dateline (it has no ${OUTPUT_MARKER} file), so it is not replaced`,
      hint: 'choose another --output or empty it',
    });
  }
}
