import { Alert, List } from '@mantine/core';
import { useT, useTParts } from '../../i18n/i18n.tsx';
import { sayServerWords } from '../../i18n/server-words.ts';
import type { FileImport } from './email-import.ts';

// What an email import did: the messages added, those already in the log, the files kept or not.

export type ImportOutcome = {
  files: { name: string; result: FileImport }[];
  failures: { name: string; message: string }[];
};

export function ImportSummary({ outcome, onClose }: { outcome: ImportOutcome; onClose(): void }) {
  const t = useT('messages');
  const tParts = useTParts();
  const results = outcome.files.map((f) => f.result);
  const n = results.reduce((sum, r) => sum + r.imported, 0);
  const duplicates = results.flatMap((r) => r.duplicates);
  const d = duplicates.length;
  const kept = results.reduce((sum, r) => sum + (r.attachmentsKept ?? 0), 0);
  const skipped = outcome.files.flatMap((f) =>
    f.result.skippedAttachments.map((s) => ({ ...s, key: `${f.name}/${s.filename}/${s.reason}` })),
  );
  // One file named ("“notes.eml”"), else how many ("3 files").
  const single = outcome.files.length === 1 && outcome.failures.length === 0;
  const source = {
    single: single ? 'yes' : 'no',
    name: single ? outcome.files[0]!.name : '',
    files: outcome.files.length,
  };
  const subjects = duplicates
    .map((x) => x.subject)
    .filter((s): s is string => !!s)
    .slice(0, 3)
    .map((s) => `“${s}”`)
    .join(', ');
  return (
    <Alert
      color={outcome.failures.length > 0 ? 'orange' : 'blue'}
      title={
        n > 0
          ? t('messages.summary.imported', { count: n, ...source })
          : outcome.files.length > 0
            ? t('messages.summary.nothingNew', source)
            : t('messages.import.nothing')
      }
      role="status"
      withCloseButton
      closeButtonLabel={t('messages.dismiss')}
      onClose={onClose}
    >
      <List size="sm" spacing={2}>
        {outcome.failures.map((f) => (
          <List.Item key={`failed-${f.name}`}>
            {t('messages.summary.notImported', { message: f.message })}
          </List.Item>
        ))}
        {d > 0 && (
          <List.Item>
            {t('messages.summary.duplicates', { count: d, hasSubjects: subjects ? 'yes' : 'no', subjects })}
          </List.Item>
        )}
        {kept > 0 && <List.Item>{t('messages.summary.kept', { count: kept })}</List.Item>}
        {skipped.map((s) => (
          <List.Item key={s.key}>
            {tParts('messages.summary.notKept', {
              file: <bdi>{s.filename}</bdi>,
              // The server's reason, in the reader's language from its words (`messages.skipped.*`).
              reason: sayServerWords('messages', s.words, s.reason, t),
            })}
          </List.Item>
        ))}
        {n > 0 && <List.Item>{t('messages.summary.check')}</List.Item>}
      </List>
    </Alert>
  );
}
