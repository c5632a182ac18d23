import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock } from '../../src/server/context.ts';
import { exportHousehold, importHousehold } from '../../src/server/services/household-transfer.ts';
import { BACKENDS, call, openTestEnv, openTestStore, TEST_NOW, type TestEnv } from './harness.ts';

// The paper trail holds up: an untouched household verifies; editing, deleting or reordering a
// journal row, or changing an attachment's bytes, directly in the database, is caught and named.

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

  it('verifies an untouched household, with every file checked', async () => {
    const result = await verify();
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(result.journal.entries).toBeGreaterThan(100);
    expect(result.journal.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.attachments.checked).toBeGreaterThan(0);
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
