// CSV for spreadsheets (RFC 4180): a header row, CRLF line ends, fields quoted when they hold a
// comma, a quote or a line break. A field that starts with =, +, - or @ is prefixed with an
// apostrophe, so a spreadsheet never runs a note as a formula (CSV injection).

export type CsvColumn<T> = {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
};

function field(value: string | number | boolean | null | undefined): string {
  if (value == null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Where the household's journal stood when a file was made: its last line, so a printed or attached
 * file can be checked later (`as-written verify --expect-head HASH`, or the Paper trail page). It
 * starts with "#", which programs reading CSV can be told to skip; a spreadsheet shows it as a last row.
 */
export type CsvJournalHead = { entries: number; hash: string | null };

export function journalHeadLine(head: CsvJournalHead): string {
  return head.hash
    ? `# As Written journal at export: ${head.entries} entries; last entry hash ${head.hash}`
    : '# As Written journal at export: no entries';
}

export function toCsv<T>(
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
  options: {
    journalHead?: CsvJournalHead;
    /** The journal's line in the reader's language; it must start with "#" (English by default). */
    journalHeadWords?: (head: CsvJournalHead) => string;
  } = {},
): string {
  const lines = [columns.map((c) => field(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => field(c.value(row))).join(','));
  // Never a formula: "#" is not one of the characters a spreadsheet reads as one.
  if (options.journalHead)
    lines.push(field((options.journalHeadWords ?? journalHeadLine)(options.journalHead)));
  // The byte-order mark makes spreadsheet programs read the file as UTF-8 (names with accents).
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
