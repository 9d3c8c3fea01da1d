import { describe, expect, it } from 'vitest';
import { MAX_HEADLINE_LENGTH, truncateAtWord } from '../../src/derive/headline.ts';
import { deriveLede } from '../../src/derive/lede.ts';
import { startsWithWords } from '../../src/derive/summary.ts';
import { placeName, splitWireDateline, stripWireDateline } from '../../src/derive/wire-dateline.ts';
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
    ['New York, March 3 - Shares rose.', 'Shares rose.'],
    ['CHICAGO, March 4, - Futures fell.', 'Futures fell.'],
    ['****RIO DE JANEIRO, March 5 - Brazil said.', 'Brazil said.'],
    ['WOODBRIDGE, N.J. - Hovnanian said.', 'Hovnanian said.'],
    ['ME}LBOURNE, March 3 - CRA Ltd said.', 'CRA Ltd said.'],
    ['Scarborough, Ontario, Feb 26 - Shr 45 cts.', 'Shr 45 cts.'],
    ['OAKLAND , N.J., March 2 - Diagnostic Retrieval said.', 'Diagnostic Retrieval said.'],
    ['WASHINGTON, March 12, Reuter - A judge said.', 'A judge said.'],
    ['BELGRADE, March 2O - The government said.', 'The government said.'],
    ['GRONINGEN March 31 - European countries must.', 'European countries must.'],
    ['BEIRUT - Rescue workers planned to leave.', 'Rescue workers planned to leave.'],
    ['BERNE - Swiss consumer prices rose.', 'Swiss consumer prices rose.'],
    ['0    LONDON, April 29 - The U.K. economy looks stronger.', 'The U.K. economy looks stronger.'],
    ['ARNHEM, the Netherlands, April 1 - Enka said.', 'Enka said.'],
  ])('removes the dateline of "%s"', (lede, expected) => {
    expect(stripWireDateline(lede)).toBe(expected);
  });

  it('leaves a lede without a dateline alone', () => {
    for (const lede of ['U.S. - Soviet talks resumed.', 'North Korea has officially confirmed it.', 'NATO said on Friday - officials agreed.', 'WHEAT - No Two Soft Red Winter 129.50 up 1.50.', 'Apple, Google - the two giants agreed.']) {
      expect(stripWireDateline(lede)).toBe(lede);
    }
  });
});

