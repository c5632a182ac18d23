import { z } from 'zod';
import { WORK_SAMPLE_CHECK_OUTCOMES } from '../domain/observations.ts';
import { isReadMemo } from './read-memo.ts';
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
  const samples = db
    .selectFrom('work_sample')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .where('voided_at', 'is', null);
  // Through a read memo (the caseload: the case record and the patterns ask for their own windows), the
  // child's samples not voided are read once, in date then id order, and each window is applied here as
  // the query below applies it (plan-reads.memo.test.ts compares the two).
  const rows = isReadMemo(db)
    ? (await samples.orderBy('date').orderBy('id').execute()).filter(
        (r) => (window.from == null || r.date >= window.from) && r.date <= window.to,
      )
    : await samples
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
