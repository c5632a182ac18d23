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
import { useId, useState } from 'react';
import { useParams, useSearchParams } from 'wouter';
import { MISS_REASON_LABELS, MISS_REASONS, type MissReason } from '../../../src/domain/record-kinds.ts';
import { LOG_FIELD_LABELS, LOG_FIELDS, type LogField } from '../../../src/domain/service-log-columns.ts';
import { DIFFERENCE_KIND_LABELS, DIFFERENCE_KINDS } from '../../../src/domain/service-log-reconcile.ts';
import { plainWords } from '../../../src/domain/service-log-values.ts';
import { ApiError } from '../../api/client.ts';
import { useCan } from '../../api/permissions.ts';
import { useCurrent, useHouseholdChild } from '../../api/session.tsx';
import type { Service } from '../../api/types.ts';
import contrast from '../../components/contrast.module.css';
import { formatDate, formatDay } from '../../components/dates.ts';
import { useChildServices } from '../../components/queries.ts';
import { TextLink } from '../../components/TextLink.tsx';
import ui from '../../components/ui.module.css';
import { useDraftLetter } from '../letters/letter-api.ts';
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

/** What a status the reader did not know may mean, for the parent to choose. */
const STATUS_CHOICES: { value: string; label: string }[] = [
  { value: '', label: 'Choose what it means' },
  { value: 'delivered', label: 'Delivered' },
  { value: 'makeup', label: 'A make-up session' },
  // Every reason a session is missed for, from the one list (a log's row always says or implies one).
  ...MISS_REASONS.filter((r) => r !== 'unknown').map((r) => ({
    value: `missed:${r}`,
    label: `Not held: ${MISS_REASON_LABELS[r].toLowerCase()}`,
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
      <Center h="40vh" role="status" aria-label="Loading the services">
        <Loader />
      </Center>
    );
  return (
    <Stack gap="lg" className={`${ui.page} ${contrast.scope}`}>
      <Title order={2}>The school’s service log</Title>
      {error && (
        <Alert color="red" role="alert" title="The services could not be loaded">
          {error.message}
        </Alert>
      )}
      {!service && !error && (
        <Alert color="gray" title="No such service">
          <TextLink href="/ledger">Go to the ledger</TextLink> and choose a service.
        </Alert>
      )}
      {service && (
        <>
          <Text>
            Put the log the school keeps for <bdi>{service.name}</bdi> beside your own record: each difference
            becomes a question you can ask. Only <bdi>{child.firstName}</bdi>’s rows are kept; the file itself
            is not stored. <TextLink href={`/ledger/${service.id}`}>Back to the ledger</TextLink>
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
              onSaved={async (view) => {
                await logs.refetch();
                show(view.import.id);
              }}
            />
          ) : null}
          {!logId && (logs.data?.length ?? 0) > 0 && (
            <Box component="section" aria-labelledby="past-logs-heading">
              <Title order={3} id="past-logs-heading" mb="xs">
                Logs brought in before
              </Title>
              <List spacing="xs">
                {logs.data!.map((l) => (
                  <List.Item key={l.id}>
                    <Button variant="default" size="compact-sm" onClick={() => show(l.id)}>
                      <bdi>{l.filename}</bdi>
                    </Button>{' '}
                    <Text span size="sm">
                      {l.summary.dates.from && l.summary.dates.to
                        ? `${formatDate(l.summary.dates.from)} to ${formatDate(l.summary.dates.to)}, `
                        : ''}
                      {l.summary.counts.read} rows, brought in {formatDate(l.createdAt.slice(0, 10))}
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
  onSaved,
}: {
  householdId: string;
  childId: string;
  childName: string;
  service: Service;
  services: Service[];
  onSaved(view: View): Promise<void>;
}) {
  const ids = useId();
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
      setError(e instanceof Error ? e : new Error('The file could not be read. Try again.'));
    } finally {
      setBusy(null);
    }
  };

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
      setError(e instanceof Error ? e : new Error('The log could not be saved. Try again.'));
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
          Import the school’s service log
        </Title>
        <Text size="sm">
          A CSV file or an Excel spreadsheet (.xlsx), as the school’s system exports it: at most 10 MB and
          50,000 rows. Nothing is saved until you confirm the columns.
        </Text>
        <TextInput
          label="Student ID (optional)"
          description={`For a group log that lists students by ID: ${childName}’s ID at school`}
          value={studentId}
          maxLength={40}
          error={studentIdError}
          onChange={(e) => setStudentId(e.currentTarget.value)}
          w={{ base: '100%', xs: 280 }}
        />
        <Group>
          <FileButton
            onChange={(f) => read(f, null)}
            accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          >
            {(props) => (
              <Button {...props} loading={busy === 'reading'} aria-describedby={`${ids}-file`}>
                {file ? 'Choose another file' : 'Choose the log file'}
              </Button>
            )}
          </FileButton>
          <Text size="sm" id={`${ids}-file`}>
            {file ? <bdi>{file.name}</bdi> : 'No file chosen'}
          </Text>
        </Group>
        {fileError && (
          <Alert color="red" role="alert" title="The file could not be used">
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
  const width = Math.max(
    preview.header?.columns.length ?? 0,
    ...preview.firstRows.map((r) => r.cells.length),
  );
  const headerOf = (i: number) => preview.header?.columns[i]?.header || `Column ${columnName(i)}`;
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
        <Alert color="red" role="alert" title="This file cannot be saved as it is">
          {preview.problem.message}
        </Alert>
      )}
      {preview.notes.length > 0 && (
        <Alert color="yellow" title="About this file">
          <List size="sm" spacing={2}>
            {preview.notes.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Box component="section" aria-labelledby={`${ids}-columns`}>
        <Title order={4} id={`${ids}-columns`} mb={4}>
          Which column is which
        </Title>
        <Text size="sm" mb="xs">
          {preview.remembered
            ? 'As you set them for this school’s last file. Change any that are wrong.'
            : 'As Written’s guess from the column names. Change any that are wrong, then read the file again.'}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs">
          {Array.from({ length: width }, (_, i) => (
            <NativeSelect
              // biome-ignore lint/suspicious/noArrayIndexKey: a column is its place in the file
              key={i}
              label={`${columnName(i)}: ${headerOf(i)}`}
              value={fieldOf(i)}
              onChange={(e) => setColumn(i, e.currentTarget.value as LogField | '')}
              data={[
                { value: NOT_USED, label: 'Not used' },
                ...LOG_FIELDS.map((f) => ({ value: f, label: LOG_FIELD_LABELS[f] })),
              ]}
            />
          ))}
        </SimpleGrid>
      </Box>
      {preview.services.length > 0 && (
        <Box component="section" aria-labelledby={`${ids}-services`}>
          <Title order={4} id={`${ids}-services`} mb={4}>
            Services in the log
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            {preview.services.map((m) => {
              const key = plainWords(m.text);
              const chosen = mapping.services?.[key];
              return (
                <NativeSelect
                  key={key}
                  label={`“${m.text}” in the log is`}
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
                    { value: NOT_IN_PLAN, label: `Not one of ${childName}’s services` },
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
            Words As Written does not know
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
                  label={`“${s}” means`}
                  value={value}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    const statuses = { ...mapping.statuses };
                    if (v) statuses[key] = statusOf(v);
                    else delete statuses[key];
                    onChange({ ...mapping, statuses });
                  }}
                  data={STATUS_CHOICES}
                />
              );
            })}
          </SimpleGrid>
        </Box>
      )}
      {preview.dates.order == null && preview.rows.length > 0 && (
        <NativeSelect
          label="The file writes dates"
          w={{ base: '100%', xs: 280 }}
          value={mapping.dateOrder ?? ''}
          onChange={(e) =>
            onChange({ ...mapping, dateOrder: (e.currentTarget.value || null) as Mapping['dateOrder'] })
          }
          data={[
            { value: '', label: 'As As Written reads them' },
            { value: 'mdy', label: 'Month first (10/6/2026)' },
            { value: 'dmy', label: 'Day first (6/10/2026)' },
          ]}
        />
      )}
      <Group>
        <Button variant="default" onClick={onReadAgain} loading={busy === 'reading'}>
          Read the file again with these choices
        </Button>
      </Group>

      <Box component="section" aria-labelledby={`${ids}-rows`}>
        <Title order={4} id={`${ids}-rows`} mb={4}>
          The first rows
        </Title>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it */}
        <section className={ui.tableScroll} tabIndex={0} aria-label="The first rows, as a table to scroll">
          <Table striped fz="sm" miw={Math.max(320, width * 110)}>
            <Table.Caption>
              The file’s first rows as read. Another student’s name, ID and notes are left out.
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Line</Table.Th>
                {Array.from({ length: width }, (_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a column is its place in the file
                  <Table.Th scope="col" key={i}>
                    {fieldOf(i) ? LOG_FIELD_LABELS[fieldOf(i) as LogField] : headerOf(i)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.firstRows.map((r) => (
                <Table.Tr key={r.line}>
                  <Table.Th scope="row">
                    {r.line}
                    {r.whose === 'another_student'
                      ? ' (another student)'
                      : r.whose === 'unread'
                        ? ' (not read)'
                        : ''}
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
        {preview.counts.read} {preview.counts.read === 1 ? 'session' : 'sessions'} read for {childName}
        {preview.dates.from && preview.dates.to
          ? `, ${formatDate(preview.dates.from)} to ${formatDate(preview.dates.to)}`
          : ''}
        .{' '}
        {problems.length > 0
          ? `${problems.length} ${problems.length === 1 ? 'row' : 'rows'} could not be read.`
          : ''}
      </Text>
      {(problems.length > 0 || skipped.length > 0) && (
        <details>
          <summary>Rows not read, and why</summary>
          <List size="sm" spacing={2} mt="xs">
            {[...problems, ...skipped].map((u) => (
              <List.Item key={u.line}>
                Line {u.line}: {u.reason}
              </List.Item>
            ))}
          </List>
        </details>
      )}
      {!preview.problem && preview.rows.length > 0 && (
        <Box component="section" aria-labelledby={`${ids}-beside`}>
          <Title order={4} id={`${ids}-beside`} mb={4}>
            Beside your record
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
          Save and compare with your record
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
  const serviceName = (sid: string) => services.find((s) => s.id === sid)?.name ?? 'A service';

  if (query.isPending)
    return (
      <Center h={200} role="status" aria-label="Loading the log">
        <Loader />
      </Center>
    );
  if (query.error || !query.data)
    return (
      <Alert color="red" role="alert" title="The log could not be loaded">
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
      setDone(
        `${result.entries.length} ${result.entries.length === 1 ? 'row was' : 'rows were'} added to your record as the school’s log.`,
      );
      await refresh(result.view);
    } catch (e) {
      setError(e instanceof Error ? e : new Error('Nothing was saved. Try again.'));
    } finally {
      setBusy(false);
    }
  };
  const mark = async (item: ReconciliationItem, value: 'open' | 'asked_about' | 'kept_mine') => {
    setError(null);
    try {
      await refresh(await markItem(householdId, id, item.key, value));
    } catch (e) {
      setError(e instanceof Error ? e : new Error('Nothing was saved. Try again.'));
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
          Import another log
        </Button>
      </Group>
      <Text size="sm">
        {imp.summary.counts.read} rows for this child
        {imp.summary.dates.from && imp.summary.dates.to
          ? `, ${formatDate(imp.summary.dates.from)} to ${formatDate(imp.summary.dates.to)}`
          : ''}
        . Brought in {formatDate(imp.createdAt.slice(0, 10))}; the file’s fingerprint (SHA-256) begins{' '}
        <code>{imp.sha256.slice(0, 12)}</code>.
      </Text>
      {imp.summary.notes.map((n) => (
        <Alert key={n} color="yellow">
          {n}
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
        <Alert color="red" role="alert" title="Nothing was saved">
          {error.message}
        </Alert>
      )}
      {groups.map((g) => (
        <Box component="section" key={g.kind} aria-labelledby={`group-${g.kind}`}>
          <Title order={4} id={`group-${g.kind}`} mb="xs">
            {DIFFERENCE_KIND_LABELS[g.kind]} ({g.items.length})
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
              label="Some of these dates had no school; add them anyway"
              checked={confirmNoSchool}
              onChange={(e) => setConfirmNoSchool(e.currentTarget.checked)}
            />
            <Group>
              <Button onClick={accept} loading={busy} disabled={chosen.size === 0}>
                {chosen.size === 0
                  ? 'Choose the school’s rows to accept'
                  : `Accept the school’s ${chosen.size === 1 ? 'row' : `${chosen.size} rows`} into your record`}
              </Button>
              <Button
                variant="default"
                onClick={() => draftAbout([...asking], 'several')}
                loading={drafting === 'several'}
                disabled={asking.size === 0}
              >
                {asking.size === 0
                  ? 'Choose the differences to ask about'
                  : `Draft a letter about ${asking.size === 1 ? 'this difference' : `these ${asking.size} differences`}`}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

const MARK_WORDS = {
  asked_about: 'Asked about',
  kept_mine: 'Kept mine',
  accepted: 'Accepted into your record',
} as const;

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
  const when = `${formatDay(item.date, 'weekdayLong')}${item.startTime ? `, ${item.startTime}` : ''}`;
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={`${ids}-when`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} id={`${ids}-when`}>
            {when}: <bdi>{serviceName}</bdi>
          </Text>
          {item.mark !== 'open' && (
            <Badge variant="outline" color="dark">
              {MARK_WORDS[item.mark]}
            </Badge>
          )}
          {item.recordedEntryId && item.mark !== 'accepted' && (
            <Badge variant="outline" color="dark">
              In your record from the school’s log
            </Badge>
          )}
        </Group>
        <Text size="sm">{item.summary}</Text>
        {item.question && (
          <Text size="sm" fs="italic">
            To ask: “{item.question}”
          </Text>
        )}
        {item.question && (
          <Group gap="xs">
            <CopyButton value={item.question} timeout={2500}>
              {({ copied, copy }) => (
                <Button size="compact-sm" variant="default" onClick={copy} aria-describedby={`${ids}-when`}>
                  {copied ? 'Copied' : 'Copy the question for a letter'}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
        {writable && (
          <Group gap="xs" wrap="wrap">
            {item.acceptable && (
              <Checkbox
                label={`Accept the school’s row (line ${item.school?.line})`}
                checked={checked}
                onChange={(e) => onCheck(e.currentTarget.checked)}
              />
            )}
            {item.kind !== 'agree' && (
              <>
                <Checkbox
                  label="Ask about it in a letter"
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
                  Draft a letter about this
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
                Mark as asked about
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
                  Keep mine
                </Button>
              )}
            {(item.mark === 'asked_about' || item.mark === 'kept_mine') && (
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => onMark('open')}
                aria-describedby={`${ids}-when`}
              >
                Open again
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
