import type { FastifyReply, FastifyRequest } from 'fastify';

// The list routes answer one page (src/store/pagination.ts) as the same array as ever; when more rows
// follow, the next page's cursor goes in `X-Next-Cursor`, and its URL (this request's, with `cursor`
// set) in `Link: <...>; rel="next"` (RFC 8288). The last page carries neither.

/** A page as the services return it (src/store/pagination.ts). */
type Page<T> = { rows: T[]; nextCursor: string | null };

export const NEXT_CURSOR_HEADER = 'x-next-cursor';

/** The page's rows for the response body, with the next page's headers set on the reply. */
export function sendPage<T>(request: FastifyRequest, reply: FastifyReply, page: Page<T>): T[] {
  if (page.nextCursor) {
    const url = new URL(request.url, 'http://localhost');
    url.searchParams.set('cursor', page.nextCursor);
    reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
    reply.header(NEXT_CURSOR_HEADER, page.nextCursor);
  }
  return page.rows;
}
