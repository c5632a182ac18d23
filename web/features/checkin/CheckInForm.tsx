import {
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { type ReactNode, useState } from 'react';
import { OBSERVATION_SETTINGS } from '../../../src/domain/record-kinds.ts';
import { ApiError, post } from '../../api/client.ts';
import type {
  CheckIn,
  CheckInAnswerInput,
  CheckInQuestion,
  CheckInQuestions,
  Service,
} from '../../api/types.ts';
import { addDaysIso, datesInWords, formatDay, localeFor } from '../../components/dates.ts';
import { FormError, useFocusFirstError } from '../../components/form-errors.tsx';
import classes from '../../components/ui.module.css';
import { useLanguage, useT } from '../../i18n/i18n.tsx';
import {
  ACCOMMODATION_OUTCOMES,
  type AccommodationOutcome,
  HAPPENED_CHOICES,
  options,
  REWARD_CHOICES,
  SESSION_OUTCOMES,
  type SessionOutcome,
  TEACHER_CHOICES,
  type TeacherChoice,
  type YesNoUnsure,
} from './check-in-words.ts';

/** One question's answer as the parent fills it in; '' means not chosen. */
type Draft = {
  childWords: string;
  outcome: '' | SessionOutcome | AccommodationOutcome;
  sessionDate: string;
  /** The school day an accommodation or behavior answer is about ('' without a calendar: the server decides). */
  aboutDate: string;
  /** The parent confirms a day with no school (asked only when the server says the day has none). */
  nonSchoolDayConfirmed: boolean;
  startTime: string;
  minutes: number | string;
  teacherKind: TeacherChoice;
  happened: '' | 'yes' | 'no';
  rewardUsed: YesNoUnsure;
};
type Values = { answers: Draft[] };

type Setting = (typeof OBSERVATION_SETTINGS)[number];
const isSetting = (s: string | null): s is Setting =>
  s != null && (OBSERVATION_SETTINGS as readonly string[]).includes(s);

/**
 * Every answer is about one school day: the child is asked about "today", "yesterday" or a day the
 * parent picks. By default it is the last school day on or before the check-in date (the server's
 * `answerDays[0]`): a Saturday check-in is about Friday, never about the Saturday.
 */
function blank(q: CheckInQuestion, defaultDay: string): Draft {
  return {
    childWords: '',
    outcome: '',
    sessionDate: q.date ?? '',
    aboutDate: q.kind === 'session' ? '' : (q.date ?? defaultDay),
    nonSchoolDayConfirmed: false,
    startTime: '',
    minutes: '',
    teacherKind: 'unknown',
    happened: '',
    rewardUsed: 'unknown',
  };
}

const same = (a: Draft, b: Draft) => (Object.keys(a) as (keyof Draft)[]).every((k) => a[k] === b[k]);

/** What the server calls a field of an answer, and what this form calls it. */
const FIELD_NAMES: Record<string, keyof Draft> = {
  outcome: 'outcome',
  sessionDate: 'sessionDate',
  aboutDate: 'aboutDate',
  startTime: 'startTime',
  minutes: 'minutes',
  teacherKind: 'teacherKind',
  somethingHappened: 'happened',
  rewardUsed: 'rewardUsed',
  childWords: 'childWords',
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function toAnswer(q: CheckInQuestion, d: Draft): CheckInAnswerInput {
  const childWords = d.childWords.trim() || null;
  const common = {
    questionKey: q.key,
    ask: q.ask,
    childWords,
    nonSchoolDayConfirmed: d.nonSchoolDayConfirmed,
  };
  if (q.kind === 'session') {
    return {
      kind: 'session',
      ...common,
      serviceId: q.subjectId,
      outcome: d.outcome as SessionOutcome,
      sessionDate: d.sessionDate || null,
      startTime: d.startTime || null,
      minutes: d.minutes === '' ? null : Number(d.minutes),
    };
  }
  if (q.kind === 'accommodation') {
    return {
      kind: 'accommodation',
      ...common,
      accommodationId: q.subjectId,
      outcome: d.outcome as AccommodationOutcome,
      aboutDate: d.aboutDate || null,
      className: q.className,
      setting: isSetting(q.setting) ? q.setting : null,
      teacherKind: d.teacherKind,
    };
  }
  return {
    kind: 'behavior',
    ...common,
    planId: q.subjectId,
    somethingHappened: d.happened === 'yes',
    aboutDate: d.aboutDate || null,
    rewardUsed: d.rewardUsed === 'unknown' ? null : d.rewardUsed === 'yes',
  };
}

/** Does the service have no fixed session length on that day (so the minutes must be given)? */
function needsMinutes(service: Service | undefined, day: string): boolean {
  if (!service) return false;
  const segment = service.segments.find((s) => s.startDate <= day && day <= s.endDate);
  return segment != null && segment.minutesPerSession == null;
}

/**
 * The answers to this week's questions, all on one screen; one button saves them together. Mounted
 * fresh (key) for each day and after each save, so it always starts empty.
 */
export function CheckInForm({
  householdId,
  childId,
  childName,
  data,
  services,
  onSaved,
}: {
  householdId: string;
  childId: string;
  childName: string;
  data: CheckInQuestions;
  services: Service[];
  onSaved(checkIn: CheckIn): Promise<void>;
}) {
  const t = useT('checkin');
  const locale = localeFor(useLanguage().language);
  const [initial] = useState(() => data.questions.map((q) => blank(q, data.answerDays[0] ?? '')));
  // The server asks "Are you sure?" about a day with no school: then the answer offers the confirmation.
  const [askConfirm, setAskConfirm] = useState<Set<number>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: { answers: initial } });
  const drafts = form.values.answers;
  const answered = data.questions.filter((_, i) => !same(drafts[i] as Draft, initial[i] as Draft));

  const { focusFirst } = useFocusFirstError(form);

  const submit = form.onSubmit(async (v) => {
    setError(null);
    form.clearErrors();
    const sent: { index: number; answer: CheckInAnswerInput }[] = [];
    const errors: Record<string, string> = {};
    data.questions.forEach((q, i) => {
      const d = v.answers[i] as Draft;
      if (same(d, initial[i] as Draft)) return;
      if (q.kind === 'behavior') {
        if (!d.happened) errors[`answers.${i}.happened`] = t('checkin.form.happenedMissing');
      } else if (!d.outcome) {
        errors[`answers.${i}.outcome`] = t('checkin.form.outcomeMissing');
      }
      if (
        q.kind === 'session' &&
        (d.outcome === 'happened' || d.outcome === 'did_not_happen') &&
        !d.sessionDate
      ) {
        errors[`answers.${i}.sessionDate`] = t('checkin.form.dayMissing');
      }
      sent.push({ index: i, answer: toAnswer(q, d) });
    });
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      focusFirst(Object.keys(errors));
      return;
    }
    if (sent.length === 0) {
      setError(t('checkin.form.noneAnswered'));
      return;
    }
    try {
      const saved = await post<CheckIn>(`/households/${householdId}/check-ins`, {
        childId,
        date: data.date,
        answers: sent.map((s) => s.answer),
      });
      await onSaved(saved);
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setError(t('checkin.form.failed'));
        return;
      }
      // The server names fields by the position among the answers sent; put each message on its question.
      const fieldErrors: Record<string, string> = {};
      const leftovers: string[] = [];
      for (const f of e.fields) {
        const m = /^answers\.(\d+)\.(\w+)/.exec(f.path);
        const at = m ? sent[Number(m[1])]?.index : undefined;
        const field = m ? FIELD_NAMES[m[2] as string] : undefined;
        const message = capitalise(datesInWords(f.message, 'weekdayShort', locale));
        if (at != null && field) fieldErrors[`answers.${at}.${field}`] = message;
        if (at != null && /^Are you sure\?/.test(f.message)) setAskConfirm((old) => new Set(old).add(at));
        else if (at != null)
          leftovers.push(t('checkin.form.questionProblem', { number: at + 1, problem: message }));
        else leftovers.push(message);
      }
      form.setErrors(fieldErrors);
      if (leftovers.length > 0) setError(leftovers.join(' '));
      else if (e.fields.length === 0) setError(datesInWords(e.message, 'weekdayShort', locale));
      focusFirst(Object.keys(fieldErrors));
    }
  });

  const total = data.questions.length;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" mt="sm">
        <Text size="sm">{t('checkin.form.skipNote')}</Text>
        {data.questions.map((q, i) => (
          <QuestionCard key={q.key} question={q} index={i} total={total}>
            <AnswerFields
              question={q}
              index={i}
              total={total}
              form={form}
              draft={drafts[i] as Draft}
              touched={!same(drafts[i] as Draft, initial[i] as Draft)}
              onSkip={() => form.setFieldValue(`answers.${i}`, initial[i] as Draft)}
              childName={childName}
              checkInDate={data.date}
              answerDays={data.answerDays}
              askConfirm={askConfirm.has(i)}
              minutesNeeded={needsMinutes(
                services.find((s) => s.id === q.subjectId),
                drafts[i]?.sessionDate || data.date,
              )}
            />
          </QuestionCard>
        ))}
        <FormError message={error} />
        <Group justify="space-between" align="center" gap="sm">
          <Text size="sm" aria-live="polite">
            {answered.length === 0
              ? t('checkin.form.noneYet')
              : t('checkin.form.answered', { answered: answered.length, total })}
          </Text>
          <Button type="submit" size="md" color="blue.8" loading={form.submitting}>
            {t('checkin.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One question, big enough to read aloud from a phone: what to ask, a follow-up, and why it is asked. */
export function QuestionCard({
  question: q,
  index,
  total,
  children,
}: {
  question: CheckInQuestion;
  index: number;
  total: number;
  children?: ReactNode;
}) {
  const t = useT('checkin');
  const locale = localeFor(useLanguage().language);
  const askId = `ask-${index}`;
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={askId}>
      <Stack gap="sm">
        <Text size="sm" fw={600} className={classes.muted}>
          {t('checkin.question.number', {
            number: index + 1,
            total,
            kind: t('checkin.question.kind', { kind: q.kind }),
          })}
        </Text>
        <Title order={4} id={askId} fz={{ base: 22, sm: 26 }} lh={1.3}>
          {q.ask}
        </Title>
        <Text size="lg">{t('checkin.ifShort', { followUp: q.followUp })}</Text>
        <Text size="sm" className={classes.muted}>
          {t('checkin.question.why', { why: datesInWords(q.why, 'weekdayShort', locale) })}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}

type Form = UseFormReturnType<Values>;

function AnswerFields({
  question: q,
  index: i,
  total,
  form,
  draft: d,
  touched,
  onSkip,
  childName,
  checkInDate,
  answerDays,
  askConfirm,
  minutesNeeded,
}: {
  question: CheckInQuestion;
  index: number;
  total: number;
  form: Form;
  draft: Draft;
  touched: boolean;
  onSkip(): void;
  childName: string;
  checkInDate: string;
  answerDays: string[];
  askConfirm: boolean;
  minutesNeeded: boolean;
}) {
  const t = useT('checkin');
  const locale = localeFor(useLanguage().language);
  const path = (field: keyof Draft) => `answers.${i}.${field}`;
  // Newest first: today, yesterday, then the earlier school days the answer may be about.
  const days = [...new Set([...answerDays, ...(q.date ? [q.date] : [])])].sort().reverse();
  const dayLabel = (day: string) =>
    day === checkInDate
      ? t('checkin.answer.today', { date: formatDay(day, 'weekdayLong', locale) })
      : day === addDaysIso(checkInDate, -1)
        ? t('checkin.answer.yesterday', { date: formatDay(day, 'weekdayLong', locale) })
        : formatDay(day, 'weekdayLong', locale);
  const dayField = (field: 'sessionDate' | 'aboutDate', label: string, withChoose: boolean) =>
    days.length > 0 ? (
      <NativeSelect
        label={label}
        description={t('checkin.answer.dayHelp', { name: childName })}
        data={[
          ...(withChoose ? [{ value: '', label: t('checkin.answer.chooseDay') }] : []),
          ...days.map((day) => ({ value: day, label: dayLabel(day) })),
        ]}
        {...form.getInputProps(path(field))}
      />
    ) : (
      <TextInput type="date" label={label} {...form.getInputProps(path(field))} />
    );
  const confirm = askConfirm && (
    <Checkbox
      label={t('checkin.answer.confirm')}
      {...form.getInputProps(path('nonSchoolDayConfirmed'), { type: 'checkbox' })}
    />
  );
  const sessionHappenedOrNot = d.outcome === 'happened' || d.outcome === 'did_not_happen';
  const hasMinutesError = form.errors[path('minutes')] != null;
  return (
    <Stack gap="sm" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Textarea
        label={t('checkin.answer.words', { name: childName })}
        description={t('checkin.answer.wordsHelp', { name: childName })}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={5000}
        {...form.getInputProps(path('childWords'))}
      />

      {q.kind === 'session' && (
        <>
          <Radio.Group label={t('checkin.answer.meaning')} {...form.getInputProps(path('outcome'))}>
            <Group gap="md" mt={6}>
              {options(SESSION_OUTCOMES, (outcome) => t('checkin.answer.session', { outcome })).map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} size="md" />
              ))}
            </Group>
          </Radio.Group>
          {sessionHappenedOrNot && (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              {dayField('sessionDate', t('checkin.answer.whichDay'), true)}
              <TextInput
                type="time"
                label={t('checkin.answer.time')}
                {...form.getInputProps(path('startTime'))}
              />
              {(minutesNeeded || hasMinutesError) && (
                <NumberInput
                  label={t('checkin.answer.minutes')}
                  min={0}
                  max={1440}
                  allowDecimal={false}
                  allowNegative={false}
                  hideControls
                  {...form.getInputProps(path('minutes'))}
                />
              )}
            </SimpleGrid>
          )}
        </>
      )}

      {q.kind === 'accommodation' && (
        <>
          <Radio.Group label={t('checkin.answer.meaning')} {...form.getInputProps(path('outcome'))}>
            <Group gap="md" mt={6}>
              {options(ACCOMMODATION_OUTCOMES, (outcome) =>
                t('checkin.answer.accommodation', { outcome }),
              ).map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} size="md" />
              ))}
            </Group>
          </Radio.Group>
          {d.outcome && dayField('aboutDate', t('checkin.answer.whichDayWas'), false)}
          {d.outcome && (
            <Radio.Group label={t('checkin.answer.substitute')} {...form.getInputProps(path('teacherKind'))}>
              <Group gap="md" mt={6}>
                {options(TEACHER_CHOICES, (teacher) => t('checkin.answer.teacher', { teacher })).map((o) => (
                  <Radio key={o.value} value={o.value} label={o.label} />
                ))}
              </Group>
            </Radio.Group>
          )}
        </>
      )}

      {q.kind === 'behavior' && (
        <>
          <Radio.Group label={t('checkin.answer.hard')} {...form.getInputProps(path('happened'))}>
            <Group gap="md" mt={6}>
              {options(HAPPENED_CHOICES, (happened) => t('checkin.answer.happened', { happened })).map(
                (o) => (
                  <Radio key={o.value} value={o.value} label={o.label} size="md" />
                ),
              )}
            </Group>
          </Radio.Group>
          {d.happened === 'yes' && dayField('aboutDate', t('checkin.answer.whichDayWas'), false)}
          {d.happened && (
            <Radio.Group label={t('checkin.answer.rewardUsed')} {...form.getInputProps(path('rewardUsed'))}>
              <Group gap="md" mt={6}>
                {options(REWARD_CHOICES, (reward) => t('checkin.answer.reward', { reward })).map((o) => (
                  <Radio key={o.value} value={o.value} label={o.label} />
                ))}
              </Group>
            </Radio.Group>
          )}
        </>
      )}

      {confirm}

      {touched && (
        <Group>
          <Button
            size="xs"
            variant="default"
            onClick={onSkip}
            aria-label={t('checkin.answer.skipLabel', { number: i + 1, total })}
          >
            {t('checkin.answer.skip')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
