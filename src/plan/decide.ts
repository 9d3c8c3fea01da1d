/** What to do with each output file of a build. */
export interface Decision {
  /** Made outputs whose key differs from the last build's: render (if a page) and write them. */
  write: string[];
  /** Made outputs whose key is the last build's: their file is already right. */
  unchanged: string[];
  /** Files of the last build the site no longer has. */
  remove: string[];
}

/**
 * The one place that decides what is written and removed: an output is written when its key (a
 * hash of everything that makes it: model, templates, settings, or content) differs from the
 * key its file was written with; a file the plan dropped is removed unless it is made again.
 * Pure: `previousKey` is a lookup of the last build's keys.
 */
export function decideWrites(made: readonly { file: string; key: string }[], previousKey: (file: string) => string | undefined, dropped: readonly string[]): Decision {
  const write: string[] = [];
  const unchanged: string[] = [];
  const files = new Set<string>();
  for (const { file, key } of made) {
    if (files.has(file)) throw new Error(`two outputs were made for the same file "${file}"`);
    files.add(file);
    (previousKey(file) === key ? unchanged : write).push(file);
  }
  return { write, unchanged, remove: [...new Set(dropped)].filter((file) => !files.has(file)) };
}
