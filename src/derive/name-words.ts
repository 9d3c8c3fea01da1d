import { createRequire } from 'node:module';

/*
 * Word lists the name finder reads, all lower case. English only, like the rest of the text
 * handling (see the README's limitations).
 */

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/**
 * English stop words (`stopwords-iso`): never names alone, never key terms. Read from the package
 * when first needed rather than bundled: its file holds every language (320 KB).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set((createRequire(import.meta.url)('stopwords-iso/stopwords-iso.json') as { en: string[] }).en);

/** Capitalised but never names: calendar words. They also end a name (`Kursk on Sunday`). */
export const CALENDAR_WORDS = words(`
  january february march april june july august september october november december
  jan feb apr jun jul aug sep sept oct nov dec
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
  easter christmas
`);

/** Calendar words that are also names (`Theresa May`, `Sun Microsystems`): calendar words only before a number. */
export const SHORT_CALENDAR_WORDS = words('may mar sat sun');

/** Words that may sit inside a name between capitalised words (`Bank of England`, `Ludwig van Beethoven`). */
export const CONNECTORS = words('of for de del der den van von bin al la le du da y');

/** Titles and roles before a person's name; stripped from the name, and a sign of a person. */
export const TITLES = words(`
  mr mrs ms miss dr prof sir dame lord lady
  president vice prime minister premier chancellor secretary treasurer governor senator sen gov rep representative
  congressman congresswoman ambassador envoy mayor judge justice king queen prince princess pope emperor sheikh emir
  ayatollah general gen colonel col major maj captain capt lieutenant lt admiral adm sergeant sgt commander marshal
  chairman chairwoman chair chief executive director spokesman spokeswoman spokesperson leader deputy acting foreign
  finance treasury defence defense trade interior economy economics energy agriculture state assistant undersecretary
  minister-president chancellor-elect president-elect former late presidents ministers majority minority speaker whip
  exchequer
`);

/** The last word of an organisation's name (`Central Military Commission`, `Ultrasystems Inc`). */
export const ORGANISATION_WORDS = words(`
  inc corp corporation co cos company companies ltd plc llc lp ag sa nv spa bv gmbh kk
  group holdings holding industries bank bancorp banks trust securities capital partners fund funds
  airlines airways motors petroleum oil energy electric communications systems technologies laboratories labs
  commission ministry council committee party agency department association union organization organisation
  court exchange board university college institute authority administration reserve congress parliament senate
  army navy police federation office service services bureau league alliance foundation society network
  assembly cabinet government command forces guard community international loan
`);

/** Abbreviated titles: their full stop ends no sentence (`Mr. Smith`, `Gen. Powell`). */
export const ABBREVIATED_TITLES = words('mr mrs ms dr prof sen gov rep gen col maj capt lt adm sgt st sr jr');

/**
 * Titles that end a title phrase (`Foreign Minister`, `Treasury Secretary`, `Mr`): only a phrase
 * ending in one is stripped from a name, so `State Street` keeps its `State`.
 */
export const HEAD_TITLES = words(`
  mr mrs ms miss dr prof sir dame lord lady president premier chancellor secretary treasurer governor senator sen gov rep
  representative congressman congresswoman ambassador envoy mayor judge justice king queen prince princess pope emperor
  sheikh emir ayatollah general gen colonel col captain capt lieutenant lt admiral adm sergeant sgt commander marshal
  chairman chairwoman chief director spokesman spokeswoman spokesperson leader minister president-elect chancellor-elect
  minister-president presidents ministers speaker whip
`);

/** Company-form suffixes dropped from a name so `Ultrasystems Inc` and `Ultrasystems` are one topic. */
export const COMPANY_FORMS = words('inc corp co cos ltd plc llc lp ag sa nv spa bv gmbh kk pty na');

/** Words that close a place name and are dropped from it (`Kursk Oblast` is `Kursk`). */
export const PLACE_DESIGNATORS = words('oblast province prefecture governorate region krai okrug county district');

/**
 * Words that are capitalised at the start of a sentence and start no name there (`According`,
 * `The`), on top of the stop words. A word found capitalised mid-sentence in the same article is
 * kept, because then it is a name.
 */
