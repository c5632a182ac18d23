import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, call, openTestEnv, rowCounts, type TestEnv } from './harness.ts';

// The communication log through the API on both databases: the reply clock in school days, replies
// that mark a message answered, follow-ups of calls, and email import from real-shaped .eml and
// .mbox files (multipart, attachments, non-UTF-8 charsets, a reply chain, a broken file).

const CRLF = '\r\n';
const eml = (headers: Record<string, string>, body: string) =>
  Buffer.from(
    `${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join(CRLF)}${CRLF}${CRLF}${body.replace(/\n/g, CRLF)}`,
    'latin1',
  );

describe.each(BACKENDS)('the communication log on %s', (backend) => {
  let env: TestEnv;
  let childId: string;
  let caseManager: string;
  let principal: string;
  const api = (path: string) => `/api/households/${env.householdId}${path}`;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    childId = (await call(env, 'POST', api('/children'), { firstName: 'Emma' })).body.id;
    await call(env, 'POST', api('/calendars'), {
      childId,
      name: '2026-2027',
      firstDay: '2026-09-08',
      lastDay: '2027-06-11',
    });
    const calendarId = (await call(env, 'GET', api(`/calendars?childId=${childId}`))).body[0].id;
    // Thanksgiving break: Wednesday to Friday.
    await call(env, 'POST', api('/calendar-events'), {
      calendarId,
      kind: 'break',
      startDate: '2026-11-25',
      endDate: '2026-11-27',
      label: 'Thanksgiving break',
    });
    caseManager = (
      await call(env, 'POST', api('/team-contacts'), {
        childId,
        name: 'Ms. Alvarez',
        role: 'Case manager',
        email: 'Alvarez@School.example.org',
      })
    ).body.id;
    principal = (
      await call(env, 'POST', api('/team-contacts'), {
        childId,
        name: 'Dr. Brooks',
        role: 'Principal',
        email: 'brooks@school.example.org',
      })
    ).body.id;
  });
  afterAll(async () => env.close());

  it('expects a reply to a sent email within 5 school days, skipping weekends and the school’s breaks', async () => {
    const sent = await call(env, 'POST', api('/communications'), {
      childId,
      kind: 'email',
      direction: 'sent',
      date: '2026-11-23',
      contactIds: [caseManager],
      subject: 'Speech sessions in November',
      summary: 'Could we look together at the speech log for November?',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    // Mon 23 Nov + 5 school days: Tue 24, (break 25-27, weekend), Mon 30, Tue 1, Wed 2, Thu 3.
    expect(sent.body.replyExpectedBy).toBe('2026-12-03');
    const call1 = await call(env, 'POST', api('/communications'), {
      childId,
      kind: 'phone',
      direction: 'received',
      date: '2026-11-23',
      summary: 'Ms. Alvarez called about the speech schedule',
    });
    expect(call1.body.replyExpectedBy).toBeNull();
    const explicit = await call(env, 'POST', api('/communications'), {
      childId,
      kind: 'email',
      direction: 'sent',
      date: '2026-11-23',
      summary: 'FYI only',
      replyExpectedBy: null,
    });
    expect(explicit.body.replyExpectedBy).toBeNull();
  });

  it('uses the household’s own reply time once it is changed, and keeps the change in the journal', async () => {
    const changed = await call(env, 'PATCH', api('/settings'), { replySchoolDays: 2 });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.replySchoolDays).toBe(2);
    const sent = await call(env, 'POST', api('/communications'), {
      childId,
      kind: 'letter',
      direction: 'sent',
      date: '2026-10-01',
      summary: 'Request for the speech service logs',
    });
    expect(sent.body.replyExpectedBy).toBe('2026-10-05');
    const bad = await call(env, 'PATCH', api('/settings'), { replySchoolDays: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('replySchoolDays');
    await call(env, 'PATCH', api('/settings'), { replySchoolDays: 5 });
    const journal = await call(env, 'GET', api('/journal?entity=household_settings'));
    expect(journal.status, JSON.stringify(journal.body)).toBe(200);
    expect(journal.body).toHaveLength(2);
  });

  it('shows a message as waiting, then overdue, then answered when the reply is logged', async () => {
    const sent = (
      await call(env, 'POST', api('/communications'), {
        childId,
        kind: 'email',
        direction: 'sent',
        date: '2026-10-05',
        contactIds: [caseManager],
        subject: 'Extended time',
        summary: 'Help me understand what happened with extended time on Friday?',
      })
    ).body;
    const status = async (asOf: string) =>
      (await call(env, 'GET', api(`/children/${childId}/communication-status?asOf=${asOf}`))).body;
    const waiting = await status('2026-10-09');
    expect(waiting.waiting).toContain(sent.id);
    const late = await status('2026-10-15');
    expect(late.overdue).toContain(sent.id);
    expect(late.messages.find((m: { id: string }) => m.id === sent.id).reply).toMatchObject({
      state: 'overdue',
      dueBy: '2026-10-12',
      daysLate: 3,
    });
    const reply = await call(env, 'POST', api('/communications'), {
      childId,
      kind: 'email',
      direction: 'received',
      date: '2026-10-16',
      contactIds: [caseManager],
      summary: 'Sorry for the delay; the substitute did not have the list.',
      inReplyToId: sent.id,
    });
    expect(reply.status).toBe(201);
    const answered = await status('2026-10-20');
    const entry = answered.messages.find((m: { id: string }) => m.id === sent.id);
    expect(entry.reply).toEqual({ state: 'answered', replyIds: [reply.body.id] });
    expect(answered.messages.find((m: { id: string }) => m.id === reply.body.id).threadId).toBe(sent.id);
  });

  it('offers "Draft a letter" only the messages it can use, chosen on the server', async () => {
    const kid = (await call(env, 'POST', api('/children'), { firstName: 'Noor' })).body.id;
    const log = async (fields: Record<string, unknown>) => {
      const res = await call(env, 'POST', api('/communications'), { childId: kid, ...fields });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const late = await log({ kind: 'email', direction: 'sent', date: '2026-10-05', summary: 'Late' });
    const waiting = await log({ kind: 'email', direction: 'sent', date: '2026-10-16', summary: 'Waiting' });
    const answered = await log({
      kind: 'letter',
      direction: 'sent',
      date: '2026-10-06',
      summary: 'Answered',
    });
    await log({
      kind: 'email',
      direction: 'received',
      date: '2026-10-07',
      summary: 'Re',
      inReplyToId: answered,
    });
    const mistake = await log({
      kind: 'email',
      direction: 'sent',
      date: '2026-10-08',
      summary: 'Wrong child',
    });
    const voided = await call(env, 'POST', api(`/communications/${mistake}/void`), { note: 'Wrong child' });
    expect(voided.status, JSON.stringify(voided.body)).toBe(200);
    const meeting = await log({ kind: 'meeting', direction: 'received', date: '2026-10-09', summary: 'IEP' });
    const phone = await log({ kind: 'phone', direction: 'received', date: '2026-10-12', summary: 'Call' });
    const choices = await call(env, 'GET', api(`/children/${kid}/letter-choices?asOf=2026-10-20`));
    expect(choices.status, JSON.stringify(choices.body)).toBe(200);
    const ids = (list: { id: string }[]) => list.map((m) => m.id);
    // Overdue first, then the newest; never an answered, received or voided message, nor a call.
    expect(ids(choices.body.awaitingReply)).toEqual([late, waiting]);
    expect(choices.body.overdue).toEqual([late]);
    expect(ids(choices.body.conversations)).toEqual([phone, meeting]);
    expect(choices.body.conversationsTotal).toBe(2);
    expect(ids(choices.body.recent)).not.toContain(mistake);
    expect(choices.body.recent[0].id).toBe(waiting);
    expect(choices.body.messagesTotal).toBe(6);
    // Another household's child is not found.
    const other = await call(
      env,
      'GET',
      `/api/households/${env.householdId}/children/01900000-0000-7000-8000-00000000abcd/letter-choices`,
    );
    expect(other.status).toBe(404);
  });

  it('links a written follow-up to a call, and refuses to follow up a written message', async () => {
    const meeting = (
      await call(env, 'POST', api('/communications'), {
        childId,
        kind: 'meeting',
        direction: 'received',
        date: '2026-10-20',
        contactIds: [caseManager, principal],
        summary: 'Met about the reading schedule',
        decisions: 'Reading moves to 1:15 so it no longer overlaps science',
        nextSteps: 'Ms. Alvarez sends the new schedule by Friday',
      })
    ).body;
    let status = (await call(env, 'GET', api(`/children/${childId}/communication-status?asOf=2026-10-20`)))
      .body;
    expect(status.verbalWithoutFollowUp).toContain(meeting.id);
    const written = await call(env, 'POST', api('/communications'), {
      childId,
      kind: 'email',
      direction: 'sent',
      date: '2026-10-20',
      contactIds: [caseManager],
      summary: 'Thank you for meeting with me today. To make sure I understood: ...',
      followsUpId: meeting.id,
    });
    expect(written.status).toBe(201);
    status = (await call(env, 'GET', api(`/children/${childId}/communication-status?asOf=2026-10-20`))).body;
    expect(status.verbalWithoutFollowUp).not.toContain(meeting.id);
    const wrong = await call(env, 'POST', api('/communications'), {
      childId,
      kind: 'email',
      direction: 'sent',
      date: '2026-10-21',
      summary: 'x',
      followsUpId: written.body.id,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe('followsUpId');
    const stranger = await call(env, 'POST', api('/communications'), {
      childId,
      kind: 'email',
      direction: 'sent',
      date: '2026-10-21',
      summary: 'x',
      contactIds: ['01900000-0000-7000-8000-00000000abcd'],
    });
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.fields[0].path).toBe('contactIds.0');
  });

  describe('email import', () => {
    const importFile = (bytes: Buffer, filename = 'mail.eml') =>
      call(env, 'POST', api(`/communications/import?childId=${childId}&filename=${filename}`), bytes);

    it('imports a thread: the parent’s email, a multipart reply in ISO-8859-1 with a photo, matched and joined', async () => {
      const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#abc' } })
        .png()
        .toBuffer();
      const first = eml(
        {
          From: 'Olivia Owner <owner@example.org>',
          To: 'Ms. Alvarez <alvarez@school.example.org>',
          Cc: 'Grandma <grandma@example.net>',
          Subject: 'Headphones',
          Date: 'Wed, 30 Sep 2026 21:40:00 -0700',
          'Message-ID': '<first@example.org>',
          'Content-Type': 'text/plain; charset=UTF-8',
        },
        'Emma says her headphones are in a locked cabinet. Can we problem-solve together?\n',
      );
      const boundary = 'XyZ123';
      const reply = eml(
        {
          From: 'Ms. Alvarez <alvarez@school.example.org>',
          To: 'owner@example.org',
          Subject: '=?ISO-8859-1?Q?Re:_Headphones_=96_caf=E9_meeting?=',
          Date: 'Thu, 1 Oct 2026 08:05:00 -0500',
          'Message-ID': '<reply@school.example.org>',
          'In-Reply-To': '<first@example.org>',
          References: '<first@example.org>',
          'MIME-Version': '1.0',
          'Content-Type': `multipart/mixed; boundary="${boundary}"`,
        },
        [
          `--${boundary}`,
          'Content-Type: multipart/alternative; boundary="alt"',
          '',
          '--alt',
          'Content-Type: text/plain; charset=ISO-8859-1',
          'Content-Transfer-Encoding: quoted-printable',
          '',
          'Bonjour, the caf=E9 meeting is fine. I moved the headphones to her desk.',
          '--alt',
          'Content-Type: text/html; charset=ISO-8859-1',
          '',
          '<p>Bonjour, the caf&eacute; meeting is fine.</p>',
          '--alt--',
          `--${boundary}`,
          'Content-Type: image/png; name="desk.png"',
          'Content-Disposition: attachment; filename="desk.png"',
          'Content-Transfer-Encoding: base64',
          '',
          photo.toString('base64'),
          `--${boundary}`,
          'Content-Type: application/octet-stream; name="tool.exe"',
          'Content-Disposition: attachment; filename="tool.exe"',
          'Content-Transfer-Encoding: base64',
          '',
          Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1').toString('base64'),
          `--${boundary}--`,
          '',
        ].join('\n'),
      );
      const a = await importFile(first, 'headphones.eml');
      expect(a.status, JSON.stringify(a.body)).toBe(201);
      expect(a.body.imported[0]).toMatchObject({
        direction: 'sent',
        date: '2026-09-30',
        time: '21:40',
        contactIds: [caseManager],
        otherParties: 'Grandma <grandma@example.net>',
        subject: 'Headphones',
        replyExpectedBy: '2026-10-07',
        messageId: '<first@example.org>',
      });
      const b = await importFile(reply, 'reply.eml');
      expect(b.status, JSON.stringify(b.body)).toBe(201);
      const saved = b.body.imported[0];
      expect(saved).toMatchObject({
        direction: 'received',
        subject: 'Re: Headphones – café meeting',
        inReplyToId: a.body.imported[0].id,
        date: '2026-10-01',
      });
      expect(saved.summary).toContain('the café meeting is fine');
      expect(saved.attachmentIds).toHaveLength(1);
      expect(b.body.attachments[0]).toMatchObject({
        filename: 'desk.png',
        mediaType: 'image/png',
        hasThumbnail: true,
      });
      expect(b.body.skippedAttachments).toEqual([
        {
          filename: 'tool.exe',
          reason: expect.stringContaining('not a type As Written accepts'),
          // The reason's words, which the messages page says in the reader's language.
          words: { key: 'messages.skipped.notAccepted', values: { filename: 'tool.exe' } },
        },
      ]);
      const status = (
        await call(env, 'GET', api(`/children/${childId}/communication-status?asOf=2026-10-09`))
      ).body;
      expect(status.messages.find((m: { id: string }) => m.id === a.body.imported[0].id).reply.state).toBe(
        'answered',
      );

      const again = await importFile(reply, 'reply.eml');
      expect(again.status).toBe(201);
      expect(again.body.imported).toHaveLength(0);
      expect(again.body.duplicates).toEqual([
        { messageId: '<reply@school.example.org>', subject: expect.any(String) },
      ]);
    });

    it('imports an mbox with a Shift_JIS message and a Windows-1252 one, oldest first', async () => {
      const sjisSubject = Buffer.from([0x8e, 0xf6, 0x8b, 0xc6]).toString('base64'); // 授業 ("lesson")
      const mbox = Buffer.concat([
        Buffer.from('From alvarez@school.example.org Mon Oct 12 09:00:00 2026\n', 'latin1'),
        eml(
          {
            From: 'alvarez@school.example.org',
            To: 'owner@example.org',
            Subject: `=?Shift_JIS?B?${sjisSubject}?=`,
            Date: 'Mon, 12 Oct 2026 09:00:00 +0900',
            'Message-ID': '<sjis@school.example.org>',
            'Content-Type': 'text/plain; charset=Shift_JIS',
            'Content-Transfer-Encoding': 'base64',
          },
          Buffer.from([0x8e, 0xf6, 0x8b, 0xc6, 0x0a]).toString('base64'),
        ),
        Buffer.from('\n\nFrom owner@example.org Sun Oct 11 18:00:00 2026\n', 'latin1'),
        eml(
          {
            From: 'owner@example.org',
            To: 'brooks@school.example.org',
            Subject: 'Visit',
            Date: 'Sun, 11 Oct 2026 18:00:00 -0400',
            'Message-ID': '<cp1252@example.org>',
            'Content-Type': 'text/plain; charset=windows-1252',
          },
          'Thank you \x93so much\x94 for the visit.\n',
        ),
      ]);
      const res = await importFile(mbox, 'october.mbox');
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.imported.map((c: { subject: string }) => c.subject)).toEqual(['Visit', '授業']);
      expect(res.body.imported[0]).toMatchObject({ direction: 'sent', contactIds: [principal] });
      expect(res.body.imported[0].summary).toContain('“so much”');
      expect(res.body.imported[1]).toMatchObject({ direction: 'received', date: '2026-10-12' });
    });

    it('refuses a broken file or an empty one with a clear message, and stores nothing', async () => {
      const before = await rowCounts(env.store);
      const broken = await importFile(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x42, 0x00, 0x01]), 'broken.eml');
      expect(broken.status).toBe(400);
      expect(broken.body.error.message).toBe(
        '"broken.eml" is not an email (.eml) or a mailbox (.mbox) file; nothing was imported',
      );
      const empty = await importFile(Buffer.alloc(0), 'empty.eml');
      expect(empty.status).toBe(400);
      expect(empty.body.error.message).toContain('is empty');
      const noDate = await importFile(eml({ From: 'a@b.org', Subject: 'x' }, 'hello'), 'nodate.eml');
      expect(noDate.status).toBe(400);
      expect(noDate.body.error.message).toContain('Date');
      expect(await rowCounts(env.store)).toEqual(before);
    });
  });
});
