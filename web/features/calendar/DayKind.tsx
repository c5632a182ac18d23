import type { CalendarDayKind } from '../../../src/domain/school-calendar-model.ts';
import { CALENDAR_DAY_LABELS } from '../../../src/domain/school-days.ts';
import classes from './calendar.module.css';
import { useCalendarWords } from './calendar-words.ts';

// Each kind of calendar day has a colour, a symbol and a name, shown together: colour is never the
// only cue (the grid's cells carry the symbol and, for screen readers, the name).

export const KIND_CLASS: Record<CalendarDayKind, string> = {
  holiday: classes.holiday as string,
  break: classes.break as string,
  closure: classes.closure as string,
  early_dismissal: classes.early as string,
};

export const KIND_SYMBOL: Record<CalendarDayKind, string> = {
  holiday: '★',
  break: '◆',
  closure: '✕',
  early_dismissal: '◐',
};

export const KINDS = Object.keys(CALENDAR_DAY_LABELS) as CalendarDayKind[];

/** The kind's colour, symbol and name, as a small tag. */
export function KindTag({ kind }: { kind: CalendarDayKind }) {
  const { t } = useCalendarWords();
  return (
    <span className={`${classes.swatch} ${KIND_CLASS[kind]}`}>
      <span aria-hidden>{KIND_SYMBOL[kind]}</span>
      {t('calendar.kind', { kind })}
    </span>
  );
}
