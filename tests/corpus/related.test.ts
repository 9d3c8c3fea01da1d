import { describe, expect, it } from 'vitest';
import { ArchiveRows, type RowData } from '../../src/archive/rows.ts';
import { storyKey } from '../../src/archive/row.ts';
import { affectedByChanges, archiveScale, featureIndex, featuresOf, featureWeight, RELATED_DEFAULTS, relatedOf, scoreNeeded, type RelatedSettings } from '../../src/corpus/related.ts';
import { random } from '../helpers/random.ts';

/** Rows with random terms and topics from small vocabularies, in order. */
function rows(next: () => number, count: number, offset = 0): RowData[] {
  return Array.from({ length: count }, (_, index) => {
    const pick = (vocabulary: number, size: number) => [...new Set(Array.from({ length: size }, () => Math.floor(next() * vocabulary)))];
    return { order: `1987-03-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}\u0000${String(offset + index).padStart(6, '0')}`, no: offset + index, rank: 0, authored: false, terms: pick(400, 6), authors: [], topics: pick(40, 2), related: [], story: [offset + index + 1] };
  });
}

describe('related articles, updated', () => {
  it('weighs a feature by its rarity in half-bit steps, so one more article rarely moves a weight', () => {
    expect(archiveScale(19_043)).toBe(32_768);
    expect(featureWeight(2, 19_043)).toBe(14);
    expect(featureWeight(5000, 19_043)).toBe(2.5);
    expect(featureWeight(5001, 19_044)).toBe(featureWeight(5000, 19_043));
  });

  it.each([30, 1])('recomputes exactly the lists that change: after random adds, removals, edits and re-sends, the affected lists are all that differ (window %i)', (window) => {
    const settings = { ...RELATED_DEFAULTS, window };
    const relatedAll = (archive: ArchiveRows) => {
      const index = featureIndex(archive);
      return Array.from({ length: archive.length }, (_, position) => `${archive.no[position]}: ${relatedOf(index, position, settings).map((other) => archive.no[other]).join(',')}`);
    };
    const next = random(7);
    let differing = 0;
    for (let trial = 0; trial < 40; trial++) {
      const before = ArchiveRows.of(rows(next, 120).sort((a, b) => (a.order < b.order ? -1 : 1)));
      // Change a few: remove some, add some (one a copy of an article, sent again), replace some with other features (same no).
      const removed = new Set(Array.from({ length: 3 }, () => Math.floor(next() * before.length)));
      const copied = Math.floor(next() * before.length);
      const added = [...rows(next, 2, 1000), { ...rows(next, 1, 1002)[0]!, order: `${before.orders[copied]!.slice(0, 10)}\u0000${1002}`, terms: before.terms.at(copied), topics: before.topics.at(copied) }];
      const edited = [...removed].slice(0, 1).map((at) => ({ ...rows(next, 1, 0)[0]!, order: before.orders[at]!, no: before.no[at]! }));
      const after = before.merge(removed, [...added, ...edited]);
      const beforeLists = relatedAll(before);
      const afterLists = relatedAll(after);
      const index = featureIndex(after);
      const changes = [
        ...[...removed].map((at) => ({
          before: { order: before.orders[at]!, features: featuresOf(before.topics.at(at), before.terms.at(at)) },
          ...(edited.some((row) => row.no === before.no[at]) ? { after: { order: before.orders[at]!, features: featuresOf(edited[0]!.topics, edited[0]!.terms) } } : {}),
        })),
        ...added.map((row) => ({ after: { order: row.order, features: featuresOf(row.topics, row.terms) } })),
      ];
      const affected = affectedByChanges(index, changes, before.length, settings);
      if (affected === 'all') continue;
      // Every list that differs is among the affected ones.
      const old = new Map(beforeLists.map((line) => [line.split(':')[0], line]));
      afterLists.forEach((line, position) => {
        if (old.get(line.split(':')[0]) !== line) differing++;
        if (old.get(line.split(':')[0]) !== line) expect(affected.has(position) || added.some((row) => row.no === after.no[position]) || edited.some((row) => row.no === after.no[position]), `trial ${trial}: ${line}`).toBe(true);
      });
    }
    expect(differing).toBeGreaterThan(100); // the changes did move lists
  });

  it('treats every list as affected when the archive crosses a power of two (all weights move)', () => {
    const next = random(3);
    expect(affectedByChanges(featureIndex(ArchiveRows.of(rows(next, 129))), [], 128)).toBe('all');
    expect(affectedByChanges(featureIndex(ArchiveRows.of(rows(next, 127))), [], 126)).not.toBe('all');
  });
});

