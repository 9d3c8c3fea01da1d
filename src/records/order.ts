import type { IsoDate } from '../dates.ts';

/**
 * The archive's one order, oldest first: by date, then by the source path with numbers compared
 * as numbers (`999_x.txt` before `1000_y.txt`, `007_` before `0012_`), then by id. Every list,
 * archive and previous/next link follows it.
 *
 * The order is a string key compared code point by code point, so it sorts the same in memory
 * and in the build state store (whose keys compare as UTF-8 bytes). Characters outside the Basic
 * Multilingual Plane are written as an escape, so JavaScript's UTF-16 comparison agrees too.
 */
export function orderKey(article: { date: IsoDate; source: string; id: string }): string {
  return `${article.date}\u0000${naturalKey(article.source)}\u0000${plane(article.source)}\u0000${plane(article.id)}`;
}

/** The date an order key starts with. */
export function dateOfOrder(key: string): IsoDate {
  return key.slice(0, 10);
}

/** The id an order key ends with. */
export function idOfOrder(key: string): string {
  return unplane(key.slice(key.lastIndexOf('\u0000') + 1));
}

/** Sorts order keys (or anything by them) oldest first. */
export function compareOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Each run of digits as its length (3 digits) then its digits without leading zeros, behind a
 * character below every printable one: numbers compare by value and before letters.
 */
function naturalKey(source: string): string {
  return plane(source).replace(/\d+/g, (digits) => {
    const value = digits.replace(/^0+(?=\d)/, '');
    return `\u0001${String(value.length).padStart(3, '0')}${value}`;
  });
}

const ASTRAL = /[\u{10000}-\u{10FFFF}]/gu;

function plane(text: string): string {
  return text.replace(ASTRAL, (char) => `\uD7FF${char.codePointAt(0)!.toString(16).padStart(6, '0')}`);
}

function unplane(text: string): string {
  if (!text.includes('\uD7FF')) return text;
  return text.replace(/\uD7FF([0-9a-f]{6})/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
}
