import { describe, expect, it } from 'vitest';
import { stripControlCharacters } from '../../src/clean/control-characters.ts';
import { compileLeftoverPatterns, DEFAULT_LEFTOVER_PATTERNS, stripLeftovers } from '../../src/clean/leftovers.ts';

describe('stripLeftovers', () => {
  it("removes the seed's scraper leftovers as whole paragraphs and lists them", () => {
    const result = stripLeftovers(['Lede.', 'Article continues below the player', 'Middle.', 'Advertisment1', 'End.']);
    expect(result.paragraphs).toEqual(['Lede.', 'Middle.', 'End.']);
    expect(result.leftovers).toEqual(['Article continues below the player', 'Advertisment1']);
    expect(result.signOffs).toEqual([]);
  });

  it.each(['Advertisement', 'ADVERTISEMENT', 'Advertisment', 'Advertisement 2', 'Advert', 'advertisement3', 'Article continues after advertisement'])('removes "%s"', (leftover) => {
    expect(stripLeftovers(['Lede.', leftover, 'End.']).paragraphs).toEqual(['Lede.', 'End.']);
  });

  it('keeps a real sentence that mentions an advertisement', () => {
    const paragraphs = ['The advertisement ran for three weeks.', 'Advertisement revenue fell 3 pct.'];
    expect(stripLeftovers(paragraphs).paragraphs).toEqual(paragraphs);
  });

  it('removes the wire sign-off as a last paragraph, in any case, but not elsewhere', () => {
    expect(stripLeftovers(['Lede.', 'Reuter']).paragraphs).toEqual(['Lede.']);
    expect(stripLeftovers(['Lede.', 'REUTER'])).toEqual({ paragraphs: ['Lede.'], leftovers: [], signOffs: ['REUTER'] });
    expect(stripLeftovers(['Reuter', 'Lede.']).paragraphs).toEqual(['Reuter', 'Lede.']);
  });

  it('removes a sign-off or MORE continuation glued to the last sentence', () => {
    expect(stripLeftovers(['Lede.', 'n.a.-not available. Reuter']).paragraphs).toEqual(['Lede.', 'n.a.-not available.']);
    expect(stripLeftovers(['Lede.', 'dealers said. REUTER...']).paragraphs).toEqual(['Lede.', 'dealers said.']);
    expect(stripLeftovers(['Lede.', 'subject to financing.  More']).signOffs).toEqual(['More']);
    expect(stripLeftovers(['Lede.', 'he said. REUTER Reuter'])).toEqual({ paragraphs: ['Lede.', 'he said.'], leftovers: [], signOffs: ['Reuter', 'REUTER'] });
    expect(stripLeftovers(['He worked for Reuters']).paragraphs).toEqual(['He worked for Reuters']);
    expect(stripLeftovers(['He wants more']).paragraphs).toEqual(['He wants more']);
  });

  it('removes a sign-off glued to a table row or a cut-off word, however it is glued', () => {
    expect(stripLeftovers(['Shr 16 cts vs 13 cts', 'Pay April 15', 'Record March 31 Reuter']).paragraphs).toEqual(['Shr 16 cts vs 13 cts', 'Pay April 15', 'Record March 31']);
    expect(stripLeftovers(['Lede.', 'growth had been slowing since the summe REUTER']).paragraphs).toEqual(['Lede.', 'growth had been slowing since the summe']);
    expect(stripLeftovers(['Lede.', 'Ford Motor Co <F> Reuter']).paragraphs).toEqual(['Lede.', 'Ford Motor Co <F>']);
    expect(stripLeftovers(['Lede.', 'REUTER^M']).paragraphs).toEqual(['Lede.']);
  });

  it('keeps a line a pattern would remove when the user keeps it, compared with case and trailing numbers folded', () => {
    const result = stripLeftovers(['Lede.', 'Related:', 'Advertisement 3', 'End.'], DEFAULT_LEFTOVER_PATTERNS, new Set(['related']));
    expect(result).toEqual({ paragraphs: ['Lede.', 'Related:', 'End.'], leftovers: ['Advertisement 3'], signOffs: [] });
  });

  it('applies extra patterns from the config to whole paragraphs only', () => {
    const patterns = compileLeftoverPatterns(['Follow us on \\w+']);
    expect(stripLeftovers(['Lede.', 'Follow us on Twitter', 'Follow us on Twitter for more.'], patterns).paragraphs).toEqual(['Lede.', 'Follow us on Twitter for more.']);
  });
});

describe('stripControlCharacters', () => {
  it('removes characters that HTML and XML forbid, keeping tabs, newlines and all text', () => {
    expect(stripControlCharacters('a\u0003b\u0000c\td\u007Fe\u0085f — ü 北')).toBe('abc\tdef — ü 北');
  });

  it('turns carriage returns and typed ^M line ends into plain newlines', () => {
    expect(stripControlCharacters('one^M\ntwo\r\nthree\rfour ^M')).toBe('one\ntwo\nthree\nfour ');
  });

  it('drops lone surrogates but keeps emoji', () => {
    expect(stripControlCharacters('a\uD800b 😀')).toBe('ab 😀');
  });
});
