import { describe, expect, it } from 'vitest';
import { deriveHeadline, MAX_HEADLINE_LENGTH, truncateAtWord } from '../../src/derive/headline.ts';
import { stripWireDateline } from '../../src/derive/wire-dateline.ts';
import { splitSentences } from '../../src/derive/sentences.ts';

describe('stripWireDateline', () => {
  it.each([
    ['SALVADOR, Feb 26 - Showers continued.', 'Showers continued.'],
    ['NEW YORK, March 2 - Shares rose.', 'Shares rose.'],
    ['HORSHAM, Pa., April 1 - Aydin Corp said.', 'Aydin Corp said.'],
    ['RICHMOND, Va. Feb 26 - Qtly div eight cts.', 'Qtly div eight cts.'],
    ['AMSTERDAM, 2 March - The Dutch Central Bank said.', 'The Dutch Central Bank said.'],
    ['NEW YORK, FEb 26 - Coca-Cola said.', 'Coca-Cola said.'],
    ['MONTREAL, Feb 26- Shr 1.11 dlrs.', 'Shr 1.11 dlrs.'],
    ['KYIV (Reuters) - Ukraine said.', 'Ukraine said.'],
    ['LONDON, April 7 (Reuters) — Prices fell.', 'Prices fell.'],
  ])('removes the dateline of "%s"', (lede, expected) => {
    expect(stripWireDateline(lede)).toBe(expected);
  });

  it('leaves a lede without a dateline alone', () => {
    for (const lede of ['U.S. - Soviet talks resumed.', 'North Korea has officially confirmed it.', 'NATO said on Friday - officials agreed.']) {
      expect(stripWireDateline(lede)).toBe(lede);
    }
  });
});

describe('splitSentences', () => {
  it('does not split after abbreviations, initials or "Feb." before a day', () => {
    expect(splitSentences('The U.S. Agriculture Department said Mr. Smith left on Feb. 26 for Washington. Then more.')).toEqual([
      'The U.S. Agriculture Department said Mr. Smith left on Feb. 26 for Washington.',
      'Then more.',
    ]);
    expect(splitSentences('Arvin Industries Inc said L.K. Evans was elected. He succeeds Baker.')).toHaveLength(2);
    expect(splitSentences('Sens. Alan Cranston and Daniel Evans spoke. Then left.')).toHaveLength(2);
  });

  it('splits after a company suffix that ends a sentence, but not before lower case', () => {
    expect(splitSentences('S and P cut Atlantic City Electric Co. About 500 mln dlrs of debt is affected.')).toHaveLength(2);
    expect(splitSentences('Standard Oil Co. said it would sell. Shares rose.')).toHaveLength(2);
  });

  it('splits after a month name that ends a sentence', () => {
    expect(splitSentences('Prices rose 3.5 pct in Jan. Traders said so.')).toHaveLength(2);
  });
});

describe('deriveHeadline', () => {
  it('takes the first sentence of the lede without its dateline and final full stop', () => {
    expect(deriveHeadline(['SALVADOR, Feb 26 - Showers continued in the Bahia cocoa zone. More text follows.', 'Second.'], 'x')).toBe('Showers continued in the Bahia cocoa zone');
  });

  it('cuts a long first sentence at a word boundary with an ellipsis, within the limit', () => {
    const lede = 'North Korea has officially confirmed that it deployed combat units to Russia to assist in military operations against Ukraine, declaring the move as a “fulfillment” of the new partnership between the two countries.';
    const headline = deriveHeadline([lede], 'x');
    expect(headline).toBe('North Korea has officially confirmed that it deployed combat units to Russia to assist in military…');
    expect(Array.from(headline).length).toBeLessThanOrEqual(MAX_HEADLINE_LENGTH);
  });

  it('handles non-Latin ledes and long words without spaces', () => {
    expect(deriveHeadline(['朝鲜正式确认向俄罗斯派兵。第二句。'], 'x')).toBe('朝鲜正式确认向俄罗斯派兵。');
    const unbroken = 'あ'.repeat(300);
    expect(Array.from(deriveHeadline([unbroken], 'x')).length).toBe(MAX_HEADLINE_LENGTH);
  });

  it('is never empty: falls back to the next paragraph, then to the fallback', () => {
    expect(deriveHeadline(['* * *', 'Real text here.'], 'x')).toBe('Real text here');
    expect(deriveHeadline(['---', '...'], 'Article 8e7b')).toBe('Article 8e7b');
  });
});

describe('truncateAtWord', () => {
  it('leaves short text alone and never cuts inside a word', () => {
    expect(truncateAtWord('short', 10)).toBe('short');
    expect(truncateAtWord('alpha beta gamma delta', 15)).toBe('alpha beta…');
  });
});
