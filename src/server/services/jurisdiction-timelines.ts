import type { CasePlan } from '../../domain/case-record.ts';
import { COUNT_UNIT_WORDS } from '../../domain/deadlines.ts';
import { profileFor, timelineOf } from '../../domain/jurisdictions.ts';
import type { Timeline as LetterTimeline } from '../../domain/letters.ts';

// The letter writer states a state's own timeline in one sentence ("I understand the meeting is to be
// held within 30 days ... of receiving this written request (Cal. Ed. Code 56343.5)"); the profiles hold
// it as a count with its citation and the school's duty in the letter's words. Only timelines with such
// words are stated: the federal records right (34 CFR 300.613(a): inspect and review, not copies) is in
// the letter's own sentence.

export function timelinesFor(plan: CasePlan): { meeting?: LetterTimeline; records?: LetterTimeline } {
  const profile = profileFor(plan);
  const out: { meeting?: LetterTimeline; records?: LetterTimeline } = {};
  for (const [key, id] of [
    ['meeting', 'meeting_after_request'],
    ['records', 'records_access'],
  ] as const) {
    const timeline = timelineOf(profile, id);
    if (timeline?.count && timeline.duty) {
      out[key] = {
        days: timeline.count.amount,
        unit: COUNT_UNIT_WORDS[timeline.count.unit],
        citation: timeline.citation.source,
        fromReceipt: timeline.fromReceipt,
        duty: timeline.duty,
      };
    }
  }
  return out;
}
