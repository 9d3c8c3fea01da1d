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
  minister-president chancellor-elect president-elect former late
`);

/** The last word of an organisation's name (`Central Military Commission`, `Ultrasystems Inc`). */
export const ORGANISATION_WORDS = words(`
  inc corp corporation co cos company companies ltd plc llc lp ag sa nv spa bv gmbh kk
  group holdings holding industries bank bancorp banks trust securities capital partners fund funds
  airlines airways motors petroleum oil energy electric communications systems technologies laboratories labs
  commission ministry council committee party agency department association union organization organisation
  court exchange board university college institute authority administration reserve congress parliament senate
  army navy police federation office service services bureau league alliance foundation society network
  assembly cabinet government command forces guard community
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
  minister-president
`);

/** Company-form suffixes dropped from a name so `Ultrasystems Inc` and `Ultrasystems` are one topic. */
export const COMPANY_FORMS = words('inc corp co cos ltd plc llc lp ag sa nv spa bv gmbh kk');

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

/** Words that look like names but are not: sign-offs and the like (`Reuter` ends every Reuters story). */
export const NOT_NAMES = words('reuter note i article chapter section page table figure mln bln dlrs pct');

/** Organisation words that are also whole names on their own (`Congress`); the others alone are not names. */
export const INSTITUTIONS = words('congress senate parliament pentagon kremlin treasury opec nato');

/** AP-style abbreviations of US states (`Atlanta, Ga.`): not names on their own. */
export const STATE_ABBREVIATIONS = words('ala ariz ark calif colo conn fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev nh nj nm ny nc nd okla ore pa ri sc sd tenn tex vt va wash wva wis wyo');
