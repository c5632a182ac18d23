import { createHash } from 'node:crypto';
import type { VerifyResult } from '../../api/households.ts';
import { fingerprintWords, locateFingerprint, readFingerprint } from '../../domain/fingerprint.ts';
import { findHousehold } from '../../store/accounts.repository.ts';
import { attachmentsWithBytes } from '../../store/attachments.repository.ts';
import { findCrossHouseholdReferences } from '../../store/cross-household.ts';
import { REPLAY_DEFAULTS, type Store } from '../../store/database.ts';
import { householdRowsOfTable } from '../../store/household-rows.repository.ts';
import { settingsFromRow } from '../../store/household-settings.repository.ts';
import { journalEntryOf, journalOfHousehold } from '../../store/journal.repository.ts';
import { type ChainProblem, verifyChain } from '../../store/journal-hash.ts';
import {
  type CurrentRecords,
  compareWithJournal,
  type ReplayEntry,
  replayJournal,
} from '../../store/journal-replay.ts';
import type { Database } from '../../store/schema.ts';
import { invalid, notFound } from '../errors.ts';
import { toAttachment } from './attachments.ts';
import { toHousehold } from './households.ts';
import { toLetterRecord } from './letters.ts';
import { toPlanVersion } from './plan-versions.ts';
import { rowToRecord } from './record-mapping.ts';
import { toApiRecord } from './records.ts';
import { RESOURCES } from './resources.ts';
import { toServiceLogImport, toServiceLogMark } from './service-logs.ts';
import { toSessionEntry } from './session-entries.ts';

// Checks that a household's paper trail is whole: the journal's hash chain (every change, in
// order, unaltered), every record against the state its journal entries lead to (the replay in
// src/store/journal-replay.ts), and every attachment's bytes against the SHA-256 they were stored
// under. docs/paper-trail.md says what this proves and what it cannot.

// biome-ignore lint/suspicious/noExplicitAny: rows of many tables, each read by its own mapper
type AnyRow = any;

/**
 * Every table of a child's record, in dependency order, with the key its journal entries name and
 * the mapper its service journals with: a record is compared in the shape the journal holds.
 */
const RECORD_READERS: { table: keyof Database & string; key: string; read: (row: AnyRow) => object }[] = [
  { table: 'household', key: 'id', read: toHousehold },
  { table: 'attachment', key: 'id', read: toAttachment },
  { table: 'child', key: 'id', read: (row) => toApiRecord(RESOURCES.child, row) },
  { table: 'plan', key: 'id', read: (row) => toApiRecord(RESOURCES.plan, row) },
  {
    table: 'plan_version',
    key: 'id',
    read: (row) => ({
      ...toPlanVersion(row),
      snapshot: row.snapshot == null ? null : JSON.parse(row.snapshot),
    }),
  },
  ...Object.values(RESOURCES)
    .filter((def) => def.table !== 'child' && def.table !== 'plan')
    .map((def) => ({ table: def.table, key: 'id', read: (row: AnyRow) => toApiRecord(def, row) })),
  {
    table: 'household_settings',
    key: 'household_id',
    read: (row) => ({ ...settingsFromRow(row), updatedAt: row.updated_at }),
  },
  {
    table: 'letter',
    key: 'id',
    // toneFlags are worked out from the body when read, never stored.
    read: (row) => {
      const { toneFlags: _flags, ...letter } = toLetterRecord(row);
      return { ...letter, request: JSON.parse(row.request) };
    },
  },
  {
    table: 'living_iep_notes',
    key: 'child_id',
    read: (row) => rowToRecord(row, ['changes', 'questions']),
  },
  {
    table: 'check_in',
    key: 'id',
    // The answers as stored, not read through today's schema (which fills in fields added since):
    // a check-in is compared in the shape its journal entry holds.
    read: (row) => rowToRecord(row, ['answers']),
  },
  {
    table: 'session_entry',
    key: 'id',
    // Which entry corrects this one is derived from the other entries, not stored in this one.
    read: (row) => {
      const { correctedByEntryId: _by, ...entry } = toSessionEntry(row, null);
      return entry;
    },
  },
  // A school service log brought in (journaled whole, with its rows and the file's SHA-256), and the marks on it.
  { table: 'service_log_import', key: 'id', read: toServiceLogImport },
  { table: 'service_log_mark', key: 'id', read: toServiceLogMark },
];

/** Tables of a household that replay does not compare, and why. */
export const NOT_REPLAYED: Readonly<Record<string, string>> = {
  journal: 'the journal itself, checked by its hash chain',
  attachment_blob: "a file's bytes, checked against the SHA-256 its attachment was journaled with",
  membership: 'who may see the household: access, kept in the audit trail',
  access_token: 'invitations, staff links and calendar feeds: access, kept in the audit trail',
  audit_event: 'the audit trail of access, not part of the record',
  reminder_sent: 'which reminder emails went out, so none goes twice',
  job: 'background jobs (a large email import): operational; the records a job writes are journaled and replayed',
  iep_document:
    'an IEP document being read and reviewed, not yet part of the record: the plan saved from it is journaled record by record, its file as an attachment',
  iep_document_bytes: 'the file of an IEP document being reviewed (see iep_document)',
  district_calendar:
    'district calendars read by their address and what the last read saw: operational; every calendar day one adds is journaled (the subscription named as who added it) and replayed',
  service_log_mapping:
    'a column mapping remembered for the next service log from the same school: a convenience, not the record (the mapping each import used is journaled with it)',
};

