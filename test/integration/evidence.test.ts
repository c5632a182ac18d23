import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock } from '../../src/server/context.ts';
import { exportHousehold, importHousehold } from '../../src/server/services/household-transfer.ts';
import { BACKENDS, call, openTestEnv, openTestStore, rowCounts, TEST_NOW, type TestEnv } from './harness.ts';

// Attachments, work samples and check-ins through the API, on both databases: what is stored,
// what is refused (and that a refusal writes nothing), and how the records feed the patterns.

const LIMIT = 256 * 1024;

async function png(width = 800, height = 600) {
  return sharp({ create: { width, height, channels: 3, background: { r: 240, g: 240, b: 230 } } })
    .png()
    .toBuffer();
}

async function raw(env: TestEnv, url: string) {
  return env.app.inject({
    method: 'GET',
    url,
    headers: { cookie: env.owner.cookie },
  });
}

describe.each(BACKENDS)('evidence on %s', (backend) => {
  let env: TestEnv;
  let demo: Awaited<ReturnType<typeof seedDemoHousehold>>;
  let hid: string;
  const api = (path: string) => `/api/households/${hid}${path}`;
  const upload = (name: string, bytes: Buffer) =>
    call(env, 'POST', api(`/attachments?filename=${encodeURIComponent(name)}`), bytes);

  beforeAll(async () => {
    env = await openTestEnv(backend, fixedClock(TEST_NOW), { uploadLimitBytes: LIMIT });
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
    hid = demo.householdId;
  });
  afterAll(async () => env.close());

  describe('attachments', () => {
    it('stores a photo once by its SHA-256, with its size and a thumbnail', async () => {
      const bytes = await png();
      const first = await upload('spelling test.png', bytes);
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body.attachment).toMatchObject({
        filename: 'spelling test.png',
        mediaType: 'image/png',
        size: bytes.length,
        width: 800,
        height: 600,
        hasThumbnail: true,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const again = await upload('IMG_0042.png', bytes);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ alreadyStored: true, attachment: { id: first.body.attachment.id } });
      const blobs = await env.store.db
        .selectFrom('attachment_blob')
        .select('sha256')
        .where('household_id', '=', hid)
        .where('sha256', '=', first.body.attachment.sha256)
        .execute();
      expect(blobs).toHaveLength(1);

      const thumb = await raw(env, api(`/attachments/${first.body.attachment.id}/thumbnail`));
      expect(thumb.statusCode).toBe(200);
      expect(thumb.headers['content-type']).toBe('image/webp');
      const meta = await sharp(thumb.rawPayload).metadata();
      expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(320);
    });

    it('serves an image inline under a sandbox, and anything else only as a download', async () => {
      const image = await upload('worksheet.png', await png(50, 40));
      const served = await raw(env, api(`/attachments/${image.body.attachment.id}/content`));
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.headers['content-disposition']).toMatch(/^inline; filename="worksheet.png"/);
      expect(served.headers['content-security-policy']).toContain('sandbox');
      expect(served.headers['x-content-type-options']).toBe('nosniff');

      const text = Buffer.from('Notes from the call with Ms. Alvarez\n');
      const note = await upload('notes é.txt', text);
      expect(note.status).toBe(201);
      const download = await raw(env, api(`/attachments/${note.body.attachment.id}/content`));
      expect(download.headers['content-disposition']).toBe(
        `attachment; filename="notes _.txt"; filename*=UTF-8''notes%20%C3%A9.txt`,
      );
      expect(download.rawPayload.equals(text)).toBe(true);
      const noThumb = await raw(env, api(`/attachments/${note.body.attachment.id}/thumbnail`));
      expect(noThumb.statusCode).toBe(404);
    });

    it('lists only the files a screen names by id, and refuses a bad id list naming ids', async () => {
      const one = (await upload('one.png', await png(21, 21))).body.attachment.id as string;
      const two = (await upload('two.png', await png(22, 22))).body.attachment.id as string;
      await upload('three.png', await png(23, 23));
      const stranger = '01900000-0000-7000-8000-00000000abcd';
      const some = await call(env, 'GET', api(`/attachments?ids=${two},${one},${stranger},${one}`));
      expect(some.status, JSON.stringify(some.body)).toBe(200);
      expect(some.body.map((a: { id: string }) => a.id).sort()).toEqual([one, two].sort());
      const all = await call(env, 'GET', api('/attachments'));
      expect(all.body.length).toBeGreaterThan(2);
      for (const bad of ['x', `${one};${two}`, Array(201).fill(one).join(',')]) {
        const res = await call(env, 'GET', api(`/attachments?ids=${encodeURIComponent(bad)}`));
        expect(res.status).toBe(400);
        expect(res.body.error.fields[0].path).toBe('ids');
      }
    });

    it('refuses bad uploads with a clear message and writes nothing', async () => {
      const before = await rowCounts(env.store);
      const cases: [string, Buffer, number, RegExp][] = [
        [
          'huge.pdf',
          Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(LIMIT)]),
          413,
          /over the 256 KB limit/,
        ],
        ['blank.jpg', Buffer.alloc(0), 400, /is empty/],
        [
          'photo.jpg',
          Buffer.from('this is a text file, not a photo\n'),
          415,
          /named like an image \(\.jpg\)/,
        ],
        [
          'setup.png',
          Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
          415,
          /not a type As Written accepts/,
        ],
        ['page.png', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'), 415, /web page/],
        [
          'broken.png',
          Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]),
          415,
          /could not be read/,
        ],
      ];
      for (const [name, bytes, status, message] of cases) {
        const res = await upload(name, bytes);
        expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(status);
        expect(res.body.error.message, name).toMatch(message);
      }
      const wrongType = await env.app.inject({
        method: 'POST',
        url: api('/attachments?filename=a.png'),
        headers: {
          cookie: env.owner.cookie,
          'x-csrf-token': env.owner.csrfToken,
          'content-type': 'image/png',
        },
        payload: await png(10, 10),
      });
      expect(wrongType.statusCode).toBe(415);
      expect(wrongType.json().error.message).toContain('application/octet-stream');
      const noName = await call(env, 'POST', api('/attachments'), await png(10, 10));
      expect(noName.status).toBe(400);
      expect(await rowCounts(env.store)).toEqual(before);
    });

    it('keeps a file that is evidence for a record, and deletes it once nothing uses it', async () => {
      const file = await upload('headphones.png', await png(30, 30));
      const acc = (await call(env, 'GET', api(`/accommodations?planId=${demo.planId}`))).body[0];
      const obs = await call(env, 'POST', api('/accommodation-observations'), {
        accommodationId: acc.id,
        date: '2026-11-20',
        outcome: 'not_provided',
        source: 'parent_saw',
        attachmentIds: [file.body.attachment.id],
      });
      expect(obs.status, JSON.stringify(obs.body)).toBe(201);
      expect(obs.body.attachmentIds).toEqual([file.body.attachment.id]);
      const refused = await call(env, 'DELETE', api(`/attachments/${file.body.attachment.id}`));
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toContain('accommodation observation of 2026-11-20');
      expect((await call(env, 'DELETE', api(`/accommodation-observations/${obs.body.id}`))).status).toBe(204);
      expect((await call(env, 'DELETE', api(`/attachments/${file.body.attachment.id}`))).status).toBe(204);
      expect((await raw(env, api(`/attachments/${file.body.attachment.id}/content`))).statusCode).toBe(404);
      const unknown = await call(env, 'POST', api('/accommodation-observations'), {
        accommodationId: acc.id,
        date: '2026-11-20',
        outcome: 'provided',
        source: 'parent_saw',
        attachmentIds: [file.body.attachment.id],
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.fields[0].path).toBe('attachmentIds.0');
    });
  });

  describe('work samples', () => {
    it('links a sample to its files, the accommodations it shows and a goal, and feeds the patterns', async () => {
      const goals = (await call(env, 'GET', api(`/goals?planId=${demo.planId}`))).body as {
        id: string;
        area: string;
      }[];
      const reading = goals.find((g) => g.area === 'Reading')!;
      const accs = (await call(env, 'GET', api(`/accommodations?planId=${demo.planId}`))).body as {
        id: string;
        text: string;
      }[];
      const calculator = accs.find((a) => /calculator/i.test(a.text))!;
      const ids: string[] = [];
      // Three math worksheets from substitute days with no calculator used: the substitute pattern.
      for (const [i, date] of ['2026-11-02', '2026-11-09', '2026-11-16'].entries()) {
        const file = await upload(`math-${i}.png`, await png(60 + i, 40));
        const res = await call(env, 'POST', api('/work-samples'), {
          childId: demo.childId,
          date,
          title: `Long division worksheet ${i + 1}`,
          className: 'Math',
          setting: 'classwork',
          teacherKind: 'substitute',
          attachmentIds: [file.body.attachment.id],
          accommodationChecks: [{ accommodationId: calculator.id, outcome: 'not_provided' }],
          goalIds: i === 0 ? [reading.id] : [],
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        ids.push(res.body.id);
      }
      // One regular day where it was provided, for the comparison.
      const ok = await upload('math-ok.png', await png(90, 40));
      await call(env, 'POST', api('/work-samples'), {
        childId: demo.childId,
        date: '2026-11-04',
        title: 'Fractions',
        className: 'Math',
        teacherKind: 'regular',
        attachmentIds: [ok.body.attachment.id],
        accommodationChecks: [{ accommodationId: calculator.id, outcome: 'provided' }],
      });
      await call(env, 'POST', api('/work-samples'), {
        childId: demo.childId,
        date: '2026-11-05',
        title: 'Fractions 2',
        className: 'Math',
        teacherKind: 'regular',
        attachmentIds: [ok.body.attachment.id],
        accommodationChecks: [{ accommodationId: calculator.id, outcome: 'provided' }],
      });

      const onGoal = await call(env, 'GET', api(`/work-samples?goalId=${reading.id}`));
      const onGoalIds = onGoal.body.map((w: { id: string }) => w.id);
      expect(onGoalIds).toContain(ids[0]);
      expect(onGoalIds).not.toContain(ids[1]);
      expect(onGoal.body.map((w: { title: string }) => w.title)).toContain('Reading response worksheet');

      const patterns = await call(
        env,
        'GET',
        api(`/children/${demo.childId}/patterns?from=2026-11-01&to=2026-11-30&asOf=2026-11-29`),
      );
      const substitute = patterns.body.findings.find(
        (f: { rule: string; subjectId: string }) =>
          f.rule === 'accommodation_lapses_on_substitute_days' && f.subjectId === calculator.id,
      );
      expect(substitute, JSON.stringify(patterns.body.findings)).toBeDefined();
      expect(substitute.entryIds).toEqual(expect.arrayContaining(ids));
    });

    it('names the field when a sample lists something that is not the child’s, and writes nothing', async () => {
      const file = await upload('essay.png', await png(70, 70));
      const before = await rowCounts(env.store);
      const base = {
        childId: demo.childId,
        date: '2026-11-10',
        title: 'Essay',
        attachmentIds: [file.body.attachment.id],
      };
      const noFile = await call(env, 'POST', api('/work-samples'), { ...base, attachmentIds: [] });
      expect(noFile.status).toBe(400);
      expect(noFile.body.error.fields[0]).toMatchObject({
        path: 'attachmentIds',
        message: expect.stringContaining('photo or PDF'),
      });
      const stranger = '01900000-0000-7000-8000-000000000001';
      const badGoal = await call(env, 'POST', api('/work-samples'), { ...base, goalIds: [stranger] });
      expect(badGoal.status).toBe(404);
      expect(badGoal.body.error.fields[0].path).toBe('goalIds.0');
      const badCheck = await call(env, 'POST', api('/work-samples'), {
        ...base,
        accommodationChecks: [{ accommodationId: stranger, outcome: 'provided' }],
      });
      expect(badCheck.body.error.fields[0].path).toBe('accommodationChecks.0.accommodationId');
      expect(await rowCounts(env.store)).toEqual(before);
    });
  });

  describe('behavior incidents', () => {
    it('accepts only the plan’s own steps, and a step cannot be both followed and skipped', async () => {
      const steps = (await call(env, 'GET', api(`/behavior-steps?planId=${demo.planId}`))).body as {
        id: string;
      }[];
      const base = { planId: demo.planId, date: '2026-11-12', summary: 'Upset at recess', source: 'teacher' };
      const both = await call(env, 'POST', api('/behavior-incidents'), {
        ...base,
        stepsFollowed: [steps[0]!.id],
        stepsSkipped: [steps[0]!.id],
      });
      expect(both.status).toBe(400);
      expect(both.body.error.fields[0].path).toBe('stepsSkipped.0');
      const foreign = await call(env, 'POST', api('/behavior-incidents'), {
        ...base,
        stepsSkipped: ['01900000-0000-7000-8000-000000000002'],
      });
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.fields[0].path).toBe('stepsSkipped.0');
    });
  });

  describe('check-ins', () => {
    it('writes the week’s questions from the plan and the timetable', async () => {
      // Monday 19 October: math first thing, reading pull-out logged today, speech not yet this week.
      const res = await call(env, 'GET', api(`/children/${demo.childId}/check-in-questions?date=2026-10-19`));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const asks = res.body.questions.map((q: { ask: string }) => q.ask);
      expect(asks).toContain('What happened in reading group today?');
      expect(asks).toContain('Did you go to speech this week? What did you do there?');
      expect(asks).toContain('Where did you sit in math today?');
      expect(asks).toContain('Did you use your headphones this week? Where were they when you needed them?');
      expect(asks.some((a: string) => /hard moment/.test(a))).toBe(true);
      expect(res.body.schoolDays).toEqual(['2026-10-19']);
    });

    it('turns each answer into a record marked as the child’s report, in one transaction', async () => {
      const q = (await call(env, 'GET', api(`/children/${demo.childId}/check-in-questions?date=2026-10-19`)))
        .body;
      const find = (re: RegExp) => q.questions.find((x: { ask: string }) => re.test(x.ask));
      const seating = find(/Where did you sit/);
      const reading = find(/reading group/);
      const behavior = find(/hard moment/);
      const res = await call(env, 'POST', api('/check-ins'), {
        childId: demo.childId,
        date: '2026-10-19',
        answers: [
          {
            kind: 'accommodation',
            questionKey: seating.key,
            ask: seating.ask,
            accommodationId: seating.subjectId,
            outcome: 'not_provided',
            className: 'Math',
            teacherKind: 'substitute',
            childWords: 'In the back by the window',
          },
          {
            kind: 'session',
            questionKey: reading.key,
            ask: reading.ask,
            serviceId: reading.subjectId,
            outcome: 'did_not_happen',
            sessionDate: '2026-10-19',
            startTime: '10:05',
            childWords: 'Mrs. Patel was not there, we stayed in science',
          },
          {
            kind: 'behavior',
            questionKey: behavior.key,
            ask: behavior.ask,
            planId: behavior.subjectId,
            somethingHappened: true,
            rewardUsed: false,
            childWords: 'I got sent to the office at lunch',
          },
        ],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const recorded = res.body.answers.map((a: { recordedAs: { entity: string } }) => a.recordedAs.entity);
      expect(recorded).toEqual(['accommodation_observation', 'session_entry', 'behavior_incident']);

      const obs = await call(
        env,
        'GET',
        api(`/accommodation-observations/${res.body.answers[0].recordedAs.id}`),
      );
      expect(obs.body).toMatchObject({
        source: 'child_report',
        outcome: 'not_provided',
        teacherKind: 'substitute',
        date: '2026-10-19',
        note: 'Asked “Where did you sit in math today?” Emma said: “In the back by the window”',
      });
      const entry = await call(env, 'GET', api(`/sessions/${res.body.answers[1].recordedAs.id}`));
      expect(entry.body).toMatchObject({ source: 'child_report', status: 'missed', startTime: '10:05' });
      const incident = await call(
        env,
        'GET',
        api(`/behavior-incidents/${res.body.answers[2].recordedAs.id}`),
      );
      expect(incident.body).toMatchObject({
        source: 'child_report',
        rewardUsed: false,
        summary: 'I got sent to the office at lunch',
      });

      // The school logged reading as delivered that day: the ledger keeps the log, and the two
      // accounts are shown as a question to ask.
      const ledger = await call(
        env,
        'GET',
        api(`/services/${demo.services.reading}/ledger?from=2026-10-19&to=2026-10-25&asOf=2026-10-25`),
      );
      expect(ledger.status, JSON.stringify(ledger.body)).toBe(200);
      // Delivered on the 19th and 21st; the 23rd's miss is the school's. The child's "did not happen"
      // (reason unknown, which would be pending) is set aside because the school logged that day.
      expect(ledger.body.totals).toMatchObject({ deliveredMinutes: 90, pendingMinutes: 0, owedMinutes: 45 });
      const patterns = await call(
        env,
        'GET',
        api(`/children/${demo.childId}/patterns?from=2026-10-19&to=2026-10-19&asOf=2026-10-19`),
      );
      const disagreement = patterns.body.findings.find((f: { rule: string }) => /disagree/.test(f.rule));
      expect(disagreement?.entryIds).toContain(res.body.answers[1].recordedAs.id);

      const list = await call(env, 'GET', api(`/check-ins?childId=${demo.childId}`));
      expect(list.body.map((c: { id: string }) => c.id)).toContain(res.body.id);
    });

    it('points an error at the answer and the field, and writes none of the answers', async () => {
      const before = await rowCounts(env.store);
      const q = (await call(env, 'GET', api(`/children/${demo.childId}/check-in-questions?date=2026-10-19`)))
        .body;
      const seating = q.questions.find((x: { ask: string }) => /Where did you sit/.test(x.ask));
      const speech = q.questions.find((x: { ask: string }) => /speech/.test(x.ask));
      const res = await call(env, 'POST', api('/check-ins'), {
        childId: demo.childId,
        date: '2026-10-19',
        answers: [
          {
            kind: 'accommodation',
            questionKey: seating.key,
            ask: seating.ask,
            accommodationId: seating.subjectId,
            outcome: 'provided',
          },
          {
            kind: 'session',
            questionKey: speech.key,
            ask: speech.ask,
            serviceId: '01900000-0000-7000-8000-000000000003',
            outcome: 'happened',
            sessionDate: '2026-10-19',
          },
        ],
      });
      expect(res.status).toBe(404);
      expect(res.body.error.fields[0].path).toBe('answers.1.serviceId');
      expect(await rowCounts(env.store)).toEqual(before);
    });
  });

  it('exports and imports attachments, work samples and check-ins byte for byte, and refuses a tampered file', async () => {
    const doc = await exportHousehold(env.store, hid, '2026-11-29T00:00:00.000Z');
    expect((doc.attachmentFiles as unknown[]).length).toBeGreaterThan(0);
    expect((doc.workSamples as unknown[]).length).toBeGreaterThan(0);
    expect((doc.checkIns as unknown[]).length).toBeGreaterThan(0);
    const target = await openTestStore('sqlite');
    try {
      const copy = JSON.parse(JSON.stringify(doc));
      copy.attachmentFiles[0].content = Buffer.from('tampered').toString('base64');
      await expect(importHousehold(target.store, copy)).rejects.toThrow(/does not match its hash/);
      await importHousehold(target.store, JSON.parse(JSON.stringify(doc)));
      const again = await exportHousehold(target.store, hid, '2026-11-29T00:00:00.000Z');
      expect(JSON.stringify(again)).toBe(JSON.stringify(doc));
    } finally {
      await target.cleanup();
    }
  });
});
