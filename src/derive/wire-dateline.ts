import { gazetteer, placeKey } from './gazetteer.ts';

/**
 * A wire dateline at the start of a lede: a place, then a date or an agency, then a dash.
 * Real wire copy spells it every way: `SALVADOR, Feb 26 - `, `New York, March 3 - `,
 * `CHICAGO, March 4, - `, `HORSHAM, Pa., April 1 - `, `RICHMOND, Va. Feb 26 - `,
 * `AMSTERDAM, 2 March - `, `KYIV (Reuters) - `, `WOODBRIDGE, N.J. - `, and scanned copy
 * adds junk (`****RIO DE JANEIRO, …`, `ME}LBOURNE, …`).
 *
 * A place in capitals needs a date, an agency or a region after it; a place in ordinary case
 * needs a date or an agency, so "U.S. - Soviet talks" and "Apple, Google - the giants" stay text.
 */
const WORD = String.raw`\p{Lu}[\p{L}\p{M}.'’&/{}-]*`;
const CAPS_WORD = String.raw`\p{Lu}[\p{Lu}\p{M}.'’&/{}-]*`;
const CAPS_PLACE = String.raw`${CAPS_WORD}(?: ${CAPS_WORD}){0,4}`;
const ANY_PLACE = String.raw`${WORD}(?: \p{L}[\p{L}\p{M}.'’&/-]*){0,4}`;
/** `, Pa.`, ` Va.`, `, Ontario`, `, N.J.`: a state, province or country after the city. */
const REGION = String.raw`(?:\s?,\s?(?:the )?${WORD}(?: ${WORD}){0,2}| ${WORD}(?: ${WORD}){0,1}){1,2}`;
/** A month spelt any way (`Feb`, `FEb`, `Marc`, `March`) and a day, either order. */
// (`\s*(?:,\s*)?`, not `\s*,?\s*`: without a comma the two runs shared the same spaces, quadratic on a long run of them.)
const DATE = String.raw`\s*(?:,\s*)?(?<!\p{L})(?:\p{L}{3,9}\.?,?\s+[\dOlI]{1,3}|\d{1,2}\s+\p{L}{3,9})\b`;
const AGENCY = String.raw`\s*(?:\((?:Reuters?|AP|AFP|UPI|dpa)\)|,\s*Reuters?\b)`;
const DASH = String.raw`\s*(?:,\s*)?[-–—]{1,2}\s+`;
const JUNK = String.raw`(?:RPT|REPEAT|CORRECTED|\d{1,2}(?=\s))?[^\p{L}\p{N}"“(]{0,6}`;
const WIRE_DATELINE = new RegExp(
  [
    String.raw`^${JUNK}(?<caps>${CAPS_PLACE}(?:${REGION})?)(?:${DATE}(?:${AGENCY})?|${AGENCY})${DASH}`,
    String.raw`^${JUNK}(?<region>${CAPS_PLACE},\s${WORD}(?: ${WORD}){0,2})${DASH}`,
    String.raw`^${JUNK}(?<any>${ANY_PLACE}(?:${REGION})?)(?:${DATE}(?:${AGENCY})?|${AGENCY})${DASH}`,
  ].join('|'),
  'u',
);
/** `BEIRUT - Rescue workers …`: a place alone, in capitals, counts only when the gazetteer knows it (`WHEAT - No Two …` is a market report). */
const BARE_PLACE = new RegExp(String.raw`^${JUNK}(?<bare>\p{Lu}{2,}(?: \p{Lu}{2,}){0,2})\s+[-–—]{1,2}\s+(?=["“‘']?\p{Lu})`, 'u');

/** The wire dateline's place (as written) and the lede after it, or undefined. */
export function splitWireDateline(lede: string, isPlace: (name: string) => boolean = knownPlace): { place: string; rest: string } | undefined {
  const bare = BARE_PLACE.exec(lede);
  const match = bare?.groups?.['bare'] !== undefined && isPlace(bare.groups['bare']) ? bare : WIRE_DATELINE.exec(lede);
  const place = match?.groups?.['bare'] ?? match?.groups?.['caps'] ?? match?.groups?.['region'] ?? match?.groups?.['any'];
  if (!match || place === undefined) return undefined;
  const rest = lede.slice(match[0].length);
  return rest.trim() === '' ? undefined : { place, rest };
}

function knownPlace(name: string): boolean {
  return gazetteer().places.has(placeKey(name));
}

/** Removes a wire dateline prefix such as `SALVADOR, Feb 26 - ` from a lede. */
export function stripWireDateline(lede: string): string {
  return splitWireDateline(lede)?.rest ?? lede;
}

const LOWER_PARTICLES = new Set(['de', 'da', 'do', 'del', 'la', 'le', 'of', 'upon', 'am', 'on']);

/**
 * A dateline's place as a reader reads it: `RIO DE JANEIRO` → `Rio de Janeiro`,
 * `WOODBRIDGE, N.J.` → `Woodbridge, N.J.`, `ME}LBOURNE` → `Melbourne`. Places written in
 * ordinary case are kept as written.
 */
export function placeName(place: string): string {
  const cleaned = place.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
  if (/\p{Ll}/u.test(cleaned.replace(/,.*$/, ''))) return cleaned;
  return cleaned
    .split(' ')
    .map((word, index) => {
      const lower = word.toLowerCase();
      if (index > 0 && LOWER_PARTICLES.has(lower)) return lower;
      // Each part after a full stop, hyphen or apostrophe starts again: N.J., Winston-Salem, O'Hare.
      return lower.replace(/(^|[.\-'’/])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
    })
    .join(' ');
}
