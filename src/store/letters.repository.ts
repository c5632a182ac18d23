import { z } from 'zod';
import { type Db, parseJsonColumn } from './repository.ts';
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
    .orderBy('id')
    .execute();
}
