import {
  Alert,
  Button,
  CopyButton,
  Group,
  List,
  Stack,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { readFingerprint } from '../../../src/domain/fingerprint.ts';
import { ApiError, get } from '../../api/client.ts';
import type { VerifyResult } from '../../api/types.ts';
import { formatDay, localeFor } from '../../components/dates.ts';
import { type T, useLanguage, useT, useTParts } from '../../i18n/i18n.tsx';
import classes from './paper-trail.module.css';

// "Check the record": every change is kept in a journal where each entry carries a fingerprint of the
// one before it, and every file is kept with the fingerprint of its bytes. The check recomputes them all,
// and checks every record against what its journal entries say it should be.

type RecordProblem = VerifyResult['records']['problems'][number];

/** The kinds of record a parent has a name for; the rest read well as the table's name in words. */
const KNOWN_RECORDS = new Set([
  'household',
  'household_settings',
  'living_iep_notes',
  'plan_version',
  'check_in',
  'key_date',
  'calendar_event',
  'school_calendar',
]);

function recordWords(t: T, table: string): string {
  if (KNOWN_RECORDS.has(table)) return t('report.check.record', { table });
  const words = table.replace(/_/g, ' ');
  return t('report.check.recordOther', { words, vowel: /^[aeiou]/.test(words) ? 'yes' : 'no' });
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** "minutesDelivered" → "minutes delivered"; "snapshot.services.<id>.name" → "frozen plan content: services: name". */
function fieldWords(t: T, field: string | null): string {
  if (!field) return t('report.check.aField');
  return field
    .split('.')
    .filter((part) => !ID.test(part))
    .map((part) =>
      part === 'snapshot' ? t('report.check.snapshot') : part.replace(/([A-Z])/g, ' $1').toLowerCase(),
    )
    .join(': ');
}

function valueWords(t: T, locale: string | undefined, value: unknown): string {
  if (value === undefined) return t('report.check.nothing');
  if (value === null || value === '') return t('report.check.empty');
  if (typeof value === 'boolean') return value ? t('report.check.yes') : t('report.check.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value, 'weekdayShortYear', locale) : value;
    return `“${text.length > 80 ? `${text.slice(0, 77)}…` : text}”`;
  }
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

/** A record that differs from its journal, in plain words. */
function recordProblemWords(t: T, locale: string | undefined, p: RecordProblem): string {
  const what = recordWords(t, p.table);
  const values = {
    what: what.charAt(0).toUpperCase() + what.slice(1),
    field: fieldWords(t, p.field),
    now: valueWords(t, locale, p.currentValue),
    journal: valueWords(t, locale, p.journalValue),
  };
  switch (p.kind) {
    case 'changed':
      return t('report.check.problem.changed', values);
    case 'not_in_journal':
      return t('report.check.problem.notInJournal', values);
    case 'deleted_in_journal':
      return t('report.check.problem.deletedInJournal', values);
    case 'missing':
      return t('report.check.problem.missing', values);
    case 'changed_between_entries':
      return t('report.check.problem.changedBetween', values);
    default:
      return p.message;
  }
}

export function CheckSection({ householdId }: { householdId: string }) {
  const t = useT('report');
  const tParts = useTParts();
  const locale = localeFor(useLanguage().language);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A fingerprint the family kept (from an earlier check, a report or an export): optional.
  const [kept, setKept] = useState('');
  const [keptError, setKeptError] = useState<string | null>(null);

  const check = async () => {
    setError(null);
    setKeptError(null);
    const written = kept.trim() === '' ? null : readFingerprint(kept);
    if (written && !written.ok) {
      setResult(null);
      setKeptError(t('report.check.badFingerprint', { message: written.message }));
      return;
    }
    setBusy(true);
    try {
      const query = written ? `?expectHead=${encodeURIComponent(written.hex)}` : '';
      setResult(await get<VerifyResult>(`/households/${householdId}/verify${query}`));
    } catch (e) {
      setResult(null);
      const field = e instanceof ApiError ? e.fields?.find((f) => f.path === 'expectHead') : undefined;
      if (field) setKeptError(t('report.check.badFingerprint', { message: field.message }));
      else setError(e instanceof ApiError ? e.message : t('report.check.failedText'));
    } finally {
      setBusy(false);
    }
  };

  const problems = result
    ? [
        ...(result.journal.problem
          ? [{ key: 'journal', text: result.journal.problem.message, id: null }]
          : []),
        ...result.records.problems.map((p) => ({
          key: `${p.table}:${p.id}`,
          text: recordProblemWords(t, locale, p),
          id: p.id,
        })),
        ...(result.records.differing > result.records.problems.length
          ? [
              {
                key: 'more-records',
                text: t('report.check.moreRecords', {
                  count: result.records.differing - result.records.problems.length,
                }),
                id: null,
              },
            ]
          : []),
        ...result.attachments.problems.map((p) => ({ key: p.attachmentId, text: p.message, id: null })),
        ...result.references.problems.map((p) => ({
          key: `${p.entity}:${p.id}:${p.path}`,
          text: p.message,
          id: null,
        })),
        ...(result.expectedHead && !result.expectedHead.found
          ? [{ key: 'expected-head', text: result.expectedHead.message, id: null }]
          : []),
      ]
    : [];

  return (
    <Stack gap="md">
      <Text size="sm">{t('report.check.intro')}</Text>
      <TextInput
        label={t('report.check.kept')}
        description={t('report.check.keptHelp')}
        value={kept}
        onChange={(e) => setKept(e.currentTarget.value)}
        error={keptError}
        autoComplete="off"
        spellCheck={false}
        classNames={{ input: classes.mono }}
        maw={560}
      />
      <Group>
        <Button color="blue.8" onClick={() => void check()} loading={busy}>
          {t('report.check.now')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert" title={t('report.check.failed')}>
          {error}
        </Alert>
      )}
      {result?.ok && (
        <Alert color="green" role="status">
          <Stack gap="xs">
            <Text size="sm" fw={700}>
              {t('report.check.ok', {
                entries: result.journal.entries,
                files: result.attachments.checked,
                records: result.records.checked,
              })}
            </Text>
            {result.expectedHead && <Text size="sm">{result.expectedHead.message}</Text>}
            {result.journal.headHash && <HeadHash hash={result.journal.headHash} />}
          </Stack>
        </Alert>
      )}
      {result && !result.ok && (
        <Alert color="red" role="alert" title={t('report.check.mismatch')}>
          <Stack gap="xs">
            <List size="sm" spacing={2}>
              {problems.map((p) => (
                <List.Item key={p.key}>
                  {p.text}
                  {p.id && (
                    <>
                      {' '}
                      <Text span size="xs" c="dimmed">
                        {tParts('report.check.recordId', {
                          id: <span className={classes.mono}>{p.id}</span>,
                        })}
                      </Text>
                    </>
                  )}
                </List.Item>
              ))}
            </List>
            <Text size="sm">
              {tParts('report.check.restore', { command: <code>{'as-written restore'}</code> })}
            </Text>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

function HeadHash({ hash }: { hash: string }) {
  const t = useT('report');
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('report.check.head')}
      </Text>
      <Text className={classes.mono}>{hash}</Text>
      <Group gap="xs">
        <CopyButton value={hash} timeout={2500}>
          {({ copied, copy }) => (
            <>
              <Button size="xs" variant={copied ? 'light' : 'default'} onClick={copy}>
                {copied ? t('report.check.copied') : t('report.check.copy')}
              </Button>
              <VisuallyHidden role="status">{copied ? t('report.check.copiedStatus') : ''}</VisuallyHidden>
            </>
          )}
        </CopyButton>
      </Group>
      <Text size="sm">{t('report.check.writeDown')}</Text>
    </Stack>
  );
}
