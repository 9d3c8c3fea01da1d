/**
 * A sub-editor's checks of what a list shows of an article (headline and standfirst), judged by a
 * part-of-speech tagger (wink-nlp with its English model, which Dateline's cutter also reads) and,
 * for verbs, a second one Dateline does not use (compromise), so one tagger's mistake is not taken
 * for a pass; the judge's rules are its own, not the cutter's. Shared by
 * bench/headlines.ts (figures over a folder) and tests/derive/lede-quality.test.ts (targets).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import compromise from 'compromise';

const nlp = winkNLP(model, ['pos']);
const its = nlp.its;

export interface Token {
  word: string;
  lower: string;
  pos: string;
}

export function tag(text: string): Token[] {
  const doc = nlp.readDoc(text);
  const words = doc.tokens().out() as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  return words.map((word, index) => ({ word, lower: word.toLowerCase(), pos: tags[index]! }));
}

/** Words a headline cannot end on: they promise another word (determiners, prepositions, conjunctions, auxiliaries, possessives, "to"). */
const FUNCTION_POS = new Set(['ADP', 'DET', 'CCONJ', 'SCONJ', 'AUX', 'PART']);
const POSSESSIVE = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your', 'whose']);
const HAVE = new Set(['has', 'have', 'had']);
const FINITE_AFTER_HAVE = new Set(['will', 'would', 'is', 'are', 'was', 'were', 'can', 'could', 'should', 'may', 'might', 'must', 'does', 'did', 'shall']);
const PREPOSITIONS = new Set(['at', 'from', 'of', 'for', 'in', 'on', 'to', 'by', 'with', 'into', 'about', 'than', 'before', 'after']);
const MODALS = new Set(['will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'shall', 'did', 'does', 'do']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we']);
/** Verbs that leave the reader waiting when they end a headline ("… will remain", "… is thought", "… to assist"). */
const WANTS_MORE = new Set(['remain', 'remains', 'thought', 'assist', 'become', 'becomes', 'include', 'includes', 'make', 'makes', 'give', 'gives', 'take', 'takes', 'seek', 'seeks', 'consider', 'considers', 'said', 'says', 'expected', 'believed', 'reported', 'told', 'called', 'named', 'put', 'puts', 'set', 'keep', 'keeps', 'bring', 'buy', 'sell', 'acquire', 'reach', 'raise', 'cut', 'hold', 'holds']);

