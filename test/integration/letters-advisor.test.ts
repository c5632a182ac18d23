import { execFileSync } from 'node:child_process';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { maskSecretsInUrl } from '../../src/server/app.ts';
import { fixedClock } from '../../src/server/context.ts';
import { sendDueReminders } from '../../src/server/services/reminder-mail.ts';
import { BACKENDS, call, openTestEnv, rowCounts, TEST_NOW, type TestEnv } from './harness.ts';

// Letters drafted from the demo record, edited with the tone check, downloaded as .eml and marked
// sent into the log; the advisor's recommendations with their entries, citations and deadlines;
// and the calendar feed, on both databases.

describe.each(BACKENDS)('letters and the advisor on %s', (backend) => {
  let env: TestEnv;
  let demo: Awaited<ReturnType<typeof seedDemoHousehold>>;
  let hid: string;
  const api = (path: string) => `/api/households/${hid}${path}`;
  let calculatorId: string;
  let caseManagerId: string;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
    hid = demo.householdId;
    const accs = (await call(env, 'GET', api(`/accommodations?planId=${demo.planId}`))).body as {
      id: string;
      text: string;
    }[];
    calculatorId = accs.find((a) => /calculator/i.test(a.text))!.id;
    const team = (await call(env, 'GET', api(`/team-contacts?childId=${demo.childId}`))).body as {
      id: string;
      role: string;
    }[];
    caseManagerId = team.find((t) => t.role === 'Case manager')!.id;
  });
  afterAll(async () => env.close());

  const draft = (request: Record<string, unknown>, asOf = '2026-11-02') =>
    call(env, 'POST', api(`/children/${demo.childId}/letters`), { request, asOf });

  it('drafts the article’s calculator letter from the plan’s own words, kindly', async () => {
    const res = await draft({ kind: 'specific_concern', accommodationId: calculatorId });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.status).toBe('draft');
    expect(res.body.body).toContain('"Use of a calculator for math assignments and tests"');
    expect(res.body.body).toContain('October 7');
    expect(res.body.toneFlags).toEqual([]);
    expect(res.body.entryIds.length).toBeGreaterThan(0);
    expect(res.body.to[0].name).toMatch(/\S/);
  });

  it('flags an accusing edit with a gentler wording, then logs the letter when it is marked sent', async () => {
    const letter = (await draft({ kind: 'request_service_logs', serviceId: demo.services.speech })).body;
    const edited = await call(env, 'PATCH', api(`/letters/${letter.id}`), {
      body: `${letter.body}\n\nYou never responded to my last email!!`,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const rules = edited.body.toneFlags.map((f: { rule: string }) => f.rule);
    expect(rules.length).toBeGreaterThanOrEqual(2);
    expect(edited.body.toneFlags[0].suggestion).toMatch(/\S/);

    const eml = await env.app.inject({
      method: 'GET',
      url: api(`/letters/${letter.id}/eml`),
      headers: { cookie: env.owner.cookie },
    });
    expect(eml.statusCode).toBe(200);
    expect(eml.headers['content-type']).toContain('message/rfc822');
    const parsed = await simpleParser(eml.body);
    expect(parsed.subject).toBe(letter.subject);
    // The file name keeps the subject's accents (RFC 5987), with an ASCII fallback.
    const accented = await call(env, 'PATCH', api(`/letters/${letter.id}`), {
      subject: 'Sesiones de logopedia de María',
    });
    expect(accented.status, JSON.stringify(accented.body)).toBe(200);
    const named = await env.app.inject({
      method: 'GET',
      url: api(`/letters/${letter.id}/eml`),
      headers: { cookie: env.owner.cookie },
    });
    expect(named.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Sesiones-de-logopedia-de-María.eml')}`,
    );
    expect(named.headers['content-disposition']).toContain('filename="Sesiones-de-logopedia-de-Mar_a.eml"');
    await call(env, 'PATCH', api(`/letters/${letter.id}`), { subject: letter.subject });
    expect(parsed.text).toContain('You never responded');

    const sent = await call(env, 'POST', api(`/letters/${letter.id}/sent`), {
      date: '2026-11-02',
      kind: 'email',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.letter.status).toBe('sent');
    expect(sent.body.communication).toMatchObject({
      direction: 'sent',
      kind: 'email',
      date: '2026-11-02',
      subject: letter.subject,
      replyExpectedBy: '2026-11-09',
    });
    expect((sent.body.communication.contactIds as string[]).length).toBeGreaterThan(0);
    const again = await call(env, 'PATCH', api(`/letters/${letter.id}`), { body: 'changed' });
    expect(again.status).toBe(409);
    expect((await call(env, 'DELETE', api(`/letters/${letter.id}`))).status).toBe(409);
  });

  it('refuses a letter the plan cannot have, naming the field, and writes nothing', async () => {
    const before = await rowCounts(env.store);
    const ocr = await draft({ kind: 'ocr_complaint_outline' });
    expect(ocr.status).toBe(400);
    expect(ocr.body.error.fields[0].path).toBe('request.kind');
    const unknown = await draft({
      kind: 'specific_concern',
      serviceId: '01900000-0000-7000-8000-000000000009',
    });
    expect(unknown.status).toBe(400);
    const neither = await draft({ kind: 'specific_concern' });
    expect(neither.status).toBe(400);
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('drafts a state complaint with every element 34 CFR 300.153 asks for, in formal words', async () => {
    const res = await draft({ kind: 'state_complaint' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.body).toMatch(/violated/i);
    expect(res.body.body).toContain('Emma');
    expect(res.body.body).toMatch(/proposed resolution/i);
    expect(res.body.toneFlags).toEqual([]);
    expect(res.body.placeholders.length).toBeGreaterThan(0);
  });

  it('states the state’s meeting timeline in a meeting request (Illinois has none: the federal wording)', async () => {
    const res = await draft({ kind: 'request_iep_meeting' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.subject).toMatch(/meeting/i);
  });

  it('advises a follow-up when an email to the case manager goes unanswered, with its entries, citation and letter', async () => {
    const sent = await call(env, 'POST', api('/communications'), {
      childId: demo.childId,
      kind: 'email',
      direction: 'sent',
      date: '2026-11-02',
      contactIds: [caseManagerId],
      subject: 'Extended time on spelling tests',
      summary: 'Could you help me understand what happened with extended time on the spelling test?',
    });
    expect(sent.body.replyExpectedBy).toBe('2026-11-09');
    const before = await call(env, 'GET', api(`/children/${demo.childId}/advice?asOf=2026-11-06`));
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    const followUp = (body: { recommendations: { rule: string; entryIds: string[] }[] }) =>
      body.recommendations.find((r) => r.rule === 'reply_overdue' && r.entryIds.includes(sent.body.id));
    expect(followUp(before.body)).toBeUndefined();
    const after = await call(env, 'GET', api(`/children/${demo.childId}/advice?asOf=2026-11-12`));
    const rec = followUp(after.body) as unknown as {
      letterKind: string;
      citation: Record<string, unknown>;
      deadlines: unknown[];
      reason: string;
    };
    expect(
      rec,
      JSON.stringify(after.body.recommendations.map((r: { rule: string }) => r.rule)),
    ).toBeDefined();
    expect(rec.letterKind).toBe('follow_up_unanswered');
    // Where its entries are kept comes with it: the Advisor screen links "1 message" and drafts the
    // follow-up of the sent email without loading the child's messages.
    expect((rec as unknown as { entries: unknown }).entries).toEqual({
      messages: 1,
      notes: 0,
      sentMessageIds: [sent.body.id],
    });
    expect(rec.citation).toBeDefined();
    expect(rec.reason).toMatch(/\S/);
    // The service shortfall of speech (54% delivered) calls for a meeting, cited to 300.323.
    const shortfall = after.body.recommendations.find(
      (r: { rule: string }) => r.rule === 'service_shortfall',
    );
    if (shortfall) expect(JSON.stringify(shortfall.citation)).toMatch(/300\.323/);
    expect(Array.isArray(after.body.reminders)).toBe(true);

    const letter = await call(env, 'POST', api(`/children/${demo.childId}/letters`), {
      request: { kind: 'follow_up_unanswered', communicationId: sent.body.id },
      asOf: '2026-11-12',
    });
    expect(letter.status, JSON.stringify(letter.body)).toBe(201);
    expect(letter.body.body).toContain('Extended time on spelling tests');
    expect(letter.body.toneFlags).toEqual([]);
    // Sent, the follow-up joins the thread of the email it follows up.
    const sentFollowUp = await call(env, 'POST', api(`/letters/${letter.body.id}/sent`), {
      date: '2026-11-12',
    });
    expect(sentFollowUp.body.communication.inReplyToId).toBe(sent.body.id);
  });

  it('changes a threshold for the household only within its range', async () => {
    const ok = await call(env, 'PATCH', api('/settings'), { advisor: { minDeliveredShare: 0.9 } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.advisor).toEqual({ minDeliveredShare: 0.9 });
    const advice = await call(env, 'GET', api(`/children/${demo.childId}/advice?asOf=2026-11-12`));
    expect(advice.body.settings.minDeliveredShare).toBe(0.9);
    const bad = await call(env, 'PATCH', api('/settings'), { advisor: { minDeliveredShare: 3, madeUp: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toContain('advisor.minDeliveredShare');
  });

  it('emails today’s reminders to each parent once, however often it runs', async () => {
    const friday = fixedClock('2026-11-20T13:00:00.000Z');
    const before = env.mailer.sent.length;
    const first = await sendDueReminders(env.store, env.mailer, friday, 'https://as-written.example.org');
    expect(first.emails).toBeGreaterThan(0);
    const mail = env.mailer.sent.at(-1)!;
    expect(mail.to).toBe('owner@example.org');
    expect(mail.text).toContain('Emma: Weekly check-in');
    expect(mail.text).toContain('https://as-written.example.org/advisor');
    expect(env.mailer.sent.length).toBe(before + first.emails);
    const second = await sendDueReminders(env.store, env.mailer, friday, null);
    expect(second).toEqual({ emails: 0, reminders: 0 });
  });

  it('sends a reminder once when two runs overlap, and gives it back when its email fails', async () => {
    const friday = fixedClock('2026-12-04T13:00:00.000Z');
    // A slow mail server: both runs have read the day's reminders before either email has gone.
    const sent: string[] = [];
    const slow = {
      enabled: true,
      send: async (mail: { to: string }) => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        sent.push(mail.to);
      },
    } as unknown as typeof env.mailer;
    const failing = {
      enabled: true,
      send: async () => {
        throw new Error('the mail server is down');
      },
    } as unknown as typeof env.mailer;
    await expect(sendDueReminders(env.store, failing, friday, null)).rejects.toThrow(/down/);
    const [one, two] = await Promise.all([
      sendDueReminders(env.store, slow, friday, null),
      sendDueReminders(env.store, slow, friday, null),
    ]);
    expect(one.emails + two.emails).toBe(sent.length);
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent).size).toBe(sent.length);
  });

  it('exports sessions, observations and the communication log as CSV a spreadsheet opens', async () => {
    const get = (name: string) =>
      env.app.inject({
        method: 'GET',
        url: api(`/exports/${name}.csv?childId=${demo.childId}`),
        headers: { cookie: env.owner.cookie },
      });
    const sessions = await get('sessions');
    expect(sessions.statusCode).toBe(200);
    expect(sessions.headers['content-type']).toContain('text/csv');
    const lines = sessions.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'date,child,service,kind,status,minutes delivered,minutes planned,reason,reason text,responsibility,start time,no school that day (confirmed),source,note,corrects entry,corrected by entry,counts,why not counted,recorded at,entry id',
    );
    const entries = (await call(env, 'GET', api(`/sessions?childId=${demo.childId}`))).body as unknown[];
    // The header, a row per entry, and where the journal stood (docs/paper-trail.md).
    expect(lines).toHaveLength(entries.length + 2);
    expect(lines.at(-1)).toMatch(
      /^# As Written journal at export: \d+ entries; last entry hash [0-9a-f]{64}$/,
    );
    expect(sessions.body).toContain('Speech-language therapy');
    const observations = await get('observations');
    expect(observations.body).toContain('Sat in the back row again');
    const messages = await get('communications');
    expect(messages.body).toContain('Make-up sessions for speech');
    expect(messages.body).toMatch(/overdue|answered|waiting/);
  });

  it('builds the living IEP from the record and keeps the parent’s own words', async () => {
    const saved = await call(env, 'PUT', api(`/children/${demo.childId}/living-iep/notes`), {
      concerns: 'I am concerned that Emma is losing confidence in reading.',
      changes: ['Schedule reading pull-out outside of science'],
      questions: ['Who gives substitutes the accommodations list?'],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const doc = await call(env, 'GET', api(`/children/${demo.childId}/living-iep?asOf=2026-10-30`));
    expect(doc.status, JSON.stringify(doc.body)).toBe(200);
    expect(doc.body.working.map((i: { text: string }) => i.text).join(' ')).toContain('chapter book');
    expect(doc.body.notWorking.map((i: { text: string }) => i.text).join(' ')).toContain(
      'Speech-language therapy',
    );
    expect(doc.body.changes.map((i: { text: string }) => i.text)).toContain(
      'Schedule reading pull-out outside of science',
    );
    expect(doc.body.concerns).toBe('I am concerned that Emma is losing confidence in reading.');
    expect(doc.body.questions.map((i: { text: string }) => i.text)).toContain(
      'Who gives substitutes the accommodations list?',
    );
    const md = await env.app.inject({
      method: 'GET',
      url: api(`/children/${demo.childId}/living-iep.md?asOf=2026-10-30`),
      headers: { cookie: env.owner.cookie },
    });
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.body).toContain("# Emma's living IEP");
    const pdf = await env.app.inject({
      method: 'GET',
      url: api(`/children/${demo.childId}/living-iep.pdf?asOf=2026-10-30`),
      headers: { cookie: env.owner.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf.rawPayload }).toString();
    expect(text).toContain('What is working');
    expect(text).toContain('I am concerned that Emma is losing confidence in reading.');
    const bad = await call(env, 'PUT', api(`/children/${demo.childId}/living-iep/notes`), { changes: [''] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('changes.0');
  });

  it('serves the reminders as an iCalendar feed that ical.js reads, until the address is revoked', async () => {
    const made = await call(env, 'POST', api('/calendar-feeds'), { childId: demo.childId });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const path = new URL(made.body.url).pathname;
    expect(path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(maskSecretsInUrl(path)).toBe('/api/calendar/[secret]');
    const feed = await env.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//As Written//Reminders//EN');
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e.summary).toMatch(/^Emma: /);
      expect(e.startDate.isDate).toBe(true);
      expect(e.uid).toMatch(/@as-written$/);
    }
    const list = await call(env, 'GET', api('/calendar-feeds'));
    expect(list.body[0]).toMatchObject({ id: made.body.feed.id, active: true });
    expect(JSON.stringify(list.body)).not.toContain(path.split('/').pop()!.replace('.ics', ''));
    await call(env, 'POST', api(`/calendar-feeds/${made.body.feed.id}/revoke`));
    expect((await env.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'GET', url: '/api/calendar/not-a-token.ics' })).statusCode).toBe(
      404,
    );
  });
});
