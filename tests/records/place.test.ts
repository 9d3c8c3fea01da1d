import { describe, expect, it } from 'vitest';
import { UrlLedger } from '../../src/ledger/ledger.ts';
import { placeRecords } from '../../src/records/place.ts';
import { random } from '../helpers/random.ts';
import type { ArticleRecord } from '../../src/records/record.ts';

function record(id: string, overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id,
    source: `${id}.txt`,
    format: 'text',
    date: '2025-04-27',
    headline: 'Troops deployed',
    summary: '',
    slug: 'troops-deployed',
    fingerprint: `${id}`.padEnd(16, 'f').slice(0, 16).replace(/[^0-9a-f]/g, 'a'),
    bodyHtml: '',
    text: '',
    wordCount: 0,
    readingMinutes: 1,
    tags: [],
    authors: [],
    draft: false,
    names: [],
    terms: [],
    removed: { leftovers: [], signOffs: [], furniture: [] },
    warnings: [],
    hash: id,
    ...overrides,
  };
}

/** Places `records` against `ledger` (a fresh one by default); every record is published. */
function place(records: ArticleRecord[], ledger = UrlLedger.empty(), published = new Set(records.map((r) => r.id))) {
  return placeRecords(records, { ledger, published: (id) => published.has(id), displayPath: (r) => r.source });
}
/** The ledger's file as it would be written. */
const written = (ledger: UrlLedger) => Buffer.concat(ledger.format()).toString();
const pathsById = (records: ArticleRecord[], ledger?: UrlLedger) => new Map(place(records, ledger).placed.map((r) => [r.id, r.path]));

