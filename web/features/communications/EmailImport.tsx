import { Alert, Button, FileButton, Group, Progress, Text } from '@mantine/core';
import { EMAIL_ACCEPT } from './email-import.ts';
import { ImportSummary } from './ImportSummary.tsx';
import type { EmailImport } from './useEmailImport.ts';

// The log's buttons (log a message, import emails or a folder) and what an import did.

export function LogAndImportButtons({ onLog, emails }: { onLog(): void; emails: EmailImport }) {
  return (
    <>
      <Group gap="sm">
        <Button size="md" color="blue.8" onClick={onLog}>
          Log a message
        </Button>
        <FileButton
          multiple
          onChange={(f) => void emails.importFiles(f)}
          accept={EMAIL_ACCEPT}
          resetRef={emails.resetImport}
        >
          {(props) => (
            <Button {...props} size="md" variant="default" loading={emails.importing}>
              Import emails
            </Button>
          )}
        </FileButton>
        <FileButton
          multiple
          onChange={(f) => void emails.importFiles(f)}
          resetRef={emails.resetFolder}
          inputProps={{ webkitdirectory: '', directory: '' } as Record<string, string>}
        >
          {(props) => (
            <Button {...props} size="md" variant="subtle" disabled={emails.importing}>
              Import a folder
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="sm" mt={-8}>
        To import, save emails from your mail app as .eml files (choose several at once, or a whole folder),
        or export a folder as .mbox. Each message is added once, matched to the team by address, and joined to
        its conversation.
      </Text>
    </>
  );
}

export function ImportResult({ emails }: { emails: EmailImport }) {
  const progress = emails.progress;
  return (
    <>
      {progress && (
        <Alert color="blue" title={`Importing “${progress.name}”`} role="status" aria-live="polite">
          <Text size="sm" mb={6}>
            {progress.total === null
              ? 'Reading the messages…'
              : `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} messages added. You can keep using As Written meanwhile.`}
          </Text>
          <Progress
            value={progress.total ? (100 * progress.done) / progress.total : 0}
            aria-label={`Messages imported from “${progress.name}”`}
            animated
          />
        </Alert>
      )}
      {emails.importError && (
        <Alert
          color="red"
          title="Nothing was imported"
          role="alert"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={emails.dismissError}
        >
          {emails.importError}
        </Alert>
      )}
      {emails.imported && <ImportSummary outcome={emails.imported} onClose={emails.dismissSummary} />}
    </>
  );
}
