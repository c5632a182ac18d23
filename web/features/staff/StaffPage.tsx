import {
  Alert,
  type AlertProps,
  Badge,
  Button,
  Container,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { buildCalendarIndex } from '../../../src/domain/school-calendar.ts';
import type { MissReason, SessionStatus } from '../../../src/domain/session-entry.ts';
import { ApiError } from '../../api/client.ts';
import type { SessionEntry, StaffLinkView } from '../../api/types.ts';
import { Loading } from '../../app/App.tsx';
import { BrandHeading } from '../../components/BrandHeading.tsx';
import contrast from '../../components/contrast.module.css';
import { formatDay, formatInstantDay, todayIso } from '../../components/dates.ts';
import { FormError } from '../../components/form-errors.tsx';
import { SchoolDayNotice, useSchoolDayDate } from '../../components/SchoolDayNotice.tsx';
import { useTParts } from '../../i18n/i18n.tsx';
import { tokenFromHash } from '../auth/PasswordReset.tsx';
import aa from '../household/aa.module.css';
import { ConfirmedItem } from './StaffCorrection.tsx';
import { describeEntry, linkNotValid, staffRequest, staffSaveError, useStaffWords } from './staff-api.ts';
import { MinutesDeliveredInput, ReasonSelect, StatusRadios } from './staff-fields.tsx';

// The page a therapist or case manager opens from a staff link: no account, no cookie. It shows
// only what the API returns for the link and lets the holder confirm sessions.

type Status = SessionStatus;
type Confirmed = StaffLinkView['services'][number]['weeks'][number]['confirmedByThisLink'][number];

function StaffLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container size={760} px="md" py="lg" component="main" className={`${contrast.scope} ${aa.page}`}>
      <Stack gap="md">
        <BrandHeading title={title} />
        {children}
      </Stack>
    </Container>
  );
}

/** What was just saved, in a region that is there before it, so that screen readers announce it. */
function SavedStatus({ saved, ...props }: { saved: string | null } & AlertProps) {
  return (
    <div role="status">
      {saved && (
        <Alert color="green" {...props}>
          {saved}
        </Alert>
      )}
    </div>
  );
}

function NotValid() {
  const { t } = useStaffWords();
  return (
    <StaffLayout title={t('staff.notValid.title')}>
      <Alert color="red" role="alert" title={t('staff.notValid.alert')}>
        {linkNotValid(t)}
      </Alert>
      <Text size="sm" c="dimmed">
        {t('staff.notValid.text')}
      </Text>
    </StaffLayout>
  );
}

export default function StaffPage() {
  const [token] = useState(tokenFromHash);
  const { t } = useStaffWords();
  const documentTitle = t('staff.documentTitle');
  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);
  const view = useQuery({
    queryKey: ['staff-link-view', token],
    queryFn: () => staffRequest<StaffLinkView>(token, 'GET', '/staff-link'),
    enabled: token !== '',
    retry: (count, error) => !(error instanceof ApiError && error.status === 401) && count < 1,
    refetchOnWindowFocus: false,
  });
  if (!token) return <NotValid />;
  if (view.isPending) return <Loading />;
  if (view.isError) {
    if (view.error instanceof ApiError && view.error.status === 401) return <NotValid />;
    return (
      <StaffLayout title={t('staff.title')}>
        <Alert color="red" role="alert" title={t('staff.loadError')}>
          {view.error instanceof ApiError ? view.error.message : t('staff.failed')}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => void view.refetch()}>
            {t('common.tryAgain')}
          </Button>
        </Alert>
      </StaffLayout>
    );
  }
  return <StaffView token={token} view={view.data} />;
}

function StaffView({ token, view }: { token: string; view: StaffLinkView }) {
  const name = view.childFirstName;
  const { t, locale } = useStaffWords();
  const tParts = useTParts();
  return (
    <StaffLayout title={t('staff.view.title', { name })}>
      <Text>
        {tParts('staff.view.intro', {
          name: <bdi>{name}</bdi>,
          child: <bdi>{name}</bdi>,
          hasLabel: view.label ? 'yes' : 'no',
          label: view.label ?? '',
          date: formatInstantDay(view.expiresAt, locale),
        })}
      </Text>
      {view.services.length === 0 ? (
        <Alert color="yellow" title={t('staff.noServices.title')}>
          {t('staff.noServices.text')}
        </Alert>
      ) : (
        <>
          <ConfirmForm token={token} view={view} />
          {view.services.map((s) => (
            <ServiceWeeks key={s.id} token={token} service={s} />
          ))}
        </>
      )}
    </StaffLayout>
  );
}