/** The tables whose every row is compared with the journal. */
export const REPLAYED_TABLES: readonly string[] = RECORD_READERS.map((r) => r.table);

const PLAN_CONTENT: Record<string, string> = Object.fromEntries(
  Object.values(RESOURCES).flatMap((def) =>
    'planContent' in def && def.planContent ? [[def.entity, def.planContent]] : [],
  ),
);

/** At most this many differing records are listed; `differing` counts them all. */
const LISTED_RECORD_PROBLEMS = 20;

async function readCurrentRecords(store: Store, householdId: string): Promise<CurrentRecords> {
  const current = new Map<string, Map<string, object>>();
  for (const reader of RECORD_READERS) {
    const rows = await householdRowsOfTable(store.db, reader.table, householdId);
    const byId = new Map<string, object>();
    for (const row of rows) {
      let record: object;
      try {
        record = reader.read(row);
      } catch (error) {
        // A JSON column edited into text that does not parse: named, not thrown.
        record = { unreadable: error instanceof Error ? error.message : String(error) };
      }
      byId.set(String(row[reader.key]), record);
    }
    current.set(reader.table, byId);
  }
  return current as CurrentRecords;
}

function parseData(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Checks one household's paper trail. With `options.expectHead`, also checks a fingerprint the family
 * wrote down earlier (src/domain/fingerprint.ts): the record verifies only if that entry is still in
 * the journal.
 */
export async function verifyHousehold(
  store: Store,
  householdId: string,
  options: { expectHead?: string } = {},
): Promise<VerifyResult> {
  const written = options.expectHead === undefined ? null : readFingerprint(options.expectHead);
  if (written && !written.ok) throw invalid('expectHead', written.message);
  const household = await findHousehold(store.db, householdId);
  if (!household) throw notFound('Household', householdId);
  const rows = await journalOfHousehold(store.db, householdId);
  const problem: ChainProblem | null = verifyChain(rows.map(journalEntryOf));

  const attachments = await attachmentsWithBytes(store.db, householdId);
  const attachmentProblems: VerifyResult['attachments']['problems'] = [];
  for (const a of attachments) {
    if (!a.content) {
      attachmentProblems.push({
        attachmentId: a.id,
        filename: a.filename,
        message: `"${a.filename}" has no stored bytes`,
      });
      continue;
    }
    const actual = createHash('sha256').update(Buffer.from(a.content)).digest('hex');
    if (actual !== a.sha256) {
      attachmentProblems.push({
        attachmentId: a.id,
        filename: a.filename,
        message: `"${a.filename}" was changed after it was stored (its SHA-256 is now ${actual.slice(0, 12)}…, stored as ${a.sha256.slice(0, 12)}…)`,
      });
    }
  }
  const references = (await findCrossHouseholdReferences(store.db, { householdId })).map((r) => ({
    entity: r.table,
    id: r.id,
    path: r.path,
    targetId: r.targetId,
    message: `${r.table.replace(/_/g, ' ')} ${r.id}: ${r.path} names ${r.targetId}, a record of another household (run "as-written repair --cross-household")`,
  }));
  const replay = replayJournal(
    rows.map(
      (r): ReplayEntry => ({
        seq: Number(r.seq),
        at: r.at,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        data: parseData(r.data),
      }),
    ),
    { defaults: REPLAY_DEFAULTS, planContent: PLAN_CONTENT },
  );
  const records = compareWithJournal(replay, await readCurrentRecords(store, householdId));
  const expected =
    written?.ok === true
      ? locateFingerprint(
          rows.map((r) => r.hash),
          written.hex,
        )
      : null;
  return {
    householdId,
    ok:
      problem === null &&
      records.differences.length === 0 &&
      attachmentProblems.length === 0 &&
      references.length === 0 &&
      (expected === null || expected.found),
    ...(expected ? { expectedHead: { ...expected, message: fingerprintWords(expected) } } : {}),
    journal: { entries: rows.length, headHash: rows.at(-1)?.hash ?? null, problem },
    records: {
      checked: records.checked,
      differing: records.differences.length,
      problems: records.differences.slice(0, LISTED_RECORD_PROBLEMS),
    },
    attachments: { checked: attachments.length, problems: attachmentProblems },
    references: { problems: references },
  };
}

/** The first thing verify found wrong, in plain words, or null when everything checks out. */
export function firstProblem(result: VerifyResult): string | null {
  return (
    result.journal.problem?.message ??
    result.records.problems[0]?.message ??
    result.attachments.problems[0]?.message ??
    result.references.problems[0]?.message ??
    (result.expectedHead && !result.expectedHead.found ? result.expectedHead.message : null)
  );
}
