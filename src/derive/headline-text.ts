/** Wire copy's company suffixes, which headlines leave out ("Standard Oil Co" → "Standard Oil"): a pattern's alternatives. */
export const COMPANY_SUFFIXES = String.raw`Inc|Corp|Co|Ltd|Plc|PLC|LP|NV|AG|SA|N\.V|S\.A|Cos`;

/** The longest headline a list shows on one or two lines. */
export const MAX_HEADLINE_LENGTH = 90;

/** A headline's characters, not its UTF-16 units. */
export function length(text: string): number {
  // Characters, not UTF-16 units: a character outside the Basic Multilingual Plane is two units, the first a high surrogate.
  return SURROGATE.test(text) ? Array.from(text).length : text.length;
}

const SURROGATE = /[\uD800-\uDBFF]/;

/** A cut headline tidied: no space before punctuation, no doubled word ("said it it has"), no trailing punctuation. */
export function tidy(text: string): string {
  // (The trailing run is matched from its first character only: tried from each of its characters, a long run inside the text was quadratic.)
  // A word the copy doubled ("said it it has", "of of") is said once.
  // Two commas left of an aside that went ("Brierley Investments, , said") go with it.
  return text.replace(/\b(it|of|the|a|an|to|in|on|and|for)\s+\1\b/gi, '$1').replace(/\s*,\s*,(?=\s)/g, '').replace(/\s+([,.;:])/g, '$1').replace(/\s{2,}/g, ' ').replace(/(?<![\s,;:\-–—])[\s,;:\-–—]+$/u, '').trim();
}
