import { checkOutputPath } from './output-path.ts';

/**
 * Where a build's files go. The disk writer publishes to the output folder; the memory writer
 * keeps files for tests and dry runs. Both refuse unsafe paths and a second write to one path.
 */
export interface Writer {
  /** Writes one file; `file` is a `/`-separated path under the output root. */
  write(file: string, content: string | Uint8Array): Promise<void>;
  /** Removes a file the previous build wrote and this one no longer has. */
  remove(file: string): Promise<void>;
  /**
   * Finishes what will be published and returns its identity (see `outputIdentity`) when it is
   * known before publishing, so the build state can record the output it describes first.
   */
  seal(): Promise<string | undefined>;
  /** Publishes what was written. */
  publish(): Promise<void>;
  /** Throws away what was written. */
  abort(): Promise<void>;
}

/** Tracks written paths so two pages can never silently overwrite each other. */
export class WrittenPaths {
  readonly #paths = new Set<string>();

  claim(file: string): void {
    checkOutputPath(file);
    if (this.#paths.has(file)) throw new Error(`two outputs were written to the same path "${file}"`);
    this.#paths.add(file);
  }

}

export class MemoryWriter implements Writer {
  readonly files = new Map<string, string | Uint8Array>();
  readonly #claimed = new WrittenPaths();

  async write(file: string, content: string | Uint8Array): Promise<void> {
    this.#claimed.claim(file);
    this.files.set(file, content);
  }

  async remove(file: string): Promise<void> {
    this.files.delete(checkOutputPath(file));
  }

  async seal(): Promise<undefined> {
    return undefined;
  }

  async publish(): Promise<void> {}

  async abort(): Promise<void> {
    this.files.clear();
  }

  /** Text of a written file, or undefined. */
  text(file: string): string | undefined {
    const content = this.files.get(file);
    return content === undefined ? undefined : typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
  }
}
