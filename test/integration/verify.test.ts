import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { addDays } from '../../src/domain/dates.ts';
import { fixedClock } from '../../src/server/context.ts';
import { exportHousehold, importHousehold } from '../../src/server/services/household-transfer.ts';
import { NOT_REPLAYED, REPLAYED_TABLES, verifyHousehold } from '../../src/server/services/verify.ts';
import { BACKENDS, call, openTestEnv, openTestStore, TEST_NOW, type TestEnv } from './harness.ts';

// The paper trail holds up: an untouched household verifies; editing, deleting or reordering a
// journal row, changing a record behind the app's back (an edited field, a row inserted or deleted
// in SQL), or changing an attachment's bytes, directly in the database, is caught and named.

describe.each(BACKENDS)('verifying the paper trail on %s', (backend) => {
  let env: TestEnv;
  let hid: string;
  const verify = async () => (await call(env, 'GET', `/api/households/${hid}/verify`)).body;
  const row = async (seq: number) =>
    env.store.db
      .selectFrom('journal')
      .selectAll()
      .where('household_id', '=', hid)
      .where('seq', '=', seq)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    env = await openTestEnv(backend);
    hid = (await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId)).householdId;
  });
  afterAll(async () => env.close());

  it('verifies an untouched household, with every record and every file checked', async () => {
    const result = await verify();
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(result.journal.entries).toBeGreaterThan(100);
    expect(result.journal.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.attachments.checked).toBeGreaterThan(0);
    // Every row of every table of the record: the household, its child, plan, version 1, content,
    // observations, sessions, messages, files...
    let rows = 0;
    for (const table of REPLAYED_TABLES) {
      const column = table === 'household' ? 'id' : 'household_id';
      // biome-ignore lint/suspicious/noExplicitAny: generic over the record tables
      const found = await (env.store.db as any)
        .selectFrom(table)
        .select(column)
        .where(column, '=', hid)
        .execute();
      rows += found.length;
    }
    expect(rows).toBeGreaterThan(100);
    expect(result.records).toEqual({ checked: rows, differing: 0, problems: [] });
  });

  it('checks a fingerprint written down earlier: found with the entries added since, or not found, or refused', async () => {
    const before = await verify();
    const entries = before.journal.entries as number;
    const earlier = await row(entries - 3);
    const at = (hash: string) =>
      call(env, 'GET', `/api/households/${hid}/verify?expectHead=${encodeURIComponent(hash)}`);
    const found = await at(earlier.hash.slice(0, 12));
    expect(found.status).toBe(200);
    expect(found.body.ok).toBe(true);
    expect(found.body.expectedHead).toMatchObject({
      found: true,
      seq: entries - 3,
      entriesSince: 3,
      hash: earlier.hash,
    });
    expect(found.body.expectedHead.message).toContain('3 entries were added after it');
    const head = await at(before.journal.headHash);
    expect(head.body.expectedHead).toMatchObject({ found: true, entriesSince: 0 });
    const unknown = await at('0123456789abcdef');
    expect(unknown.body.ok).toBe(false);
    expect(unknown.body.expectedHead).toMatchObject({ found: false, entries });
    const bad = await at('not a hash');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('expectHead');
    // Without the parameter, the answer is as before.
    expect(before.expectedHead).toBeUndefined();
  });

  it('puts the journal head in the export, and refuses an export whose last entries were cut off', async () => {
    const before = await verify();
    const doc = await exportHousehold(env.store, hid, '2026-11-29T00:00:00.000Z');
    expect(Object.keys(doc).slice(0, 4)).toEqual(['format', 'exportedAt', 'household', 'journalHead']);
    expect(doc.journalHead).toEqual({ entries: before.journal.entries, hash: before.journal.headHash });
    const target = await openTestStore(backend);
    try {
      // What is left of a cut-off journal still chains: only the head says entries are missing.
      const cut = JSON.parse(JSON.stringify(doc));
      cut.journal.splice(-2, 2);
      await expect(importHousehold(target.store, cut)).rejects.toMatchObject({
        fields: [{ path: 'journalHead', message: expect.stringContaining('entries were removed') }],
      });
      const edited = JSON.parse(JSON.stringify(doc));
      edited.journalHead.hash = '0'.repeat(64);
      await expect(importHousehold(target.store, edited)).rejects.toMatchObject({
        fields: [{ path: 'journalHead' }],
      });
    } finally {
      await target.cleanup();
    }
  });

  it('names a session entry whose minutes were changed in SQL: table, id, field, journal value, current value', async () => {
    const entry = await env.store.db
      .selectFrom('session_entry')
      .select(['id', 'updated_at'])
      .where('household_id', '=', hid)
      .where('status', '=', 'delivered')
      .where('minutes_delivered', '=', 30)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const journaled = await env.store.db
      .selectFrom('journal')
      .select('seq')
      .where('household_id', '=', hid)
      .where('entity_id', '=', entry.id)
      .executeTakeFirstOrThrow();
    await sql`update session_entry set minutes_delivered = 45 where id = ${entry.id}`.execute(env.store.db);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.journal.problem).toBeNull();
    expect(result.records.differing).toBe(1);
    expect(result.records.problems).toEqual([
      {
        kind: 'changed',
        table: 'session_entry',
        id: entry.id,
        field: 'minutesDelivered',
        journalValue: 30,
        currentValue: 45,
        seq: Number(journaled.seq),
        message: `session entry ${entry.id}: minutesDelivered is 45 in the record but 30 in the journal`,
      },
    ]);
    await sql`update session_entry set minutes_delivered = 30 where id = ${entry.id}`.execute(env.store.db);
    expect((await verify()).ok).toBe(true);
  });

  it('names an accommodation observation whose outcome was changed in SQL', async () => {
    const observation = await env.store.db
      .selectFrom('accommodation_observation')
      .select(['id', 'outcome'])
      .where('household_id', '=', hid)
      .where('outcome', '=', 'not_provided')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await sql`update accommodation_observation set outcome = 'provided' where id = ${observation.id}`.execute(
      env.store.db,
    );
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.records.problems[0]).toMatchObject({
      kind: 'changed',
      table: 'accommodation_observation',
      id: observation.id,
      field: 'outcome',
      journalValue: 'not_provided',
      currentValue: 'provided',
      message: `accommodation observation ${observation.id}: outcome is "provided" in the record but "not_provided" in the journal`,
    });
    await sql`update accommodation_observation set outcome = 'not_provided' where id = ${observation.id}`.execute(
      env.store.db,
    );
    expect((await verify()).ok).toBe(true);
  });

  it('names a row inserted in SQL with no journal entry, and a row deleted in SQL', async () => {
    const note = await env.store.db
      .selectFrom('parent_note')
      .selectAll()
      .where('household_id', '=', hid)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const smuggled = { ...note, id: '01900000-0000-7000-8000-00000000beef', text: 'Written behind the app' };
    await env.store.db.insertInto('parent_note').values(smuggled).execute();
    const inserted = await verify();
    expect(inserted.ok).toBe(false);
    expect(inserted.records.problems).toEqual([
      expect.objectContaining({
        kind: 'not_in_journal',
        table: 'parent_note',
        id: smuggled.id,
        message: `parent note ${smuggled.id} is in the database, but no journal entry created it: it was written outside As Written`,
      }),
    ]);
    await env.store.db.deleteFrom('parent_note').where('id', '=', smuggled.id).execute();

    await env.store.db.deleteFrom('parent_note').where('id', '=', note.id).execute();
    const deleted = await verify();
    expect(deleted.ok).toBe(false);
    expect(deleted.records.problems).toEqual([
      expect.objectContaining({ kind: 'missing', table: 'parent_note', id: note.id }),
    ]);
    expect(deleted.records.problems[0].message).toMatch(
      new RegExp(
        `^parent note ${note.id} is missing: the journal created it \\(entry \\d+\\) and never deleted it$`,
      ),
    );
    await env.store.db.insertInto('parent_note').values(note).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('names a record the journal deleted that is back in the database', async () => {
    const date = await env.store.db
      .selectFrom('key_date')
      .selectAll()
      .where('household_id', '=', hid)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect((await call(env, 'DELETE', `/api/households/${hid}/key-dates/${date.id}`)).status).toBe(204);
    expect((await verify()).ok).toBe(true);
    await env.store.db.insertInto('key_date').values(date).execute();
    const result = await verify();
    expect(result.records.problems).toEqual([
      expect.objectContaining({ kind: 'deleted_in_journal', table: 'key_date', id: date.id }),
    ]);
    expect(result.records.problems[0].message).toContain(
      'is still in the database, but the journal deleted it',
    );
    await env.store.db.deleteFrom('key_date').where('id', '=', date.id).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('verifies the demo exported and imported into an empty database', async () => {
    const before = await verify();
    const doc = await exportHousehold(env.store, hid, '2026-11-29T00:00:00.000Z');
    const target = await openTestStore(backend);
    try {
      await importHousehold(target.store, doc);
      const imported = await verifyHousehold(target.store, hid);
      expect(imported.ok, JSON.stringify(imported.records.problems)).toBe(true);
      expect(imported.records.checked).toBe(before.records.checked);
      expect(imported.journal.headHash).toBe(before.journal.headHash);
    } finally {
      await target.cleanup();
    }
  });

  it('names an edited journal entry', async () => {
    const original = await row(40);
    const data = JSON.parse(original.data);
    await env.store.db
      .updateTable('journal')
      .set({ data: JSON.stringify({ ...data, minutesDelivered: 999 }) })
      .where('id', '=', original.id)
      .execute();
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.journal.problem).toMatchObject({ seq: 40, entryId: original.id, kind: 'edited' });
    await env.store.db
      .updateTable('journal')
      .set({ data: original.data })
      .where('id', '=', original.id)
      .execute();
    expect((await verify()).ok).toBe(true);
  });

  it('names a deleted journal entry', async () => {
    const original = await row(25);
    await env.store.db.deleteFrom('journal').where('id', '=', original.id).execute();
    const result = await verify();
    expect(result.journal.problem).toMatchObject({ seq: 25, kind: 'removed' });
    await env.store.db.insertInto('journal').values(original).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('names reordered journal entries', async () => {
    const a = await row(30);
    const b = await row(31);
    const park = 1_000_000;
    await env.store.db.updateTable('journal').set({ seq: park }).where('id', '=', a.id).execute();
    await env.store.db.updateTable('journal').set({ seq: 30 }).where('id', '=', b.id).execute();
    await env.store.db.updateTable('journal').set({ seq: 31 }).where('id', '=', a.id).execute();
    const result = await verify();
    expect(result.journal.problem).toMatchObject({ seq: 30, entryId: b.id, kind: 'reordered' });
    await env.store.db.updateTable('journal').set({ seq: park }).where('id', '=', b.id).execute();
    await env.store.db.updateTable('journal').set({ seq: 30 }).where('id', '=', a.id).execute();
    await env.store.db.updateTable('journal').set({ seq: 31 }).where('id', '=', b.id).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('names a file whose bytes were changed', async () => {
    const blob = await env.store.db
      .selectFrom('attachment_blob')
      .selectAll()
      .where('household_id', '=', hid)
      .executeTakeFirstOrThrow();
    const changed = Buffer.from(blob.content);
    changed[changed.length - 1] = changed[changed.length - 1]! ^ 0xff;
    await env.store.db
      .updateTable('attachment_blob')
      .set({ content: changed })
      .where('household_id', '=', hid)
      .where('sha256', '=', blob.sha256)
      .execute();
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.attachments.problems[0].message).toContain('was changed after it was stored');
    await env.store.db
      .updateTable('attachment_blob')
      .set({ content: Buffer.from(blob.content) })
      .where('household_id', '=', hid)
      .where('sha256', '=', blob.sha256)
      .execute();
    expect((await verify()).ok).toBe(true);
  });

  it('refuses to import a file whose journal was altered, and chains an export made before hashes', async () => {
    const doc = await exportHousehold(env.store, hid, '2026-11-29T00:00:00.000Z');
    const journal = doc.journal as { data: unknown; hash?: string; prevHash?: string }[];
    const target = await openTestStore('sqlite');
    try {
      const altered = JSON.parse(JSON.stringify(doc));
      altered.journal[12].actor = 'user:someone-else';
      await expect(importHousehold(target.store, altered)).rejects.toThrow(/does not verify/);
      const old = JSON.parse(JSON.stringify(doc));
      delete old.journalHead;
      for (const j of old.journal) {
        delete j.hash;
        delete j.prevHash;
      }
      await importHousehold(target.store, old);
      const again = await exportHousehold(target.store, hid, '2026-11-29T00:00:00.000Z');
      expect((again.journal as typeof journal).map((j) => j.hash)).toEqual(journal.map((j) => j.hash));
    } finally {
      await target.cleanup();
    }
  });
});

describe.each(BACKENDS)('replaying every kind of change on %s', (backend) => {
  it('a household changed through every service still verifies, moves by export and import, and an edited plan snapshot is named', async () => {
    const env = await openTestEnv(backend);
    try {
      const demo = await seedDemoHousehold(env.store, env.clock, env.owner.userId);
      const h = demo.householdId;
      const send = async (method: string, path: string, body?: unknown) => {
        const res = await call(env, method, `/api/households/${h}${path}`, body);
        expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
        return res.body;
      };
      const first = async <T>(rows: Promise<T[]>): Promise<T> => {
        const [row] = await rows;
        if (!row) throw new Error('the demo is missing a record this test needs');
        return row;
      };
      const db = env.store.db;

      // The plan starts a week earlier (version 1 moves with it), a service is renamed, the plan is
      // amended (version 1 is frozen with the renamed service), and the service changes again.
      const plan = await send('GET', `/plans/${demo.planId}`);
      await send('PATCH', `/plans/${demo.planId}`, { effectiveFrom: addDays(plan.effectiveFrom, -7) });
      await send('PATCH', `/services/${demo.services.ot}`, { name: 'Occupational therapy (consult)' });
      await send('POST', `/plans/${demo.planId}/amendments`, {
        effectiveFrom: '2026-11-02',
        summary: 'OT becomes a consult',
      });
      await send('PATCH', `/services/${demo.services.ot}`, { location: 'Resource room' });

      // Session entries: a miss classified, an entry corrected.
      const missed = await first(
        db
          .selectFrom('session_entry')
          .select('id')
          .where('household_id', '=', h)
          .where('status', '=', 'missed')
          .orderBy('id')
          .execute(),
      );
      await send('PATCH', `/sessions/${missed.id}`, { responsibility: 'owed' });
      const delivered = await first(
        db
          .selectFrom('session_entry')
          .select(['id', 'date'])
          .where('household_id', '=', h)
          .where('service_id', '=', demo.services.speech)
          .where('status', '=', 'delivered')
          .orderBy('id')
          .execute(),
      );
      await send('POST', '/sessions', {
        serviceId: demo.services.speech,
        date: delivered.date,
        kind: 'scheduled',
        status: 'missed',
        reason: 'school_event',
        correctsEntryId: delivered.id,
      });

      // Letters: drafted, edited, sent (which logs a message); another drafted and deleted.
      const letter = await send('POST', `/children/${demo.childId}/letters`, {
        request: { kind: 'check_in' },
        asOf: '2026-10-30',
      });
      await send('PATCH', `/letters/${letter.id}`, { subject: 'Checking in on Emma' });
      await send('POST', `/letters/${letter.id}/sent`, { date: '2026-10-30' });
      const draft = await send('POST', `/children/${demo.childId}/letters`, {
        request: { kind: 'request_records' },
        asOf: '2026-10-30',
      });
      await send('DELETE', `/letters/${draft.id}`);

      // The parent's words, the settings, a check-in, a file kept and a file removed.
      await send('PUT', `/children/${demo.childId}/living-iep/notes`, {
        concerns: 'Speech is missed most weeks.',
        changes: ['Make up the missed sessions'],
        questions: [],
      });
      await send('PUT', `/children/${demo.childId}/living-iep/notes`, {
        concerns: 'Speech is missed most weeks.',
        changes: ['Make up the missed sessions'],
        questions: ['Who covers when the therapist is away?'],
      });
      await send('PATCH', '/settings', { replySchoolDays: 3 });
      await send('PATCH', '/settings', { advisor: { minDeliveredShare: 0.9 } });
      const questions = await send('GET', `/children/${demo.childId}/check-in-questions?date=2026-10-19`);
      const seating = questions.questions.find((q: { ask: string }) => /Where did you sit/.test(q.ask));
      await send('POST', '/check-ins', {
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
            childWords: 'In the back',
          },
        ],
      });
      const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#123456' } })
        .png()
        .toBuffer();
      const file = await send('POST', '/attachments?filename=spare.png', png);
      await send('DELETE', `/attachments/${file.attachment.id}`);

      // Observations voided and un-voided; a message closed; a note deleted.
      const observation = await first(
        db.selectFrom('accommodation_observation').select('id').where('household_id', '=', h).execute(),
      );
      await send('POST', `/accommodation-observations/${observation.id}/void`, { note: 'Wrong day' });
      await send('POST', `/accommodation-observations/${observation.id}/void`, {
        voided: false,
        note: 'It was the right day after all',
      });
      const message = await first(
        db.selectFrom('communication').select('id').where('household_id', '=', h).orderBy('id').execute(),
      );
      await send('PATCH', `/communications/${message.id}`, { closedWithoutReply: true });
      const note = await first(
        db.selectFrom('parent_note').select('id').where('household_id', '=', h).execute(),
      );
      await send('DELETE', `/parent-notes/${note.id}`);

      const result = await verifyHousehold(env.store, h);
      expect(result.records.problems).toEqual([]);
      expect(result.ok).toBe(true);
      const journal = await db
        .selectFrom('journal')
        .select(['action', 'entity'])
        .where('household_id', '=', h)
        .execute();
      const kinds = new Set(journal.map((j) => `${j.action} ${j.entity}`));
      for (const kind of [
        'update plan',
        'update plan_version',
        'amend plan',
        'update service',
        'update session_entry',
        'create letter',
        'update letter',
        'delete letter',
        'update living_iep_notes',
        'update household_settings',
        'create check_in',
        'delete attachment',
        'update accommodation_observation',
        'update communication',
        'delete parent_note',
      ]) {
        expect(kinds, kind).toContain(kind);
      }

      // The same household, exported and imported elsewhere, verifies there too.
      const target = await openTestStore(backend);
      try {
        await importHousehold(target.store, await exportHousehold(env.store, h, TEST_NOW));
        const imported = await verifyHousehold(target.store, h);
        expect(imported.records.problems).toEqual([]);
        expect(imported.ok).toBe(true);
      } finally {
        await target.cleanup();
      }

      // Version 1's frozen content, edited in the database, is named down to the field.
      const frozen = await db
        .selectFrom('plan_version')
        .select(['id', 'snapshot'])
        .where('household_id', '=', h)
        .where('plan_id', '=', demo.planId)
        .where('version_number', '=', 1)
        .executeTakeFirstOrThrow();
      const snapshot = JSON.parse(frozen.snapshot!);
      const ot = snapshot.services.find((s: { id: string }) => s.id === demo.services.ot);
      expect(ot.name).toBe('Occupational therapy (consult)');
      ot.name = 'Occupational therapy';
      await db
        .updateTable('plan_version')
        .set({ snapshot: JSON.stringify(snapshot) })
        .where('id', '=', frozen.id)
        .execute();
      const edited = await verifyHousehold(env.store, h);
      expect(edited.records.problems).toEqual([
        expect.objectContaining({
          kind: 'changed',
          table: 'plan_version',
          id: frozen.id,
          field: `snapshot.services.${demo.services.ot}.name`,
          journalValue: 'Occupational therapy (consult)',
          currentValue: 'Occupational therapy',
        }),
      ]);
      ot.name = 'Occupational therapy (consult)';
      await db
        .updateTable('plan_version')
        .set({ snapshot: JSON.stringify(snapshot) })
        .where('id', '=', frozen.id)
        .execute();
      expect((await verifyHousehold(env.store, h)).ok).toBe(true);

      // A miss marked excused in SQL, then classified through the app: the record now matches the
      // journal's last word, but the entry's "from" shows the change made in between.
      const other = await first(
        db
          .selectFrom('session_entry')
          .select(['id', 'responsibility'])
          .where('household_id', '=', h)
          .where('status', '=', 'missed')
          .where('id', '!=', missed.id)
          .orderBy('id')
          .execute(),
      );
      await sql`update session_entry set responsibility = 'excused' where id = ${other.id}`.execute(db);
      await send('PATCH', `/sessions/${other.id}`, { responsibility: 'owed' });
      const hidden = await verifyHousehold(env.store, h);
      expect(hidden.ok).toBe(false);
      expect(hidden.records.problems).toEqual([
        expect.objectContaining({
          kind: 'changed_between_entries',
          table: 'session_entry',
          id: other.id,
          field: 'responsibility',
          journalValue: other.responsibility,
          currentValue: 'excused',
        }),
      ]);
    } finally {
      await env.close();
    }
  });
});

describe('the tables verify replays', () => {
  it('are every table of a household, or named with the reason it is not replayed', async () => {
    const { store, cleanup } = await openTestStore('sqlite');
    try {
      const owned = (await store.db.introspection.getTables())
        .filter((t) => t.name === 'household' || t.columns.some((c) => c.name === 'household_id'))
        .map((t) => t.name);
      const covered = [...REPLAYED_TABLES, ...Object.keys(NOT_REPLAYED)];
      expect(owned.filter((t) => !covered.includes(t))).toEqual([]);
      expect(covered.filter((t) => !owned.includes(t))).toEqual([]);
    } finally {
      await cleanup();
    }
  });
});
