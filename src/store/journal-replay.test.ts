import { describe, expect, it } from 'vitest';
import {
  type CurrentRecords,
  compareWithJournal,
  type ReplayEntry,
  replayJournal,
} from './journal-replay.ts';

// The journal replay: what the journal says each record should be, and the first difference from
// what is stored. Entries are written the way the services write them (docs/paper-trail.md).

const RULES = {
  defaults: { 'session_entry.startTime': null, 'accommodation_observation.attachmentIds': [] },
  planContent: { service: 'services', goal: 'goals' },
};

let seq = 0;
const entry = (action: string, entity: string, entityId: string, data: unknown): ReplayEntry => ({
  seq: ++seq,
  at: `2026-10-01T10:${String(Math.floor(seq / 60) % 60).padStart(2, '0')}:${String(seq % 60).padStart(2, '0')}.000Z`,
  action,
  entity,
  entityId,
  data,
});

const session = (over: Record<string, unknown> = {}) => ({
  id: 'e1',
  householdId: 'h1',
  serviceId: 's1',
  date: '2026-10-01',
  status: 'missed',
  minutesDelivered: 0,
  responsibility: null,
  recordedAt: '2026-10-01T10:00:00.000Z',
  updatedAt: '2026-10-01T10:00:00.000Z',
  ...over,
});

const current = (tables: Record<string, Record<string, Record<string, unknown>>>): CurrentRecords =>
  new Map(Object.entries(tables).map(([t, rows]) => [t, new Map(Object.entries(rows))]));

