import { List, Paper, Title } from '@mantine/core';
import { TextLink } from '../../components/TextLink.tsx';
import { useT } from '../../i18n/i18n.tsx';

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
  const t = useT('messages');
  if (overdueCount === 0 && waitingCount === 0 && verbalCount === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="messages-now">
      <Title order={3} size="h5" id="messages-now">
        {t('messages.now.title')}
      </Title>
      <List size="sm" spacing={2} mt={4}>
        {overdueCount > 0 && (
          <List.Item>
            {t('messages.now.overdue', { count: overdueCount })}{' '}
            <TextLink href="/advisor">{t('nav.advisor')}</TextLink>
          </List.Item>
        )}
        {waitingCount > 0 && <List.Item>{t('messages.now.waiting', { count: waitingCount })}</List.Item>}
        {verbalCount > 0 && <List.Item>{t('messages.now.verbal', { count: verbalCount })}</List.Item>}
      </List>
    </Paper>
  );
}
