import {
  Badge,
  Button,
  Checkbox,
  FileButton,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useId, useState } from 'react';
import type { CalendarDayKind } from '../../../src/domain/school-calendar-model.ts';
import { patch } from '../../api/client.ts';
import { formatRange } from '../../components/dates.ts';
import { sayServerWords } from '../../i18n/server-words.ts';
import { type CalendarWords, useCalendarWords } from './calendar-words.ts';
import { KINDS } from './DayKind.tsx';
import {
  addDistrictDays,
  type Choice,
  chosenEvents,
  type DistrictDraft,
  type DistrictEvent,
  initialChoices,
  readDistrictCalendar,
} from './district-calendar.ts';

// Bringing the district's calendar in from its .ics file: the file is read into a list to check
// (nothing is saved yet), one row per event with the kind of day As Written proposes; the rows to
// check come first, with the reason (the server's English, said from its words in the reader's
// language); days already on the calendar are marked and left unticked.
// "Add N days to the calendar" saves the ticked ones together. When the file's events give the school
// year's terms or grading periods ("End of 1st Quarter"), they are offered too, to set on the year.

type TermProposal = DistrictDraft['terms'][number];

const termWords = (
  { t, locale, list }: CalendarWords,
  terms: readonly { name: string; startDate: string; endDate: string }[],
) =>
  list(
    terms.map((term) =>
      t('calendar.year.term', { name: term.name, range: formatRange(term.startDate, term.endDate, locale) }),
    ),
  );

const NOT_A_DAY_OFF = 'none';

function days(e: DistrictEvent, locale: string | undefined): string {
  const range = formatRange(e.startDate, e.endDate, locale);
  return e.startTime ? `${range}, ${e.startTime}` : range;
}

