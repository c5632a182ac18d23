import { combineHeaderRows, headerKey, type LogField } from './service-log-columns.ts';
import type { GridRow, ServiceLogMapping, ServiceLogReading } from './service-log-read.ts';
import type { RememberedMapping } from './service-log-schemas.ts';

// A school's column mapping, remembered by the words of its header (issue 19): the next file from
// the same school with the same header needs no mapping step. Pure, so the server's document reader
// can place a remembered mapping on a file in its child process, where a large file is read.

/** A remembered mapping with the signature of the header it was confirmed on. */
export type SchoolMapping = { signature: string; remembered: RememberedMapping };

/** A header's words, plain, as one key: two files with the same columns have the same signature. */
export const signatureOf = (headers: readonly string[]) => headers.map(headerKey).join('|');

/** The header's rows of a grid by their lines, read as one header. */
function headersAt(grid: readonly GridRow[], lines: readonly number[]): string[] | null {
  const rows = lines.map((line) => grid.find((r) => r.line === line));
  if (rows.some((r) => !r) || rows.length === 0) return null;
  if (rows.length === 2) return combineHeaderRows(rows[0]!.cells, rows[1]!.cells);
  return rows[0]!.cells.map((c) => c.trim());
}

/**
 * The first of a school's remembered mappings (the latest first) whose header is in this file's first
 * rows, placed on this file's columns; null when none is.
 */
export function placeRememberedMapping(
  remembered: readonly SchoolMapping[],
  grid: readonly GridRow[],
): ServiceLogMapping | null {
  if (remembered.length === 0) return null;
  const scan = grid.slice(0, 31);
  for (const r of remembered) {
    const m = r.remembered;
    for (let i = m.headerRows - 1; i < scan.length; i++) {
      const lines = m.headerRows === 2 ? [scan[i - 1]!.line, scan[i]!.line] : [scan[i]!.line];
      const headers = headersAt(grid, lines);
      if (!headers || signatureOf(headers) !== r.signature) continue;
      const keys = headers.map(headerKey);
      const columns: Partial<Record<LogField, number>> = {};
      for (const [field, key] of Object.entries(m.columns)) {
        const index = keys.indexOf(key);
        if (index >= 0) columns[field as LogField] = index;
      }
      return {
        headerLines: lines,
        columns,
        services: m.services,
        statuses: m.statuses,
        dateOrder: m.dateOrder,
        minutesUnit: m.minutesUnit,
      };
    }
  }
  return null;
}

/**
 * What to remember of a confirmed reading, with its header's signature: the columns by their header's
 * words (a later file may order them differently), and the parent's other choices. Null for a reading
 * without a header row (columns named by the parent alone cannot be recognised in another file).
 */
export function mappingToRemember(
  reading: Pick<ServiceLogReading, 'header' | 'mapping'>,
): SchoolMapping | null {
  const headers = reading.header?.columns.map((c) => c.header);
  if (!headers || reading.mapping.headerLines.length === 0) return null;
  return {
    signature: signatureOf(headers),
    remembered: {
      headerRows: reading.mapping.headerLines.length,
      columns: Object.fromEntries(
        Object.entries(reading.mapping.columns).map(([field, index]) => [
          field,
          headerKey(headers[index] ?? ''),
        ]),
      ),
      services: reading.mapping.services,
      statuses: reading.mapping.statuses,
      dateOrder: reading.mapping.dateOrder,
      minutesUnit: reading.mapping.minutesUnit,
    },
  };
}
