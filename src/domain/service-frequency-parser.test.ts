import { describe, expect, it } from 'vitest';
import type { ServiceArea } from './service.ts';
import { ServiceAmount } from './service.ts';
import {
  areaOf,
  type ParsedAmount,
  type ParsedServiceLine,
  parseServiceLine,
} from './service-frequency-parser.ts';
import { readSpanish } from './service-frequency-spanish.ts';

/** A full amount: everything not given is null. */
function amount(a: Partial<ParsedAmount> & Pick<ParsedAmount, 'period'>): ParsedAmount {
  return {
    minutesPerSession: null,
    sessionsPerPeriod: null,
    minutesPerPeriod: null,
    pattern: null,
    label: null,
    startDate: null,
    endDate: null,
    ...a,
    period: { unit: a.period.unit, cycleDays: a.period.cycleDays ?? null },
  };
}
const week = { unit: 'week', cycleDays: null } as const;
const day = { unit: 'day', cycleDays: null } as const;
const month = { unit: 'month', cycleDays: null } as const;
const year = { unit: 'year', cycleDays: null } as const;
const cycle = (cycleDays: number | null) => ({ unit: 'cycle', cycleDays }) as const;

type Case = {
  rule: string;
  text: string;
  amounts: ParsedAmount[];
  complete: boolean;
  /** Line-level fields to check (any not listed are checked to be null/false below when `bare`). */
  line?: Partial<Omit<ParsedServiceLine, 'amounts' | 'unread' | 'complete' | 'text'>>;
  /** Each string must appear in one unread message; with `[]` nothing may be unread. */
  unread?: string[];
};

const BARE = {
  name: null,
  area: null,
  setting: null,
  delivery: null,
  groupSizeLimit: null,
  providerRole: null,
  location: null,
  esy: false,
};

