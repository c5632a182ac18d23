import { List, Paper, Title } from '@mantine/core';
import { TextLink } from '../../components/TextLink.tsx';

/** "Right now": how many messages are late, waiting, or calls not yet put in writing (nothing when none). */
export function RightNow({
  overdueCount,
  waitingCount,
  verbalCount,
}: {
  overdueCount: number;
  waitingCount: number;
  verbalCount: number;
}) {
  if (overdueCount === 0 && waitingCount === 0 && verbalCount === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="messages-now">
      <Title order={3} size="h5" id="messages-now">
        Right now
      </Title>
      <List size="sm" spacing={2} mt={4}>
        {overdueCount > 0 && (
          <List.Item>
            {overdueCount === 1
              ? '1 message is past its reply date.'
              : `${overdueCount} messages are past their reply dates.`}{' '}
            <TextLink href="/advisor">What to do next</TextLink>
          </List.Item>
        )}
        {waitingCount > 0 && (
          <List.Item>
            {waitingCount === 1
              ? '1 message is waiting for a reply.'
              : `${waitingCount} messages are waiting for replies.`}
          </List.Item>
        )}
        {verbalCount > 0 && (
          <List.Item>
            {verbalCount === 1
              ? '1 call or meeting is not yet followed up in writing.'
              : `${verbalCount} calls or meetings are not yet followed up in writing.`}
          </List.Item>
        )}
      </List>
    </Paper>
  );
}
