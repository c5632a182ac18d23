import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { exportHousehold, importHousehold } from '../../src/server/services/household-transfer.ts';
import { createRecord } from '../../src/server/services/records.ts';
import { RESOURCES } from '../../src/server/services/resources.ts';
import { BACKENDS, call, openTestEnv, rowCounts, type TestEnv } from './harness.ts';

// Input that once answered 500 (issue 15, "500s on bad input"): a NUL character in any text on
// PostgreSQL, a JSON document nested 10,000 deep, and email files with a Date in year 10000, a
// Message-ID over 998 characters or a 2 MB header line. Each is now a 400 naming the field, on both
// databases alike, and writes nothing. And text that enters the iCalendar feed cannot start a line.

const CRLF = '\r\n';
const eml = (headers: string[], body = 'Hello') => Buffer.from(`${headers.join(CRLF)}${CRLF}${CRLF}${body}`);
const DATE = 'Date: Tue, 10 Nov 2026 09:15:00 -0500';

/** A JSON text nested `depth` arrays deep (built as text: JSON.stringify itself overflows). */
const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

describe.each(BACKENDS)('hostile input on %s', (backend) => {
  let env: TestEnv;
  let childId: string;
  const api = (path: string) => `/api/households/${env.householdId}${path}`;
  const json = (method: string, url: string, text: string) =>
    env.app.inject({
      method: method as 'POST',
      url,
      headers: {
        cookie: env.owner.cookie,
        'x-csrf-token': env.owner.csrfToken,
        'content-type': 'application/json',
      },
      payload: text,
    });
  const upload = (url: string, bytes: Buffer) =>
    env.app.inject({
      method: 'POST',
      url,
      headers: {
        cookie: env.owner.cookie,
        'x-csrf-token': env.owner.csrfToken,
        'content-type': 'application/octet-stream',
      },
      payload: bytes,
    });

  beforeAll(async () => {
    env = await openTestEnv(backend);
    childId = (await call(env, 'POST', api('/children'), { firstName: 'Emma' })).body.id;
  });
  afterAll(async () => env.close());

  it('refuses a NUL character in a text field with a 400 naming it, and writes nothing', async () => {
    const before = await rowCounts(env.store);
    const child = await call(env, 'POST', api('/children'), { firstName: 'Em\u0000ma' });
    expect(child.status).toBe(400);
    expect(child.body.error.fields[0]).toEqual({
      path: 'firstName',
      message: 'must not contain the NUL character (U+0000)',
      // Its rule, so a reader of another language gets it in their words.
      code: 'custom',
      params: { rule: 'text.nul' },
    });
    const note = await call(env, 'PATCH', api(`/children/${childId}`), { notes: 'ok\u0000' });
    expect(note.status).toBe(400);
    expect(note.body.error.fields[0].path).toBe('notes');
    // In a key, deep inside a body, and in a query string.
    const key = await call(env, 'POST', api('/communications'), {
      childId,
      kind: 'email',
      direction: 'sent',
      date: '2026-11-10',
      summary: 'x',
      'a\u0000b': 1,
    });
    expect(key.status).toBe(400);
    expect(key.body.error.fields[0].path).toBe('a\u0000b');
    const query = await upload(api('/attachments?filename=a%00b.txt'), Buffer.from('a note'));
    expect(query.statusCode).toBe(400);
    expect(JSON.parse(query.body).error.fields[0].path).toBe('query.filename');
    // Half of a surrogate pair is not text either (it would be stored as U+FFFD).
    const half = await json('POST', api('/children'), '{"firstName":"Emma\\ud800"}');
    expect(half.statusCode).toBe(400);
    expect(JSON.parse(half.body).error.fields[0].path).toBe('firstName');
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('refuses a NUL character on every route that takes a body, before the route reads it', async () => {
    const fakeId = '01900000-0000-7000-8000-000000000001';
    // Every write the owner may make (staff-link routes answer 401 first: they take a link's token).
    const routes = env.app.deps.routes.filter(
      (r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && r.access.kind !== 'staff',
    );
    expect(routes.length).toBeGreaterThan(30);
    const before = await rowCounts(env.store);
    for (const route of routes) {
      const url = route.url.replace(':householdId', env.householdId).replace(/:\w+/g, fakeId);
      const res = await call(env, route.method, url, { note: 'a\u0000b' });
      expect(res.status, `${route.method} ${route.url}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error.fields[0].path, `${route.method} ${route.url}`).toBe('note');
    }
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('refuses NUL in the services too (the command line and the import call them without HTTP)', async () => {
    await expect(
      createRecord(
        env.store,
        { householdId: env.householdId, actor: { kind: 'cli', id: 't' }, clock: env.clock, newId: () => '' },
        RESOURCES.child,
        { firstName: 'a\u0000' },
      ),
    ).rejects.toMatchObject({ code: 'validation_failed', fields: [{ path: 'firstName' }] });
  });

  it('refuses a body or a household document nested 10,000 deep, naming where, on the API and the command line', async () => {
    const deepBody = await json('POST', api('/children'), `{"firstName":"Emma","notes":${nested(10_000)}}`);
    expect(deepBody.statusCode).toBe(400);
    expect(JSON.parse(deepBody.body).error.fields[0].message).toBe('is nested more than 64 levels deep');

    const demo = await seedDemoHousehold(env.store, env.clock);
    const doc = await exportHousehold(env.store, demo.householdId, env.clock.now());
    // The same document, moved to a household id this database does not hold, with one journal
    // entry's data nested 10,000 deep (it used to overflow JSON.stringify's stack: a 500).
    const text = JSON.stringify(doc)
      .replaceAll(demo.householdId, '01900000-0000-7000-8000-0000000000dd')
      .replace('"data":{', `"data":{"deep":${nested(10_000)},`);
    const before = await rowCounts(env.store);
    const res = await json('POST', '/api/import', text);
    expect(res.statusCode, res.body).toBe(400);
    const field = JSON.parse(res.body).error.fields[0];
    expect(field.path).toMatch(/^journal\.0\.data\.deep(\.0)+$/);
    expect(field.message).toBe('is nested more than 64 levels deep');
    // `as-written import` parses the file and calls the same function.
    await expect(importHousehold(env.store, JSON.parse(text))).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [{ message: 'is nested more than 64 levels deep' }],
    });
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('refuses email files that once answered 500, naming what is wrong, and imports nothing', async () => {
    const importUrl = (name: string) =>
      api(`/communications/import?childId=${childId}&filename=${encodeURIComponent(name)}`);
    const before = await rowCounts(env.store);
    const cases: [string, Buffer, RegExp][] = [
      [
        'year-10000.eml',
        eml(['From: a@school.example.org', 'Date: Fri, 1 Jan 10000 09:00:00 +0000', 'Subject: x']),
        /Date header that is not a usable day/,
      ],
      [
        'long-id.eml',
        eml(['From: a@school.example.org', DATE, `Message-ID: <${'a'.repeat(1200)}@school.example.org>`]),
        /Message-ID of 1221 characters; no email has one over 998/,
      ],
      [
        'long-header.eml',
        eml(['From: a@school.example.org', DATE, `X-Padding: ${'a'.repeat(2 * 1024 * 1024)}`]),
        /header longer than any email has/,
      ],
    ];
    for (const [name, bytes, message] of cases) {
      const res = await upload(importUrl(name), bytes);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(400);
      const error = JSON.parse(res.body).error;
      expect(error.fields[0].path).toBe('file');
      expect(error.message).toMatch(message);
      expect(error.message).toContain(name);
    }
    // In an mbox, the message is named by its place in the file.
    const mbox = Buffer.concat([
      Buffer.from('From a@school.example.org Tue Nov 10 09:15:00 2026\r\n'),
      eml(['From: a@school.example.org', DATE, 'Subject: fine']),
      Buffer.from('\r\n\r\nFrom a@school.example.org Tue Nov 10 09:15:00 2026\r\n'),
      eml(['From: a@school.example.org', 'Date: Fri, 1 Jan 10000 09:00:00 +0000']),
    ]);
    const inMbox = await upload(importUrl('mail.mbox'), mbox);
    expect(inMbox.statusCode).toBe(400);
    expect(JSON.parse(inMbox.body).error.message).toMatch(/message 2 has a Date header/);
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('keeps an email whose text holds NUL characters, without them, on both databases', async () => {
    const res = await upload(
      api(`/communications/import?childId=${childId}&filename=nul.eml`),
      eml(
        ['From: A\u0000 <a@school.example.org>', DATE, 'Subject: Re\u0000port', 'Message-ID: <n\u0000ul@x>'],
        'Line\u0000 one',
      ),
    );
    expect(res.statusCode, res.body).toBe(201);
    const [saved] = JSON.parse(res.body).imported;
    expect(saved).toMatchObject({ subject: 'Report', summary: 'Line one', messageId: '<nul@x>' });
  });

  it('writes every text into the calendar feed so that no line break can start a component', async () => {
    const demo = await seedDemoHousehold(env.store, env.clock, env.owner.userId);
    const injected = [
      'Speech\rBEGIN:VALARM\rACTION:DISPLAY\rTRIGGER:-PT5M\rEND:VALARM',
      'OT\nBEGIN:VALARM\nACTION:AUDIO\nEND:VALARM',
      'Reading\r\nBEGIN:VEVENT\r\nSUMMARY:Fake\r\nEND:VEVENT',
      // Long enough to be folded at 75 octets, with breaks on both sides of the fold.
      `${'x'.repeat(60)}\r${'y'.repeat(14)}\rBEGIN:VALARM\u2028END:VALARM\u0007`,
    ];
    for (const [i, subject] of injected.entries()) {
      const sent = await call(env, 'POST', `/api/households/${demo.householdId}/communications`, {
        childId: demo.childId,
        kind: 'email',
        direction: 'sent',
        date: `2026-11-0${i + 2}`,
        subject,
        summary: 'Asking about the missed sessions',
        replyExpectedBy: '2026-11-20',
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    }
    const made = await call(env, 'POST', `/api/households/${demo.householdId}/calendar-feeds`, {
      childId: demo.childId,
    });
    const feed = await env.app.inject({ method: 'GET', url: new URL(made.body.url).pathname });
    expect(feed.statusCode).toBe(200);
    // Every line ends in CRLF, and no CR or LF stands alone inside one.
    expect(feed.body.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    expect(events.flatMap((e) => e.getAllSubcomponents())).toEqual([]);
    expect(events.every((e) => e.getFirstPropertyValue('summary') !== 'Fake')).toBe(true);
    const texts = events.map(
      (e) => `${e.getFirstPropertyValue('summary')} ${e.getFirstPropertyValue('description')}`,
    );
    // The subjects arrive whole, their breaks as line feeds inside the text.
    expect(texts.some((t) => t.includes('Speech\nBEGIN:VALARM\nACTION:DISPLAY'))).toBe(true);
    expect(texts.some((t) => t.includes('Reading\nBEGIN:VEVENT\nSUMMARY:Fake'))).toBe(true);
    expect(texts.some((t) => t.includes(`${'y'.repeat(14)}\nBEGIN:VALARM\nEND:VALARM`))).toBe(true);
  });
});