const CASES: Case[] = [
  // Minutes per session times a count per period
  {
    rule: "'30 minutes 2 times per week' reads as two 30-minute sessions a week",
    text: '30 minutes 2 times per week',
    amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 2, period: week })],
    complete: true,
    unread: [],
  },
  {
    rule: "'2x30' reads as two 30-minute sessions",
    text: '2x30 minutes weekly',
    amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 2, period: week })],
    complete: true,
    unread: [],
  },
  {
    rule: "'1X20' with a period reads as one 20-minute session (upper-case X)",
    text: 'Speech 1X20 weekly',
    amounts: [amount({ minutesPerSession: 20, sessionsPerPeriod: 1, period: week })],
    complete: true,
    line: { name: 'Speech', area: 'speech' },
    unread: [],
  },
  {
    rule: "'2 x 30 min/wk' reads the x-notation and the slash period",
    text: '2 x 30 min/wk',
    amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 2, period: week })],
    complete: true,
    unread: [],
  },
  {
    rule: "'30 min x 2' puts the minutes first when the unit says so",
    text: 'OT 30 min x 2 per month',
    amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 2, period: month })],
    complete: true,
    line: { name: 'OT', area: 'ot' },
    unread: [],
  },
  {
    rule: "'twice weekly for 30 minutes' reads 'twice' as 2",
    text: 'twice weekly for 30 minutes',
    amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 2, period: week })],
    complete: true,
    unread: [],
  },
  {
    rule: "'45 min. 2x/week' reads the abbreviation with a full stop",
    text: '45 min. 2x/week',
    amounts: [amount({ minutesPerSession: 45, sessionsPerPeriod: 2, period: week })],
    complete: true,
    unread: [],
  },
  {
    rule: "'daily 20 minutes' is one 20-minute session each day",
    text: 'daily 20 minutes',
    amounts: [amount({ minutesPerSession: 20, sessionsPerPeriod: 1, period: day })],
    complete: true,
    unread: [],
  },
  {
    rule: 'numbers as words: "thirty minutes three times a week"',
    text: 'Thirty minutes three times a week',
    amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 3, period: week })],
    complete: true,
    unread: [],
  },
  {
    rule: '"N days per week" counts sessions',
    text: 'Reading intervention, 45 minutes, 4 days per week',
    amounts: [amount({ minutesPerSession: 45, sessionsPerPeriod: 4, period: week })],
    complete: true,
    line: { name: 'Reading intervention', area: 'specialized_instruction' },
    unread: [],
  },
  {
    rule: "'semi-annually' is twice a year",
    text: 'Assistive technology consultation 30 minutes semi-annually',
    amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 2, period: year })],
    complete: true,
    line: {
      name: 'Assistive technology consultation',
      area: 'other',
      setting: 'consultation',
      delivery: 'consult',
    },
    unread: [],
  },
  // Totals per period
  {
    rule: "'90 minutes weekly' is a weekly total, not a session length",
    text: '90 minutes weekly',
    amounts: [amount({ minutesPerPeriod: 90, period: week })],
    complete: true,
    unread: [],
  },
  {
    rule: "'4 hours per week' is 240 minutes a week",
    text: 'Specialized academic instruction 4 hours per week',
    amounts: [amount({ minutesPerPeriod: 240, period: week })],
    complete: true,
    line: { name: 'Specialized academic instruction', area: 'specialized_instruction' },
    unread: [],
  },
  {
    rule: "'120 min per month' is a monthly total",
    text: '120 min per month',
    amounts: [amount({ minutesPerPeriod: 120, period: month })],
    complete: true,
    unread: [],
  },
  {
    rule: "'1.5 hours per week' is 90 minutes a week",
    text: '1.5 hours per week',
    amounts: [amount({ minutesPerPeriod: 90, period: week })],
    complete: true,
    unread: [],
  },
  {
    rule: "'1 hr 15 min' adds hours and minutes",
    text: 'Physical therapy 1 hr 15 min monthly',
    amounts: [amount({ minutesPerPeriod: 75, period: month })],
    complete: true,
    line: { name: 'Physical therapy', area: 'pt' },
    unread: [],
  },
  {
    rule: "'half an hour' is 30 minutes",
    text: 'OT half an hour weekly',
    amounts: [amount({ minutesPerPeriod: 30, period: week })],
    complete: true,
    line: { name: 'OT', area: 'ot' },
    unread: [],
  },
  {
    rule: "'90 minutes weekly in 30 minute sessions' keeps the total and the session length",
    text: 'Counseling 90 minutes weekly in 30 minute sessions',
    amounts: [amount({ minutesPerPeriod: 90, minutesPerSession: 30, period: week })],
    complete: true,
    line: { name: 'Counseling', area: 'counseling' },
    unread: [],
  },
  {
    rule: 'a session length that matches the stated total reads as sessions',
    text: 'Speech therapy 20 minutes, 3 times a week, 60 minutes total',
    amounts: [amount({ minutesPerSession: 20, sessionsPerPeriod: 3, period: week })],
    complete: true,
    line: { name: 'Speech therapy', area: 'speech' },
    unread: [],
  },
  {
    rule: "'30 min/session, 1 session/week' reads the per-session length and the count",
    text: 'Occupational therapy 30 min/session, 1 session/week, OTR',
    amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 1, period: week })],
    complete: true,
    line: { name: 'Occupational therapy', area: 'ot', providerRole: 'occupational therapist' },
    unread: [],
  },
  {
    rule: 'an untagged length beside a stated total is the session length',
    text: '30 minutes, 60 minutes total per week',
    amounts: [amount({ minutesPerSession: 30, minutesPerPeriod: 60, period: week })],
    complete: true,
    unread: [],
  },
  {
    rule: 'sessions that do not add up to the stated weekly minutes are not merged',
    text: 'Speech 3 times a week, 20 minute sessions, 90 minutes weekly',
    amounts: [],
    complete: false,
    unread: ['gives 3 sessions of 20 minutes but "90 minutes"'],
  },
  {
    rule: "a '1:4' ratio is a group of at most 4",
    text: 'Resource support in reading, 5 x 45 minutes per week, 1:4',
    amounts: [amount({ minutesPerSession: 45, sessionsPerPeriod: 5, period: week })],
    complete: true,
    line: { name: 'Resource support in reading', area: 'specialized_instruction', groupSizeLimit: 4 },
    unread: [],
  },
  {
    rule: 'a named stretch with its dates is complete',
    text: 'Speech 3 times weekly, 20 minutes, for the first semester from 2026-09-01 to 2027-01-22',
    amounts: [
      amount({
        minutesPerSession: 20,
        sessionsPerPeriod: 3,
        period: week,
        label: 'first semester',
        startDate: '2026-09-01',
        endDate: '2027-01-22',
      }),
    ],
    complete: true,
    unread: [],
  },
  {
    rule: "a single date after 'through' is an end date",
    text: 'Speech therapy 30 min weekly through 2027-06-10',
    amounts: [amount({ minutesPerPeriod: 30, period: week, endDate: '2027-06-10' })],
    complete: true,
    unread: [],
  },
  // Cycles
  {
    rule: "'30 minutes per 6-day cycle' is a total per cycle of 6 school days",
    text: '30 minutes per 6-day cycle',
    amounts: [amount({ minutesPerPeriod: 30, period: cycle(6) })],
    complete: true,
    unread: [],
  },
  {
    rule: "'3 x 30 min per six-day cycle' reads a worded cycle length",
    text: 'Language therapy 3 x 30 min per six-day cycle',
    amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 3, period: cycle(6) })],
    complete: true,
    line: { name: 'Language therapy', area: 'speech' },
    unread: [],
  },
  {
    rule: "'per cycle (6 days)' reads the length given after the cycle",
    text: '2 sessions per cycle (6 days), 30 minutes',
    amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 2, period: cycle(6) })],
    complete: true,
    unread: [],
  },
  // Service lines as real IEPs write them (the amounts docs/ledger-rules.md counts)
  {
    rule: "'Two 30 minute sessions, weekly' reads the count before the session length",
    text: 'Two 30 minute sessions, weekly',
    amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 2, period: week })],
    complete: true,
    line: BARE,
    unread: [],
  },
  {
    rule: 'a line with count, session length, room and group size reads all of them',
    text: '3 times per week, 30 minute sessions, speech therapy room, group of no more than 3',
    amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 3, period: week })],
    complete: true,
    line: {
      ...BARE,
      setting: 'pull_out',
      delivery: 'direct',
      groupSizeLimit: 3,
      location: 'speech therapy room',
    },
    unread: [],
  },
  {
    rule: 'consultation wins over the general education setting it happens in',
    text: '20 minutes one time per month, consultation, general education',
    amounts: [amount({ minutesPerSession: 20, sessionsPerPeriod: 1, period: month })],
    complete: true,
    line: { ...BARE, setting: 'consultation', delivery: 'consult' },
    unread: [],
  },
  {
    rule: 'a fall amount then a spring amount gives two labelled amounts whose dates must be entered',
    text: '10 hours a week in the fall semester, then 5 hours a week in the spring semester',
    amounts: [
      amount({ minutesPerPeriod: 600, period: week, label: 'fall semester' }),
      amount({ minutesPerPeriod: 300, period: week, label: 'spring semester' }),
    ],
    complete: false,
    line: BARE,
    unread: [
      'the dates of "fall semester" are not given; enter them',
      'the dates of "spring semester" are not given; enter them',
    ],
  },
  // Dated segments
  {
    rule: 'explicit ISO dates split the service into two dated segments',
    text: '30 minutes 2x weekly from 2026-09-01 to 2027-01-22, then 30 minutes 1x weekly from 2027-01-25 to 2027-06-10',
    amounts: [
      amount({
        minutesPerSession: 30,
        sessionsPerPeriod: 2,
        period: week,
        startDate: '2026-09-01',
        endDate: '2027-01-22',
      }),
      amount({
        minutesPerSession: 30,
        sessionsPerPeriod: 1,
        period: week,
        startDate: '2027-01-25',
        endDate: '2027-06-10',
      }),
    ],
    complete: true,
    unread: [],
  },
  {
    rule: 'US dates (9/1/2026) read as month/day/year',
    text: '30 minutes 2x weekly from 9/1/2026 to 1/22/2027, then 30 minutes 1x weekly from 1/25/2027 to 6/10/2027',
    amounts: [
      amount({
        minutesPerSession: 30,
        sessionsPerPeriod: 2,
        period: week,
        startDate: '2026-09-01',
        endDate: '2027-01-22',
      }),
      amount({
        minutesPerSession: 30,
        sessionsPerPeriod: 1,
        period: week,
        startDate: '2027-01-25',
        endDate: '2027-06-10',
      }),
    ],
    complete: true,
    unread: [],
  },
  {
    rule: 'a day over 12 shows the line writes day/month, and all its slash dates are read that way',
    text: 'Speech 30 min weekly from 1/9/2026 to 22/01/2027',
    amounts: [amount({ minutesPerPeriod: 30, period: week, startDate: '2026-09-01', endDate: '2027-01-22' })],
    complete: true,
    line: { name: 'Speech', area: 'speech' },
    unread: [],
  },
  {
    rule: 'written-out dates ("September 1, 2026") are read',
    text: 'Speech 2 x 30 min per week, September 1, 2026 to June 10, 2027',
    amounts: [
      amount({
        minutesPerSession: 30,
        sessionsPerPeriod: 2,
        period: week,
        startDate: '2026-09-01',
        endDate: '2027-06-10',
      }),
    ],
    complete: true,
    line: { name: 'Speech', area: 'speech' },
    unread: [],
  },
  {
    rule: "a single date after 'starting' is a start date",
    text: 'Counseling 30 minutes weekly starting 1/25/2027',
    amounts: [amount({ minutesPerPeriod: 30, period: week, startDate: '2027-01-25' })],
    complete: true,
    line: { name: 'Counseling', area: 'counseling' },
    unread: [],
  },
  // Patterns
  {
    rule: "'for 3 out of 4 weeks' is a weekly pattern",
    text: '30 minutes 3 times per week for 3 out of 4 weeks',
    amounts: [
      amount({
        minutesPerSession: 30,
        sessionsPerPeriod: 3,
        period: week,
        pattern: { activeWeeks: 3, everyWeeks: 4 },
      }),
    ],
    complete: true,
    unread: [],
  },
  {
    rule: "'3 of every 4 weeks' is a weekly pattern",
    text: 'Speech therapy 2x30 weekly, 3 of every 4 weeks',
    amounts: [
      amount({
        minutesPerSession: 30,
        sessionsPerPeriod: 2,
        period: week,
        pattern: { activeWeeks: 3, everyWeeks: 4 },
      }),
    ],
    complete: true,
    line: { name: 'Speech therapy', area: 'speech' },
    unread: [],
  },
  {
    rule: "'every other week' is one week in two",
    text: 'Social work 30 minutes every other week',
    amounts: [amount({ minutesPerPeriod: 30, period: week, pattern: { activeWeeks: 1, everyWeeks: 2 } })],
    complete: true,
    line: { name: 'Social work', area: 'counseling' },
    unread: [],
  },
  // Names, areas, settings, providers
  {
    rule: 'the name is the leading words before the first comma',
    text: 'Speech-language therapy, 30 minutes 2 times per week, pull-out',
    amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 2, period: week })],
    complete: true,
    line: {
      ...BARE,
      name: 'Speech-language therapy',
      area: 'speech',
      setting: 'pull_out',
      delivery: 'direct',
    },
    unread: [],
  },
  {
    rule: 'Ontario "Regular Class with Withdrawal Assistance" is pull-out and is not the service name',
    text: 'Regular Class with Withdrawal Assistance, 40 minutes daily',
    amounts: [amount({ minutesPerSession: 40, sessionsPerPeriod: 1, period: day })],
    complete: true,
    line: { ...BARE, setting: 'pull_out', delivery: 'direct' },
    unread: [],
  },
  {
    rule: 'a slashed name, push-in and the SLP as provider',
    text: 'Speech/Language Therapy: 2x30 min weekly, push-in, provided by SLP',
    amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 2, period: week })],
    complete: true,
    line: {
      ...BARE,
      name: 'Speech/Language Therapy',
      area: 'speech',
      setting: 'push_in',
      delivery: 'direct',
      providerRole: 'speech-language pathologist',
    },
    unread: [],
  },
  {
    rule: "'outside general education', 'resource room' and 'group of up to 5' are read",
    text: 'Specialized academic instruction, 45 minutes 5x/week, outside general education, resource room, group of up to 5, special education teacher',
    amounts: [amount({ minutesPerSession: 45, sessionsPerPeriod: 5, period: week })],
    complete: true,
    line: {
      ...BARE,
      name: 'Specialized academic instruction',
      area: 'specialized_instruction',
      setting: 'pull_out',
      delivery: 'direct',
      groupSizeLimit: 5,
      location: 'resource room',
      providerRole: 'special education teacher',
    },
    unread: [],
  },
  {
    rule: "'individual' is a group of 1; the counselor and the office are read",
    text: "Individual counseling, 30 min weekly, provided by the school counselor in the counselor's office",
    amounts: [amount({ minutesPerPeriod: 30, period: week })],
    complete: true,
    line: {
      ...BARE,
      name: 'Individual counseling',
      area: 'counseling',
      groupSizeLimit: 1,
      providerRole: 'school counselor',
      location: "counselor's office",
    },
    unread: [],
  },
  {
    rule: "'in the general education classroom' is push-in",
    text: 'Math support 30 minutes daily in the general education classroom, paraprofessional',
    amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 1, period: day })],
    complete: true,
    line: {
      ...BARE,
      name: 'Math support',
      area: 'specialized_instruction',
      setting: 'push_in',
      delivery: 'direct',
      providerRole: 'paraprofessional',
    },
    unread: [],
  },
  {
    rule: "'indirect' is consultation; BCBA names the behavior analyst",
    text: 'Behavior support, indirect, 60 minutes per month, BCBA',
    amounts: [amount({ minutesPerPeriod: 60, period: month })],
    complete: true,
    line: {
      ...BARE,
      name: 'Behavior support',
      area: 'behavior',
      setting: 'consultation',
      delivery: 'consult',
      providerRole: 'behavior analyst',
    },
    unread: [],
  },
  {
    rule: "'small group (max 4)' sets the group limit",
    text: 'Speech 30 minutes 2 times per week in a small group (max 4)',
    amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 2, period: week })],
    complete: true,
    line: { name: 'Speech', area: 'speech', groupSizeLimit: 4 },
    unread: [],
  },
  {
    rule: 'an unrecognised service name has area "other"',
    text: 'Assistive technology, 30 minutes per month',
    amounts: [amount({ minutesPerPeriod: 30, period: month })],
    complete: true,
    line: { name: 'Assistive technology', area: 'other' },
    unread: [],
  },
  // ESY
  {
    rule: 'ESY is flagged and is not part of the name; its dates are read',
    text: 'ESY: Speech therapy, 2 x 20 min per week, 7/6/2027 - 7/30/2027',
    amounts: [
      amount({
        minutesPerSession: 20,
        sessionsPerPeriod: 2,
        period: week,
        startDate: '2027-07-06',
        endDate: '2027-07-30',
      }),
    ],
    complete: true,
    line: { ...BARE, name: 'Speech therapy', area: 'speech', esy: true },
    unread: [],
  },
  {
    rule: "'extended school year' is ESY; 'for 6 weeks' without dates is unread",
    text: 'Extended school year occupational therapy 30 minutes weekly for 6 weeks',
    amounts: [amount({ minutesPerPeriod: 30, period: week })],
    complete: false,
    line: { name: 'occupational therapy', area: 'ot', esy: true },
    unread: ['"for 6 weeks" but its dates are not given'],
  },
  // What cannot be read
  {
    rule: "'as needed' has no frequency",
    text: 'Occupational therapy as needed',
    amounts: [],
    complete: false,
    line: { ...BARE, name: 'Occupational therapy', area: 'ot' },
    unread: ['no frequency found ("as needed")'],
  },
  {
    rule: "'ongoing' has no frequency",
    text: 'Counseling, ongoing',
    amounts: [],
    complete: false,
    line: { name: 'Counseling', area: 'counseling' },
    unread: ['no frequency found ("ongoing")'],
  },
  {
    rule: "'1X20' with no period gives no amount and asks for the period",
    text: '1X20',
    amounts: [],
    complete: false,
    unread: ['no period found in "1X20"'],
  },
  {
    rule: "'2 sessions per cycle' asks for the cycle length and the minutes",
    text: '2 sessions per cycle',
    amounts: [amount({ sessionsPerPeriod: 2, period: cycle(null) })],
    complete: false,
    unread: ['the length of the cycle is not given', 'minutes per session not given'],
  },
  {
    rule: "'3 times/year' without minutes asks for the minutes",
    text: '3 times/year',
    amounts: [amount({ sessionsPerPeriod: 3, period: year })],
    complete: false,
    unread: ['minutes per session not given'],
  },
  {
    rule: "'one time per month' without minutes asks for the minutes",
    text: 'one time per month',
    amounts: [amount({ sessionsPerPeriod: 1, period: month })],
    complete: false,
    unread: ['minutes per session not given'],
  },
  {
    rule: "'once a week' without minutes asks for the minutes",
    text: 'once a week',
    amounts: [amount({ sessionsPerPeriod: 1, period: week })],
    complete: false,
    unread: ['minutes per session not given'],
  },
  {
    rule: "'30x2' does not say which number is the minutes",
    text: 'Speech therapy 30x2 weekly',
    amounts: [],
    complete: false,
    line: { name: 'Speech therapy', area: 'speech' },
    unread: ['"30x2" does not say which number is the minutes'],
  },
  {
    rule: "'biweekly' is ambiguous",
    text: 'Speech biweekly 30 minutes',
    amounts: [],
    complete: false,
    unread: ['"biweekly" can mean twice a week or every two weeks'],
  },
  {
    rule: 'a range of sessions is not counted',
    text: 'OT 2-3 times per week, 30 minutes',
    amounts: [],
    complete: false,
    unread: ['the amount is a range ("2-3 times")'],
  },
  {
    rule: "'up to' is a maximum, not a promise",
    text: 'Reading support up to 3 times per week, 30 minutes',
    amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 3, period: week })],
    complete: false,
    line: { name: 'Reading support', area: 'specialized_instruction' },
    unread: ['the amount is a maximum ("up to")'],
  },
  {
    rule: "'per quarter' is counted per term of the school calendar, whose dates the parent enters",
    text: 'Social work 30 minutes per quarter',
    amounts: [amount({ minutesPerPeriod: 30, period: { unit: 'term', cycleDays: null } })],
    complete: true,
    line: { name: 'Social work', area: 'counseling' },
    unread: ['"per quarter" is counted per term of the school calendar: enter the dates of each quarter'],
  },
  {
    rule: "'every other month' is a period the ledger cannot count",
    text: 'Social work 30 minutes every other month',
    amounts: [],
    complete: false,
    unread: ['the period "every other month" cannot be counted'],
  },
  {
    rule: 'two periods on one line are not merged',
    text: '30 minutes weekly and 15 minutes monthly',
    amounts: [],
    complete: false,
    unread: ['more than one period ("weekly", "monthly")'],
  },
  {
    rule: 'a pattern of weeks needs a weekly period',
    text: '3 times per month for 3 out of 4 weeks, 30 minutes',
    amounts: [
      amount({
        minutesPerSession: 30,
        sessionsPerPeriod: 3,
        period: month,
        pattern: { activeWeeks: 3, everyWeeks: 4 },
      }),
    ],
    complete: false,
    unread: ['needs a weekly amount'],
  },
  {
    rule: 'a step-down on a condition asks for the date it took effect',
    text: 'Speech 30 minutes weekly, then 15 minutes weekly after the goal is met',
    amounts: [
      amount({ minutesPerPeriod: 30, period: week }),
      amount({ minutesPerPeriod: 15, period: week, label: 'after the goal is met' }),
    ],
    complete: false,
    unread: ['the dates of "after the goal is met" are not given; enter them'],
  },
  {
    rule: 'a change with no date between the two amounts asks for it',
    text: 'Counseling 30 minutes weekly from 9/1/2026, then 30 minutes every other week',
    amounts: [
      amount({ minutesPerPeriod: 30, period: week, startDate: '2026-09-01' }),
      amount({ minutesPerPeriod: 30, period: week, pattern: { activeWeeks: 1, everyWeeks: 2 } }),
    ],
    complete: false,
    unread: ['the date the amount changes from'],
  },
  {
    rule: 'words that may change the amount are unread and block completeness',
    text: 'Reading 60 minutes daily except during state testing',
    amounts: [amount({ minutesPerSession: 60, sessionsPerPeriod: 1, period: day })],
    complete: false,
    unread: ['could not read "except during state testing"'],
  },
  {
    rule: 'other words are unread but do not block completeness',
    text: 'Specialized academic instruction (math), 45 minutes 5x/week',
    amounts: [amount({ minutesPerSession: 45, sessionsPerPeriod: 5, period: week })],
    complete: true,
    unread: ['did not understand "math"'],
  },
  {
    rule: 'a date with no year is unread',
    text: 'Speech therapy 30 minutes weekly until June 10',
    amounts: [amount({ minutesPerPeriod: 30, period: week })],
    complete: false,
    unread: ['the date "June 10" has no year'],
  },
  {
    rule: 'an impossible date is unread',
    text: 'Speech therapy 30 minutes weekly from 2/30/2027 to 6/10/2027',
    amounts: [amount({ minutesPerPeriod: 30, period: week, endDate: '2027-06-10' })],
    complete: false,
    unread: ['the date "2/30/2027" is not a real date'],
  },
  {
    rule: 'direct and consult minutes on one line must be split',
    text: 'OT: 30 min/month consult, 30 min 2x/month direct',
    amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 2, period: month })],
    complete: false,
    line: { name: 'OT', area: 'ot', setting: null, delivery: null },
    unread: ['names both direct service and consultation'],
  },
];

