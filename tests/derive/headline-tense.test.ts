import { describe, expect, it } from 'vitest';
import { inHeadlineTense } from '../../src/derive/headline-tense.ts';

describe('inHeadlineTense', () => {
  it.each([
    // What will happen: "to".
    ['Dai Nippon Printing will issue three convertible yen bonds', 'Dai Nippon Printing to issue three convertible yen bonds'],
    ['U.S. Treasury will auction 24.25 billion dlrs of notes', 'U.S. Treasury to auction 24.25 billion dlrs of notes'],
    // What happened: the present, agreeing with the subject the auxiliary names.
    ['Japan has launched a last-ditch effort to salvage its chip pact', 'Japan launches a last-ditch effort to salvage its chip pact'],
    ['Negotiators have agreed on basic elements in a new pact', 'Negotiators agree on basic elements in a new pact'],
    ['North Korea has officially confirmed that it deployed combat units', 'North Korea officially confirms that it deployed combat units'],
    ['Rolls Royce is seeking a 250 mln stg option facility', 'Rolls Royce seeks a 250 mln stg option facility'],
    ['Floor traders are guesstimating the hog slaughter', 'Floor traders guesstimate the hog slaughter'],
    // A past straight after its subject: singular or plural, read from the subject's head.
    ['Sandoz planned a joint venture to produce herbicides', 'Sandoz plans a joint venture to produce herbicides'],
    ['Sales of new single-family homes fell 6.8 pct in January', 'Sales of new single-family homes fall 6.8 pct in January'],
    ['Spain’s consumer price index rose 0.4 pct in February', 'Spain’s consumer price index rises 0.4 pct in February'],
    ['Australian police charged a former currency clerk', 'Australian police charge a former currency clerk'],
    ['McDonnell Douglas said talks with Airbus were at an informal stage', 'McDonnell Douglas said talks with Airbus were at an informal stage'],
    ['Secretary of State George Shultz acknowledged failings in the Iran arms affair', 'Secretary of State George Shultz acknowledges failings in the Iran arms affair'],
    // The tagger's lemma mended, the text's spelling kept.
    ['Federal Aviation Administration fined Delta Air Lines 140,400 dlrs', 'Federal Aviation Administration fines Delta Air Lines 140,400 dlrs'],
    ['Sandvik has finalised negotiations with Diamant Boart', 'Sandvik finalises negotiations with Diamant Boart'],
  ])('"%s" → "%s"', (headline, expected) => {
    expect(inHeadlineTense(headline)).toBe(expected);
  });

  it.each([
    // Not a plain subject: a clause, a pronoun, a comma.
    'The company, which went public last year, bought a stake in Alpha',
    'It bought a stake in Alpha',
    // The first verb is not the main one: another finite verb follows.
    "Japan's January seasonally adjusted industrial production index was revised",
    'Loans made to farmers fell 10 pct',
    // An adjective after a possessive, a passive with its agent.
    "Southwestern Bell's planned acquisitions of cellular telephone companies",
    "Smithkline Beckman's genetically engineered hepatitis B vaccine",
    'Grain export business reported since yesterday by government agencies',
    'Australian dollar eurobond launched yesterday for the Republic of Finland',
    // A subject whose number the words cannot tell.
    'Consolidated Oil and Gas said the exercise price was raised',
    'Quintette Coals of Canada and Japanese steelmakers failed to agree on the coal price',
    'Showers continued throughout the week',
    // A passive: without its auxiliary it would read as the giver.
    'Cyprus Minerals was awarded a five year contract to supply coal',
    // Nothing to change, or an article before the verb.
    'Shares of Temple Inland rise sharply',
    'The proposed 757 mln dlr deal',
  ])('leaves "%s" as it is', (headline) => {
    expect(inHeadlineTense(headline)).toBe(headline);
  });

  it('never makes a headline longer than 90 characters', () => {
    const long = `Acme cut ${'its prices on every product line '.repeat(3).trim()}`.slice(0, 90);
    expect(long).toHaveLength(90);
    expect(inHeadlineTense(long)).toBe(long);
  });
});
