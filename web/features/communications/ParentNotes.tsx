import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { del, post } from '../../api/client.ts';
import type { ParentNote, ParentNoteKind } from '../../api/types.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ResponsiveDrawer } from '../../components/Dialogs.tsx';
import { formatDay } from '../../components/dates.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { PastDayInput } from '../../components/fields.tsx';
import { applyApiError, FormStack } from '../../components/form-errors.tsx';
import { Tag } from '../../components/SessionEntryCard.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { useTParts } from '../../i18n/i18n.tsx';
import { NOTE_KINDS, parentNotesKey, shorten, useMessageWords } from './communication-words.ts';

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
  const { t, locale } = useMessageWords();
  const tParts = useTParts();
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
        {t('messages.notes.title')}
      </Title>
      <Text size="sm" mb="xs">
        {tParts('messages.notes.intro', {
          name: <bdi>{firstName}</bdi>,
          link: <TextLink href="/advisor">{t('nav.advisor')}</TextLink>,
        })}
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
          {t('messages.notes.add')}
        </Button>
      )}
      {list.length === 0 ? (
        <Text>{t('messages.notes.empty')}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {list.map((n) => (
            <Paper component="li" key={n.id} withBorder p="sm" radius="md">
              <Stack gap={4}>
                <Group gap="xs">
                  <Tag tone={TONE[n.kind]}>{t('messages.noteKind', { kind: n.kind })}</Tag>
                  <Text size="sm" fw={600}>
                    {formatDay(n.date, 'weekdayLong', locale)}
                  </Text>
                </Group>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{n.text}</Text>
                {canDelete && (
                  <Group>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('messages.notes.deleteLabel', {
                        date: formatDay(n.date, 'weekdayShort', locale),
                        text: shorten(n.text, 40),
                      })}
                      onClick={() => setDeleting(n)}
                    >
                      {t('common.delete')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}

      {canAdd && (
        <ResponsiveDrawer opened={opened} onClose={() => setOpened(false)} title={t('messages.notes.sheet')}>
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
          title={t('messages.notes.deleteTitle')}
          confirmLabel={t('common.delete')}
          onConfirm={async () => {
            await del(`/households/${householdId}/parent-notes/${deleting.id}`);
            await refresh();
          }}
        >
          {t('messages.notes.deleteText', {
            text: shorten(deleting.text, 120),
            date: formatDay(deleting.date, 'weekdayShort', locale),
          })}
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
  const { t, locale } = useMessageWords();
  const tParts = useTParts();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<{ kind: ParentNoteKind; date: string; text: string }>({
    initialValues: { kind: 'concern', date: today, text: '' },
    validate: {
      text: (v) => (v.trim() ? null : t('messages.notes.textRequired')),
      date: (v) => (v ? null : t('messages.chooseDate')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await post(`/households/${householdId}/parent-notes`, { childId, ...v, text: v.text.trim() });
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('messages.notes.saved', { kind: v.kind, date: formatDay(v.date, 'weekdayShort', locale) }),
      });
      await onDone();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  });
  return (
    <FormStack onSubmit={submit} error={error}>
      <Radio.Group label={t('messages.notes.kind')} {...form.getInputProps('kind')}>
        <Stack gap="xs" mt={6}>
          {NOTE_KINDS.map((k) => (
            <Radio
              key={k}
              value={k}
              label={t('messages.noteKind', { kind: k })}
              description={t('messages.noteKindHint', { kind: k })}
            />
          ))}
        </Stack>
      </Radio.Group>
      {form.values.kind === 'harm' && (
        <Alert color="yellow" title={t('messages.notes.harmTitle')}>
          {tParts('messages.notes.harmText', { name: <bdi>{firstName}</bdi> })}
        </Alert>
      )}
      <PastDayInput today={today} label={t('messages.date')} required {...form.getInputProps('date')} />
      <Textarea
        label={t('messages.notes.text')}
        description={t('messages.notes.textHint')}
        required
        autosize
        minRows={3}
        maxRows={10}
        maxLength={5000}
        {...form.getInputProps('text')}
      />
      <FormActions onCancel={onCancel} submitting={form.submitting} saveLabel={t('messages.save')} />
    </FormStack>
  );
}
