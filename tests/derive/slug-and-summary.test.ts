import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from '../../src/derive/reading.ts';
import { deriveSlug, MAX_SLUG_LENGTH, SAFE_SLUG } from '../../src/derive/slug.ts';
import { deriveSummary, MAX_SUMMARY_LENGTH } from '../../src/derive/summary.ts';

describe('deriveSlug', () => {
  it('transliterates to ASCII', () => {
    expect(deriveSlug('Café in São Paulo: “quotes” & more', 'id')).toBe('cafe-in-sao-paulo-quotes-and-more');
    expect(deriveSlug('Москва заявила', 'id')).toBe('moskva-zayavila');
  });

  it(`stays within ${MAX_SLUG_LENGTH} characters, cut at a hyphen`, () => {
    const slug = deriveSlug('North Korea has officially confirmed that it deployed combat units to Russia to assist', 'id');
    expect(slug).toBe('north-korea-has-officially-confirmed-that-it-deployed-combat');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
  });

  it('falls back to the id for text with no Latin letters', () => {
    expect(deriveSlug('朝鲜正式确认', '8e7b29ad4a414b1e')).toBe('8e7b29ad4a414b1e');
    // An id that is not already [a-z0-9-] is slugged and given a digest, so ids never collide.
    expect(deriveSlug('…', 'My Id')).toMatch(/^my-id-[0-9a-f]{8}$/);
  });

  it('only ever yields lower-case letters, digits and single hyphens', () => {
    for (const text of ['../../etc/passwd', 'a&b\'c', '<script>x</script>', '%2e%2e%2f', '  --  ']) {
      expect(deriveSlug(text, 'fallback-id')).toMatch(SAFE_SLUG);
    }
  });
});

describe('deriveSummary', () => {
  it('takes about 200 characters from the lede and the paragraphs after it', () => {
    expect(deriveSummary(['Short lede.', 'Second paragraph.'])).toBe('Short lede. Second paragraph.');
    const long = deriveSummary(['word '.repeat(100)]);
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(MAX_SUMMARY_LENGTH);
  });
});

describe('reading figures', () => {
  it('counts words, numbers and hyphenated words once each', () => {
    expect(countWords('The U.S. said 1,750 dlrs — a well-known figure.')).toBe(8);
  });

  it('rounds reading time to whole minutes, at least one', () => {
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(460)).toBe(2);
  });
});
