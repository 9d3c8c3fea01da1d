import colorNames from 'color-name';

/*
 * A colour a user may give for the site's accents, written into a stylesheet as the value of a
 * custom property. The pattern is strict so that nothing can leave the declaration: a hex colour,
 * `rgb()`/`rgba()`/`hsl()`/`hsla()` with numbers (and `%`, `deg`, `turn`, `rad`, `grad`) separated by
 * spaces, commas or one `/`, or one of CSS's 148 named colours. No quotes, semicolons, braces,
 * comments, `var()` or `url()`.
 */

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:%|deg|turn|rad|grad)?`;
const FUNCTION = new RegExp(String.raw`^(?:rgba?|hsla?)\(\s*${NUMBER}(?:\s*,\s*|\s+)${NUMBER}(?:\s*,\s*|\s+)${NUMBER}(?:\s*[,/]\s*${NUMBER})?\s*\)$`, 'i');
const NAMED: ReadonlySet<string> = new Set(Object.keys(colorNames as Record<string, unknown>));

/** True when `value` is a colour Dateline writes into its theme stylesheet as it is. */
export function isCssColor(value: string): boolean {
  return HEX.test(value) || FUNCTION.test(value) || NAMED.has(value.toLowerCase());
}
