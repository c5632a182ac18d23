import { LivingIepNotesInput } from '../../api/living-iep.ts';
import {
  buildLivingIep,
  type LivingIep,
  type LivingIepLanguage,
  livingIepMarkdown,
  type ParentInput,
} from '../../domain/living-iep.ts';
import { renderLivingIepPdf } from '../../reports/living-iep-pdf.ts';
import { requireChild } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import { parentNotesOf, replaceParentNotes } from '../../store/living-iep.repository.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import type { ServiceContext } from '../context.ts';
import { parseOrThrow } from '../errors.ts';
import { gatherCaseRecord } from './case-record.ts';
import { journalChange } from './journal.ts';

// The living IEP of a child: built from the record on a day, with the parent's own words kept
// between visits (the concerns statement, the changes they want, their questions). Its own sentences
// (and the patterns' it quotes) are in the reader's language; the parent's words stay as written.

async function parentInput(store: Store, householdId: string, childId: string): Promise<ParentInput> {
  return parentNotesOf(store.db, householdId, childId);
}

export async function livingIepFor(
  store: Store,
  householdId: string,
  childId: string,
  asOf: string,
  language: LivingIepLanguage = 'en',
): Promise<LivingIep & { parentInput: ParentInput }> {
  const record = await gatherCaseRecord(
    store,
    householdId,
    childId,
    asOf,
    { name: 'Parent', email: null },
    language,
  );
  const input = await parentInput(store, householdId, childId);
  return { ...buildLivingIep(record, input, language), parentInput: input };
}

export async function livingIepAsPdf(
  store: Store,
  householdId: string,
  childId: string,
  asOf: string,
  language: LivingIepLanguage = 'en',
) {
  return renderLivingIepPdf(await livingIepFor(store, householdId, childId, asOf, language), language);
}

export async function livingIepAsMarkdown(
  store: Store,
  householdId: string,
  childId: string,
  asOf: string,
  language: LivingIepLanguage = 'en',
) {
  return livingIepMarkdown(await livingIepFor(store, householdId, childId, asOf, language), language);
}

export async function saveLivingIepNotes(store: Store, ctx: ServiceContext, childId: string, body: unknown) {
  const input = parseOrThrow(LivingIepNotesInput, body);
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    await requireChild(trx, ctx.householdId, childId);
    const at = ctx.clock.now();
    await replaceParentNotes(trx, ctx.householdId, childId, input, at);
    await journalChange(trx, ctx, {
      action: 'update',
      entity: 'living_iep_notes',
      entityId: childId,
      data: input,
      at,
    });
    return input;
  });
}
