import { Alert, Button, FileButton, Group, Progress, Text } from '@mantine/core';
import { useT } from '../../i18n/i18n.tsx';
import { EMAIL_ACCEPT } from './email-import.ts';
import { ImportSummary } from './ImportSummary.tsx';
import type { EmailImport } from './useEmailImport.ts';

// The log's buttons (log a message, import emails or a folder) and what an import did.

export function LogAndImportButtons({ onLog, emails }: { onLog(): void; emails: EmailImport }) {
  const t = useT('messages');
  return (
    <>
      <Group gap="sm">
        <Button size="md" color="blue.8" onClick={onLog}>
          {t('messages.logMessage')}
        </Button>
        <FileButton
          multiple
          onChange={(f) => void emails.importFiles(f)}
          accept={EMAIL_ACCEPT}
          resetRef={emails.resetImport}
        >
          {(props) => (
            <Button {...props} size="md" variant="default" loading={emails.importing}>
              {t('messages.import.emails')}
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
              {t('messages.import.folder')}
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="sm" mt={-8}>
        {t('messages.import.help')}
      </Text>
    </>
  );
}

export function ImportResult({ emails }: { emails: EmailImport }) {
  const t = useT('messages');
  const progress = emails.progress;
  return (
    <>
      {progress && (
        <Alert
          color="blue"
          title={t('messages.import.importing', { name: progress.name })}
          role="status"
          aria-live="polite"
        >
          <Text size="sm" mb={6}>
            {progress.total === null
              ? t('messages.import.reading')
              : t('messages.import.progress', { done: progress.done, total: progress.total })}
          </Text>
          <Progress
            value={progress.total ? (100 * progress.done) / progress.total : 0}
            aria-label={t('messages.import.progressLabel', { name: progress.name })}
            animated
          />
        </Alert>
      )}
      {emails.importError && (
        <Alert
          color="red"
          title={t('messages.import.nothing')}
          role="alert"
          withCloseButton
          closeButtonLabel={t('messages.dismiss')}
          onClose={emails.dismissError}
        >
          {emails.importError}
        </Alert>
      )}
      {emails.imported && <ImportSummary outcome={emails.imported} onClose={emails.dismissSummary} />}
    </>
  );
}
