import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ledeFigures, type Lede } from '../../bench/lede-quality.ts';
import { DEFAULT_LEFTOVER_PATTERNS } from '../../src/clean/leftovers.ts';
import { textRecord } from '../../src/records/text-record.ts';
import { REUTERS, SEEDS } from '../helpers/files.ts';
import { describeNeeding } from '../helpers/requires.ts';

/** The ledes of every `.txt` article of a folder, as textRecord derives them. */
function ledesOf(folder: string): Lede[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => {
      const text = readFileSync(path.join(folder, name), 'utf8');
      const id = name.replace(/\.txt$/, '').replace(/^[^_]*_/, '');
      const record = textRecord({ relativePath: name, displayPath: name, id, format: 'text', text, hash: id, times: { size: 0, mtimeMs: 0, ctimeMs: 0 } } as never, DEFAULT_LEFTOVER_PATTERNS);
      return { source: name, headline: record.headline, summary: record.summary };
    });
}

it('the seed: its headline keeps the claim ("officially confirms that"), in headline tense, and its standfirst adds to it', () => {
  const [seed] = ledesOf(SEEDS);
  expect(seed!.headline).toBe('North Korea officially confirms that it deployed combat units to Russia');
  expect(ledeFigures([seed!])).toMatchObject({ broken: 0, functionWord: 0, notAStory: 0, repeats: 0, empty: 0, over90: 0 });
});

describeNeeding('reuters', 'the ledes of all 19,043 Reuters articles, judged by bench/lede-quality.ts', () => {
  it("meets issue 19's targets where they are met, and holds the figures reached where they are not yet", { timeout: 180_000 }, () => {
    const ledes = ledesOf(REUTERS);
    const titles = new Map(
      readFileSync(path.join(REUTERS, '..', 'key.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { file: string; title: string })
        .map((entry) => [entry.file, entry.title]),
    );
    const figures = ledeFigures(ledes, titles);
    const summary = JSON.stringify(figures);
    expect(figures.articles).toBe(19_043);
    // Targets met: no headline over 90 characters; standfirsts that open as their headline ≤ 2%; ROUGE-1 against Reuters' titles ≥ 0.30 (0.278 before, 0.303 in headline tense).
    expect(figures.over90, summary).toBe(0);
    expect(figures.repeats / figures.articles, summary).toBeLessThanOrEqual(0.02);
    expect(figures.rouge!, summary).toBeGreaterThanOrEqual(0.3);
    // Not yet the targets (0; 0; ≤ 5%; 0; 0): the figures reached, held here so they only improve.
    // Before the work: 34 broken and 229 function-word endings (the count), 2,871 table rows or notes, 5.6% cut, 1,459 empty.
    // (30 at the start of 2026-12-08; 13 once abbreviations after names go, cuts keep a name whole and a unit is named by its owner.)
    expect(figures.broken + figures.functionWord, summary).toBeLessThanOrEqual(13);
    expect(figures.notAStory, summary).toBeLessThanOrEqual(194);
    // (8.2% since a report of a subject alone, "Du Pont says the U.S. District Court", is no longer passed as a headline: the judge counts
    // it as a subject without a verb, and the cutter marks such a cut with "…". It was 5.5% while ~600 of them were passed.)
    // (7.1% once long names are written as their abbreviations, "told the SEC it" goes as "said it" does, and a long title or an officer's name goes.)
    expect(figures.cut / figures.articles, summary).toBeLessThanOrEqual(0.072);
    // (17 before a one-sentence story's standfirst could name who said it, or take a table's later rows. 3, not the 1 first
    // reported: two standfirsts were a lone "." left over from a table's row, which the judge now counts as empty.)
    expect(figures.empty, summary).toBeLessThanOrEqual(3);
  });
});
