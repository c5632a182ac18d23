import type { SelectQueryBuilder } from 'kysely';
import { invalid } from '../domain/errors.ts';

// Keyset pagination for the list queries: a page is the next `limit` rows after the cursor, in the
// list's own order. The cursor is the last row's sort key (the ordering columns, ending with `id`, so
// the order is total), with the list's name and direction, as base64url JSON: opaque to clients, and a
// cursor of another list (or changed by hand) is refused with 400 naming `cursor`. A cursor only says
// where to start: the caller's query keeps its household filter, so it never reaches another
// household's rows.

/** One page of a list, and the cursor of the next page (null on the last). */
export type Page<T> = { rows: T[]; nextCursor: string | null };

/** Where a page starts and how long it is (the route's `limit` and `cursor`). */
export type PageRequest = { limit: number; cursor?: string | undefined };

/** A list's order: its name (bound into its cursors), the columns (the last one unique) and direction. */
export type KeysetOrder = { list: string; columns: readonly string[]; direction: 'asc' | 'desc' };

type CursorBody = { l: string; d: 'asc' | 'desc'; k: (string | number)[] };

export function encodeCursor(order: KeysetOrder, row: Record<string, unknown>): string {
  const body: CursorBody = {
    l: order.list,
    d: order.direction,
    k: order.columns.map((column) => row[column] as string | number),
  };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** The sort key a cursor holds, or a 400 naming `cursor` for one that is not a cursor of this list. */
export function decodeCursor(order: KeysetOrder, cursor: string): (string | number)[] {
  const refuse = () =>
    invalid('cursor', 'is not a cursor of this list; use the X-Next-Cursor header of the page before');
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  const c = body as Partial<CursorBody> | null;
  if (
    typeof c !== 'object' ||
    c === null ||
    c.l !== order.list ||
    c.d !== order.direction ||
    !Array.isArray(c.k) ||
    c.k.length !== order.columns.length ||
    !c.k.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
  )
    throw refuse();
  return c.k;
}

/**
 * One page of a query, in the order given: rows strictly after the cursor's key
 * ((a > x) or (a = x and b > y) or ...; `<` going down), `limit` of them, and the next cursor when
 * more rows follow. The query must not be ordered or limited already.
 */
export async function keysetPage<O>(
  // biome-ignore lint/suspicious/noExplicitAny: one helper over every table's query
  query: SelectQueryBuilder<any, any, O>,
  order: KeysetOrder,
  page: PageRequest,
): Promise<Page<O>> {
  let q = query;
  if (page.cursor) {
    const key = decodeCursor(order, page.cursor);
    const op = order.direction === 'asc' ? '>' : '<';
    q = q.where((eb) =>
      eb.or(
        order.columns.map((column, i) =>
          eb.and([
            ...order.columns.slice(0, i).map((before, j) => eb(before, '=', key[j])),
            eb(column, op, key[i]),
          ]),
        ),
      ),
    );
  }
  for (const column of order.columns) q = q.orderBy(column, order.direction);
  const rows = await q.limit(page.limit + 1).execute();
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  const last = shown[shown.length - 1] as Record<string, unknown> | undefined;
  return { rows: shown, nextCursor: more && last ? encodeCursor(order, last) : null };
}
