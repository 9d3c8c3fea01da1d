import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNames, type FoundName } from '../../src/derive/names.ts';
import { keyTerms } from '../../src/derive/terms.ts';
import { SEEDS } from '../helpers/files.ts';

const names = (...paragraphs: string[]) => findNames(paragraphs).map((name) => `${name.name} (${name.kind})`);

describe('findNames', () => {
  it("finds the seed's people, places and organisations, variants merged, most mentioned first", async () => {
    const text = await readFile(path.join(SEEDS, '000_8e7b29ad4a414b1e.txt'), 'utf8');
    const paragraphs = text.replace(/^ date \S+ /, '').split(/\n\s*\n/).filter((paragraph) => !/^(Article continues|Advertisment)/.test(paragraph));
    const found = findNames(paragraphs);
    const byName = new Map(found.map((name): [string, FoundName] => [name.name, name]));
    expect(found.slice(0, 3).map((name) => name.name)).toEqual(['North Korea', 'Ukraine', 'Russia']);
    expect(byName.get('North Korea')).toMatchObject({ kind: 'place', lede: true }); // also `North Korean`, a demonym
    expect(byName.get('Kursk')).toMatchObject({ kind: 'place', mentions: 4 }); // `Kursk Oblast`, `Kursk region`, `Kursk` twice
    expect(byName.get('Kim Jong Un')).toMatchObject({ kind: 'person', mentions: 2 });
    expect(byName.get('Volodymyr Zelenskyy')).toMatchObject({ kind: 'person', mentions: 2 }); // `Ukrainian President Volodymyr Zelenskyy`
    expect(byName.get('Pyongyang')).toMatchObject({ kind: 'place', mentions: 2 });
    expect(byName.get('Central Military Commission')).toMatchObject({ kind: 'organisation', mentions: 2 });
    expect(byName.get('Belgorod')).toMatchObject({ kind: 'place', mentions: 1 });
    for (const noise of ['December', 'Sunday', 'The', 'According', 'President', 'Ukrainian', 'Russia.', 'Advertisment1']) expect(byName.has(noise), noise).toBe(false);
  });

  it('drops capitals that only start a sentence, months, weekdays and sign-offs', () => {
    expect(names('Shares rose on Monday in March. Analysts said Apple Computer Inc gained. Reuter')).toEqual(['Apple Computer (organisation)']);
    expect(names('Later, prices fell. Prices of Grain rose.')).toEqual(['Grain (other)']);
  });

  it('keeps a sentence-initial name the article also names mid-sentence, and countries anywhere', () => {
    expect(names('Brazil said exports rose. Ferruzzi bought it. Analysts at Ferruzzi agreed.')).toEqual(['Ferruzzi (other)', 'Brazil (place)']);
  });

  it('knows a news agency for an organisation, never a person', () => {
    const names = findNames(['Yugoslav prices rose 10 pct in March, Tanjug said.', 'Tanjug said wages fell, and Belgrade officials agreed with Tanjug.']);
    expect(names.find((name) => name.name === 'Tanjug')).toMatchObject({ kind: 'organisation' });
  });

  it('merges spellings and a surname into one name', () => {
    expect(names('The U.S. and the United States of America. USA.', 'Mr. James Baker spoke. Baker said so; Baker’s aides agreed.')).toEqual([
      'United States (place)',
      'James Baker (person)',
    ]);
  });

  it('leaves out a place named only in the wire dateline, and takes company forms off organisations', () => {
    expect(names('IRVINE, Calif., March 16 - Ultrasystems Inc said it won.', 'Analysts expect Ultrasystems to win more.')).toEqual(['Ultrasystems (organisation)']);
    expect(names('IRVINE, Calif., March 16 - Ultrasystems Inc said it won.', 'It will move from Irvine.')).toEqual(['Ultrasystems (organisation)', 'Irvine (place)']);
  });

  it('reads nothing from shouted paragraphs and joins `and` only inside organisations', () => {
    expect(names('WHEAT MAY7 NOTE THE PRICE OF CORN')).toEqual([]);
    expect(names('The Securities and Exchange Commission and Canada and Mexico agreed.')).toEqual(['Securities and Exchange Commission (organisation)', 'Canada (place)', 'Mexico (place)']);
  });
});

describe('keyTerms', () => {
  it('keeps the most frequent content words, plurals folded, stop words out', () => {
    expect(keyTerms('Oil prices rose. The price of oil and crude oil futures; prices, prices.')).toEqual(['price', 'oil', 'rose', 'crude', 'future']);
  });
});

