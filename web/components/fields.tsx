import { NumberInput, Textarea, TextInput } from '@mantine/core';
import type { ComponentProps } from 'react';
import { useT } from '../i18n/i18n.tsx';

// Inputs that mean the same thing wherever they appear, set up once.

/** A note or a reason: one line that grows as it is written, up to four lines unless `maxRows` says. */
export function NoteTextarea(props: ComponentProps<typeof Textarea>) {
  return <Textarea autosize minRows={1} maxRows={4} {...props} />;
}

/** A record's own note ("Note (optional)"), up to 5,000 characters, growing to six lines. */
export function RecordNote(props: ComponentProps<typeof Textarea>) {
  const t = useT('records');
  return <NoteTextarea label={t('records.field.noteOptional')} maxRows={6} maxLength={5000} {...props} />;
}

/** A day that has already come: a date field that stops at `today`. */
export function PastDayInput({ today, ...props }: { today: string } & ComponentProps<typeof TextInput>) {
  return <TextInput type="date" max={today} {...props} />;
}

/** Minutes of a session: a whole number up to a day (1440), from 1 unless `min` says, typed on a number pad. */
export function MinutesInput(props: ComponentProps<typeof NumberInput>) {
  return <NumberInput hideControls min={1} max={1440} allowDecimal={false} inputMode="numeric" {...props} />;
}
