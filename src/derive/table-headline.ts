/**
 * Headlines for articles that are tables: a wire's results table ("Shr 45 cts vs 58 cts / Net …"),
 * a dividend notice ("Qtly div 35 cts vs 35 cts prior / Pay March 31") or any other rows of
 * figures. A reader is told what the table is, in words, never given its first row.
 */

/** A figure as result rows give it: "2.07 dlrs", "loss eight cts", "nil", "not given". */
const FIGURE = String.raw`(?:(?:loss|profit)\s+)?(?:[\d.,/()-]*\d[\d.,/()-]*|nil|one|two|three|four|five|six|seven|eight|nine|ten|not\s+given)\b`;
/**
 * One result row: "Shr loss 2.07 dlrs vs loss eight cts", "Oper shr profit nil vs profit 12 cts",
 * "Group net profit 30 mln marks vs 35 mln", "Shr 14 cts" (no earlier figure). Groups: operating,
 * the item, the figure, the earlier figure.
 */
const RESULT_ROW = new RegExp(
  String.raw`^(?:(?:group|parent(?:\s+company)?|consolidated|non-consolidated|world\s+group|domestic\s+group|company)\s+)?(?:(oper(?:ating)?|opr)\s+)?(shr|shrs|net|net\s+income|net\s+profit|net\s+loss|pre-?tax\s+profit|trading\s+profit|profit|turnover)(?:\s+(?:primary|diluted))?\s*[-:]?\s+(${FIGURE}.*?)(?:\s+vs\.?\s+(.+?))?\.?$`,
  'i',
);
const DIVIDEND_ROW = /^(?:(qtly|qtrly|qtlry|qlty|quarterly|mthly|mtly|monthly|semi-?annual|semi|annual|final|interim|special|extra|initial)\s*(?:cash\s+)?(?:div|dividend|distribution|payout)?|(?:cash\s+)?(?:div|dividend|distribution|payout))\s+(?:of\s+)?(.+?)(?:\s+vs\s+(.+?))?\.?$/i;
const PAY_ROW = /^(?:pay|payable)\s+(.+?)\.?$/i;
/** A heading row that names the period of the figures after it. */
const PERIOD_ROW = /^(?:(1st|2nd|3rd|4th|first|second|third|fourth)\s+(?:qtr|quarter)|qtr|quarter|(year|yr|(?:nine|six|three|12|twelve|9|6|3)\s+(?:mths|months)|1st\s+half|first\s+half|2nd\s+half|second\s+half|half[-\s]year))\b(.*)$/i;

const ORDINAL: Record<string, string> = { '1st': 'First', first: 'First', '2nd': 'Second', second: 'Second', '3rd': 'Third', third: 'Third', '4th': 'Fourth', fourth: 'Fourth' };
const SPAN: Record<string, string> = { year: 'Full-year', yr: 'Full-year', nine: 'Nine-month', '9': 'Nine-month', six: 'Six-month', '6': 'Six-month', three: 'Three-month', '3': 'Three-month', '12': '12-month', twelve: '12-month', '1st half': 'First-half', 'first half': 'First-half', '2nd half': 'Second-half', 'second half': 'Second-half' };
const FREQUENCY: Record<string, string> = { qtly: 'Quarterly', qtrly: 'Quarterly', qtlry: 'Quarterly', qlty: 'Quarterly', mtly: 'Monthly', semi: 'Semi-annual', quarterly: 'Quarterly', mthly: 'Monthly', monthly: 'Monthly', semiannual: 'Semi-annual', 'semi-annual': 'Semi-annual', annual: 'Annual', final: 'Final', interim: 'Interim', special: 'Special', extra: 'Extra', initial: 'Initial' };

/**
 * Any other row of a figure set against an earlier one, under a label of a few words: "Orders
 * received 2.21 billion francs vs 2.61 billion", "Profit after financial items 821.2 mln crowns vs
 * 740.2 mln". No comma: "usage totaled 21.3 mln lbs, vs a revised 25.6 mln" is a sentence.
 */
