// The months as English text writes them, for the readers of written dates: the IEP reader's dates
// (iep-dates.ts) and the service-line parser's (service-frequency-parser.ts). Reading, not writing: the
// dates As Written prints go through Intl in dates.ts (`monthName`, `formatSchoolDate`). Pure.

/** The months' names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A month's name or abbreviation, lower case, to its number (1 to 12): "sep", "sept" and "september" are 9. */
export const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/**
 * Every key of MONTHS as a regular expression's alternatives, longest first, so "september" is taken
 * whole rather than as "sep". Lower case: match with the `i` flag, or against lower-cased text.
 */
export const MONTH_SRC = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
