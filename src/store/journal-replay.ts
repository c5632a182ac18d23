import { supersededVersionEnd } from '../domain/plan-versions.ts';

// What a household's journal says its records should be now. The hash chain (journal-hash.ts)
// proves the journal was not altered; replaying it proves the records were not altered either:
// every record must equal the state its journal entries lead to. Records are compared in the API
// shape the services write into the journal (`toApiRecord`, `toSessionEntry`, ...), so both sides
// are read through the same mappers and representation (numbers from PostgreSQL, 0/1 flags, JSON
// text) never shows as a difference. docs/paper-trail.md explains each rule below.

/** One journal entry, in seq order, with its data parsed from the stored JSON text. */
export type ReplayEntry = {
  seq: number;
  at: string;
  action: string;
  entity: string;
  entityId: string;
  /** Parsed data; `undefined` when the stored text is not JSON. */
  data: unknown;
};

export type ExpectedRecord = {
  table: string;
  id: string;
  /** The journal's last word on it: it exists (created or changed) or it was deleted. */
  exists: boolean;
  /** False when the journal changes or deletes it but no entry created it. */
  created: boolean;
  /** The fields the journal recorded, in API shape. A field it never recorded is absent (not compared). */
  fields: Readonly<Record<string, unknown>>;
  /** The last entry that set its state. */
  seq: number;
  /** Set when an entry about it could not be replayed: then it is not compared, and this says why. */
  unreplayable: string | null;
  /**
   * The first update entry whose `from` is not what the entries before it left: the record was
   * changed outside As Written between two entries (even if a later change hid it).
   */
  drift: Drift | null;
};

export type Drift = { seq: number; field: string; replayed: unknown; entryFrom: unknown };

export type ReplayRules = {
  /**
   * `table.field` (the field's name in the journal data) → the value of a field added by a migration,
   * for records whose `create` entry was written before the field existed. Collected from each
   * migration's `replayDefaults` (src/store/database.ts).
   */
  defaults: Readonly<Record<string, unknown>>;
  /** entity → its list in a plan version's snapshot (`service` → `services`), from the resource table. */
  planContent: Readonly<Record<string, string>>;
};

export type JournalReplay = Map<string, Map<string, ExpectedRecord>>;

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Records whose `update` entry carries the whole record instead of a diff: the service replaces the
 * row (the parent's words for the living IEP; the household's settings, as `{changed: {from, to}}`).
 */
const WHOLE_RECORD_UPDATES: Record<string, (data: unknown) => Fields | null> = {
  living_iep_notes: (data) => (isObject(data) ? data : null),
  household_settings: (data) =>
    isObject(data) && isObject(data.changed) && isObject(data.changed.to) ? data.changed.to : null,
};

type Change = { field: string; from: unknown; hasFrom: boolean; to: unknown };

/** `{changed: {field: {from, to}}}`, the diff every other update entry carries. */
function changesOf(data: unknown): Change[] | null {
  if (!isObject(data) || !isObject(data.changed)) return null;
  const out: Change[] = [];
  for (const [field, change] of Object.entries(data.changed)) {
    if (!isObject(change) || !('to' in change)) return null;
    out.push({ field, from: change.from, hasFrom: 'from' in change, to: change.to });
  }
  return out;
}

/** JSON with keys sorted, so two values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

/**
 * The first change whose `from` disagrees with the replayed value. A change whose `to` is already the
 * replayed value agrees with the replay whatever its `from` (version 1's start, moved by the plan's
 * entry before its own entry restates it).
 */
function driftOf(seq: number, fields: Fields, changes: Change[]): Drift | null {
  for (const c of changes) {
    if (!c.hasFrom || !(c.field in fields)) continue;
    const replayed = canonical(fields[c.field]);
    if (replayed !== canonical(c.from) && replayed !== canonical(c.to)) {
      return { seq, field: c.field, replayed: fields[c.field], entryFrom: c.from };
    }
  }
  return null;
}

/**
 * Replay a household's journal (entries in seq order) into the state each record should have now.
 * Linear in the number of entries (an amendment also walks the plan content replayed so far).
 */
