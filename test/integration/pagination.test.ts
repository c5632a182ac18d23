import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, call, openTestEnv, type TestEnv } from './harness.ts';

// The list endpoints page with `limit` and an opaque `cursor` (src/store/pagination.ts): the body stays
// an array, and `X-Next-Cursor` with `Link: <...>; rel="next"` say where the next page starts. Paging
// through a list gives every row once, in the unpaged list's order, on both databases; a bad limit or
// cursor is refused naming the field; and a cursor never reaches past the household filter.

type Row = { id: string };

describe.each(BACKENDS)('list pagination on %s', (backend) => {
  let env: TestEnv;
  let childId: string;
  let otherHousehold: string;
  let otherChild: string;
  const api = (path: string) => `/api/households/${env.householdId}${path}`;

  async function get(url: string) {
    const res = await env.app.inject({
      method: 'GET',
      url,
      headers: { cookie: env.owner.cookie },
    });
    return {
      status: res.statusCode,
      body: JSON.parse(res.body),
      next: res.headers['x-next-cursor'] as string | undefined,
      link: res.headers.link as string | undefined,
    };
  }

  /** Every page of a list, following X-Next-Cursor (and checking Link says the same). */
  async function allPages(url: string) {
    const pages: Row[][] = [];
    let next: string | undefined;
    let current = url;
    do {
      const page = await get(current);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      pages.push(page.body);
      next = page.next;
      if (next) {
        expect(page.link).toBe(
          `<${new URL(current, 'http://x').pathname}?${new URLSearchParams({
            ...Object.fromEntries(new URL(current, 'http://x').searchParams),
            cursor: next,
          })}>; rel="next"`,
        );
        const u = new URL(current, 'http://x');
        u.searchParams.set('cursor', next);
        current = `${u.pathname}${u.search}`;
      } else {
        expect(page.link).toBeUndefined();
      }
    } while (next && pages.length < 100);
    return pages;
  }

  beforeAll(async () => {
    env = await openTestEnv(backend);
    childId = (await call(env, 'POST', api('/children'), { firstName: 'Emma' })).body.id;
    // 25 messages on five days: several share a date (and, under the fixed clock, a created_at), so
    // only the id orders them; the cursor must follow all three columns.
    for (let i = 0; i < 25; i++) {
      const res = await call(env, 'POST', api('/communications'), {
        childId,
        kind: 'email',
        direction: 'sent',
        date: `2026-11-0${2 + (i % 5)}`,
        subject: `Message ${i}`,
        summary: `Message number ${i}`,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    otherHousehold = (await call(env, 'POST', '/api/households', { name: 'Second family' })).body.id;
    otherChild = (
      await call(env, 'POST', `/api/households/${otherHousehold}/children`, { firstName: 'Noah' })
    ).body.id;
    for (let i = 0; i < 3; i++) {
      await call(env, 'POST', `/api/households/${otherHousehold}/communications`, {
        childId: otherChild,
        kind: 'email',
        direction: 'sent',
        date: '2026-11-03',
        subject: `Other ${i}`,
        summary: `Other household ${i}`,
      });
    }
  });
  afterAll(async () => env.close());

  it('pages through a record list: every row once, in the unpaged order, both ways', async () => {
    const whole = await get(api(`/communications?childId=${childId}`));
    expect(whole.body).toHaveLength(25);
    expect(whole.next).toBeUndefined();
    const pages = await allPages(api(`/communications?childId=${childId}&limit=10`));
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(pages.flat().map((r) => r.id)).toEqual(whole.body.map((r: Row) => r.id));

    const reversed = await allPages(api(`/communications?childId=${childId}&limit=10&order=desc`));
    expect(reversed.flat().map((r) => r.id)).toEqual(whole.body.map((r: Row) => r.id).reverse());

    // A limit that divides the list exactly: the last full page has no next cursor.
    const fives = await allPages(api(`/communications?childId=${childId}&limit=5`));
    expect(fives.map((p) => p.length)).toEqual([5, 5, 5, 5, 5]);
  });

  it('pages the journal and the audit trail in their own order', async () => {
    const journal = await get(api('/journal?limit=1000'));
    expect(journal.body.length).toBeGreaterThan(25);
    const pages = await allPages(api('/journal?limit=7'));
    expect(pages.flat().map((r) => r.id)).toEqual(journal.body.map((r: Row) => r.id));

    const audit = await get(api('/audit'));
    const auditPages = await allPages(api('/audit?limit=1'));
    expect(auditPages.flat().map((r) => r.id)).toEqual(audit.body.map((r: Row) => r.id));
  });

  it('refuses a limit out of range and a cursor that is not one, naming the field', async () => {
    for (const limit of ['0', '1001', '-3', 'ten']) {
      const res = await get(api(`/communications?limit=${limit}`));
      expect(res.status).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain('limit');
    }
    const first = await get(api(`/communications?childId=${childId}&limit=10`));
    const journalCursor = (await get(api('/journal?limit=2'))).next as string;
    const tampered = Buffer.from(JSON.stringify({ l: 'communications', d: 'asc', k: ['x'] })).toString(
      'base64url',
    );
    for (const cursor of [
      'not a cursor',
      'bm90IGpzb24',
      journalCursor, // another list's cursor
      tampered, // the right list, the wrong key
      `${first.next}`.slice(0, -3),
    ]) {
      const res = await get(api(`/communications?limit=10&cursor=${encodeURIComponent(cursor)}`));
      expect(res.status, cursor).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain('cursor');
    }
    // Going the other way needs a cursor of that direction.
    const backwards = await get(
      api(`/communications?childId=${childId}&limit=10&order=desc&cursor=${first.next}`),
    );
    expect(backwards.status).toBe(400);
  });

  it("keeps the household filter: one household's cursor never reads another's rows", async () => {
    const first = await get(api('/communications?limit=2'));
    expect(first.next).toBeDefined();
    const theirs = await get(
      `/api/households/${otherHousehold}/communications?limit=10&cursor=${first.next}`,
    );
    expect(theirs.status).toBe(200);
    const ours = new Set((await get(api('/communications'))).body.map((r: Row) => r.id));
    for (const row of theirs.body as (Row & { householdId: string })[]) {
      expect(row.householdId).toBe(otherHousehold);
      expect(ours.has(row.id)).toBe(false);
    }
    // The other household's whole list is its three messages, whatever cursor was used.
    const all = await get(`/api/households/${otherHousehold}/communications`);
    expect(all.body).toHaveLength(3);
  });
});
