import { z } from 'zod';
import { WORK_SAMPLE_CHECK_OUTCOMES } from '../domain/observations.ts';
import { type Db, parseJsonColumn } from './repository.ts';
import type { WorkSampleRow } from './schema.ts';

// A child's work samples (photos of the work), each with the accommodations the parent checked the
// work for (`accommodation_checks`, a JSON column read through its schema).

const AccommodationChecks = z.array(
  z.object({ accommodationId: z.string(), outcome: z.enum(WORK_SAMPLE_CHECK_OUTCOMES) }),
);
export type AccommodationCheck = z.infer<typeof AccommodationChecks>[number];

export type WorkSample = WorkSampleRow & { accommodationChecks: AccommodationCheck[] };

/** A child's work samples not voided, dated in a window (either end open), in date order. */
export async function workSamplesOfChild(
  db: Db,
  householdId: string,
  childId: string,
  window: { from?: string; to: string },
): Promise<WorkSample[]> {
  const rows = await db
    .selectFrom('work_sample')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .where('voided_at', 'is', null)
    .$if(window.from != null, (q) => q.where('date', '>=', window.from!))
    .where('date', '<=', window.to)
    .orderBy('date')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...r,
    accommodationChecks: parseJsonColumn(
      AccommodationChecks,
      'work_sample.accommodation_checks',
      r.accommodation_checks,
    ),
  }));
}
