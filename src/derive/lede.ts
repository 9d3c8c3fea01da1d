import { headlineFrom, isClause, MAX_HEADLINE_LENGTH, oneLine, restOfSentence, shortenAtBoundary, truncateAtWord } from './headline.ts';
import { COMPANY_SUFFIXES } from './headline-text.ts';
import { inHeadlineTense } from './headline-tense.ts';
import { splitSentences } from './sentences.ts';
import { MAX_SUMMARY_LENGTH, opensLike, standfirst } from './summary.ts';
import { isTableRow, tableHeadline } from './table-headline.ts';
import { placeName, splitWireDateline } from './wire-dateline.ts';

/** What a list shows of an article before its body: headline, standfirst and the place it was filed from. */
export interface Lede {
  headline: string;
  summary: string;
  place?: string;
}

/**
 * Reads the opening of an article the way a sub-editor would. The wire dateline comes off and its
 * place is kept; ticker brackets are unwrapped; the headline is the first prose sentence (see
 * `headlineFrom`), or, when the article is only a table or figures, its first rows; the standfirst
 * is what follows the headline, never the headline again.
 */
/** How much of an opening paragraph the lede reads: far more than any lede (a wire story's whole text is under 13,000), and a bound on the work. */
const LEDE_CHARS = 20_000;

export function deriveLede(paragraphs: readonly string[], fallback: string): Lede {
  // A headline and a standfirst come from the opening words: a paragraph is read no further than LEDE_CHARS.
  const opening = paragraphs.slice(0, 12).map((paragraph) => unwrapTickers(oneLine(paragraph.slice(0, LEDE_CHARS)))).filter((paragraph) => /[\p{L}\p{N}]/u.test(paragraph));
  if (opening.length === 0) return { headline: fallback, summary: '' };
  // The dateline opens the first paragraph of the story, after any line that is not (`RPT`, a table title).
  let dateline: ReturnType<typeof splitWireDateline>;
  for (let at = 0; at < Math.min(3, opening.length) && dateline === undefined; at++) {
    dateline = splitWireDateline(opening[at]!);
    if (dateline) opening[at] = dateline.rest.trim();
  }
  const place = dateline ? { place: placeName(dateline.place) } : {};

  // Sentences of the opening paragraphs, split only as far as the first prose sentence (splitting is the costly part).
  const sentences: string[][] = [];
  let first = -1;
  let notes = false;
  for (const paragraph of opening.slice(0, 8)) {
    sentences.push(splitSentences(paragraph).map(withoutListMarker).filter((sentence) => sentence !== ''));
    // A note under a table ("NOTE: Per shr calculated after …") is about the table, not the story: none of its sentences is a headline, nor of the paragraphs after it.
    notes ||= isNote(paragraph) && sentences.flat().some(isTableRow);
    if (!notes && !isNote(paragraph) && sentences.at(-1)!.some(isProse)) {
      first = sentences.length - 1;
      break;
    }
  }
  if (first === -1) {
    // A table or figures only: its opening rows say what it is, and whose it is when a note names it.
    const rows = sentences.flat();
    const owner = rows.map((row) => FULL_NAME.exec(row)?.[1]?.replace(/[.\s]+$/, '')).find((name) => name !== undefined);
    const whose = { ...(owner ? { owner: withoutSuffix(owner) } : {}), ...(dateline ? { place: placeName(dateline.place) } : {}) };
    const described = tableHeadline(rows.filter((row) => !isNote(row)), whose, MAX_HEADLINE_LENGTH);
    if (described) return { headline: described.headline, summary: standfirst(joinedRows(described.rest.length > 0 ? described.rest : rows)), ...place };
    const notes = rows.filter((row) => !FULL_NAME.test(row) && !row.startsWith('('));
    return { ...rowsLede(notes.length > 0 ? notes : rows, owner), ...place };
  }
  const index = sentences[first]!.findIndex(isProse);
  const sentence = sentences[first]![index]!;
  const headline = headlineFrom(sentence.replace(/^\(([^()]+)\)/, '$1'));
  const before = sentences.slice(0, first).flat();
  const after = [...sentences[first]!.slice(index + 1), ...opening.slice(first + 1)];
  const full = oneLine(sentence);
  let title = headline.text;
  // The standfirst carries what the headline does not: the rest of the lede after the headline's words, then the next sentences.
  let rest = headline.whole ? '' : restOfSentence(full, title);
  // What follows, as far as a standfirst reads (two of them, so its cut falls at a word).
  const following = withoutRepeat(upTo([...after, ...before], 2 * MAX_SUMMARY_LENGTH), title);
  if (rest === '' && following.length === 0) {
    // Nothing follows the headline (a story of one sentence): it ends at a clause boundary and the standfirst carries the rest, rather than stand empty.
    // (A shorter cut only when no longer one leaves a standfirst: "Wall Street stocks were lower" / "…at the opening bell".)
    const leaves = (cut: string) => restOfSentence(full, cut) !== '';
    const shorter = shortenAtBoundary(title, leaves) ?? shortenAtBoundary(title, leaves, 20);
    if (shorter) [title, rest] = [shorter, restOfSentence(full, shorter)];
    else {
      // Else what was said is the headline, and who said it the standfirst; or a label's words over what it labels.
      const split = splitAttribution(title, full) ?? splitLabel(title);
      if (split) return { headline: inHeadlineTense(split.headline), summary: standfirst(split.summary), ...place };
    }
  }
  const summary = rest === '' ? withReferent(following.join(' '), oneLine(sentence)) : [`…${rest}`, ...following].join(' ');
  return { headline: inHeadlineTense(title), summary: standfirst(summary), ...place };
}

