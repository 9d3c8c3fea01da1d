import type { FileTimes } from '../read/fingerprint.ts';

/** An input file as read from disk, before parsing. */
export interface SourceFile {
  /** Path relative to the input folder, `/`-separated; the key of the article in the site. */
  relativePath: string;
  /** Path to show in messages (relative to the working directory). */
  displayPath: string;
  id: string;
  format: 'text' | 'markdown';
  text: string;
  /** Content hash of the bytes, the path and Dateline's version. */
  hash: string;
  /** Size and times when read, to recognise the file unchanged next time. */
  times: FileTimes;
}

/** A found file: read ({@link SourceFile}), or recognised from the previous build and so not read (no `text`). */
export type SourceEntry = Omit<SourceFile, 'text'> & { text?: string };
