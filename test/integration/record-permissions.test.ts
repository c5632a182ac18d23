import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, call, createAccount, openTestEnv, type Principal, type TestEnv } from './harness.ts';

// Each record type names the permission that writes it (src/server/services/resources.ts). The
// parent's notes take `note.write`, which the role table (src/domain/permissions.ts) gives advocates
// as well as parents, as the README says ("add notes and comments"); every other record stays with
// `plan.write`, and deleting stays the owner's (`record.delete`).

describe.each(BACKENDS)('who may write which record on %s', (backend) => {
  let env: TestEnv;
  let childId: string;
  let advocate: Principal;
  let viewer: Principal;
  const api = (path: string) => `/api/households/${env.householdId}${path}`;
  const note = () => ({
    childId,
    date: '2026-11-16',
    kind: 'new_challenge',
    text: 'Comes home exhausted after PE',
  });

  beforeAll(async () => {
    env = await openTestEnv(backend);
    childId = (await call(env, 'POST', api('/children'), { firstName: 'Emma' })).body.id;
    advocate = await createAccount(env, 'advocate@example.org', {
      householdId: env.householdId,
      role: 'advocate',
    });
    viewer = await createAccount(env, 'viewer@example.org', { householdId: env.householdId, role: 'viewer' });
  });
  afterAll(async () => env?.close());

  it('lets an advocate add a parent note and change it', async () => {
    const created = await call(env, 'POST', api('/parent-notes'), note(), advocate);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      childId,
      kind: 'new_challenge',
      text: 'Comes home exhausted after PE',
    });

    const changed = await call(
      env,
      'PATCH',
      api(`/parent-notes/${created.body.id}`),
      { kind: 'concern' },
      advocate,
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.kind).toBe('concern');

    // The journal names the advocate as the one who wrote it.
    const journal = await call(env, 'GET', api('/journal?entity=parent_note'));
    expect(journal.status, JSON.stringify(journal.body)).toBe(200);
    const entries = journal.body as { entity: string; actor: string; action: string }[];
    const mine = entries.filter((e) => e.entity === 'parent_note');
    expect(mine.map((e) => e.action).sort()).toEqual(['create', 'update']);
    expect(mine.every((e) => e.actor === `user:${advocate.userId}`)).toBe(true);
  });

  it('keeps deleting a note the owner’s, and every other record the parents’', async () => {
    const created = await call(env, 'POST', api('/parent-notes'), note(), advocate);
    expect(created.status).toBe(201);
    expect(
      (await call(env, 'DELETE', api(`/parent-notes/${created.body.id}`), undefined, advocate)).status,
    ).toBe(403);
    const message = {
      childId,
      kind: 'email',
      direction: 'sent',
      date: '2026-11-16',
      subject: 'Extended time',
      summary: 'Could you help me understand what happened?',
    };
    expect((await call(env, 'POST', api('/communications'), message, advocate)).status).toBe(403);
    expect(
      (await call(env, 'POST', api('/team-contacts'), { childId, name: 'Ms. A' }, advocate)).status,
    ).toBe(403);
  });

  it('refuses a viewer a note', async () => {
    expect((await call(env, 'POST', api('/parent-notes'), note(), viewer)).status).toBe(403);
  });
});
