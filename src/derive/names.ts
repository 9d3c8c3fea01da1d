import { gazetteer, placeKey, type Gazetteer } from './gazetteer.ts';
import { splitWireDateline } from './wire-dateline.ts';
import { mergeVariants } from './name-merges.ts';
import {
  ABBREVIATED_TITLES,
  ADJECTIVES,
  CALENDAR_WORDS,
  COMPANY_FORMS,
  CONNECTORS,
  GENERIC_HEADS,
  GENERIC_SUBJECTS,
  GIVEN_NAMES,
  HEAD_TITLES,
  INSTITUTIONS,
  NEWS_AGENCIES,
  NOT_NAMES,
  ORGANISATION_WORDS,
  PARTY_WORDS,
  PLACE_DESIGNATORS,
  PLACE_PREFIXES,
  PLACE_WORDS,
  SENTENCE_STARTERS,
  SHORT_CALENDAR_WORDS,
  STATE_ABBREVIATIONS,
  STATE_NAMES,
  STOP_WORDS,
  TITLES,
  WIRE_NAMES,
} from './name-words.ts';

export type NameKind = 'person' | 'place' | 'organisation' | 'other';

/** A name found in one article. */
export interface FoundName {
  name: string;
  kind: NameKind;
  /** How often the article mentions it (variants included). */
  mentions: number;
  /** Whether the first paragraph mentions it. */
  lede: boolean;
}

/** Names kept per article, most mentioned first: enough for topics, small enough to cache. */
export const MAX_NAMES = 24;

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’&.][\p{L}\p{M}\p{N}]+)*/gu;
/**
 * Spaces and tabs with one line break at most: `^[ \t]*\n?[ \t]*$` as was, written so that the
 * two runs of spaces cannot share the same spaces (that backtracked quadratically on a long gap of
 * spaces before punctuation).
 */
const SPACES_AND_ONE_BREAK = /^[ \t]*(?:\n[ \t]*)?$/;

interface Word {
  text: string;
  /** Lower case, without a possessive `'s`. */
  lower: string;
  /** Nothing but spaces between this word and the one before it. */
  joined: boolean;
  /** First in its sentence, or after an opening quote, bracket or colon: capitalised by position. */
  initial: boolean;
  possessive: boolean;
  /** Starts with a capital (and is not shouted: see {@link isCapitalised}); never a ticker. */
  capital: boolean;
  /** What stands between the word before and this one (`, `, ` <`). */
  gap: string;
  /** A stock ticker in angle brackets (`<AXP>`, `<ROK.N>`): it says the name before is a company. */
  ticker: boolean;
  /** Written `…-based` (`Columbus-based`): the next word starts another name. */
  based: boolean;
}

interface Mention {
  name: string;
  kind: NameKind;
  /** Only a demonym (`French government`): supports the country's name, makes no name alone. */
  demonym?: boolean;
}

/**
 * How much of an article's text names are looked for in: a long-read is about 60,000 characters
 * in a few hundred paragraphs; the rest of a longer text only costs time.
 */
export const NAME_SCAN = { chars: 200_000, paragraphs: 2_000 };

/** The paragraphs within the first {@link NAME_SCAN} characters and paragraphs, the last one cut there. */
function withinNameScan(paragraphs: readonly string[]): string[] {
  const kept: string[] = [];
  let left = NAME_SCAN.chars;
  for (const paragraph of paragraphs) {
    if (left <= 0 || kept.length === NAME_SCAN.paragraphs) break;
    kept.push(paragraph.length <= left ? paragraph : paragraph.slice(0, left));
    left -= paragraph.length;
  }
  return kept;
}

/**
 * Names of people, places and organisations in an article's paragraphs, by their capitals: runs
 * of capitalised words, cut at punctuation, calendar words and possessives; sentence-initial
 * capitals, titles and company forms stripped; places known from the gazetteer; variants within
 * the article merged (`Zelenskyy` after `Volodymyr Zelenskyy`). Pure; about a tenth of a
 * millisecond per article (see `npm run bench -- --only topics`).
 */
