import {
  Alert,
  Badge,
  Box,
  Button,
  Center,
  Checkbox,
  CopyButton,
  FileButton,
  Group,
  List,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'wouter';
import { MISS_REASONS, type MissReason } from '../../../src/domain/record-kinds.ts';
import { LOG_FIELDS, type LogField } from '../../../src/domain/service-log-columns.ts';
import { DIFFERENCE_KINDS } from '../../../src/domain/service-log-reconcile.ts';
import { plainWords } from '../../../src/domain/service-log-values.ts';
import { ApiError } from '../../api/client.ts';
import { useCan } from '../../api/permissions.ts';
import { useCurrent, useHouseholdChild } from '../../api/session.tsx';
import type { Service } from '../../api/types.ts';
import { attachmentUrl, useAttachments } from '../../components/Attachments.tsx';
import contrast from '../../components/contrast.module.css';
import { formatDate, formatDay, localeFor } from '../../components/dates.ts';
import { useChildServices } from '../../components/queries.ts';
import { TextLink } from '../../components/TextLink.tsx';
import ui from '../../components/ui.module.css';
import { type T, useLanguage, useT, useTParts } from '../../i18n/i18n.tsx';
import { useDraftLetter } from '../letters/letter-api.ts';
import { sayLogWords } from './log-words.ts';
import {
  acceptRows,
  getServiceLog,
  listServiceLogs,
  type Mapping,
  markItem,
  type Preview,
  previewServiceLog,
  type ReconciliationItem,
  saveServiceLog,
  type View,
} from './service-log-api.ts';

// The school's own service log on a service's page (issue 19): bring in the file the school sent (CSV
// or Excel), check which column is which on its first rows (As Written guesses, and remembers the
// answer for the next file from the same school), then see it beside your record: each difference
// grouped by kind and written as a question to ask, never an accusation. Accept the school's rows for
// the dates you choose into your record (as "school log" entries, counted once with yours), keep your
// own, or mark a difference as asked about.

const NOT_USED = '';
const NOT_IN_PLAN = 'none';

/** The page's words: the "servicelog" part of the catalog, and the locale for dates. */
function useServiceLogWords() {
  const t = useT('servicelog');
  const { language } = useLanguage();
  return { t, locale: localeFor(language) };
}

/** What a status the reader did not know may mean, for the parent to choose. */
const statusChoices = (t: T): { value: string; label: string }[] => [
  { value: '', label: t('servicelog.statuses.choose') },
  { value: 'delivered', label: t('servicelog.statuses.delivered') },
  { value: 'makeup', label: t('servicelog.statuses.makeup') },
  // Every reason a session is missed for, from the one list (a log's row always says or implies one).
  ...MISS_REASONS.filter((r) => r !== 'unknown').map((r) => ({
    value: `missed:${r}`,
    label: t('servicelog.statuses.missed', { reason: r }),
  })),
];

function statusOf(value: string) {
  if (value === 'delivered')
    return { kind: 'scheduled' as const, status: 'delivered' as const, reason: null };
  if (value === 'makeup') return { kind: 'makeup' as const, status: 'delivered' as const, reason: null };
  const reason = value.slice('missed:'.length) as MissReason;
  return { kind: 'scheduled' as const, status: 'missed' as const, reason };
}

const columnName = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `${i + 1}`);

