import {
  Alert,
  Button,
  Group,
  List,
  Paper,
  Skeleton,
  Stack,
  Text,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError, api, get } from '../../api/client.ts';
import type { Child, LivingIep, LivingIepItem, LivingIepNotes } from '../../api/types.ts';
import { datesInWords, formatDate } from '../../components/dates.ts';
import { LoadFailed } from '../../components/LoadState.tsx';
import { ToneHints } from '../../components/ToneHints.tsx';
import { Part } from './Part.tsx';
import classes from './paper-trail.module.css';

// The living IEP: what is working, what is not, what the parent wants changed, their concerns statement
// and their questions for the team, built from the record. The parent's own words (the statement, the
// changes and questions they add) are kept between visits and go into the Markdown download too.

const MAX_ITEMS = 30;

type Draft = { concerns: string; changes: string[]; questions: string[] };

const livingIepKey = (householdId: string, childId: string) => ['living-iep', householdId, childId];

export function LivingIepSection({
  householdId,
  child,
  canEdit,
}: {
  householdId: string;
  child: Child;
  canEdit: boolean;
}) {
  const base = `/households/${householdId}/children/${child.id}`;
  const doc = useQuery({
    queryKey: livingIepKey(householdId, child.id),
    queryFn: () => get<LivingIep>(`${base}/living-iep`),
  });
  return (
    <Stack gap="md">
      <Text size="sm">
        A page to keep between meetings and bring to the next one: what is working for{' '}
        <bdi>{child.firstName}</bdi>, what is not, what you would like to change, your concerns in your own
        words, and your questions for the team. It is written from your records; the parts in your own words
        are yours to change.
      </Text>
      <Group gap="sm">
        <Button component="a" href={`/api${base}/living-iep.pdf`} download variant="default">
          Download as PDF
        </Button>
        <Button component="a" href={`/api${base}/living-iep.md`} download variant="default">
          Download as Markdown
        </Button>
      </Group>
      <Text size="sm" mt={-8}>
        The PDF is ready to print; the Markdown file opens in any text editor, to change as you like.
      </Text>
      {doc.isError && (
        <LoadFailed
          title="The living IEP could not be loaded"
          message={doc.error.message}
          onRetry={() => void doc.refetch()}
        />
      )}
      {doc.isPending && (
        <div role="status">
          <VisuallyHidden>Loading the living IEP</VisuallyHidden>
          <Skeleton h={240} radius="md" aria-hidden />
        </div>
      )}
      {doc.data && (
        <LivingIepDocument
          key={child.id}
          doc={doc.data}
          householdId={householdId}
          childId={child.id}
          canEdit={canEdit}
        />
      )}
    </Stack>
  );
}

/** The record's items, without the parent's own (which the editor shows). */
const fromRecord = (items: LivingIepItem[], own: string[]) =>
  items.filter((i) => !(i.entryIds.length === 0 && own.includes(i.text)));

const normalized = (d: Draft): LivingIepNotes => ({
  concerns: d.concerns.trim() || null,
  changes: d.changes.map((c) => c.trim()).filter(Boolean),
  questions: d.questions.map((q) => q.trim()).filter(Boolean),
});