export function findNames(paragraphs: readonly string[], places: Gazetteer = gazetteer()): FoundName[] {
  const found = new Map<string, { name: string; kinds: Map<NameKind, number>; mentions: number; named: boolean; lede: boolean; order: number }>();
  const add = (mention: Mention, paragraph: number) => {
    const key = nameKey(mention.name);
    if (key === '') return;
    const entry = found.get(key) ?? { name: mention.name, kinds: new Map(), mentions: 0, named: false, lede: false, order: found.size };
    entry.mentions++;
    entry.named ||= !mention.demonym;
    entry.lede ||= paragraph === 0;
    entry.kinds.set(mention.kind, (entry.kinds.get(mention.kind) ?? 0) + 1);
    found.set(key, entry);
  };
  const paragraphWords = withinNameScan(paragraphs).map((paragraph, index) => {
    let text = paragraph;
    if (index === 0) {
      // A wire dateline names where the story was filed (`IRVINE, Calif., March 16 - `), not what it is about:
      // the place is the record's `place`, and a topic only if the text names it too.
      const dateline = splitWireDateline(text);
      if (dateline) text = dateline.rest;
    }
    const words = tokenize(text);
    return { words: isShouted(words) ? [] : words, paragraph: index };
  });
  const capitalisedMidSentence = new Set<string>();
  const lowerCase = new Set<string>();
  for (const { words } of paragraphWords) {
    for (const word of words) {
      if (!word.initial && word.capital) capitalisedMidSentence.add(word.lower);
      else if (!word.capital && word.text === word.lower) lowerCase.add(word.lower);
    }
  }
  // Abbreviations the article defines: `International Coffee Organization (ICO)`.
  const defined = new Map<string, string>();
  for (const { words, paragraph } of paragraphWords) {
    for (const run of capitalisedRuns(words, places)) {
      const mentions = mentionsOf(run, words, { capitalisedMidSentence, lowerCase }, places);
      for (const mention of mentions) add(mention, paragraph);
      const next = words[run[1]];
      if (mentions.length > 0 && next !== undefined && next.gap.endsWith('(') && isAcronym(next.text) && words[run[1] + 1]?.gap.startsWith(')') !== false) {
        defined.set(nameKey(next.text), mentions.at(-1)!.name);
      }
    }
  }
  const names = [...found.values()]
    .filter((entry) => entry.named)
    .map((entry) => ({ name: entry.name, kind: NEWS_AGENCIES.has(nameKey(entry.name)) ? ('organisation' as const) : kindOf(entry.kinds), mentions: entry.mentions, lede: entry.lede, order: entry.order }));
  return mergeVariants(names, defined)
    .filter((name) => !WIRE_NAMES.has(nameKey(name.name)) && !isCommonWord(name, lowerCase, places))
    // A name the article mentions once, past its lede, with nothing to say what it names, is too weak to keep.
    .filter((name) => name.mentions > 1 || name.lede || name.kind !== 'other')
    .sort((a, b) => b.mentions - a.mentions || a.order - b.order)
    .slice(0, MAX_NAMES)
    .map(({ name, kind, mentions, lede }) => ({ name, kind, mentions, lede }));
}

/**
 * A one-word name the article also writes in lower case (`Cattle … cattle`): a common word in a
 * heading or a title-case phrase, not a name. Places and abbreviations stay. A longer name of
 * nothing but such words, with nothing else saying it is a name (`Personal System`), neither.
 */
function isCommonWord({ name, kind }: { name: string; kind: NameKind }, lowerCase: ReadonlySet<string>, places: Gazetteer): boolean {
  if (name.includes(' ')) return kind === 'other' && name.split(' ').every((word) => lowerCase.has(word.toLowerCase()) || STOP_WORDS.has(word.toLowerCase()));
  return lowerCase.has(name.toLowerCase()) && !isAcronym(name) && !places.places.has(placeKey(name));
}

