/**
 * A wire dateline at the start of a lede: a place in capitals, then a date or an agency, then a dash.
 * Real wire copy spells the date every way (`Feb 26`, `FEb 26`, `Va. Feb 26`, `2 March`, `Marc 3`),
 * so the date part is "up to 40 characters ending in a day number"; `KYIV (Reuters) - ` has no date.
 */
const PLACE = String.raw`\p{Lu}[\p{Lu}\p{M}.'’&/-]*(?: [\p{Lu}\p{M}.'’&/-]+){0,4}`;
const AGENCY = String.raw`\s*\((?:Reuters?|AP|AFP|UPI|dpa)\)`;
const DATE = String.raw` ?[,.]\s*(?:(?! [-–—] )[^\n]){0,40}?\b\d{1,2}(?:\s+\p{L}{3,9})?`;
const WIRE_DATELINE = new RegExp(String.raw`^(${PLACE})(?:${AGENCY}|${DATE}(?:${AGENCY})?)\s*[-–—]{1,2}\s+`, 'u');

/** The wire dateline's place (as written, in capitals) and the lede after it, or undefined. */
export function splitWireDateline(lede: string): { place: string; rest: string } | undefined {
  const match = WIRE_DATELINE.exec(lede);
  if (!match?.[1]) return undefined;
  const rest = lede.slice(match[0].length);
  return rest.trim() === '' ? undefined : { place: match[1], rest };
}

/** Removes a wire dateline prefix such as `SALVADOR, Feb 26 - ` from a lede. */
export function stripWireDateline(lede: string): string {
  return splitWireDateline(lede)?.rest ?? lede;
}