const FIGURES_ROW = /^(\p{Lu}[\p{L}'’ -]{1,60}?)\s*[-:;]?\s+((?:(?:loss|profit)\s+)?\(?\d[\d.,/()-]*(?:\s+\p{L}+){0,3})\s+vs\.?\s+([^,]*\d[^,]*?)\.?$/u;

function isFiguresRow(row: string): boolean {
  const label = FIGURES_ROW.exec(row)?.[1];
  // (Not a label cut at a date's figure: "Net profits for year ended December 31 …".)
  return label !== undefined && label.split(/\s+/).length <= 6 && !/\s(?:of|for|in|on|at|to|from|by|and|the|a|jan\w*|feb\w*|march|april|may|june|july|aug\w*|sept?\w*|oct\w*|nov\w*|dec\w*)$/i.test(label);
}

/** A row of wire-table shorthand: "Shr loss 51 cts vs loss three cts", "Revs 7,075,000 vs 2,330,000", "Qtly div eight cts vs 7.5 cts prior". */
export function isTableRow(row: string): boolean {
  return isResultRow(row) || (DIVIDEND_ROW.test(row) && /\bvs\b/i.test(row)) || /^(?:revs?|sales|avg\s+shrs|assets|deposits|loans|oper\s+\w+|shr\s+\w+)\s+.*\bvs\b/i.test(row) || isFiguresRow(row);
}

export interface TableLede {
  headline: string;
  /** The rows the headline does not say, for the standfirst. */
  rest: string[];
}

/** Whose table it is, as far as the article says: the company a note names in full, else the place it was filed from. */
export interface Whose {
  owner?: string;
  place?: string;
}

/** A headline in words for a table's rows, or undefined when the rows are not a table Dateline can read. */
export function tableHeadline(rows: readonly string[], whose: Whose, max: number): TableLede | undefined {
  return resultsHeadline(rows, whose, max) ?? dividendHeadline(rows, whose, max) ?? figuresHeadline(rows, whose, max);
}

/** A table's label, most specific first: "Federal Paper Board quarterly dividend", "Quarterly dividend from Montvale, N.J.", "Quarterly dividend". */
function labels(label: string, whose: Whose, span = ''): string[] {
  const specific = whose.owner ? `${whose.owner} ${label.charAt(0).toLowerCase()}${label.slice(1)}${span}` : whose.place ? `${label} from ${whose.place}${span}` : undefined;
  return [...(specific ? [specific] : []), `${label}${span}`, label];
}

/** A result row; one without an earlier figure ("Shr 14 cts") only when it is short, as a table's row is. */
function isResultRow(row: string): boolean {
  const match = RESULT_ROW.exec(row);
  return match !== null && (match[4] !== undefined || row.split(/\s+/).length <= 6);
}

function resultsHeadline(rows: readonly string[], whose: Whose, max: number): TableLede | undefined {
  const at = rows.findIndex(isResultRow);
  if (at === -1) return undefined;
  const [, oper, item, ours, written] = RESULT_ROW.exec(rows[at]!)!;
  // "four cts prior qtr": the earlier figure without the wire's words for when.
  const theirs = written?.replace(/\s+(?:prior|previous|last)?\s*(?:qtr|quarter|yr|year|period)?$/i, '').trim();
  const period = periodOf(rows.slice(0, at), rows.slice(at + 1));
  const perShare = /^shrs?$/i.test(item!);
  // What the figure is, as the wire's own titles say it ("4TH QTR NET", "YEAR LOSS"): a net profit or a loss, operating when the row says so.
  const loss = /^loss\b/i.test(ours!) || /loss/i.test(item!);
  const measure = /turnover/i.test(item!) ? 'turnover' : /pre-?tax/i.test(item!) ? `pre-tax ${loss ? 'loss' : 'profit'}` : /trading/i.test(item!) ? 'trading profit' : `${oper ? 'operating ' : 'net '}${loss ? 'loss' : 'profit'}`.replace(/^net loss$/, 'loss');
  const against = theirs !== undefined && theirs !== '' && hasFigure(theirs) ? ` against ${amount(theirs).replace(/^(?=(?:loss|profit) of)/, 'a ')}` : '';
  const figure = `${amount(ours!).replace(/^(?:loss|profit) of /, '')}${perShare ? ' a share' : ''}${against}`;
  const label = `${period === '' || period.startsWith('quarter to') ? '' : `${period} `}${measure}`;
  const [results, span] = [`${label.charAt(0).toUpperCase()}${label.slice(1)}`, period.startsWith('quarter to') ? ` for the ${period}` : ''];
  const headline = fit(labels(results, whose, span).map((label) => `${label}: ${figure}`), max);
  return headline === undefined ? undefined : { headline, rest: rows.filter((_, index) => index !== at) };
}

function dividendHeadline(rows: readonly string[], whose: Whose, max: number): TableLede | undefined {
  const at = rows.findIndex((row) => DIVIDEND_ROW.test(row) && /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|nil)\b/i.test(row));
  if (at === -1 || at > 1) return undefined;
  const [, frequency, ours, theirs] = DIVIDEND_ROW.exec(rows[at]!)!;
  const name = `${frequency ? `${FREQUENCY[frequency.toLowerCase()] ?? 'Quarterly'} dividend` : 'Dividend'}`;
  const now = amount(ours!.replace(/\s+(?:a|per)\s+(?:shr|share)$/i, ''));
  const before = theirs === undefined || !hasFigure(theirs) ? undefined : amount(theirs.replace(/\s+(?:prior|qtr|previously|last)$/i, ''));
  const change = before === undefined ? '' : compareAmounts(now, before);
  const pay = rows.map((row) => PAY_ROW.exec(row)?.[1]).find((date) => date !== undefined);
  const payable = pay ? `, payable ${pay}` : '';
  // Whose dividend matters more than when it is paid.
  const headline = fit(labels(name, whose).flatMap((label) => [`${label}: ${now} a share${change}${payable}`, `${label}: ${now} a share${change}`]), max);
  const used = new Set([at, rows.findIndex((row) => PAY_ROW.test(row))]);
  const paid = payable !== '' && headline?.endsWith(payable) === true;
  return headline === undefined ? undefined : { headline, rest: rows.filter((_, index) => !used.has(index) || (index !== at && !paid)) };
}

/** A table of other figures, said by its first row's label: "Orders received from Paris: 2.21 billion francs against 2.61 billion". */
function figuresHeadline(rows: readonly string[], whose: Whose, max: number): TableLede | undefined {
  const at = rows.findIndex(isFiguresRow);
  if (at === -1) return undefined;
  const [, label, ours, theirs] = FIGURES_ROW.exec(rows[at]!)!;
  const named = amount(label!.replace(/\b\p{Lu}{2,}\b/gu, (word) => word.toLowerCase()).replace(/^./, (first) => first.toUpperCase()));
  const headline = fit(labels(named, whose).map((each) => `${each}: ${amount(ours!)} against ${amount(theirs!)}`), max);
  return headline === undefined ? undefined : { headline, rest: rows.filter((_, index) => index !== at) };
}

/** How a new amount stands to the last: ", unchanged", ", up from 7.5 cts", ", down from …", or ", against …" when the figures cannot be compared. */
function compareAmounts(now: string, before: string): string {
  const [a, b] = [value(now), value(before)];
  if (a !== undefined && b !== undefined) {
    if (a === b) return ', unchanged';
    return a > b ? `, up from ${before}` : `, down from ${before}`;
  }
  return now.toLowerCase() === before.toLowerCase() ? ', unchanged' : `, against ${before}`;
}

const NUMBER_WORDS: Record<string, number> = { nil: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, eights: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

/** The amount in cents when it is written in cts or dlrs ("7.5 cts", "1.10 dlrs", "12-1/2 cts", "eight cts"). */
function value(amountText: string): number | undefined {
  const match = /^([\d.,]+(?:-\d\/\d)?|\d\/\d|[a-z]+)\s+(cts?|dlrs?|pence|p|yen|marks|francs|guilders|stg)\b/i.exec(amountText.trim());
  if (!match) return undefined;
  const [, figure, unit] = match;
  const fraction = /^(\d+)-(\d)\/(\d)$/.exec(figure!);
  const number = fraction ? Number(fraction[1]) + Number(fraction[2]) / Number(fraction[3]) : /^\d\/\d$/.test(figure!) ? fractionValue(figure!) : NUMBER_WORDS[figure!.toLowerCase()] ?? Number(figure!.replace(/,/g, ''));
  if (!Number.isFinite(number)) return undefined;
  return /^dlrs?$/i.test(unit!) ? number * 100 : number;
}

function fractionValue(text: string): number {
  const [top, bottom] = text.split('/').map(Number);
  return top! / bottom!;
}

function hasFigure(text: string): boolean {
  return /\d|\b(?:nil|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/i.test(text);
}

/** Wire shorthand for an amount, in words a reader reads: "loss 51 cts" → "loss of 51 cts", "nil" stays. */
function amount(text: string): string {
  const written = text.trim();
  // Units in capitals ("6.48 DLS", "23 CTS") read as shouting in a sentence.
  return written.replace(/\b\p{Lu}{2,}\b/gu, (word) => word.toLowerCase()).replace(/^(loss|profit)\s+(?=[\d.(a-z])/i, (_, word: string) => `${word.toLowerCase()} of `).replace(/\s*\.$/, '');
}

/** "Fourth-quarter", "Quarterly" (when a longer span follows), "Full-year", "quarter to Jan 31", or nothing when the rows do not say. */
function periodOf(before: readonly string[], after: readonly string[]): string {
  for (const row of [...before].reverse()) {
    const match = PERIOD_ROW.exec(row);
    if (!match) continue;
    const [, ordinal, span, tail = ''] = match;
    if (ordinal) return `${ORDINAL[ordinal.toLowerCase()]}-quarter`;
    if (span) return SPAN[span.toLowerCase().replace(/\s+(?:mths|months)$/, '').replace(/\s+/g, ' ')] ?? '';
    const end = /(?:ended|ends|to)?\s*((?:jan|feb|march|mar|april|apr|may|june|jun|july|jul|aug|sept|sep|oct|nov|dec)\w*\.?\s+\d{1,2})/i.exec(tail)?.[1];
    return end ? `quarter to ${end}` : 'Quarterly';
  }
  const later = after.find((row) => PERIOD_ROW.test(row) && !/^(?:qtr|quarter)\b/i.test(row));
  return later ? 'Quarterly' : '';
}

function fit(candidates: readonly string[], max: number): string | undefined {
  return candidates.find((candidate) => Array.from(candidate).length <= max);
}
