import { headlineFrom, MAX_HEADLINE_LENGTH, oneLine, truncateAtWord } from './headline.ts';
import { splitSentences } from './sentences.ts';
import { standfirst, startsWithWords } from './summary.ts';
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
  for (const paragraph of opening.slice(0, 8)) {
    sentences.push(splitSentences(paragraph).map(withoutListMarker).filter((sentence) => sentence !== ''));
    if (sentences.at(-1)!.some(isProse)) {
      first = sentences.length - 1;
      break;
    }
  }
  if (first === -1) {
    // A table or figures only: its opening rows say what it is, and whose it is when a note names it.
    const rows = sentences.flat();
    const owner = rows.map((row) => FULL_NAME.exec(row)?.[1]).find((name) => name !== undefined);
    const notes = rows.filter((row) => !FULL_NAME.test(row) && !row.startsWith('('));
    const table = notes.length > 0 ? notes : rows;
    const headline = joinRows(owner ? [`${owner.replace(/[.\s]+$/, '')}: ${table[0] ?? ''}`, ...table.slice(1)] : table);
    return { headline, summary: standfirst(table.join('; ').slice(headline.length - (owner ? owner.length + 2 : 0)).replace(/^[\s;]+/, '')), ...place };
  }
  const index = sentences[first]!.findIndex(isProse);
  const sentence = sentences[first]![index]!;
  const headline = headlineFrom(sentence.replace(/^\(([^()]+)\)/, '$1'));
  const before = sentences.slice(0, first).flat();
  const after = [...sentences[first]!.slice(index + 1), ...opening.slice(first + 1)];
  const full = oneLine(sentence);
  // A compression may stand over its full sentence, unless the sentence starts with it word for word.
  let summary = (!headline.whole && !startsWithWords(full, headline.text) ? [full, ...after] : [...before, ...after]).join(' ');
  // The story may repeat its own opening words ("Total turnover fell … / Total turnover last month was …"): a standfirst does not.
  if (startsWithWords(summary, headline.text)) summary = splitSentences(summary).slice(1).join(' ');
  return { headline: headline.text, summary: standfirst(summary), ...place };
}

/** Ticker brackets unwrapped: `<Sale Tilney Plc>` → `Sale Tilney Plc`; bare tickers (`<BHAM.L>`, `<F>`) dropped. Brackets around lower case (`<script>`) are text, and stay. */
export function unwrapTickers(text: string): string {
  return text
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

/** Wire copy's note under a table: `NOTE: Full name Federal Paper Board Co.`, `Note: full name of company is …`. */
const FULL_NAME = /^note\s*[-:]\s*(?:the\s+)?(?:company's\s+)?full\s+name\s+(?:of\s+(?:the\s+)?company\s+)?(?:is\s+)?(.{3,80}?)\.?$/i;

/**
 * A sentence a reader reads as prose, not a table row: three words or more, few of them figures,
 * ending like a sentence (or, unpunctuated as scraped text can be, eight words with fewer figures).
 */
export function isProse(sentence: string): boolean {
  // An aside or editor's note in brackets, "(Corrects headline …)", is not the story.
  if (/^[([][^()[\]]*[)\]][.!?]?[)\]]?$/.test(sentence)) return false;
  // Scripts written without spaces have no words to count: a sentence is prose when it ends like one.
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(sentence)) return /[。！？.!?]$/u.test(sentence) || sentence.length > 20;
  const words = sentence.split(/\s+/);
  const lower = words.filter((word) => /^\p{Ll}{2,}/u.test(word)).length;
  const figures = words.filter((word) => /\d/.test(word)).length;
  if (/[.!?]["'”’)]?$/.test(sentence)) return words.length >= 3 && lower >= Math.min(3, words.length - 1) - 1 && figures * 4 <= words.length;
  return words.length >= 8 && lower >= 4 && figures * 6 <= words.length;
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
