/** An input file as read from disk, before parsing. */
export interface SourceFile {
  /** Path relative to the input folder, `/`-separated; the key of the article in the site. */
  relativePath: string;
  /** Path to show in messages (relative to the working directory). */
  displayPath: string;
  id: string;
  format: 'text' | 'markdown';
  text: string;
  /** Content hash of the bytes and Dateline's version. */
  hash: string;
}
