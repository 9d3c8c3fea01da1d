// Dateline's script file. Pages work without it; with it, the header shows a search box and the
// search page (/search/?q=…) runs the query in its address with Pagefind's index, in the browser.
import { openIndex } from './search-index.js';

const box = document.querySelector('[data-search-box]');
if (box) {
  box.hidden = false;
  document.querySelector('.search-fallback')?.setAttribute('hidden', '');
}

// From a page opened from disk, a browser that runs this script still cannot load the index: the
// search page's own note says so, and the form stays hidden.
const form = document.querySelector('[data-search-page]');
if (form && location.protocol !== 'file:') searchPage(form).catch(failed);

function failed(error) {
  status(`Search is not available here: ${error.message}`);
}

const PAGE_SIZE = 20;

function status(text) {
  const element = document.querySelector('[data-search-status]');
  if (element) element.textContent = text;
}

async function searchPage(form) {
  form.hidden = false;
  // The header's box says what is being searched, as the page's own form does, from the start.
  const params = new URLSearchParams(location.search);
  const headerQuery = document.querySelector('[data-search-box] input[name="q"]');
  const showQuery = (value) => {
    if (headerQuery) headerQuery.value = value;
  };
  showQuery((params.get('q') ?? '').trim());
  // Results are linked from the site root, wherever the site is served from.
  const root = new URL(form.dataset.root, location.href);
  const script = new URL(form.dataset.pagefind, location.href);
  const index = await openIndex(await import(script.href), new URL('.', script), root.pathname);
  const query = form.elements.namedItem('q');
  const year = form.elements.namedItem('year');
  const topic = form.elements.namedItem('topic');
  query.value = params.get('q') ?? '';
  const filters = await index.filters();
  fillSelect(year, Object.keys(filters.year ?? {}).sort().reverse(), filters.year ?? {}, params.get('year'));
  // Topics alphabetically, not by count: a reader looks for a name they know among hundreds, and
  // a list box jumps to the letters typed; the count is in each label. Case and accents aside.
  const collator = new Intl.Collator(document.documentElement.lang || undefined, { sensitivity: 'base', numeric: true });
  fillSelect(topic, Object.keys(filters.topic ?? {}).sort(collator.compare), filters.topic ?? {}, params.get('topic'));

  let latest = 0;
  const run = async () => {
    // A newer search replaces an older one still loading: only the latest shows its results.
    const mine = ++latest;
    const term = query.value.trim();
    const chosen = {};
    if (year.value) chosen.year = year.value;
    if (topic.value) chosen.topic = topic.value;
    const results = document.querySelector('[data-search-results]');
    const more = document.querySelector('[data-search-more]');
    results.replaceChildren();
    more.hidden = true;
    if (term === '' && Object.keys(chosen).length === 0) {
      status('Type a word or a name to search the archive.');
      return;
    }
    status('Searching…');
    const found = term === '' ? await index.newestFirst(chosen) : await index.search(term, chosen);
    if (mine !== latest) return;
    const described = [term && `“${term}”`, chosen.year, chosen.topic].filter(Boolean).join(', ');
    status(`${found.count === 1 ? '1 article' : `${found.count} articles`} found for ${described}.`);
    let shown = 0;
    const button = more.querySelector('button');
    const showMore = async () => {
      button.disabled = true;
      const page = await found.next(PAGE_SIZE);
      if (mine !== latest) return;
      shown += page.length;
      for (const data of page) results.append(resultItem(data));
      more.hidden = shown >= found.count;
      button.disabled = false;
    };
    button.onclick = () => showMore().catch(failed);
    await showMore();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (query.value.trim()) next.set('q', query.value.trim());
    if (year.value) next.set('year', year.value);
    if (topic.value) next.set('topic', topic.value);
    // The address always holds the search, so a search is a link that can be shared.
    history.replaceState(null, '', `${location.pathname}${next.size ? `?${next}` : ''}`);
    showQuery(query.value.trim());
    run().catch(failed);
  });
  await run();
}

function fillSelect(select, values, counts, selected) {
  for (const value of values) {
    const option = new Option(`${value} (${counts[value]})`, value);
    option.selected = value === selected;
    select.append(option);
  }
}

/**
 * One result. Headline and date are set as text. The excerpt is HTML: Pagefind escapes `<` and `>`
 * of the indexed text and adds only <mark> (checked for Pagefind 1.6, which the lock file pins; a
 * browser test searches text holding markup), and it goes into element content, never an attribute.
 */
function resultItem(data) {
  const item = document.createElement('li');
  const article = document.createElement('article');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'meta';
  const time = document.createElement('time');
  time.dateTime = data.meta.date ?? '';
  time.textContent = data.meta.dateLabel ?? data.meta.date ?? '';
  meta.append(time);
  const excerpt = document.createElement('p');
  excerpt.className = 'summary';
  excerpt.innerHTML = data.excerpt;
  article.append(heading, meta, excerpt);
  item.append(article);
  return item;
}
