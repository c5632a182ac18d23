import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { SPANISH_LETTER_KINDS } from '../../../src/domain/letters/kinds.ts';
import { ApiError, get, patch } from '../../api/client.ts';
import type { Letter, LetterKind, LetterVersion } from '../../api/types.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { letterKey } from './letter-api.ts';

/**
 * The letter in the other language, beside the draft (issue 17): a parent who reads Spanish drafts in
 * Spanish, reads the English the school would get, and may send that one instead (or the reverse). It
 * is drafted again from what the letter was drafted for and the record, never machine-translated, so
 * the parent's own changes to her draft are not in it: the page says so before she takes it.
 */
export function OtherLanguage({
  letter,
  householdId,
  canEdit,
  dirty,
}: {
  letter: Letter;
  householdId: string;
  canEdit: boolean;
  /** Whether the draft on screen has changes not saved yet (taking the other version replaces them). */
  dirty: boolean;
}) {
  const t = useT('letters');
  const headingId = useId();
  const client = useQueryClient();
  const other = letter.language === 'es' ? 'en' : 'es';
  // A letter in Spanish shows its English at once (the school most often reads English); an English
  // letter offers its Spanish on request.
  const [open, setOpen] = useState(letter.language !== 'en');
  const [taking, setTaking] = useState(false);
  const version = useQuery({
    queryKey: ['letter-version', householdId, letter.id, other, letter.updatedAt],
    queryFn: () =>
      get<LetterVersion>(`/households/${householdId}/letters/${letter.id}/version?language=${other}`),
    enabled: open,
  });
  if (!SPANISH_LETTER_KINDS.has(letter.kind as LetterKind)) return null;

  const take = async () => {
    if (!version.data) return;
    const updated = await patch<Letter>(`/households/${householdId}/letters/${letter.id}`, {
      subject: version.data.subject,
      body: version.data.body,
      language: other,
    });
    client.setQueryData(letterKey(householdId, letter.id), updated);
    await client.invalidateQueries({ queryKey: ['letters', householdId] });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={headingId}>
          {t('letters.other.title', { language: other })}
        </Title>
        <Text size="sm">{t('letters.other.intro', { language: other })}</Text>
        {!open && (
          <Button variant="default" size="xs" w="fit-content" onClick={() => setOpen(true)}>
            {t('letters.other.show', { language: other })}
          </Button>
        )}
        {open && version.isPending && (
          <Text size="sm" role="status">
            {t('letters.other.loading')}
          </Text>
        )}
        {open && version.isError && (
          <Text size="sm" c="red.9" role="alert">
            {version.error instanceof ApiError ? version.error.message : t('letters.other.failed')}
          </Text>
        )}
        {version.data && (
          <>
            <Paper bg="gray.0" p="sm" radius="sm" lang={other}>
              <Text fw={600}>{version.data.subject}</Text>
              <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                {version.data.body}
              </Text>
            </Paper>
            {canEdit && letter.status === 'draft' && (
              <Button variant="default" w="fit-content" onClick={() => setTaking(true)}>
                {t('letters.other.take', { language: other })}
              </Button>
            )}
          </>
        )}
      </Stack>
      <ConfirmModal
        opened={taking}
        onClose={() => setTaking(false)}
        title={t('letters.other.takeTitle', { language: other })}
        confirmLabel={t('letters.other.takeConfirm', { language: other })}
        onConfirm={take}
      >
        {t('letters.other.takeText', {
          language: other,
          unsaved: dirty ? 'yes' : 'no',
        })}
      </ConfirmModal>
    </Paper>
  );
}
