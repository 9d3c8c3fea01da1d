/**
 * Abbreviations a headline may use for a long name, as sub-editors do: the ones an article
 * defines ("the International Coffee Organization (ICO)", "the Chicago Board of Trade, CBT,") and a
 * few every reader of financial news knows ("Securities and Exchange Commission" → "SEC").
 */

/** An abbreviation as wire copy writes one: "CBT", "NYMEX", "AT and T", "CC.OO". */
const ABBREVIATION = String.raw`\p{Lu}[\p{Lu}.&-]{1,7}(?:\s+and\s+\p{Lu}{1,3})?`;
/** An abbreviation defined after its name: in brackets, or between commas. Group 1: the abbreviation. */
const DEFINED = new RegExp(String.raw`(?:\s\(|,\s+)(${ABBREVIATION})(?:\)|,(?=\s))`, 'gu');
/** An abbreviation between commas, where a name may stand before it. */
const BETWEEN_COMMAS = new RegExp(String.raw`,\s+(${ABBREVIATION}),(?=\s)`, 'gu');
/** An abbreviation opening a text, then a comma. */
const OPENING = new RegExp(String.raw`^(${ABBREVIATION}),\s+`, 'u');

/** Names whose abbreviation needs no definition (AP and Reuters headline style). */
const WELL_KNOWN: readonly [RegExp, string][] = [
  [/\bSecurities and Exchange Commission\b/g, 'SEC'],
  [/\bOrgani[sz]ation of Petroleum Exporting Countries\b/g, 'OPEC'],
  [/\bInternational Monetary Fund\b/g, 'IMF'],
  [/\bGeneral Agreement on Tariffs and Trade\b/g, 'GATT'],
  [/\bEuropean (?:Economic )?Community\b/g, 'EC'],
  [/\bOrgani[sz]ation for Economic Co-?operation and Development\b/g, 'OECD'],
  [/\bFederal Deposit Insurance Corp(?:oration)?\b/g, 'FDIC'],
  [/\bFederal Home Loan Bank Board\b/g, 'FHLBB'],
  [/\bCommodity Futures Trading Commission\b/g, 'CFTC'],
  [/\bNew York Stock Exchange\b/g, 'NYSE'],
];

/**
 * Where the name an abbreviation stands for starts in the text before it, or -1: the shortest run
 * of capitalised words ending the text whose initials, in order, are its letters ("International
 * Coffee Organization" for ICO; "of", "and", "the" and company suffixes pass unspelled), one more
 * letter inside the last word allowed ("New York Mercantile Exchange" for NYMEX). "Smith, IBM,"
 * and "Peoples National Bank of Rockland County, N.Y.," name no such run.
 */
export function nameStart(abbreviation: string, before: string): number {
  const letters = abbreviation.replace(/\band\b|[^\p{L}]/gu, '').toLowerCase();
  const words = Array.from(before.matchAll(/\S+/g)).slice(-12);
  for (let first = words.length - 1; first >= 0; first--) {
    if (spells(letters, words.slice(first).map((word) => word[0]))) return words[first]!.index;
  }
  return -1;
}

/** Whether the initials of `words` (small words aside) spell `letters`; the last of three or more may come from inside the last word. */
function spells(letters: string, words: readonly string[]): boolean {
  const initials = words.filter((word) => !SMALL_WORDS.has(word.replace(/['’]s$|\.$/u, '').toLowerCase()));
  if (initials.some((word) => !/^\p{Lu}/u.test(word))) return false;
  const spelled = initials.map((word) => word.charAt(0).toLowerCase()).join('');
  if (spelled === letters) return true;
  // "Exchange" gives NYMEX its X.
  const last = initials.at(-1)?.slice(1).toLowerCase() ?? '';
  return letters.length > 2 && spelled === letters.slice(0, -1) && last.includes(letters.at(-1)!);
}

/** Words an abbreviation does not spell: small words, and the company suffixes wire copy adds ("American Telephone and Telegraph Corp's, AT and T,"). */
const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'on', 'de', 'du', 'des', 'la', 'le', '&', 'inc', 'corp', 'co', 'ltd', 'plc']);

/** Whether an abbreviation stands for the name written just before it. */
export function standsFor(abbreviation: string, before: string): boolean {
  return nameStart(abbreviation, before) !== -1;
}

/** The names a sentence defines an abbreviation for, with the abbreviation: "International Coffee Organization" → "ICO". */
export function definedAbbreviations(sentence: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of sentence.matchAll(DEFINED)) {
    const before = sentence.slice(Math.max(0, match.index - 100), match.index);
    const start = nameStart(match[1]!, before);
    const name = start === -1 ? '' : before.slice(start).replace(/['’]s$/u, '').replace(/\s+(?:Inc|Corp|Co|Ltd|Plc)\.?$/u, '').trim();
    // A name of two words or more: "Esso, ESSO," says nothing shorter.
    if (/\s/.test(name)) found.set(name, match[1]!);
  }
  return found;
}

/** A text without the abbreviations it repeats between commas after their names: "the Chicago Board of Trade's, CBT, proposal" → "the Chicago Board of Trade's proposal". */
export function withoutRepeatedAbbreviations(text: string): string {
  return text.replace(BETWEEN_COMMAS, (whole: string, abbreviation: string, at: number) => (standsFor(abbreviation, text.slice(Math.max(0, at - 100), at)) ? '' : whole));
}

/** A text without the abbreviation it opens with when that stands for the name `before` ends on: "CBT, proposal to …" after "… Board of Trade's". */
export function withoutAbbreviationAfterName(text: string, before: string): string {
  const opening = OPENING.exec(text);
  return opening && standsFor(opening[1]!, before) ? text.slice(opening[0].length) : text;
}

/** A sentence with its long names as their abbreviations (and the definitions, now said, gone). */
export function abbreviated(text: string, defined: ReadonlyMap<string, string> = new Map()): string {
  let result = text;
  for (const [name, abbreviation] of defined) {
    result = result.split(`${name} (${abbreviation})`).join(abbreviation).split(`${name}, ${abbreviation},`).join(abbreviation).split(name).join(abbreviation);
  }
  for (const [pattern, abbreviation] of WELL_KNOWN) result = result.replace(pattern, abbreviation);
  return result;
}