export function replayJournal(entries: readonly ReplayEntry[], rules: ReplayRules): JournalReplay {
  const replay: JournalReplay = new Map();
  const tableOf = (name: string) => {
    let t = replay.get(name);
    if (!t) {
      t = new Map();
      replay.set(name, t);
    }
    return t;
  };
  const defaultsOf = new Map<string, [string, unknown][]>();
  for (const [key, value] of Object.entries(rules.defaults)) {
    const dot = key.indexOf('.');
    const table = key.slice(0, dot);
    defaultsOf.set(table, [...(defaultsOf.get(table) ?? []), [key.slice(dot + 1), value]]);
  }
  const withDefaults = (table: string, data: Fields): Fields => {
    const fields = { ...data };
    for (const [field, value] of defaultsOf.get(table) ?? []) if (!(field in fields)) fields[field] = value;
    return fields;
  };
  const put = (table: string, id: string, next: Omit<ExpectedRecord, 'table' | 'id'>) => {
    const previous = tableOf(table).get(id);
    // Once an entry about a record could not be replayed, its state is unknown from then on.
    const unreplayable = previous?.unreplayable ?? next.unreplayable;
    const drift = previous?.drift ?? next.drift;
    tableOf(table).set(id, { table, id, ...next, unreplayable, drift });
  };
  const unknownBase = (seq: number): Omit<ExpectedRecord, 'table' | 'id'> => ({
    exists: true,
    created: false,
    fields: {},
    seq,
    unreplayable: null,
    drift: null,
  });
  const refuse = (e: ReplayEntry, why: string) => {
    const previous = tableOf(e.entity).get(e.entityId) ?? {
      ...unknownBase(e.seq),
      table: e.entity,
      id: e.entityId,
    };
    tableOf(e.entity).set(e.entityId, {
      ...previous,
      seq: e.seq,
      unreplayable: previous.unreplayable ?? `journal entry ${e.seq} (${e.action} ${e.entity}) ${why}`,
    });
  };
  /** The plan's content as replayed so far: what an amendment freezes into the version it supersedes. */
  const contentOf = (planId: string): Fields => {
    const content: Fields = { plan: replay.get('plan')?.get(planId)?.fields ?? {} };
    for (const [entity, key] of Object.entries(rules.planContent)) {
      content[key] = [...(replay.get(entity)?.values() ?? [])]
        .filter((r) => r.exists && r.fields.planId === planId)
        .map((r) => r.fields);
    }
    return content;
  };

  for (const e of entries) {
    const previous = replay.get(e.entity)?.get(e.entityId);
    switch (e.action) {
      case 'create': {
        if (!isObject(e.data)) {
          refuse(e, 'carries no record');
          break;
        }
        put(e.entity, e.entityId, {
          exists: true,
          created: true,
          fields: withDefaults(e.entity, e.data),
          seq: e.seq,
          unreplayable: null,
          drift: null,
        });
        break;
      }
      case 'update': {
        const whole = WHOLE_RECORD_UPDATES[e.entity];
        if (whole) {
          const fields = whole(e.data);
          if (!fields) refuse(e, 'does not carry the record it wrote');
          else
            put(e.entity, e.entityId, {
              exists: true,
              created: true,
              fields: { ...fields, updatedAt: e.at },
              seq: e.seq,
              unreplayable: null,
              drift: null,
            });
          break;
        }
        const changes = changesOf(e.data);
        if (!changes) {
          refuse(e, 'does not say what it changed');
          break;
        }
        const base = previous ?? unknownBase(e.seq);
        // Every update writes the entry's own time as the record's updatedAt, in the same transaction.
        const fields: Fields = {
          ...base.fields,
          ...Object.fromEntries(changes.map((c) => [c.field, c.to])),
          updatedAt: e.at,
        };
        put(e.entity, e.entityId, {
          ...base,
          fields,
          seq: e.seq,
          drift: driftOf(e.seq, base.fields, changes),
        });
        // Version 1 of a plan starts with the plan (alignFirstVersion, in the same transaction): older
        // journals have only the plan's entry for it, newer ones also a plan_version update.
        const start = changes.find((c) => c.field === 'effectiveFrom');
        if (e.entity === 'plan' && start) {
          for (const version of replay.get('plan_version')?.values() ?? []) {
            if (version.fields.planId === e.entityId && version.fields.versionNumber === 1) {
              put('plan_version', version.id, {
                ...version,
                fields: { ...version.fields, effectiveFrom: start.to },
                seq: e.seq,
              });
            }
          }
        }
        break;
      }
      case 'delete': {
        const base = previous ?? unknownBase(e.seq);
        put(e.entity, e.entityId, { ...base, exists: false, seq: e.seq });
        break;
      }
      case 'amend': {
        // A plan amendment: the current version is frozen (its content as a snapshot, ending the day
        // before) and a new current version starts (plan-versions.ts, amendPlan).
        const data = e.data;
        if (
          e.entity !== 'plan' ||
          !isObject(data) ||
          typeof data.supersededVersionId !== 'string' ||
          !isObject(data.newVersion) ||
          typeof data.newVersion.id !== 'string' ||
          typeof data.newVersion.effectiveFrom !== 'string'
        ) {
          refuse(e, 'is not a plan amendment replay can read');
          break;
        }
        const superseded = replay.get('plan_version')?.get(data.supersededVersionId) ?? unknownBase(e.seq);
        put('plan_version', data.supersededVersionId, {
          ...superseded,
          fields: {
            ...superseded.fields,
            effectiveTo: supersededVersionEnd(data.newVersion.effectiveFrom),
            isCurrent: false,
            snapshot: contentOf(e.entityId),
          },
          seq: e.seq,
        });
        put('plan_version', data.newVersion.id, {
          exists: true,
          created: true,
          fields: withDefaults('plan_version', data.newVersion),
          seq: e.seq,
          unreplayable: null,
          drift: null,
        });
        break;
      }
      default:
        refuse(e, `is an action ("${e.action}") that verify does not know how to replay`);
    }
  }
  return replay;
}

