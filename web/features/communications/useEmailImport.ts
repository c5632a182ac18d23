import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { translateNow as t } from '../../i18n/i18n.tsx';
import { AFFECTED_BY_MESSAGES } from './communication-words.ts';
import { emailFilesOf, type ImportProgress, importEmailFile, inWrittenOrder } from './email-import.ts';
import type { ImportOutcome } from './ImportSummary.tsx';

/**
 * Import emails: one file, several, or a folder's worth. Each file is imported on its own (all of it
 * or none of it), oldest first so replies join their conversations; one broken file does not stop the
 * others.
 */
export function useEmailImport(householdId: string, childId: string, csrfToken: string | null) {
  const client = useQueryClient();
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<ImportOutcome | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  /** A large file's progress while the server imports it in the background. */
  const [progress, setProgress] = useState<(ImportProgress & { name: string }) | null>(null);
  const resetImport = useRef<() => void>(null);
  const resetFolder = useRef<() => void>(null);
  const importFiles = async (chosen: File[]) => {
    resetImport.current?.();
    resetFolder.current?.();
    const files = await inWrittenOrder(emailFilesOf(chosen));
    setImportError(null);
    setImported(null);
    if (files.length === 0) {
      if (chosen.length > 0) setImportError(t('messages.import.noFiles'));
      return;
    }
    setImporting(true);
    const outcome: ImportOutcome = { files: [], failures: [] };
    try {
      for (const file of files) {
        try {
          const result = await importEmailFile(householdId, childId, file, csrfToken, (p) =>
            setProgress({ ...p, name: file.name }),
          );
          outcome.files.push({ name: file.name, result });
        } catch (e) {
          outcome.failures.push({
            name: file.name,
            message: e instanceof ApiError ? e.message : t('messages.import.failed', { name: file.name }),
          });
        }
      }
      if (outcome.files.length > 0) {
        for (const queryKey of AFFECTED_BY_MESSAGES)
          await client.invalidateQueries({ queryKey: [...queryKey] });
        await client.invalidateQueries({ queryKey: ['attachments', householdId] });
      }
      if (outcome.files.length === 0 && outcome.failures.length === 1) {
        setImportError(outcome.failures[0]!.message);
      } else {
        setImported(outcome);
      }
    } finally {
      setImporting(false);
      setProgress(null);
    }
  };
  return {
    importing,
    progress,
    imported,
    importError,
    dismissSummary: () => setImported(null),
    dismissError: () => setImportError(null),
    resetImport,
    resetFolder,
    importFiles,
  };
}

export type EmailImport = ReturnType<typeof useEmailImport>;
