import { dateParts, type IsoDate } from '../dates.ts';
import { archiveIndexPage, monthPage, periodsOf, yearPage, type Year } from '../pages/archive-pages.ts';
import { onThisDayDays } from '../pages/same-day.ts';
import { archivePath, monthPath, outputFileOf, yearPath } from '../site/urls.ts';
import { lastmod, type PageKind, type Planned } from './kind.ts';

/** `/archive/`, every year's page and every month's page: counts only, compared in full on every update. */
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
    const months = [...periods.months.values()];
    months.forEach((month, index) => {
      const { year, month: mm } = dateParts(`${month.month}-01`);
      outputs.push({
        file: outputFileOf(monthPath(year, mm)),
        signature: JSON.stringify([months[index - 1]?.month, months[index + 1]?.month, month.days.map((day) => [day.date, day.count])]),
        shows: [],
        sitemap: { path: monthPath(year, mm), ...newestOf(month.days.at(-1)!.date) },
        make: { page: () => monthPage(periods, month.month, state.site) },
      });
    });
    return outputs;
  },
};
