import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check-command.ts';
import { formatSummary } from '../../src/cli/report.ts';
import { configSchema } from '../../src/config/schema.ts';
import { tempDir } from '../helpers/files.ts';
import { buildSite, page, writeInput } from '../helpers/site.ts';

const story = (n: number) => `Paragraph ${n} of the story says what happened and why it matters.`;

/** Five scraped articles with leftovers a default pattern or the config's pattern removes, signed off in several ways, and an authored one. */
const FILES = {
  '001_a.txt': ` date 2025-03-01 ${story(1)}\n\nAdvertisement 1\n\n${story(2)}\n\nFollow us on Mastodon\n\nThe end. Reuter`,
  '002_b.txt': ` date 2025-03-01 ${story(3)}\n\nADVERTISEMENT 2\n\n${story(4)}\n\nREUTER`,
  '003_c.txt': ` date 2025-03-02 ${story(5)}\n\nRead more:\n\n${story(6)}\n\nAdvertisement\n\n${story(7)}`,
  '004_d.txt': ` date 2025-03-02 ${story(8)}\n\nRelated\n\n${story(9)} It was agreed. REUTER...`,
  '005_e.txt': ` date 2025-03-03 ${story(10)}\n\n${story(11)}`,
  '006_f.md': '---\ntitle: Authored\ndate: 2025-03-03\n---\nAdvertisement\n\nText.',
};

describe('every removal reported', () => {
  it('counts each line leftover patterns removed, most frequent first with an example, and the sign-offs, in the summary', async () => {
    const { site, summary } = await buildSite(FILES, { leftoverPatterns: ['Follow us on \\w+'] });
    expect(summary.removals).toEqual({
      lines: [
        { text: 'advertisement', articles: 3, example: '001_a.txt' },
        { text: 'follow us on mastodon', articles: 1, example: '001_a.txt' },
        { text: 'read more', articles: 1, example: '003_c.txt' },
        { text: 'related', articles: 1, example: '004_d.txt' },
      ],
      more: 0,
      leftoverArticles: 4,
      signOffs: { articles: 3, example: '001_a.txt' },
    });
    const report = formatSummary(summary, 'out').join('\n');
    expect(report).toContain('Removed 4 lines that leftover patterns match, from 4 articles (to keep one as text, add it to "keepParagraphs" in dateline.config.json; to remove more, add a pattern to "leftoverPatterns"):\n  "advertisement": 3 articles, e.g. 001_a.txt\n');
    expect(report).toContain('Removed the wire sign-off at the end ("Reuter", "REUTER...", "MORE") from 3 articles, e.g. 001_a.txt.');
    // Authored Markdown is taken as written: its "Advertisement" paragraph stays, and is not counted.
    expect(page(site, /^2025\/03\/03\/f\/index\.html$/)).toContain('<p>Advertisement</p>');
  });

  it('keeps a line the user lists in keepParagraphs, and stops counting it', async () => {
    const { site, summary } = await buildSite(FILES, { keepParagraphs: ['related'] });
    expect(summary.removals.lines.map((line) => line.text)).toEqual(['advertisement', 'read more']);
    expect(page(site, /^2025\/03\/02\/.*-d\/index\.html$/)).toContain('<p>Related</p>');
  });

  it('names the same counts in dateline check', async () => {
    const work = await tempDir();
    try {
      const input = path.join(work.dir, 'in');
      await writeInput(input, FILES);
      const out: string[] = [];
      const config = configSchema.parse({ input, output: path.join(work.dir, 'out'), leftoverPatterns: ['Follow us on \\w+'] });
      expect(await runCheck(config, false, { out: (line) => out.push(line), err: () => {} }, 1, path.join(work.dir, 'cache'))).toBe(0);
      expect(out).toEqual([
        'Would remove 4 lines that leftover patterns match, from 4 articles (to keep one as text, add it to "keepParagraphs" in dateline.config.json; to remove more, add a pattern to "leftoverPatterns"):',
        '  "advertisement": 3 articles, e.g. 001_a.txt',
        '  "follow us on mastodon": 1 article, e.g. 001_a.txt',
        '  "read more": 1 article, e.g. 003_c.txt',
        '  "related": 1 article, e.g. 004_d.txt',
        'Would remove the wire sign-off at the end ("Reuter", "REUTER...", "MORE") from 3 articles, e.g. 001_a.txt.',
        `Checked ${input}: 6 articles ready, 0 files with errors, 0 warnings.`,
      ]);
    } finally {
      await work.cleanup();
    }
  });
});
