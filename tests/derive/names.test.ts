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