function LivingIepDocument({
  doc,
  householdId,
  childId,
  canEdit,
}: {
  doc: LivingIep;
  householdId: string;
  childId: string;
  canEdit: boolean;
}) {
  const client = useQueryClient();
  const initial: Draft = {
    concerns: doc.parentInput.concerns ?? '',
    changes: doc.parentInput.changes,
    questions: doc.parentInput.questions,
  };
  const [draft, setDraft] = useState<Draft>(initial);
  const [saved, setSaved] = useState(() => JSON.stringify(normalized(initial)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const dirty = JSON.stringify(normalized(draft)) !== saved;
  const own = canEdit ? draft : initial;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    const body = normalized(draft);
    try {
      await api<LivingIepNotes>(
        'PUT',
        `/households/${householdId}/children/${childId}/living-iep/notes`,
        body,
      );
      setSaved(JSON.stringify(body));
      setDraft({ concerns: body.concerns ?? '', changes: body.changes, questions: body.questions });
      setDone(true);
      await client.invalidateQueries({ queryKey: livingIepKey(householdId, childId) });
    } catch (err) {
      setError(
        err instanceof ApiError
          ? err
          : new ApiError(0, 'error', 'Something went wrong. Nothing was lost: try again.'),
      );
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (path: string) => {
    const m = error?.fieldError(path);
    return m ? m.charAt(0).toUpperCase() + m.slice(1) : undefined;
  };

  const body = (
    <Stack gap="lg">
      <Text size="sm">
        {doc.childName}’s {doc.planTitle}, as of {formatDate(doc.asOf)}.
        {doc.nextMeeting
          ? ` Next meeting: ${doc.nextMeeting.label}, ${formatDate(doc.nextMeeting.date)}.`
          : ' No meeting date in the plan yet.'}
      </Text>

      <Part id="living-working" title="What is working">
        <Items items={doc.working} empty="Nothing noted yet. Wins you note in Messages show here." />
      </Part>

      <Part id="living-not-working" title="What is not working">
        <Items items={doc.notWorking} empty="Nothing from your records." />
      </Part>

      <Part id="living-changes" title="What I’d like to change">
        <Items items={fromRecord(doc.changes, own.changes)} empty={null} />
        {canEdit ? (
          <EditableList
            what="Change"
            addLabel="Add a change"
            items={draft.changes}
            onChange={(changes) => setDraft((d) => ({ ...d, changes }))}
            errorFor={(i) => fieldError(`changes.${i}`)}
          />
        ) : (
          <Items items={own.changes.map((text) => ({ text, entryIds: [] }))} empty={null} />
        )}
        {fromRecord(doc.changes, own.changes).length === 0 && own.changes.length === 0 && !canEdit && (
          <Text size="sm">Nothing yet.</Text>
        )}
      </Part>

      <Part id="living-concerns" title="Parent concerns statement">
        <Text size="sm">
          IEPs have a section for the parents’ concerns. Write it in your own words; the team should take it
          into account.
        </Text>
        {doc.concernsPrompt.length > 0 && (
          <Paper withBorder p="sm" radius="md">
            <Text size="sm" fw={600} id="living-prompt">
              Facts to start from
            </Text>
            <List size="sm" spacing={2} aria-labelledby="living-prompt">
              {doc.concernsPrompt.map((p) => (
                <List.Item key={p}>{datesInWords(p)}</List.Item>
              ))}
            </List>
          </Paper>
        )}
        {canEdit ? (
          <>
            <Textarea
              label="My concerns, in my own words"
              autosize
              minRows={4}
              maxLength={10000}
              value={draft.concerns}
              error={fieldError('concerns')}
              onChange={(e) => {
                const concerns = e.currentTarget.value;
                setDraft((d) => ({ ...d, concerns }));
              }}
            />
            <ToneHints householdId={householdId} text={draft.concerns} />
          </>
        ) : (
          <Text style={{ whiteSpace: 'pre-wrap' }}>{doc.concerns ?? 'Not written yet.'}</Text>
        )}
      </Part>

      <Part id="living-questions" title="Questions for the team">
        <Items items={fromRecord(doc.questions, own.questions)} empty={null} />
        {canEdit ? (
          <EditableList
            what="Question"
            addLabel="Add a question"
            items={draft.questions}
            onChange={(questions) => setDraft((d) => ({ ...d, questions }))}
            errorFor={(i) => fieldError(`questions.${i}`)}
          />
        ) : (
          <Items items={own.questions.map((text) => ({ text, entryIds: [] }))} empty={null} />
        )}
      </Part>

      {canEdit ? (
        <Stack gap="xs">
          {error && !error.fields.length && (
            <Alert color="red" role="alert" title="Not saved yet">
              {error.message}
            </Alert>
          )}
          {error && error.fields.length > 0 && (
            <Alert color="red" role="alert" title="Not saved yet">
              Some of your words need a change; see the messages above.
            </Alert>
          )}
          <Group gap="sm">
            <Button type="submit" color="blue.8" loading={busy} disabled={!dirty && !error}>
              Save my words
            </Button>
            <Text size="sm" role="status">
              {dirty ? 'Not saved yet.' : done ? 'Saved.' : ''}
            </Text>
          </Group>
        </Stack>
      ) : (
        <Text size="sm">Only the owner and co-parents can change the parts in the parent’s own words.</Text>
      )}
    </Stack>
  );

  return canEdit ? (
    <form onSubmit={(e) => void save(e)} aria-label="Living IEP" noValidate>
      {body}
    </form>
  ) : (
    body
  );
}

function Items({ items, empty }: { items: LivingIepItem[]; empty: string | null }) {
  if (items.length === 0) return empty ? <Text size="sm">{empty}</Text> : null;
  return (
    <List size="sm" spacing={4}>
      {items.map((i) => (
        <List.Item key={i.text}>{datesInWords(i.text)}</List.Item>
      ))}
    </List>
  );
}

/** The parent's own list (changes or questions): one text box each, added and removed freely. */
function EditableList({
  what,
  addLabel,
  items,
  onChange,
  errorFor,
}: {
  what: string;
  addLabel: string;
  items: string[];
  onChange(items: string[]): void;
  errorFor(index: number): string | undefined;
}) {
  const list = useRef<HTMLUListElement>(null);
  const add = () => {
    onChange([...items, '']);
    // Focus the new box once it is drawn.
    requestAnimationFrame(() => {
      const boxes = list.current?.querySelectorAll('textarea');
      boxes?.[boxes.length - 1]?.focus();
    });
  };
  return (
    <Stack gap="xs">
      {items.length > 0 && (
        <ul className={classes.plain} ref={list}>
          {items.map((text, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the boxes are edited in place; their position is their identity
            <li key={i}>
              <Group align="flex-start" gap="xs" wrap="nowrap">
                <Textarea
                  label={`${what} ${i + 1} (in your words)`}
                  autosize
                  minRows={1}
                  maxLength={2000}
                  value={text}
                  error={errorFor(i)}
                  style={{ flex: 1, minWidth: 0 }}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    onChange(items.map((t, j) => (j === i ? value : t)));
                  }}
                />
                <Button
                  variant="default"
                  mt={24}
                  aria-label={`Remove ${what.toLowerCase()} ${i + 1}`}
                  onClick={() => onChange(items.filter((_, j) => j !== i))}
                >
                  Remove
                </Button>
              </Group>
            </li>
          ))}
        </ul>
      )}
      {items.length < MAX_ITEMS && (
        <Button variant="default" onClick={add} w="fit-content">
          {addLabel}
        </Button>
      )}
    </Stack>
  );
}
