/**
 * Wire copy's tables of figures, one row a paragraph ("Shr loss 51 cts vs loss three cts", "Revs
 * 291.8 mln vs 151.1 mln", then "Six mths" and the same rows again), as one table: a row for each
 * line, its label in the first column, the figure now and the figure it is set against in the
 * next two, a period's heading across all three.
 */

/** A row of figures set against earlier ones: its label, the figure, "vs", the earlier figure. */
const VS_ROW = /^(\S.*?)\s+((?:(?:loss|profit)\s+)?(?:[\d.,/()-]*\d[\d.,/()-]*|nil|one|two|three|four|five|six|seven|eight|nine|ten)\b.*?)\s+vs\.?\s+(.+?)\.?$/i;
/** A heading that starts another period's rows: "Six mths", "Year", "4th qtr", "Qtr ended Jan 31". */
const PERIOD = /^(?:(?:1st|2nd|3rd|4th|first|second|third|fourth)\s+(?:qtr|quarter|half)|qtr|quarter|year|yr|(?:nine|six|three|12|twelve|9|6|3)\s+(?:mths|months)|(?:1st|2nd|first|second)\s+half|half[-\s]year)\b[^.]{0,40}$/i;

export interface FiguresRow {
  label: string;
  now: string;
  before: string;
}

export type FiguresLine = FiguresRow | { heading: string };

/** The rows of a paragraph that is one line of a table of figures, or undefined when it is not one. */
export function figuresLine(paragraph: string): FiguresLine | undefined {
  if (paragraph.includes('\n') || paragraph.length > 160) return undefined;
  const text = paragraph.trim();
  if (PERIOD.test(text)) return { heading: text };
  const match = VS_ROW.exec(text);
  return match ? { label: match[1]!, now: match[2]!, before: match[3]! } : undefined;
}

/**
 * The runs of paragraphs that make a table: at least two rows of figures, headings only between
 * rows. Returns, for each paragraph, the index of the run it opens (its lines), or nothing.
 */
export function figuresRuns(paragraphs: readonly string[]): Map<number, FiguresLine[]> {
  const runs = new Map<number, FiguresLine[]>();
  let at = 0;
  while (at < paragraphs.length) {
    const lines: FiguresLine[] = [];
    let end = at;
    while (end < paragraphs.length) {
      const line = figuresLine(paragraphs[end]!);
      if (line === undefined) break;
      lines.push(line);
      end++;
    }
    // A heading that ends the run heads nothing: it stays a paragraph.
    while (lines.length > 0 && 'heading' in lines.at(-1)!) {
      lines.pop();
      end--;
    }
    if (lines.filter((line) => !('heading' in line)).length >= 2 && !('heading' in lines[0]! && lines.length < 3)) {
      runs.set(at, lines);
      at = end;
    } else {
      at++;
    }
  }
  return runs;
}

/** A run of lines as an HTML table, each text escaped by `escape`. */
export function figuresTableHtml(lines: readonly FiguresLine[], escape: (text: string) => string): string {
  const rows = lines.map((line) =>
    'heading' in line
      ? `<tr><th colspan="3" scope="colgroup">${escape(line.heading)}</th></tr>`
      : `<tr><th scope="row">${escape(line.label)}</th><td>${escape(line.now)}</td><td>${escape(line.before)}</td></tr>`,
  );
  return `<table class="figures">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}
