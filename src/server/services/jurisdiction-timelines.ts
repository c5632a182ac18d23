import type { CasePlan } from '../../domain/case-record.ts';
import { type CountUnit, profileFor, timelineOf } from '../../domain/jurisdictions.ts';
import type { Timeline as LetterTimeline } from '../../domain/letters.ts';

// The letter writer states a jurisdiction's timeline in one sentence ("within 30 days of this
// written request (Ed. Code 56343(c))"); the profiles hold it as a count with its citation. This
// turns one into the other, keeping California's vacation rule in the words.

const UNIT_WORDS: Record<CountUnit, string> = {
  calendar_days: 'days',
  school_days: 'school days',
  business_days: 'business days',
  calendar_days_outside_long_vacations: 'days (not counting school vacations longer than 5 school days)',
  years: 'years',
};

export function timelinesFor(plan: CasePlan): { meeting?: LetterTimeline; records?: LetterTimeline } {
  const profile = profileFor(plan);
  const out: { meeting?: LetterTimeline; records?: LetterTimeline } = {};
  for (const [key, id] of [
    ['meeting', 'meeting_after_request'],
    ['records', 'records_access'],
  ] as const) {
    const timeline = timelineOf(profile, id);
    if (timeline?.count) {
      out[key] = {
        days: timeline.count.amount,
        unit: UNIT_WORDS[timeline.count.unit],
        citation: timeline.citation.source,
      };
    }
  }
  return out;
}
