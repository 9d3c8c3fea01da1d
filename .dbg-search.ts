import { searchSite } from './tests/helpers/search.ts';
const site = process.argv[2]!;
const r = await searchSite(site, [{ term: 'dividend' }, { term: 'it' }]);
console.log(JSON.stringify(r.results[0], null, 1));
