import { createRequire } from 'node:module';

/** Universal part-of-speech tags, as wink-nlp's English model gives them. */
export type Tag = 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

/** A word of a sentence with its tag and where it stands in the sentence (UTF-16 offsets). */
export interface Word {
  text: string;
  lower: string;
  tag: Tag;
  start: number;
  end: number;
  /** The word's dictionary form (`launched` → `launch`), read only when asked for (see {@link tagWords}). */
  lemma?: string;
}

interface Nlp {
  readDoc(text: string): { tokens(): { out(what?: unknown): string[] } };
  its: { pos: unknown; lemma: unknown };
}

let nlp: Nlp | undefined;

/**
 * The words of a sentence, tagged by wink-nlp's English model (loaded on first use, ~150 ms, and
 * only by a build that has a long lede to shorten). Offsets are found in the text, so a cut at a
 * word keeps the text exactly as written.
 */
export function tagWords(text: string, { lemmas = false } = {}): Word[] {
  nlp ??= loadTagger();
  const doc = nlp.readDoc(text);
  const words = doc.tokens().out();
  const tags = doc.tokens().out(nlp.its.pos) as Tag[];
  const lemmaOf = lemmas ? doc.tokens().out(nlp.its.lemma) : undefined;
  const tagged: Word[] = [];
  let cursor = 0;
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const at = text.indexOf(word, cursor);
    // A token the tokenizer spelled otherwise than the text (none seen; a safeguard): it stands where the last one ended.
    const start = at === -1 ? cursor : at;
    const end = at === -1 ? cursor : at + word.length;
    tagged.push({ text: word, lower: word.toLowerCase(), tag: tags[index]!, start, end, ...(lemmaOf ? { lemma: lemmaOf[index]! } : {}) });
    cursor = end;
  }
  return tagged;
}

function loadTagger(): Nlp {
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => Nlp;
  return winkNLP(require('wink-eng-lite-web-model'), ['pos']);
}