/** Why a headline breaks English, or undefined when it does not: each reason is one of the patterns. */
export function brokenPattern(headline: string): string | undefined {
  const text = headline.replace(/…$/, '').trim();
  if (/\b(?:at|from|of|for|in|on|to|by|with|into|before|after|than)['’]s\b/i.test(text)) return 'preposition before a possessive';
  const tokens = tag(text).filter((token) => token.pos !== 'PUNCT' || /[,;:]/.test(token.word));
  for (let index = 0; index + 1 < tokens.length; index++) {
    const [here, next, after] = [tokens[index]!, tokens[index + 1]!, tokens[index + 2]];
    if (HAVE.has(here.lower) && FINITE_AFTER_HAVE.has(next.lower)) return 'auxiliary before a finite verb';
    if (HAVE.has(here.lower) && next.pos === 'ADV' && after && /^\p{Ll}+s$/u.test(after.word) && after.pos === 'VERB' && !/ss$/.test(after.word)) return 'auxiliary before a finite verb';
    // A modal written in lower case ("for would"); "on May 15" is a date.
    if (PREPOSITIONS.has(here.lower) && here.pos === 'ADP' && ((MODALS.has(next.word) ) || (next.lower === 'to' && /^(?:of|for|at|from|with|by)$/.test(here.lower)))) return 'preposition before a verb';
    // ("of at least 80 pct" and "with in-store" are English: "at least" is an adverb, "in-" a prefix the tokenizer split off.)
    const adverbial = next.lower === 'at' && /^(?:least|most)$/.test(after?.lower ?? '');
    const prefix = next.lower === 'in' && /\bin-\p{L}/u.test(text);
    if (/^(?:of|for|at|from|with|by|into)$/.test(here.lower) && here.pos === 'ADP' && next.pos === 'ADP' && /^(?:of|for|at|from|with|by|on|in|to|into)$/.test(next.lower) && !adverbial && !prefix) return 'preposition before a preposition';
    // A subject said twice: "Senator Ruth Calloway she would …" (a name after a verb is its object: "told the SEC it cut …").
    if (here.pos === 'PROPN' && SUBJECT_PRONOUNS.has(next.lower) && (after?.pos === 'AUX' || after?.pos === 'VERB') && !tokens.slice(0, index).some((token) => token.pos === 'VERB' || token.pos === 'AUX')) return 'pronoun after its subject';
  }
  const last = tokens.at(-1);
  if (last && last.lower === 'to' && tokens.length > 1) return 'ends on a function word';
  if (last && tokens.length > 1) {
    const before = tokens.at(-2)!;
    if (WANTS_MORE.has(last.lower) && (before.pos === 'AUX' || before.lower === 'to' || before.lower === 'be')) return 'ends on a verb that needs its object';
  }
  return undefined;
}

/** Whether a headline ends on a word that promises another: a preposition, article, conjunction, auxiliary, possessive or "to" (a "…" aside). */
export function endsOnFunctionWord(headline: string): boolean {
  const tokens = tag(headline.replace(/…$/, '').trim()).filter((token) => token.pos !== 'PUNCT');
  const last = tokens.at(-1);
  if (!last || tokens.length < 2) return false;
  if (POSSESSIVE.has(last.lower)) return true;
  // "… said it", "the one he is": an auxiliary that ends an elliptic clause is English ("as it has"), one after a noun is not.
  if (last.pos === 'AUX') return !/^(?:is|are|was|were|did|does|do|has|have|had)$/.test(last.lower) || tokens.at(-2)?.pos === 'PROPN' || tokens.at(-2)?.pos === 'NOUN';
  if (!FUNCTION_POS.has(last.pos) || /^(?:up|down|out|off|over|in|on|back|around|away|through|so|too|yet|there|here)$/.test(last.lower)) return false;
  const before = tokens.at(-2)!;
  // Adverbs the tagger reads as prepositions or determiners: "a year before", "28 dlrs each"; and a capitalised word after a name is part of it ("Exxon Plus").
  if (/^(?:before|after|earlier|later|ago)$/.test(last.lower) && /^(?:years?|months?|weeks?|days?|period|quarter)$/.test(before.lower)) return false;
  if (last.lower === 'each' && (before.pos === 'NOUN' || before.pos === 'NUM')) return false;
  return !(/^\p{Lu}/u.test(last.word) && before.pos === 'PROPN');
}

/**
 * A report of a subject alone: "Du Pont says the U.S. District Court", "Olin said John W. Johnstone
 * Jr, 54, president" — what follows "said", "says" or "told" has no verb for either tagger.
 */
function reportsSubjectOnly(text: string): boolean {
  // (Not an attribution's own phrase: "…, the Commission said in a report".)
  const reported = /\b(?:said|says|told)\s+(?!(?:to|in|on|at|by|for|from|with|after|before|during|late|earlier|today|yesterday)\b)(\S+\s+\S.*)$/.exec(text)?.[1];
  if (reported === undefined) return false;
  return !tag(reported).some((token) => token.pos === 'VERB' || token.pos === 'AUX') && !compromise(reported).has('#Verb');
}

/** What a verb takes after it: an object, a figure, an adverb, a phrase. */
const AFTER_A_VERB = new Set(['DET', 'NUM', 'ADV', 'ADP', 'PRON', 'PROPN', 'PART', 'ADJ']);

/**
 * A verb in the present tense headlines are written in, which both taggers may read as a noun
 * ("Sales of new homes fall 6.8 pct", "Aviation Administration fines Delta"): a lower-case word
 * after a noun, a name or a possessive and before what a verb takes, that compromise reads as a verb after "it"
 * (an -s form) or "they".
 */
function hasHeadlineVerb(tokens: readonly Token[]): boolean {
  for (let index = 1; index + 1 < tokens.length; index++) {
    const [before, word, next] = [tokens[index - 1]!, tokens[index]!, tokens[index + 1]!];
    if ((before.pos !== 'NOUN' && before.pos !== 'PROPN' && before.pos !== 'PART') || !/^\p{Ll}+$/u.test(word.word) || !AFTER_A_VERB.has(next.pos)) continue;
    if (compromise(`${/s$/.test(word.lower) ? 'it' : 'they'} ${word.lower}`).has('#Verb')) return true;
  }
  return false;
}

/** Wire-table shorthand a reader should not meet in a headline. */
const SHORTHAND = /\b(?:shr|shrs|qtly|qtrly|mthly|div|revs?|oper|avg|mths|qtr|vs|dlrs?\s+vs)\b/i;
/** A table said in words under a label: "Fourth-quarter results: loss 2.07 dlrs a share", "Rainfall in Bahia: …". */
const LABELLED = /^\p{Lu}[^:]{2,70}:\s+\S/u;

/**
 * Whether a headline is a table row ("Shr loss 2.07 dlrs vs loss eight cts"), a note ("Note: …"),
 * reports a subject without its verb, or has no verb at all. A verb counts when either tagger
 * (wink-nlp, compromise) finds one, so one tagger's mistake ("The Bank of England forecast a
 * shortage" read as nouns) is not counted.
 */
export function notAStory(headline: string): string | undefined {
  const text = headline.replace(/…$/, '').trim();
  if (/^\(?(?:note|corrects?|repeat|rpt)\b/i.test(text)) return 'a note';
  if (SHORTHAND.test(text)) return 'a table row';
  if (/^[\p{Lu}]{3,}(?:\s+[\p{Lu}]{2,})*\s+[-–—]/u.test(text)) return 'a table row';
  if (LABELLED.test(text)) return undefined;
  if (!headline.endsWith('…') && reportsSubjectOnly(text)) return 'no verb';
  const tokens = tag(text).filter((token) => token.pos !== 'PUNCT');
  if (tokens.some((token) => token.pos === 'VERB' || token.pos === 'AUX')) return undefined;
  if (compromise(text).has('#Verb')) return undefined;
  if (hasHeadlineVerb(tokens)) return undefined;
  const figures = tokens.filter((token) => token.pos === 'NUM' || /\d/.test(token.word)).length;
  return figures > 0 ? 'a table row' : 'no verb';
}

const STOP = new Set('a an the of to in on at for from by with and or but nor as than that which who whom whose it its their his her our this these those is are was were be been being has have had will would could should may might can must do does did said says say not no inc corp co ltd plc also he she they we i you'.split(' '));

export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).map((word) => word.replace(/['’]s$|[.'’-]+$/u, '')).filter((word) => word !== '' && !STOP.has(word));
}

/** Whether a standfirst says nothing: no letter or figure ("." left of a table's row is as empty as ""). */
export function isEmptyStandfirst(standfirst: string): boolean {
  return !/[\p{L}\p{N}]/u.test(standfirst);
}

/** Whether a standfirst opens with the headline's first five content words (all of them, when it has fewer). */
export function standfirstRepeats(headline: string, standfirst: string): boolean {
  const head = contentWords(headline).slice(0, 5);
  const open = contentWords(standfirst).slice(0, head.length);
  return head.length > 0 && head.every((word, index) => open[index] === word);
}

/** ROUGE-1 F1 of a headline against a reference title: lower-cased word tokens, tickers in angle brackets left out of the title. */
export function rouge1(candidate: string, reference: string): number {
  const words = (text: string) => text.replace(/<[^<>]*>/g, ' ').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const ours = words(candidate);
  const theirs = words(reference);
  if (ours.length === 0 || theirs.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const word of theirs) counts.set(word, (counts.get(word) ?? 0) + 1);
  let overlap = 0;
  for (const word of ours) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(word, left - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / ours.length;
  const recall = overlap / theirs.length;
  return (2 * precision * recall) / (precision + recall);
}

/** What a list shows of one article. */
export interface Lede {
  source: string;
  headline: string;
  summary: string;
}

/** The sub-editor's figures over a set of ledes (counts), and ROUGE-1 against reference titles where given (by source). */
export function ledeFigures(ledes: readonly Lede[], titles?: ReadonlyMap<string, string>) {
  const count = (test: (lede: Lede) => boolean) => ledes.filter(test).length;
  const scored = titles === undefined ? [] : ledes.filter((lede) => titles.has(lede.source)).map((lede) => rouge1(lede.headline, titles.get(lede.source)!));
  return {
    articles: ledes.length,
    cut: count((lede) => lede.headline.endsWith('…')),
    over90: count((lede) => Array.from(lede.headline).length > 90),
    broken: count((lede) => brokenPattern(lede.headline) !== undefined),
    functionWord: count((lede) => endsOnFunctionWord(lede.headline)),
    notAStory: count((lede) => notAStory(lede.headline) !== undefined),
    repeats: count((lede) => standfirstRepeats(lede.headline, lede.summary)),
    empty: count((lede) => isEmptyStandfirst(lede.summary)),
    rouge: scored.length === 0 ? undefined : scored.reduce((sum, score) => sum + score, 0) / scored.length,
  };
}