describe('parseServiceLine', () => {
  it('has at least 30 real-shaped cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('$rule', ({ text, amounts, complete, line, unread }) => {
    const parsed = parseServiceLine(text);
    expect(parsed.text).toBe(text.trim());
    expect(parsed.amounts).toEqual(amounts);
    if (line) expect(parsed).toMatchObject(line);
    if (unread) {
      if (unread.length === 0) expect(parsed.unread).toEqual([]);
      for (const part of unread) {
        expect(
          parsed.unread.some((u) => u.includes(part)),
          `unread ${JSON.stringify(parsed.unread)}`,
        ).toBe(true);
      }
    }
    expect(parsed.complete).toBe(complete);
  });

  it('every amount of a complete line is a valid ServiceAmount', () => {
    for (const { text } of CASES) {
      const parsed = parseServiceLine(text);
      if (!parsed.complete) continue;
      expect(parsed.amounts.length).toBeGreaterThan(0);
      for (const a of parsed.amounts) {
        const { label: _l, startDate: _s, endDate: _e, ...shape } = a;
        expect(ServiceAmount.safeParse(shape).success, text).toBe(true);
        expect(ServiceAmount.safeParse(a).success, text).toBe(true);
      }
    }
  });

  it('an incomplete line always says why', () => {
    for (const { text } of CASES) {
      const parsed = parseServiceLine(text);
      if (!parsed.complete) expect(parsed.unread.length, text).toBeGreaterThan(0);
    }
  });

  it('is case-insensitive and keeps the original casing of the name', () => {
    const upper = parseServiceLine('SPEECH THERAPY 30 MINUTES 2 TIMES PER WEEK, PULL-OUT');
    expect(upper.name).toBe('SPEECH THERAPY');
    expect(upper.area).toBe('speech');
    expect(upper.setting).toBe('pull_out');
    expect(upper.amounts).toEqual([amount({ minutesPerSession: 30, sessionsPerPeriod: 2, period: week })]);
    expect(upper.complete).toBe(true);
  });

  it('trims the text and reports an empty line', () => {
    expect(parseServiceLine('  30 minutes weekly  ').text).toBe('30 minutes weekly');
    const empty = parseServiceLine('   ');
    expect(empty).toMatchObject({ text: '', amounts: [], complete: false });
    expect(empty.unread).toEqual(['the line is empty']);
  });

  it('reads period spellings the same way', () => {
    const periods: [string, string][] = [
      ['30 minutes per week', 'week'],
      ['30 minutes each week', 'week'],
      ['30 minutes a week', 'week'],
      ['30 min/wk', 'week'],
      ['30 minutes per month', 'month'],
      ['30 minutes monthly', 'month'],
      ['30 min/mo', 'month'],
      ['30 minutes per year', 'year'],
      ['30 minutes annually', 'year'],
      ['30 minutes yearly', 'year'],
      ['30 min/yr', 'year'],
      ['30 minutes per day', 'day'],
      ['30 minutes each day', 'day'],
    ];
    for (const [text, unit] of periods) {
      const parsed = parseServiceLine(text);
      expect(parsed.amounts[0]?.period.unit, text).toBe(unit);
      expect(parsed.complete, text).toBe(true);
    }
  });

  it('reads setting phrases', () => {
    const settings: [string, string | null][] = [
      ['Speech 30 min weekly, pull out', 'pull_out'],
      ['Speech 30 min weekly, outside the general education classroom', 'pull_out'],
      ['Speech 30 min weekly in the therapy room', 'pull_out'],
      ['Speech 30 min weekly, push in', 'push_in'],
      ['Speech 30 min weekly, inside general education', 'push_in'],
      ['Speech 30 min weekly, regular class', 'push_in'],
      ['Speech 30 min weekly, consult', 'consultation'],
      ['Speech 30 min weekly', null],
    ];
    for (const [text, setting] of settings) expect(parseServiceLine(text).setting, text).toBe(setting);
  });

  it('never guesses a setting when both push-in and pull-out are named', () => {
    const parsed = parseServiceLine('Speech 30 min weekly, push-in and pull-out');
    expect(parsed.setting).toBeNull();
    expect(parsed.unread.some((u) => u.includes('push-in') && u.includes('pull-out'))).toBe(true);
  });
});

