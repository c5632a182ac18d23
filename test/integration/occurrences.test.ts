import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, call, openTestEnv, type TestEnv } from './harness.ts';

// One event, one fact (docs/ledger-rules.md, "One event, one fact"). A session a staff link confirms ten
// times and the parent logs too is one session in the ledger; when they disagree, the disagreement is a
// question in the patterns. A missed quiz noted by the parent, on a work sample and at a check-in is one
// lapse with three sources, in the patterns, the living IEP and a drafted letter; the check-in answer is
// dated on the school day it describes, never on the Saturday of the check-in.
// "Today" is Sunday 29 November 2026 (TEST_NOW); 16 to 20 November is a full school week.

type Fixture = { hid: string; childId: string; speech: string; extendedTime: string; planId: string };

const EXTENDED_TIME = 'Extended time (1.5x) on tests and quizzes';

describe.each(BACKENDS)('one event, one fact on %s', (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await openTestEnv(backend);
  });
  afterAll(async () => env?.close());

  const api = (f: Fixture, path: string) => `/api/households/${f.hid}${path}`;
  async function ok(method: string, url: string, body?: unknown) {
    const res = await call(env, method, url, body);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Emma: speech 2 x 30 a week, extended time on quizzes, a case manager and a math teacher. */
  async function household(): Promise<Fixture> {
    const hid = (await ok('POST', '/api/households', { name: 'Family' })).id as string;
    const f = { hid } as Fixture;
    f.childId = (await ok('POST', api(f, '/children'), { firstName: 'Emma' })).id;
    const plan = await ok('POST', api(f, '/plans'), {
      childId: f.childId,
      kind: 'iep',
      jurisdiction: { country: 'US', region: 'CA' },
      effectiveFrom: '2026-09-08',
      effectiveTo: '2027-06-11',
    });
    f.planId = plan.id;
    await ok('POST', api(f, '/calendars'), {
      childId: f.childId,
      name: '2026-2027',
      firstDay: '2026-09-08',
      lastDay: '2027-06-11',
    });
    f.speech = (
      await ok('POST', api(f, '/services'), {
        planId: plan.id,
        name: 'Speech-language therapy',
        area: 'speech',
        setting: 'pull_out',
        startDate: '2026-09-08',
        endDate: '2027-06-11',
        segments: [
          {
            startDate: '2026-09-08',
            endDate: '2027-06-11',
            minutesPerSession: 30,
            sessionsPerPeriod: 2,
            period: { unit: 'week' },
          },
        ],
      })
    ).id;
    f.extendedTime = (
      await ok('POST', api(f, '/accommodations'), {
        planId: plan.id,
        text: EXTENDED_TIME,
        appliesTo: 'tests',
      })
    ).id;
    for (const [name, role] of [
      ['Maria Rivera', 'Case manager'],
      ['Tom Becker', 'Math teacher'],
      ['Priya Shah', 'Speech-language pathologist'],
    ])
      await ok('POST', api(f, '/team-contacts'), { childId: f.childId, name, role, email: null });
    return f;
  }

  async function staffLink(f: Fixture) {
    const token = ((await ok('POST', api(f, '/staff-links'), { childId: f.childId })).link as string).split(
      '#token=',
    )[1]!;
    return async (payload: unknown) => {
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/staff-link/sessions',
        headers: { authorization: `Bearer ${token}` },
        payload: payload as object,
      });
      expect(res.statusCode, res.body).toBe(201);
      return JSON.parse(res.body) as { id: string };
    };
  }

  async function weekLedger(f: Fixture) {
    const body = await ok('GET', api(f, `/children/${f.childId}/ledger?from=2026-11-16&to=2026-11-22`));
    return body.services.find((s: { serviceId: string }) => s.serviceId === f.speech);
  }

  it('a staff link confirming one session ten times, and the parent logging it too, count once', async () => {
    const f = await household();
    const confirm = await staffLink(f);
    const confirmations: string[] = [];
    for (let i = 0; i < 10; i++)
      confirmations.push(
        (await confirm({ serviceId: f.speech, date: '2026-11-17', status: 'delivered' })).id,
      );
    const parent = await ok('POST', api(f, '/sessions'), {
      serviceId: f.speech,
      date: '2026-11-17',
      status: 'delivered',
      source: 'parent',
    });

    const ledger = await weekLedger(f);
    // 60 required; one session of 30 delivered (not 330), one session not logged.
    expect(ledger.totals).toMatchObject({
      requiredMinutes: 60,
      deliveredMinutes: 30,
      scheduledSessions: 1,
      unloggedMinutes: 30,
      extraMinutes: 0,
      percentDelivered: 50,
    });
    // The staff link keeps the record of the session: its latest confirmation counts.
    expect(ledger.totals.entryIds.delivered).toEqual([confirmations[9]]);
    expect(ledger.sharedSessions).toEqual([
      {
        date: '2026-11-17',
        startTime: null,
        countedEntryId: confirmations[9],
        disagreement: false,
        statements: [
          { entryId: confirmations[9], source: 'provider_link', status: 'delivered', minutesDelivered: 30 },
          { entryId: parent.id, source: 'parent', status: 'delivered', minutesDelivered: 30 },
        ],
        supersededEntryIds: confirmations.slice(0, 9),
      },
    ]);
    // The home screen counts the same one session.
    const week = await ok('GET', api(f, `/children/${f.childId}/week?date=2026-11-20`));
    const card = week.services.find((s: { serviceId: string }) => s.serviceId === f.speech);
    expect(week.weekStart).toBe('2026-11-16');
    expect(card).toMatchObject({ deliveredSessions: 1, deliveredMinutes: 30 });
    // They agree: no disagreement to ask about.
    const patterns = await ok('GET', api(f, `/children/${f.childId}/patterns?from=2026-11-16&to=2026-11-22`));
    expect(patterns.findings.filter((x: { rule: string }) => x.rule === 'sources_disagree')).toEqual([]);
  });

  it('when the staff link and the parent disagree, the ledger counts the staff link and the patterns ask', async () => {
    const f = await household();
    const confirm = await staffLink(f);
    const link = await confirm({ serviceId: f.speech, date: '2026-11-19', status: 'delivered' });
    const parent = await ok('POST', api(f, '/sessions'), {
      serviceId: f.speech,
      date: '2026-11-19',
      status: 'missed',
      reason: 'provider_absent',
      source: 'parent',
    });
    const ledger = await weekLedger(f);
    expect(ledger.totals).toMatchObject({ deliveredMinutes: 30, owedMinutes: 0, scheduledSessions: 1 });
    expect(ledger.sharedSessions[0]).toMatchObject({ countedEntryId: link.id, disagreement: true });

    const patterns = await ok('GET', api(f, `/children/${f.childId}/patterns?from=2026-11-16&to=2026-11-22`));
    const disagreements = patterns.findings.filter((x: { rule: string }) => x.rule === 'sources_disagree');
    expect(disagreements).toEqual([
      {
        rule: 'sources_disagree',
        subjectId: f.speech,
        severity: 'info',
        message:
          "The provider's log says Speech-language therapy happened on Thu, Nov 19; you noted it did not.",
        question: 'Could we look at the session notes together?',
        entryIds: [link.id, parent.id],
      },
    ]);
    // A letter never calls the session missed: the ledger counts it delivered.
    const letter = await ok('POST', api(f, `/children/${f.childId}/letters`), {
      request: { kind: 'specific_concern', serviceId: f.speech },
      asOf: '2026-11-20',
    });
    expect(letter.body).not.toContain('November 19');
  });

  it('the same quiz lapse as an observation, a work sample and a check-in answer is one lapse with three sources', async () => {
    const f = await household();
    // Friday 20 November, the math quiz: noted by the parent, and photographed.
    const note = await ok('POST', api(f, '/accommodation-observations'), {
      accommodationId: f.extendedTime,
      date: '2026-11-20',
      outcome: 'not_provided',
      className: 'Math',
      setting: 'quiz',
      source: 'parent_saw',
      note: 'Quiz collected at the bell',
    });
    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#eee' } })
      .png()
      .toBuffer();
    const file = await ok('POST', api(f, '/attachments?filename=quiz.png'), photo);
    const sample = await ok('POST', api(f, '/work-samples'), {
      childId: f.childId,
      date: '2026-11-20',
      title: 'Math quiz, unfinished',
      className: 'Math',
      setting: 'quiz',
      attachmentIds: [file.attachment.id],
      accommodationChecks: [{ accommodationId: f.extendedTime, outcome: 'not_provided' }],
    });

    // Saturday's check-in: the answer is about the last school day, Friday, unless the parent picks a day.
    const questions = await ok('GET', api(f, `/children/${f.childId}/check-in-questions?date=2026-11-21`));
    expect(questions.answerDays[0]).toBe('2026-11-20');
    expect(questions.answerDays).not.toContain('2026-11-21');
    const question = questions.questions.find((q: { subjectId: string }) => q.subjectId === f.extendedTime);
    const answer = {
      kind: 'accommodation',
      questionKey: question.key,
      ask: question.ask,
      accommodationId: f.extendedTime,
      outcome: 'not_provided',
      className: 'Math',
      childWords: 'She took my quiz when the bell rang',
    };
    // A Saturday is refused for the day an answer describes, unless confirmed; nothing is written.
    const saturday = await call(env, 'POST', api(f, '/check-ins'), {
      childId: f.childId,
      date: '2026-11-21',
      answers: [{ ...answer, aboutDate: '2026-11-21' }],
    });
    expect(saturday.status).toBe(400);
    expect(saturday.body.error.fields[0].path).toBe('answers.0.aboutDate');
    expect(saturday.body.error.fields[0].message).toMatch(
      /^Are you sure\? Saturday, November 21 is a weekend day/,
    );
    expect(await ok('GET', api(f, `/check-ins?childId=${f.childId}`))).toEqual([]);

    const checkIn = await ok('POST', api(f, '/check-ins'), {
      childId: f.childId,
      date: '2026-11-21',
      answers: [answer],
    });
    const fromCheckIn = checkIn.answers[0].recordedAs.id as string;
    const childObservation = await ok('GET', api(f, `/accommodation-observations/${fromCheckIn}`));
    expect(childObservation).toMatchObject({ date: '2026-11-20', source: 'child_report' });

    // The patterns: one occurrence, one lapse, three sources; the counts come from the same rows.
    const patterns = await ok('GET', api(f, `/children/${f.childId}/patterns?from=2026-09-08&to=2026-11-29`));
    const occurrences = patterns.accommodationOccurrences.filter(
      (o: { accommodationId: string }) => o.accommodationId === f.extendedTime,
    );
    expect(occurrences).toHaveLength(1);
    expect(occurrences[0]).toMatchObject({
      date: '2026-11-20',
      className: 'Math',
      outcome: 'not_provided',
      lapse: true,
      disagreement: false,
      summary: "1 lapse, 3 sources: a work sample, your note, Emma's report",
      question: null,
    });
    expect(new Set(occurrences[0].entryIds)).toEqual(new Set([note.id, sample.id, fromCheckIn]));
    const rates = patterns.accommodationRates.filter(
      (r: { accommodationId: string }) => r.accommodationId === f.extendedTime,
    );
    const sum = (k: string) => rates.reduce((n: number, r: Record<string, number>) => n + r[k]!, 0);
    expect([sum('provided'), sum('partly'), sum('notProvided'), sum('unknown')]).toEqual([0, 0, 1, 0]);

    // The living IEP: "1 of 1 day", with its three sources.
    const living = await ok('GET', api(f, `/children/${f.childId}/living-iep?asOf=2026-11-29`));
    const item = living.notWorking.find((i: { text: string }) => i.text.includes(EXTENDED_TIME));
    expect(item.text).toBe(
      `“${EXTENDED_TIME}”: not in place on 1 of 1 day noted: Nov 20 in Math (3 sources).`,
    );
    expect(new Set(item.entryIds)).toEqual(new Set([note.id, sample.id, fromCheckIn]));

    // A drafted letter: one lapse, on the Friday, with its three sources; never the Saturday.
    const letter = await ok('POST', api(f, `/children/${f.childId}/letters`), {
      request: { kind: 'specific_concern', accommodationId: f.extendedTime },
      asOf: '2026-11-29',
    });
    expect(letter.body).toContain(
      `I noticed that Emma's accommodation "${EXTENDED_TIME}" was not in place on Friday, November 20 (Math, quiz), though it's listed in Emma's IEP. (Seen on a work sample; I saw this myself; Emma told me.)`,
    );
    expect(letter.body).not.toMatch(/Saturday|\d+ of the \d+ days/);
    expect(new Set(letter.entryIds)).toEqual(new Set([f.extendedTime, note.id, sample.id, fromCheckIn]));
  });

  it('a follow-up is offered and drafted only for a message with no reply; a holding reply holds it until its date', async () => {
    const f = await household();
    const team = await ok('GET', api(f, `/team-contacts?childId=${f.childId}`));
    const manager = team.find((t: { role: string }) => t.role === 'Case manager').id;
    const email = await ok('POST', api(f, '/communications'), {
      childId: f.childId,
      kind: 'email',
      direction: 'sent',
      date: '2026-11-09',
      contactIds: [manager],
      subject: 'Extended time',
      summary: 'Could we talk about the quiz?',
      replyExpectedBy: '2026-11-16',
    });
    const status = async () => ok('GET', api(f, `/children/${f.childId}/communication-status`));
    expect((await status()).awaitingReply).toEqual([email.id]);

    // A holding reply: an answer promised by Wednesday 2 December. A holding reply must name the message.
    const bad = await call(env, 'POST', api(f, '/communications'), {
      childId: f.childId,
      kind: 'email',
      direction: 'received',
      date: '2026-11-17',
      summary: 'Looking into it',
      holdingUntil: '2026-12-02',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('holdingUntil');
    const holding = await ok('POST', api(f, '/communications'), {
      childId: f.childId,
      kind: 'email',
      direction: 'received',
      date: '2026-11-17',
      contactIds: [manager],
      summary: "I'll check with the math teacher and get back to you by Wednesday, December 2.",
      inReplyToId: email.id,
      holdingUntil: '2026-12-02',
    });
    expect(holding.holdingUntil).toBe('2026-12-02');
    const held = await status();
    expect(held.messages.find((m: { id: string }) => m.id === email.id).reply).toEqual({
      state: 'holding',
      replyIds: [holding.id],
      promisedBy: '2026-12-02',
    });
    expect(held.awaitingReply).toEqual([]);
    const refused = await call(env, 'POST', api(f, `/children/${f.childId}/letters`), {
      request: { kind: 'follow_up_unanswered', communicationId: email.id },
      asOf: '2026-11-29',
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('an answer was promised by Wednesday, December 2');
    // After the promised date, a follow-up is due, and it says so kindly.
    const late = await ok('POST', api(f, `/children/${f.childId}/letters`), {
      request: { kind: 'follow_up_unanswered', communicationId: email.id },
      asOf: '2026-12-04',
    });
    expect(late.body).toContain('you hoped to get back to me by Wednesday, December 2');

    // The answer itself closes the thread: no follow-up is offered or drafted any more.
    await ok('POST', api(f, '/communications'), {
      childId: f.childId,
      kind: 'email',
      direction: 'received',
      date: '2026-11-25',
      contactIds: [manager],
      summary: 'The math teacher will give her the extra time from now on.',
      inReplyToId: email.id,
    });
    expect((await status()).awaitingReply).toEqual([]);
    const answered = await call(env, 'POST', api(f, `/children/${f.childId}/letters`), {
      request: { kind: 'follow_up_unanswered', communicationId: email.id },
      asOf: '2026-11-29',
    });
    expect(answered.status).toBe(400);
    expect(JSON.stringify(answered.body)).toContain('it was answered on');
  });
});