export const SENTENCE_STARTERS = words(`
  the a an in on at but and or so if when while after before during since according despite although however
  meanwhile this that these those it he she they we i his her their its our as for with by from to of under over
  last next some many most other both all each earlier later also yet still now then even why what how who where
  only among between against without through analysts officials sources shares separately overall instead
  today yesterday tomorrow there here such no not one two three
`);

/**
 * Words that look like names but are not: sign-offs and the like (`Reuter` ends every Reuters
 * story), trade terms and time zones in capitals (`FOB`, `EST`), credit ratings (`CCC`). Matched
 * without dots (`F.O.B.`).
 */
export const NOT_NAMES = words(`
  reuter note i article chapter section page table figure mln bln dlr dlrs pct
  fob cif est edt cst cdt pst pdt gmt aaa aa bbb bb ccc cc
`);

/** The wires' own names: the archive's sources (`told Reuters`), never what an article is about. */
export const WIRE_NAMES = words('reuter reuters');

/**
 * News agencies, which articles cite as their source ("the official Tanjug news agency said"): an
 * organisation, never a person, and never a topic of the archive (a source, not a subject).
 */
export const NEWS_AGENCIES = words(`
  tanjug xinhua tass novosti interfax kyodo jiji yonhap kcna antara bernama irna mena anatolia pti
  ansa efe dpa afp upi ap pap mti ctk adn bta agerpres notimex telam aps wafa petra kuna wam sana qna ina
`);

/** Party affiliations: capitalised, but nobody's name (`Republican`); dropped from a name's end (`Illinois Democrat` is Illinois). */
export const PARTY_WORDS = words(`
  democrat democrats democratic republican republicans conservative conservatives socialist socialists
  communist communists liberal liberals tory tories
`);

/** Adjectives that are capitalised but name nothing alone: the points of the compass and the like. */
export const ADJECTIVES = words('congressional parliamentary federal national international western eastern northern southern north south east west central');

/** The last word of a place's name that no gazetteer lists (`Sioux City`, `Mont Belvieu` by its first). */
export const PLACE_WORDS = words(`
  city coast ocean sea river field fields island islands bay valley highlands hemisphere lake lakes mountains
  gulf strait straits canal peninsula harbour harbor basin plain plains desert
`);
export const PLACE_PREFIXES = words('mount mont port puerto lake lago cape fort isla');

/**
 * The subject words of a government body that every country has (`Finance Ministry`, `Reserve
 * Bank`, `Ministry of Trade`): such a name is the same words in every country, so it is a topic
 * only with its country (`Japanese Finance Ministry`).
 */
export const GENERIC_SUBJECTS = words(`
  finance foreign trade agriculture commerce economy economic economics industry interior justice defence defense
  labour labor energy health welfare transport treasury budget central reserve national supreme district appeals
  statistics statistical planning education environment information industrial
  and of posts telecommunications home
`);
export const GENERIC_HEADS = words('ministry department bank court office committee council board');

