import type { z } from 'zod';
import type { AmendmentFromDocumentInput, AmendmentFromDocumentResult } from '../../api/iep-documents.ts';
import { apiError } from '../../domain/api-errors.ts';
import { maxDate, minDate } from '../../domain/dates.ts';
import { parseOrThrow } from '../../domain/errors.ts';
import {
  type ComparedPlan,
  type CurrentService,
  comparePlanWithDocument,
  comparisonSummary,
} from '../../domain/iep-compare.ts';
import type { ServiceSegment } from '../../domain/service.ts';
import { requireChild } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import { deleteIepDocument, requireIepDocument } from '../../store/iep-documents.repository.ts';
import { behaviorStepInUse, planItemInUse } from '../../store/observations.repository.ts';
import { findPlan } from '../../store/plans.repository.ts';
import { serviceHasSessionEntries } from '../../store/session-entries.repository.ts';
import { teamOfChild } from '../../store/team-contacts.repository.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { insertAttachment } from './attachments.ts';
import { readyToSave, withPlace } from './iep-documents.ts';
import { recordVersionSource } from './plan-first-version.ts';
import { loadLiveContent, writeAmendment } from './plan-versions.ts';
import { writeDelete, writeRecord, writeUpdate } from './records.ts';
import { RESOURCES } from './resources.ts';

// "Read a new version of the IEP" (issue 16): the parent reviewed the new document's items, saw how they
// differ from the plan in force (src/domain/iep-compare.ts, the same comparison the review page shows),
// and saves them as an amendment. In one transaction: the file becomes an attachment, the amendment
// freezes the current version and opens a new one from its date (plan-versions.ts), the new version's
// content is changed item by item through the record service (each change checked and journaled as if
// made by hand), the new version names the document as its source, and the pending upload is gone.

type Input = z.output<typeof AmendmentFromDocumentInput>;
type Result = z.output<typeof AmendmentFromDocumentResult>;
type Kept = Result['kept'][number];

/** The plan's current content in the comparison's terms. */
async function comparedPlan(
  trx: Parameters<typeof loadLiveContent>[0],
  householdId: string,
  planId: string,
  childId: string,
): Promise<ComparedPlan> {
  const content = await loadLiveContent(trx, householdId, planId);
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    services: content.services.map((s) => s as unknown as CurrentService),
    accommodations: content.accommodations.map((a) => ({ id: a.id, text: text(a.text) })),
    goals: content.goals.map((g) => ({ id: g.id, area: text(g.area), text: text(g.text) })),
    keyDates: content.keyDates.map((k) => ({ id: k.id, kind: text(k.kind), date: text(k.date) })),
    behaviorSteps: content.behaviorSteps.map((b) => ({ id: b.id, kind: text(b.kind), text: text(b.text) })),
    team: (await teamOfChild(trx, householdId, childId)).map((t) => ({ id: t.id, name: t.name })),
  };
}

/** The segments of a service cut to end on `end` (those starting after it dropped). */
function segmentsUntil(segments: ServiceSegment[], end: string): ServiceSegment[] {
  return segments.filter((s) => s.startDate <= end).map((s) => ({ ...s, endDate: minDate(s.endDate, end) }));
}