describe('findNames on names that look like something else', () => {
  it.each([
    ['Sales fell on trade. Analysts said so.', []],
    ['Prime Minister Theresa May spoke on May 4.', ['Theresa May (person)']],
    ['Shares of Sun Microsystems rose.', ['Sun Microsystems (other)']],
    ['Analysts at State Street agreed.', ['State Street (other)']],
    ['Secretary of State George Shultz flew in.', ['George Shultz (person)']],
    ['Goldman Sachs and the White House. Sachs said. The House voted.', ['Goldman Sachs (other)', 'White House (other)', 'Sachs (other)', 'House (other)']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('merges hyphenated and spaced spellings', () => {
    expect(findNames(['Shares of Hewlett-Packard rose; analysts like Hewlett Packard.']).map((name) => [name.name, name.mentions])).toEqual([['Hewlett-Packard', 2]]);
  });
});

describe('findNames on what issue 9 found among the topics', () => {
  it.each([
    ['the wire itself is never a name', 'Officials told Reuters the talks failed. Reuters reported more.', []],
    ['a demonym before a company is part of its name (`Express` was a piece of American Express)', 'American Express said it would. American Express shares rose.', ['American Express (other)']],
    ['party words are nobody', 'Republicans and Democrats agreed. Senator Robert Dole, a Kansas Republican, spoke.', ['Robert Dole (person)', 'Kansas (place)']],
    ['a demonym alone makes no name', 'The French government said the Italian group had control.', []],
    ['a widely known short name joins its full name', 'The Federal Reserve met. The Fed said rates would hold.', ['Federal Reserve (organisation)']],
    ['an abbreviation the article defines joins its full name', 'The International Coffee Organization (ICO) met. The ICO failed.', ['International Coffee Organization (organisation)']],
    ['a company shortened to its first words joins its full name', 'Shearson Lehman Brothers Inc said it grew. Shearson had 20 pct.', ['Shearson Lehman Brothers (organisation)']],
    ['a body every country has keeps its country', "Japan's Finance Ministry said so. The Japanese Finance Ministry agreed.", ['Finance Ministry (Japan) (organisation)']],
    ['a ticker says a company and is no name', 'Valeo <VLOF.PA> said it sold Soma.', ['Valeo (organisation)', 'Soma (other)']],
    ['a person of a country is two names', 'Spokesman Luis Escalante of Costa Rica said so.', ['Luis Escalante (person)', 'Costa Rica (place)']],
    ['a firm of partners is one name', 'The suit was filed by Donaldson, Lufkin and Jenrette for clients.', ['Donaldson, Lufkin and Jenrette (organisation)']],
    ['an institution before a title is a name of its own', 'Senate Majority Leader Robert Dole said so.', ['Senate (organisation)', 'Robert Dole (person)']],
  ])('%s', (_, text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});

describe('findNames on fragments, company forms and words that only look like names', () => {
  it.each([
    ['a name with "and" inside is one name when its halves are not names (`U.S. Food` + `Drug Administration`)', 'The U.S. Food and Drug Administration approved the drug.', ['U.S. Food and Drug Administration (organisation)']],
    ['a legislature\'s committee with "and" inside is one name', 'The House Ways and Means Committee voted.', ['House Ways and Means Committee (organisation)']],
    ['a company with "and" inside is one name', 'American Telephone and Telegraph Co said it would cut prices.', ['American Telephone and Telegraph (organisation)']],
    ['an organisation "for" something, with "and" inside, is one name', 'The Organisation for Economic Cooperation and Development said so.', ['Organisation for Economic Cooperation and Development (organisation)']],
    ['two names around "and" stay two', 'Paul Volcker and International Monetary Fund officials met.', ['Paul Volcker (person)', 'International Monetary Fund (organisation)']],
    ['a title goes on through "of the" to the person it names', 'Chancellor of the Exchequer Nigel Lawson said so. U.K. Chancellor of the Exchequer Nigel Lawson agreed.', ['Nigel Lawson (person)', 'United Kingdom (place)']],
    ['"of the" after a title does not swallow an organisation', 'He was Chairman of the Organisation of African Unity.', ['Organisation of African Unity (organisation)']],
    ['a partner\'s name with a possessive makes a firm (`Poor` was a piece of Standard and Poor\'s)', "The notes were rated BBB by Standard and Poor's.", ["Standard and Poor's (other)"]],
    ['the last partner alone joins the firm', "Standard and Poor's Corp cut the rating. Poor's analysts agreed.", ["Standard and Poor's (organisation)"]],
    ['a trailing "and Co" goes like other company forms, and commas do not split a firm', 'Morgan Stanley and Co led it. Goldman, Sachs and Co joined. Analysts at Goldman Sachs and at Morgan Stanley agreed.', ['Morgan Stanley (organisation)', 'Goldman, Sachs (organisation)']],
    ['a one-word firm keeps its "and Co"', 'The shares were sold by Pesch and Co yesterday.', ['Pesch and Co (organisation)']],
    ['a plural demonym is people, not a name', 'The wheat would be offered to the Soviets, officials said.', []],
    ['the adjective of a place named in the plural is no name', 'The debt talks worried Philippine officials.', []],
    ['a compass point and a demonym is an adjective', 'The company sold its North American units.', []],
    ['a class of shares is no name', 'The firm sold Class A shares and Class B stock.', []],
    ['an abbreviation in the plural is a common noun', 'The bank sold CDs to investors.', []],
    ['a currency word after a country is no name', 'Reserves stood at 50 billion U.S. Dlrs, up from 45 billion.', ['United States (place)']],
  ])('%s', (_, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ['ICCO', 'International Cocoa Organization'],
    ['GDP', 'Gross Domestic Product'],
    ['LIBOR', 'London Interbank Offered Rate'],
    ['FDIC', 'Federal Deposit Insurance Corporation'],
    ['OECD', 'Organisation for Economic Cooperation and Development'],
    ['VW', 'Volkswagen'],
  ])('the widely known %s joins its full name', (short, full) => {
    expect(findNames([`Officials of the ${full} met.`, `The ${short} said prices would rise.`]).map((name) => name.name)).toEqual([full]);
  });
});

describe('findNames on awkward runs', () => {
  it('does not fail on a party word between names joined by "and" (a crash on Reuters 00234)', () => {
    expect(() => findNames(['The poll showed Labour with 35 pct and the Alliance of Social Democrats and Liberals with 21 pct.'])).not.toThrow();
  });
});
