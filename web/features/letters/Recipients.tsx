import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import type { Letter, TeamContact } from '../../api/types.ts';
import { useT } from '../../i18n/i18n.tsx';

export type Recipient = Letter['to'][number];

/** Recipients as edited: the email is text ('' for none) until saved. */
export type EditableRecipient = { name: string; email: string };

export const toEditable = (list: Recipient[]): EditableRecipient[] =>
  list.map((r) => ({ name: r.name, email: r.email ?? '' }));

export const fromEditable = (list: EditableRecipient[]): Recipient[] =>
  list
    .filter((r) => r.name.trim() || r.email.trim())
    .map((r) => ({ name: r.name.trim() || r.email.trim(), email: r.email.trim() || null }));

/**
 * The people a letter goes to (or is copied to): each a name and an email address, added from the team or
 * typed in.
 */
export function Recipients({
  label,
  list,
  value,
  onChange,
  contacts,
  readOnly,
  description,
  nameErrors,
}: {
  label: string;
  /** Which list it is, for button names: "to" (the recipients) or "cc" (the people copied). */
  list: 'to' | 'cc';
  value: EditableRecipient[];
  onChange(next: EditableRecipient[]): void;
  contacts: TeamContact[];
  readOnly: boolean;
  /** Why these people are on the list (who is copied, and that it can change). */
  description?: string;
  /** A message at a row's name (a gap to fill in), by row. */
  nameErrors?: (string | null)[];
}) {
  const t = useT('letters');
  const id = useId();
  if (readOnly) {
    return (
      <div>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text>
          {value.length === 0
            ? t('letters.recipients.nobody')
            : value.map((r) => (r.email ? `${r.name} <${r.email}>` : r.name)).join(', ')}
        </Text>
      </div>
    );
  }
  const set = (i: number, patch: Partial<EditableRecipient>) =>
    onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const notYet = contacts.filter(
    (c) =>
      !value.some((r) => (c.email && r.email.toLowerCase() === c.email.toLowerCase()) || r.name === c.name),
  );
  return (
    <Stack gap={6} role="group" aria-labelledby={`${id}-label`}>
      <Text id={`${id}-label`} size="sm" fw={600}>
        {label}
      </Text>
      {description && <Text size="sm">{description}</Text>}
      {value.length === 0 && <Text size="sm">{t('letters.recipients.nobodyYet')}</Text>}
      {value.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; their order is their identity here
        <Paper key={i} withBorder p="xs" radius="md">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <TextInput
              size="sm"
              label={t('letters.recipients.name')}
              value={r.name}
              maxLength={300}
              error={nameErrors?.[i] ?? undefined}
              onChange={(e) => set(i, { name: e.currentTarget.value })}
            />
            <TextInput
              size="sm"
              type="email"
              label={t('letters.recipients.email')}
              value={r.email}
              maxLength={300}
              onChange={(e) => set(i, { email: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt={6}>
            <Button
              size="xs"
              variant="default"
              aria-label={
                r.name
                  ? t('letters.recipients.removeLabel', { name: r.name, list })
                  : t('letters.recipients.removeUnnamedLabel', { list })
              }
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            >
              {t('letters.recipients.remove')}
            </Button>
          </Group>
        </Paper>
      ))}
      <Group gap="xs" align="flex-end">
        {notYet.length > 0 && (
          <NativeSelect
            size="sm"
            label={t('letters.recipients.addFromTeam', { list })}
            value=""
            data={[
              { value: '', label: t('letters.recipients.choose') },
              ...notYet.map((c) => ({ value: c.id, label: `${c.name} (${c.role})` })),
            ]}
            onChange={(e) => {
              const c = contacts.find((x) => x.id === e.currentTarget.value);
              if (c) onChange([...value, { name: c.name, email: c.email ?? '' }]);
            }}
          />
        )}
        <Button
          size="sm"
          variant="default"
          aria-label={t('letters.recipients.addOtherLabel', { list })}
          onClick={() => onChange([...value, { name: '', email: '' }])}
        >
          {t('letters.recipients.addOther')}
        </Button>
      </Group>
    </Stack>
  );
}