describe('placeRecords', () => {
  it('gives scraped articles <slug>-<id>, so the wire sending one story twice yields two pages', () => {
    const { placed, problems } = place([record('8e7b29ad4a414b1e'), record('6b86b273ff34fce1')]);
    expect(placed.map((r) => r.path).sort()).toEqual(['2025/04/27/troops-deployed-6b86b273ff34fce1/', '2025/04/27/troops-deployed-8e7b29ad4a414b1e/']);
    expect(problems).toEqual([]);
  });

  it('uses the id alone when the text gives no words', () => {
    expect(place([record('abc', { slug: '' })]).placed[0]?.path).toBe('2025/04/27/abc/');
  });

  it('settles a clash of authored slugs by id, never by file order, and warns', () => {
    const a = record('alpha', { format: 'markdown', slug: 'launch', source: 'z/alpha.md' });
    const b = record('beta', { format: 'markdown', slug: 'launch', source: 'a/beta.md' });
    for (const order of [[a, b], [b, a]]) {
      const { placed, problems } = place(order);
      expect(new Map(placed.map((r) => [r.id, r.path]))).toEqual(new Map([['alpha', '2025/04/27/launch/'], ['beta', '2025/04/27/launch-beta/']]));
      expect(problems).toEqual([expect.objectContaining({ code: 'url-clash', file: 'a/beta.md' })]);
    }
  });

  it('does not give an authored article the segment "page", where day pagination lives', () => {
    expect(place([record('x', { format: 'markdown', slug: 'page' })]).placed[0]?.path).toBe('2025/04/27/page-x/');
  });

  it('never changes the URL of an existing scraped article when others are added or removed', () => {
    const existing = Array.from({ length: 30 }, (_, n) => record(`id${n}`, { slug: n % 3 === 0 ? 'same-story' : `story-${n}` }));
    const before = pathsById(existing);
    const added = [...existing, record('000', { slug: 'same-story' }), record('zzz', { slug: 'same-story' })];
    const removed = existing.filter((_, n) => n % 2 === 0);
    for (const changed of [pathsById(added), pathsById(removed)]) {
      for (const [id, path] of changed) if (before.has(id)) expect(path).toBe(before.get(id));
    }
  });

  it("never lets an authored slug take a scraped article's URL", () => {
    const scraped = record('8e7b29ad4a414b1e');
    const squatter = record('0000', { format: 'markdown', slug: 'troops-deployed-8e7b29ad4a414b1e', source: '0000.md' });
    const { placed, problems } = place([squatter, scraped]);
    expect(new Map(placed.map((r) => [r.id, r.path]))).toEqual(
      new Map([
        ['8e7b29ad4a414b1e', '2025/04/27/troops-deployed-8e7b29ad4a414b1e/'],
        ['0000', '2025/04/27/troops-deployed-8e7b29ad4a414b1e-0000/'],
      ]),
    );
    expect(problems).toHaveLength(1);
  });

  it('keeps the fallback of a clash unique too', () => {
    const a = record('a', { format: 'markdown', slug: 'x' });
    const b = record('b', { format: 'markdown', slug: 'x' });
    const c = record('c', { format: 'markdown', slug: 'x-b' });
    const paths = place([a, b, c]).placed.map((r) => r.path);
    expect(new Set(paths).size).toBe(3);
  });

  it('keeps ids that differ only in case or script apart', () => {
    const ids = ['ABC', 'abc', '记者', '编辑', 'Ünï'];
    const paths = place(ids.map((id) => record(id, { slug: 'same' }))).placed.map((r) => r.path);
    expect(new Set(paths).size).toBe(ids.length);
    for (const path of paths) expect(path).toMatch(/^2025\/04\/27\/[a-z0-9-]+\/$/);
  });

  it('orders records by date, then source path, then id', () => {
    const placed = place([record('c', { date: '2025-04-28', source: '001_c.txt' }), record('b', { source: '002_b.txt' }), record('a', { source: '003_a.txt' })]).placed;
    expect(placed.map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('placeRecords with the URL ledger', () => {
  it('records every URL it gives, and an article keeps it whatever its words say later (another rule, an edited lede)', () => {
    const ledger = UrlLedger.empty();
    expect(pathsById([record('a1')], ledger).get('a1')).toBe('2025/04/27/troops-deployed-a1/');
    expect(ledger.entry('a1')?.paths).toEqual(['2025/04/27/troops-deployed-a1/']);
    const edited = record('a1', { slug: 'army-units-sent', fingerprint: '0123456789abcdef' });
    expect(pathsById([edited], ledger).get('a1')).toBe('2025/04/27/troops-deployed-a1/');
    expect(ledger.entry('a1')).toEqual({ fingerprint: '0123456789abcdef', paths: ['2025/04/27/troops-deployed-a1/'] });
    expect(ledger.news().moved).toEqual([]);
  });

  it('moves the date of a corrected article and keeps the old URL as a former one', () => {
    const ledger = UrlLedger.empty();
    place([record('a1')], ledger);
    expect(pathsById([record('a1', { date: '2025-04-26', slug: 'other-words' })], ledger).get('a1')).toBe('2025/04/26/troops-deployed-a1/');
    expect(ledger.entry('a1')?.paths).toEqual(['2025/04/26/troops-deployed-a1/', '2025/04/27/troops-deployed-a1/']);
    expect(ledger.formerUrls()).toEqual([{ from: '2025/04/27/troops-deployed-a1/', id: 'a1' }]);
  });

  it('moves an authored article to the slug its author sets, and back to its old URL when the author changes their mind', () => {
    const ledger = UrlLedger.empty();
    const article = (slug: string) => record('note', { format: 'markdown', slug, source: 'note.md' });
    place([article('note')], ledger);
    expect(pathsById([article('corrections')], ledger).get('note')).toBe('2025/04/27/corrections/');
    expect(pathsById([article('note')], ledger).get('note')).toBe('2025/04/27/note/');
    expect(ledger.entry('note')?.paths).toEqual(['2025/04/27/note/', '2025/04/27/corrections/']);
  });

  it('never gives a later article a URL an earlier one had, even once the earlier one is deleted', () => {
    const ledger = UrlLedger.empty();
    place([record('a', { format: 'markdown', slug: 'launch', fingerprint: 'aaaaaaaaaaaaaaaa' })], ledger);
    // `a` is deleted; `b` wants the same slug the next day it is written.
    const { placed, problems } = place([record('b', { format: 'markdown', slug: 'launch', fingerprint: 'bbbbbbbbbbbbbbbb' })], ledger);
    expect(placed[0]?.path).toBe('2025/04/27/launch-b/');
    expect(problems[0]?.message).toContain('the article "a", which was published there');
  });

  it('knows a file renamed to another id by its text: the new id gets its own URL and the old URLs redirect to it', () => {
    const ledger = UrlLedger.empty();
    place([record('old1', { fingerprint: '1111111111111111' })], ledger);
    const renamed = record('new2', { fingerprint: '1111111111111111' });
    const { placed } = place([renamed], ledger, new Set(['new2']));
    expect(placed[0]?.path).toBe('2025/04/27/troops-deployed-new2/');
    expect(ledger.entry('old1')).toBeUndefined();
    expect(ledger.entry('new2')?.paths).toEqual(['2025/04/27/troops-deployed-new2/', '2025/04/27/troops-deployed-old1/']);
    // An authored article whose slug is set keeps its URL under its new name.
    place([record('draft-a', { format: 'markdown', slug: 'kursk', fingerprint: '2222222222222222' })], ledger);
    expect(place([record('final-a', { format: 'markdown', slug: 'kursk', fingerprint: '2222222222222222' })], ledger, new Set(['final-a'])).placed[0]?.path).toBe('2025/04/27/kursk/');
    expect(ledger.entry('final-a')?.paths).toEqual(['2025/04/27/kursk/']);
  });

  it('does not take the URLs of an article that is still published, however alike their text', () => {
    const ledger = UrlLedger.empty();
    place([record('first', { fingerprint: '3333333333333333' })], ledger);
    place([record('first', { fingerprint: '3333333333333333' }), record('resent', { fingerprint: '3333333333333333' })], ledger);
    expect(ledger.entry('first')?.paths).toEqual(['2025/04/27/troops-deployed-first/']);
    expect(ledger.entry('resent')?.paths).toEqual(['2025/04/27/troops-deployed-resent/']);
  });

  it('places drafts but records nothing of them: a draft has no published URL yet', () => {
    const ledger = UrlLedger.empty();
    expect(place([record('d', { draft: true })], ledger).placed[0]?.path).toBe('2025/04/27/troops-deployed-d/');
    expect(ledger.size).toBe(0);
  });
});

describe('the URL ledger file', () => {
  it('reads back what it writes: ids with tabs and line breaks, former URLs, the rule', () => {
    const ledger = UrlLedger.empty();
    place([record('odd\tid\n%', { slug: 'x' }), record('a1')], ledger);
    place([record('a1', { date: '2025-04-28' })], ledger);
    const again = UrlLedger.parse(written(ledger), 'urls.lock');
    expect(written(again)).toBe(written(ledger));
    expect(again.entry('odd\tid\n%')?.paths).toEqual([ledger.entry('odd\tid\n%')!.paths[0]]);
    expect(again.formerUrls()).toEqual([{ from: '2025/04/27/troops-deployed-a1/', id: 'a1' }]);
  });

  it('refuses a damaged ledger with the line and the reason, since building without it could move URLs', () => {
    const header = '# Dateline URL ledger, permalink rule 1\n';
    const line = (id: string, ...paths: string[]) => [id, 'aaaaaaaaaaaaaaaa', ...paths].join('\t');
    const cases: [string, RegExp][] = [
      ['not a ledger\n', /urls\.lock:1: is not a Dateline URL ledger/],
      [header.replace('rule 1', 'rule 9'), /urls\.lock:1: was written with permalink rule 9/],
      [`${header}<<<<<<< HEAD\n${line('a', '2025/04/27/a/')}\n=======\n`, /urls\.lock:2: holds an unresolved merge conflict/],
      [`${header}${line('a', '2025/04/27/a/')}\n${line('a', '2025/04/28/a/')}\n`, /urls\.lock:3: lists the article "a" again \(first on line 2\)/],
      [`${header}${line('a', '2025/04/27/x/')}\n${line('b', '2025/04/27/x/')}\n`, /urls\.lock:3: gives \/2025\/04\/27\/x\/ to "b", but line 2 gives it to "a"/],
      [`${header}${line('a', '../../etc/')}\n`, /urls\.lock:2: "..\/..\/etc\/" is not an article's URL path/],
      [`${header}a\tnot-hex\t2025/04/27/a/\n`, /urls\.lock:2: is not "id, fingerprint, URL path/],
    ];
    for (const [text, message] of cases) expect(() => UrlLedger.parse(text, 'urls.lock')).toThrow(message);
  });
});

describe('a ledger read as its last build wrote it (only indexed, lines read when looked up)', () => {
  it('answers every lookup and writes the same file as one checked line by line, over random changes', () => {
    const next = random(1207);
    const base = UrlLedger.empty();
    const id = (n: number) => (n % 17 === 0 ? `odd\t${n}%` : `a${String(n).padStart(4, '0')}`);
    const fingerprint = (n: number) => (n % 5).toString(16).repeat(16);
    for (let n = 0; n < 300; n++) base.record(id(n), `2025/04/${String(1 + (n % 28)).padStart(2, '0')}/story-${n}/`, fingerprint(n));
    for (let n = 0; n < 300; n += 7) base.record(id(n), `2025/05/01/story-${n}/`, fingerprint(n));
    const text = written(base);
    const trusted = UrlLedger.parse(text, 'urls.lock', { formers: base.formerUrls() });
    const checked = UrlLedger.parse(text, 'urls.lock');
    expect(written(trusted)).toBe(text);
    for (let step = 0; step < 400; step++) {
      const n = Math.floor(next() * 340);
      const roll = next();
      const both = (act: (ledger: UrlLedger) => unknown) => expect(act(trusted), `step ${step}`).toEqual(act(checked));
      if (roll < 0.25) both((ledger) => ledger.entry(id(n)));
      else if (roll < 0.5) both((ledger) => ledger.holder(`2025/04/${String(1 + (n % 28)).padStart(2, '0')}/story-${n}/`));
      else if (roll < 0.65) both((ledger) => ledger.withFingerprint(fingerprint(n)));
      else if (roll < 0.85) {
        const path = `2025/06/${String(1 + (n % 28)).padStart(2, '0')}/story-${n}/`;
        both((ledger) => (ledger.holder(path) ?? id(n)) === id(n) && ledger.record(id(n), path, fingerprint(n + step)));
      } else if (trusted.entry(id(n)) !== undefined && trusted.entry(`new-${n}`) === undefined) {
        both((ledger) => ledger.adopt(id(n), `new-${n}`));
      }
    }
    expect(trusted.formerUrls()).toEqual(checked.formerUrls());
    expect(trusted.size).toBe(checked.size);
    expect(written(trusted)).toBe(written(checked));
    expect(written(UrlLedger.parse(written(trusted), 'urls.lock'))).toBe(written(trusted));
  });
});
