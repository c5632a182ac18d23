// Every rule over the record, ordered by urgency and action, one open recommendation per problem.

import type { CaseRecord } from '../case-record.ts';
import { accommodationRules } from './accommodation-rules.ts';
import { communicationRules } from './communication-rules.ts';
import { type Context, context, unique } from './context.ts';
import { findingRules } from './finding-rules.ts';
import { parentNoteRules } from './parent-note-rules.ts';
import type { AdvisorAction, Recommendation, RecommendationDeadline, Urgency } from './recommendation.ts';
import { reviewDateRules } from './review-date-rules.ts';
import { serviceLogRules } from './service-log-rules.ts';
import { serviceRules } from './service-rules.ts';
import type { AdvisorSettings } from './settings.ts';
import type { AdviceLanguage } from './words.ts';

const URGENCY_ORDER: Record<Urgency, number> = { high: 0, normal: 1, low: 2 };

const ACTION_ORDER: Record<AdvisorAction, number> = {
  escalate: 0,
  call_iep_meeting: 1,
  follow_up_supervisor: 2,
  request_makeup: 3,
  follow_up: 3,
  write_follow_up: 4,
  request_logs: 5,
  check_in: 6,
};

function byPriority(a: Recommendation, b: Recommendation): number {
  return (
    URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] ||
    ACTION_ORDER[a.action] - ACTION_ORDER[b.action] ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * At most one open recommendation per problem and kind. Every meeting suggestion becomes one: a meeting
 * request letter already lists every open concern (services owed, accommodations, goals, what you
 * noted), so three "ask for a meeting" cards would be three copies of one letter. The first by priority
 * keeps its id and gathers the others' reasons, entries, deadlines and contacts.
 */
function oneOpenPerProblem(ctx: Context, sorted: readonly Recommendation[]): Recommendation[] {
  const meetings = sorted.filter((r) => r.action === 'call_iep_meeting');
  const merged: Recommendation | null =
    meetings.length <= 1
      ? (meetings[0] ?? null)
      : {
          ...meetings[0]!,
          reason: `${meetings[0]!.reason} ${ctx.w.say('meeting.alsoCovers', {
            topics: ctx.w.list(
              meetings
                .slice(1)
                .map((m) => lowerFirstWord(m.title.replace(MEETING_TITLE_START[ctx.w.language], ''))),
            ),
          })}`,
          entryIds: unique(meetings.flatMap((m) => m.entryIds)),
          thresholds: uniqueBy(
            meetings.flatMap((m) => m.thresholds),
            (t) => t.name,
          ),
          deadlines: mergedDeadlines(meetings.flatMap((m) => m.deadlines)),
          contactIds: unique(meetings.flatMap((m) => m.contactIds)),
          alsoCovers: meetings.slice(1).map((m) => ({ id: m.id, rule: m.rule, title: m.title })),
        };
  const out: Recommendation[] = [];
  const kept = new Map<string, Recommendation>();
  for (const r of sorted) {
    if (r.action === 'call_iep_meeting') {
      if (r !== meetings[0]) continue;
      out.push(merged!);
      continue;
    }
    const key = `${r.subjectId}|${r.action}`;
    const first = kept.get(key);
    if (first) {
      // The same problem and kind twice (logs asked for two reasons): one card, naming the other.
      first.alsoCovers = [...(first.alsoCovers ?? []), { id: r.id, rule: r.rule, title: r.title }];
      first.entryIds = unique([...first.entryIds, ...r.entryIds]);
      continue;
    }
    const copy = { ...r };
    kept.set(key, copy);
    out.push(copy);
  }
  return out;
}

/**
 * The deadlines of several problems on one card: each filing window once, at its earliest date (the
 * oldest problem's: filing one complaint in time covers the later ones too, and listing the same window
 * once per service read as several deadlines); every other deadline once.
 */
function mergedDeadlines(all: readonly RecommendationDeadline[]): RecommendationDeadline[] {
  const earliest = new Map<string, RecommendationDeadline>();
  for (const d of all) {
    if (!d.window) continue;
    const seen = earliest.get(d.window);
    if (!seen || d.date < seen.date) earliest.set(d.window, d);
  }
  return uniqueBy(
    all.filter((d) => !d.window || earliest.get(d.window) === d),
    (d) => `${d.label}|${d.date}`,
  );
}

/** How a meeting recommendation's title starts, in each language ("Ask for an IEP meeting about"). */
const MEETING_TITLE_START: Readonly<Record<AdviceLanguage, RegExp>> = {
  en: /^Ask for an? .+? meeting(?: about| to| for|:)?\s*/i,
  es: /^Pida una reunión del? .+?(?: sobre|:)\s+/i,
};

function lowerFirstWord(text: string): string {
  return text.length > 0 && !/^[A-Z]{2}/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/**
 * Recommendations for a child's record on `record.asOf`, most urgent first (then escalations, meetings,
 * follow-ups, log requests, check-ins; then by id), at most one per problem and kind. Without a plan,
 * only the communication rules run. Worded in `language` (./words.ts): English by default; ids, rules,
 * actions, citations, dates and numbers are the same in every language.
 */
export function advise(
  record: CaseRecord,
  settings: AdvisorSettings,
  language: AdviceLanguage = 'en',
): Recommendation[] {
  const ctx = context(record, settings, language);
  return oneOpenPerProblem(
    ctx,
    [
      ...communicationRules(ctx),
      ...serviceRules(ctx),
      ...serviceLogRules(ctx),
      ...accommodationRules(ctx),
      ...findingRules(ctx),
      ...parentNoteRules(ctx),
      ...reviewDateRules(ctx),
    ].sort(byPriority),
  ).map((r) => ({ ...r, deadlines: r.deadlines.map(({ window: _, ...d }) => d) }));
}
