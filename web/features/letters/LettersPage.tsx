import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan } from '../../api/permissions.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import type { Letter } from '../../api/types.ts';
import contrast from '../../components/contrast.module.css';
import { ResponsiveDrawer } from '../../components/Dialogs.tsx';
import { formatDay, localeFor, todayIso } from '../../components/dates.ts';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { Tag } from '../../components/SessionEntryCard.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { useLanguage, useT, useTParts } from '../../i18n/i18n.tsx';
import { LetterPicker } from './LetterPicker.tsx';
import { letterKindName, lettersKey, listLetters } from './letter-api.ts';

// Letters drafted from the record: drafts to finish and letters sent. "Draft a letter" picks the kind and
// what it is about; the editor does the rest.

export default function LettersPage() {
  const t = useT('letters');
  const tParts = useTParts();
  const { householdId, child } = useHouseholdChild();
  const drafting = useCan('letter.draft');
  const letters = useQuery({
    queryKey: lettersKey(householdId, child.id),
    queryFn: () => listLetters(householdId, child.id),
  });
  const [opened, setOpened] = useState(false);
  const [opening, setOpening] = useState(0);
  const list = letters.data ?? [];
  const drafts = list.filter((l) => l.status === 'draft');
  const sent = list.filter((l) => l.status === 'sent');

  return (
    <Stack gap="lg" maw={900} className={contrast.scope}>
      <div>
        <Title order={2}>{t('letters.title')}</Title>
        <Text>{t('letters.intro')}</Text>
        {!drafting && (
          <Text size="sm" mt={4}>
            {t('letters.readOnly')}
          </Text>
        )}
      </div>

      {drafting && (
        <Group>
          <Button
            size="md"
            color="blue.8"
            onClick={() => {
              setOpening((n) => n + 1);
              setOpened(true);
            }}
          >
            {t('letters.draft')}
          </Button>
        </Group>
      )}
      <Text size="sm" mt={-8}>
        {tParts('letters.notSure', { advisor: <TextLink href="/advisor">{t('nav.advisor')}</TextLink> })}
      </Text>

      {letters.isError && (
        <LoadFailed
          title={t('letters.loadError')}
          message={letters.error.message}
          onRetry={() => void letters.refetch()}
        />
      )}
      {letters.isPending && <LoadingCards label={t('letters.loading')} heights={[80, 80]} />}

      {letters.isSuccess && (
        <>
          <LetterList
            id="drafts"
            title={t('letters.drafts')}
            letters={drafts}
            empty={t('letters.noDrafts')}
          />
          <LetterList id="sent" title={t('letters.sent')} letters={sent} empty={t('letters.noneSent')} />
        </>
      )}

      {drafting && (
        <ResponsiveDrawer opened={opened} onClose={() => setOpened(false)} title={t('letters.draft')}>
          <LetterPicker
            key={opening}
            householdId={householdId}
            childId={child.id}
            onCancel={() => setOpened(false)}
          />
        </ResponsiveDrawer>
      )}
    </Stack>
  );
}

function LetterList({
  id,
  title,
  letters,
  empty,
}: {
  id: string;
  title: string;
  letters: Letter[];
  empty: string;
}) {
  const t = useT('letters');
  const locale = localeFor(useLanguage().language);
  return (
    <section aria-labelledby={`letters-${id}`}>
      <Title order={3} size="h4" id={`letters-${id}`} mb="xs">
        {title}
      </Title>
      {letters.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {letters.map((l) => (
            <Paper component="li" key={l.id} withBorder p="md" radius="md">
              <Stack gap={4}>
                <Group gap="xs">
                  <Tag tone={l.status === 'sent' ? 'green' : 'gray'}>
                    {t('letters.status', { status: l.status })}
                  </Tag>
                  <Text size="sm">{letterKindName(l.kind, t)}</Text>
                </Group>
                <Text fw={700}>
                  <TextLink href={`/letters/${l.id}`}>{l.subject}</TextLink>
                </Text>
                <Text size="sm">
                  {t('letters.listLine', {
                    hasTo: l.to.length > 0 ? 'yes' : 'no',
                    names: l.to.map((r) => r.name).join(', '),
                    status: l.status,
                    date: formatDay(todayIso(new Date(l.updatedAt)), 'weekdayShort', locale),
                  })}
                </Text>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </section>
  );
}