export default function ServiceLogPage() {
  const { householdId, child } = useHouseholdChild();
  const params = useParams<{ serviceId: string }>();
  const [search, setSearch] = useSearchParams();
  const { services, isPending, error } = useChildServices(householdId, child.id);
  const service = services.find((s) => s.id === params.serviceId) ?? null;
  const logId = search.get('log');
  const writable = useCan('session.write');
  const { t, locale } = useServiceLogWords();
  const tParts = useTParts();
  const logs = useQuery({
    queryKey: ['service-logs', householdId, child.id],
    queryFn: () => listServiceLogs(householdId, child.id),
  });
  const show = (id: string | null) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('log', id);
        else next.delete('log');
        return next;
      },
      { replace: false },
    );

  if (isPending)
    return (
      <Center h="40vh" role="status" aria-label={t('servicelog.loadingServices')}>
        <Loader />
      </Center>
    );
  return (
    <Stack gap="lg" className={`${ui.page} ${contrast.scope}`}>
      <Title order={2}>{t('servicelog.title')}</Title>
      {error && (
        <Alert color="red" role="alert" title={t('servicelog.servicesError')}>
          {error.message}
        </Alert>
      )}
      {!service && !error && (
        <Alert color="gray" title={t('servicelog.noService.title')}>
          {tParts('servicelog.noService.text', {
            link: <TextLink href="/ledger">{t('servicelog.noService.link')}</TextLink>,
          })}
        </Alert>
      )}
      {service && (
        <>
          <Text>
            {tParts('servicelog.intro', {
              service: <bdi>{service.name}</bdi>,
              child: <bdi>{child.firstName}</bdi>,
              link: <TextLink href={`/ledger/${service.id}`}>{t('servicelog.backToLedger')}</TextLink>,
            })}
          </Text>
          {logId ? (
            <LogView
              householdId={householdId}
              id={logId}
              services={services}
              writable={writable}
              onBack={() => show(null)}
            />
          ) : writable ? (
            <ImportFlow
              householdId={householdId}
              childId={child.id}
              childName={child.firstName}
              service={service}
              services={services}
              fromAttachment={search.get('attachment')}
              onSaved={async (view) => {
                await logs.refetch();
                show(view.import.id);
              }}
            />
          ) : null}
          {!logId && (logs.data?.length ?? 0) > 0 && (
            <Box component="section" aria-labelledby="past-logs-heading">
              <Title order={3} id="past-logs-heading" mb="xs">
                {t('servicelog.past.title')}
              </Title>
              <List spacing="xs">
                {logs.data!.map((l) => (
                  <List.Item key={l.id}>
                    <Button variant="default" size="compact-sm" onClick={() => show(l.id)}>
                      <bdi>{l.filename}</bdi>
                    </Button>{' '}
                    <Text span size="sm">
                      {t('servicelog.past.summary', {
                        hasDates: l.summary.dates.from && l.summary.dates.to ? 'yes' : 'no',
                        from: formatDate(l.summary.dates.from, locale),
                        to: formatDate(l.summary.dates.to, locale),
                        count: l.summary.counts.read,
                        date: formatDate(l.createdAt.slice(0, 10), locale),
                      })}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Box>
          )}
        </>
      )}
    </Stack>
  );
}

function ImportFlow({
  householdId,
  childId,
  childName,
  service,
  services,
  fromAttachment,
  onSaved,
}: {
  householdId: string;
  childId: string;
  childName: string;
  service: Service;
  services: Service[];
  /** A file the school sent, kept with a message (from the thread's "Import as the school's service log"). */
  fromAttachment: string | null;
  onSaved(view: View): Promise<void>;
}) {
  const ids = useId();
  const { t } = useServiceLogWords();
  const attachment = useAttachments(householdId, fromAttachment ? [fromAttachment] : []);
  const csrfToken = useCurrent().session.csrfToken;
  const [file, setFile] = useState<File | null>(null);
  const [studentId, setStudentId] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [busy, setBusy] = useState<'reading' | 'saving' | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);

  const read = async (chosen: File | null, withMapping: Mapping | null) => {
    if (!chosen) return;
    setFile(chosen);
    setError(null);
    setBusy('reading');
    try {
      const got = await previewServiceLog(
        householdId,
        childId,
        chosen,
        { serviceId: service.id, studentId, mapping: withMapping },
        csrfToken,
      );
      setPreview(got);
      setMapping({
        headerLines: got.mapping.headerLines,
        columns: got.mapping.columns,
        services: got.mapping.services,
        statuses: got.mapping.statuses,
        dateOrder: got.mapping.dateOrder,
        minutesUnit: got.mapping.minutesUnit,
      });
    } catch (e) {
      setPreview(null);
      setError(e instanceof Error ? e : new Error(t('servicelog.import.readFailed')));
    } finally {
      setBusy(null);
    }
  };

  // A file from a message is read as if chosen here: its bytes are fetched once, then the same steps.
  const fromMessage = fromAttachment ? attachment.data?.get(fromAttachment) : undefined;
  const started = useRef<string | null>(null);
  useEffect(() => {
    if (!fromMessage || started.current === fromMessage.id) return;
    started.current = fromMessage.id;
    void (async () => {
      try {
        const res = await fetch(attachmentUrl(householdId, fromMessage.id, 'content'), {
          credentials: 'same-origin',
        });
        if (!res.ok) throw new Error(t('servicelog.import.fromMessageFailed'));
        const bytes = await res.blob();
        await read(new File([bytes], fromMessage.filename, { type: fromMessage.mediaType }), null);
      } catch (e) {
        setError(e instanceof Error ? e : new Error(t('servicelog.import.fromMessageFailed')));
      }
    })();
  });

  const save = async () => {
    if (!file || !mapping) return;
    setError(null);
    setBusy('saving');
    try {
      const view = await saveServiceLog(
        householdId,
        childId,
        file,
        { serviceId: service.id, studentId, mapping },
        csrfToken,
      );
      setPreview(null);
      setFile(null);
      await onSaved(view);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(t('servicelog.import.saveFailed')));
    } finally {
      setBusy(null);
    }
  };

  const fileError =
    error instanceof ApiError
      ? (error.fieldError('file') ?? error.fieldError('mapping') ?? error.message)
      : error?.message;
  const studentIdError = error instanceof ApiError ? error.fieldError('studentId') : undefined;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${ids}-import`}>
      <Stack gap="md">
        <Title order={3} id={`${ids}-import`}>
          {t('servicelog.import.title')}
        </Title>
        <Text size="sm">{t('servicelog.import.intro')}</Text>
        <TextInput
          label={t('servicelog.import.studentId')}
          description={t('servicelog.import.studentIdHint', { name: childName })}
          value={studentId}
          maxLength={40}
          error={studentIdError}
          onChange={(e) => setStudentId(e.currentTarget.value)}
          w={{ base: '100%', xs: 280 }}
        />
        <Group>
          <FileButton
            onChange={(f) => read(f, null)}
            accept=".csv,.txt,.tsv,.xlsx,.pdf,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/pdf"
          >
            {(props) => (
              <Button {...props} loading={busy === 'reading'} aria-describedby={`${ids}-file`}>
                {t('servicelog.import.choose', { again: file ? 'yes' : 'no' })}
              </Button>
            )}
          </FileButton>
          <Text size="sm" id={`${ids}-file`}>
            {file ? <bdi>{file.name}</bdi> : t('servicelog.import.noFile')}
          </Text>
        </Group>
        {fileError && (
          <Alert color="red" role="alert" title={t('servicelog.import.fileError')}>
            {fileError}
          </Alert>
        )}
        {preview && mapping && (
          <PreviewStep
            preview={preview}
            mapping={mapping}
            childName={childName}
            services={services}
            onChange={setMapping}
            onReadAgain={() => read(file, mapping)}
            onSave={save}
            busy={busy}
          />
        )}
      </Stack>
    </Paper>
  );
}

function PreviewStep({
  preview,
  mapping,
  childName,
  services,
  onChange,
  onReadAgain,
  onSave,
  busy,
}: {
  preview: Preview;
  mapping: Mapping;
  childName: string;
  services: Service[];
  onChange(m: Mapping): void;
  onReadAgain(): void;
  onSave(): void;
  busy: 'reading' | 'saving' | null;
}) {
  const ids = useId();
  const { t, locale } = useServiceLogWords();
  const width = Math.max(
    preview.header?.columns.length ?? 0,
    ...preview.firstRows.map((r) => r.cells.length),
  );
  const headerOf = (i: number) =>
    preview.header?.columns[i]?.header || t('servicelog.columns.column', { name: columnName(i) });
  const fieldOf = (i: number): LogField | '' =>
    (Object.entries(mapping.columns ?? {}).find(([, c]) => c === i)?.[0] as LogField | undefined) ?? '';
  const setColumn = (i: number, field: LogField | '') => {
    const columns = Object.fromEntries(
      Object.entries(mapping.columns ?? {}).filter(([f, c]) => c !== i && f !== field),
    ) as Record<string, number>;
    if (field) columns[field] = i;
    onChange({ ...mapping, columns });
  };
  const problems = preview.unread.filter((u) => u.kind === 'problem');
  const skipped = preview.unread.filter((u) => u.kind !== 'problem' && u.kind !== 'other_student');
  return (
    <Stack gap="md">
      {preview.problem && (
        <Alert color="red" role="alert" title={t('servicelog.preview.problem')}>
          {sayLogWords(preview.problem.words, preview.problem.message, t)}
        </Alert>
      )}
      {preview.notes.length > 0 && (
        <Alert color="yellow" title={t('servicelog.preview.notes')}>
          <List size="sm" spacing={2}>
            {preview.notes.map((n, i) => (
              <List.Item key={n}>{sayLogWords(preview.noteWords?.[i], n, t)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Box component="section" aria-labelledby={`${ids}-columns`}>
        <Title order={4} id={`${ids}-columns`} mb={4}>
          {t('servicelog.columns.title')}
        </Title>
        <Text size="sm" mb="xs">
          {t('servicelog.columns.intro', { remembered: preview.remembered ? 'yes' : 'no' })}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs">
          {Array.from({ length: width }, (_, i) => (
            <NativeSelect
              // biome-ignore lint/suspicious/noArrayIndexKey: a column is its place in the file
              key={i}
              label={t('servicelog.columns.label', { column: columnName(i), header: headerOf(i) })}
              value={fieldOf(i)}
              onChange={(e) => setColumn(i, e.currentTarget.value as LogField | '')}
              data={[
                { value: NOT_USED, label: t('servicelog.columns.notUsed') },
                ...LOG_FIELDS.map((f) => ({ value: f, label: t('servicelog.field', { field: f }) })),
              ]}
            />
          ))}
        </SimpleGrid>
      </Box>
      {preview.services.length > 0 && (
        <Box component="section" aria-labelledby={`${ids}-services`}>
          <Title order={4} id={`${ids}-services`} mb={4}>
            {t('servicelog.services.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            {preview.services.map((m) => {
              const key = plainWords(m.text);
              const chosen = mapping.services?.[key];
              return (
                <NativeSelect
                  key={key}
                  label={t('servicelog.services.label', { text: m.text })}
                  value={chosen === undefined ? (m.serviceId ?? NOT_IN_PLAN) : (chosen ?? NOT_IN_PLAN)}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    onChange({
                      ...mapping,
                      services: { ...mapping.services, [key]: v === NOT_IN_PLAN ? null : v },
                    });
                  }}
                  data={[
                    ...services.map((s) => ({ value: s.id, label: s.name })),
                    { value: NOT_IN_PLAN, label: t('servicelog.services.notInPlan', { name: childName }) },
                  ]}
                />
              );
            })}
          </SimpleGrid>
        </Box>
      )}
      {preview.unknownStatuses.length > 0 && (
        <Box component="section" aria-labelledby={`${ids}-statuses`}>
          <Title order={4} id={`${ids}-statuses`} mb={4}>
            {t('servicelog.statuses.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            {preview.unknownStatuses.map((s) => {
              const key = plainWords(s);
              const set = mapping.statuses?.[key];
              const value = !set
                ? ''
                : set.kind === 'makeup'
                  ? 'makeup'
                  : set.status === 'missed'
                    ? `missed:${set.reason}`
                    : 'delivered';
              return (
                <NativeSelect
                  key={key}
                  label={t('servicelog.statuses.label', { text: s })}
                  value={value}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    const statuses = { ...mapping.statuses };
                    if (v) statuses[key] = statusOf(v);
                    else delete statuses[key];
                    onChange({ ...mapping, statuses });
                  }}
                  data={statusChoices(t)}
                />
              );
            })}
          </SimpleGrid>
        </Box>
      )}
      {preview.dates.order == null && preview.rows.length > 0 && (
        <NativeSelect
          label={t('servicelog.dates.label')}
          w={{ base: '100%', xs: 280 }}
          value={mapping.dateOrder ?? ''}
          onChange={(e) =>
            onChange({ ...mapping, dateOrder: (e.currentTarget.value || null) as Mapping['dateOrder'] })
          }
          data={[
            { value: '', label: t('servicelog.dates.asRead') },
            { value: 'mdy', label: t('servicelog.dates.mdy') },
            { value: 'dmy', label: t('servicelog.dates.dmy') },
          ]}
        />
      )}
      <Group>
        <Button variant="default" onClick={onReadAgain} loading={busy === 'reading'}>
          {t('servicelog.readAgain')}
        </Button>
      </Group>

      <Box component="section" aria-labelledby={`${ids}-rows`}>
        <Title order={4} id={`${ids}-rows`} mb={4}>
          {t('servicelog.rows.title')}
        </Title>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it */}
        <section className={ui.tableScroll} tabIndex={0} aria-label={t('servicelog.rows.scroll')}>
          <Table striped fz="sm" miw={Math.max(320, width * 110)}>
            <Table.Caption>{t('servicelog.rows.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('servicelog.rows.line')}</Table.Th>
                {Array.from({ length: width }, (_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a column is its place in the file
                  <Table.Th scope="col" key={i}>
                    {fieldOf(i) ? t('servicelog.field', { field: fieldOf(i) }) : headerOf(i)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.firstRows.map((r) => (
                <Table.Tr key={r.line}>
                  <Table.Th scope="row">
                    {t('servicelog.rows.lineOf', { line: String(r.line), whose: r.whose })}
                  </Table.Th>
                  {Array.from({ length: width }, (_, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a column is its place in the file
                    <Table.Td key={i}>
                      <bdi>{r.cells[i] ?? ''}</bdi>
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      </Box>

      <Text fw={600}>
        {t('servicelog.read', {
          count: preview.counts.read,
          name: childName,
          hasDates: preview.dates.from && preview.dates.to ? 'yes' : 'no',
          from: formatDate(preview.dates.from, locale),
          to: formatDate(preview.dates.to, locale),
        })}{' '}
        {problems.length > 0 ? t('servicelog.readProblems', { count: problems.length }) : ''}
      </Text>
      {(problems.length > 0 || skipped.length > 0) && (
        <details>
          <summary>{t('servicelog.unread.title')}</summary>
          <List size="sm" spacing={2} mt="xs">
            {[...problems, ...skipped].map((u) => (
              <List.Item key={u.line}>
                {t('servicelog.unread.line', {
                  line: String(u.line),
                  reason: sayLogWords(u.words, u.reason, t),
                })}
              </List.Item>
            ))}
          </List>
        </details>
      )}
      {!preview.problem && preview.rows.length > 0 && (
        <Box component="section" aria-labelledby={`${ids}-beside`}>
          <Title order={4} id={`${ids}-beside`} mb={4}>
            {t('servicelog.beside')}
          </Title>
          <Text size="sm">{preview.reconciliation.summary}</Text>
        </Box>
      )}
      <Group>
        <Button
          onClick={onSave}
          loading={busy === 'saving'}
          disabled={preview.problem != null || preview.rows.length === 0}
        >
          {t('servicelog.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function LogView({
  householdId,
  id,
  services,
  writable,
  onBack,
}: {
  householdId: string;
  id: string;
  services: Service[];
  writable: boolean;
  onBack(): void;
}) {
  const client = useQueryClient();
  const { t, locale } = useServiceLogWords();
  const tParts = useTParts();
  const query = useQuery({
    queryKey: ['service-log', householdId, id],
    queryFn: () => getServiceLog(householdId, id),
  });
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  // The differences picked for a letter (issue 19): by their reconciliation keys.
  const [asking, setAsking] = useState<Set<string>>(new Set());
  const { draft, busy: drafting } = useDraftLetter(householdId, query.data?.import.childId ?? '');
  const [confirmNoSchool, setConfirmNoSchool] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const serviceName = (sid: string) => services.find((s) => s.id === sid)?.name ?? t('servicelog.aService');

  if (query.isPending)
    return (
      <Center h={200} role="status" aria-label={t('servicelog.log.loading')}>
        <Loader />
      </Center>
    );
  if (query.error || !query.data)
    return (
      <Alert color="red" role="alert" title={t('servicelog.log.loadError')}>
        {query.error?.message}
      </Alert>
    );
  const view = query.data;
  const refresh = async (next: View) => {
    client.setQueryData(['service-log', householdId, id], next);
    await Promise.all([
      client.invalidateQueries({ queryKey: ['ledger'] }),
      client.invalidateQueries({ queryKey: ['sessions'] }),
      client.invalidateQueries({ queryKey: ['week'] }),
    ]);
  };
  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      const lines = [...chosen].sort((a, b) => a - b);
      const result = await acceptRows(householdId, id, lines, confirmNoSchool);
      setChosen(new Set());
      setDone(t('servicelog.log.added', { count: result.entries.length }));
      await refresh(result.view);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(t('servicelog.log.notSaved')));
    } finally {
      setBusy(false);
    }
  };
  const mark = async (item: ReconciliationItem, value: 'open' | 'asked_about' | 'kept_mine') => {
    setError(null);
    try {
      await refresh(await markItem(householdId, id, item.key, value));
    } catch (e) {
      setError(e instanceof Error ? e : new Error(t('servicelog.log.notSaved')));
    }
  };
  const draftAbout = async (itemKeys: string[], key: string) => {
    setError(null);
    const message = await draft({ kind: 'service_log_questions', importId: id, itemKeys }, key);
    if (message) setError(new Error(message));
  };
  const items = view.reconciliation.items;
  const groups = DIFFERENCE_KINDS.map((kind) => ({
    kind,
    items: items.filter((i) => i.kind === kind),
  })).filter((g) => g.items.length > 0);
  const imp = view.import;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>
          <bdi>{imp.filename}</bdi>
        </Title>
        <Button variant="default" size="compact-sm" onClick={onBack}>
          {t('servicelog.log.another')}
        </Button>
      </Group>
      <Text size="sm">
        {tParts('servicelog.log.summary', {
          count: imp.summary.counts.read,
          hasDates: imp.summary.dates.from && imp.summary.dates.to ? 'yes' : 'no',
          from: formatDate(imp.summary.dates.from, locale),
          to: formatDate(imp.summary.dates.to, locale),
          date: formatDate(imp.createdAt.slice(0, 10), locale),
          sha: <code>{imp.sha256.slice(0, 12)}</code>,
        })}
      </Text>
      {imp.summary.notes.map((n, i) => (
        <Alert key={n} color="yellow">
          {sayLogWords(view.noteWords?.[i], n, t)}
        </Alert>
      ))}
      <Text fw={600} role="status">
        {view.reconciliation.summary}
      </Text>
      {done && (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert" title={t('servicelog.log.notSavedTitle')}>
          {error.message}
        </Alert>
      )}
      {groups.map((g) => (
        <Box component="section" key={g.kind} aria-labelledby={`group-${g.kind}`}>
          <Title order={4} id={`group-${g.kind}`} mb="xs">
            {t('servicelog.group', { kind: t('servicelog.kind', { kind: g.kind }), count: g.items.length })}
          </Title>
          <Stack gap="xs">
            {g.items.map((item) => (
              <ItemCard
                key={item.key}
                item={item}
                serviceName={serviceName(item.serviceId)}
                writable={writable}
                checked={item.school != null && chosen.has(item.school.line)}
                onCheck={(on) =>
                  setChosen((prev) => {
                    const next = new Set(prev);
                    if (item.school) {
                      if (on) next.add(item.school.line);
                      else next.delete(item.school.line);
                    }
                    return next;
                  })
                }
                onMark={(value) => mark(item, value)}
                asking={asking.has(item.key)}
                onAsk={(on) =>
                  setAsking((prev) => {
                    const next = new Set(prev);
                    if (on) next.add(item.key);
                    else next.delete(item.key);
                    return next;
                  })
                }
                drafting={drafting === item.key}
                onDraft={() => draftAbout([item.key], item.key)}
              />
            ))}
          </Stack>
        </Box>
      ))}
      {writable && (
        <Paper withBorder p="sm" className={ui.page}>
          <Stack gap="xs">
            <Checkbox
              label={t('servicelog.noSchool')}
              checked={confirmNoSchool}
              onChange={(e) => setConfirmNoSchool(e.currentTarget.checked)}
            />
            <Group>
              <Button onClick={accept} loading={busy} disabled={chosen.size === 0}>
                {t('servicelog.accept', { count: chosen.size })}
              </Button>
              <Button
                variant="default"
                onClick={() => draftAbout([...asking], 'several')}
                loading={drafting === 'several'}
                disabled={asking.size === 0}
              >
                {t('servicelog.draftSeveral', { count: asking.size })}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function ItemCard({
  item,
  serviceName,
  writable,
  checked,
  onCheck,
  onMark,
  asking,
  onAsk,
  drafting,
  onDraft,
}: {
  item: ReconciliationItem;
  serviceName: string;
  writable: boolean;
  checked: boolean;
  onCheck(on: boolean): void;
  onMark(value: 'open' | 'asked_about' | 'kept_mine'): void;
  asking: boolean;
  onAsk(on: boolean): void;
  drafting: boolean;
  onDraft(): void;
}) {
  const ids = useId();
  const { t, locale } = useServiceLogWords();
  const tParts = useTParts();
  const when = t('servicelog.item.when', {
    day: formatDay(item.date, 'weekdayLong', locale),
    hasTime: item.startTime ? 'yes' : 'no',
    time: item.startTime ?? '',
  });
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={`${ids}-when`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} id={`${ids}-when`}>
            {tParts('servicelog.item.heading', { when, service: <bdi>{serviceName}</bdi> })}
          </Text>
          {item.mark !== 'open' && (
            <Badge variant="outline" color="dark">
              {t('servicelog.mark', { mark: item.mark })}
            </Badge>
          )}
          {item.recordedEntryId && item.mark !== 'accepted' && (
            <Badge variant="outline" color="dark">
              {t('servicelog.item.fromLog')}
            </Badge>
          )}
        </Group>
        <Text size="sm">{item.summary}</Text>
        {item.question && (
          <Text size="sm" fs="italic">
            {t('servicelog.item.toAsk', { question: item.question })}
          </Text>
        )}
        {item.question && (
          <Group gap="xs">
            <CopyButton value={item.question} timeout={2500}>
              {({ copied, copy }) => (
                <Button size="compact-sm" variant="default" onClick={copy} aria-describedby={`${ids}-when`}>
                  {copied ? t('common.copied') : t('servicelog.item.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
        {writable && (
          <Group gap="xs" wrap="wrap">
            {item.acceptable && (
              <Checkbox
                label={t('servicelog.item.accept', { line: String(item.school?.line) })}
                checked={checked}
                onChange={(e) => onCheck(e.currentTarget.checked)}
              />
            )}
            {item.kind !== 'agree' && (
              <>
                <Checkbox
                  label={t('servicelog.item.ask')}
                  checked={asking}
                  onChange={(e) => onAsk(e.currentTarget.checked)}
                  aria-describedby={`${ids}-when`}
                />
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={onDraft}
                  loading={drafting}
                  aria-describedby={`${ids}-when`}
                >
                  {t('servicelog.item.draft')}
                </Button>
              </>
            )}
            {item.kind !== 'agree' && item.mark !== 'accepted' && item.mark !== 'asked_about' && (
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => onMark('asked_about')}
                aria-describedby={`${ids}-when`}
              >
                {t('servicelog.item.markAsked')}
              </Button>
            )}
            {item.kind !== 'agree' &&
              item.mark !== 'accepted' &&
              item.mark !== 'kept_mine' &&
              item.family && (
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => onMark('kept_mine')}
                  aria-describedby={`${ids}-when`}
                >
                  {t('servicelog.item.keepMine')}
                </Button>
              )}
            {(item.mark === 'asked_about' || item.mark === 'kept_mine') && (
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => onMark('open')}
                aria-describedby={`${ids}-when`}
              >
                {t('servicelog.item.reopen')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
