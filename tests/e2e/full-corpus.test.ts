import { expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { MemoryStateStore } from '../../src/store/memory-store.ts';
import { configSchema } from '../../src/config/schema.ts';
import { MemoryWriter } from '../../src/write/writer.ts';
import { REUTERS } from '../helpers/files.ts';
import { describeNeeding } from '../helpers/requires.ts';

describeNeeding('reuters', 'the full Reuters corpus', () => {
  it('builds every one of its 19,043 articles: one page each, 58 day pages, nothing skipped', async () => {
    const site = new MemoryWriter();
    const config = configSchema.parse({ input: REUTERS, output: '/unused', baseUrl: 'https://example.org/', urlLedger: false });
    const summary = await build({ config, drafts: false, store: new MemoryStateStore() }, site);
    const files = [...site.files.keys()];
    expect(summary).toMatchObject({ articles: 19_043, skipped: 0, problems: [] });
    expect(files.filter((file) => /^\d{4}\/\d{2}\/\d{2}\/(?!page\/)[a-z0-9-]+\/index\.html$/.test(file))).toHaveLength(19_043);
    expect(files.filter((file) => /^\d{4}\/\d{2}\/\d{2}\/index\.html$/.test(file))).toHaveLength(58);
    // 1987-04-07 holds 853 articles: its day is cut into pages of about 100 (51 at least).
    const laterPages = files.filter((file) => file.startsWith('1987/04/07/page/')).length;
    expect(laterPages).toBeGreaterThanOrEqual(4);
    expect(laterPages).toBeLessThanOrEqual(15);
    expect(files).toContain('sitemap.xml');
  });
});
