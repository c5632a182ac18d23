// Which rows of a school's service log are this child's (issue 19). Providers often keep group logs:
// one file, several students. Only this child's rows are read; the others are counted, never kept
// (their names do not enter the record, and the parent is told the file held other children's rows).
// A row is this child's by the student ID when the parent gave one and the log has an ID column, and
// otherwise by name, written any way a system writes it: "Emma Lopez", "LOPEZ, EMMA", "Lopez, Emma M.",
// "E. Lopez", "Emma L.", or a first and a last name in two columns. Pure and zod-free.

import { plainWords } from './service-log-values.ts';

export type ChildNames = { firstName: string; lastName: string | null };

const words = (text: string) =>
  plainWords(text)
    .replace(/[#/]/g, ' ')
    .split(' ')
    .filter((w) => w !== '');

/** An ID as systems print it: spaces, dashes and leading zeros do not count ("00123-4" is "1234"). */
export function idKey(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/^0+(?=.)/, '');
}

/** Whether one written word is a name, or its initial ("E" or "E." for Emma). */
function nameWordMatches(written: string, name: string, allowInitial: boolean): boolean {
  if (written === name) return true;
  return allowInitial && written.length === 1 && name.startsWith(written);
}

/**
 * Whether a name written in a log is this child's. The first name (or its initial, when the last name
 * is whole) and the last name (or its initial, when the first name is whole) must both be there, in
 * either order; a child recorded without a last name matches on the first name alone. Names of two
 * words ("Mary Anne", "de la Cruz") must be there whole.
 */
export function isChildName(written: string, child: ChildNames): boolean {
  const have = words(written);
  if (have.length === 0) return false;
  const first = words(child.firstName);
  const last = child.lastName ? words(child.lastName) : [];
  if (first.length === 0) return false;
  const containsRun = (run: string[], allowInitial: boolean) => {
    if (run.length === 1) return have.some((w) => nameWordMatches(w, run[0]!, allowInitial));
    for (let i = 0; i + run.length <= have.length; i++) {
      if (run.every((r, k) => have[i + k] === r)) return true;
    }
    return false;
  };
  if (last.length === 0) return containsRun(first, false);
  const firstWhole = containsRun(first, false);
  const lastWhole = containsRun(last, false);
  if (firstWhole && lastWhole) return true;
  if (firstWhole && containsRun([last[0]!], true)) return have.length <= first.length + 2;
  if (lastWhole && containsRun([first[0]!], true)) return have.length <= last.length + 2;
  return false;
}

export type StudentColumns = {
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  id: string | null;
};

/**
 * `no_student`: the row names no student (a single-student log); `id_only`: it gives a student ID and
 * no name, and the parent gave no ID to compare it with.
 */
export type StudentVerdict = 'this_child' | 'another_student' | 'no_student' | 'id_only';

/**
 * Whose row it is. With an ID the parent gave and an ID in the row, the ID decides. Otherwise the
 * name decides (a full-name column, or first and last name columns together). A row that names no
 * student at all is `no_student` (the caller decides: a single-student log names none).
 */
export function rowStudent(
  cells: StudentColumns,
  child: ChildNames,
  studentId: string | null,
): StudentVerdict {
  const id = cells.id?.trim() ?? '';
  if (studentId && id !== '') return idKey(id) === idKey(studentId) ? 'this_child' : 'another_student';
  const parts = [cells.name, cells.firstName, cells.lastName].filter(
    (p): p is string => p != null && p.trim() !== '',
  );
  if (parts.length === 0) return id !== '' ? 'id_only' : 'no_student';
  if (cells.name && cells.name.trim() !== '') {
    if (isChildName(cells.name, child)) return 'this_child';
    // A name column holding the first name only, beside a last-name column.
    if (!cells.firstName && cells.lastName && isChildName(`${cells.name} ${cells.lastName}`, child))
      return 'this_child';
    return 'another_student';
  }
  return isChildName(parts.join(' '), child) ? 'this_child' : 'another_student';
}

/**
 * The student a log's title names ("Student: Emma Lopez", "Student Name - LOPEZ, EMMA", "Name: ..."),
 * from the lines above its table, or null. A single-student log prints it there instead of a column.
 */
export function titleStudent(titleRows: readonly (readonly string[])[]): string | null {
  for (const row of titleRows) {
    const cells = row.map((c) => c.trim());
    for (const [i, cell] of cells.entries()) {
      const m = /^(?:student(?:'s)?(?:\s+name)?|child(?:'s)?\s+name|name of student)\s*[:\-–]\s*(.+)$/i.exec(
        cell,
      );
      if (m) return cleanTitleName(m[1]!);
      if (/^(?:student(?:\s+name)?|child(?:'s)?\s+name)\s*:?$/i.test(cell)) {
        const next = cells.slice(i + 1).find((c) => c !== '');
        if (next) return cleanTitleName(next);
      }
    }
  }
  return null;
}

/** A title's student without what follows on the same line ("Emma Lopez   ID: 123" → "Emma Lopez"). */
function cleanTitleName(text: string): string {
  return text.split(/\s{2,}|\s+(?:id|student id|grade|dob|school)\s*[:#]/i)[0]!.trim();
}

/** The student ID a log's title gives ("ID: 123456", "Student ID 123456"), or null. */
export function titleStudentId(titleRows: readonly (readonly string[])[]): string | null {
  for (const row of titleRows) {
    const line = row.join('  ');
    const m = /\b(?:student\s+)?id(?:\s*(?:number|no\.?|#))?\s*[:#]?\s*([A-Za-z]?\d[\dA-Za-z-]{2,})/i.exec(
      line,
    );
    if (m) return m[1]!;
  }
  return null;
}
