import type { EmailImportResult } from '../../api/communications.ts';
import { type ApiErrorKey, apiWordsOf } from '../../domain/api-errors.ts';
import type { MessageWords } from '../../domain/errors.ts';

// Why an email's attachment was not kept, in the reader's language (issue 17). The attachment check
// refuses it with the words of the server-only part `apierror` (`apierror.file.*`,
// `apierror.attachment.*`); the import summary is said by the messages page, which loads its own part,
// so each reason is given with the words of `messages.skipped.*` (the same English, the same values).
// A result kept before words were (a finished import job's) has them found back from its English.

/** Each refusal's key in `apierror`, and the key of `messages` that says the same. */
const SKIPPED_KEYS = {
  'apierror.file.empty': 'messages.skipped.empty',
  'apierror.file.tooLarge': 'messages.skipped.tooLarge',
  'apierror.file.markup': 'messages.skipped.markup',
  'apierror.file.notAccepted': 'messages.skipped.notAccepted',
  'apierror.file.extensionRefused': 'messages.skipped.extensionRefused',
  'apierror.file.namedUnlike': 'messages.skipped.namedUnlike',
  'apierror.attachment.damaged': 'messages.skipped.damaged',
  'apierror.attachment.tooManyPixels': 'messages.skipped.tooManyPixels',
} as const satisfies Partial<Record<`apierror.${ApiErrorKey}`, `messages.skipped.${string}`>>;

/** The refusals whose words can be found back from their English (a template without a select). */
const FOUND_BACK = [
  'file.empty',
  'file.tooLarge',
  'file.markup',
  'file.notAccepted',
  'file.extensionRefused',
  'attachment.tooManyPixels',
] as const satisfies readonly ApiErrorKey[];

/**
 * The words (`messages.skipped.*`) of why an attachment was not kept: from the refusal's own words, else
 * found back from its English; null when none of them wrote it.
 */
export function skippedWords(reason: string, refusal?: MessageWords): MessageWords | null {
  const words = refusal ?? apiWordsOf(FOUND_BACK, reason);
  const key = words ? (SKIPPED_KEYS as Readonly<Record<string, string>>)[words.key] : undefined;
  return words && key ? { ...words, key } : null;
}

type Skipped = EmailImportResult['skippedAttachments'][number];

/** A skipped attachment with its reason's words (those it has, else found back). */
export function withSkippedWords(skipped: Skipped, refusal?: MessageWords): Skipped {
  if (skipped.words) return skipped;
  const words = skippedWords(skipped.reason, refusal);
  return words ? { ...skipped, words } : skipped;
}