/**
 * A one-sentence report split in two: "New York Stock Exchange said Monarch Capital Pfd will not
 * resume trading today" → "Monarch Capital Pfd will not resume trading today", according to "the
 * New York Stock Exchange". Only a claim that opens with a name and is a clause; "said it …" stays whole.
 */
function splitAttribution(headline: string, sentence: string): { headline: string; summary: string } | undefined {
  const claim = /^\S.{2,80}?\s(?:said|says)\s+(?:that\s+)?(\p{Lu}\S*\s.{15,})$/u.exec(headline)?.[1];
  const source = /^(\S.{2,80}?)\s(?:said|says)\s/u.exec(sentence)?.[1];
  if (claim === undefined || source === undefined || !isClause(` ${claim}`)) return undefined;
  return { headline: claim, summary: `According to ${source.replace(/^The\s/, 'the ')}.` };
}

/** "GRADINGS - None posted, Total todate 20 originals": the label over the rest, when the rest is more than a word. */
function splitLabel(headline: string): { headline: string; summary: string } | undefined {
  const label = labelled(headline);
  return label && /\s/.test(label.summary) ? label : undefined;
}

/**
 * A standfirst that opens "It said …" or "They said …" names who instead, from the lede it
 * follows ("AM International said prospects … / It said orders …" → "AM International said orders
 * …"): on a list page, a pronoun at the start of a standfirst refers to nothing the reader has read.
 */
function withReferent(text: string, lede: string): string {
  const pronoun = /^(?:It|They)\s+(?=said\b|says\b|added\b|also\b|reported\b|expects\b|expected\b|plans\b|has\b|had\b|will\b|would\b|is\b|was\b)/.exec(text);
  if (!pronoun) return text;
  // The lede's subject: the name it opens with, then its verb or an aside ("AM International Inc said …", "AM International Inc, reporting …, said …").
  const subject = /^(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}&.'’-]*|of|and|de|du|la|von|van)){0,6})(?=,\s|\s+\p{Ll})/u.exec(lede)?.[1];
  // A name, not a sentence's first word ("Prices rose …"): two capitalised words or more, or one written as only a name is ("AMR", "GenCorp").
  if (subject === undefined || !(/\s/.test(subject) || /^\p{Lu}\S*\p{Lu}/u.test(subject))) return text;
  return `${subject} ${text.slice(pronoun[0].length)}`;
}

