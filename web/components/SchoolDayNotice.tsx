import { Alert, Checkbox, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CalendarIndex } from '../../src/domain/school-calendar.ts';
import {
  checkRecordDate,
  type DateCheck,
  type DatedRecord,
  defaultRecordDate,
} from '../../src/domain/school-days.ts';
import { useT } from '../i18n/i18n.tsx';
import contrast from './contrast.module.css';
import { todayIso } from './dates.ts';
import { useSchoolCalendars } from './school-calendar.ts';

// The form's side of "Are you sure? Thursday, November 26 is Thanksgiving break.": the same pure rule
// the server applies (src/domain/school-days.ts), run on the calendar the page already loaded, so the
// warning shows as soon as a date is picked. A form starts on the last school day when today has no
// school, and says so.

type Esy = readonly { startDate: string; endDate: string }[];

export type SchoolDayDate = {
  check: DateCheck | null;
  confirmed: boolean;
  setConfirmed(value: boolean): void;
  /** "Saturday: showing Friday, December 4, the last school day", while the form shows that date. */
  note: string | null;
  /** Whether the record may be saved as it is (no question, or the question answered). */
  ready: boolean;
  /** The value to send as `nonSchoolDayConfirmed`. */
  confirmation: boolean;
  /** Put the form back on its default date (after a save). */
  applyDefault(): void;
};

const NO_ESY: Esy = [];

export function useSchoolDayDate({
  index,
  today,
  date,
  setDate,
  record,
  esyBlocks = NO_ESY,
  startOnSchoolDay = true,
  touched = false,
}: {
  index: CalendarIndex | null;
  today: string;
  date: string;
  setDate(date: string): void;
  record: DatedRecord;
  esyBlocks?: Esy;
  /** False when the form edits a record that already has its date. */
  startOnSchoolDay?: boolean;
  /** The person has typed or picked a date: it is theirs, never replaced by the default. */
  touched?: boolean;
}): SchoolDayDate {
  const [confirmed, setConfirmed] = useState(false);
  const [defaulted, setDefaulted] = useState<{ date: string; note: string } | null>(null);
  const applied = useRef(false);
  const setDateRef = useRef(setDate);
  setDateRef.current = setDate;

  const applyDefault = useCallback(() => {
    if (!index) {
      applied.current = false;
      return;
    }
    applied.current = true;
    const d = defaultRecordDate(index, today, esyBlocks);
    if (d.note) {
      setDateRef.current(d.date);
      setDefaulted({ date: d.date, note: d.note });
    } else setDefaulted(null);
  }, [index, today, esyBlocks]);

  // Once the calendar is there, a form still on today moves to the last school day.
  useEffect(() => {
    if (!startOnSchoolDay || applied.current || !index) return;
    if (date === today && !touched) applyDefault();
    else applied.current = true;
  }, [index, date, today, applyDefault, startOnSchoolDay, touched]);

  // A confirmation is for one date: another date asks again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on every change of date
  useEffect(() => setConfirmed(false), [date]);

  const check = index && /^\d{4}-\d{2}-\d{2}$/.test(date) ? checkRecordDate(index, date, record) : null;
  const needs = check?.needsConfirmation === true;
  return {
    check,
    confirmed,
    setConfirmed,
    note: defaulted && defaulted.date === date ? defaulted.note : null,
    ready: !needs || confirmed,
    confirmation: needs && confirmed,
    applyDefault,
  };
}

/**
 * The school-day question for a correction of a record's date: the record's own date (`logged`) was
 * settled when it was logged, so only a new date (`dateChanged`) asks again.
 */
export function useCorrectedDate({
  householdId,
  childId,
  logged,
  date,
  setDate,
  record,
}: {
  householdId: string;
  childId: string;
  logged: string;
  date: string;
  setDate(date: string): void;
  record: DatedRecord;
}) {
  const calendars = useSchoolCalendars(householdId, childId);
  const schoolDay = useSchoolDayDate({
    index: calendars.data?.index ?? null,
    today: todayIso(),
    date,
    setDate,
    record,
    startOnSchoolDay: false,
    touched: true,
  });
  return { schoolDay, dateChanged: date !== logged };
}

/** The notice's own words, for a screen that gives them in the reader's language (issue 17). */
export type SchoolDayNoticeWords = { noSchool: string; makeupAnyDay: string; sure: string };

/** The note under a date field: the default date's reason, the question, and "I'm sure". */
export function SchoolDayNotice({
  state,
  error,
  hint,
  words: given,
}: {
  state: SchoolDayDate;
  error?: string | null;
  /** A word on what to choose instead, when there is one. */
  hint?: string | null;
  /** The notice's words (the catalog's `common.notice.*` unless given); the question and the default's note are the calendar rule's (English). */
  words?: SchoolDayNoticeWords;
}) {
  const t = useT();
  const words = given ?? {
    noSchool: t('common.notice.noSchool'),
    makeupAnyDay: t('common.notice.makeupAnyDay'),
    sure: t('common.notice.sure'),
  };
  const { check, note } = state;
  if (!check && !note) return null;
  return (
    <Stack gap={6} className={contrast.scope}>
      {note && (
        <Text size="sm" data-testid="school-day-default">
          {note}.
        </Text>
      )}
      {check && (
        <Alert color="yellow" variant="light" p="xs" role="status" title={check.question}>
          <Stack gap={6}>
            <Text size="sm">{check.needsConfirmation ? words.noSchool : words.makeupAnyDay}</Text>
            {hint && <Text size="sm">{hint}</Text>}
            {check.needsConfirmation && (
              <Checkbox
                label={words.sure}
                checked={state.confirmed}
                error={error}
                onChange={(e) => state.setConfirmed(e.currentTarget.checked)}
              />
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