/** Widely known short names, by their key, and the full name they join (`Fed` is the Federal Reserve). */
export const KNOWN_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['fed', 'Federal Reserve'],
  ['federal reserve board', 'Federal Reserve'],
  ['federal reserve system', 'Federal Reserve'],
  ['imf', 'International Monetary Fund'],
  ['ec', 'European Community'],
  ['eec', 'European Community'],
  ['european economic community', 'European Community'],
  ['gatt', 'General Agreement on Tariffs and Trade'],
  ['organization of petroleum exporting countries', 'OPEC'],
  ['sec', 'Securities and Exchange Commission'],
  ['un', 'United Nations'],
  ['usda', 'Agriculture Department (United States)'],
  // Common in wire copy; every spelling of the full name too, so an article's full name and another's short one meet.
  ['ico', 'International Coffee Organization'],
  ['international coffee organisation', 'International Coffee Organization'],
  ['icco', 'International Cocoa Organization'],
  ['international cocoa organisation', 'International Cocoa Organization'],
  ['oecd', 'Organisation for Economic Cooperation and Development'],
  ['organization for economic cooperation and development', 'Organisation for Economic Cooperation and Development'],
  ['organisation for economic co operation and development', 'Organisation for Economic Cooperation and Development'],
  ['organization for economic co operation and development', 'Organisation for Economic Cooperation and Development'],
  ['gdp', 'Gross Domestic Product'],
  ['gnp', 'Gross National Product'],
  ['libor', 'London Interbank Offered Rate'],
  ['london interbank offered rates', 'London Interbank Offered Rate'],
  ['london inter bank offered rate', 'London Interbank Offered Rate'],
  ['ecu', 'European Currency Unit'],
  ['ecus', 'European Currency Unit'],
  ['european currency units', 'European Currency Unit'],
  ['sdr', 'Special Drawing Rights'],
  ['sdrs', 'Special Drawing Rights'],
  ['ems', 'European Monetary System'],
  ['fslic', 'Federal Savings and Loan Insurance Corporation'],
  ['federal savings and loan insurance', 'Federal Savings and Loan Insurance Corporation'],
  ['fdic', 'Federal Deposit Insurance Corporation'],
  ['federal deposit insurance', 'Federal Deposit Insurance Corporation'],
  ['fhlbb', 'Federal Home Loan Bank Board'],
  ['fomc', 'Federal Open Market Committee'],
  ['ftc', 'Federal Trade Commission'],
  ['fcc', 'Federal Communications Commission'],
  ['icc', 'Interstate Commerce Commission'],
  ['cftc', 'Commodity Futures Trading Commission'],
  ['irs', 'Internal Revenue Service'],
  ['nyse', 'New York Stock Exchange'],
  ['cbt', 'Chicago Board of Trade'],
  ['cme', 'Chicago Mercantile Exchange'],
  ['lme', 'London Metal Exchange'],
  ['bis', 'Bank for International Settlements'],
  ['miti', 'Ministry of International Trade and Industry'],
  ['adb', 'Asian Development Bank'],
  ['idb', 'Inter-American Development Bank'],
  // The wire's own label for the EC's executive, kept as the name.
  ['european community commission', 'EC Commission'],
  ['commission of the european communities', 'EC Commission'],
  ['commission of the european community', 'EC Commission'],
  ['vw', 'Volkswagen'],
  ['volkswagenwerk', 'Volkswagen'],
  ['att', 'American Telephone and Telegraph'],
  ['at&t', 'American Telephone and Telegraph'],
  ['ibm', 'International Business Machines'],
  ['gm', 'General Motors'],
  ['ge', 'General Electric'],
  ['ici', 'Imperial Chemical Industries'],
]);

/** Organisation words that are also whole names on their own (`Congress`); the others alone are not names. */
export const INSTITUTIONS = words('congress senate parliament pentagon kremlin treasury opec nato');

/** AP-style abbreviations of US states (`Atlanta, Ga.`) and the states they stand for: not names on their own, but the state after a comma. */
export const STATE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  (
    [
      ['ala', 'Alabama'], ['ariz', 'Arizona'], ['ark', 'Arkansas'], ['calif', 'California'], ['colo', 'Colorado'], ['conn', 'Connecticut'],
      ['del', 'Delaware'], ['fla', 'Florida'], ['ga', 'Georgia'], ['ill', 'Illinois'], ['ind', 'Indiana'], ['kan', 'Kansas'], ['kans', 'Kansas'],
      ['ky', 'Kentucky'], ['la', 'Louisiana'], ['md', 'Maryland'], ['mass', 'Massachusetts'], ['mich', 'Michigan'], ['minn', 'Minnesota'],
      ['miss', 'Mississippi'], ['mo', 'Missouri'], ['mont', 'Montana'], ['neb', 'Nebraska'], ['nev', 'Nevada'], ['nh', 'New Hampshire'],
      ['nj', 'New Jersey'], ['nm', 'New Mexico'], ['ny', 'New York'], ['nc', 'North Carolina'], ['nd', 'North Dakota'], ['okla', 'Oklahoma'],
      ['ore', 'Oregon'], ['pa', 'Pennsylvania'], ['ri', 'Rhode Island'], ['sc', 'South Carolina'], ['sd', 'South Dakota'], ['tenn', 'Tennessee'],
      ['tex', 'Texas'], ['vt', 'Vermont'], ['va', 'Virginia'], ['wash', 'Washington'], ['wva', 'West Virginia'], ['wis', 'Wisconsin'], ['wyo', 'Wyoming'],
    ] as const
  ).map(([abbreviation, state]) => [abbreviation, state]),
);

