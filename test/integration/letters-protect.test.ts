import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock } from '../../src/server/context.ts';
import {
  BACKENDS,
  call,
  createAccount,
  openTestEnv,
  type Principal,
  rowCounts,
  TEST_NOW,
  type TestEnv,
} from './harness.ts';

// Letters that protect the parent, through the API on both databases: the parent's position on a call
// (stored, journaled, exported, and followed by the summary), the reply date a letter asks for (which
// the parent can change, and which starts the reply clock), gaps in brackets that block sending and the
// .eml, and the .eml with its attached log. Today is Sunday, November 29, 2026.

describe.each(BACKENDS)('letters that protect the parent on %s', (backend) => {
  let env: TestEnv;
  let demo: Awaited<ReturnType<typeof seedDemoHousehold>>;
  let hid: string;
  let chenId: string;
  let viewer: Principal;
  const api = (path: string) => `/api/households/${hid}${path}`;
  const draft = (request: Record<string, unknown>, asOf = '2026-11-27') =>
    call(env, 'POST', api(`/children/${demo.childId}/letters`), { request, asOf });
  const eml = (id: string, as: Principal = env.owner) =>
    env.app.inject({
      method: 'GET',
      url: api(`/letters/${id}/eml`),
      headers: { cookie: as.cookie },
    });

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
    hid = demo.householdId;
    const team = (await call(env, 'GET', api(`/team-contacts?childId=${demo.childId}`))).body as {
      id: string;
      role: string;
    }[];
    chenId = team.find((t) => t.role === 'Speech-language pathologist')!.id;
    viewer = await createAccount(env, 'viewer@example.org', { householdId: hid, role: 'viewer' });
  });
  afterAll(async () => env.close());

  it('keeps the parent’s position on a call, journals and exports it, and the summary follows it', async () => {
    const logged = await call(env, 'POST', api('/communications'), {
      childId: demo.childId,
      kind: 'phone',
      direction: 'received',
      date: '2026-11-24',
      contactIds: [chenId],
      subject: 'Speech schedule',
      summary: 'Mr. Chen said speech will go to one session a week for the rest of the term.',
      decisions: 'Speech goes to one 30-minute session a week',
      parentPosition: 'not_agreed',
    });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    expect(logged.body.parentPosition).toBe('not_agreed');
    const read = await call(env, 'GET', api(`/communications/${logged.body.id}`));
    expect(read.body.parentPosition).toBe('not_agreed');

    // The journal carries it, and so does the export.
    const entry = await env.store.db
      .selectFrom('journal')
      .select(['data'])
      .where('household_id', '=', hid)
      .where('entity', '=', 'communication')
      .where('entity_id', '=', logged.body.id)
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.data).parentPosition).toBe('not_agreed');
    const exported = await call(env, 'GET', api('/export'));
    expect(exported.status).toBe(200);
    const row = (exported.body.communications as { id: string; parentPosition: string }[]).find(
      (c) => c.id === logged.body.id,
    );
    expect(row?.parentPosition).toBe('not_agreed');
    // Messages logged without the question read as unknown.
    const older = (exported.body.communications as { kind: string; parentPosition: string }[]).filter(
      (c) => c.kind === 'email',
    );
    expect(older.every((c) => c.parentPosition === 'unknown')).toBe(true);

    const summary = await draft({ kind: 'follow_up_verbal', communicationId: logged.body.id });
    expect(summary.status, JSON.stringify(summary.body)).toBe(201);
    expect(summary.body.body).toContain('I have not agreed to this change.');
    expect(summary.body.body).toContain('(34 CFR 300.324(a)(4))');
    expect(summary.body.body).toContain(
      'Could you send me prior written notice of the proposal (34 CFR 300.503)?',
    );
    expect(summary.body.body).not.toMatch(/\bwe agreed\b/u);

    // The parent changes her mind: the position is an ordinary change, journaled as one.
    const changed = await call(env, 'PATCH', api(`/communications/${logged.body.id}`), {
      parentPosition: 'thinking',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.parentPosition).toBe('thinking');
  });

  it('refuses a position on a written message, naming the field, and writes nothing', async () => {
    const before = await rowCounts(env.store);
    const res = await call(env, 'POST', api('/communications'), {
      childId: demo.childId,
      kind: 'email',
      direction: 'sent',
      date: '2026-11-24',
      summary: 'A question about speech.',
      parentPosition: 'agreed',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('parentPosition');
    const bad = await call(env, 'POST', api('/communications'), {
      childId: demo.childId,
      kind: 'phone',
      direction: 'sent',
      date: '2026-11-24',
      summary: 'A call.',
      parentPosition: 'maybe',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('parentPosition');
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('a gap in brackets blocks marking sent and the .eml, naming it; filled in, the letter goes and the reply clock starts from its date', async () => {
    const letter = (await draft({ kind: 'request_iep_meeting' })).body;
    expect(letter.unfilled).toEqual([
      expect.objectContaining({ placeholder: '[days and times that work for you]', field: 'body' }),
    ]);
    const at = letter.unfilled[0];
    expect(letter.body.slice(at.start, at.end)).toBe('[days and times that work for you]');
    // Friday, November 27 plus 5 school days (the household's reply time).
    expect(letter.respondBy).toBe('2026-12-04');
    expect(letter.body).toContain('Could you reply by Friday, December 4?');

    const before = await rowCounts(env.store);
    const sent = await call(env, 'POST', api(`/letters/${letter.id}/sent`), { date: '2026-11-29' });
    expect(sent.status).toBe(400);
    expect(sent.body.error.message).toContain('Fill in or remove "[days and times that work for you]"');
    expect(sent.body.error.fields).toEqual([
      {
        path: 'body',
        message:
          '"[days and times that work for you]" is still in the letter: fill it in or remove it before sending',
      },
    ]);
    const refused = await eml(letter.id);
    expect(refused.statusCode).toBe(400);
    expect(JSON.parse(refused.body).error.fields[0].path).toBe('body');
    expect(await rowCounts(env.store)).toEqual(before);

    // The parent picks another reply date: the sentence changes with it.
    const moved = await call(env, 'PATCH', api(`/letters/${letter.id}`), { respondBy: '2026-12-08' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.respondBy).toBe('2026-12-08');
    expect(moved.body.body).toContain('Could you reply by Tuesday, December 8?');
    expect(moved.body.body).not.toContain('December 4');
    const past = await call(env, 'PATCH', api(`/letters/${letter.id}`), { respondBy: '2026-11-20' });
    expect(past.status).toBe(400);
    expect(past.body.error.fields[0].path).toBe('respondBy');

    const filled = await call(env, 'PATCH', api(`/letters/${letter.id}`), {
      body: moved.body.body.replace('[days and times that work for you]', 'Tuesday or Thursday mornings'),
    });
    expect(filled.body.unfilled).toEqual([]);
    const done = await call(env, 'POST', api(`/letters/${letter.id}/sent`), { date: '2026-11-29' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.communication.replyExpectedBy).toBe('2026-12-08');
  });

  it('a letter over 20,000 characters can be marked sent, and is logged word for word', async () => {
    // The default state-complaint draft with its evidence reached 20,000 characters, and the log's
    // summary stopped there: the letter could not be marked sent (issue 15).
    const letter = (await draft({ kind: 'check_in' })).body;
    const long = `${letter.body}\n\n${'The sessions listed above were not made up. '.repeat(520)}`.slice(
      0,
      23_000,
    );
    expect(long.length).toBeGreaterThan(20_000);
    const edited = await call(env, 'PATCH', api(`/letters/${letter.id}`), { body: long });
    expect(edited.status, JSON.stringify(edited.body).slice(0, 300)).toBe(200);
    const sent = await call(env, 'POST', api(`/letters/${letter.id}/sent`), { date: '2026-11-27' });
    expect(sent.status, JSON.stringify(sent.body).slice(0, 300)).toBe(200);
    expect(sent.body.communication.summary).toBe(edited.body.body);
    const tooLong = await call(env, 'PATCH', api(`/letters/${(await draft({ kind: 'check_in' })).body.id}`), {
      body: 'x'.repeat(50_001),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields[0]).toEqual({
      path: 'body',
      message: 'must be at most 50000 characters',
      code: 'too_big',
      params: { maximum: 50000, origin: 'string' },
    });
  });

  it('a reply date must come after the day the letter is written', async () => {
    const res = await draft({ kind: 'check_in', respondBy: '2026-11-27' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('request.respondBy');
  });

  it('the .eml of an escalation carries the report, or the session log; a role that cannot export cannot download it', async () => {
    const drafted = await draft({ kind: 'escalation', to: 'principal' });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    const letter = drafted.body;
    expect(letter.attachment).toBe('report_pdf');
    expect(letter.body).toContain('The attached report has the details');
    const ready = await call(env, 'PATCH', api(`/letters/${letter.id}`), {
      body: letter.body.replace('[days and times that work for you]', 'any afternoon'),
    });
    expect(ready.body.unfilled).toEqual([]);

    const withReport = await eml(letter.id);
    expect(withReport.statusCode, withReport.body).toBe(200);
    expect(withReport.headers['content-type']).toContain('message/rfc822');
    const mail = await simpleParser(withReport.rawPayload);
    expect(mail.subject).toBe(letter.subject);
    expect(mail.text).toBe(ready.body.body);
    expect(mail.headers.get('x-unsent')).toBe('1');
    const to = Array.isArray(mail.to) ? mail.to[0]! : mail.to!;
    expect(to.value.map((v) => v.address)).toEqual(['brooks@maple.example.org']);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.contentType).toBe('application/pdf');
    expect(mail.attachments[0]!.filename).toMatch(/^implementation-report-Emma-.*\.pdf$/u);
    expect(mail.attachments[0]!.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const csv = await call(env, 'PATCH', api(`/letters/${letter.id}`), { attachment: 'sessions_csv' });
    expect(csv.status, JSON.stringify(csv.body)).toBe(200);
    expect(csv.body.body).toContain('The attached session log has the details');
    expect(csv.body.body).not.toContain('The attached report');
    const withLog = await simpleParser((await eml(letter.id)).rawPayload);
    expect(withLog.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['session-log.csv', 'text/csv'],
    ]);
    expect(withLog.attachments[0]!.content.toString('utf8')).toMatch(/^\ufeff?date,child,service,/u);

    // A viewer may read letters, but not take the child's whole log out in an attachment.
    const refused = await eml(letter.id, viewer);
    expect(refused.statusCode).toBe(403);
    const none = await call(env, 'PATCH', api(`/letters/${letter.id}`), { attachment: 'none' });
    expect(none.body.body).not.toMatch(/attached/u);
    expect((await eml(letter.id, viewer)).statusCode).toBe(200);
  });

  it('the escalation to the director copies the principal', async () => {
    const letter = (await draft({ kind: 'escalation', to: 'director' })).body;
    expect(letter.cc.map((c: { name: string }) => c.name)).toContain('Dr. Brooks');
    // No director on the demo team: a gap to fill in, at the recipient's name.
    expect(letter.unfilled.map((u: { field: string }) => u.field)).toContain('to.0.name');
  });

  it('the record still verifies: replay reads the new fields', async () => {
    const res = await call(env, 'GET', api('/verify'));
    expect(res.status).toBe(200);
    expect(res.body.ok, JSON.stringify(res.body)).toBe(true);
  });
});