// More real phrasing (issue 16): the shapes service grids print, each in several spellings.
describe('parseServiceLine reads more real phrasing', () => {
  const sessions = (n: number, minutes: number, period: ParsedAmount['period'] = week) =>
    amount({ minutesPerSession: minutes, sessionsPerPeriod: n, period });
  const total = (minutes: number, period: ParsedAmount['period'] = week) =>
    amount({ minutesPerPeriod: minutes, period });

  /** Each line is read completely, with nothing unread, as the one amount given. */
  const readsAs = (cases: [string, ParsedAmount][]) => {
    for (const [text, expected] of cases) {
      const parsed = parseServiceLine(text);
      expect(parsed.amounts, text).toEqual([expected]);
      expect(parsed.unread, text).toEqual([]);
      expect(parsed.complete, text).toBe(true);
    }
  };
  /** Each line is incomplete, with a note containing every given part, and these amounts (if given). */
  const asksFor = (cases: [string, string[], ParsedAmount[]?][]) => {
    for (const [text, parts, amounts] of cases) {
      const parsed = parseServiceLine(text);
      expect(parsed.complete, text).toBe(false);
      for (const part of parts) {
        expect(
          parsed.unread.some((u) => u.includes(part)),
          `${text}: "${part}" in ${JSON.stringify(parsed.unread)}`,
        ).toBe(true);
      }
      if (amounts) expect(parsed.amounts, text).toEqual(amounts);
    }
  };

  it("reads 'Nx' directly followed by an abbreviated period ('2x wk', '2xwk', '1x mo', '10x yr')", () => {
    readsAs([
      ['30 min 2x wk', sessions(2, 30)],
      ['30 min 2x/wk', sessions(2, 30)],
      ['30 min 2xwk', sessions(2, 30)],
      ['2X WK, 30 MIN', sessions(2, 30)],
      ['Speech 30 mins 2 x week', sessions(2, 30)],
      ['30 minutes 3x weekly', sessions(3, 30)],
      ['30 min 2 times week', sessions(2, 30)],
      ['OT 45 min 1x mo', sessions(1, 45, month)],
      ['45 min 4x/mo', sessions(4, 45, month)],
      ['1x month, 60 minutes', sessions(1, 60, month)],
      ['20 min 2x mth', sessions(2, 20, month)],
      ['30 min 10x yr', sessions(10, 30, year)],
      ['30 min 3 x year', sessions(3, 30, year)],
      ['10 min 2xday', sessions(2, 10, day)],
    ]);
    expect(parseServiceLine('Speech 30 mins 2 x week').name).toBe('Speech');
  });

  it('reads the count before or after the length', () => {
    readsAs([
      ['2 sessions per week, 30 minutes each', sessions(2, 30)],
      ['30 min 2x/week', sessions(2, 30)],
      ['2x/wk, 30 min', sessions(2, 30)],
      ['2x30 min/wk', sessions(2, 30)],
      ['2 x 30 minutes weekly', sessions(2, 30)],
      ['30 minutes, twice weekly', sessions(2, 30)],
      ['twice a week, 30 min', sessions(2, 30)],
      ['30 minutes thrice weekly', sessions(3, 30)],
      ['30 minutes per session 2 x wk', sessions(2, 30)],
    ]);
  });

  it('reads counts and totals per month', () => {
    readsAs([
      ['4 sessions per month of 30 minutes', sessions(4, 30, month)],
      ['4 sessions/month, 30 min each', sessions(4, 30, month)],
      ['30 min 4 times a month', sessions(4, 30, month)],
      ['120 minutes monthly', total(120, month)],
      ['120 min/mo', total(120, month)],
      ['120 MIN PER MONTH', total(120, month)],
    ]);
  });

  it('reads sessions and minutes per cycle of N school days', () => {
    readsAs([
      ['2 sessions per 6-day cycle, 30 minutes', sessions(2, 30, cycle(6))],
      ['2x30 min per 6 day cycle', sessions(2, 30, cycle(6))],
      ['60 min per 5 day cycle', total(60, cycle(5))],
      ['60 minutes per 5-day rotation', total(60, cycle(5))],
      // A slash before the cycle's length, as service grids print it.
      ['3x20 min/6-day cycle', sessions(3, 20, cycle(6))],
      ['3x20/6 day cycle', sessions(3, 20, cycle(6))],
      ['20 min 3x/6-day cycle', sessions(3, 20, cycle(6))],
      ['90 min / 6 day rotation', total(90, cycle(6))],
    ]);
    asksFor([
      [
        '2 sessions per 6-day cycle',
        ['minutes per session not given'],
        [amount({ sessionsPerPeriod: 2, period: cycle(6) })],
      ],
    ]);
  });

  it("reads every other week and every two weeks, and asks which 'biweekly' means", () => {
    const everyOther = { activeWeeks: 1, everyWeeks: 2 };
    readsAs([
      ['30 minutes every other week', { ...total(30), pattern: everyOther }],
      ['30 min every other wk', { ...total(30), pattern: everyOther }],
      ['30 min every 2 wks', { ...total(30), pattern: everyOther }],
      ['1x every 2 weeks, 30 min', { ...sessions(1, 30), pattern: everyOther }],
      ['30 min 1x every 2 weeks', { ...sessions(1, 30), pattern: everyOther }],
      [
        '2 of every 3 weeks, 2x30 min weekly',
        { ...sessions(2, 30), pattern: { activeWeeks: 2, everyWeeks: 3 } },
      ],
    ]);
    asksFor([
      ['Speech biweekly, 30 min', ['"biweekly" can mean twice a week or every two weeks'], []],
      ['30 minutes Bi-Weekly', ['"Bi-Weekly" can mean twice a week or every two weeks'], []],
      ['30 min 1x bi-weekly', ['can mean twice a week or every two weeks'], []],
    ]);
  });

  it('reads totals per year', () => {
    readsAs([
      ['1800 minutes per year', total(1800, year)],
      ['30 hours annually', total(1800, year)],
      ['900 min/yr', total(900, year)],
      ['30 hrs/yr', total(1800, year)],
      ['900 minutes yearly', total(900, year)],
    ]);
  });

  it("reads 'N days per week' with 'daily' as N sessions a week", () => {
    readsAs([
      ['5 days per week, 45 minutes daily', sessions(5, 45)],
      ['45 minutes daily, 5 days a week', sessions(5, 45)],
      ['60 min/day, 4 days/wk', sessions(4, 60)],
      ['45 min 5 days weekly', sessions(5, 45)],
      ['daily (5 days/week) 30 min', sessions(5, 30)],
      ['5 school days per week, 30 min', sessions(5, 30)],
      ['daily, 30 minutes', sessions(1, 30, day)],
      ['30 min each day', sessions(1, 30, day)],
    ]);
    // Two counts, or a length stated as a total, are not merged.
    asksFor([
      ['2 times daily, 5 days a week, 10 min', ['more than one period'], []],
      ['5 days per week, 45 minutes total daily', ['more than one period'], []],
    ]);
  });

  it('reads hours, alone or with a count', () => {
    readsAs([
      ['1 hour weekly', total(60)],
      ['1.5 hrs/wk', total(90)],
      ['1 hr 2x/wk', sessions(2, 60)],
      ['1 hr. 2x wk', sessions(2, 60)],
      ['2x/wk 1 hr', sessions(2, 60)],
      ['1 HOUR 2 X WEEK', sessions(2, 60)],
    ]);
  });

  it('counts the lower figure of a range of minutes, says so, and leaves the line to be confirmed', () => {
    asksFor([
      [
        '20-30 minutes weekly',
        ['the amount is a range ("20-30 minutes")', 'the lower figure, 20 minutes'],
        [total(20)],
      ],
      ['20 to 30 min 2x/wk', ['"20 to 30 min"', 'the lower figure, 20 minutes'], [sessions(2, 20)]],
      ['Speech 20–30 minutes, 2x/wk', ['"20–30 minutes"'], [sessions(2, 20)]],
      ['20 min - 30 min 3x/wk', ['"20 min - 30 min"'], [sessions(3, 20)]],
      ['Two 20-30 minute sessions weekly', ['"20-30 minute"'], [sessions(2, 20)]],
      ['2 sessions of 20-30 minutes weekly', ['"20-30 minutes"'], [sessions(2, 20)]],
      ['1-1.5 hours weekly', ['the lower figure, 60 minutes'], [total(60)]],
      ['30 min to 1 hour weekly', ['"30 min to 1 hour"', 'the lower figure, 30 minutes'], [total(30)]],
    ]);
    // Not a range from low to high, a choice, or a range of sessions: nothing is counted.
    asksFor([
      [
        '20-30 minutes every other month',
        ['the amount is a range ("20-30 minutes"); enter the amount to count'],
        [],
      ],
      ['30-20 min weekly', ['"30-20 min" is not a range from a smaller to a larger number'], []],
      ['20 or 30 minutes weekly', ['the amount is a range ("20 or 30 minutes")'], []],
      ['2-3x/wk, 30 min', ['the amount is a range ("2-3x")'], []],
    ]);
  });

  it('keeps group sizes and ratios beside the amount', () => {
    const sizes: [string, number][] = [
      ['30 min 2x wk, small group (max 4)', 4],
      ['30 min 2x/wk 1:1', 1],
      ['2xwk 30 min, group of 3', 3],
      ['Reading 5 days per week, 45 minutes daily, 1:4', 4],
    ];
    for (const [text, size] of sizes) {
      const parsed = parseServiceLine(text);
      expect(parsed.groupSizeLimit, text).toBe(size);
      expect(parsed.amounts, text).toHaveLength(1);
      expect(parsed.complete, text).toBe(true);
    }
  });

  it('reads terms and grading periods as the term period, in several spellings, saying where their dates go', () => {
    const term = { unit: 'term', cycleDays: null } as const;
    const cases: [string, ParsedAmount, string][] = [
      ['30 min per grading period', total(30, term), 'each grading period'],
      ['30 min 2x per term', sessions(2, 30, term), 'each term'],
      ['Counseling 3x30 min per trimester', sessions(3, 30, term), 'each trimester'],
      ['OT consult 60 minutes quarterly', total(60, term), 'each quarter'],
      ['4 sessions each marking period, 30 minutes each', sessions(4, 30, term), 'each marking period'],
      ['Social work 45 min/semester', total(45, term), 'each semester'],
      ['2x30 min per reporting period', sessions(2, 30, term), 'each reporting period'],
      ['1x30 each nine weeks grading period', sessions(1, 30, term), 'each grading period'],
      ['120 minutes per school quarter', total(120, term), 'each quarter'],
    ];
    for (const [text, expected, where] of cases) {
      const parsed = parseServiceLine(text);
      expect(parsed.amounts, text).toEqual([expected]);
      expect(parsed.complete, text).toBe(true);
      expect(parsed.unread.join(' | '), text).toContain(
        `enter the dates of ${where} on the School calendar page`,
      );
    }
    // Naming a stretch is not a period: "in the fall semester" is a label, and "weekly" the period.
    const fall = parseServiceLine('Speech 30 min weekly in the fall semester');
    expect(fall.amounts[0]?.period.unit).toBe('week');
    expect(fall.amounts[0]?.label).toBe('fall semester');
  });

  it('names the phrase it cannot count: class periods', () => {
    asksFor([
      [
        '3 class periods per week',
        ['"3 class periods" counts class periods', 'bell schedule'],
        [amount({ sessionsPerPeriod: 3, period: week })],
      ],
      [
        '2 periods per week',
        ['"2 periods" counts class periods'],
        [amount({ sessionsPerPeriod: 2, period: week })],
      ],
    ]);
    // With their minutes, class periods are sessions like any other.
    readsAs([
      ['3 class periods per week, 45 minutes each', sessions(3, 45)],
      ['3 periods of 45 minutes per week', sessions(3, 45)],
    ]);
  });
});

