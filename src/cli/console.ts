/** Where the CLI prints; injectable so tests can run commands in-process. */
export interface Console {
  out(line: string): void;
  err(line: string): void;
}