/** The states' names: after a comma (`Sioux City, Iowa`) they say the name before is a place. */
export const STATE_NAMES: ReadonlySet<string> = new Set([
  ...STATE_ABBREVIATIONS.values(),
  ...['Alaska', 'Hawaii', 'Idaho', 'Iowa', 'Maine', 'Ohio', 'Utah'],
]);

/**
 * Common given names in English-language news: before a surname they say the name is a
 * person's (`Joe Cross`), where nothing else in the article does.
 */
export const GIVEN_NAMES = words(`
  james john robert michael william david richard charles joseph thomas christopher daniel paul mark donald george kenneth
  steven edward brian ronald anthony kevin jason matthew gary timothy jose larry jeffrey frank scott eric stephen andrew
  raymond gregory joshua jerry dennis walter patrick peter harold douglas henry carl arthur ryan roger joe juan jack albert
  jonathan justin terry gerald keith samuel willie ralph lawrence nicholas roy benjamin bruce brandon adam harry fred wayne
  billy steve louis jeremy aaron randy howard eugene carlos russell bobby victor martin ernest phillip todd jesse craig alan
  shawn clarence sean philip chris johnny earl jimmy antonio danny bryan tony luis mike stanley leonard nathan dale manuel
  rodney curtis norman allen marvin vincent glenn jeffery travis jeff chad jacob lee melvin alfred kyle francis bradley jesus
  herbert frederick ray joel edwin don eddie ricky troy randall barry alexander bernard mario leroy francisco marcus micheal
  theodore clifford miguel oscar jay jim tom calvin alex jon ronnie bill lloyd tommy leon derek warren darrell jerome floyd
  leo alvin tim wesley gordon greg jorge dustin pedro derrick dan lewis zachary corey herman maurice vernon roberto clyde
  glen hector shane ricardo sam rick lester brent ramon charlie tyler gilbert gene marc reginald ruben brett angel nathaniel
  rafael leslie edgar milton raul ben chester cecil duane franklin andre elmer brad gabriel ron mitchell roland arnold harvey
  jared adrian karl cory claude erik darryl jamie neil jessie christian javier fernando clinton ted mathew tyrone darren lonnie
  lance cody julio kelly kurt allan nelson guy clayton hugh max dwayne dwight armando felix jimmie everett jordan ian wallace
  ken bob jaime casey alfredo alberto dave ivan johnnie sidney byron julian isaac morris clifton willard daryl ross virgil andy
  marshall salvador perry kirk sergio marion tracy seth kent terrance rene eduardo terrence enrique freddie wade helmut hans
  gerhard wolfgang juergen klaus dieter jacques pierre jean francois michel alain yves giovanni giuseppe carlo
  mary patricia linda barbara elizabeth jennifer maria susan margaret dorothy lisa nancy karen betty helen sandra donna carol
  ruth sharon michelle laura sarah kimberly deborah jessica shirley cynthia angela melissa brenda amy anna rebecca virginia
  kathleen pamela martha debra amanda stephanie carolyn christine marie janet catherine frances ann joyce diane alice julie
  heather teresa doris gloria evelyn jean cheryl mildred katherine joan ashley judith rose janice nicole judy christina kathy
  theresa beverly denise tammy irene jane lori rachel marilyn andrea kathryn louise sara anne jacqueline wanda bonnie julia
  ruby lois tina phyllis norma paula diana annie lillian emily robin peggy crystal gladys rita dawn connie florence tracy edna
  tiffany carmen rosa cindy grace wendy victoria edith kim sherry sylvia josephine thelma shannon sheila ethel ellen elaine
  marjorie carrie charlotte monica esther pauline emma juanita anita rhonda hazel amber eva debbie april leslie clara lucille
  jamie joanne eleanor valerie danielle megan alicia suzanne michele gail bertha darlene veronica jill erin geraldine lauren
  cathy joann lorraine lynn sally regina erica beatrice dolores bernice audrey yvonne annette june samantha marion dana stacy
  ana renee ida vivian roberta holly brittany melanie loretta yolanda jeanette laurie katie kristen vanessa alma sue elsie
  beth jeanne
`);