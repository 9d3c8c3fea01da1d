// The archive's search index, for the search page (dateline.js) and the tests, which run it in Node.
// No DOM here: only Pagefind's API and fetch.

/**
 * The archive's search index: Pagefind's runtime (the module `pagefind`, loaded from `folder`) with
 * the segments listed in segments.json merged in (see src/search/segments.ts). Result URLs start
 * with `baseUrl`, the site root's path. Versions of articles that were edited or deleted since their
 * segment was written are dead: their Pagefind ids are listed, and dropped from every result.
 */
export async function openIndex(pagefind, folder, baseUrl) {
  const manifest = await (await fetch(new URL('segments.json', folder))).json();
  await pagefind.options({ basePath: folder.href, baseUrl, excerptLength: EXCERPT_WORDS, excerptEllipsis: '…' });
  for (const segment of manifest.segments) await pagefind.mergeIndex(new URL(`${segment}/`, folder).href, { baseUrl });
  const dead = new Set(manifest.dead);
  const live = (results) => results.filter((result) => !dead.has(result.id));
  return {
    /** Filter values with their counts, less the dead versions' (the segment filter is internal). */
    async filters() {
      const counts = await pagefind.filters();
      delete counts.seg;
      for (const [name, values] of Object.entries(manifest.deadFilters ?? {})) {
        for (const [value, count] of Object.entries(values)) {
          if (counts[name]?.[value] === undefined) continue;
          counts[name][value] -= count;
          if (counts[name][value] <= 0) delete counts[name][value];
        }
      }
      return counts;
    },
    /**
     * Articles holding every word of the query (or every quoted phrase), best first. Words are
     * matched whole, by their stem (`prices` finds `price`), never as word beginnings: Pagefind's
     * prefix matching falls back, in an index that lacks a word, to a shorter word the query starts
     * with, so a segmented index would find other articles than a whole one. Each word is searched
     * as an exact phrase and the results joined here, and ranked here (see {@link termScore}) from
     * what each article's result says before its text is loaded — so the order does not depend on
     * how the index is segmented, and Pagefind's own ranking (per segment) is not used.
     */
    async search(query, filters) {
      const phrases = phrasesOf(query);
      if (phrases.length === 0) return { count: 0, next: async () => [] };
      // Which articles match: each word or phrase exactly (by stem), all of them.
      const lists = await Promise.all(phrases.map(async (phrase) => live((await pagefind.search(`"${phrase}"`, { filters })).results)));
      let members = new Set(lists[0].map((result) => result.id));
      for (const list of lists.slice(1)) members = new Set(list.filter((result) => members.has(result.id)).map((result) => result.id));
      // How often each article's prose says each word: Pagefind's locations from its ordinary search, read for members only.
      const stemmed = await Promise.all(
        phrases.map(async (phrase) => (phrase.includes(' ') ? new Map() : new Map((await pagefind.search(phrase, { filters })).results.filter((result) => members.has(result.id)).map((result) => [result.id, result])))),
      );
      const frequencies = stemmed.map((results) => new Map([...results].map(([id, result]) => [id, result.words?.length ?? 0])));
      const articles = Math.max(1, manifest.articles ?? 1);
      const exact = lists.map((list) => new Map(list.map((result) => [result.id, result])));
      const scored = [...members].map((id) => {
        let score = 0;
        lists.forEach((list, index) => {
          const idf = Math.log(1 + (articles - list.length + 0.5) / (list.length + 0.5));
          score += idf * termScore(exact[index].get(id), frequencies[index].get(id) ?? 0);
        });
        return { id, score };
      });
      const byId = exact[0];
      scored.sort((a, b) => b.score - a.score);
      // Results that tie on their score come newest first, then by URL: that needs their data, so a
      // tie is settled when a page of results reaches it (Pagefind's ids differ from one index to another).
      const loaded = new Map();
      const dataOf = (id) => {
        if (!loaded.has(id)) loaded.set(id, byId.get(id).data());
        return loaded.get(id);
      };
      const settled = new Set();
      const settle = async (from, to) => {
        for (let at = from; at < to; ) {
          let start = at;
          while (start > 0 && scored[start - 1].score === scored[at].score) start--;
          let end = at + 1;
          while (end < scored.length && scored[end].score === scored[at].score) end++;
          if (end - start > 1 && !settled.has(start)) {
            const tied = await Promise.all(scored.slice(start, end).map(async (entry) => ({ entry, data: await dataOf(entry.id) })));
            tied.sort((a, b) => (a.data.meta.date !== b.data.meta.date ? (a.data.meta.date < b.data.meta.date ? 1 : -1) : a.data.url < b.data.url ? -1 : a.data.url > b.data.url ? 1 : 0));
            tied.forEach(({ entry }, offset) => (scored[start + offset] = entry));
            settled.add(start);
          }
          at = end;
        }
      };
      // Pages are taken one after another, even when asked for at once.
      let taking = Promise.resolve();
      let at = 0;
      return {
        count: scored.length,
        next(size) {
          const page = taking.then(async () => {
            const from = at;
            at = Math.min(scored.length, at + size);
            await settle(from, at);
            return Promise.all(
              scored.slice(from, at).map(async ({ id }) => {
                // Pagefind marks the words of the one search the data came from: every word of the query is marked, in the stretch that holds most of them.
                const data = await dataOf(id);
                const locations = [...exact, ...stemmed].flatMap((results) => results.get(id)?.words ?? []);
                return data.raw_content === undefined ? data : { ...data, excerpt: excerptOf(data.raw_content, locations, EXCERPT_WORDS, '…') };
              }),
            );
          });
          taking = page.catch(() => undefined);
          return page;
        },
      };
    },
    /**
     * Newest first across segments: Pagefind sorts each segment on its own, so each is searched
     * apart (by its `seg` filter) and the sorted lists are merged, loading only the results shown
     * and the next one of each list. Dates tie-break by URL, as Pagefind's sort key does.
     */
    async newestFirst(filters) {
      const lists = await Promise.all(
        manifest.segments.map(async (segment) => live((await pagefind.search(null, { filters: { ...filters, seg: segment }, sort: { date: 'desc' } })).results)),
      );
      const heads = lists.map(() => undefined);
      const at = lists.map(() => 0);
      const head = async (list) => {
        if (heads[list] === undefined && at[list] < lists[list].length) {
          const data = await lists[list][at[list]].data();
          heads[list] = { data, key: `${data.meta.date ?? ''} ${data.url}` };
        }
        return heads[list];
      };
      // Pages are taken one after another, even when asked for at once (a double click on "More").
      let taking = Promise.resolve();
      const take = async (size) => {
        const page = [];
        while (page.length < size) {
          let best;
          for (let list = 0; list < lists.length; list++) {
            const candidate = await head(list);
            if (candidate && (best === undefined || candidate.key > heads[best].key)) best = list;
          }
          if (best === undefined) break;
          page.push(heads[best].data);
          heads[best] = undefined;
          at[best]++;
        }
        return page;
      };
      return {
        count: lists.reduce((sum, list) => sum + list.length, 0),
        next(size) {
          const page = taking.then(() => take(size));
          taking = page.catch(() => undefined);
          return page;
        },
      };
    },
  };
}