function ServiceWeeks({ token, service }: { token: string; service: StaffLinkView['services'][number] }) {
  const headingId = `service-${service.id}`;
  const weeks = [...service.weeks].reverse();
  // A fix replaces the entry in its week, so what was saved is said here, above the weeks.
  const [saved, setSaved] = useState<string | null>(null);
  const { t } = useStaffWords();
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {service.name}
        </Title>
        <Text size="sm">
          {service.amount}
          {service.providerRole ? ` · ${service.providerRole}` : ''}
        </Text>
        <SavedStatus saved={saved} p="xs" />
        {weeks.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('staff.noWeeks')}
          </Text>
        ) : (
          <Stack
            component="ul"
            gap={0}
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('staff.weeksLabel', { service: service.name })}
          >
            {weeks.map((w, i) => (
              <WeekRow
                key={w.start}
                token={token}
                serviceName={service.name}
                week={w}
                first={i === 0}
                onSaved={setSaved}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function WeekRow({
  token,
  serviceName,
  week,
  first,
  onSaved,
}: {
  token: string;
  serviceName: string;
  week: StaffLinkView['services'][number]['weeks'][number];
  first: boolean;
  onSaved(message: string): void;
}) {
  const { t, locale } = useStaffWords();
  const missing =
    week.expectedSessions != null ? Math.max(0, week.expectedSessions - week.loggedSessions) : 0;
  return (
    <Stack
      component="li"
      gap={2}
      py="xs"
      style={first ? undefined : { borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <Group gap="xs" justify="space-between">
        <Text fw={600} size="sm">
          {t('staff.week.of', { date: formatDay(week.start, 'weekdayShortYear', locale) })}
        </Text>
        {missing > 0 ? (
          <Badge color="orange" variant="light" tt="none">
            {t('staff.week.notLogged', { count: missing })}
          </Badge>
        ) : week.expectedSessions != null ? (
          <Badge color="green" variant="light" tt="none">
            {t('staff.week.allLogged')}
          </Badge>
        ) : null}
      </Group>
      <Text size="sm">
        {t('staff.week.sessions', {
          hasExpected: week.expectedSessions == null ? 'no' : 'yes',
          expected: week.expectedSessions ?? 0,
          logged: week.loggedSessions,
        })}
      </Text>
      {week.confirmedByThisLink.length > 0 && (
        <List size="sm" spacing={2} withPadding>
          {week.confirmedByThisLink.map((e: Confirmed) => (
            <List.Item key={e.id}>
              <ConfirmedItem token={token} serviceName={serviceName} entry={e} onSaved={onSaved} />
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

type FormValues = {
  serviceId: string;
  date: string;
  status: Status;
  minutesDelivered: number | string;
  reason: MissReason | '';
  reasonText: string;
  note: string;
  startTime: string;
};

/** The answers of one session, as the form starts and as it is cleared after a confirmation. */
const NEW_SESSION: Omit<FormValues, 'serviceId' | 'date'> = {
  status: 'delivered',
  minutesDelivered: '',
  reason: '',
  reasonText: '',
  note: '',
  startTime: '',
};

function ConfirmForm({ token, view }: { token: string; view: StaffLinkView }) {
  const client = useQueryClient();
  const { t, locale } = useStaffWords();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const today = todayIso();
  const form = useForm<FormValues>({
    initialValues: {
      serviceId: view.services[0]?.id ?? '',
      date: today,
      ...NEW_SESSION,
    },
    validate: {
      serviceId: (v) => (v ? null : t('staff.error.service')),
      date: (v) =>
        !/^\d{4}-\d{2}-\d{2}$/.test(v)
          ? t('staff.error.date')
          : v > todayIso()
            ? t('staff.error.future')
            : null,
      minutesDelivered: (v, values) => {
        if (values.status === 'missed') return null;
        if (v === '' && values.status === 'delivered') return null;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 1440)
          return values.status === 'short' ? t('staff.error.minutesShort') : t('staff.error.minutes');
        return null;
      },
      reason: (v, values) => (values.status !== 'delivered' && !v ? t('staff.error.reason') : null),
    },
  });
  const status = form.values.status;
  const serviceName = (id: string) => view.services.find((s) => s.id === id)?.name ?? t('staff.theService');
  // The same rule as the server's, on the calendar the link's page carries (src/domain/school-days.ts).
  const index = useMemo(() => buildCalendarIndex(view.calendars), [view.calendars]);
  const esyBlocks = view.services.find((s) => s.id === form.values.serviceId)?.esyBlocks ?? [];
  const schoolDay = useSchoolDayDate({
    index,
    today,
    date: form.values.date,
    setDate: (date) => form.setFieldValue('date', date),
    touched: form.isTouched('date'),
    record: {
      kind: 'session',
      status,
      reason: status === 'delivered' ? null : form.values.reason || null,
      esyBlocks,
    },
    esyBlocks,
  });
  const [confirmError, setConfirmError] = useState<string | null>(null);

  const submit = form.onSubmit(async (values) => {
    setError(null);
    setSaved(null);
    if (!schoolDay.ready) {
      setConfirmError(t('staff.error.sure'));
      return;
    }
    setConfirmError(null);
    try {
      const entry = await staffRequest<SessionEntry>(token, 'POST', '/staff-link/sessions', {
        serviceId: values.serviceId,
        date: values.date,
        status: values.status,
        minutesDelivered:
          values.status !== 'missed' && typeof values.minutesDelivered === 'number'
            ? values.minutesDelivered
            : null,
        reason: values.status === 'delivered' || values.reason === '' ? null : values.reason,
        reasonText:
          values.status !== 'delivered' && values.reason === 'other'
            ? values.reasonText.trim() || null
            : null,
        note: values.note.trim() || null,
        startTime: values.startTime || null,
        nonSchoolDayConfirmed: schoolDay.confirmation,
      });
      // A new confirmation is never a void (only a correction can be).
      const confirmed = { ...entry, status: entry.status as Status };
      setSaved(
        t('staff.saved', {
          service: serviceName(entry.serviceId),
          date: formatDay(entry.date, 'weekdayShortYear', locale),
          entry: describeEntry(t, confirmed),
        }),
      );
      form.setValues(NEW_SESSION);
      form.resetDirty();
      await client.invalidateQueries({ queryKey: ['staff-link-view', token] });
    } catch (e) {
      setError(staffSaveError(t, form, e));
    }
  });

  return (
    <Paper component="section" withBorder p="md" aria-labelledby="confirm-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="confirm-title">
            {t('staff.form.title')}
          </Title>
          <FormError message={error} />
          <NativeSelect
            label={t('staff.form.service')}
            data={view.services.map((s) => ({ value: s.id, label: s.name }))}
            required
            {...form.getInputProps('serviceId')}
          />
          <TextInput
            label={t('staff.form.date')}
            type="date"
            max={today}
            required
            w={{ base: '100%', xs: 240 }}
            {...form.getInputProps('date')}
          />
          <SchoolDayNotice state={schoolDay} error={confirmError} />
          <StatusRadios required {...form.getInputProps('status')} />
          {status !== 'missed' && (
            <MinutesDeliveredInput
              description={t('staff.form.minutesHint', { status })}
              required={status === 'short'}
              {...form.getInputProps('minutesDelivered')}
            />
          )}
          {status !== 'delivered' && (
            <ReasonSelect
              description={t('staff.form.reasonHint', { status })}
              required
              {...form.getInputProps('reason')}
            />
          )}
          {status !== 'delivered' && form.values.reason === 'other' && (
            <TextInput
              label={t('staff.form.reasonText')}
              maxLength={2000}
              {...form.getInputProps('reasonText')}
            />
          )}
          <TextInput
            type="time"
            label={t('staff.form.startTime')}
            description={t('staff.form.startTimeHint')}
            w={{ base: '100%', xs: 240 }}
            {...form.getInputProps('startTime')}
          />
          <Textarea
            label={t('staff.form.note')}
            description={t('staff.form.noteHint')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('note')}
          />
          <Alert color="blue" variant="light" title={t('staff.form.mistakesTitle')}>
            {t('staff.form.mistakes')}
          </Alert>
          <Button type="submit" loading={form.submitting} w={{ base: '100%', xs: 'fit-content' }}>
            {t('staff.form.submit')}
          </Button>
          <SavedStatus saved={saved} title={t('staff.form.confirmed')} />
        </Stack>
      </form>
    </Paper>
  );
}
