import { describe, expect, it } from 'vitest';
import { abbreviated, definedAbbreviations, standsFor } from '../../src/derive/abbreviations.ts';

describe('abbreviations', () => {
  it('knows the name an abbreviation spells: its initials in order, small words and company suffixes aside, the last letter maybe inside the last word', () => {
    expect(standsFor('NYMEX', 'the New York Mercantile Exchange')).toBe(true);
    expect(standsFor('CBT', "the Chicago Board of Trade's")).toBe(true);
    expect(standsFor('AT and T', "American Telephone and Telegraph Corp's")).toBe(true);
    expect(standsFor('MITI', 'Ministry of International Trade and Industry')).toBe(true);
    // A place after a name, another company, a name that would need a letter it does not have.
    expect(standsFor('N.Y.', 'Peoples National Bank of Rockland County')).toBe(false);
    expect(standsFor('IBM', 'Smith')).toBe(false);
    expect(standsFor('CFTC', 'the Commodity Futures Exchange')).toBe(false);
  });

  it('finds the names a sentence defines, the shortest run that spells each', () => {
    expect(definedAbbreviations('The chairman of the Commodity Futures Trading Commission, CFTC, said the International Coffee Organization (ICO) council met.')).toEqual(
      new Map([
        ['Commodity Futures Trading Commission', 'CFTC'],
        ['International Coffee Organization', 'ICO'],
      ]),
    );
    expect(definedAbbreviations('Bank of Rockland County, N.Y., and Esso, ESSO, said.').size).toBe(0);
  });

  it('writes the long names short: those defined (and the definitions go), and those every reader knows', () => {
    const defined = new Map([['International Coffee Organization', 'ICO']]);
    expect(abbreviated('The International Coffee Organization (ICO) council met the International Coffee Organization board', defined)).toBe('The ICO council met the ICO board');
    expect(abbreviated('Towle told the Securities and Exchange Commission about the International Monetary Fund')).toBe('Towle told the SEC about the IMF');
  });
});