// ---------------------------------------------------------------------------------------------
// Comparing

/** Current records per table, by id, read through the same mappers the services journal with. */
export type CurrentRecords = ReadonlyMap<string, ReadonlyMap<string, Fields | { unreadable: string }>>;

export type RecordDifferenceKind =
  /** A field's value is not the one the journal leads to. */
  | 'changed'
  /** A record no journal entry created. */
  | 'not_in_journal'
  /** The journal deleted it, but it is still there. */
  | 'deleted_in_journal'
  /** The journal created it and never deleted it, but it is not there. */
  | 'missing'
  /** An update entry's `from` is not what the entries before it left: changed outside As Written in between. */
  | 'changed_between_entries'
  /** An entry about it could not be replayed, so it could not be checked. */
  | 'not_replayable'
  /** Its stored data could not be read (JSON text that does not parse). */
  | 'unreadable';

export type RecordDifference = {
  kind: RecordDifferenceKind;
  table: string;
  id: string;
  /** The first field that differs (`snapshot.services.<id>.name` inside a plan version's snapshot). */
  field: string | null;
  journalValue: unknown;
  currentValue: unknown;
  /** The journal entry that set the expected state, when there is one. */
  seq: number | null;
  message: string;
};

const label = (table: string) => table.replace(/_/g, ' ');

/** A value for a message: numbers as they are, text in quotes, long values cut. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'absent';
  if (value === null) return 'empty';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

type FieldDifference = { field: string; journalValue: unknown; currentValue: unknown };

/**
 * The first field, in the current record's field order, whose value is not the journal's. Only
 * fields both sides have are compared: the journal never recorded a derived field (which entry
 * corrects a session) and an old entry may hold a field the record no longer has.
 */
function recordDifference(expected: Fields, current: Fields, prefix = ''): FieldDifference | null {
  for (const field of Object.keys(current)) {
    if (!(field in expected)) continue;
    const want = expected[field];
    const have = current[field];
    if (field === 'snapshot' && prefix === '' && isObject(want) && isObject(have)) {
      const inner = snapshotDifference(want, have);
      if (inner) return inner;
      continue;
    }
    if (canonical(want) !== canonical(have)) {
      return { field: prefix + field, journalValue: want, currentValue: have };
    }
  }
  return null;
}