export async function amendPlanFromDocument(
  store: Store,
  ctx: ServiceContext,
  id: string,
  body: Input,
  maxBytes: number,
): Promise<Result> {
  const { row, prepared } = await readyToSave(store, ctx, id, maxBytes);
  const plan = await findPlan(store.db, ctx.householdId, body.planId);
  if (!plan || plan.child_id !== row.child_id) throw notFound('Plan of this child', body.planId, 'planId');
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    await requireIepDocument(trx, ctx.householdId, id);
    await requireChild(trx, ctx.householdId, row.child_id);
    const current = await comparedPlan(trx, ctx.householdId, body.planId, row.child_id);
    const comparison = comparePlanWithDocument(current, body, body.effectiveFrom, new Set(body.keepIds));
    if (!comparison.changed) {
      throw apiError('conflict', 'document.nothingToAmend');
    }
    const summary = body.summary?.trim() || comparisonSummary(comparison);
    const version = await writeAmendment(trx, ctx, body.planId, {
      effectiveFrom: body.effectiveFrom,
      summary,
    });
    const file = await insertAttachment(trx, ctx, prepared);
    await recordVersionSource(trx, ctx, version, file.attachment.id);

    const kept: Kept[] = [];
    const at = (place: string, work: () => Promise<unknown>) =>
      work().catch((error: unknown) => {
        throw withPlace(error, place);
      });
    const byId = new Map(current.services.map((s) => [s.id, s]));
    for (const change of comparison.services) {
      if (change.change === 'same') continue;
      if (change.change === 'changed') {
        const service = byId.get(change.id)!;
        const doc = body.services[change.index]!;
        const after = doc.segments[0]!;
        // The new amount for the whole service: the earlier version keeps the old amount for its dates.
        await at(`services.${change.index}`, () =>
          writeUpdate(trx, ctx, RESOURCES.service, change.id, {
            setting: doc.setting,
            segments: [{ ...after, startDate: service.startDate, endDate: service.endDate, label: null }],
          }),
        );
      } else if (change.change === 'added') {
        const doc = body.services[change.index]!;
        const startDate = maxDate(doc.startDate, body.effectiveFrom);
        await at(`services.${change.index}`, () =>
          writeRecord(
            trx,
            ctx,
            RESOURCES.service,
            parseOrThrow(
              RESOURCES.service.input,
              {
                ...doc,
                planId: body.planId,
                startDate,
                segments: doc.segments.map((s) => ({ ...s, startDate: maxDate(s.startDate, startDate) })),
              },
              'services',
            ) as Record<string, unknown>,
          ),
        );
      } else {
        const service = byId.get(change.id)!;
        if (service.startDate <= change.endDate) {
          await writeUpdate(trx, ctx, RESOURCES.service, change.id, {
            endDate: change.endDate,
            segments: segmentsUntil(service.segments, change.endDate),
          });
        } else if (await serviceHasSessionEntries(trx, ctx.householdId, change.id)) {
          kept.push({
            section: 'services',
            id: change.id,
            text: service.name,
            reason:
              'It starts after the amendment and already has sessions logged: change it on the Plan page.',
          });
        } else await writeDelete(trx, ctx, RESOURCES.service, change.id);
      }
    }

    const removeOrKeep = async (
      section: 'accommodations' | 'goals',
      items: { id: string; text: string }[],
    ) => {
      const kind = section === 'accommodations' ? 'accommodation' : 'goal';
      for (const item of items) {
        if (await planItemInUse(trx, ctx.householdId, { kind, id: item.id })) {
          kept.push({
            section,
            id: item.id,
            text: item.text,
            reason:
              kind === 'accommodation'
                ? 'Observations are recorded against it, so it stays; delete it on the Plan page if it is no longer in the plan.'
                : 'Progress is recorded against it, so it stays; delete it on the Plan page if it is no longer in the plan.',
          });
        } else await writeDelete(trx, ctx, RESOURCES[kind], item.id);
      }
    };
    for (const i of comparison.accommodations.added)
      await at(`accommodations.${i}`, () =>
        writeRecord(
          trx,
          ctx,
          RESOURCES.accommodation,
          parseOrThrow(
            RESOURCES.accommodation.input,
            { ...body.accommodations[i], planId: body.planId },
            'accommodations',
          ) as Record<string, unknown>,
        ),
      );
    await removeOrKeep('accommodations', comparison.accommodations.removed);
    for (const i of comparison.goals.added)
      await at(`goals.${i}`, () =>
        writeRecord(
          trx,
          ctx,
          RESOURCES.goal,
          parseOrThrow(RESOURCES.goal.input, { ...body.goals[i], planId: body.planId }, 'goals') as Record<
            string,
            unknown
          >,
        ),
      );
    await removeOrKeep('goals', comparison.goals.removed);
    for (const i of comparison.behaviorSteps.added)
      await at(`behaviorSteps.${i}`, () =>
        writeRecord(
          trx,
          ctx,
          RESOURCES.behaviorStep,
          parseOrThrow(
            RESOURCES.behaviorStep.input,
            { ...body.behaviorSteps[i], planId: body.planId },
            'behaviorSteps',
          ) as Record<string, unknown>,
        ),
      );
    for (const step of comparison.behaviorSteps.removed) {
      if (await behaviorStepInUse(trx, ctx.householdId, step.id))
        kept.push({
          section: 'behaviorSteps',
          id: step.id,
          text: step.text,
          reason:
            'An incident records it as followed or skipped, so it stays; delete it on the Behavior page if it is no longer in the plan.',
        });
      else await writeDelete(trx, ctx, RESOURCES.behaviorStep, step.id);
    }
    for (const change of comparison.keyDates) {
      await at(`keyDates.${change.index}`, () =>
        change.id
          ? writeUpdate(trx, ctx, RESOURCES.keyDate, change.id, { date: change.after })
          : writeRecord(
              trx,
              ctx,
              RESOURCES.keyDate,
              parseOrThrow(
                RESOURCES.keyDate.input,
                { ...body.keyDates[change.index], planId: body.planId },
                'keyDates',
              ) as Record<string, unknown>,
            ),
      );
    }
    for (const i of comparison.team.added)
      await at(`team.${i}`, () =>
        writeRecord(
          trx,
          ctx,
          RESOURCES.teamContact,
          parseOrThrow(
            RESOURCES.teamContact.input,
            { ...body.team[i], childId: row.child_id },
            'team',
          ) as Record<string, unknown>,
        ),
      );
    await deleteIepDocument(trx, ctx.householdId, id);
    return {
      planId: body.planId,
      versionNumber: version.version_number,
      effectiveFrom: version.effective_from,
      summary,
      attachmentId: file.attachment.id,
      kept,
    };
  });
}