describe('placeName', () => {
  it.each([
    ['SALVADOR', 'Salvador'],
    ['RIO DE JANEIRO', 'Rio de Janeiro'],
    ['WOODBRIDGE, N.J.', 'Woodbridge, N.J.'],
    ['ME}LBOURNE', 'Melbourne'],
    ['WINSTON-SALEM, N.C.', 'Winston-Salem, N.C.'],
    ['Scarborough, Ontario', 'Scarborough, Ontario'],
  ])('reads %s as %s', (raw, expected) => {
    expect(placeName(splitWireDateline(`${raw}, March 3 - Text follows.`)?.place ?? '')).toBe(expected);
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

describe('deriveLede', () => {
  const lede = (...paragraphs: string[]) => deriveLede(paragraphs, 'Article x');
  /** The headline of a lede that more paragraphs follow. */
  const headline = (sentence: string) => lede(sentence, 'More follows.').headline;

  it('takes the whole first sentence when it fits, without dateline or final full stop, and continues the standfirst after it', () => {
    expect(lede('SALVADOR, Feb 26 - Showers continued in the Bahia cocoa zone. Farmers were relieved.', 'Second paragraph.')).toEqual({
      headline: 'Showers continued in the Bahia cocoa zone',
      summary: 'Farmers were relieved. Second paragraph.',
      place: 'Salvador',
    });
  });

  it('compresses a long sentence at a clause boundary, with no ellipsis and at most 90 characters', () => {
    const { headline, summary } = lede('SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January and improving prospects for the coming temporao.');
    expect(headline).toBe('Showers continued throughout the week in the Bahia cocoa zone');
    expect(Array.from(headline).length).toBeLessThanOrEqual(MAX_HEADLINE_LENGTH);
    // The headline is the sentence's start: the standfirst carries the rest of it.
    expect(summary).toBe('…alleviating the drought since early January and improving prospects for the coming temporao.');
  });

  it('drops asides, company suffixes, "said it" and attribution tails before cutting', () => {
    expect(lede('Standard Oil Co and BP North America Inc said they plan to form a venture to manage the money market borrowing and investment activities of both companies.').headline).toBe(
      'Standard Oil and BP North America plan to form a venture',
    );
    expect(lede('The International Coffee Organization (ICO) council failed to agree on export quotas for the coming season after ten days of talks, delegates said.').headline).toBe(
      'International Coffee Organization council fails to agree on export quotas',
    );
  });

  it('drops an aside before the verb, keeps "and Co" in a firm\'s name, and never cuts to a subject without its verb', () => {
    expect(lede('KUWAIT, March 1 - Kuwait\'s Oil Minister, in remarks published today, said OPEC would not raise its output ceiling in the coming months whatever happened to prices.').headline).toBe(
      "Kuwait's Oil Minister said OPEC would not raise its output ceiling in the coming months",
    );
    expect(lede('Sole underwriter Goldman, Sachs and Co said it is publicly offering 40.05 mln dlrs of principal exchange rate linked securities due 1992.').headline).toBe(
      'Sole underwriter Goldman, Sachs and Co is publicly offering 40.05 mln dlrs',
    );
  });

  it('never starts the standfirst with the headline, even when the story repeats its opening words', () => {
    const { headline, summary } = lede(
      'LONDON, March 6 - Total futures and options turnover on the London International Financial Futures Exchange (LIFFE) fell slightly during February, although daily average Eurodollar volume set a new record, LIFFE said today.',
      "Total futures and options turnover last month was 822,378 contracts, down from January's 881,778.",
      'Eurodollar turnover during February was 140,417 lots.',
    );
    expect(startsWithWords(summary, headline)).toBe(false);
    expect(headline).toBe('Total futures and options turnover fell slightly during February');
    expect(summary.startsWith('…although daily average Eurodollar volume set a new record')).toBe(true);
  });

  it('gives the rest of the first sentence as the standfirst when the headline shortens it, then the next sentence', () => {
    const { headline, summary } = lede('Standard Oil Co and BP North America Inc said they plan to form a venture to manage the money market borrowing and investment activities of both companies.', 'BP North America is a subsidiary of British Petroleum.');
    expect(headline).toBe('Standard Oil and BP North America plan to form a venture');
    expect(summary).toBe('…to manage the money market borrowing and investment activities of both companies. BP North America is a subsidiary of British Petroleum.');
  });

  it('gives a story of one sentence a standfirst: the headline ends at a clause boundary and the standfirst carries the rest', () => {
    expect(lede('LONDON, March 3 - Sale Tilney Plc said it bought Birmingham Bank for 12 mln stg.')).toEqual({
      headline: 'Sale Tilney buys Birmingham Bank',
      summary: '…for 12 mln stg.',
      place: 'London',
    });
  });

  it('unwraps company names in ticker brackets and drops bare tickers', () => {
    expect(lede('LONDON, March 3 - <Sale Tilney Plc> said it bought Birmingham Bank <BHAM.L> for 12 mln stg.', 'More follows.').headline).toBe('Sale Tilney buys Birmingham Bank for 12 mln stg');
    expect(lede('Shoe-Town Inc <shu> said it had record February sales.').headline).toBe('Shoe-Town had record February sales');
    expect(lede('Prices rose sharply & <fast>.').headline).toBe('Prices rose sharply & <fast>');
  });

  it('never gives a bare list marker: a numbered opening keeps its sentence', () => {
    expect(lede('1. This is not a list of anything at all, it is the opening of a story.', 'More follows.').headline).toBe('This is not a list of anything at all, it is the opening of a story');
  });

  it('takes the first prose sentence when the article opens with a table row', () => {
    expect(lede('NEW YORK, March 4 - Qtr ended Jan 31', 'Shr 10 cts vs 12 cts', 'The company said sales of its heating products rose sharply in the quarter.').headline).toBe(
      'The company said sales of its heating products rose sharply in the quarter',
    );
  });

  it('says in words what a table is, whose (the company a note names, else the place) and its first figure; the standfirst gives the other rows', () => {
    expect(lede('MONTVALE, N.J., March 18 - Qtly div 17-1/2 cts vs 17-1/4 cts', 'Pay April 15', 'Record March 31', 'NOTE: Full name Federal Paper Board Co.')).toEqual({
      // Whose dividend matters more than when it is paid: the date goes to the standfirst when both do not fit.
      headline: 'Federal Paper Board quarterly dividend: 17-1/2 cts a share, up from 17-1/4 cts',
      summary: 'Pay April 15; Record March 31',
      place: 'Montvale, N.J.',
    });
    expect(lede('RICHMOND, Va. Feb 26 - Qtly div eight cts vs eight cts prior', 'Pay March 31', 'Record March 13').headline).toBe('Quarterly dividend from Richmond, Va.: eight cts a share, unchanged, payable March 31');
    expect(lede('LOUISVILLE, Ky., Feb 26 - Shr one dlr vs 73 cts', 'Net 12.6 mln vs 15.8 mln', 'Nine mths', 'Shr 3.07 dlrs vs 3.08 dlrs')).toEqual({
      headline: 'Quarterly net profit from Louisville, Ky.: one dlr a share against 73 cts',
      summary: 'Net 12.6 mln vs 15.8 mln; Nine mths; Shr 3.07 dlrs vs 3.08 dlrs',
      place: 'Louisville, Ky.',
    });
    expect(lede('4th qtr Jan 31', 'Oper shr loss 2.07 dlrs vs loss eight cts', 'NOTE: Per shr calculated after preferred dividends.', '1986 net includes a gain.').headline).toBe(
      'Fourth-quarter operating loss: 2.07 dlrs a share against a loss of eight cts',
    );
    // Rows with no earlier figure, a group's figures, the wire's "prior qtr" left out.
    expect(lede('Shr 14 cts', 'Net 510,917', 'Sales 12.3 mln').headline).toBe('Net profit: 14 cts a share');
    expect(lede('STOCKHOLM, March 3 - Group net profit 30 mln crowns vs 35 mln', 'Sales 1.2 billion vs 1.1 billion').headline).toBe('Net profit from Stockholm: 30 mln crowns against 35 mln');
    expect(lede('SEATTLE, March 3 - Qtr ended Feb 28', 'Shr four cts vs four cts prior qtr', 'Net 1.2 mln vs 1.1 mln').headline).toBe(
      'Net profit from Seattle for the quarter to Feb 28: four cts a share against four cts',
    );
    // Other figures set against earlier ones: said by the first row's label (before: the row itself, "… 133.5 mln crowns vs 101 mln").
    expect(lede('STOCKHOLM, March 3 - Group profit after net financial items - 133.5 mln crowns vs 101 mln', 'Sales 1.92 billion vs 1.68 billion').headline).toBe(
      'Group profit after net financial items from Stockholm: 133.5 mln crowns against 101 mln',
    );
    // … but not a sentence with a comma before "vs", nor a label cut at a date.
    expect(lede('U.S. factory usage of lard totaled 21.3 mln lbs, vs a revised 25.6 mln lbs in December.').headline).toMatch(/^U\.S\. factory usage of lard totals 21\.3 mln lbs/);
    // Wire typos of dividend and operating rows read as what they are.
    expect(lede('JACKSON, Miss., March 20 - Qlty div 25 cts vs 25 cts prior', 'Payable April 22', 'Record April 10').headline).toBe('Quarterly dividend from Jackson, Miss.: 25 cts a share, unchanged, payable April 22');
    // A table Dateline cannot read keeps its rows: the first half in the headline, the rest in the standfirst, never empty.
    expect(lede('Wheat 20,000 mt Norrkoping', 'Barley 10,000 mt Rouen')).toEqual({ headline: 'Wheat 20,000 mt Norrkoping', summary: 'Barley 10,000 mt Rouen' });
    expect(lede('Today - 1631.4', 'Previous - 1614.2', 'Four weeks ago - 1628.9')).toEqual({ headline: 'Today - 1631.4; Previous - 1614.2', summary: 'Four weeks ago - 1628.9' });
    // One row: its label over what it labels, else cut in two at a word.
    expect(lede('Accumulative total at 1800 gmt - 1010')).toEqual({ headline: 'Accumulative total at 1800 gmt', summary: '1010' });
    expect(lede('Jun --- --- --- 5507 Sep --- --- --- 4885')).toEqual({ headline: 'Jun --- --- --- 5507…', summary: '…Sep --- --- --- 4885' });
    // The standfirst goes on from the rows as the headline joined them: no ".;" left of a row's final stop (before: ".; Bin Qasim …").
    expect(lede('Enquiries - Rotterdam/Karachi 20,000 mt scrap 15-30/4.', 'Bin Qasim/Shanghai 25,000 mt pig iron 1-10/4.', 'Chungjin/Manila 4,200 mt steel coils 23-30/4.').summary).toBe(
      'Bin Qasim/Shanghai 25,000 mt pig iron 1-10/4; Chungjin/Manila 4,200 mt steel coils 23-30/4',
    );
    // A line of words is a headline whole, a date before it no label.
    expect(lede('APRIL 11 - ISRAEL INTRODUCES SUMMER TIME.')).toEqual({ headline: 'APRIL 11 - ISRAEL INTRODUCES SUMMER TIME', summary: '' });
  });

  it('gives a one-sentence story a standfirst even when no cut leaves one: who said it, or what a label labels', () => {
    expect(lede('NEW YORK, March 25 - The New York Stock Exchange said Monarch Capital Corp Pfd will not resume trading today.')).toMatchObject({
      headline: 'Monarch Capital Pfd will not resume trading today',
      summary: 'According to the New York Stock Exchange.',
    });
    // ("said it …" keeps its subject: the claim must name what it is about.)
    expect(lede('The exchange said it will not resume trading in Monarch Capital today.')).toMatchObject({ headline: 'The exchange will not resume trading', summary: '…in Monarch Capital today.' });
    expect(lede('GRADINGS - None posted, Total todate 146.')).toMatchObject({ headline: 'GRADINGS - None posted', summary: '…Total todate 146.' });
    expect(lede('TENDERS - None posted yesterday or today.')).toMatchObject({ headline: 'TENDERS', summary: 'None posted yesterday or today' });
    // A shorter cut when no longer one leaves three words.
    expect(lede('NEW YORK, April 7 - Wall Street stocks were lower at the opening bell.')).toMatchObject({ headline: 'Wall Street stocks were lower', summary: '…at the opening bell.' });
    // The standfirst goes on after the headline's last word though the headline wrote "'s" for "said its" ...
    expect(lede("SAN FRANCISCO, Oct 19 - The Pacific Stock Exchange said its closing prices will not be released this evening due to malfunctions within the Exchange's computer system.").summary).toBe(
      "…due to malfunctions within the Exchange's computer system.",
    );
    // ... and "as previously announced" is not an attribution alone.
    expect(lede('NEW YORK, March 9 - The News Corp said the South China Morning Post Ltd of Hong Kong become a wholly-owned subsidiary March 7 as previously announced.').summary).toBe(
      '…March 7 as previously announced.',
    );
  });

  it("drops an abbreviation said after its name, and never cuts inside a name or before its possessive's noun", () => {
    expect(headline('WASHINGTON, April 13 - The Commodity Futures Trading Commission, CFTC, is expected to accept the Chicago Board of Trade\'s, CBT, proposal to establish a night trading session when the commission meets Wednesday, CFTC officials said.')).toBe(
      "CFTC is expected to accept the Chicago Board of Trade's proposal",
    );
    expect(headline("MUNICH, March 26 - Siemens AG <SIEG.F> rebutted U.S. Criticism it is blocking American Telephone and Telegraph Corp's <T.N>, AT and T, entry into French telecommunications firm <Compagnie Generale Constructions Telephoniques>, CGCT.")).toBe(
      "Siemens rebutted U.S. Criticism it is blocking American Telephone and Telegraph's entry",
    );
    // An abbreviation of another name stays; an aside's two commas go with it.
    expect(headline('Smith, IBM, and Hitachi agreed to share the costs of a new plant in Texas, the three companies said in a statement on Monday.')).toMatch(/^Smith, IBM, and Hitachi agreed to share/);
    expect(headline('WELLINGTON, March 25 - <Brierley Investments Ltd>, (BIL), said its offer of 4.20 N.Z. Dlrs per share for supermarket group <Progressive Enterprises Ltd> still stands.')).toMatch(/^Brierley Investments' offer of 4\.20/);
  });

  it('writes a long name as the abbreviation every reader knows, or, rather than cut with "…", as the one the article defines', () => {
    expect(headline('WASHINGTON, March 2 - Northern Trust Corp said it filed with the Securities and Exchange Commission to offer up to 150 mln dlrs of debt securities.')).toBe(
      'Northern Trust files with the SEC to offer up to 150 mln dlrs of debt securities',
    );
    expect(headline('WELLINGTON, March 2 - The volume of contracts traded on the New Zealand Futures Exchange (NZFE) reached a record 25,559 contracts in February, the International Commodities Clearing House (ICCH) said.')).toBe(
      'The volume of contracts traded on the NZFE reached a record 25,559 contracts in February',
    );
    // (Not a place after a name: "Peoples National Bank of Rockland County, N.Y.," defines nothing.)
    expect(headline('NEW CITY, N.Y., March 3 - The former chairman of Peoples National Bank of Rockland County, N.Y., pleaded guilty to charges of bribery and conspiracy in connection with loans made by the bank.')).toMatch(/^The former chairman of Peoples National Bank/);
  });

  it('drops a title of office before a name, or the name of a company officer, when the subject leaves no room', () => {
    expect(headline('WASHINGTON, March 16 - U.S. Commerce Secretary Malcolm Baldrige predicted Congress will pass a reasonable trade bill this year and said tough protectionist legislation could prompt a trade war.')).toBe(
      'Malcolm Baldrige predicted Congress will pass a reasonable trade bill',
    );
    expect(headline('DALLAS, March 3 - AMR Corp chairman Robert Crandall said the company is not interested in acquiring shuttle routes that Eastern Airlines is selling to Pan Am Corp, he told reporters.')).toBe(
      'AMR chairman said the company is not interested in acquiring shuttle routes',
    );
    // Two people are not one with a long title.
    expect(headline('WASHINGTON, March 6 - Secretary of State George Shultz and Soviet Foreign Minister Eduard Shevardnaze will meet in Moscow in mid-April, administration officials said today in a statement.')).toMatch(/^Secretary of State George Shultz and/);
    // "said today's" keeps its day.
    expect(headline("COPENHAGEN, March 16 - Finance Minister Palle Simonsen said today's downgrading of Denmark's credit rating by Standard and Poor's Corp should not be over-dramatised.")).not.toMatch(/said's/);
  });

  it("names a unit by its owner when the unit's name leaves no room for the verb's object", () => {
    expect(headline('LEXINGTON, Ken., April 17 - Kentucky Central Life Insurance Co said its Bluegrass Broadcasting Co Inc subsidiary has agreed to sell two Orlando, Fla., radio stations to TK Communications Inc for 13.5 mln dlrs, subject to FCC approval.')).toBe(
      'Kentucky Central Life Insurance unit agrees to sell two Orlando, Fla., radio stations',
    );
    // A verb in -s the tagger reads as a noun is still the verb: the cut comes after its object.
    expect(headline('HOUSTON, March 24 - CRS Sirrine Inc said it plans a major restructuring of its balance sheet that will include a write-off of between 39 mln and 43 mln dlrs, most of which would be intangible goodwill.')).toBe(
      'CRS Sirrine plans a major restructuring of its balance sheet',
    );
  });

  it('never leaves a hole where a cut took a phrase: no "at\'s", no "has will", no "of for", and the claim keeps its attribution', () => {
    expect(headline("Drilling for oil in California is likely to continue at last year's sharply reduced levels despite the recent rise in crude oil prices, industry analysts said in a new report.")).toBe(
      "Drilling for oil in California is likely to continue at last year's sharply reduced levels",
    );
    // A company's name in brackets after a preposition is the object, not an aside.
    expect(headline('Groupe Videotron Ltee said it agreed to buy 50 pct of (Tele-Metropole Inc) for three mln dlrs from a group of shareholders led by its former chairman.')).toBe(
      'Groupe Videotron Ltee agrees to buy 50 pct of Tele-Metropole for three mln dlrs',
    );
    expect(headline('Qwest Communications International Inc has said it will table a new offer for the regional telephone company before the end of the month, sources said.')).toBe(
      'Qwest Communications International to table a new offer',
    );
    expect(headline('Chrysler Motors Corp will begin exporting vehicles before the end of this year to Europe, which it left in 1978, the company said in a statement issued in Detroit.')).toBe(
      'Chrysler Motors to begin exporting vehicles before the end of this year to Europe',
    );
    expect(headline('North Korea has officially confirmed that it deployed troops to Russia to fight in the war against Ukraine, state media reported on Monday after weeks of silence.')).toMatch(
      /^North Korea officially confirms that it deployed troops/,
    );
    // "said he may": the modal is the claim, and stays.
    expect(headline('Prime Minister Yasuhiro Nakasone has said he may compromise on the sales tax plan that has drawn protests from across the country.')).toBe(
      'Prime Minister Yasuhiro Nakasone says he may compromise on the sales tax plan',
    );
  });

  it('cuts a long sentence after its verb and at the end of a phrase, never to its subject alone', () => {
    expect(headline('LONDON, March 6 - Total futures and options turnover on the London International Financial Futures Exchange fell slightly during February, although daily average Eurodollar volume set a new record.')).toBe(
      'Total futures and options turnover fell slightly during February',
    );
    expect(headline('Roger Andewelt, deputy assistant attorney general for litigation in the Justice Department, said the agency would not challenge the merger of the two airlines.')).toBe(
      'Roger Andewelt said the agency would not challenge the merger of the two airlines',
    );
    // The second of two plural subjects goes (the verb still agrees); a title is said once.
    expect(headline("CHICAGO, March 6 - Chicago Mercantile Exchange floor traders and commission house representatives are guesstimating today's hog slaughter at about 300,000 to 305,000 head versus 292,000 week ago.")).toBe(
      "Chicago Mercantile Exchange floor traders guesstimate today's hog slaughter",
    );
    expect(headline('E.F. Hutton Group president and chief executive officer Robert Rittereiser said the firm would cut 500 jobs over the next two years in a reorganisation.')).toBe(
      'E.F. Hutton Group president Robert Rittereiser said the firm would cut 500 jobs',
    );
    // A speaker's long title goes when nothing else fits; the name stays.
    expect(headline('WASHINGTON, March 3 - House Ways and Means Committee Chairman Dan Rostenkowski said Congress must avoid a temptation to pass a protectionist trade bill this year.')).toBe(
      'Dan Rostenkowski said Congress must avoid a temptation to pass a protectionist trade bill',
    );
    // A country's title ("Indonesia's … General"), and what is reported shortened too; before: "… Benny Murdani says warnings…".
    expect(headline("JAKARTA, March 9 - Indonesia's Armed Forces Commander General Benny Murdani said warnings about an extremist threat to the country's forthcoming elections do not mean the security situation has deteriorated.")).toBe(
      'Benny Murdani said warnings do not mean the security situation has deteriorated',
    );
    expect(headline('Victorian Public Authorities Finance Agency is issuing a 100 mln Canadian dlr bond due April 15, 1992 paying nine pct and priced at 101-3/4 pct, lead manager Orion Royal Bank said.')).toBe(
      'Victorian Public Authorities Finance Agency issues a 100 mln Canadian dlr bond',
    );
  });

  it('never reports a subject without its verb: "said" and what it says are cut after the reported verb, or marked cut', () => {
    for (const sentence of [
      'HOUSTON, March 3 - Browning-Ferris Industries Inc said the Colorado Department of Health and the U.S. Environmental Protection Agency have awarded the company permits to build and operate a hazardous waste disposal site near Last Chance, Colo.',
      'TORONTO, March 2 - Murgold Resources Inc said the number three vein zone at its Timmins, Ontario property yielded partial assay results of 1.08 ounces gold a short ton across an average width of 4.2 feet.',
    ]) {
      // Before this rule: "Browning-Ferris Industries said the Colorado Department of Health".
      expect(headline(sentence)).toMatch(/…$/);
    }
    // "Told the SEC it" goes as "said it" does (before: "… told the Securities").
    expect(headline('WASHINGTON, March 17 - A group led by New York investor Michael Steinhardt told the Securities and Exchange Commission it bought a 6.6 pct stake in Holiday Corp common stock as an investment.')).toBe(
      'A group led by New York investor Michael Steinhardt bought a 6.6 pct stake in Holiday',
    );
  });

  it('gives a one-sentence story a standfirst that says something: the cut leaves at least three words', () => {
    // Before: "Continental Illinois raises its prime rate to 7-3/4" over an empty standfirst ("from 7-1/2" was too little to show).
    expect(lede('CHICAGO, April 1 - Continental Illinois Corp said it has raised its prime rate to 7-3/4 from 7-1/2.')).toEqual({
      headline: 'Continental Illinois raises its prime rate',
      summary: '…to 7-3/4 from 7-1/2.',
      place: 'Chicago',
    });
    // A ticker after a preposition is what is spoken of: kept, without its brackets ("changed to from" before).
    expect(lede('CHELSEA, Mass., June 1 - Town and Country Jewelry Manufacturing Corp said effective today its NASDAQ ticker symbol has been changed to <TCJCA.O> from <TJCA.O>').summary).toMatch(
      /to TCJCA\.O from TJCA\.O$/,
    );
  });

  it("keeps a company's whole name: only a speaker's title goes when nothing else fits", () => {
    expect(lede('CHELSEA, Mass., June 1 - Town and Country Jewelry Manufacturing Corp said effective today its NASDAQ ticker symbol has been changed to <TCJCA.O> from <TJCA.O>').headline).toMatch(
      /^Town and Country Jewelry Manufacturing /,
    );
  });

  it("shortens what is reported the way it shortens a subject: its phrase of place or time goes; a hyphened adjective's verb is not the main one", () => {
    expect(headline("LONDON, March 12 - S and W Berisford Plc said a six pct rise in pretax profits to 42.7 mln stg in the first half had maintained last year's momentum and the group expected further growth.")).toBe(
      "S and W Berisford said a six pct rise had maintained last year's momentum",
    );
    // Before: "Danish-based insulin and enzymes producer Novo Industri", a subject alone ("based" taken for its verb).
    expect(headline('COPENHAGEN, March 11 - Danish-based insulin and enzymes producer Novo Industri A/S (NVO.CO) said pre-tax earnings fell almost 10 pct in 1986 though sales rose by two pct.')).toMatch(
      /^Danish-based insulin and enzymes producer Novo Industri A\/S said pre-tax earnings/,
    );
  });

  it('ends a headline before a participle that starts a phrase after the noun', () => {
    expect(headline('MONROE, La., March 3 - Century Telephone Enterprises Inc said it has agreed to sell its cable television properties located in Michigan, Tennessee, Florida, Arkansas and Louisiana to a group of investors for 12 mln dlrs.')).toBe(
      'Century Telephone Enterprises agrees to sell its cable television properties',
    );
    expect(headline('NEW YORK, March 3 - Northeast Savings F.A. said its board adopted a shareholder rights plan designed to protect shareholders against unfair takeover tactics and the issuance of new shares.')).toBe(
      "Northeast Savings F.A.'s board adopts a shareholder rights plan",
    );
  });

  it('names who a standfirst\'s opening "It said" refers to, from the lede it follows', () => {
    const { summary } = lede(
      'CHICAGO, Feb 26 - AM International Inc, reporting an operating loss for the January 31 second quarter, said prospects for the balance of the fiscal year remain good.',
      'It said orders at its Harris Graphics subsidiary continue to run at a strong pace.',
    );
    expect(summary).toBe('AM International Inc said orders at its Harris Graphics subsidiary continue to run at a strong pace.');
    // Nothing to name it by: the pronoun stays.
    expect(lede('Prices rose sharply on the local market in early trading today.', 'It said more would follow.').summary).toBe('It said more would follow.');
  });

  it('handles non-Latin ledes and long words without spaces', () => {
    expect(lede('朝鲜正式确认向俄罗斯派兵。第二句。').headline).toBe('朝鲜正式确认向俄罗斯派兵。');
    expect(Array.from(lede('あ'.repeat(300)).headline).length).toBeLessThanOrEqual(MAX_HEADLINE_LENGTH);
  });

  it('is never empty: falls back to the next paragraph, then to the fallback', () => {
    expect(lede('* * *', 'Real text here.').headline).toBe('Real text here');
    expect(lede('---', '...').headline).toBe('Article x');
  });
});

describe('truncateAtWord', () => {
  it('leaves short text alone and never cuts inside a word', () => {
    expect(truncateAtWord('short', 10)).toBe('short');
    expect(truncateAtWord('alpha beta gamma delta', 15)).toBe('alpha beta…');
  });
});
