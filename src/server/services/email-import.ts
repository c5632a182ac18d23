import type { z } from 'zod';
import type { AttachmentSchema } from '../../api/attachments.ts';
import type { EmailImportResult } from '../../api/communications.ts';
import { REPLY_EXPECTED_KINDS } from '../../domain/communications.ts';
import { EmailFileError, type ParsedEmail, parseEmailFile } from '../../importers/email.ts';
import type { Store } from '../../store/database.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { insertAttachment, type PreparedAttachment, prepareAttachment, storedIn } from './attachments.ts';
import { defaultReplyDate } from './communications.ts';
import { type ApiRecord, writeRecord } from './records.ts';
import { RESOURCES } from './resources.ts';

/** The contract's answer, with the messages as the record service returns them (untyped until it types them). */
type ImportedEmails = Omit<EmailImportResult, 'imported'> & { imported: ApiRecord[] };

// Dropping .eml or .mbox files into the communication log. Each message becomes an entry: its
// sender and recipients matched to the child's team contacts by address, sent or received by who
// wrote it, joined to the message it answers by Message-ID / In-Reply-To / References, with its
// attachments kept. A message already imported (same Message-ID) is skipped. The file is read and
// every attachment checked before anything is written, and the whole import is one transaction.

/** `number` is the message's place in the file (1 for the first), for messages about it. */
type Prepared = { email: ParsedEmail; number: number; files: PreparedAttachment[] };

export async function importEmails(
  store: Store,
  ctx: ServiceContext,
  input: { childId: string; bytes: Buffer; filename: string; maxBytes: number },
): Promise<ImportedEmails> {
  let emails: ParsedEmail[];
  try {
    emails = await parseEmailFile(input.bytes);
  } catch (error) {
    if (error instanceof EmailFileError) {
      const message = `"${input.filename}" ${error.message}; nothing was imported`;
      throw new AppError('validation_failed', message, [{ path: 'file', message }]);
    }
    throw error;
  }
  // Oldest first, so a reply in the same file finds the message it answers.
  const numbered = emails.map((email, i) => ({ email, number: i + 1 }));
  numbered.sort((a, b) => `${a.email.date}${a.email.time}`.localeCompare(`${b.email.date}${b.email.time}`));

  const skippedAttachments: EmailImportResult['skippedAttachments'] = [];
  const prepared: Prepared[] = [];
  for (const { email, number } of numbered) {
    const files: PreparedAttachment[] = [];
    for (const a of email.attachments) {
      try {
        files.push(
          await prepareAttachment(
            { filename: a.filename, bytes: a.bytes, maxBytes: input.maxBytes },
            storedIn(store.db, ctx.householdId),
          ),
        );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        skippedAttachments.push({ filename: a.filename, reason: error.message });
      }
    }
    prepared.push({ email, number, files });
  }

  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const child = await trx
      .selectFrom('child')
      .select('id')
      .where('household_id', '=', ctx.householdId)
      .where('id', '=', input.childId)
      .executeTakeFirst();
    if (!child) throw notFound('Child', input.childId, 'childId');
    const contacts = await trx
      .selectFrom('team_contact')
      .select(['id', 'email'])
      .where('household_id', '=', ctx.householdId)
      .where('child_id', '=', input.childId)
      .execute();
    const contactByAddress = new Map(
      contacts.filter((c) => c.email).map((c) => [c.email!.toLowerCase(), c.id] as const),
    );
    const members = await trx
      .selectFrom('membership')
      .innerJoin('user_account', 'user_account.id', 'membership.user_id')
      .select('user_account.email')
      .where('membership.household_id', '=', ctx.householdId)
      .execute();
    const family = new Set(members.map((m) => m.email.toLowerCase()));

    const idByMessageId = new Map<string, string>();
    const known = await trx
      .selectFrom('communication')
      .select(['id', 'message_id'])
      .where('household_id', '=', ctx.householdId)
      .where('message_id', 'is not', null)
      .execute();
    for (const k of known) idByMessageId.set(k.message_id!, k.id);

    const imported: ApiRecord[] = [];
    const duplicates: EmailImportResult['duplicates'] = [];
    const attachments = new Map<string, z.infer<typeof AttachmentSchema>>();
    for (const { email, number, files } of prepared) {
      if (email.messageId && idByMessageId.has(email.messageId)) {
        duplicates.push({ messageId: email.messageId, subject: email.subject });
        continue;
      }
      const sender = email.from[0]?.address ?? null;
      const everyone = [...email.from, ...email.to, ...email.cc];
      const contactIds = [
        ...new Set(everyone.map((a) => contactByAddress.get(a.address)).filter((id): id is string => !!id)),
      ];
      // Sent when a family member (or no team contact) wrote it; received when a team contact did.
      const direction =
        sender && family.has(sender)
          ? 'sent'
          : sender && contactByAddress.has(sender)
            ? 'received'
            : email.to.some((a) => contactByAddress.has(a.address))
              ? 'sent'
              : 'received';
      const others = everyone
        .filter((a) => !contactByAddress.has(a.address) && !family.has(a.address))
        .map((a) => (a.name ? `${a.name} <${a.address}>` : a.address));
      const parentRef = [email.inReplyTo, ...[...email.references].reverse()].find(
        (ref): ref is string => !!ref && idByMessageId.has(ref),
      );
      const attachmentIds: string[] = [];
      for (const file of files) {
        const stored = await insertAttachment(trx, ctx, file);
        attachments.set(stored.attachment.id, stored.attachment);
        if (!attachmentIds.includes(stored.attachment.id)) attachmentIds.push(stored.attachment.id);
      }
      const def = RESOURCES.communication;
      const record = {
        childId: input.childId,
        kind: 'email',
        direction,
        date: email.date,
        time: email.time,
        contactIds,
        otherParties: others.length > 0 ? [...new Set(others)].join(', ').slice(0, 500) : null,
        subject: email.subject?.slice(0, 500) ?? null,
        summary: (email.text || '(no text)').slice(0, 20000),
        decisions: null,
        nextSteps: null,
        inReplyToId: parentRef ? idByMessageId.get(parentRef)! : null,
        followsUpId: null,
        replyExpectedBy:
          direction === 'sent' && REPLY_EXPECTED_KINDS.has('email')
            ? await defaultReplyDate(trx, ctx.householdId, input.childId, email.date)
            : null,
        closedWithoutReply: false,
        messageId: email.messageId,
        attachmentIds,
      };
      // The message's own words become the record: one the log's rules refuse is named, never a 500.
      const parsed = def.input.safeParse(record);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = issue.path.map(String).join('.') || 'message';
        const where = emails.length > 1 ? `message ${number} of "${input.filename}"` : `"${input.filename}"`;
        const message = `${where} cannot be logged: its ${field} ${issue.message}; nothing was imported`;
        throw new AppError('validation_failed', message, [{ path: 'file', message }]);
      }
      const saved = await writeRecord(trx, ctx, def, parsed.data);
      if (email.messageId) idByMessageId.set(email.messageId, saved.id);
      imported.push(saved);
    }
    return { imported, duplicates, skippedAttachments, attachments: [...attachments.values()] };
  });
}
