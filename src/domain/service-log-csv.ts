// Reading a CSV file into rows of cells: the shape the school's service-logging systems export
// (issue 19). As Written's own CSV writer (src/reports/csv.ts) writes RFC 4180 with a byte-order mark
// and CRLF; districts' systems write that, or semicolons (a European spreadsheet's "CSV"), or tabs,
// or LF alone. This reader takes all of them: quoted fields with commas, doubled quotes and line
// breaks inside, a field the writer protected against formulas ("'-5 minutes") given back as written,
// and it stops at `maxRows` so a 2-million-line file is refused without being held whole. Pure.

export type CsvDelimiter = ',' | ';' | '\t';

export type CsvTable = {
  /** Each row's cells as written (quotes removed), with its line in the file (1-based: what a spreadsheet shows). */
  rows: { line: number; cells: string[] }[];
  delimiter: CsvDelimiter;
  /** True when the file has more rows than `maxRows`: only the first ones are here. */
  truncated: boolean;
  /** A quoted field that never closes, from this line to the end of the file (a damaged file). */
  unclosedQuoteAt: number | null;
};

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * The delimiter, from the first lines outside quotes: the one that splits most lines into the same
 * number of fields (more than one), a comma when none does.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const sample: string[] = [];
  let line = '';
  let quoted = false;
  for (let i = 0; i < text.length && sample.length < 20; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    if (!quoted && (c === '\n' || c === '\r')) {
      if (line.trim() !== '') sample.push(line);
      line = '';
      continue;
    }
    if (!quoted) line += c;
  }
  if (line.trim() !== '') sample.push(line);
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = sample.map((l) => l.split(d).length - 1).filter((n) => n > 0);
    if (counts.length === 0) continue;
    // Lines that agree with the most common count: a title line above the table does not decide.
    const freq = new Map<number, number>();
    for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
    const [common, times] = [...freq].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    const score = times * 1000 + common;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** A field As Written's writer (and careful spreadsheets) prefixed with an apostrophe, given back as written. */
function unprotect(cell: string): string {
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * Reads CSV text into rows. Blank lines are kept as rows with one empty cell (so line numbers stay
 * those of the file); a leading byte-order mark is dropped. `maxRows` counts every row read.
 */
export function parseCsv(
  text: string,
  options: { delimiter?: CsvDelimiter; maxRows?: number } = {},
): CsvTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(src);
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const rows: CsvTable['rows'] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let rowLine = 1;
  let unclosedQuoteAt: number | null = null;
  let quoteStartLine = 1;
  const endField = () => {
    cells.push(wasQuoted ? field : unprotect(field));
    field = '';
    wasQuoted = false;
  };
  const endRow = (): boolean => {
    endField();
    rows.push({ line: rowLine, cells });
    cells = [];
    return rows.length > maxRows;
  };
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      // A quote opens a field only at its start (spaces before it are dropped, as spreadsheets do).
      field = '';
      quoted = true;
      wasQuoted = true;
      quoteStartLine = line;
      i++;
      continue;
    }
    if (c === delimiter) {
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      const crlf = c === '\r' && src[i + 1] === '\n';
      if (endRow()) {
        rows.pop();
        return { rows, delimiter, truncated: true, unclosedQuoteAt };
      }
      i += crlf ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    field += c;
    i++;
  }
  if (quoted) unclosedQuoteAt = quoteStartLine;
  if (field !== '' || cells.length > 0 || wasQuoted) {
    if (endRow()) {
      rows.pop();
      return { rows, delimiter, truncated: true, unclosedQuoteAt };
    }
  }
  return { rows, delimiter, truncated: false, unclosedQuoteAt };
}
