import type { IsoDate } from '../dates.ts';
import { archiveIndexPage, monthNamed, monthPage, periodsOf, yearPage, type Year } from '../pages/archive-pages.ts';
import { namedListPages } from '../pages/named-list.ts';
import { namedListOutputs } from './lists.ts';
import { onThisDayDays } from '../pages/same-day.ts';
import { archivePath, outputFileOf, yearPath } from '../site/urls.ts';
import { lastmod, type PageKind, type Planned } from './kind.ts';

/** `/archive/` and every year's page: counts only, compared in full on every update. */
export const periodKind: PageKind = {
  name: 'period',
  template: 'pages/archive.njk',
  outputs(state) {
    const periods = periodsOf(state);
    const newestOf = (date: IsoDate) => lastmod(state, [state.days.get(date)!.end - 1]);
    const dayCounts = (year: Year) => year.months.map((month) => month.days.map((day) => [day.date, day.count]));
    const onThisDay = onThisDayDays(state).length > 0;
    const outputs: Planned[] = [
      {
        file: outputFileOf(archivePath()),
        signature: JSON.stringify([onThisDay, periods.years.map((year) => [year.year, dayCounts(year)])]),
        shows: [],
        sitemap: { path: archivePath() },
        make: { page: () => archiveIndexPage(periods, state.site, onThisDay) },
      },
    ];
    periods.years.forEach((year, index) => {
      outputs.push({
        file: outputFileOf(yearPath(year.year)),
        signature: JSON.stringify([periods.years[index - 1]?.year, periods.years[index + 1]?.year, dayCounts(year)]),
        shows: [],
        sitemap: { path: yearPath(year.year), ...newestOf(year.months.at(-1)!.days.at(-1)!.date) },
        make: { page: () => yearPage(periods, year.year, state.site) },
      });
    });
    return outputs;
  },
};

/** `/YYYY/MM/` and its older pages: the month's articles by day, `pageSize` a page; compared in full on every update. */
export const monthKind: PageKind = {
  name: 'month',
  template: 'pages/list.njk',
  outputs(state) {
    const periods = periodsOf(state);
    const months = [...periods.months.values()];
    return months.flatMap((month, index) => {
      const named = monthNamed(state, periods, month.month);
      const list = namedListPages(state, named);
      // Its older pages show its articles only; its own page its days and neighbours too.
      const first = { extra: [months[index - 1]?.month, months[index + 1]?.month, month.days.map((day) => [day.date, day.count])], make: () => monthPage(state, periods, named, list, month.month) };
      return namedListOutputs(state, named, [named.label], list, undefined, first);
    });
  },
};