export function DistrictCalendarImport({
  householdId,
  childId,
  csrfToken,
  onAdded,
}: {
  householdId: string;
  childId: string;
  csrfToken: string | null;
  /** After saving: how many days were added, and for how many school years the terms were set. */
  onAdded(count: number, termsSet: number): Promise<void> | void;
}) {
  const { t } = useCalendarWords();
  const ids = useId();
  const [draft, setDraft] = useState<DistrictDraft | null>(null);
  const [choices, setChoices] = useState<Map<string, Choice>>(new Map());
  const [reading, setReading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  /** The school years whose proposed terms will be set (a year without terms: ticked at first). */
  const [termsChosen, setTermsChosen] = useState<Set<string>>(new Set());

  const read = async (file: File | null) => {
    if (!file) return;
    setError(null);
    setReading(true);
    setFileName(file.name);
    try {
      const got = await readDistrictCalendar(householdId, childId, file, csrfToken);
      setDraft(got);
      setChoices(initialChoices(got.events));
      setTermsChosen(new Set(got.terms.filter((t) => t.current.length === 0).map((t) => t.calendarId)));
      setShowAll(false);
    } catch (e) {
      setDraft(null);
      setError(e instanceof Error ? e.message : t('calendar.import.fileFailed'));
    } finally {
      setReading(false);
    }
  };

  const choose = (key: string, change: Partial<Choice>) =>
    setChoices((current) => {
      const next = new Map(current);
      const before = next.get(key) ?? { include: false, kind: null };
      next.set(key, { ...before, ...change });
      return next;
    });

  const chosen = draft ? chosenEvents(draft.events, choices) : [];
  const termsToSet = draft?.terms.filter((t) => termsChosen.has(t.calendarId)) ?? [];
  const add = async () => {
    if (!draft || (chosen.length === 0 && termsToSet.length === 0)) return;
    setError(null);
    setSaving(true);
    let termsSet = 0;
    try {
      for (const proposal of termsToSet) {
        await patch(`/households/${householdId}/calendars/${proposal.calendarId}`, {
          terms: proposal.proposed.map(({ name, startDate, endDate }) => ({ name, startDate, endDate })),
        });
        termsSet++;
      }
      if (chosen.length > 0) await addDistrictDays(householdId, childId, draft.events, choices);
      setDraft(null);
      await onAdded(chosen.length, termsSet);
    } catch (e) {
      const why = e instanceof Error ? e.message : t('calendar.tryAgain');
      setError(
        termsSet > 0
          ? t('calendar.import.termsSetDaysFailed', { problem: why })
          : t('calendar.import.nothingSaved', { problem: why }),
      );
    } finally {
      setSaving(false);
    }
  };

  // Days off and rows to check are shown; school events, and days outside the child's school years,
  // wait behind a button.
  const inMain = (e: DistrictEvent) =>
    e.status !== 'outside_school_year' && (e.kind !== null || e.confidence === 'check');
  const main = draft?.events.filter(inMain) ?? [];
  const others = draft?.events.filter((e) => !inMain(e)) ?? [];
  const shown = showAll ? [...main, ...others] : main;
  const toCheck = main.filter((e) => e.confidence === 'check' && e.status === 'new').length;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${ids}-title`}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={`${ids}-title`}>
          {t('calendar.import.title')}
        </Title>
        <Text size="sm">{t('calendar.import.intro')}</Text>
        <Group gap="sm">
          <FileButton onChange={(file) => void read(file)} accept=".ics,text/calendar">
            {(props) => (
              // The label wraps on a narrow phone rather than being cut off.
              <Button
                {...props}
                variant="default"
                loading={reading}
                h="auto"
                py={8}
                styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
              >
                {t('calendar.import.button')}
              </Button>
            )}
          </FileButton>
        </Group>
        {error && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {error}
          </Text>
        )}

        {draft && (
          <Stack gap="sm" component="section" aria-labelledby={`${ids}-review`}>
            <Title order={4} size="h5" id={`${ids}-review`}>
              {t('calendar.import.check', { name: draft.name ?? fileName })}
            </Title>
            <Text size="sm">
              {t('calendar.import.found', { count: main.filter((e) => e.kind !== null).length, toCheck })}
            </Text>
            {main.length === 0 && <Text size="sm">{t('calendar.import.noneFound')}</Text>}
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {shown.map((e) => (
                <EventRow
                  key={e.key}
                  event={e}
                  choice={choices.get(e.key) ?? { include: false, kind: null }}
                  onChange={(change) => choose(e.key, change)}
                />
              ))}
            </Stack>
            {others.length > 0 && (
              <Button variant="subtle" size="compact-sm" onClick={() => setShowAll((v) => !v)}>
                {showAll
                  ? t('calendar.import.hideOthers')
                  : t('calendar.import.showOthers', { count: others.length })}
              </Button>
            )}
            {draft.terms.map((proposal) => (
              <TermProposalRow
                key={proposal.calendarId}
                proposal={proposal}
                chosen={termsChosen.has(proposal.calendarId)}
                onChange={(on) =>
                  setTermsChosen((current) => {
                    const next = new Set(current);
                    if (on) next.add(proposal.calendarId);
                    else next.delete(proposal.calendarId);
                    return next;
                  })
                }
              />
            ))}
            {draft.skipped.length > 0 && (
              <Text size="sm">
                {t('calendar.import.leftOut', {
                  list: draft.skipped
                    .map((s) =>
                      t('calendar.import.leftOutItem', {
                        summary: sayServerWords('calendar', s.summaryWords, s.summary, t),
                        reason: sayServerWords('calendar', s.words, s.reason, t),
                      }),
                    )
                    .join('; '),
                })}
              </Text>
            )}
            <Group gap="sm">
              <Button
                color="blue.8"
                onClick={() => void add()}
                loading={saving}
                disabled={chosen.length === 0 && termsToSet.length === 0}
              >
                {chosen.length === 0 && termsToSet.length > 0
                  ? t('calendar.import.setTerms')
                  : t('calendar.import.add', {
                      count: chosen.length,
                      terms: termsToSet.length > 0 ? 'yes' : 'no',
                    })}
              </Button>
              <Button variant="default" onClick={() => setDraft(null)} disabled={saving}>
                {t('calendar.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function TermProposalRow({
  proposal,
  chosen,
  onChange,
}: {
  proposal: TermProposal;
  chosen: boolean;
  onChange(on: boolean): void;
}) {
  const words = useCalendarWords();
  const { t, list } = words;
  return (
    <Paper withBorder p="sm" radius="sm">
      <Stack gap={6}>
        <Checkbox
          checked={chosen}
          onChange={(e) => onChange(e.currentTarget.checked)}
          label={
            <Text fw={600} size="sm" span>
              {t('calendar.import.termsTitle', { terms: termWords(words, proposal.proposed) })}
            </Text>
          }
          description={
            proposal.current.length > 0
              ? t('calendar.import.termsReplace', { terms: termWords(words, proposal.current) })
              : t('calendar.import.termsHelp')
          }
        />
        <Text size="sm">
          {t('calendar.import.termsSources', {
            list: list(
              [...new Set(proposal.proposed.flatMap((term) => term.sources))].map((s) =>
                t('calendar.import.quoted', { text: s }),
              ),
            ),
          })}
        </Text>
      </Stack>
    </Paper>
  );
}

function EventRow({
  event,
  choice,
  onChange,
}: {
  event: DistrictEvent;
  choice: Choice;
  onChange(change: Partial<Choice>): void;
}) {
  const { t, locale } = useCalendarWords();
  const outside = event.status === 'outside_school_year';
  const title = event.summary || t('calendar.import.noTitle');
  const words = t('calendar.import.eventWords', { summary: title, days: days(event, locale) });
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Checkbox
            checked={choice.include && choice.kind !== null && !outside}
            disabled={outside || choice.kind === null}
            onChange={(e) => onChange({ include: e.currentTarget.checked })}
            label={
              <Text fw={600} size="sm" span>
                {title}
              </Text>
            }
            description={days(event, locale)}
            aria-label={t('calendar.import.addLabel', { words })}
          />
          {event.status === 'on_calendar' && (
            <Badge variant="outline" color="gray.8" tt="none">
              {t('calendar.import.onCalendar')}
            </Badge>
          )}
          {outside && (
            <Badge variant="outline" color="gray.8" tt="none">
              {t('calendar.import.outside')}
            </Badge>
          )}
          {event.confidence === 'check' && !outside && event.status === 'new' && (
            <Badge variant="light" color="yellow" tt="none">
              {t('calendar.import.checkBadge')}
            </Badge>
          )}
        </Group>
        <NativeSelect
          size="sm"
          w={{ base: '100%', xs: 260 }}
          label={t('calendar.feeds.kindOfDay')}
          aria-label={t('calendar.import.kindLabel', { words })}
          value={choice.kind ?? NOT_A_DAY_OFF}
          disabled={outside}
          onChange={(e) => {
            const value = e.currentTarget.value;
            const kind = value === NOT_A_DAY_OFF ? null : (value as CalendarDayKind);
            onChange({ kind, include: kind !== null && event.status === 'new' });
          }}
          data={[
            ...KINDS.map((k) => ({ value: k, label: t('calendar.kind', { kind: k }) })),
            { value: NOT_A_DAY_OFF, label: t('calendar.import.notADayOff') },
          ]}
        />
        <Text size="sm">{sayServerWords('calendar', event.words, event.reason, t)}</Text>
      </Stack>
    </Paper>
  );
}