/** Words an excerpt quotes, and how many of them come before its first match. */
const EXCERPT_WORDS = 30;
const LEAD_IN = 4;

/**
 * An excerpt of `content` (Pagefind's text of the article, `<` and `>` already escaped): the
 * `length` words that hold most of the matched words (`locations`, word positions as Pagefind
 * counts them), each marked, with `ellipsis` where the text goes on before or after. Pagefind's own
 * excerpt, word for word, but with the locations of every word of the query.
 */
export function excerptOf(content, locations, length, ellipsis) {
  const zeroWidth = content.includes('\u200B');
  const words = zeroWidth ? content.split('\u200B') : content.split(/[^\S\uFEFF]+/g);
  const marked = new Set(locations);
  const span = Math.min(length, words.length);
  // Windows that open a few words before a match: the one holding most matches, the first of equals.
  const sorted = [...marked].sort((a, b) => a - b);
  let start = 0;
  let best = 0;
  for (let first = 0, last = 0; first < sorted.length; first++) {
    const from = Math.max(0, Math.min(sorted[first] - LEAD_IN, words.length - span));
    while (last < sorted.length && sorted[last] < from + span) last++;
    let count = last - first;
    for (let before = first - 1; before >= 0 && sorted[before] >= from; before--) count++;
    if (count > best) [best, start] = [count, from];
  }
  const joiner = zeroWidth ? '' : ' ';
  const quoted = words.slice(start, start + span).map((word, offset) => (marked.has(start + offset) && word !== '' ? `<mark>${word}</mark>` : word));
  const before = start > 0 ? `${ellipsis}${joiner}` : '';
  const after = start + span < words.length ? `${joiner}${ellipsis}` : '';
  return `${before}${quoted.join(joiner).trim()}${after}`;
}

/** BM25's saturation: the tenth mention of a word adds little to the ninth. */
const K1 = 1.2;
/** What a match in the lede adds, at most: about as much as any number of mentions can. */
const LEAD = K1 + 1;
/** A first match within this many words of the prose has the whole lead: a wire dateline and a lede sentence. */
const LEDE_WORDS = 40;
/** A word found only in an article's tables (or its date) counts as half a mention in its prose. */
const TABLE = 0.5;

/**
 * How much one word or phrase of the query says an article is about it, from its exact result
 * (where the article first says it) and how often its prose says it (`frequency`, from Pagefind's
 * ordinary search; a phrase counts once). BM25's saturating count, plus a lead for a match early
 * in the prose: a story says what it is about in its headline and first sentence, and a table that
 * repeats "oil" on every row is not about oil the way a story on oil prices is. The build indexes
 * an article's prose as Pagefind's content and its tables as a field apart (src/search/prose.ts),
 * so repeated table rows are neither counted here nor quoted in excerpts. Every word of the
 * headline is in the content (src/search/entry.ts), so a match found only in a field is a table's
 * or the date's, and barely counts. (Which field Pagefind names in `matchedMetaFields` depends on
 * the segment, so it is not read.)
 */
export function termScore(result, frequency) {
  const saturated = (count) => (count * (K1 + 1)) / (count + K1);
  const first = result?.words?.[0];
  if (first !== undefined) return saturated(Math.max(1, frequency)) + LEAD * Math.min(1, LEDE_WORDS / (first + 1));
  return TABLE * saturated(1);
}

/** The quoted phrases of a query, and each other word as a phrase of its own. */
export function phrasesOf(query) {
  const phrases = [];
  const rest = query.replace(/"([^"]*)"/g, (_, phrase) => {
    if (phrase.trim()) phrases.push(phrase.trim().replace(/\s+/g, ' '));
    return ' ';
  });
  for (const word of rest.split(/\s+/)) if (word.replace(/"/g, '')) phrases.push(word.replace(/"/g, ''));
  return phrases;
}
