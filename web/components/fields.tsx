import { NumberInput, Textarea } from '@mantine/core';
import type { ComponentProps } from 'react';

// Inputs that mean the same thing wherever they appear, set up once.

/** A note or a reason: one line that grows as it is written, up to four lines unless `maxRows` says. */
export function NoteTextarea(props: ComponentProps<typeof Textarea>) {
  return <Textarea autosize minRows={1} maxRows={4} {...props} />;
}

/** Minutes of a session: a whole number up to a day (1440), from 1 unless `min` says, typed on a number pad. */
export function MinutesInput(props: ComponentProps<typeof NumberInput>) {
  return <NumberInput hideControls min={1} max={1440} allowDecimal={false} inputMode="numeric" {...props} />;
}
