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
import { formatDay } from '../../components/dates.ts';
import { plural } from '../../components/plain-words.ts';
import classes from './paper-trail.module.css';

// "Check the record": every change is kept in a journal where each entry carries a fingerprint of the
// one before it, and every file is kept with the fingerprint of its bytes. The check recomputes them all,
// and checks every record against what its journal entries say it should be.

type RecordProblem = VerifyResult['records']['problems'][number];

/** What a parent calls each kind of record; the rest read well as the table's name in words. */
const RECORD_WORDS: Record<string, string> = {
  household: 'the household',
  household_settings: 'the household’s settings',
  living_iep_notes: 'your living-IEP notes',
  plan_version: 'a version of the plan',
  check_in: 'a check-in',
  key_date: 'a key date',
  calendar_event: 'a calendar day',
  school_calendar: 'a school calendar',
};

function recordWords(table: string): string {
  const known = RECORD_WORDS[table];
  if (known) return known;
  const words = table.replace(/_/g, ' ');
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** "minutesDelivered" → "minutes delivered"; "snapshot.services.<id>.name" → "frozen plan content: services: name". */
function fieldWords(field: string | null): string {
  if (!field) return 'a field';
  return field
    .split('.')
    .filter((part) => !ID.test(part))
    .map((part) =>
      part === 'snapshot' ? 'frozen plan content' : part.replace(/([A-Z])/g, ' $1').toLowerCase(),
    )
    .join(': ');
}

function valueWords(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null || value === '') return 'empty';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value, 'weekdayShortYear') : value;
    return `“${text.length > 80 ? `${text.slice(0, 77)}…` : text}”`;
  }
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

/** A record that differs from its journal, in plain words. */
function recordProblemWords(p: RecordProblem): string {
  const what = recordWords(p.table);
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  switch (p.kind) {
    case 'changed':
      return `${What} was changed outside As Written: its ${fieldWords(p.field)} is ${valueWords(p.currentValue)} now, but the journal says ${valueWords(p.journalValue)}.`;
    case 'not_in_journal':
      return `${What} is in the record, but As Written never wrote it: no journal entry created it.`;
    case 'deleted_in_journal':
      return `${What} that was deleted is back in the record.`;
    case 'missing':
      return `${What} is missing from the record, though it was never deleted.`;
    case 'changed_between_entries':
      return `${What} was changed outside As Written before a later change: its ${fieldWords(p.field)} was ${valueWords(p.currentValue)} when it was next changed, but the journal says ${valueWords(p.journalValue)}.`;
    default:
      return p.message;
  }
}

export function CheckSection({ householdId }: { householdId: string }) {
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
      setKeptError(`The fingerprint ${written.message}.`);
      return;
    }
    setBusy(true);
    try {
      const query = written ? `?expectHead=${encodeURIComponent(written.hex)}` : '';
      setResult(await get<VerifyResult>(`/households/${householdId}/verify${query}`));
    } catch (e) {
      setResult(null);
      const field = e instanceof ApiError ? e.fields?.find((f) => f.path === 'expectHead') : undefined;
      if (field) setKeptError(`The fingerprint ${field.message}.`);
      else setError(e instanceof ApiError ? e.message : 'Something went wrong. Try again.');
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
          text: recordProblemWords(p),
          id: p.id,
        })),
        ...(result.records.differing > result.records.problems.length
          ? [
              {
                key: 'more-records',
                text: `${plural(result.records.differing - result.records.problems.length, 'more record differs', 'more records differ')} from the journal.`,
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
      <Text size="sm">
        Every change to your records is kept in a journal, in order, and each entry carries a fingerprint of
        the one before it. Every file is kept with a fingerprint of its bytes. The check recomputes them all,
        and compares every record with what the journal says it should be: if anything was edited, removed or
        put out of order, it says where.
      </Text>
      <TextInput
        label="A fingerprint you kept (optional)"
        description="From an earlier check, a report or an export: its first 12 characters are enough. The check then also says whether the history up to it is unchanged."
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
          Check now
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert" title="The check could not run">
          {error}
        </Alert>
      )}
      {result?.ok && (
        <Alert color="green" role="status">
          <Stack gap="xs">
            <Text size="sm" fw={700}>
              Everything checks out: {plural(result.journal.entries, 'journal entry', 'journal entries')},{' '}
              {plural(result.attachments.checked, 'file', 'files')},{' '}
              {plural(result.records.checked, 'record', 'records')} as the journal says.
            </Text>
            {result.expectedHead && <Text size="sm">{result.expectedHead.message}</Text>}
            {result.journal.headHash && <HeadHash hash={result.journal.headHash} />}
          </Stack>
        </Alert>
      )}
      {result && !result.ok && (
        <Alert color="red" role="alert" title="Something in the record does not match">
          <Stack gap="xs">
            <List size="sm" spacing={2}>
              {problems.map((p) => (
                <List.Item key={p.key}>
                  {p.text}
                  {p.id && (
                    <>
                      {' '}
                      <Text span size="xs" c="dimmed">
                        (record <span className={classes.mono}>{p.id}</span>)
                      </Text>
                    </>
                  )}
                </List.Item>
              ))}
            </List>
            <Text size="sm">
              Nothing was changed by this check. Keep your last report or backup: they show the record as it
              was. The person who runs the server can restore a backup with <code>as-written restore</code>.
            </Text>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

function HeadHash({ hash }: { hash: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        The last entry’s fingerprint (SHA-256)
      </Text>
      <Text className={classes.mono}>{hash}</Text>
      <Group gap="xs">
        <CopyButton value={hash} timeout={2500}>
          {({ copied, copy }) => (
            <>
              <Button size="xs" variant={copied ? 'light' : 'default'} onClick={copy}>
                {copied ? 'Copied' : 'Copy the fingerprint'}
              </Button>
              <VisuallyHidden role="status">{copied ? 'The fingerprint was copied.' : ''}</VisuallyHidden>
            </>
          )}
        </CopyButton>
      </Group>
      <Text size="sm">
        Write this down, or keep the report: it carries the same fingerprint. If anything earlier is ever
        changed, the check will show it.
      </Text>
    </Stack>
  );
}