/**
 * An archive of literal articles: each a date, its key terms and its topics, as words. Before
 * them, `background.count` articles of 1987 with common words, and with the `words` and `topics`
 * given in as many of them as given, so that the words are as rare as in a real archive (the
 * Reuters corpus's counts, where they matter).
 */
function archiveOf(articles: readonly { id: string; date: string; terms: string; topics?: string; headline?: string }[], background: { count: number; words?: Record<string, number>; topics?: Record<string, number> } = { count: 0 }) {
  const ids = new Map<string, number>();
  const idOf = (word: string) => ids.get(word) ?? ids.set(word, ids.size).get(word)!;
  const common = 'company said market pct year share price dlr mln official week'.split(' ');
  // Each word in its own spread of the background articles, so that rare words do not meet by design.
  const sprinkle = (counts: Record<string, number> | undefined, at: number) => Object.entries(counts ?? {}).flatMap(([word, count], nth) => (((at + nth * 4001) * 7919) % background.count < count ? [word] : []));
  const all = [
    ...Array.from({ length: background.count }, (_, at) => ({
      id: `bg${at}`,
      date: `1987-0${1 + (at % 9)}-${String(1 + (at % 28)).padStart(2, '0')}`,
      terms: [...common.filter((_, word) => (at + word) % 3 !== 0), ...sprinkle(background.words, at)].join(' '),
      topics: [...(at % 2 === 0 ? ['United States'] : []), ...sprinkle(background.topics, at)].join(', '),
    })),
    ...articles,
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  const split = (words: string | undefined, by: RegExp) => (words ? words.split(by).filter(Boolean) : []);
  const rows = ArchiveRows.of(
    all.map((article, no) => ({
      order: `${article.date}\u0000${article.id}`,
      no,
      rank: 0,
      authored: false,
      terms: split(article.terms, / +/).map(idOf),
      authors: [],
      topics: split(article.topics, /, */).map((topic) => idOf(`topic:${topic}`)),
      related: [],
      story: [storyKey('headline' in article && article.headline !== undefined ? article.headline : article.id)],
    })),
  );
  const index = featureIndex(rows);
  const relatedTo = (id: string, settings?: RelatedSettings) => relatedOf(index, all.findIndex((article) => article.id === id), settings).map((other) => all[other]!.id);
  return { rows, relatedTo };
}

/** About the Reuters corpus's size and counts (articles with the word among their key terms, or naming the topic). */
const REUTERS = {
  count: 19_000,
  words: { military: 90, force: 120, korea: 90, korean: 30, tire: 45, rubber: 80, producer: 500, export: 1200, stock: 1500, buffer: 40, delegate: 100, rule: 150, council: 120, cocoa: 90, price: 3000, board: 700, declared: 180, dividend: 600, payable: 250, holder: 180, record: 1000, qtly: 700 },
  topics: { Western: 120, London: 500 },
};

describe('related articles that relate', () => {
  // 1987 news on the Gulf war and South Korea's trade, as the Reuters corpus has.
  const gulf = Array.from({ length: 30 }, (_, at) => ({ id: `gulf${at}`, date: `1987-10-${String(1 + (at % 28)).padStart(2, '0')}`, terms: 'gulf iran tanker military attack platform', topics: 'Western' }));
  const korea = Array.from({ length: 10 }, (_, at) => ({ id: `korea${at}`, date: `1987-04-${String(1 + at).padStart(2, '0')}`, terms: 'korea korean south seoul trade surplus' }));

  it('lists nothing for a lone modern article that shares only a few fairly common words and a topic with old ones', () => {
    const northKorea = { id: 'north-korea', date: '2025-04-27', terms: 'north korean korea russia ukrainian kursk troop military force operation pyongyang zelenskyy soldier', topics: 'Western' };
    const { relatedTo } = archiveOf([...gulf, ...korea, northKorea], REUTERS);
    expect(relatedTo('north-korea')).toEqual([]);
    // The old rule, any two features shared, listed the Gulf war and South Korea's trade.
    expect(relatedTo('north-korea', { ...RELATED_DEFAULTS, commonLevel: 0, minScore: 0 })).toHaveLength(5);
  });

  it('relates articles that share a topic and uncommon words, best first', () => {
    const cocoa = [
      { id: 'cocoa-talks', date: '1987-03-16', terms: 'cocoa buffer stock delegate producer rule', topics: 'International Cocoa Organization, London' },
      { id: 'cocoa-rules', date: '1987-03-25', terms: 'cocoa buffer stock rule council', topics: 'International Cocoa Organization' },
      { id: 'cocoa-price', date: '1987-03-27', terms: 'cocoa buffer price differential', topics: 'International Cocoa Organization' },
      { id: 'coffee', date: '1987-03-20', terms: 'coffee quota producer export', topics: 'International Coffee Organization, London' },
    ];
    const { relatedTo } = archiveOf([...cocoa, ...gulf], REUTERS);
    expect(relatedTo('cocoa-talks')).toEqual(['cocoa-rules', 'cocoa-price']);
    expect(relatedTo('coffee')).toEqual([]);
  });

  it('does not relate articles that share only common words, however many', () => {
    const dividends = Array.from({ length: 100 }, (_, at) => ({ id: `dividend${at}`, date: `1987-03-${String(1 + (at % 28)).padStart(2, '0')}`, terms: `board declared dividend payable holder record qtly company${at}` }));
    const { relatedTo } = archiveOf(dividends, REUTERS);
    for (const { id } of dividends) expect(relatedTo(id)).toEqual([]);
  });

  it('relates articles that share a strong set of rare terms, with no topic, and not for two fairly common ones', () => {
    const armtek = [
      { id: 'armtek-sells', date: '1987-03-02', terms: 'armtek armstrong rubber tire division dyneer sell' },
      { id: 'armtek-done', date: '1987-03-16', terms: 'armtek armstrong rubber tire natchez condere sale' },
      { id: 'tyre-maker', date: '1987-03-10', terms: 'tire goodyear rubber plant' },
    ];
    const { relatedTo } = archiveOf([...armtek, ...gulf], REUTERS);
    expect(relatedTo('armtek-sells')).toEqual(['armtek-done']);
  });

  it('asks a score that grows with the archive, from a few shared words in a small one', () => {
    expect(scoreNeeded(301)).toBe(4);
    expect(scoreNeeded(19_043)).toBe(12);
    expect(scoreNeeded(100_000)).toBeCloseTo(14.67, 2);
    const story = [
      { id: 'old', date: '2025-01-01', terms: 'drone strike', topics: 'Kursk' },
      { id: 'new', date: '2025-01-05', terms: 'drone strike', topics: 'Kursk' },
      { id: 'one', date: '2025-01-06', terms: 'drone weather' },
      { id: 'me', date: '2025-01-03', terms: 'drone strike border', topics: 'Kursk' },
      { id: 'far', date: '2025-01-04', terms: 'weather rain' },
    ];
    const { relatedTo } = archiveOf(story);
    // Newer first on equal scores; one shared word is not enough.
    expect(relatedTo('me')).toEqual(['new', 'old']);
    expect(relatedTo('far')).toEqual([]);
  });

  it('returns at most `limit` articles and finds them only `window` articles either way in a long feature list', () => {
    const story = Array.from({ length: 30 }, (_, at) => ({ id: `r${String(at).padStart(2, '0')}`, date: `1987-01-${String(at + 1).padStart(2, '0')}`, terms: `flood dam yangtze levee day${at}` }));
    const { relatedTo } = archiveOf(story, REUTERS);
    expect(relatedTo('r10', { ...RELATED_DEFAULTS, limit: 3, window: 2 })).toEqual(['r12', 'r11', 'r09']);
  });

  it('counts a rare feature wherever the two articles are, a fairly common one only near the article (`window`)', () => {
    // `henley` and `santa` only these have (short lists, read whole); `railroad`, `freight`, `carload`, `merger` about 60 articles each.
    const common = 'railroad freight carload merger';
    const articles = [
      { id: 'henley-bear', date: '1987-04-24', terms: 'henley santa bear stearns' },
      { id: 'henley-ends', date: '1987-10-19', terms: 'henley santa ended talk' },
      { id: 'rail-march', date: '1987-03-02', terms: `${common} march` },
      { id: 'rail-next-day', date: '1987-03-03', terms: `${common} next` },
      { id: 'rail-august', date: '1987-08-20', terms: `${common} august` },
    ];
    const words = { ...REUTERS.words, railroad: 60, freight: 60, carload: 60, merger: 60 };
    const { relatedTo } = archiveOf(articles, { ...REUTERS, words });
    const settings = { ...RELATED_DEFAULTS, window: 3 };
    expect(relatedTo('henley-bear', settings)).toEqual(['henley-ends']);
    expect(relatedTo('rail-march', settings)).toEqual(['rail-next-day']);
  });

  it('relates articles that share no topic only by a strong set of rare terms: words typical of one kind of story are not enough', () => {
    // About the Reuters counts of `narrowed`, `recorded`, `surplus`, `central`: two balance-of-payments reports score 14.
    const background = { ...REUTERS, words: { ...REUTERS.words, narrowed: 14, recorded: 45, surplus: 180, central: 500 }, topics: { ...REUTERS.topics, Bangladesh: 40 } };
    const reports = [
      { id: 'bangladesh', date: '1987-03-25', terms: 'narrowed recorded surplus central payment' },
      { id: 'chile', date: '1987-04-09', terms: 'narrowed recorded surplus central trade' },
    ];
    expect(archiveOf(reports, background).relatedTo('bangladesh')).toEqual([]);
    // The same words and a topic: related.
    const withTopic = reports.map((report) => ({ ...report, topics: 'Bangladesh' }));
    expect(archiveOf(withTopic, background).relatedTo('bangladesh')).toEqual(['chile']);
  });

  it('does not list the article itself sent again (the same features, the same day or the next), nor one story twice', () => {
    const cmo = 'salomon cmo trust collateralized mortgage obligation tranche';
    const articles = [
      { id: 'cmo', date: '1987-03-12', terms: cmo, topics: 'Salomon Brothers' },
      { id: 'cmo-again', date: '1987-03-12', terms: cmo, topics: 'Salomon Brothers' },
      { id: 'cmo-next-day', date: '1987-03-13', terms: cmo, topics: 'Salomon Brothers' },
      { id: 'cmo-raised', date: '1987-03-16', terms: `${cmo} raised`, topics: 'Salomon Brothers' },
      { id: 'cmo-raised-again', date: '1987-03-16', terms: `${cmo} raised`, topics: 'Salomon Brothers' },
      // The same words two days on: a report series, each day its own news, so related.
      { id: 'cmo-series', date: '1987-03-15', terms: cmo, topics: 'Salomon Brothers' },
    ];
    const { relatedTo } = archiveOf(articles, REUTERS);
    expect(relatedTo('cmo')).toEqual(['cmo-raised-again', 'cmo-series']);
    expect(relatedTo('cmo-raised')).toEqual(['cmo-series', 'cmo-next-day']);
  });

  it('does not list a re-send under the same headline with other words (a longer or shorter version, a correction), nor any other article a reader would read as the same', () => {
    const cmo = 'salomon cmo trust collateralized mortgage obligation tranche';
    const headline = 'Salomon Brothers prices a 500 mln dlr CMO';
    const articles = [
      { id: 'cmo', date: '1987-03-12', terms: cmo, topics: 'Salomon Brothers', headline },
      { id: 'cmo-longer', date: '1987-03-13', terms: `${cmo} coupon maturity`, topics: 'Salomon Brothers', headline: `${headline}…` },
      { id: 'cmo-other-story', date: '1987-03-13', terms: `${cmo} raised`, topics: 'Salomon Brothers', headline: 'Salomon Brothers raises its CMO' },
      // The same headline a month on (a report series whose headline leaves out the figures) reads as the same story too.
      { id: 'cmo-month-on', date: '1987-04-14', terms: `${cmo} coupon`, topics: 'Salomon Brothers', headline },
    ];
    const { relatedTo } = archiveOf(articles, REUTERS);
    expect(relatedTo('cmo')).toEqual(['cmo-other-story']);
    expect(relatedTo('cmo-longer')).toEqual(['cmo-other-story']);
    // And one story is listed once, under whichever version is nearer.
    expect(relatedTo('cmo-other-story')).toEqual(['cmo-month-on']);
  });
});