/** A plan version's frozen content, compared record by record (lists keyed by id). */
function snapshotDifference(expected: Fields, current: Fields): FieldDifference | null {
  for (const key of Object.keys(current)) {
    if (!(key in expected)) continue;
    const want = expected[key];
    const have = current[key];
    const path = `snapshot.${key}`;
    if (isObject(want) && isObject(have)) {
      const inner = recordDifference(want, have, `${path}.`);
      if (inner) return inner;
      continue;
    }
    if (!Array.isArray(want) || !Array.isArray(have)) {
      if (canonical(want) !== canonical(have)) return { field: path, journalValue: want, currentValue: have };
      continue;
    }
    const byId = (items: unknown[]) =>
      new Map(items.filter(isObject).map((item) => [String(item.id), item] as const));
    const wanted = byId(want);
    const held = byId(have);
    for (const [id, item] of held) {
      const expectedItem = wanted.get(id);
      if (!expectedItem) return { field: `${path}.${id}`, journalValue: undefined, currentValue: item };
      const inner = recordDifference(expectedItem, item, `${path}.${id}.`);
      if (inner) return inner;
    }
    for (const [id, item] of wanted) {
      if (!held.has(id)) return { field: `${path}.${id}`, journalValue: item, currentValue: undefined };
    }
  }
  return null;
}

/**
 * Compare every current record with the state its journal leads to. Tables are taken in the order
 * of `current` (then any table only the journal names), records by id. One difference per record:
 * the first field that differs.
 */
export function compareWithJournal(
  replay: JournalReplay,
  current: CurrentRecords,
): { checked: number; differences: RecordDifference[] } {
  const differences: RecordDifference[] = [];
  let checked = 0;
  const tables = [...current.keys(), ...[...replay.keys()].filter((t) => !current.has(t))];
  for (const table of tables) {
    const expected = replay.get(table) ?? new Map<string, ExpectedRecord>();
    const rows = current.get(table);
    const ids = [...new Set([...expected.keys(), ...(rows?.keys() ?? [])])].sort();
    const what = label(table);
    for (const id of ids) {
      const want = expected.get(id);
      const have = rows?.get(id);
      const base = { table, id, field: null, journalValue: null, currentValue: null, seq: want?.seq ?? null };
      if (have) checked++;
      if (want?.unreplayable) {
        differences.push({
          ...base,
          kind: 'not_replayable',
          message: `${what} ${id}: ${want.unreplayable}, so this record could not be checked`,
        });
        continue;
      }
      if (!rows) {
        // A table the journal names that this version of verify does not read.
        if (want?.exists) {
          differences.push({
            ...base,
            kind: 'not_replayable',
            message: `${what} ${id}: the journal has entries for ${what} records (the last is entry ${want.seq}), which verify does not know how to read`,
          });
        }
        continue;
      }
      if (have && 'unreadable' in have && typeof have.unreadable === 'string') {
        differences.push({
          ...base,
          kind: 'unreadable',
          message: `${what} ${id} could not be read: ${have.unreadable}`,
        });
        continue;
      }
      if (!want) {
        differences.push({
          ...base,
          kind: 'not_in_journal',
          message: `${what} ${id} is in the database, but no journal entry created it: it was written outside As Written`,
        });
        continue;
      }
      if (!have) {
        if (want.exists) {
          differences.push({
            ...base,
            kind: 'missing',
            message: `${what} ${id} is missing: the journal ${want.created ? 'created it' : 'changed it'} (entry ${want.seq}) and never deleted it`,
          });
        }
        continue;
      }
      if (!want.exists) {
        differences.push({
          ...base,
          kind: 'deleted_in_journal',
          message: `${what} ${id} is still in the database, but the journal deleted it (entry ${want.seq})`,
        });
        continue;
      }
      if (!want.created) {
        differences.push({
          ...base,
          kind: 'not_in_journal',
          message: `${what} ${id}: the journal changes it (entry ${want.seq}) but no journal entry created it: it was written outside As Written`,
        });
        continue;
      }
      const diff = recordDifference(want.fields, have as Fields);
      if (diff) {
        differences.push({
          ...base,
          kind: 'changed',
          ...diff,
          message: `${what} ${id}: ${diff.field} is ${showValue(diff.currentValue)} in the record but ${showValue(diff.journalValue)} in the journal`,
        });
        continue;
      }
      if (want.drift) {
        const d = want.drift;
        differences.push({
          ...base,
          kind: 'changed_between_entries',
          field: d.field,
          journalValue: d.replayed,
          currentValue: d.entryFrom,
          seq: d.seq,
          message: `${what} ${id}: journal entry ${d.seq} changed ${d.field} from ${showValue(d.entryFrom)}, but the entries before it left ${showValue(d.replayed)}: it was changed outside As Written in between`,
        });
      }
    }
  }
  return { checked, differences };
}
