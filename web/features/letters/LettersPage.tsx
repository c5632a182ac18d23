import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan } from '../../api/permissions.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import type { Letter } from '../../api/types.ts';
import contrast from '../../components/contrast.module.css';
import { ResponsiveDrawer } from '../../components/Dialogs.tsx';
import { formatDay, todayIso } from '../../components/dates.ts';
import { LoadFailed, LoadingCards } from '../../components/LoadState.tsx';
import { Tag } from '../../components/SessionEntryCard.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { LetterPicker } from './LetterPicker.tsx';
import { letterKindName, lettersKey, listLetters } from './letter-api.ts';

// Letters drafted from the record: drafts to finish and letters sent. "Draft a letter" picks the kind and
// what it is about; the editor does the rest.

export default function LettersPage() {
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
        <Title order={2}>Letters</Title>
        <Text>
          Letters As Written writes from your records: the plan’s own words, the dates and numbers you noted,
          and never an accusation. You read and change them, then send them from your own email or on paper.
        </Text>
        {!drafting && (
          <Text size="sm" mt={4}>
            You can read these; only the owner, co-parents and advocates can draft letters.
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
            Draft a letter
          </Button>
        </Group>
      )}
      <Text size="sm" mt={-8}>
        Not sure which one? <TextLink href="/advisor">What to do next</TextLink> suggests a letter for each
        thing that needs attention.
      </Text>

      {letters.isError && (
        <LoadFailed
          title="The letters could not be loaded"
          message={letters.error.message}
          onRetry={() => void letters.refetch()}
        />
      )}
      {letters.isPending && <LoadingCards label="Loading the letters" heights={[80, 80]} />}

      {letters.isSuccess && (
        <>
          <LetterList id="drafts" title="Drafts" letters={drafts} empty="No drafts." />
          <LetterList
            id="sent"
            title="Sent"
            letters={sent}
            empty="None marked as sent yet. When you send a letter, mark it as sent in the letter: it goes into Messages and As Written waits for the reply."
          />
        </>
      )}

      {drafting && (
        <ResponsiveDrawer opened={opened} onClose={() => setOpened(false)} title="Draft a letter">
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
                    {l.status === 'sent' ? 'Sent' : 'Draft'}
                  </Tag>
                  <Text size="sm">{letterKindName(l.kind)}</Text>
                </Group>
                <Text fw={700}>
                  <TextLink href={`/letters/${l.id}`}>{l.subject}</TextLink>
                </Text>
                <Text size="sm">
                  {l.to.length > 0 ? `To ${l.to.map((r) => r.name).join(', ')} · ` : ''}
                  {l.status === 'sent' ? 'Marked as sent' : 'Last changed'}{' '}
                  {formatDay(todayIso(new Date(l.updatedAt)))}
                </Text>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </section>
  );
}