/** The first of `texts`, as many as make `chars` characters. */
function upTo(texts: readonly string[], chars: number): string[] {
  const taken: string[] = [];
  let length = 0;
  for (const text of texts) {
    if (length >= chars) break;
    taken.push(text);
    length += text.length + 1;
  }
  return taken;
}

/** The sentences after the headline, without one that opens as the headline does ("Total turnover fell … / Total turnover last month was …"). */
function withoutRepeat(sentences: readonly string[], headline: string): string[] {
  const text = sentences.join(' ');
  return opensLike(text, headline) ? splitSentences(text).slice(1) : [...sentences];
}

/** Ticker brackets unwrapped: `<Sale Tilney Plc>` → `Sale Tilney Plc`; bare tickers (`<BHAM.L>`, `<F>`) dropped. Brackets around lower case (`<script>`) are text, and stay. */
export function unwrapTickers(text: string): string {
  return text
    // After a preposition a ticker is what is spoken of, not a name's tag: "changed to <TCJCA.O> from <TJCA.O>" keeps them.
    .replace(/(\b(?:to|from|as|of|by)\s+)<([\p{Lu}\d.&/-]{1,12})>/gu, '$1$2')
    .replace(/\s*<[\p{Lu}\d.&/-]{1,12}>/gu, '')
    // Tickers typed in lower case (`Shoe-Town <shu>`) follow a capitalised name: alone, `<fast>` is text.
    .replace(LOWER_CASE_TICKER, (ticker: string, at: number, whole: string) => (afterCapitalisedWord(whole, at) ? '' : ticker))
    .replace(/<([\p{Lu}\d][^<>]{0,79})>/gu, '$1')
    .replace(/^\s*[*#=~_]+\s*/, '');
}

const LOWER_CASE_TICKER = /\s+<[\p{L}\d.]{1,9}>/gu;
const NAME_CHARACTER = /^[\p{L}\d.&'-]$/u;
const CAPITAL = /^\p{Lu}$/u;

/**
 * Whether the characters of `[\p{L}\d.&'-]` that end right before `at` include a capital: what the
 * lookbehind `(?<=\p{Lu}[\p{L}\d.&'-]*)` asks, read once per candidate ticker (the lookbehind was
 * tried at every position, and read the whole run back each time: quadratic on a long word).
 */
function afterCapitalisedWord(text: string, at: number): boolean {
  let index = at;
  while (index > 0) {
    const low = text.charCodeAt(index - 1);
    const pair = low >= 0xdc00 && low <= 0xdfff && index >= 2 && text.charCodeAt(index - 2) >= 0xd800 && text.charCodeAt(index - 2) <= 0xdbff;
    const character = text.slice(pair ? index - 2 : index - 1, index);
    if (!NAME_CHARACTER.test(character)) return false;
    if (CAPITAL.test(character)) return true;
    index -= character.length;
  }
  return false;
}

/** A company's name without the legal suffix a headline leaves out: "Federal Paper Board Co" → "Federal Paper Board". */
function withoutSuffix(name: string): string {
  return name.replace(NAME_SUFFIX, '');
}

/** A suffix at the end of a full name: the wire's, and the long forms a note spells out. */
const NAME_SUFFIX = new RegExp(String.raw`,?\s+(?:${COMPANY_SUFFIXES}|L\.P|Corporation|Incorporated|Company)\.?$`, 'u');

/** A note under a table: "NOTE: …", "Note - …". */
function isNote(text: string): boolean {
  return /^\(?note\s*[-:–—]/i.test(text);
}

/** Wire copy's note under a table: `NOTE: Full name Federal Paper Board Co.`, `Note: full name of company is …`. */
const FULL_NAME = /^note\s*[-:]\s*(?:the\s+)?(?:company's\s+)?full\s+name\s+(?:of\s+(?:the\s+)?company\s+)?(?:is\s+)?(.{3,80}?)\.?$/i;

/**
 * A sentence a reader reads as prose, not a table row: three words or more, few of them figures,
 * ending like a sentence (or, unpunctuated as scraped text can be, eight words with fewer figures).
 */
export function isProse(sentence: string): boolean {
  // An aside or editor's note in brackets, "(Corrects headline …)", is not the story.
  if (/^[([][^()[\]]*[)\]][.!?]?[)\]]?$/.test(sentence)) return false;
  if (isTableRow(sentence)) return false;
  // Scripts written without spaces have no words to count: a sentence is prose when it ends like one.
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(sentence)) return /[。！？.!?]$/u.test(sentence) || sentence.length > 20;
  const words = sentence.split(/\s+/);
  const lower = words.filter((word) => /^\p{Ll}{2,}/u.test(word)).length;
  const figures = words.filter((word) => /\d/.test(word)).length;
  if (/[.!?]["'”’)]?$/.test(sentence)) return words.length >= 3 && lower >= Math.min(3, words.length - 1) - 1 && figures * 4 <= words.length;
  return words.length >= 8 && lower >= 4 && figures * 6 <= words.length;
}

/**
 * Rows Dateline cannot read as a table it knows, as a headline and a standfirst: the first half of
 * the rows over the rest; one row under its label ("Accumulative total at 1800 gmt - 1010"), or, a
 * row of figures, cut in two at a word. A line of words alone is a headline with no standfirst.
 */
function rowsLede(table: readonly string[], owner: string | undefined): Lede {
  const rows = owner ? [`${owner}: ${table[0] ?? ''}`, ...table.slice(1)] : [...table];
  const headline = joinRows(rows.length > 1 ? rows.slice(0, Math.ceil(rows.length / 2)) : rows);
  // The rows after the headline's, as joined for it (a row's final stop is not in the headline).
  const shown = headline.replace(/…$/, '');
  const all = joinedRows(rows);
  const after = all.startsWith(shown) ? all.slice(shown.length).replace(/^[\s;]+/, '') : '';
  const summary = after !== '' && shown !== headline ? `…${after}` : after;
  if (summary !== '' || rows.length !== 1) return { headline, summary: standfirst(summary) };
  const label = labelled(rows[0]!);
  if (label) return { headline: label.headline, summary: standfirst(label.summary) };
  const words = rows[0]!.split(' ');
  // (Only a row of figures: a line of words, "APRIL 11 - ISRAEL INTRODUCES SUMMER TIME", is a headline whole.)
  if (words.length < 4 || words.filter((word) => !/\p{L}/u.test(word)).length * 2 < words.length) return { headline, summary: '' };
  const half = Math.ceil(words.length / 2);
  return { headline: `${words.slice(0, half).join(' ')}…`, summary: standfirst(`…${words.slice(half).join(' ')}`) };
}

/** A row under its label, split: "Bids only - 1 month 5-7/8 …", "GRADINGS - None posted" (not a row of dashes, "Jun --- --- 16085"). */
function labelled(row: string): { headline: string; summary: string } | undefined {
  const match = /^(\p{L}[^-–—]{2,60}?)\s+[-–—]+\s+(?![-–—])(\S.*)$/u.exec(row);
  // (A date is a dateline, not a label: "APRIL 11 - ISRAEL INTRODUCES SUMMER TIME".)
  if (!match || /^\p{L}+\.?\s+\d{1,2}$/u.test(match[1]!)) return undefined;
  return { headline: match[1]!, summary: match[2]! };
}

function joinedRows(rows: readonly string[]): string {
  return rows.map((row) => row.replace(/[.;:,]$/, '')).join('; ');
}

/** Rows of a table as one line, row boundaries kept: "Qtr ended Jan 31; Shr 10 cts vs 12 cts". */
function joinRows(rows: readonly string[]): string {
  let text = '';
  for (const row of rows.map((each) => each.replace(/[.;:,]$/, ''))) {
    const next = text === '' ? row : `${text}; ${row}`;
    if (Array.from(next).length > MAX_HEADLINE_LENGTH) break;
    text = next;
  }
  return text === '' ? truncateAtWord(rows[0] ?? '', MAX_HEADLINE_LENGTH) : text;
}

/** A list marker alone ("1.", "a)", "iv.") is not a sentence: the splitter leaves it, and it goes. */
function withoutListMarker(sentence: string): string {
  return sentence.replace(/^\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)](?:\s+|$)/, '');
}