// Spanish service lines: the Spanish translation of a US IEP, or a parent typing from it. Read into the same
// amounts as the English line says, with the same product choices; the notes quote the parent's own words.
describe('Spanish service lines', () => {
  const sessions = (n: number, minutes: number, period: ParsedAmount['period'] = week) =>
    amount({ minutesPerSession: minutes, sessionsPerPeriod: n, period });
  const total = (minutes: number, period: ParsedAmount['period'] = week) =>
    amount({ minutesPerPeriod: minutes, period });
  const term = { unit: 'term', cycleDays: null } as const;
  const everyOther = { activeWeeks: 1, everyWeeks: 2 };

  /** Read completely, with nothing unread, as these amounts (and these line fields, if given). */
  const READ: [string, ParsedAmount, Partial<ParsedServiceLine>?][] = [
    [
      'Terapia del habla, 30 minutos 2 veces por semana',
      sessions(2, 30),
      { name: 'Terapia del habla', area: 'speech' },
    ],
    ['TERAPIA DEL HABLA 30 MINUTOS 2 VECES POR SEMANA', sessions(2, 30), { name: 'TERAPIA DEL HABLA' }],
    ['2 veces a la semana, 30 minutos cada vez', sessions(2, 30)],
    ['2 veces por semana, 30 minutos por sesión', sessions(2, 30)],
    ['2 sesiones de 30 minutos por semana', sessions(2, 30)],
    ['2 sesiones de 30 min por semana', sessions(2, 30)],
    ['Terapia del habla 2 ses. de 30 min. por sem.', sessions(2, 30), { area: 'speech' }],
    ['Terapia del habla 30 min. 1 ses./sem.', sessions(1, 30)],
    ['30 min semanales', total(30)],
    ['60 minutos a la semana', total(60)],
    ['45 min/semana', total(45)],
    ['2x30 min por semana', sessions(2, 30)],
    ['Terapia del habla 30 min 2 x semana', sessions(2, 30)],
    ['Terapia del habla treinta minutos tres veces por semana', sessions(3, 30)],
    [
      'Habla y lenguaje: 30 minutos, una vez a la semana, en grupo de 2',
      sessions(1, 30),
      {
        name: 'Habla y lenguaje',
        area: 'speech',
        groupSizeLimit: 2,
      },
    ],
    ['cuarenta y cinco minutos dos veces por semana', sessions(2, 45)],
    ['diariamente, 20 minutos', sessions(1, 20, day)],
    ['20 minutos diarios', sessions(1, 20, day)],
    ['20 minutos todos los días', sessions(1, 20, day)],
    ['20 minutos todos los dias', sessions(1, 20, day)],
    ['20 min cada día escolar', sessions(1, 20, day)],
    ['Terapia del habla 20 minutos, 2 veces al día', sessions(2, 20, day)],
    ['Lectura 45 min 5 días a la semana', sessions(5, 45), { area: 'specialized_instruction' }],
    ['5 días por semana, 45 minutos diarios', sessions(5, 45)],
    ['Terapia ocupacional, 30 minutos al mes', total(30, month), { name: 'Terapia ocupacional', area: 'ot' }],
    ['Consejería escolar 2 sesiones de 30 min por mes', sessions(2, 30, month), { area: 'counseling' }],
    ['Fisioterapia 60 minutos mensuales', total(60, month), { area: 'pt' }],
    ['Terapia física 30 min 1x semana', sessions(1, 30), { area: 'pt' }],
    ['Consejería 2 sesiones al mes, 30 minutos cada una', sessions(2, 30, month)],
    ['Psicología 120 minutos al año', total(120, year), { area: 'counseling' }],
    ['Psicologia 120 minutos al ano', total(120, year), { area: 'counseling' }],
    ['Trabajo social 30 min anual', total(30, year), { area: 'counseling' }],
    [
      'Terapia del lenguaje 30 minutos cada dos semanas',
      { ...total(30), pattern: everyOther },
      { area: 'speech' },
    ],
    ['30 min cada 2 semanas', { ...total(30), pattern: everyOther }],
    ['Consejería 30 minutos quincenales', { ...total(30), pattern: everyOther }],
    ['Consejeria 30 minutos quincenalmente', { ...total(30), pattern: everyOther }],
    ['30 minutos semana por medio', { ...total(30), pattern: everyOther }],
    [
      '30 minutos 2 veces por semana, 3 de cada 4 semanas',
      { ...sessions(2, 30), pattern: { activeWeeks: 3, everyWeeks: 4 } },
    ],
    ['30 minutos 3 semanas de cada 4', { ...total(30), pattern: { activeWeeks: 3, everyWeeks: 4 } }],
    ['2 sesiones por ciclo de 6 días, 30 minutos', sessions(2, 30, cycle(6))],
    ['3 x 20 min por ciclo de seis días escolares', sessions(3, 20, cycle(6))],
    ['Terapia del habla 1 hora por semana', total(60)],
    ['Terapia ocupacional media hora semanal', total(30)],
    ['Consejería 1 hora y media al mes', total(90, month)],
    ['1,5 horas semanales', total(90)],
    [
      'Lectura 90 minutos por semana en sesiones de 30 minutos',
      amount({ minutesPerPeriod: 90, minutesPerSession: 30, period: week }),
    ],
    [
      'Instrucción especializada en lectura, 45 minutos 5 veces por semana, fuera del aula de educación general, en grupo de 3',
      sessions(5, 45),
      {
        name: 'Instrucción especializada en lectura',
        area: 'specialized_instruction',
        setting: 'pull_out',
        delivery: 'direct',
        groupSizeLimit: 3,
      },
    ],
    [
      'Matemáticas 30 minutos diarios en el aula de educación general',
      sessions(1, 30, day),
      { area: 'specialized_instruction', setting: 'push_in' },
    ],
    [
      'Enseñanza especializada 60 min diarios en educación general',
      sessions(1, 60, day),
      { setting: 'push_in' },
    ],
    [
      'Terapia ocupacional 30 minutos 2 veces por semana, dentro del aula',
      sessions(2, 30),
      { setting: 'push_in' },
    ],
    ['Terapia del habla 30 min semanales, fuera del aula', total(30), { setting: 'pull_out' }],
    [
      'Terapia ocupacional en la sala de terapia 30 min semanal',
      total(30),
      { setting: 'pull_out', location: 'sala de terapia' },
    ],
    [
      'Terapia del habla 30 minutos semanales en el aula de recursos',
      total(30),
      { setting: 'pull_out', location: 'aula de recursos' },
    ],
    ['Consejeria individual 30 min 1 vez por semana', sessions(1, 30), { groupSizeLimit: 1 }],
    ['Trabajo social 30 min 1x mes, uno a uno', sessions(1, 30, month), { groupSizeLimit: 1 }],
    [
      'Terapia del habla 30 min 2 veces por semana en grupo pequeño (máx. 4)',
      sessions(2, 30),
      { groupSizeLimit: 4 },
    ],
    ['Lectura 45 min diarios, grupo de no más de 5 estudiantes', sessions(1, 45, day), { groupSizeLimit: 5 }],
    [
      'Terapia del habla: 2x/semana, 30 min., proporcionada por la patóloga del habla y lenguaje',
      sessions(2, 30),
      { name: 'Terapia del habla', providerRole: 'speech-language pathologist' },
    ],
    [
      'Apoyo conductual, indirecto, 60 minutos al mes, analista de conducta certificado',
      total(60, month),
      { area: 'behavior', setting: 'consultation', delivery: 'consult', providerRole: 'behavior analyst' },
    ],
    [
      'Instrucción académica especializada, 4 horas por semana, fuera del aula, maestro de educación especial',
      total(240),
      { area: 'specialized_instruction', setting: 'pull_out', providerRole: 'special education teacher' },
    ],
    ['Visión 30 min por mes, consulta', total(30, month), { area: 'other', setting: 'consultation' }],
    ['Audición 30 minutos mensuales', total(30, month), { area: 'other' }],
    ['Orientación y movilidad 60 minutos al mes', total(60, month), { area: 'other' }],
    [
      'Terapia del habla 30 minutos semanales hasta el 10 de junio de 2027',
      { ...total(30), endDate: '2027-06-10' },
    ],
    [
      'Año escolar extendido (AEE): terapia del habla, 2 x 20 min por semana, 2027-07-06 - 2027-07-30',
      { ...sessions(2, 20), startDate: '2027-07-06', endDate: '2027-07-30' },
      { esy: true, name: 'terapia del habla' },
    ],
    [
      'Terapia del habla 30 minutos semanales del 1/9/2026 al 22/6/2027',
      { ...total(30), startDate: '2026-09-01', endDate: '2027-06-22' },
    ],
  ];

  it('has at least 40 Spanish cases', () => {
    expect(READ.length + ASKED.length).toBeGreaterThanOrEqual(40);
  });

  it.each(READ)('reads %j', (text, expected, line) => {
    const parsed = parseServiceLine(text);
    expect(parsed.amounts).toEqual([expected]);
    expect(parsed.unread).toEqual([]);
    expect(parsed.complete).toBe(true);
    if (line) expect(parsed).toMatchObject(line);
  });

  /** Not read, or read and left to be confirmed: the note names the phrase as the parent typed it. */
  const ASKED: [string, string[], ParsedAmount[]][] = [
    ['Terapia ocupacional según sea necesario', ['no frequency found ("según sea necesario")'], []],
    ['Terapia ocupacional segun sea necesario', ['no frequency found ("segun sea necesario")'], []],
    ['Terapia del habla cuando sea necesario', ['no frequency found ("cuando sea necesario")'], []],
    ['Consejería, si es necesario', ['no frequency found ("si es necesario")'], []],
    ['consulta con el maestro', ['no frequency found ("consulta con el maestro")'], []],
    ['Terapia del habla', ['no frequency found ("Terapia del habla")'], []],
    [
      'dos veces por semana',
      ['minutes per session not given ("dos veces por semana")'],
      [amount({ sessionsPerPeriod: 2, period: week })],
    ],
    [
      'Terapia del habla una vez por semana',
      ['minutes per session not given'],
      [amount({ sessionsPerPeriod: 1, period: week })],
    ],
    [
      '20-30 minutos por semana',
      ['the amount is a range ("20-30 minutos")', 'the lower figure, 20 minutes'],
      [total(20)],
    ],
    [
      'de 20 a 30 minutos 2 veces por semana',
      ['the amount is a range ("de 20 a 30 minutos")', 'the lower figure, 20 minutes'],
      [sessions(2, 20)],
    ],
    [
      'entre 20 y 30 minutos semanales',
      ['"entre 20 y 30 minutos"', 'the lower figure, 20 minutes'],
      [total(20)],
    ],
    ['Terapia del habla 2 a 3 veces por semana, 30 minutos', ['the amount is a range ("2 a 3 veces")'], []],
    ['Terapia del habla 20 o 30 minutos semanales', ['the amount is a range ("20 o 30 minutos")'], []],
    [
      'Terapia del habla hasta 3 veces por semana, 30 minutos',
      ['the amount is a maximum ("hasta"), not a promise'],
      [sessions(3, 30)],
    ],
    ['Terapia del habla bisemanal, 30 minutos', ['"bisemanal" can mean twice a week or every two weeks'], []],
    ['Consejería 30 minutos día por medio', ['the period "día por medio" cannot be counted'], []],
    ['Terapia del habla cada dos meses 30 minutos', ['the period "cada dos meses" cannot be counted'], []],
    [
      'Terapia del habla 30 minutos por semana por 6 semanas',
      ['the service runs "por 6 semanas" but its dates are not given'],
      [total(30)],
    ],
    [
      'Apoyo conductual 30 min diarios excepto los viernes',
      ['could not read "excepto los viernes", which may change the amount'],
      [sessions(1, 30, day)],
    ],
    // Slash dates whose order no day over 12 shows: a translation may keep US dates or write day first.
    [
      'Terapia del habla 30 minutos semanales del 1/9/2026 al 10/6/2027',
      ['could not read "1/9/2026 al 10/6/2027"'],
      [total(30)],
    ],
  ];

  it.each(ASKED)('asks about %j', (text, parts, amounts) => {
    const parsed = parseServiceLine(text);
    expect(parsed.complete).toBe(false);
    for (const part of parts) {
      expect(
        parsed.unread.some((u) => u.includes(part)),
        `"${part}" in ${JSON.stringify(parsed.unread)}`,
      ).toBe(true);
    }
    expect(parsed.amounts).toEqual(amounts);
  });

  it('counts terms and grading periods per term, as English does', () => {
    const cases: [string, ParsedAmount, string][] = [
      ['Consejería 3x30 min por trimestre', sessions(3, 30, term), 'each trimester'],
      ['30 min por período de calificaciones', total(30, term), 'each grading period'],
      ['30 min por periodo de calificaciones', total(30, term), 'each grading period'],
      ['Consejería 30 minutos por semestre', total(30, term), 'each semester'],
      ['Terapia ocupacional 30 minutos trimestralmente', total(30, term), 'each quarter'],
    ];
    for (const [text, expected, where] of cases) {
      const parsed = parseServiceLine(text);
      expect(parsed.amounts, text).toEqual([expected]);
      expect(parsed.complete, text).toBe(true);
      expect(parsed.unread.join(' | '), text).toContain(`enter the dates of ${where}`);
    }
  });

  it('reads a step-down and the date it starts', () => {
    const parsed = parseServiceLine(
      'Terapia del habla 30 minutos semanales, luego 15 minutos semanales a partir del 2027-01-25',
    );
    expect(parsed.amounts).toEqual([total(30), { ...total(15), startDate: '2027-01-25' }]);
    expect(parsed.complete).toBe(true);
  });

  it('reads each line the same as its English original', () => {
    const pairs: [string, string][] = [
      [
        'Terapia del habla, 30 minutos 2 veces por semana, fuera del aula',
        'Speech therapy, 30 minutes 2 times per week, pull-out',
      ],
      ['Terapia ocupacional 45 min 1 vez al mes, consulta', 'OT 45 min 1x per month, consult'],
      ['Consejería 30 minutos cada dos semanas', 'Counseling 30 minutes every 2 weeks'],
      [
        'Lectura 5 días por semana, 45 minutos diarios, 1:4',
        'Reading 5 days per week, 45 minutes daily, 1:4',
      ],
      ['2 sesiones por ciclo de 6 días, 30 minutos', '2 sessions per 6-day cycle, 30 minutes'],
      [
        '30 minutos 3 veces por semana durante 3 de cada 4 semanas',
        '30 minutes 3 times per week for 3 out of 4 weeks',
      ],
      ['Terapia del habla 20 a 30 minutos 2 veces por semana', 'Speech therapy 20 to 30 minutes 2x per week'],
      ['Trabajo social 30 minutos por trimestre', 'Social work 30 minutes per trimester'],
      [
        'Matemáticas 30 min diarios en el aula de educación general',
        'Math 30 min daily in the general education classroom',
      ],
      ['Terapia del habla según sea necesario', 'Speech therapy as needed'],
    ];
    for (const [es, en] of pairs) {
      const a = parseServiceLine(es);
      const b = parseServiceLine(en);
      expect(a.amounts, es).toEqual(b.amounts);
      expect(a.complete, es).toBe(b.complete);
      expect([a.area, a.setting, a.delivery, a.groupSizeLimit], es).toEqual([
        b.area,
        b.setting,
        b.delivery,
        b.groupSizeLimit,
      ]);
      expect(a.unread.length, es).toBe(b.unread.length);
    }
  });

  it('maps Spanish service names to their areas', () => {
    const areas: [string, ServiceArea][] = [
      ['Terapia del habla', 'speech'],
      ['Terapia del lenguaje', 'speech'],
      ['Habla y lenguaje', 'speech'],
      ['Terapia ocupacional', 'ot'],
      ['Fisioterapia', 'pt'],
      ['Terapia física', 'pt'],
      ['Terapia fisica', 'pt'],
      ['Consejería', 'counseling'],
      ['Consejería escolar', 'counseling'],
      ['Orientación', 'counseling'],
      ['Psicología', 'counseling'],
      ['Trabajo social', 'counseling'],
      ['Apoyo conductual', 'behavior'],
      ['Instrucción especializada', 'specialized_instruction'],
      ['Instrucción académica', 'specialized_instruction'],
      ['Enseñanza especializada', 'specialized_instruction'],
      ['Lectura', 'specialized_instruction'],
      ['Escritura', 'specialized_instruction'],
      ['Matemáticas', 'specialized_instruction'],
      ['Expresión escrita', 'specialized_instruction'],
      ['Servicios de salud', 'other'],
      ['Enfermería', 'other'],
      ['Visión', 'other'],
      ['Audición', 'other'],
      ['Transporte', 'other'],
      ['Orientación y movilidad', 'other'],
    ];
    for (const [name, area] of areas) expect(areaOf(name), name).toBe(area);
  });

  it('leaves every English line of these tests as it is: none is rewritten', () => {
    const english = [
      ...CASES.map((c) => c.text),
      'Speech therapy 30 minutes weekly, provided by Ms. Dias',
      'Speech 30 min weekly, push-in and pull-out',
      '5 days per week, 45 minutes daily',
      'Social work 30 minutes every other month',
    ];
    for (const text of english) expect(readSpanish(text.toLowerCase()), text).toBeNull();
  });
});
