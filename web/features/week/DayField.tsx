import { TextInput, type TextInputProps } from '@mantine/core';
import type { Ref } from 'react';
import { type SchoolDayDate, SchoolDayNotice } from '../../components/SchoolDayNotice.tsx';
import { useWeekWords } from './week-words.ts';

/**
 * The day a session or an observation is logged for ("Date", up to `today`), with the school-day
 * notice under it: `confirmError` when its question is still to answer, `hint` what to choose instead.
 */
export function DayField({
  today,
  schoolDay,
  confirmError,
  hint,
  inputRef,
  ...inputProps
}: {
  today: string;
  schoolDay: SchoolDayDate;
  confirmError: string | null;
  hint?: string | null;
  inputRef: Ref<HTMLInputElement>;
} & Omit<TextInputProps, 'type' | 'label' | 'max'>) {
  const words = useWeekWords();
  return (
    <>
      <TextInput type="date" label={words.t('week.date')} max={today} ref={inputRef} {...inputProps} />
      <SchoolDayNotice state={schoolDay} words={words.notice} error={confirmError} hint={hint} />
    </>
  );
}
