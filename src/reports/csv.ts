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

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => field(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => field(c.value(row))).join(','));
  // The byte-order mark makes spreadsheet programs read the file as UTF-8 (names with accents).
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