describe('replaying the journal', () => {
  it('a create entry gives the record as it was written', () => {
    const replay = replayJournal([entry('create', 'session_entry', 'e1', session())], RULES);
    expect(replay.get('session_entry')?.get('e1')).toMatchObject({
      exists: true,
      created: true,
      fields: session({ startTime: null }),
    });
    expect(
      compareWithJournal(replay, current({ session_entry: { e1: session({ startTime: null }) } })),
    ).toEqual({
      checked: 1,
      differences: [],
    });
  });

  it('an update diff sets each changed field to its new value, and updatedAt to the entry’s time', () => {
    const update = entry('update', 'session_entry', 'e1', {
      changed: { responsibility: { from: null, to: 'school' } },
    });
    const replay = replayJournal([entry('create', 'session_entry', 'e1', session()), update], RULES);
    expect(replay.get('session_entry')?.get('e1')?.fields).toMatchObject({
      responsibility: 'school',
      updatedAt: update.at,
      minutesDelivered: 0,
    });
    const stale = session({ startTime: null, responsibility: null, updatedAt: update.at });
    expect(compareWithJournal(replay, current({ session_entry: { e1: stale } })).differences).toEqual([
      expect.objectContaining({
        kind: 'changed',
        table: 'session_entry',
        id: 'e1',
        field: 'responsibility',
        journalValue: 'school',
        currentValue: null,
        seq: update.seq,
        message: 'session entry e1: responsibility is empty in the record but "school" in the journal',
      }),
    ]);
  });

  it('names a field changed outside the app between two entries, even when a later change hid it', () => {
    const created = entry('create', 'session_entry', 'e1', session({ responsibility: 'pending' }));
    // Someone set it to "excused" in the database; then the parent classified it through the app.
    const classified = entry('update', 'session_entry', 'e1', {
      changed: { responsibility: { from: 'excused', to: 'owed' } },
    });
    const replay = replayJournal([created, classified], RULES);
    const now = session({ responsibility: 'owed', startTime: null, updatedAt: classified.at });
    expect(compareWithJournal(replay, current({ session_entry: { e1: now } })).differences).toEqual([
      {
        kind: 'changed_between_entries',
        table: 'session_entry',
        id: 'e1',
        field: 'responsibility',
        journalValue: 'pending',
        currentValue: 'excused',
        seq: classified.seq,
        message: `session entry e1: journal entry ${classified.seq} changed responsibility from "excused", but the entries before it left "pending": it was changed outside As Written in between`,
      },
    ]);
    // An entry that restates what replay already has (version 1 moved with its plan) is not drift.
    const restated = replayJournal(
      [
        entry('create', 'plan_version', 'v1', {
          id: 'v1',
          planId: 'p1',
          versionNumber: 1,
          effectiveFrom: '2026-09-01',
        }),
        entry('update', 'plan', 'p1', {
          changed: { effectiveFrom: { from: '2026-09-01', to: '2026-08-25' } },
        }),
        entry('update', 'plan_version', 'v1', {
          changed: { effectiveFrom: { from: '2026-09-01', to: '2026-08-25' } },
        }),
      ],
      RULES,
    );
    expect(restated.get('plan_version')?.get('v1')?.drift).toBeNull();
  });

  it('names the first field that differs, with both values', () => {
    const replay = replayJournal(
      [entry('create', 'session_entry', 'e1', session({ minutesDelivered: 30 }))],
      RULES,
    );
    const changed = session({ minutesDelivered: 45, status: 'short', startTime: null });
    const [difference] = compareWithJournal(replay, current({ session_entry: { e1: changed } })).differences;
    expect(difference).toMatchObject({ field: 'status', journalValue: 'missed', currentValue: 'short' });
    const onlyMinutes = session({ minutesDelivered: 45, startTime: null });
    expect(
      compareWithJournal(replay, current({ session_entry: { e1: onlyMinutes } })).differences[0]?.message,
    ).toBe('session entry e1: minutesDelivered is 45 in the record but 30 in the journal');
  });

  it('a field added by a migration after the entry was written is read as the migration’s default', () => {
    const replay = replayJournal(
      [entry('create', 'accommodation_observation', 'o1', { id: 'o1', outcome: 'provided' })],
      RULES,
    );
    expect(replay.get('accommodation_observation')?.get('o1')?.fields).toEqual({
      id: 'o1',
      outcome: 'provided',
      attachmentIds: [],
    });
    const withFile = { id: 'o1', outcome: 'provided', attachmentIds: ['a1'] };
    expect(
      compareWithJournal(replay, current({ accommodation_observation: { o1: withFile } })).differences[0],
    ).toMatchObject({ field: 'attachmentIds', journalValue: [], currentValue: ['a1'] });
  });

  it('a field the journal never recorded, or that the record no longer has, is not compared', () => {
    const replay = replayJournal(
      [entry('create', 'goal', 'g1', { id: 'g1', text: 'Read', retired: 1 })],
      RULES,
    );
    const derived = { id: 'g1', text: 'Read', progressShown: 'derived when read' };
    expect(compareWithJournal(replay, current({ goal: { g1: derived } })).differences).toEqual([]);
  });

  it('compares values, not their key order', () => {
    const segments = [{ startDate: '2026-09-01', minutesPerSession: 30 }];
    const replay = replayJournal([entry('create', 'service', 's1', { id: 's1', segments })], RULES);
    const reordered = [{ minutesPerSession: 30, startDate: '2026-09-01' }];
    expect(
      compareWithJournal(replay, current({ service: { s1: { id: 's1', segments: reordered } } })).differences,
    ).toEqual([]);
  });

  it('a deleted record must be gone, and a created one must be there', () => {
    const created = entry('create', 'goal', 'g2', { id: 'g2' });
    const deleted = entry('delete', 'goal', 'g1', { id: 'g1' });
    const replay = replayJournal([entry('create', 'goal', 'g1', { id: 'g1' }), created, deleted], RULES);
    expect(replay.get('goal')?.get('g1')).toMatchObject({ exists: false, created: true });
    expect(compareWithJournal(replay, current({ goal: { g2: { id: 'g2' } } })).differences).toEqual([]);
    const differences = compareWithJournal(replay, current({ goal: { g1: { id: 'g1' } } })).differences;
    expect(differences.map((d) => [d.kind, d.id, d.message])).toEqual([
      [
        'deleted_in_journal',
        'g1',
        `goal g1 is still in the database, but the journal deleted it (entry ${deleted.seq})`,
      ],
      [
        'missing',
        'g2',
        `goal g2 is missing: the journal created it (entry ${created.seq}) and never deleted it`,
      ],
    ]);
  });

  it('a delete of a record the journal never created (removed by a repair) leaves nothing to compare', () => {
    const replay = replayJournal(
      [entry('delete', 'session_entry', 'x1', { reason: 'names another household', record: { id: 'x1' } })],
      RULES,
    );
    expect(compareWithJournal(replay, current({ session_entry: {} })).differences).toEqual([]);
  });

  it('names a record no journal entry created, and one that was only ever changed', () => {
    const replay = replayJournal(
      [entry('update', 'goal', 'g2', { changed: { text: { from: 'a', to: 'b' } }, createdAt: 'T' })],
      RULES,
    );
    const differences = compareWithJournal(
      replay,
      current({ goal: { g1: { id: 'g1' }, g2: { id: 'g2', text: 'b' } } }),
    ).differences;
    expect(differences.map((d) => d.kind)).toEqual(['not_in_journal', 'not_in_journal']);
    expect(differences[0]?.message).toBe(
      'goal g1 is in the database, but no journal entry created it: it was written outside As Written',
    );
    expect(differences[1]?.message).toContain('the journal changes it');
  });

  it('living IEP notes and household settings are written whole by each update', () => {
    const notes = entry('update', 'living_iep_notes', 'c1', {
      concerns: 'Reading',
      changes: [],
      questions: ['Why?'],
    });
    const settings = entry('update', 'household_settings', 'h1', {
      changed: { from: { replySchoolDays: 5, advisor: {} }, to: { replySchoolDays: 3, advisor: { x: 1 } } },
    });
    const replay = replayJournal([notes, settings], RULES);
    expect(replay.get('living_iep_notes')?.get('c1')?.fields).toEqual({
      concerns: 'Reading',
      changes: [],
      questions: ['Why?'],
      updatedAt: notes.at,
    });
    expect(replay.get('household_settings')?.get('h1')?.fields).toEqual({
      replySchoolDays: 3,
      advisor: { x: 1 },
      updatedAt: settings.at,
    });
  });

  it('an amendment freezes the plan’s content into the version it supersedes and opens the next', () => {
    const plan = { id: 'p1', effectiveFrom: '2026-09-01', title: 'IEP' };
    const v1 = {
      id: 'v1',
      planId: 'p1',
      versionNumber: 1,
      effectiveFrom: '2026-09-01',
      effectiveTo: null,
      isCurrent: true,
    };
    const service = { id: 's1', planId: 'p1', name: 'Speech' };
    const other = { id: 's9', planId: 'p9', name: 'Another plan' };
    const v2 = {
      id: 'v2',
      planId: 'p1',
      versionNumber: 2,
      effectiveFrom: '2026-11-01',
      effectiveTo: null,
      isCurrent: true,
    };
    const replay = replayJournal(
      [
        entry('create', 'plan', 'p1', plan),
        entry('create', 'plan_version', 'v1', v1),
        entry('create', 'service', 's1', service),
        entry('create', 'service', 's9', other),
        entry('amend', 'plan', 'p1', { supersededVersionId: 'v1', newVersion: v2 }),
        entry('update', 'service', 's1', { changed: { name: { from: 'Speech', to: 'Speech therapy' } } }),
      ],
      RULES,
    );
    const frozen = replay.get('plan_version')?.get('v1')?.fields;
    expect(frozen).toMatchObject({ effectiveTo: '2026-10-31', isCurrent: false });
    expect(frozen?.snapshot).toEqual({ plan, services: [service], goals: [] });
    expect(replay.get('plan_version')?.get('v2')?.fields).toEqual(v2);

    // The versions as stored, beside the plan and services as they are now.
    const stored = (snapshot: unknown) =>
      current({
        plan: { p1: plan },
        plan_version: { v1: { ...v1, effectiveTo: '2026-10-31', isCurrent: false, snapshot }, v2 },
        service: { s1: { ...service, name: 'Speech therapy' }, s9: other },
      });
    expect(compareWithJournal(replay, stored({ plan, services: [service], goals: [] })).differences).toEqual(
      [],
    );
    const edited = { plan, services: [{ ...service, name: 'Speech (edited)' }], goals: [] };
    expect(compareWithJournal(replay, stored(edited)).differences[0]).toMatchObject({
      table: 'plan_version',
      id: 'v1',
      field: 'snapshot.services.s1.name',
      journalValue: 'Speech',
      currentValue: 'Speech (edited)',
    });
    const dropped = { plan, services: [], goals: [] };
    expect(compareWithJournal(replay, stored(dropped)).differences[0]).toMatchObject({
      field: 'snapshot.services.s1',
      currentValue: undefined,
    });
  });

  it('a change to a plan’s start moves version 1 with it, also in journals without the version’s own entry', () => {
    const replay = replayJournal(
      [
        entry('create', 'plan_version', 'v1', {
          id: 'v1',
          planId: 'p1',
          versionNumber: 1,
          effectiveFrom: '2026-09-01',
        }),
        entry('update', 'plan', 'p1', {
          changed: { effectiveFrom: { from: '2026-09-01', to: '2026-08-25' } },
        }),
      ],
      RULES,
    );
    expect(replay.get('plan_version')?.get('v1')?.fields.effectiveFrom).toBe('2026-08-25');
  });

  it('an entry it cannot replay is named, and its record is not compared', () => {
    const replay = replayJournal(
      [
        entry('create', 'goal', 'g1', { id: 'g1' }),
        entry('archive', 'goal', 'g1', {}),
        entry('update', 'goal', 'g2', {}),
      ],
      RULES,
    );
    const differences = compareWithJournal(
      replay,
      current({ goal: { g1: { id: 'g1' }, g2: { id: 'g2' } } }),
    ).differences;
    expect(differences.map((d) => d.kind)).toEqual(['not_replayable', 'not_replayable']);
    expect(differences[0]?.message).toContain('"archive"');
    expect(differences[1]?.message).toContain('does not say what it changed');
  });

  it('records of a table it does not read are named rather than passed over', () => {
    const replay = replayJournal([entry('create', 'new_kind', 'n1', { id: 'n1' })], RULES);
    expect(compareWithJournal(replay, current({})).differences[0]).toMatchObject({
      kind: 'not_replayable',
      table: 'new_kind',
    });
  });

  it('replays and compares twenty thousand entries', () => {
    const entries: ReplayEntry[] = [];
    const rows: Record<string, Record<string, unknown>> = {};
    for (let i = 0; i < 10_000; i++) {
      const id = `e${i}`;
      const record = session({ id, startTime: null });
      entries.push(entry('create', 'session_entry', id, record));
      entries.push(
        entry('update', 'session_entry', id, { changed: { responsibility: { from: null, to: 'school' } } }),
      );
      rows[id] = { ...record, responsibility: 'school', updatedAt: entries.at(-1)!.at };
    }
    const { checked, differences } = compareWithJournal(
      replayJournal(entries, RULES),
      current({ session_entry: rows }),
    );
    expect(checked).toBe(10_000);
    expect(differences).toEqual([]);
  });
});
