import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { del, post } from '../../api/client.ts';
import type { ParentNote, ParentNoteKind } from '../../api/types.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ResponsiveDrawer } from '../../components/Dialogs.tsx';
import { formatDay } from '../../components/dates.ts';
import { applyApiError, FormStack } from '../../components/form-errors.tsx';
import { Tag } from '../../components/SessionEntryCard.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { NOTE_KIND_HINTS, NOTE_KIND_LABELS, parentNotesKey, shorten } from './communication-words.ts';

// "Things I noticed": what the parent sees at home that is not about one session or accommodation (a new
// challenge, a concern, harm, a win). The advisor reads them: a new challenge suggests a meeting, harm
// suggests writing to someone who can act, a win is worth a thank-you.

const TONE: Record<ParentNoteKind, 'orange' | 'blue' | 'red' | 'green'> = {
  new_challenge: 'orange',
  concern: 'blue',
  harm: 'red',
  win: 'green',
};

export function ParentNotes({
  householdId,
  childId,
  firstName,
  notes,
  today,
  canAdd,
  canDelete,
}: {
  householdId: string;
  childId: string;
  firstName: string;
  notes: ParentNote[];
  today: string;
  canAdd: boolean;
  canDelete: boolean;
}) {
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [opening, setOpening] = useState(0);
  const [deleting, setDeleting] = useState<ParentNote | null>(null);
  const list = [...notes].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? 1 : -1));
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: parentNotesKey(householdId, childId) });
    await client.invalidateQueries({ queryKey: ['advice'] });
  };

  return (
    <section aria-labelledby="noticed-heading">
      <Title order={3} size="h4" id="noticed-heading">
        Things I noticed
      </Title>
      <Text size="sm" mb="xs">
        What you see at home: a new challenge, a worry, harm to <bdi>{firstName}</bdi>, or a win. As Written
        uses these to suggest what to do next (<TextLink href="/advisor">What to do next</TextLink>).
      </Text>
      {canAdd && (
        <Button
          variant="default"
          mb="sm"
          onClick={() => {
            setOpening((n) => n + 1);
            setOpened(true);
          }}
        >
          Add something I noticed
        </Button>
      )}
      {list.length === 0 ? (
        <Text>Nothing noted yet.</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {list.map((n) => (
            <Paper component="li" key={n.id} withBorder p="sm" radius="md">
              <Stack gap={4}>
                <Group gap="xs">
                  <Tag tone={TONE[n.kind]}>{NOTE_KIND_LABELS[n.kind]}</Tag>
                  <Text size="sm" fw={600}>
                    {formatDay(n.date, 'weekdayLong')}
                  </Text>
                </Group>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{n.text}</Text>
                {canDelete && (
                  <Group>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Delete the note of ${formatDay(n.date)}: ${shorten(n.text, 40)}`}
                      onClick={() => setDeleting(n)}
                    >
                      Delete
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}

      {canAdd && (
        <ResponsiveDrawer opened={opened} onClose={() => setOpened(false)} title="Something I noticed">
          <NoteForm
            key={opening}
            householdId={householdId}
            childId={childId}
            firstName={firstName}
            today={today}
            onDone={async () => {
              await refresh();
              setOpened(false);
            }}
            onCancel={() => setOpened(false)}
          />
        </ResponsiveDrawer>
      )}

      {deleting && (
        <ConfirmModal
          opened
          onClose={() => setDeleting(null)}
          title="Delete this note?"
          confirmLabel="Delete"
          onConfirm={async () => {
            await del(`/households/${householdId}/parent-notes/${deleting.id}`);
            await refresh();
          }}
        >
          “{shorten(deleting.text, 120)}” ({formatDay(deleting.date)}) will no longer be listed or used for
          suggestions. The journal keeps what it was.
        </ConfirmModal>
      )}
    </section>
  );
}

function NoteForm({
  householdId,
  childId,
  firstName,
  today,
  onDone,
  onCancel,
}: {
  householdId: string;
  childId: string;
  firstName: string;
  today: string;
  onDone(): Promise<void>;
  onCancel(): void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<{ kind: ParentNoteKind; date: string; text: string }>({
    initialValues: { kind: 'concern', date: today, text: '' },
    validate: {
      text: (v) => (v.trim() ? null : 'Say what you noticed, in a sentence or two'),
      date: (v) => (v ? null : 'Choose the date'),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await post(`/households/${householdId}/parent-notes`, { childId, ...v, text: v.text.trim() });
      notifications.show({
        closeButtonProps: { 'aria-label': 'Close' },
        color: 'green',
        message: `Saved: ${NOTE_KIND_LABELS[v.kind].toLowerCase()}, ${formatDay(v.date)}.`,
      });
      await onDone();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  });
  return (
    <FormStack onSubmit={submit} error={error}>
      <Radio.Group label="What is it?" {...form.getInputProps('kind')}>
        <Stack gap="xs" mt={6}>
          {(Object.keys(NOTE_KIND_LABELS) as ParentNoteKind[]).map((k) => (
            <Radio key={k} value={k} label={NOTE_KIND_LABELS[k]} description={NOTE_KIND_HINTS[k]} />
          ))}
        </Stack>
      </Radio.Group>
      {form.values.kind === 'harm' && (
        <Alert color="yellow" title="You do not have to wait">
          If <bdi>{firstName}</bdi> is in danger, call the school or the right service now. Write down what
          happened here too: As Written will suggest who to write to.
        </Alert>
      )}
      <TextInput type="date" label="Date" max={today} required {...form.getInputProps('date')} />
      <Textarea
        label="What did you notice?"
        description="What happened and when, in your own words. Dates and what you saw or heard help the most."
        required
        autosize
        minRows={3}
        maxRows={10}
        maxLength={5000}
        {...form.getInputProps('text')}
      />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={form.submitting}>
          Cancel
        </Button>
        <Button type="submit" color="blue.8" loading={form.submitting}>
          Save
        </Button>
      </Group>
    </FormStack>
  );
}
