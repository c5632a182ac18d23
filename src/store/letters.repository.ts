import { z } from 'zod';
import { type Db, parseJsonColumn, requireInHousehold } from './repository.ts';
import type { LetterRow } from './schema.ts';

// Letters the parent drafted from the record. Four of their columns are JSON, read here through their
// schemas: who they go to, the gaps and notes for the parent, the entries they quote, and what they
// were drafted for.

const Recipient = z.object({ name: z.string(), email: z.string().nullable() });
const Recipients = z.object({ to: z.array(Recipient), cc: z.array(Recipient) });
const Guidance = z.object({ placeholders: z.array(z.string()), notes: z.array(z.string()) });
const EntryIds = z.array(z.string());
/** What a letter was drafted for: its kind, and the record it is about when it is about one. */
const DraftRequest = z.looseObject({
  kind: z.string(),
  communicationId: z.string().nullish(),
  serviceId: z.string().nullish(),
  accommodationId: z.string().nullish(),
  to: z.string().nullish(),
});

export function letterRecipients(row: Pick<LetterRow, 'recipients'>) {
  return parseJsonColumn(Recipients, 'letter.recipients', row.recipients);
}

export function letterGuidance(row: Pick<LetterRow, 'guidance'>) {
  return parseJsonColumn(Guidance, 'letter.guidance', row.guidance);
}

export function letterEntryIds(row: Pick<LetterRow, 'entry_ids'>): string[] {
  return parseJsonColumn(EntryIds, 'letter.entry_ids', row.entry_ids);
}

export function letterRequest(row: Pick<LetterRow, 'request'>) {
  return parseJsonColumn(DraftRequest, 'letter.request', row.request);
}

/** A child's letters marked sent, by id, with what they were drafted for and the message that sent them. */
export function sentLettersOfChild(db: Db, householdId: string, childId: string) {
  return db
    .selectFrom('letter')
    .select(['id', 'kind', 'request', 'communication_id'])
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .where('status', '=', 'sent')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A letter of the household, or a 404 naming it. */
export function requireLetter(db: Db, householdId: string, id: string): Promise<LetterRow> {
  return requireInHousehold(db, 'letter', householdId, id, 'Letter');
}

export async function insertLetter(db: Db, row: LetterRow): Promise<void> {
  await db.insertInto('letter').values(row).execute();
}

/** The household's letters (of one child, when given), as a query the list's keyset pagination pages. */
export function lettersQuery(db: Db, householdId: string, childId: string | undefined) {
  const q = db.selectFrom('letter').selectAll().where('household_id', '=', householdId);
  return childId ? q.where('child_id', '=', childId) : q;
}

/** What the parent may edit in a draft. */
export async function updateLetterDraft(
  db: Db,
  householdId: string,
  id: string,
  fields: Pick<
    LetterRow,
    'subject' | 'body' | 'recipients' | 'respond_by' | 'attachment' | 'request' | 'updated_at'
  >,
): Promise<void> {
  await db
    .updateTable('letter')
    .set(fields)
    .where('household_id', '=', householdId)
    .where('id', '=', id)
    .execute();
}

/** A draft becomes sent, with the message that logs it. */
export async function setLetterSent(
  db: Db,
  householdId: string,
  id: string,
  communicationId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('letter')
    .set({ status: 'sent', communication_id: communicationId, updated_at: at })
    .where('household_id', '=', householdId)
    .where('id', '=', id)
    .execute();
}

export async function deleteLetter(db: Db, householdId: string, id: string): Promise<void> {
  await db.deleteFrom('letter').where('household_id', '=', householdId).where('id', '=', id).execute();
}
