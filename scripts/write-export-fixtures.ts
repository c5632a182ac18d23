// Writes test/fixtures/exports/current.json.gz: the demo household as this version exports it, with
// the records the demo does not make, each made through the API as a parent would (a correction and
// a void, a plan amendment, a voided observation, a holding reply, a check-in, a drafted and a sent
// letter, the living IEP's notes, changed settings). test/integration/import-rules.test.ts imports it
// with the exports of earlier versions beside it, so a change that makes an export of today refused
// tomorrow fails there. Run it when the export format gains a field: `npm run fixtures:exports`.
// Exports of released versions are never rewritten (see test/fixtures/exports/README.md).
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { seedDemoHousehold } from '../src/cli/demo-household.ts';
import { buildApp } from '../src/server/app.ts';
import { fixedClock } from '../src/server/context.ts';
import { exportHousehold } from '../src/server/services/household-transfer.ts';
import { openStore } from '../src/store/database.ts';

const NOW = '2026-11-29T15:00:00.000Z';
const OUT = new URL('../test/fixtures/exports/current.json.gz', import.meta.url);

async function main() {
  const store = await openStore({ kind: 'sqlite', file: ':memory:' });
  const clock = fixedClock(NOW);
  const app = await buildApp({ store, clock, logger: false });
  try {
    const setup = await app.inject({
      method: 'POST',
      url: '/api/auth/setup',
      payload: {
        email: 'parent@example.org',
        displayName: 'Pat Parent',
        password: 'correct horse battery staple',
        householdName: 'Setup household',
      },
    });
    const session = JSON.parse(setup.body) as { user: { id: string }; csrfToken: string };
    const cookie = String(setup.headers['set-cookie']).split(';')[0]!;
    const demo = await seedDemoHousehold(store, clock, session.user.id);
    const api = async (method: string, path: string, payload?: unknown) => {
      const res = await app.inject({
        method: method as 'POST',
        url: `/api/households/${demo.householdId}${path}`,
        headers: { cookie, 'x-csrf-token': session.csrfToken },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${res.body}`);
      return JSON.parse(res.body || 'null');
    };

    // A correction and a void of the speech sessions.
    const entries = (await api('GET', `/sessions?serviceId=${demo.services.speech}`)) as {
      id: string;
      status: string;
      correctedByEntryId: string | null;
    }[];
    const open = entries.filter((e) => e.status !== 'void' && !e.correctedByEntryId);
    await api('POST', `/sessions/${open[0]!.id}/corrections`, {
      action: 'correct',
      changes: { status: 'short', minutesDelivered: 20, reason: 'scheduling_conflict' },
      note: 'It started late: the provider wrote 20 minutes in the log',
    });
    await api('POST', `/sessions/${open[1]!.id}/corrections`, { action: 'void', note: 'Logged twice' });

    // An amendment: the plan's content frozen into version 1, version 2 from a date.
    const plan = await api('GET', `/plans/${demo.planId}`);
    await api('POST', `/plans/${demo.planId}/amendments`, {
      effectiveFrom: plan.effectiveFrom > '2026-11-02' ? plan.effectiveFrom : '2026-11-02',
      summary: 'Speech goes to 3 sessions a week after the meeting of October 30',
    });

    // A voided observation.
    const observations = (await api('GET', '/accommodation-observations')) as { id: string }[];
    await api('POST', `/accommodation-observations/${observations[0]!.id}/void`, {
      note: 'This was the wrong accommodation',
    });

    // A message sent, and a holding reply promising an answer by a date.
    const sent = await api('POST', '/communications', {
      childId: demo.childId,
      kind: 'email',
      direction: 'sent',
      date: '2026-11-16',
      subject: 'Speech sessions in November',
      summary: 'Could you tell me when the missed speech sessions will be made up?',
    });
    await api('POST', '/communications', {
      childId: demo.childId,
      kind: 'email',
      direction: 'received',
      date: '2026-11-17',
      subject: 'Re: Speech sessions in November',
      summary: 'I am looking into it and will get back to you by Friday.',
      inReplyToId: sent.id,
      holdingUntil: '2026-11-20',
    });

    // A check-in with the child, answering the questions the app wrote.
    const asked = await api('GET', `/children/${demo.childId}/check-in-questions?date=2026-11-20`);
    const answers = (asked.questions as Record<string, unknown>[]).slice(0, 3).map((q) =>
      q.kind === 'session'
        ? {
            kind: 'session',
            questionKey: q.key,
            ask: q.ask,
            serviceId: q.subjectId,
            outcome: 'happened',
            sessionDate: (q.date as string | null) ?? '2026-11-19',
            childWords: 'We played the word game.',
          }
        : q.kind === 'accommodation'
          ? {
              kind: 'accommodation',
              questionKey: q.key,
              ask: q.ask,
              accommodationId: q.subjectId,
              outcome: 'provided',
              childWords: 'I sat at the front.',
            }
          : {
              kind: 'behavior',
              questionKey: q.key,
              ask: q.ask,
              planId: q.subjectId,
              somethingHappened: false,
            },
    );
    await api('POST', '/check-ins', { childId: demo.childId, date: '2026-11-20', answers });

    // Letters: one drafted and left, one sent (it joins the communication log).
    await api('POST', `/children/${demo.childId}/letters`, { request: { kind: 'check_in' } });
    const logs = await api('POST', `/children/${demo.childId}/letters`, {
      request: { kind: 'request_service_logs', serviceId: demo.services.speech },
    });
    const unfilled = (logs.unfilled as { placeholder: string }[]).length;
    if (unfilled === 0) await api('POST', `/letters/${logs.id}/sent`, { date: '2026-11-23' });

    await api('PUT', `/children/${demo.childId}/living-iep/notes`, {
      concerns: 'I am concerned that Emma is losing confidence in reading.',
      changes: ['Three speech sessions a week'],
      questions: ['Who covers speech when the provider is away?'],
    });
    await api('PATCH', '/settings', { replySchoolDays: 4, advisor: { minDeliveredShare: 0.8 } });

    const doc = await exportHousehold(store, demo.householdId, NOW);
    writeFileSync(OUT, gzipSync(`${JSON.stringify(doc, null, 1)}\n`, { level: 9 }));
    process.stdout.write(`Wrote ${OUT.pathname}\n`);
  } finally {
    await app.close();
    await store.close();
  }
}

void main();
