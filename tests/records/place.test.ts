import { describe, expect, it } from 'vitest';
import { UrlLedger, type LedgerFiles } from '../../src/ledger/ledger.ts';
import { monthOf } from '../../src/ledger/shard.ts';
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
/** A ledger's files in memory: month → text. */
type Files = Map<string, string>;
function filesOf(files: Files): LedgerFiles {
  return { months: [...files.keys()].sort(), read: (month) => Buffer.from(files.get(month)!), name: (month) => `${month}.lock` };
}
/** The ledger's files once its changes are written over `files` (both rounds, or the first only: a write cut short). */
function written(ledger: UrlLedger, files: Files = new Map(), rounds: 1 | 2 = 2): Files {
  const after = new Map(files);
  const { first, then } = ledger.writes();
  for (const round of rounds === 2 ? [first, then] : [first]) {
    for (const [month, pieces] of round) {
      if (pieces === undefined) after.delete(month);
      else after.set(month, Buffer.concat(pieces).toString());
    }
  }
  return new Map([...after].sort(([a], [b]) => (a < b ? -1 : 1)));
}
const checked = (files: Files) => UrlLedger.checked(filesOf(files));
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
    expect(ledger.changed).toBe(false);
  });
});

describe('the URL ledger files', () => {
  it('reads back what it writes, a file a month: ids with tabs and line breaks, former URLs, the rule', () => {
    const ledger = UrlLedger.empty();
    place([record('odd\tid\n%', { slug: 'x' }), record('a1'), record('m5', { date: '2025-05-02' })], ledger);
    place([record('a1', { date: '2025-06-01' })], ledger);
    const files = written(ledger);
    expect([...files.keys()]).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(files.get('2025-06')).toContain('a1\ta1ffffffffffffff\t2025/06/01/troops-deployed-a1/\t2025/04/27/troops-deployed-a1/\n');
    const again = checked(files);
    expect(again.changed).toBe(false);
    expect(again.entry('odd\tid\n%')).toEqual(ledger.entry('odd\tid\n%'));
    expect(again.entry('m5')).toEqual(ledger.entry('m5'));
    expect(again.formerUrls()).toEqual([{ from: '2025/04/27/troops-deployed-a1/', id: 'a1' }]);
    expect(again.holder('2025/04/27/troops-deployed-a1/')).toBe('a1');
  });

  it('refuses a damaged file with the line and the reason, since building without it could move URLs', () => {
    const header = '# Dateline URL ledger, permalink rule 1\n';
    const line = (id: string, ...paths: string[]) => [id, 'aaaaaaaaaaaaaaaa', ...paths].join('\t');
    const cases: [Record<string, string>, RegExp][] = [
      [{ '2025-04': 'not a ledger\n' }, /2025-04\.lock:1: is not a Dateline URL ledger/],
      [{ '2025-04': header.replace('rule 1', 'rule 9') }, /2025-04\.lock:1: was written with permalink rule 9/],
      [{ '2025-04': `${header}<<<<<<< HEAD\n${line('a', '2025/04/27/a/')}\n=======\n` }, /2025-04\.lock:2: holds an unresolved merge conflict/],
      [{ '2025-04': `${header}${line('a', '2025/04/27/a/')}\n${line('a', '2025/04/28/a/')}\n` }, /2025-04\.lock:3: lists the article "a" again \(first on line 2\)/],
      [{ '2025-04': `${header}${line('a', '2025/04/27/x/')}\n${line('b', '2025/04/27/x/')}\n` }, /2025-04\.lock:3: gives \/2025\/04\/27\/x\/ to "b", but line 2 gives it to "a"/],
      [{ '2025-04': `${header}${line('a', '../../etc/')}\n` }, /2025-04\.lock:2: "..\/..\/etc\/" is not an article's URL path/],
      [{ '2025-04': `${header}a\tnot-hex\t2025/04/27/a/\n` }, /2025-04\.lock:2: is not "id, fingerprint, URL path/],
      // A page is a folder named by its segment: one longer than a file system allows would stop the whole site.
      [{ '2025-04': `${header}${line('a', '2025/04/27/a/', `2025/04/27/${'z'.repeat(300)}/`)}\n` }, /2025-04\.lock:2: "2025\/04\/27\/z+…" has a segment of 300 characters/],
      // Across files: only what a write cut short leaves (one line holding every URL of the other) is settled.
      [{ '2025-04': `${header}${line('a', '2025/04/27/a/')}\n`, '2025-05': `${header}${line('a', '2025/05/01/a/')}\n` }, /2025-05\.lock:2: lists the article "a" with other URLs than another file does \(2025-04\.lock:2\)/],
      [{ '2025-04': `${header}${line('a', '2025/04/27/a/', '2025/05/03/x/')}\n`, '2025-05': `${header}${line('b', '2025/05/03/x/', '2025/05/04/y/')}\n` }, /2025-05\.lock:2: gives \/2025\/05\/03\/x\/ to "b", but another file gives it to "a" \(2025-04\.lock:2\)/],
    ];
    for (const [files, message] of cases) expect(() => checked(new Map(Object.entries(files)))).toThrow(message);
  });

  it('leaves every URL recorded when its write is cut short between its two rounds, and the next read settles it', () => {
    const ledger = UrlLedger.empty();
    place([record('x', { date: '2025-04-03' }), record('y', { date: '2025-05-03' }), record('old', { date: '2025-04-09', fingerprint: '1111111111111111' })], ledger);
    const before = written(ledger);
    // x and y trade months (each file gains one line and loses another), and "old" is renamed to "new" with a corrected date.
    const moving = checked(before);
    place([record('x', { date: '2025-05-05' }), record('y', { date: '2025-04-05' })], moving, new Set(['x', 'y', 'new']));
    moving.gone('old');
    place([record('new', { date: '2025-05-09', fingerprint: '1111111111111111' })], moving, new Set(['x', 'y', 'new']));
    const whole = written(moving, before);
    const cut = written(moving, before, 1);
    expect(cut).not.toEqual(whole);
    const settled = checked(cut);
    for (const id of ['x', 'y', 'new', 'old']) expect(settled.entry(id), id).toEqual(checked(whole).entry(id));
    expect(settled.formerUrls()).toEqual(checked(whole).formerUrls());
    // Settling writes what the whole write would have.
    expect(written(settled, cut)).toEqual(whole);
  });

  it('moves a line found in another month than its URL\'s to its month', () => {
    const header = '# Dateline URL ledger, permalink rule 1\n';
    const files: Files = new Map([['2025-04', `${header}a\taaaaaaaaaaaaaaaa\t2025/05/01/a/\n`]]);
    const ledger = checked(files);
    expect(ledger.entry('a')?.paths).toEqual(['2025/05/01/a/']);
    expect([...written(ledger, files).keys()]).toEqual(['2025-05']);
  });
});

describe('a ledger read as its last build wrote it (a month at a time, lines read when looked up)', () => {
  it('answers every lookup and writes the same files as one read whole, over random changes', () => {
    const next = random(1207);
    const base = UrlLedger.empty();
    const id = (n: number) => (n % 17 === 0 ? `odd\t${n}%` : `a${String(n).padStart(4, '0')}`);
    const fingerprint = (n: number) => (n % 5).toString(16).repeat(16);
    const day = (n: number) => String(1 + (n % 28)).padStart(2, '0');
    for (let n = 0; n < 300; n++) base.record(id(n), `2025/0${4 + (n % 3)}/${day(n)}/story-${n}/`, fingerprint(n));
    for (let n = 0; n < 300; n += 7) base.record(id(n), `2025/07/01/story-${n}/`, fingerprint(n));
    const published = new Set(Array.from({ length: 300 }, (_, n) => id(n)).filter((_, n) => n % 11 !== 0));
    const isPublished = (one: string) => published.has(one);
    const files = written(base);
    const summary = base.summary(isPublished);
    const locate = (one: string) => (published.has(one) ? monthOf(base.entry(one)!.paths[0]!) : undefined);
    const trusted = UrlLedger.trusted(filesOf(files), summary, locate);
    const whole = checked(files);
    expect(whole.summary(isPublished)).toEqual(summary);
    for (let step = 0; step < 500; step++) {
      const n = Math.floor(next() * 340);
      const roll = next();
      const both = (act: (ledger: UrlLedger) => unknown) => expect(act(trusted), `step ${step}`).toEqual(act(whole));
      if (roll < 0.2) both((ledger) => ledger.entry(id(n)));
      else if (roll < 0.4) both((ledger) => ledger.holder(`2025/0${4 + (n % 4)}/${day(n)}/story-${n}/`));
      else if (roll < 0.5) both((ledger) => ledger.withFingerprint(fingerprint(n), isPublished));
      else if (roll < 0.6 && published.has(id(n))) {
        both((ledger) => ledger.gone(id(n)));
        published.delete(id(n));
      } else if (roll < 0.85) {
        const path = `2025/0${4 + Math.floor(next() * 5)}/${day(n)}/story-${n}/`;
        if ((trusted.holder(path) ?? id(n)) === id(n)) {
          both((ledger) => ledger.record(id(n), path, fingerprint(n + step)));
          published.add(id(n));
        }
      } else if (!published.has(id(n)) && trusted.entry(id(n)) !== undefined && trusted.entry(`new-${n}`) === undefined) {
        both((ledger) => ledger.adopt(id(n), `new-${n}`));
        published.add(`new-${n}`);
      }
    }
    expect(trusted.formerUrls()).toEqual(whole.formerUrls());
    expect(trusted.summary(isPublished)).toEqual(whole.summary(isPublished));
    expect(written(trusted, files)).toEqual(written(whole, files));
    expect(written(checked(written(trusted, files)), written(trusted, files))).toEqual(written(trusted, files));
  });
});
