/**
 * Hostile article files, each about `bytes` long: what a scraper, a broken export or an attacker
 * can put in an input folder. Shared by the fuzz test (tests/faults/hostile-files.test.ts, which
 * builds them among ordinary articles) and the benchmark (bench/hostile.ts, which times each at
 * 1 MiB, the largest file Dateline reads).
 */
export interface HostileCase {
  kind: string;
  format: 'txt' | 'md';
  /** The file's bytes at about `bytes` long. */
  make: (bytes: number) => Uint8Array;
}

const HEADER = ' date 2025-04-27 ';
const FRONT = '---\ntitle: Hostile\ndate: 2025-04-27\n---\n\n';
const PROSE = 'WASHINGTON, April 27 - The company said quarterly results were strong and ';

const fill = (token: string, bytes: number) => token.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(token))));
const text = (body: (bytes: number) => string) => (bytes: number) => Buffer.from(HEADER + body(bytes - HEADER.length));
/** Markdown articles are read up to 256 KiB (src/read/read-sources.ts): hostile ones are made that long at most. */
const MARKDOWN_BYTES = 256 * 1024;
const markdown = (body: (bytes: number) => string) => (bytes: number) => Buffer.from(FRONT + body(Math.min(bytes, MARKDOWN_BYTES) - FRONT.length - 1));
const prose = (token: string) => text((bytes) => `${PROSE}${fill(token, bytes - PROSE.length - 40)}, the shares rose sharply.`);

export const HOSTILE: HostileCase[] = [
  { kind: 'one long token', format: 'txt', make: text((bytes) => fill('x', bytes)) },
  { kind: 'one long capitalised token', format: 'txt', make: text((bytes) => `A${fill('b', bytes - 1)}`) },
  { kind: 'repeated abbreviation U.S.', format: 'txt', make: prose('U.S. ') },
  { kind: 'repeated Mr. Smith said.', format: 'txt', make: prose('Mr. Smith said. ') },
  { kind: 'repeated Inc.', format: 'txt', make: prose('Inc. ') },
  { kind: 'deep round brackets', format: 'txt', make: prose('(') },
  { kind: 'deep square brackets', format: 'txt', make: prose('[[') },
  { kind: 'tickers', format: 'txt', make: prose('<ABC> ') },
  { kind: 'tiny paragraphs', format: 'txt', make: text((bytes) => fill('a\n\n', bytes)) },
  { kind: 'one-character lines', format: 'txt', make: prose('#\n') },
  { kind: 'carriage returns', format: 'txt', make: prose('\r') },
  { kind: 'NULs in prose', format: 'txt', make: prose('\u0000') },
  { kind: 'spaces before a stop', format: 'txt', make: text((bytes) => `Prices rose${fill(' ', bytes - 20)}.`) },
  { kind: 'bare URLs', format: 'txt', make: prose('http://x.com/ ') },
  { kind: 'URL scheme glued', format: 'txt', make: prose('http://') },
  { kind: 'capitalised words', format: 'txt', make: prose('Alpha Beta ') },
  { kind: 'wire sign-offs', format: 'txt', make: text((bytes) => fill('REUTER\n\n', bytes)) },
  { kind: 'typed table rows', format: 'txt', make: text((bytes) => `Results\n\n${fill('  Shr 1.00    vs    2.00\n', bytes - 9)}`) },
  { kind: 'emoji and CJK', format: 'txt', make: prose('中🙂 ') },
  { kind: 'combining marks', format: 'txt', make: prose('e\u0301') },
  { kind: 'Latin-1 bytes (not UTF-8)', format: 'txt', make: (bytes) => Buffer.concat([Buffer.from(`${HEADER}Caf`), Buffer.alloc(bytes - 20, 0xe9)]) },
  { kind: 'UTF-16 with a byte order mark', format: 'txt', make: (bytes) => Buffer.from(`\ufeff${HEADER}${fill('Text in UTF-16. ', bytes / 2 - 20)}`, 'utf16le') },
  { kind: 'no date', format: 'txt', make: (bytes) => Buffer.from(fill('No date line here. ', bytes)) },
  { kind: 'Markdown nested quotes', format: 'md', make: markdown((bytes) => `${fill('>', Math.min(bytes, 5000))} deep`) },
  { kind: 'Markdown dense emphasis', format: 'md', make: markdown((bytes) => fill('*a* _b_ ', bytes)) },
  { kind: 'Markdown brackets', format: 'md', make: markdown((bytes) => fill('[', bytes)) },
  { kind: 'Markdown underlined headings', format: 'md', make: markdown((bytes) => fill('Title\n===\n\n', bytes)) },
  { kind: 'Markdown repeated abbreviation', format: 'md', make: markdown((bytes) => `${PROSE}${fill('U.S. ', bytes - PROSE.length)}`) },
  { kind: 'Markdown tiny paragraphs', format: 'md', make: markdown((bytes) => fill('a\n\n', bytes)) },
  { kind: 'Markdown headings', format: 'md', make: markdown((bytes) => fill('# a\n', bytes)) },
  { kind: 'Markdown hard breaks', format: 'md', make: markdown((bytes) => fill('a  \n', bytes)) },
  { kind: 'Markdown autolinks', format: 'md', make: markdown((bytes) => fill('<a@b.c> ', bytes)) },
  { kind: 'Markdown character references', format: 'md', make: markdown((bytes) => fill('&amp;', bytes)) },
  { kind: 'Markdown backslashes', format: 'md', make: markdown((bytes) => fill('\\', bytes)) },
  { kind: 'Markdown lists 60 deep', format: 'md', make: markdown((bytes) => fill(`${Array.from({ length: 60 }, (_, depth) => `${'  '.repeat(depth)}- item`).join('\n')}\n\n`, bytes)) },
  { kind: 'Markdown plain prose', format: 'md', make: markdown((bytes) => fill('The company said quarterly results were strong. ', bytes)) },
  { kind: 'Markdown JavaScript front matter', format: 'md', make: () => Buffer.from('---js\n{ title: (() => { throw new Error("ran") })() }\n---\nText.\n') },
];

/** The hostile files, named as the input format has them; one name is 250 bytes long. */
export function hostileFiles(bytes: number): { name: string; kind: string; bytes: Uint8Array }[] {
  return HOSTILE.map((hostile, index) => {
    const id = index === 0 ? `${'a'.repeat(240)}${index}` : `hostile${String(index).padStart(3, '0')}`;
    return { name: `${String(900 + index)}_${id}.${hostile.format}`, kind: hostile.kind, bytes: hostile.make(bytes) };
  });
}
