// What every rule reads (the record, the settings, today, the jurisdiction's profile and calendar), and the
// words and small helpers the rules share.

import type { AdvisorSettingName } from '../advisor-settings.ts';
import type { CaseContact, CaseRecord } from '../case-record.ts';
import { type Communication, replyState } from '../communications.ts';
import { daysBetween, formatRecordDate, formatShortDate, toDayNumber } from '../dates.ts';
import { caseCalendar, type DeadlineCalendar } from '../deadlines.ts';
import { type JurisdictionProfile, type ProductChoice, profileFor } from '../jurisdictions.ts';
import type { ThresholdUsed } from './recommendation.ts';
import { ADVISOR_SETTING_NOTES, type AdvisorSettings, DEFAULT_ADVISOR_SETTINGS } from './settings.ts';
import { type AdviceLanguage, type AdviceWords, adviceWords } from './words.ts';

export type Context = {
  record: CaseRecord;
  settings: AdvisorSettings;
  asOf: string;
  profile: JurisdictionProfile | null;
  calendar: DeadlineCalendar;
  communications: Communication[];
  contactsById: Map<string, CaseContact>;
  /** The reader's words: every sentence of a recommendation goes through them (./words.ts). */
  w: AdviceWords;
};

/** "Sep 15, 2026": deadlines cross years, so they carry one. */
export function formatDate(date: string): string {
  return formatRecordDate(date, 'monthDayYear');
}

export function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

export function productChoice(text: string): ProductChoice {
  return { productChoice: true, text };
}

export function settingThreshold(name: AdvisorSettingName, value: number): ThresholdUsed {
  return {
    name,
    value,
    basis: productChoice(
      `${ADVISOR_SETTING_NOTES[name]} Default ${DEFAULT_ADVISOR_SETTINGS[name]}; you can change it.`,
    ),
  };
}

/** "IEP" -> "an IEP", "504 plan" -> "a 504 plan". */
export function withArticle(word: string): string {
  return /^[AEIOU]/.test(word) ? `an ${word}` : `a ${word}`;
}

export function planName(ctx: Context): string {
  return ctx.profile?.planName ?? 'plan';
}

const PLAN_KINDS: Readonly<Record<string, string>> = { IEP: 'iep', '504 plan': 'plan504', IPP: 'ipp' };

/** The plan's name in the reader's words: "IEP", "504 plan" ("plan 504"). */
export function planWords(ctx: Context): string {
  const name = ctx.profile?.planName ?? null;
  return ctx.w.say('planName', {
    kind: name == null ? 'none' : (PLAN_KINDS[name] ?? 'other'),
    plan: planName(ctx),
  });
}

/** "Ask for an IEP meeting", "Ask for a 504 plan meeting": how the title of a meeting recommendation starts. */
export function askForMeeting(ctx: Context): string {
  const plan = planName(ctx);
  return ctx.w.say('askForMeeting', {
    plan: planWords(ctx),
    an: withArticle(plan).startsWith('an ') ? 'yes' : 'no',
  });
}

export function contactNames(ctx: Context, ids: readonly string[]): string {
  const names = ids.map((id) => ctx.contactsById.get(id)?.name).filter((n): n is string => n != null);
  return names.length > 0 ? ctx.w.list(names) : ctx.w.say('theSchool');
}

/** A message by its subject, else "your message of Tue, Sep 15", in the reader's words. */
export function messageWords(ctx: Context, message: Communication): string {
  return message.subject
    ? `“${message.subject}”`
    : ctx.w.say('yourMessageOf', { date: ctx.w.shortDate(message.date) });
}

export function messageName(message: Communication): string {
  return message.subject ? `“${message.subject}”` : `your message of ${formatShortDate(message.date)}`;
}

/** Whether a day is in the last `days` days up to asOf: asOf itself is day 0, asOf - (days - 1) the last. */
export function withinLastDays(date: string, asOf: string, days: number): boolean {
  const age = daysBetween(date, asOf);
  return age >= 0 && age < days;
}

export function earliestAndLatest(
  dates: readonly string[],
  fallback: string,
): { earliest: string; latest: string } {
  if (dates.length === 0) return { earliest: fallback, latest: fallback };
  const sorted = [...dates].sort();
  return { earliest: sorted[0]!, latest: sorted[sorted.length - 1]! };
}

export function byDateTimeId(a: Communication, b: Communication): number {
  const ka = `${a.date} ${a.time ?? ''} ${a.id}`;
  const kb = `${b.date} ${b.time ?? ''} ${b.id}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Written messages (not calls or meetings) the family sent, oldest first. */
export function sentWritten(ctx: Context): Communication[] {
  return ctx.communications
    .filter((c) => c.direction === 'sent' && c.kind !== 'phone' && c.kind !== 'meeting')
    .sort(byDateTimeId);
}

/** Letters sent of the given kinds about `subjectId` (or about everything), on or after `since`, oldest first. */
export function lettersSentAbout(
  ctx: Context,
  kinds: readonly string[],
  subjectId: string | null,
  since: string,
): NonNullable<CaseRecord['lettersSent']> {
  return (ctx.record.lettersSent ?? [])
    .filter(
      (l) =>
        kinds.includes(l.kind) &&
        l.date >= since &&
        l.date <= ctx.asOf &&
        (subjectId == null || l.subjectId == null || l.subjectId === subjectId),
    )
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.letterId < y.letterId ? -1 : 1));
}

/** Whether the reply window of a sent message passed (answered, closed, or past its reply date). */
export function windowPassed(ctx: Context, communicationId: string): boolean {
  const message = ctx.communications.find((c) => c.id === communicationId);
  if (!message) return true;
  return replyState(message, ctx.communications, ctx.asOf).state !== 'waiting';
}

export function context(
  record: CaseRecord,
  settings: AdvisorSettings,
  language: AdviceLanguage = 'en',
): Context {
  toDayNumber(record.asOf); // throws on a malformed date
  return {
    record,
    settings,
    asOf: record.asOf,
    profile: record.plan ? profileFor(record.plan) : null,
    calendar: caseCalendar(record),
    // Entries dated after "today" are not known yet (a test clock, or an import with a wrong date).
    communications: record.communications.filter((c) => c.date <= record.asOf),
    contactsById: new Map(record.team.map((c) => [c.id, c])),
    w: adviceWords(language),
  };
}
