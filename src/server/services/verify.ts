import { createHash } from 'node:crypto';
import { z } from 'zod';
import { findCrossHouseholdReferences } from '../../store/cross-household.ts';
import type { Store } from '../../store/database.ts';
import { type ChainProblem, verifyChain } from '../../store/journal-hash.ts';
import { notFound } from '../errors.ts';

// Checks that a household's paper trail is whole: the journal's hash chain (every change, in
// order, unaltered) and every attachment's bytes against the SHA-256 they were stored under.

export const VerifyResult = z.object({
  householdId: z.string(),
  ok: z.boolean(),
  journal: z.object({
    entries: z.number(),
    /** The hash of the last entry: write it down (or keep a report) to notice a rewritten history later. */
    headHash: z.string().nullable(),
    problem: z
      .object({ seq: z.number(), entryId: z.string().nullable(), kind: z.string(), message: z.string() })
      .nullable(),
  }),
  attachments: z.object({
    checked: z.number(),
    problems: z.array(z.object({ attachmentId: z.string(), filename: z.string(), message: z.string() })),
  }),
  /** Records of this household that name a record of another household (see cross-household.ts). */
  references: z.object({
    problems: z.array(
      z.object({
        entity: z.string(),
        id: z.string(),
        path: z.string(),
        targetId: z.string(),
        message: z.string(),
      }),
    ),
  }),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export async function verifyHousehold(store: Store, householdId: string): Promise<VerifyResult> {
  const household = await store.db
    .selectFrom('household')
    .select('id')
    .where('id', '=', householdId)
    .executeTakeFirst();
  if (!household) throw notFound('Household', householdId);
  const rows = await store.db
    .selectFrom('journal')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('seq')
    .execute();
  const problem: ChainProblem | null = verifyChain(
    rows.map((r) => ({
      id: r.id,
      householdId: r.household_id,
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      data: r.data,
      prevHash: r.prev_hash,
      hash: r.hash,
    })),
  );

  const attachments = await store.db
    .selectFrom('attachment')
    .leftJoin('attachment_blob', (join) =>
      join
        .onRef('attachment_blob.household_id', '=', 'attachment.household_id')
        .onRef('attachment_blob.sha256', '=', 'attachment.sha256'),
    )
    .select(['attachment.id', 'attachment.filename', 'attachment.sha256', 'attachment_blob.content'])
    .where('attachment.household_id', '=', householdId)
    .orderBy('attachment.id')
    .execute();
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
  return {
    householdId,
    ok: problem === null && attachmentProblems.length === 0 && references.length === 0,
    journal: { entries: rows.length, headHash: rows.at(-1)?.hash ?? null, problem },
    attachments: { checked: attachments.length, problems: attachmentProblems },
    references: { problems: references },
  };
}