/** The key names are merged by: case, dots, diacritics and a possessive ignored. */
export function nameKey(name: string): string {
  // (Commas too: `Goldman, Sachs` is `Goldman Sachs`.)
  return placeKey(name.replace(/['’]s$/u, '').replace(/,/g, ''));
}

/**
 * The words of a paragraph. A sentence is taken to start after `.`, `!` or `?` and a space: cheaper
 * than real sentence splitting, and an abbreviation (`U.S. Defense Department`) taken for a
 * sentence end only makes the next capital count as sentence-initial, which a run of several
 * capitals survives.
 */
function tokenize(paragraph: string): Word[] {
  const words: Word[] = [];
  let end = 0;
  for (const match of paragraph.matchAll(WORD)) {
    const gap = paragraph.slice(end, match.index);
    end = match.index + match[0].length;
    const possessive = match[0].endsWith("'s") || match[0].endsWith('’s');
    let text = possessive ? match[0].slice(0, -2) : match[0];
    // `Columbus-based American Dynamics`: the place, then the company, two names.
    const based = text.endsWith('-based') && /^\p{Lu}/u.test(text);
    if (based) text = text.slice(0, -'-based'.length);
    // `Madera, Calif.`: the state, spelt out.
    const state = gap.startsWith(',') && paragraph[end] === '.' ? STATE_ABBREVIATIONS.get(text.toLowerCase().replace(/\./g, '')) : undefined;
    if (state !== undefined) text = state;
    const previous = words.at(-1);
    // `Mr. Smith`: the full stop of a title or an initial ends no sentence.
    // … and neither does that of `U.S.` before a name (`U.S. West`), unless a new sentence plainly starts.
    const afterAbbreviation =
      previous !== undefined &&
      gap === '. ' &&
      (ABBREVIATED_TITLES.has(previous.lower) || previous.text.length === 1 || (previous.text.includes('.') && !SENTENCE_STARTERS.has(match[0].toLowerCase())));
    const ticker = paragraph[end] === '>' && gap.endsWith('<') && text.length <= 9 && /^[\p{Lu}\d.]+$/u.test(text);
    words.push({
      text,
      lower: text.toLowerCase(),
      joined: previous !== undefined && !previous.based && (gap === ' ' || SPACES_AND_ONE_BREAK.test(gap) || afterAbbreviation),
      initial: previous === undefined || (gap !== ' ' && /[.!?“"‘(:—–]/.test(gap) && !afterAbbreviation),
      possessive,
      // Not a name word: a ticker, a figure (`M-1`), a rating (`B-minus`), an adjective (`IBM-compatible`).
      capital: !ticker && isCapitalised(text) && !/\d/.test(text) && !/^\p{Lu}{1,3}-(?:minus|plus)$/u.test(text) && !/^[\p{Lu}.]{2,}-\p{Ll}/u.test(text),
      gap,
      ticker,
      based,
    });
  }
  return words;
}

/** Capitalised, and not a word in capitals longer than an acronym (shouted text is not a name). */
function isCapitalised(text: string): boolean {
  // (Seven letters: `NASDAQ`, `STARNET`; a paragraph in capitals is left out whole, see isShouted.)
  const first = text[0]!;
  if (first === first.toLowerCase() || !/^\p{Lu}/u.test(text)) return false;
  return text.length <= 7 || text !== text.toUpperCase();
}

/** A paragraph mostly in capitals (a table, a shouted headline): its capitals say nothing. */
function isShouted(words: readonly Word[]): boolean {
  let capitals = 0;
  for (const { text } of words) if (text.length > 1 && text === text.toUpperCase() && /\p{Lu}/u.test(text)) capitals++;
  return capitals >= 3 && capitals > words.length * 0.3;
}

function isAcronym(text: string): boolean {
  const letters = text.replace(/\./g, '');
  return letters.length >= 2 && letters.length <= 5 && /^\p{Lu}+$/u.test(letters);
}

/**
 * Index ranges `[start, end)` of capitalised runs, joined only by spaces and connectors. A
 * possessive ends a run unless an organisation's name goes on after it (`Moody's Investors
 * Service`, `Japan's Finance Ministry`).
 */
function* capitalisedRuns(words: readonly Word[], places: Gazetteer): Generator<[number, number, boolean]> {
  const isCalendar = (at: number) => CALENDAR_WORDS.has(words[at]!.lower) || (SHORT_CALENDAR_WORDS.has(words[at]!.lower) && /^\d/.test(words[at + 1]?.text ?? ''));
  const nameWord = (at: number) => words[at] !== undefined && words[at].capital && !isCalendar(at);
  // The list of names set off by commas read last (see firmNameEnd): read once, not again from each of its names.
  const list = { start: -1, end: -1 };
  let index = 0;
  while (index < words.length) {
    if (!nameWord(index)) {
      index++;
      continue;
    }
    const start = index;
    while (!words[index]!.possessive || possessiveInName(words, index, start, places)) {
      const next = words[index + 1];
      if (next?.joined && nameWord(index + 1)) index++;
      else if (next?.joined && (CONNECTORS.has(next.text) || next.text === 'and') && words[index + 2]?.joined && nameWord(index + 2)) index += 2;
      // `Chancellor of the Exchequer Nigel Lawson`: a title goes on through `of the` to another title word.
      else if (next?.text === 'of' && next.joined && TITLES.has(words[index]!.lower) && words[index + 2]?.text === 'the' && words[index + 2]!.joined && words[index + 3]?.joined && nameWord(index + 3) && TITLES.has(words[index + 3]!.lower)) index += 3;
      else break;
    }
    index++;
    const firm = index === start + 1 ? firmNameEnd(words, start, nameWord, places, list) : 0;
    if (firm > 0) {
      yield [start, firm, true];
      index = firm;
    } else yield [start, index, false];
  }
}

/**
 * The end of a firm's name of partners' names (`Donaldson, Lufkin and Jenrette`, `Goldman, Sachs
 * and Co`, `Kramer, Levin, Nessen and Kamin`) starting at `start`, or 0: single capitalised words
 * set off by commas, then `and` and the last (three names at least, or a company form after).
 * None may be a place, a title or a common word.
 */
function firmNameEnd(words: readonly Word[], start: number, nameWord: (at: number) => boolean, places: Gazetteer, list: { start: number; end: number }): number {
  const plain = (at: number) => nameWord(at) && !words[at]!.possessive && !TITLES.has(words[at]!.lower) && !STOP_WORDS.has(words[at]!.lower) && !places.places.has(placeKey(words[at]!.text)) && !places.demonyms.has(placeKey(words[at]!.text));
  let at: number;
  if (start > list.start && start < list.end) {
    // A later name of the list read from an earlier one: it is plain, and its list ends where that one's did.
    at = list.end;
  } else {
    if (!plain(start)) return 0;
    at = start + 1;
    while (words[at]?.gap === ', ' && plain(at) && !(words[at + 1]?.joined && nameWord(at + 1))) at++;
    list.start = start;
    list.end = at;
  }
  const names = at - start;
  if (names < 2 || words[at]?.text !== 'and' || words[at]!.gap !== ' ' || words[at + 1]?.gap !== ' ') return 0;
  // `… and Co`
  if (nameWord(at + 1) && COMPANY_FORMS.has(words[at + 1]!.lower.replace(/\./g, ''))) return at + 2;
  if (!plain(at + 1)) return 0;
  at += 2;
  const form = words[at]?.joined === true && COMPANY_FORMS.has(words[at]!.lower.replace(/\./g, ''));
  if (form) at++;
  else if (nameWord(at) && words[at]!.joined) return 0;
  return names + 1 >= 3 || form ? at : 0;
}

/**
 * Whether the possessive at `at` is inside a name: the capitalised words after it close an
 * organisation's name within three words (`Standard and Poor's Corp`), or, after a place, a
 * government body that every country has (`Japan's Finance Ministry`).
 */
function possessiveInName(words: readonly Word[], at: number, start: number, places: Gazetteer): boolean {
  // Each word of a run keeps a letter in the key, and words stay apart: more words than the longest place has are no place
  // (without this, a long run of possessives built its whole text again at each one).
  const place = at + 1 - start <= longestPlace(places) && places.places.has(placeKey(textOf(words.slice(start, at + 1))));
  const after: Word[] = [];
  for (let next = at + 1; next <= at + 3 && words[next]?.joined && words[next]!.capital; next++) {
    after.push(words[next]!);
    if (words[next]!.possessive) break;
    if (place ? isGenericInstitution(after) : ORGANISATION_WORDS.has(words[next]!.lower)) return true;
  }
  return false;
}

const longestPlaces = new WeakMap<Gazetteer, number>();

/** The most words (parts between spaces) any place's key has. */
function longestPlace(places: Gazetteer): number {
  let longest = longestPlaces.get(places);
  if (longest === undefined) {
    longest = 0;
    for (const key of places.places.keys()) longest = Math.max(longest, key.split(' ').length);
    longestPlaces.set(places, longest);
  }
  return longest;
}

/** What the whole article says about its words' case. */
interface Usage {
  /** Words written with a capital somewhere other than a sentence's start: names. */
  capitalisedMidSentence: ReadonlySet<string>;
  /** Words written in lower case somewhere: common words, whatever a sentence's start says. */
  lowerCase: ReadonlySet<string>;
}

function mentionsOf([start, end, firm]: [number, number, boolean], words: readonly Word[], usage: Usage, places: Gazetteer): Mention[] {
  if (firm) return [organisation(words.slice(start, end))];
  let run = words.slice(start, end).filter((word, index, all) => !(NOT_NAMES.has(word.lower.replace(/\./g, '')) && (index === 0 || index === all.length - 1)));
  // A ticker after it (`Valeo <VLOF.PA> said`) says a sentence's first word is a name.
  let initial = (run[0]?.initial ?? false) && !words[end]?.ticker;
  // A capital at the start of a sentence says nothing: drop common words there (`The`, `According`).
  while (initial && run.length > 0) {
    const first = run[0]!;
    // A title stays: it says the next words are a person (`Mr. Baker said`).
    const common = !TITLES.has(first.lower) && (SENTENCE_STARTERS.has(first.lower) || STOP_WORDS.has(first.lower) || usage.lowerCase.has(first.lower));
    if (!common || usage.capitalisedMidSentence.has(first.lower) || places.places.has(placeKey(textOf(run)))) break;
    run = run.slice(1);
    while (run[0] && CONNECTORS.has(run[0].text)) run = run.slice(1);
    initial = false;
  }
  // `Illinois Democrat` is Illinois.
  let kept = run.length;
  while (kept > 1 && PARTY_WORDS.has(run[kept - 1]!.lower)) kept--;
  if (kept < run.length) run = run.slice(0, kept);
  if (run.length === 0) return [];
  const cue = contextKind(words, start, end, places);
  // `and` joins only inside an organisation's name (`Securities and Exchange Commission and Canada`).
  const parts: Word[][] = [[]];
  for (const word of run) {
    if (word.text === 'and') parts.push([]);
    else parts.at(-1)!.push(word);
  }
  const mentions: Mention[] = [];
  for (let first = 0; first < parts.length; ) {
    // (Parts more than one `and` apart never join: start from the next part, not from the last.)
    let last = Math.min(parts.length - 1, first + 1);
    while (last > first && !joinsAtAnd(parts, first, last, usage, places)) last--;
    const part = joinParts(parts, first, last);
    const partCue = (first === 0 && cue.first) || (last === parts.length - 1 ? cue.last : undefined);
    mentions.push(...wordsMentions(part, initial && first === 0, words, first === 0 ? start : -1, usage, places, partCue));
    first = last + 1;
  }
  return mentions;
}

/**
 * Whether parts `first` to `last` of a run split at `and` are one organisation's name: it ends
 * like one, no earlier part is a whole name already (`Lloyds Bank`, `Japan`), and two names of
 * two words or more are not one (`Paul Volcker and International Monetary Fund`).
 */
function joinsAtAnd(parts: readonly Word[][], first: number, last: number, usage: Usage, places: Gazetteer): boolean {
  // `Standard and Poor's`: two single words and a possessive, a firm of partners' names (not `Britain and Japan's`).
  const [one, other] = [parts[first]!, parts[last]!];
  if (last - first === 1 && one.length === 1 && other.length === 1 && other[0]!.possessive && !usage.lowerCase.has(one[0]!.lower) && ![one, other].some((part) => places.places.has(placeKey(part[0]!.text)) || places.demonyms.has(placeKey(part[0]!.text)))) return true;
  // One `and` inside a name at most (`Lufkin and Jenrette and Pacific Asset Holdings` are two).
  if (last - first > 1 || parts[last]!.length === 0 || !isOrganisation(joinParts(parts, first, last))) return false;
  const lastLength = parts[last]!.length;
  for (let at = first; at < last; at++) {
    const part = parts[at]!;
    if (part.length === 0 || COMPANY_FORMS.has(part.at(-1)!.lower.replace(/\./g, '')) || places.places.has(placeKey(textOf(part)))) return false;
    // `Capitol Bank and Trust Co` is one name; `Paul Volcker and International Monetary Fund` two.
    const lastStarts = parts[last]![0]!.lower;
    if (part.length >= 2 && lastLength >= 2 && !(ORGANISATION_WORDS.has(lastStarts) && !ADJECTIVES.has(lastStarts)) && !fragmentsAtAnd(part, parts[last]!, usage, places)) return false;
  }
  return true;
}

/**
 * Whether two parts around `and` are halves of one name rather than two names (`U.S. Food` and
 * `Drug Administration`, `House Ways` and `Means Committee`, `American Telephone` and `Telegraph
 * Co`): the part after is one word and the organisation word, and the part before is a country's
 * or a legislature's word and one more, or ends in a word the article writes in lower case.
 */
function fragmentsAtAnd(before: readonly Word[], after: readonly Word[], usage: Usage, places: Gazetteer): boolean {
  if (after.length !== 2) return false;
  const lastWord = before.at(-1)!.lower;
  if (usage.lowerCase.has(lastWord)) return true;
  if (before.length !== 2 || ORGANISATION_WORDS.has(lastWord) || INSTITUTIONS.has(lastWord) || GENERIC_HEADS.has(lastWord)) return false;
  return countryBefore(before, places)?.length === 1 || LEGISLATURES.has(before[0]!.lower);
}

/** Houses whose committees have `and` in their names (`House Ways and Means Committee`). */
const LEGISLATURES = new Set(['house', 'senate', 'congress', 'parliament', 'congressional']);

/** Parts `first` to `last` of a run split at `and`, joined again by `and`. */
function joinParts(parts: readonly Word[][], first: number, last: number): Word[] {
  if (first === last) return parts[first]!.slice();
  return parts.slice(first, last + 1).flatMap((part, index) => (index === 0 ? part : [AND, ...part]));
}

const AND: Word = { text: 'and', lower: 'and', joined: true, initial: false, possessive: false, capital: false, gap: ' ', ticker: false, based: false };

/** Kinds the words around a run say: `first` for its first part, `last` for its last. */
interface Cue {
  first?: NameKind;
  last?: NameKind;
}

/** Words that say the name before them, set off by a comma, is a person's (`Joe Cross, an analyst with …`). */
const ROLES = new Set(['analyst', 'economist', 'consultant', 'spokesman', 'spokeswoman', 'president', 'chairman', 'director', 'official', 'manager', 'executive', 'trader', 'dealer', 'secretary', 'minister', 'governor', 'senator', 'head', 'founder', 'partner', 'vice', 'attorney', 'lawyer', 'broker', 'strategist']);

/**
 * The kind the words around a run say: in angle brackets or before a ticker (`<AXP>`), or said
 * to do something as `it`, a company; `who`, `said he` or an appositive role, a person; before
 * a state or country (`Madera, Calif.`), a place.
 */
function contextKind(words: readonly Word[], start: number, end: number, places: Gazetteer): Cue {
  const cue: Cue = {};
  if (words[start]!.gap.endsWith('<')) cue.first = 'organisation';
  const next = words[end];
  if (next === undefined || next.gap.includes('.')) return cue;
  const after = words[end + 1];
  if (next.ticker || next.gap.includes('>')) cue.last = 'organisation';
  else if (/^(?:said|says)$/.test(next.lower) && after?.joined) {
    if (after.lower === 'its') cue.last = 'organisation';
    else if (/^(?:he|she|his|her)$/.test(after.lower)) cue.last = 'person';
  } else if (next.gap.startsWith(',')) {
    if (next.lower === 'who') cue.last = 'person';
    else if (next.lower === 'which') cue.last = 'organisation';
    else if ((STATE_NAMES.has(next.text) || places.countries.has(placeKey(next.text))) && !(after?.joined && after.capital)) cue.last = 'place';
    else {
      for (let at = end; at < end + 5 && words[at] !== undefined && (at === end || !/[,.;]/.test(words[at]!.gap)); at++) {
        if (ROLES.has(words[at]!.lower)) {
          cue.last = 'person';
          break;
        }
      }
    }
  }
  return cue;
}

function wordsMentions(run: Word[], initial: boolean, words: readonly Word[], start: number, usage: Usage, places: Gazetteer, cue?: NameKind): Mention[] {
  if (run.length === 1) {
    const only = run[0]!;
    const generic =
      STOP_WORDS.has(only.lower) ||
      STATE_ABBREVIATIONS.has(only.lower.replace(/\./g, '')) ||
      (ORGANISATION_WORDS.has(only.lower) && !INSTITUTIONS.has(only.lower)) ||
      PARTY_WORDS.has(only.lower) ||
      ADJECTIVES.has(only.lower);
    if (generic || only.text.length < 2) return [];
  }
  if (run.length === 1 && initial) {
    const only = run[0]!;
    const trusted = usage.capitalisedMidSentence.has(only.lower) || places.countries.has(placeKey(only.text)) || places.demonyms.has(placeKey(only.text)) || isAcronym(only.text);
    if (!trusted) return [];
  }
  // Titles alone (`Prime Minister`, `Chairman`) name nobody.
  if (run.every((word) => TITLES.has(word.lower) || CONNECTORS.has(word.lower))) return [];
  const runKey = placeKey(textOf(run));
  const whole = places.places.get(runKey);
  if (whole !== undefined) return [{ name: whole || textOf(run), kind: 'place' }];
  const demonym = places.demonyms.get(runKey);
  if (demonym !== undefined) return [{ name: demonym, kind: 'place', demonym: true }];
  if (run.length === 1) {
    const key = placeKey(run[0]!.text);
    // `Soviets`, `Americans`: a demonym's plural, the people, no name of their own.
    const people = key.endsWith('s') ? places.demonyms.get(key.slice(0, -1)) : undefined;
    if (people !== undefined) return [{ name: people, kind: 'place', demonym: true }];
    // `Philippine`: the adjective of a place named in the plural (`Philippines`).
    const plural = places.places.get(`${key}s`);
    if (plural !== undefined) return [{ name: plural || `${run[0]!.text}s`, kind: 'place', demonym: true }];
    // `CDs`, `ADRs`: an abbreviation's plural is a common noun's.
    if (/^\p{Lu}{2,}s$/u.test(run[0]!.text)) return [];
  }
  // `North American`, `West European`: a compass point and a demonym, an adjective.
  if (run.length > 1 && run.slice(0, -1).every((word) => ADJECTIVES.has(word.lower)) && places.demonyms.has(placeKey(run.at(-1)!.text))) return [];
  // `Class A`, `Series B`: a class of shares.
  if (run.length === 2 && SHARE_CLASSES.has(run[0]!.lower) && /^(?:\p{Lu}|I{1,3}|IV|V)$/u.test(run[1]!.text)) return [];
  const ofPlace = splitOfPlace(run, words, start, usage, places);
  if (ofPlace !== undefined) return ofPlace;
  const titled = titledPerson(run, words, start, usage, places);
  if (titled !== undefined) return titled;
  if (isGenericInstitution(run)) return [{ name: textOf(run), kind: 'organisation' }];
  const country = countryBefore(run, places);
  if (country !== undefined && country.length < run.length) {
    const rest = run.slice(country.length);
    // A country's body every country has is named with its country (`Japanese Finance Ministry`, `U.S. District Court`).
    if (isGenericInstitution(rest)) return [{ name: `${textOf(rest)} (${country.name})`, kind: 'organisation' }];
    // `U.S. Firm`, `U.K. Based`: title case on common words.
    if (rest.every((word) => usage.lowerCase.has(word.lower))) return [{ name: country.name, kind: 'place', demonym: places.demonyms.has(placeKey(textOf(run.slice(0, country.length)))) }];
  }
  if (isOrganisation(run)) return [organisation(run)];
  if (run.length > 1 && PLACE_DESIGNATORS.has(run.at(-1)!.lower)) return [placeMention(textOf(run.slice(0, -1)), places)];
  const name = textOf(run);
  if (run.length === 1 && (isAcronym(name) || INSTITUTIONS.has(run[0]!.lower))) return [{ name, kind: cue ?? 'organisation' }];
  return [{ name, kind: cue ?? kindByWords(run) }];
}

/**
 * A title phrase in a run and the person it names: `Mr. Baker`; `Ukrainian President Volodymyr
 * Zelenskyy` (the demonym mentions the country); `Senate Majority Leader Robert Dole` (the words
 * before the title are a name of their own). Undefined when no title names a person.
 */
function titledPerson(run: Word[], words: readonly Word[], start: number, usage: Usage, places: Gazetteer): Mention[] | undefined {
  const previous = start > 0 ? words[start - 1] : undefined;
  const titledBefore = previous !== undefined && words[start]!.joined && (HEAD_TITLES.has(previous.lower) || ROLES.has(previous.lower));
  if (titledBefore && !isOrganisation(run) && kindByWords(run) === 'other') return [{ name: textOf(run), kind: 'person' }];
  for (let at = 0; at < run.length - 1; at++) {
    if (!TITLES.has(run[at]!.lower)) continue;
    const length = titlePhraseLength(run, at);
    if (length === 0) continue;
    const person = run.slice(at + length);
    // `General Agreement`, `General Motors`: a common word after a title is no one, nor one word after `General`.
    const word = person.length === 1 && (usage.lowerCase.has(person[0]!.lower) || (length === 1 && run[at]!.lower === 'general'));
    if (isOrganisation(person) || places.places.has(placeKey(textOf(person))) || word) return undefined;
    const mentions: Mention[] = [{ name: textOf(person), kind: 'person' }];
    if (at === 0) return mentions;
    const before = run.slice(0, at);
    const country = countryBefore(before, places);
    if (country !== undefined && country.length === before.length) return [{ name: country.name, kind: 'place', demonym: places.demonyms.has(placeKey(textOf(before))) }, ...mentions];
    const named = wordsMentions(before, false, words, -1, usage, places, 'organisation');
    return [...named, ...mentions];
  }
  return undefined;
}

/** The country a run starts with, by demonym or name (`Japanese`, `West German`, `U.S.`), and how many words it takes. */
function countryBefore(run: readonly Word[], places: Gazetteer): { name: string; length: number } | undefined {
  for (const length of [2, 1]) {
    if (run.length < length) continue;
    const key = placeKey(textOf(run.slice(0, length)));
    const name = places.demonyms.get(key) ?? (places.countries.has(key) ? places.places.get(key) : undefined);
    if (name !== undefined) return { name, length };
  }
  return undefined;
}

/**
 * `Luis Escalante of Costa Rica`, `News Corp Ltd of Australia`: a name and the place it is of,
 * two names. `Bank of England` and `Province of Quebec` stay one (a single word before `of`).
 */
function splitOfPlace(run: Word[], words: readonly Word[], start: number, usage: Usage, places: Gazetteer): Mention[] | undefined {
  let of = run.length - 1;
  while (of >= 0 && run[of]!.lower !== 'of') of--;
  if (of < 1 || of === run.length - 1) return undefined;
  const place = places.places.get(placeKey(textOf(run.slice(of + 1))));
  if (place === undefined) return undefined;
  const before = run.slice(0, of);
  const last = before.at(-1)!.lower;
  // `Province of Quebec`, `Republic of France`: the place itself.
  if (of === 1 && (PLACE_DESIGNATORS.has(last) || STATE_FORMS.has(last))) return [{ name: textOf(run), kind: 'place' }];
  if (of === 1 && (ORGANISATION_WORDS.has(last) || TITLES.has(last) || STATE_WORDS.has(last))) return undefined;
  if (ORGANISATION_WORDS.has(last) && !COMPANY_FORMS.has(last)) return undefined;
  return [...wordsMentions(before, false, words, start, usage, places), { name: place || textOf(run.slice(of + 1)), kind: 'place' }];
}

/** Words before a letter that name a class of shares or bonds (`Class A`, `Series B`). */
const SHARE_CLASSES = new Set(['class', 'series', 'tranche']);

/** `Republic of France`: a state's form before `of` and its name. */
const STATE_FORMS = new Set(['republic', 'kingdom', 'commonwealth', 'principality', 'emirate', 'sultanate', 'grand duchy']);

/** Words before `of` that make one name with the place after it (`Bank of England`, `University of Texas`). */
const STATE_WORDS = new Set(['university', 'state', 'city', 'government', 'people', 'gulf', 'bay', 'sea', 'isle', 'island', 'islands', 'port', 'church', 'duke', 'prince', 'king', 'queen']);

/** What a name's own words say of its kind: `Sioux City`, `Mont Belvieu` are places; `Israel G. Grossman` a person. */
function kindByWords(run: readonly Word[]): NameKind {
  if (run.length > 1 && (PLACE_WORDS.has(run.at(-1)!.lower) || PLACE_PREFIXES.has(run[0]!.lower))) return 'place';
  if (run.length === 3 && /^\p{Lu}$/u.test(run[1]!.text)) return 'person';
  if (/.bank$/.test(run.at(-1)!.lower)) return 'organisation';
  if (run.length >= 2 && GIVEN_NAMES.has(run[0]!.lower) && !ORGANISATION_WORDS.has(run.at(-1)!.lower)) return 'person';
  return 'other';
}

/** A government body every country has, named without its country (`Finance Ministry`, `Ministry of Trade`, `Reserve Bank`). */
export function isGenericInstitution(run: readonly { lower: string }[]): boolean {
  return run.length > 1 && run.some((word) => GENERIC_HEADS.has(word.lower)) && run.every((word) => GENERIC_HEADS.has(word.lower) || GENERIC_SUBJECTS.has(word.lower)) && !CONNECTORS.has(run.at(-1)!.lower);
}

/**
 * How many words at the start of a run are a title phrase: title words (and `of` between them)
 * ending in a head title (`Secretary of State`, `Foreign Minister`, `Mr`). 0 when there is none.
 */
function titlePhraseLength(run: readonly Word[], from = 0): number {
  // (Read in place from `from`: a copy of the rest of the run for each title word was quadratic.)
  let length = 0;
  let head = false;
  for (let index = from; index < run.length - 1; index++) {
    const word = run[index]!.lower;
    if (!TITLES.has(word) && !(index > from && (CONNECTORS.has(word) || (word === 'the' && run[index - 1]!.lower === 'of')))) break;
    head ||= HEAD_TITLES.has(word);
    const next = run[index + 1]!.lower;
    if (head && TITLES.has(word) && !TITLES.has(next) && !CONNECTORS.has(next) && next !== 'the') length = index - from + 1;
  }
  return length;
}

/** `… Commission`, `… Inc`, or `Bank of …`, `Ministry of …`. */
function isOrganisation(run: readonly Word[]): boolean {
  if (run.length < 2) return false;
  const last = run.at(-1)!.lower;
  if (ORGANISATION_WORDS.has(last) || COMPANY_FORMS.has(last.replace(/\./g, '')) || FOREIGN_ORGANISATION_WORDS.has(run[0]!.lower)) return true;
  // `Bank of England`, `First American Bank of Texas`
  // … and `Organisation for Economic Cooperation and Development`
  return run.some((word, at) => at < run.length - 1 && ORGANISATION_WORDS.has(word.lower) && (run[at + 1]!.lower === 'of' || run[at + 1]!.lower === 'for'));
}

/** Words that start an organisation's name in the languages wire copy quotes (`Caisse Centrale …`, `Banco do Brasil`). */
const FOREIGN_ORGANISATION_WORDS = new Set(['caisse', 'banque', 'banco', 'compagnie', 'compagnia', 'compania', 'societe', 'societa', 'sociedad', 'credit', 'credito', 'instituto', 'institut', 'ente', 'electricite']);

/**
 * An organisation's name without its company form: `Ultrasystems Inc` is `Ultrasystems`, `Morgan
 * Stanley and Co` is `Morgan Stanley` (but `Pesch and Co` stays: one word is too little a name).
 */
function organisation(run: readonly Word[]): Mention {
  // The company forms at the end counted off first, the words copied once (a copy for each form was quadratic).
  let end = run.length;
  for (;;) {
    const form = end > 1 && COMPANY_FORMS.has(run[end - 1]!.lower.replace(/\./g, ''));
    if (form && run[end - 2]!.lower !== 'and') end -= 1;
    else if (form && end >= 4) end -= 2;
    else break;
  }
  const words = end === run.length ? run : run.slice(0, end);
  // `Standard and Poor's Corp` is `Standard and Poor's`.
  const name = textOf(words);
  const possessive = words.length < run.length && words.at(-1)!.possessive && !/['’]s$/u.test(name) ? "'s" : '';
  return { name: name + possessive, kind: 'organisation' };
}

function placeMention(name: string, places: Gazetteer): Mention {
  return { name: places.places.get(placeKey(name)) || name, kind: 'place' };
}

/** The words as written; a possessive inside a name keeps its `'s` (`Moody's Investors Service`). */
function textOf(run: readonly Word[]): string {
  // One word is its own text: the branches below add to a word only before another word.
  if (run.length === 1) return run[0]!.text;
  return run
    .map((word, index) => {
      // (`Standard and Poor's` keeps its `'s`: a partner's name.)
      if (index === run.length - 1) return word.possessive && run.includes(AND) ? `${word.text}'s` : word.text;
      if (word.possessive) return `${word.text}'s`;
      if (run[index + 1]!.gap.startsWith(',')) return `${word.text},`;
      // An initial or an abbreviation keeps its full stop inside a name (`Israel G. Grossman`, `U.S. Navy`).
      return /^\p{Lu}$|^\p{Lu}(?:\.\p{Lu})+$/u.test(word.text) ? `${word.text}.` : word.text;
    })
    .join(' ');
}

/** The kind a name was found as most often, a specific kind winning over `other`. */
export function kindOf<Kind extends string>(kinds: ReadonlyMap<Kind | 'other', number>): Kind | 'other' {
  let best: Kind | 'other' = 'other';
  let count = 0;
  for (const [kind, n] of kinds) if (kind !== 'other' && n > count) [best, count] = [kind, n];
  return best;
}
