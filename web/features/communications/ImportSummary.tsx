import { Alert, List } from '@mantine/core';
import type { FileImport } from './email-import.ts';

// What an email import did: the messages added, those already in the log, the files kept or not.

export type ImportOutcome = {
  files: { name: string; result: FileImport }[];
  failures: { name: string; message: string }[];
};

export function ImportSummary({ outcome, onClose }: { outcome: ImportOutcome; onClose(): void }) {
  const results = outcome.files.map((f) => f.result);
  const n = results.reduce((sum, r) => sum + r.imported, 0);
  const duplicates = results.flatMap((r) => r.duplicates);
  const d = duplicates.length;
  const kept = results.reduce((sum, r) => sum + (r.attachmentsKept ?? 0), 0);
  const skipped = outcome.files.flatMap((f) =>
    f.result.skippedAttachments.map((s) => ({ ...s, key: `${f.name}/${s.filename}/${s.reason}` })),
  );
  const source =
    outcome.files.length === 1 && outcome.failures.length === 0
      ? `“${outcome.files[0]!.name}”`
      : `${outcome.files.length} ${outcome.files.length === 1 ? 'file' : 'files'}`;
  return (
    <Alert
      color={outcome.failures.length > 0 ? 'orange' : 'blue'}
      title={
        n > 0
          ? `Imported ${n} ${n === 1 ? 'message' : 'messages'} from ${source}`
          : outcome.files.length > 0
            ? `Nothing new in ${source}`
            : 'Nothing was imported'
      }
      role="status"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
    >
      <List size="sm" spacing={2}>
        {outcome.failures.map((f) => (
          <List.Item key={`failed-${f.name}`}>Not imported: {f.message}</List.Item>
        ))}
        {d > 0 && (
          <List.Item>
            {d === 1 ? '1 message was already in the log' : `${d} messages were already in the log`}, so{' '}
            {d === 1 ? 'it was' : 'they were'} not added again
            {duplicates.some((x) => x.subject)
              ? `: ${duplicates
                  .map((x) => x.subject)
                  .filter((s): s is string => !!s)
                  .slice(0, 3)
                  .map((s) => `“${s}”`)
                  .join(', ')}`
              : ''}
            .
          </List.Item>
        )}
        {kept > 0 && (
          <List.Item>{kept === 1 ? '1 attachment was kept.' : `${kept} attachments were kept.`}</List.Item>
        )}
        {skipped.map((s) => (
          <List.Item key={s.key}>
            Not kept: “<bdi>{s.filename}</bdi>”. {s.reason}
          </List.Item>
        ))}
        {n > 0 && (
          <List.Item>
            Check who each one is from: a sender who is not on the team is listed by address. Messages from
            the team count as replies.
          </List.Item>
        )}
      </List>
    </Alert>
  );
}
